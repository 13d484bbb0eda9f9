import type { z } from 'zod';
import type { OutboxItem, outboxOperations } from '../../../shared/contract/areas/outbox';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { UserInfo } from '../../../shared/contract';
import { BEHEER_KINDS, outboxKinds } from '../sync/kinds';
import { ContactverzoekPayload } from '../sync/kinds/contactverzoek';

type ResendFix = NonNullable<z.output<(typeof outboxOperations)['outbox.resend']['input']>['fix']>;
/** What a person may correct in a parked terugbelverzoek. */
export type CallbackFix = Pick<ResendFix, 'toegewezenAan' | 'telefoonnummers' | 'emailadressen'>;
/** Checks a callback correction, writes it to the callback row and its history, and returns the entry's new payload and steps. */
export type CorrectCallback = (payload: ContactverzoekPayload, steps: Record<string, unknown>, fix: CallbackFix) => { payload: ContactverzoekPayload; steps: Record<string, unknown> };

/**
 * Parked entries need a person: the clerk (it is her work) or the beheerder can correct and
 * resend them, or discard them on record. Nothing is dropped silently.
 */
const isBeheerder = (user: UserInfo) => user.roles.includes('beheerder');

export class OutboxService {
  constructor(
    private readonly store: Store,
    private readonly changed: () => void,
    private readonly correctCallback: CorrectCallback | null = null,
  ) {}

  /** The clerk's wachtrij leaves out what is not her work (the verwerkingenlog); the beheerder sees all. */
  list(user: UserInfo): { items: OutboxItem[] } {
    return {
      items: this.store.outbox.review(isBeheerder(user) ? [] : BEHEER_KINDS).map(({ payload, ...item }) => {
        const kind = outboxKinds.get(item.kind);
        const parsed = kind?.payload.safeParse(payload);
        const summary = kind?.describe && parsed?.success ? kind.describe(parsed.data) : item.kind;
        return { ...item, summary, callback: callbackOf(item.kind, payload) };
      }),
    };
  }

  resend(id: number, fix: ResendFix | undefined, user: UserInfo): { ok: true; callbackId: string | null } {
    const { entry, kind, payload } = this.parked(id, user);
    const { toegewezenAan, telefoonnummers, emailadressen, ...tekst } = fix ?? {};
    const callbackFix = definedOnly({ toegewezenAan, telefoonnummers, emailadressen });
    const tekstFix = definedOnly(tekst);
    const cannot = () => new ServiceError('invalid_input', 'Dit soort bericht kan niet op deze manier worden aangepast, alleen opnieuw verzonden.');
    if (tekstFix && !kind.correct) throw cannot();
    if (callbackFix && (entry.kind !== 'contactverzoek' || !this.correctCallback)) throw cannot();
    this.store.transaction(() => {
      let corrected = tekstFix && kind.correct ? kind.correct(this.store, payload, tekstFix) : payload;
      if (callbackFix && this.correctCallback) {
        const next = this.correctCallback(ContactverzoekPayload.parse(corrected), entry.steps, callbackFix);
        corrected = next.payload;
        if (!this.store.outbox.correctParked(entry.id, corrected, next.steps)) throw new ServiceError('conflict', 'Dit bericht is intussen al verwerkt.');
      }
      if (!this.store.outbox.resend(entry.id, corrected, new Date().toISOString())) throw new ServiceError('conflict', 'Dit bericht is intussen al verwerkt.');
    });
    this.changed();
    return { ok: true, callbackId: callbackFix ? ContactverzoekPayload.parse(payload).callbackId : null };
  }

  discard(id: number, user: UserInfo): { ok: true } {
    const by = user.id;
    const { entry, kind, payload } = this.parked(id, user);
    this.store.transaction(() => {
      if (!this.store.outbox.discard(entry.id, by, new Date().toISOString())) throw new ServiceError('conflict', 'Dit bericht is intussen al verwerkt.');
      kind.discarded?.(this.store, payload);
    });
    this.changed();
    return { ok: true };
  }

  private parked(id: number, user: UserInfo) {
    const entry = this.store.outbox.get(id);
    // Not her work, not in her wachtrij: for the clerk it does not exist.
    if (!entry || (!isBeheerder(user) && BEHEER_KINDS.includes(entry.kind))) throw new ServiceError('not_found', 'Dit bericht staat niet (meer) in de wachtrij.');
    if (entry.state !== 'parked') throw new ServiceError('conflict', 'Alleen berichten die zijn tegengehouden kunnen worden aangepast of verwijderd.');
    const kind = outboxKinds.get(entry.kind);
    if (!kind) throw new ServiceError('conflict', `Onbekende soort bericht: ${entry.kind}.`);
    const payload = kind.payload.safeParse(entry.payload);
    if (!payload.success) throw new ServiceError('conflict', 'Het bericht is onleesbaar geworden; verwijder het.');
    return { entry, kind, payload: payload.data };
  }
}

/** The fields a person filled in; null when none. */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> | null {
  const filled = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
  return Object.keys(filled).length > 0 ? filled : null;
}

/** A terugbelverzoek's correctable parts, for the wachtrij's form. */
function callbackOf(kind: string, payload: unknown): OutboxItem['callback'] {
  if (kind !== 'contactverzoek') return null;
  const parsed = ContactverzoekPayload.safeParse(payload);
  if (!parsed.success) return null;
  const { callbackId, toegewezenAan, telefoonnummers, emailadressen } = parsed.data;
  return { id: callbackId, toegewezenAan, telefoonnummers, emailadressen };
}

export function outboxHandlers(service: OutboxService): Pick<Handlers, 'outbox.list' | 'outbox.resend' | 'outbox.discard'> {
  return {
    'outbox.list': (_input, ctx) => service.list(ctx.user),
    'outbox.resend': ({ id, fix }, ctx) => service.resend(id, fix, ctx.user),
    'outbox.discard': ({ id }, ctx) => service.discard(id, ctx.user),
  };
}
