import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CallbackItem, CallbackList, callbackOperations } from '../../../shared/contract/areas/callbacks';
import type { ActorTarget } from '../adapters/types';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { CallbackRow } from '../store/callbacks';
import { queueKey, type SyncEngine } from '../sync/engine';
import type { ContactverzoekPayload } from '../sync/kinds/contactverzoek';

type CreateOutput = z.output<(typeof callbackOperations)['callbacks.create']['input']>;
/** The parsed create input; the optional parts may be left out by callers inside the core. */
type CreateInput = Omit<CreateOutput, 'voorkeurMoment' | 'antwoorden'> & Partial<Pick<CreateOutput, 'voorkeurMoment' | 'antwoorden'>>;

function toItem(row: CallbackRow): CallbackItem {
  return {
    id: row.id,
    customerId: row.customer_id,
    klantNaam: row.klant_naam,
    onderwerp: row.onderwerp,
    vraag: row.vraag,
    toelichting: row.toelichting,
    status: row.status,
    toegewezenAan: JSON.parse(row.toegewezen_aan) as CallbackItem['toegewezenAan'],
    toegewezenOp: row.toegewezen_op,
    aangemaaktOp: row.aangemaakt_op,
    syncState: row.sync_state,
    syncError: row.sync_error,
    team: null,
    medewerker: null,
    normWerkdagen: null,
    deadline: null,
    urgentie: null,
    leeftijdWerkdagen: 0,
    pogingen: 0,
    laatstePogingOp: null,
    telefoonnummers: [],
    emailadressen: [],
    voorkeurMoment: null,
    antwoorden: [],
    resultaat: null,
    afgehandeldOp: row.afgehandeld_op,
  };
}

/** The queues of a user: their own (as medewerker) and their groepen's. */
export function workQueuesOf(user: KlantbeeldConfig['user']): { mine: ActorTarget[]; groups: ActorTarget[] } {
  return {
    mine: [{ soort: 'medewerker', code: user.email }],
    groups: (user.groepen ?? []).map((code) => ({ soort: 'groep' as const, code })),
  };
}

/**
 * Terugbelverzoeken: registered locally with their outbox entry in one transaction, sent as a
 * klantcontact plus interne taak; the work queues come from the zaaksysteem by polling.
 * (The whole lifecycle, deadlines and the team leader's view are the callbacks feature.)
 */
export class CallbackService {
  constructor(
    private readonly store: Store,
    private readonly config: Pick<KlantbeeldConfig, 'kanalen' | 'user'> & Partial<Pick<KlantbeeldConfig, 'terugbelTeams'>>,
    private readonly sync: SyncEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(input: CreateInput): CallbackItem {
    if (!this.config.kanalen.includes(input.kanaal)) {
      throw new ServiceError('invalid_input', 'Onbekend kanaal.', [{ path: 'kanaal', message: `Kies een van: ${this.config.kanalen.join(', ')}.` }]);
    }
    const customer = input.customerId === null ? null : this.store.customers.get(input.customerId);
    if (input.customerId !== null && !customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    const telefoonnummers = input.telefoonnummers.length > 0 ? input.telefoonnummers : (customer?.telefoonnummers.slice(0, 1) ?? []);
    if (!customer && (!input.bellerNaam?.trim() || telefoonnummers.length === 0)) {
      throw new ServiceError('invalid_input', 'Vul naam en telefoonnummer van de beller in.', [
        { path: 'bellerNaam', message: 'Vul de naam van de beller in.' },
        { path: 'telefoonnummers', message: 'Vul een telefoonnummer in.' },
      ]);
    }
    if (telefoonnummers.length === 0 && input.emailadressen.length === 0) {
      throw new ServiceError('invalid_input', 'Geef een telefoonnummer of e-mailadres om terug te bellen.', [{ path: 'telefoonnummers', message: 'Vul een telefoonnummer of e-mailadres in.' }]);
    }
    const { user } = this.config;
    const at = this.now().toISOString();
    const id = this.store.transaction(() => {
      const contact = customer
        ? this.store.contacts.addLocal({ customerId: customer.id, kanaal: input.kanaal, onderwerp: input.onderwerp, inhoud: input.inhoud, plaatsgevondenOp: at, medewerker: user.naam })
        : null;
      const callbackId = this.store.callbacks.addLocal({
        customerId: customer?.id ?? null,
        contactId: contact?.id ?? randomUUID(),
        klantNaam: customer?.naam ?? input.bellerNaam?.trim() ?? null,
        onderwerp: input.onderwerp,
        vraag: input.vraag,
        toelichting: input.toelichting,
        toegewezenAan: input.toegewezenAan.map((t) => ({ soort: t.soort, code: t.code, naam: this.teamNaam(t) })),
        aangemaaktOp: at,
      });
      const payload: ContactverzoekPayload = {
        callbackId,
        contactId: contact?.id ?? null,
        customerId: customer?.id ?? null,
        kanaal: input.kanaal,
        onderwerp: input.onderwerp,
        inhoud: input.inhoud,
        plaatsgevondenOp: at,
        medewerker: { id: user.id, naam: user.naam, email: user.email },
        ...(customer ? {} : { beller: { naam: input.bellerNaam?.trim() ?? '', nummer: telefoonnummers[0] ?? '' } }),
        vraag: input.vraag,
        toelichting: input.toelichting,
        toegewezenAan: input.toegewezenAan,
        telefoonnummers,
        emailadressen: input.emailadressen,
      };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'contactverzoek', entityId: callbackId, payload }, at);
      return callbackId;
    });
    this.sync.kick();
    return toItem(this.store.callbacks.get(id) as CallbackRow);
  }

  /** The name a clerk knows a team by (configured), until the work queue brings the source's. */
  private teamNaam(target: ActorTarget): string {
    const team = this.config.terugbelTeams?.find((t) => t.soort === target.soort && t.code.toLowerCase() === target.code.toLowerCase());
    return team?.naam ?? target.code;
  }

  forCustomer(customerId: string): { items: CallbackItem[] } {
    return { items: this.store.callbacks.listOpenForCustomer(customerId, 100).map(toItem) };
  }

  list(queue: 'mine' | 'groups' | 'all'): CallbackList {
    const queues = queue === 'all' ? [] : workQueuesOf(this.config.user)[queue].map(queueKey);
    const items = this.store.callbacks.listOpen(queues, 500).map(toItem);
    return { items, total: items.length, counts: { mine: 0, groups: 0, all: null }, refreshedAt: this.sync.workQueuesRefreshedAt() };
  }
}

const NOT_YET = (): never => {
  throw new ServiceError('unavailable', 'Deze handeling komt er nog aan.');
};

export function callbackHandlers(service: CallbackService): Pick<Handlers, `callbacks.${string}` & keyof Handlers> {
  return {
    'callbacks.get': NOT_YET,
    'callbacks.pickUp': NOT_YET,
    'callbacks.release': NOT_YET,
    'callbacks.logAttempt': NOT_YET,
    'callbacks.handle': NOT_YET,
    'callbacks.forward': NOT_YET,
    'callbacks.reopen': NOT_YET,
    'callbacks.reassign': NOT_YET,
    'callbacks.options': NOT_YET,
    'callbacks.create': (input) => service.create(input),
    'callbacks.list': ({ queue }) => service.list(queue),
    'callbacks.forCustomer': ({ customerId }) => service.forCustomer(customerId),
  };
}
