import type { OutboxItem } from '../../../shared/contract/areas/outbox';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import { outboxKinds } from '../sync/kinds';
import type { OutboxFix } from '../sync/kinds/types';

/**
 * Parked entries need a person: the clerk (it is her work) or the beheerder can correct and
 * resend them, or discard them on record. Nothing is dropped silently.
 */
export class OutboxService {
  constructor(
    private readonly store: Store,
    private readonly changed: () => void,
  ) {}

  list(): { items: OutboxItem[] } {
    return {
      items: this.store.outbox.review().map(({ payload, ...item }) => {
        const kind = outboxKinds.get(item.kind);
        const parsed = kind?.payload.safeParse(payload);
        const summary = kind?.describe && parsed?.success ? kind.describe(parsed.data) : item.kind;
        return { ...item, summary };
      }),
    };
  }

  resend(id: number, fix: OutboxFix | undefined): { ok: true } {
    const { entry, kind, payload } = this.parked(id);
    if (fix && !kind.correct) throw new ServiceError('invalid_input', 'Dit soort bericht kan niet worden aangepast, alleen opnieuw verzonden.');
    this.store.transaction(() => {
      const corrected = fix && kind.correct ? kind.correct(this.store, payload, fix) : payload;
      if (!this.store.outbox.resend(entry.id, corrected, new Date().toISOString())) throw new ServiceError('conflict', 'Dit bericht is intussen al verwerkt.');
    });
    this.changed();
    return { ok: true };
  }

  discard(id: number, by: string): { ok: true } {
    const { entry, kind, payload } = this.parked(id);
    this.store.transaction(() => {
      if (!this.store.outbox.discard(entry.id, by, new Date().toISOString())) throw new ServiceError('conflict', 'Dit bericht is intussen al verwerkt.');
      kind.discarded?.(this.store, payload);
    });
    this.changed();
    return { ok: true };
  }

  private parked(id: number) {
    const entry = this.store.outbox.get(id);
    if (!entry) throw new ServiceError('not_found', 'Dit bericht staat niet (meer) in de wachtrij.');
    if (entry.state !== 'parked') throw new ServiceError('conflict', 'Alleen berichten die zijn tegengehouden kunnen worden aangepast of verwijderd.');
    const kind = outboxKinds.get(entry.kind);
    if (!kind) throw new ServiceError('conflict', `Onbekende soort bericht: ${entry.kind}.`);
    const payload = kind.payload.safeParse(entry.payload);
    if (!payload.success) throw new ServiceError('conflict', 'Het bericht is onleesbaar geworden; verwijder het.');
    return { entry, kind, payload: payload.data };
  }
}

export function outboxHandlers(service: OutboxService): Pick<Handlers, 'outbox.list' | 'outbox.resend' | 'outbox.discard'> {
  return {
    'outbox.list': () => service.list(),
    'outbox.resend': ({ id, fix }) => service.resend(id, fix),
    'outbox.discard': ({ id }, ctx) => service.discard(id, ctx.user.id),
  };
}
