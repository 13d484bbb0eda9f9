import { z } from 'zod';
import type { OutboxKind } from './types';
import { MissingLocalDataError, WaitingError } from './types';
import { callbacksOf } from './contactverzoek';

const Target = z.object({ soort: z.enum(['afdeling', 'groep', 'medewerker']), code: z.string() });

/**
 * A change in a callback's life, on its way to the interne taak: a new assignment (pick up,
 * release, forward, reassign), a status (handle, reopen), with a line for the toelichting; or
 * a call attempt (a klantcontact about the taak). Changes of one callback go out in order,
 * after its create.
 */
export const CallbackWijzigingPayload = z.object({
  callbackId: z.string(),
  /** The history line (callback_events.id) this change is. */
  eventId: z.number().int(),
  wijziging: z.discriminatedUnion('soort', [
    z.object({
      soort: z.literal('taak'),
      actoren: z.array(Target).min(1).optional(),
      status: z.enum(['te_verwerken', 'verwerkt']).optional(),
      regel: z.string().optional(),
    }),
    z.object({
      soort: z.literal('poging'),
      uitkomst: z.enum(['bereikt', 'niet_bereikt', 'voicemail']),
      notitie: z.string(),
      at: z.string(),
      medewerker: z.object({ id: z.string(), naam: z.string(), email: z.string() }),
    }),
  ]),
  /** For the outbox review: what it is, in words. */
  omschrijving: z.string(),
});
export type CallbackWijzigingPayload = z.infer<typeof CallbackWijzigingPayload>;

const Result = z.object({ toelichting: z.string().optional(), afgehandeldOp: z.string().nullable().optional(), sourceUrl: z.string().optional() });

export const callbackWijzigingKind: OutboxKind<CallbackWijzigingPayload> = {
  kind: 'callback-wijziging',
  payload: CallbackWijzigingPayload,

  async send(adapter, p, log, { store, idempotencyKey, entryId }) {
    if (store.outbox.hasEarlierOpen(p.callbackId, entryId)) throw new WaitingError('Wacht op een eerdere wijziging van dit terugbelverzoek.');
    const row = store.callbacks.get(p.callbackId);
    if (!row) throw new MissingLocalDataError('Het terugbelverzoek staat niet meer in Klantbeeld.');
    if (!row.source_url) throw new WaitingError('Wacht tot het terugbelverzoek zelf is verstuurd.');
    const callbacks = callbacksOf(adapter);
    const w = p.wijziging;
    if (w.soort === 'taak') {
      return callbacks.patchTaak({ taakUrl: row.source_url, ...(w.actoren ? { actoren: w.actoren } : {}), ...(w.status ? { status: w.status } : {}), ...(w.regel ? { regel: w.regel } : {}) }, log);
    }
    const customer = row.customer_id === null ? null : store.customers.get(row.customer_id);
    return callbacks.pushAttempt(
      {
        idempotencyKey,
        customer: customer ? { sourceUrl: customer.sourceUrl, bsn: customer.bsn, kvkNummer: customer.kvkNummer } : null,
        kanaal: 'telefoon',
        onderwerp: `Terugbelpoging: ${row.onderwerp ?? row.vraag}`.slice(0, 200),
        inhoud: w.notitie,
        plaatsgevondenOp: w.at,
        medewerker: w.medewerker,
        gespreksresultaat: 'terugbelpoging',
        ...(!customer && row.klant_naam ? { beller: { naam: row.klant_naam, nummer: '' } } : {}),
        poging: { interneTaakUuid: row.source_url.replace(/\/$/, '').split('/').at(-1) ?? '', uitkomst: w.uitkomst, gelukt: w.uitkomst === 'bereikt' },
      },
      log,
    );
  },

  acknowledged(store, p, result) {
    const r = Result.parse(result);
    store.callbacks.history.setSyncState(p.eventId, 'sent', r.sourceUrl ?? null);
    // The taak as the zaaksysteem now holds it, unless a later change of ours is still on its way.
    if (p.wijziging.soort === 'taak' && store.outbox.openFor(p.callbackId) === 0) {
      store.callbacks.applyChange(p.callbackId, {
        ...(r.toelichting !== undefined ? { toelichting: r.toelichting } : {}),
        ...(p.wijziging.status === 'verwerkt' && r.afgehandeldOp ? { afgehandeldOp: r.afgehandeldOp } : {}),
      });
    }
  },

  parked(store, p) {
    store.callbacks.history.setSyncState(p.eventId, 'failed');
  },

  announce(events) {
    events.emit('callbacks.changed', { at: new Date().toISOString(), reason: 'sync' });
  },

  describe(p) {
    return `Terugbelverzoek: ${p.omschrijving}`;
  },

  discarded(store, p) {
    // Given up: it never happened in the zaaksysteem; the next poll restores the taak's state.
    store.callbacks.history.remove(p.eventId);
  },

  // The lane its create went in (the callback's customer), so a change never overtakes it.
  lane: (p, store) => {
    const customerId = store.callbacks.get(p.callbackId)?.customer_id;
    return customerId ? `klant:${customerId}` : `terugbelverzoek:${p.callbackId}`;
  },
};
