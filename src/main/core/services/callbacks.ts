import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CallbackEventItem, CallbackItem, CallbackList, CallbackOptions, callbackOperations } from '../../../shared/contract/areas/callbacks';
import type { ActorTarget, CallbackAdapter, ZaaksysteemAdapter } from '../adapters/types';
import type { KalenderBron } from '../calendar';
import { deadlineVoor, teamAndMedewerker } from '../callbacks/derive';
import { composeToelichting, TOELICHTING_MAX, tooLongMessage } from '../callbacks/toelichting';
import { checkAntwoorden, voorkeurAlsTekst } from '../callbacks/vragenset';
import { toEventItem, toItem, type ViewContext } from '../callbacks/view';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import type { Store } from '../store';
import type { CallbackListRow } from '../store/callbacks';
import { queueKey, type SyncEngine } from '../sync/engine';
import type { ContactverzoekPayload } from '../sync/kinds/contactverzoek';
import { CallbackLifecycle, resolveTarget } from './callback-lifecycle';
import type { CallbackFix } from './outbox';

type CreateOutput = z.output<(typeof callbackOperations)['callbacks.create']['input']>;
/** The parsed create input; the optional parts may be left out by callers inside the core. */
type CreateInput = Omit<CreateOutput, 'voorkeurMoment' | 'antwoorden'> & Partial<Pick<CreateOutput, 'voorkeurMoment' | 'antwoorden'>>;
type ListInput = z.output<(typeof callbackOperations)['callbacks.list']['input']>;

/** Who works with the callbacks now (the signed-in user). */
export interface CallbackUser {
  id: string;
  naam: string;
  email: string;
  roles: readonly string[];
  groepen?: readonly string[];
}

export type CallbackConfig = Pick<KlantbeeldConfig, 'kanalen' | 'terugbelTeams' | 'terugbellen'> & { readonly user: CallbackUser };

/** The queues of a user: their own (as medewerker) and their groepen's. */
export function workQueuesOf(user: Pick<CallbackUser, 'email' | 'groepen'>): { mine: ActorTarget[]; groups: ActorTarget[] } {
  return {
    mine: [{ soort: 'medewerker', code: user.email }],
    groups: (user.groepen ?? []).map((code) => ({ soort: 'groep' as const, code })),
  };
}

const LIST_LIMIT = 500;
/** How long callbacks.get waits for the attempts logged elsewhere before it answers with what it has. */
const LIVE_WAIT_MS = 2_500;
/**
 * Terugbelverzoeken: registered locally with their outbox entry in one transaction, sent as a
 * klantcontact plus interne taak; the work queues come from the zaaksysteem by polling. The
 * changes in their life are in callback-lifecycle.ts.
 */
export class CallbackService {
  readonly lifecycle: CallbackLifecycle;

  constructor(
    private readonly store: Store,
    private readonly config: CallbackConfig,
    private readonly sync: Pick<SyncEngine, 'kick' | 'workQueuesRefreshedAt'>,
    private readonly kalender: KalenderBron,
    private readonly adapter: ZaaksysteemAdapter,
    private readonly events: EventBus | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.lifecycle = new CallbackLifecycle(store, config, () => this.changed(), now, (row) => this.item(row));
  }

  private get view(): ViewContext {
    return {
      kalender: this.kalender.get(),
      now: this.now(),
      teamNaam: (code) => this.config.terugbelTeams.find((t) => t.code.toLowerCase() === code.toLowerCase())?.naam ?? code,
      medewerkerNaam: (email) => this.config.terugbellen.medewerkers.find((m) => m.email.toLowerCase() === email.toLowerCase())?.naam ?? email,
    };
  }

  private item(row: CallbackListRow): CallbackItem {
    return toItem(row, this.view);
  }

  /** A change made here: send it soon, and let every window recount. */
  private changed(): void {
    this.sync.kick();
    this.events?.emit('callbacks.changed', { at: this.now().toISOString(), reason: 'change' });
  }

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
    // Only actoren the configuration knows (as forward does): an unknown one would park after the klantcontact exists.
    const targets = input.toegewezenAan.map((t, i) => resolveTarget(this.config, t, `toegewezenAan.${i}`));
    const { team, medewerker } = teamAndMedewerker(targets);
    const antwoorden = checkAntwoorden((team && this.config.terugbellen.vragensets[team]) || [], input.antwoorden ?? []);
    const voorkeur = input.voorkeurMoment ?? null;
    if (voorkeur && typeof voorkeur !== 'string' && voorkeur.datum < this.kalender.get().lokaleDatum(this.now())) {
      throw new ServiceError('invalid_input', 'Het voorkeursmoment ligt in het verleden.', [{ path: 'voorkeurMoment', message: 'Kies vandaag of later.' }]);
    }
    const toelichting = composeToelichting(input.toelichting, voorkeur ? voorkeurAlsTekst(voorkeur) : null, antwoorden);
    if (toelichting.length > TOELICHTING_MAX) {
      throw new ServiceError('invalid_input', tooLongMessage(toelichting.length, 'Maak de notitie of de antwoorden korter.'), [
        { path: 'toelichting', message: `Samen met voorkeursmoment en antwoorden maximaal ${TOELICHTING_MAX} tekens.` },
      ]);
    }
    const { user } = this.config;
    const at = this.now().toISOString();
    const { normWerkdagen, deadline } = deadlineVoor(this.kalender, team, at);
    const mine = workQueuesOf(user);
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
        toelichting,
        toegewezenAan: targets,
        aangemaaktOp: at,
        team,
        medewerker,
        normWerkdagen,
        deadline,
        telefoonnummers,
        emailadressen: input.emailadressen,
        voorkeurMoment: voorkeur === null ? null : JSON.stringify(voorkeur),
        antwoorden,
        queues: targets.map(queueKey),
        // The creator knows it is there: no notice for a callback they made for themselves or their groep.
        meldingen: [
          ...(targets.some((t) => t.soort === 'medewerker' && t.code.toLowerCase() === user.email.toLowerCase()) ? ['toegewezen_aan_mij'] : []),
          ...(targets.some((t) => mine.groups.some((g) => queueKey(g) === queueKey(t))) ? ['toegewezen_aan_groep'] : []),
        ],
        door: { naam: user.naam, email: user.email },
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
        toelichting,
        toegewezenAan: input.toegewezenAan,
        telefoonnummers,
        emailadressen: input.emailadressen,
      };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'contactverzoek', entityId: callbackId, payload }, at);
      return callbackId;
    });
    this.changed();
    return this.item(this.store.callbacks.get(id) as CallbackListRow);
  }

  /**
   * A parked terugbelverzoek corrected in the wachtrij (inside the outbox service's
   * transaction): the assignees are checked as create checks them, the numbers were checked by
   * the contract (callbacks.create's phone rule); the callback row, its queues and a history
   * line change with the payload. Steps made stale by the change are forgotten: the actoren
   * are looked up again, and the terugbeladressen are looked up before any is created again.
   */
  correctParked(payload: ContactverzoekPayload, steps: Record<string, unknown>, fix: CallbackFix): { payload: ContactverzoekPayload; steps: Record<string, unknown> } {
    const row = this.store.callbacks.get(payload.callbackId);
    if (!row) throw new ServiceError('not_found', 'Dit terugbelverzoek staat niet (meer) in Klantbeeld.');
    const targets = fix.toegewezenAan?.map((t, i) => resolveTarget(this.config, t, `fix.toegewezenAan.${i}`));
    const telefoonnummers = fix.telefoonnummers ?? payload.telefoonnummers;
    const emailadressen = fix.emailadressen ?? payload.emailadressen;
    if (payload.beller && telefoonnummers.length === 0) {
      throw new ServiceError('invalid_input', 'Vul het telefoonnummer van de beller in.', [{ path: 'fix.telefoonnummers', message: 'Vul een telefoonnummer in.' }]);
    }
    if (telefoonnummers.length === 0 && emailadressen.length === 0) {
      throw new ServiceError('invalid_input', 'Geef een telefoonnummer of e-mailadres om terug te bellen.', [{ path: 'fix.telefoonnummers', message: 'Vul een telefoonnummer of e-mailadres in.' }]);
    }
    const { user } = this.config;
    const at = this.now().toISOString();
    const kept = { ...steps };
    if (targets) {
      const { team, medewerker } = teamAndMedewerker(targets);
      const { normWerkdagen, deadline } = deadlineVoor(this.kalender, team, row.aangemaakt_op);
      this.store.callbacks.applyChange(row.id, { toegewezenAan: targets, team, medewerker, normWerkdagen, deadline });
      this.store.callbacks.setQueues(row.id, targets.map(queueKey));
      for (const key of Object.keys(kept)) if (key.startsWith('toegewezen:')) delete kept[key];
    }
    if (fix.telefoonnummers || fix.emailadressen) {
      this.store.callbacks.applyChange(row.id, { telefoonnummers, emailadressen });
      // Indexes shift with a new list: forget which index was sent, and look each address up before creating it.
      for (const key of Object.keys(kept)) if (key.startsWith('terugbeladres:')) delete kept[key];
      for (let i = 0; i < telefoonnummers.length + emailadressen.length; i++) kept[`terugbeladres:${i}:poging`] = true;
    }
    this.store.callbacks.history.add({
      callbackId: row.id,
      at,
      soort: 'gecorrigeerd',
      door: { naam: user.naam, email: user.email },
      uitkomst: null,
      naar: targets?.[0] ? { soort: targets[0].soort, code: targets[0].code, naam: targets.map((t) => t.naam).join(', ') } : null,
      notitie: correctieNotitie(targets, fix),
      syncState: 'pending',
    });
    const next: ContactverzoekPayload = {
      ...payload,
      ...(targets ? { toegewezenAan: targets.map((t) => ({ soort: t.soort, code: t.code })) } : {}),
      telefoonnummers,
      emailadressen,
      // An unknown caller's number goes with the betrokkene; once that exists, a new number goes as a terugbeladres.
      ...(payload.beller && !('betrokkene' in steps) ? { beller: { ...payload.beller, nummer: telefoonnummers[0] ?? '' } } : {}),
    };
    return { payload: next, steps: kept };
  }

  forCustomer(customerId: string): { items: CallbackItem[] } {
    return { items: this.store.callbacks.listOpenForCustomer(customerId, 100).map((r) => this.item(r)) };
  }

  list(input: ListInput): CallbackList {
    const { user } = this.config;
    const teamleider = user.roles.includes('teamleider');
    if (input.queue === 'all' && !teamleider) throw new ServiceError('forbidden', 'Alle terugbelverzoeken zijn er alleen voor de teamleider.');
    const queues = workQueuesOf(user);
    const mine = queues.mine.map(queueKey);
    const groups = queues.groups.map(queueKey);
    const handledBy =
      input.queue === 'mine' ? { medewerker: user.email } : input.queue === 'groups' ? { teams: user.groepen ?? [] } : null;
    const view = this.view;
    const { rows, total } = this.store.callbacks.list({
      status: input.status,
      queues: input.queue === 'all' ? null : input.queue === 'mine' ? mine : groups,
      handledBy,
      ...(input.team ? { team: input.team } : {}),
      ...(input.medewerker ? { medewerker: input.medewerker } : {}),
      ...(input.urgentie ? { urgentie: input.urgentie } : {}),
      today: view.kalender.lokaleDatum(view.now),
      sort: input.sort,
      richting: input.richting,
      limit: LIST_LIMIT,
    });
    return {
      items: rows.map((r) => toItem(r, view)),
      total,
      counts: { mine: this.store.callbacks.countOpen(mine), groups: this.store.callbacks.countOpen(groups), all: teamleider ? this.store.callbacks.countOpen(null) : null },
      refreshedAt: this.sync.workQueuesRefreshedAt(),
    };
  }

  /**
   * One callback with its history. Attempts logged on other machines, and the taak's
   * toelichting lines of changes made elsewhere, are read from the zaaksysteem first, for at most LIVE_WAIT_MS: a slow or absent zaaksysteem never holds the
   * history up; a late answer is still kept and announced (`callbacks.changed`).
   */
  async get(id: string): Promise<{ item: CallbackItem; history: CallbackEventItem[]; remoteError: string | null }> {
    const row = this.store.callbacks.get(id);
    if (!row) throw new ServiceError('not_found', 'Dit terugbelverzoek staat niet (meer) in Klantbeeld.');
    this.store.callbacks.history.mergeLogRegels(id, row.toelichting);
    let remoteError: string | null = null;
    if (row.source_url && 'listAttempts' in this.adapter) {
      const adapter = this.adapter as ZaaksysteemAdapter & CallbackAdapter;
      const history = this.store.callbacks.history;
      const reading = Promise.all([
        adapter.listAttempts(row.source_url).then((attempts) => history.mergeRemoteAttempts(id, attempts, this.now().toISOString())),
        // The taak as it is now: forwards, handles and reopens done elsewhere since the last poll.
        adapter.fetchTaken([row.source_url]).then(([taak]) => taak && history.mergeLogRegels(id, taak.toelichting)),
      ]);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), LIVE_WAIT_MS);
      });
      try {
        if ((await Promise.race([reading, late])) === 'late') {
          remoteError = "Het zaaksysteem antwoordt traag; pogingen van collega's volgen zodra ze binnen zijn.";
          reading.then(() => this.events?.emit('callbacks.changed', { at: this.now().toISOString(), reason: 'sync' })).catch(() => undefined);
        }
      } catch (error) {
        remoteError = `Pogingen van collega's konden niet worden opgehaald: ${(error as Error).message}`;
      } finally {
        clearTimeout(timer);
      }
    }
    const fresh = this.store.callbacks.get(id) ?? row;
    return { item: this.item(fresh), history: this.store.callbacks.history.list(id).map(toEventItem), remoteError };
  }

  options(): CallbackOptions {
    const { user } = this.config;
    const groepen = new Set((user.groepen ?? []).map((g) => g.toUpperCase()));
    const teamleider = user.roles.includes('teamleider');
    return {
      teams: this.config.terugbelTeams.map((t) => ({ soort: t.soort, code: t.code, naam: t.naam })),
      collegas: this.config.terugbellen.medewerkers
        .filter((m) => m.email.toLowerCase() !== user.email.toLowerCase())
        .filter((m) => teamleider || m.groepen.some((g) => groepen.has(g.toUpperCase())))
        .map((m) => ({ email: m.email, naam: m.naam, groepen: m.groepen })),
      resultaten: this.config.terugbellen.resultaten,
      vragensets: Object.entries(this.config.terugbellen.vragensets).map(([team, vragen]) => ({ team, vragen })),
    };
  }
}

/** What was corrected, in words, for the history. */
function correctieNotitie(targets: { naam: string }[] | undefined, fix: CallbackFix): string {
  return [
    targets ? `Voor: ${targets.map((t) => t.naam).join(', ')}` : null,
    fix.telefoonnummers ? `Telefoon: ${fix.telefoonnummers.join(', ') || 'geen'}` : null,
    fix.emailadressen ? `E-mail: ${fix.emailadressen.join(', ') || 'geen'}` : null,
  ]
    .filter((regel): regel is string => regel !== null)
    .join('; ');
}

export function callbackHandlers(service: CallbackService): Pick<Handlers, `callbacks.${string}` & keyof Handlers> {
  const life = service.lifecycle;
  return {
    'callbacks.create': (input) => service.create(input),
    'callbacks.list': (input) => service.list(input),
    'callbacks.get': ({ id }) => service.get(id),
    'callbacks.options': () => service.options(),
    'callbacks.forCustomer': ({ customerId }) => service.forCustomer(customerId),
    'callbacks.pickUp': ({ id }) => life.pickUp(id),
    'callbacks.release': ({ id }) => life.release(id),
    'callbacks.logAttempt': ({ id, uitkomst, notitie }) => life.logAttempt(id, uitkomst, notitie),
    'callbacks.handle': ({ id, resultaat, notitie }) => life.handle(id, resultaat, notitie),
    'callbacks.forward': ({ id, naar, reden }) => life.forward(id, naar, reden),
    'callbacks.reopen': ({ id, reden }) => life.reopen(id, reden),
    'callbacks.reassign': ({ ids, naar, reden }) => life.reassign(ids, naar, reden),
  };
}
