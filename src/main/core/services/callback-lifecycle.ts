import { randomUUID } from 'node:crypto';
import type { ActorTarget, CallbackItem, PogingUitkomst } from '../../../shared/contract/areas/callbacks';
import { regelMoment } from '../callbacks/log-regels';
import { afhandelRegel, appendRegel, TOELICHTING_MAX, tooLongMessage } from '../callbacks/toelichting';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { EventSoort } from '../store/callback-history';
import type { Assignee, CallbackChange, CallbackListRow } from '../store/callbacks';
import { queueKey } from '../sync/engine';
import type { CallbackWijzigingPayload } from '../sync/kinds/callback-wijziging';
import type { CallbackConfig } from './callbacks';

type Target = { soort: ActorTarget['soort']; code: string; naam: string };

/**
 * An assignee as the configuration knows it (teams by code; colleagues by e-mail), with its
 * name; one it does not list is refused at the door with an issue at `path`.
 */
export function resolveTarget(config: Pick<CallbackConfig, 'terugbelTeams' | 'terugbellen'>, target: ActorTarget, path: string): Target {
  if (target.soort === 'medewerker') {
    const m = config.terugbellen.medewerkers.find((c) => c.email.toLowerCase() === target.code.toLowerCase());
    if (!m) throw new ServiceError('invalid_input', `Onbekende collega "${target.code}".`, [{ path, message: 'Kies een collega uit de lijst.' }]);
    return { soort: 'medewerker', code: m.email.toLowerCase(), naam: m.naam };
  }
  const team = config.terugbelTeams.find((t) => t.soort === target.soort && t.code.toLowerCase() === target.code.toLowerCase());
  if (!team) throw new ServiceError('invalid_input', `Onbekende ${target.soort} "${target.code}".`, [{ path, message: 'Kies een team uit de lijst.' }]);
  return { soort: team.soort, code: team.code, naam: team.naam };
}

interface Step {
  soort: EventSoort;
  change: CallbackChange;
  /** The new assignment (sent as toegewezenAanActoren), if it changes. */
  actoren?: Target[];
  status?: 'te_verwerken' | 'verwerkt';
  /** A line for the toelichting (forward and reopen reasons, the result). */
  regel?: string;
  uitkomst?: string | null;
  naar?: Assignee | null;
  notitie?: string;
  omschrijving: string;
}

/**
 * The life of a callback after it was registered: pick up, release, call attempts, handle,
 * forward, reopen, and the team leader's reassign. Each change is one transaction: the row,
 * its history line and its outbox entry (callback-wijziging). A clerk acts only on callbacks
 * in their own queues (mine or their groepen's); a team leader on any. A refused call changes
 * nothing.
 */
export class CallbackLifecycle {
  constructor(
    private readonly store: Store,
    private readonly config: CallbackConfig,
    private readonly changed: () => void,
    private readonly now: () => Date,
    private readonly item: (row: CallbackListRow) => CallbackItem,
  ) {}

  pickUp(id: string): CallbackItem {
    const row = this.open(id);
    const me = this.me();
    if (row.medewerker === me.code) return this.item(row);
    if (row.medewerker && !this.isTeamleider()) {
      throw new ServiceError('conflict', `${this.naamVan(row, row.medewerker)} heeft dit terugbelverzoek al opgepakt.`);
    }
    const actoren = [...this.teamOf(row), me];
    return this.apply(row, {
      soort: 'opgepakt',
      change: { toegewezenAan: actoren, medewerker: me.code },
      actoren,
      omschrijving: `opgepakt door ${me.naam}`,
    });
  }

  release(id: string): CallbackItem {
    const row = this.open(id);
    const me = this.me();
    if (row.medewerker !== me.code && !this.isTeamleider()) throw new ServiceError('conflict', 'Alleen wie het terugbelverzoek oppakte, kan het teruggeven.');
    const team = this.teamOf(row);
    if (team.length === 0) throw new ServiceError('conflict', 'Dit terugbelverzoek heeft geen team om het aan terug te geven; stuur het door.');
    return this.apply(row, { soort: 'vrijgegeven', change: { toegewezenAan: team, medewerker: null }, actoren: team, omschrijving: 'teruggegeven aan het team' });
  }

  logAttempt(id: string, uitkomst: PogingUitkomst, notitie: string): CallbackItem {
    const row = this.open(id);
    return this.apply(row, { soort: 'poging', change: {}, uitkomst, notitie, omschrijving: `terugbelpoging (${uitkomst.replace('_', ' ')})` });
  }

  handle(id: string, resultaat: string, notitie: string): CallbackItem {
    const row = this.open(id);
    if (!this.config.terugbellen.resultaten.includes(resultaat)) {
      throw new ServiceError('invalid_input', 'Onbekend resultaat.', [{ path: 'resultaat', message: `Kies een van: ${this.config.terugbellen.resultaten.join(', ')}.` }]);
    }
    // Whoever handles it is its medewerker from now on: the team leader's figures count it for them.
    const me = this.me();
    const actoren = row.medewerker === me.code ? undefined : [...this.teamOf(row), me];
    return this.apply(row, {
      soort: 'afgehandeld',
      change: { status: 'verwerkt', resultaat, afgehandeldOp: this.now().toISOString(), ...(actoren ? { toegewezenAan: actoren, medewerker: me.code } : {}) },
      ...(actoren ? { actoren } : {}),
      status: 'verwerkt',
      regel: afhandelRegel(resultaat, me.naam, regelMoment(this.now().toISOString())),
      uitkomst: resultaat,
      notitie,
      omschrijving: `afgehandeld: ${resultaat}`,
    });
  }

  forward(id: string, naar: ActorTarget, reden: string): CallbackItem {
    const row = this.open(id);
    const target = resolveTarget(this.config, naar, 'naar');
    return this.apply(row, this.forwardStep(row, target, reden));
  }

  reopen(id: string, reden: string): CallbackItem {
    const row = this.accessible(id);
    if (row.status !== 'verwerkt') throw new ServiceError('conflict', 'Dit terugbelverzoek is nog open.');
    return this.apply(row, {
      soort: 'heropend',
      change: { status: 'te_verwerken', resultaat: null, afgehandeldOp: null },
      status: 'te_verwerken',
      regel: `Heropend (${this.me().naam}, ${regelMoment(this.now().toISOString())}): ${reden}`,
      notitie: reden,
      omschrijving: 'heropend',
    });
  }

  /** The team leader moves open callbacks (all or none) to a team or colleague, with a reason. */
  reassign(ids: readonly string[], naar: ActorTarget, reden: string): { items: CallbackItem[] } {
    if (!this.isTeamleider()) throw new ServiceError('forbidden', 'Alleen de teamleider kan terugbelverzoeken toewijzen.');
    const target = resolveTarget(this.config, naar, 'naar');
    const unique = [...new Set(ids)];
    const rows = this.store.callbacks.getMany(unique);
    if (rows.length !== unique.length) throw new ServiceError('not_found', 'Een of meer terugbelverzoeken staan niet (meer) in Klantbeeld.');
    const closed = rows.find((r) => r.status !== 'te_verwerken');
    if (closed) throw new ServiceError('conflict', `"${closed.vraag}" (${closed.klant_naam ?? 'onbekende klant'}) is al afgehandeld; er is niets toegewezen.`);
    const steps = rows.map((row) => ({ row, step: this.forwardStep(row, target, reden) }));
    // Every toelichting must take the line before any is changed.
    for (const { row, step } of steps) this.checkRegel(row, step.regel);
    this.store.transaction(() => {
      for (const { row, step } of steps) this.write(row, step);
    });
    this.changed();
    return { items: this.store.callbacks.getMany(unique).map(this.item) };
  }

  private forwardStep(row: CallbackListRow, target: Target, reden: string): Step {
    const team = this.teamOf(row);
    // To a colleague: the team stays (its norm, its figures); to a team: the team's queue, nobody's yet.
    const actoren = target.soort === 'medewerker' ? [...team, target] : [target];
    const change: CallbackChange = target.soort === 'medewerker' ? { toegewezenAan: actoren, medewerker: target.code } : { toegewezenAan: actoren, team: target.code, medewerker: null };
    const naar: Assignee = { soort: target.soort, code: target.code, naam: target.naam };
    return {
      soort: 'doorgestuurd',
      change,
      actoren,
      regel: `Doorgestuurd naar ${target.naam} (${this.me().naam}, ${regelMoment(this.now().toISOString())}): ${reden}`,
      naar,
      notitie: reden,
      omschrijving: `doorgestuurd naar ${target.naam}`,
    };
  }

  private apply(row: CallbackListRow, step: Step): CallbackItem {
    this.checkRegel(row, step.regel);
    this.store.transaction(() => this.write(row, step));
    this.changed();
    return this.item(this.store.callbacks.get(row.id) as CallbackListRow);
  }

  /** A line that would push the toelichting beyond what Open Klant 2 holds is refused, never cut. */
  private checkRegel(row: CallbackListRow, regel: string | undefined): void {
    if (!regel) return;
    const length = appendRegel(row.toelichting, regel).length;
    if (length > TOELICHTING_MAX) throw new ServiceError('invalid_input', tooLongMessage(length), [{ path: 'reden', message: `De toelichting mag samen maximaal ${TOELICHTING_MAX} tekens zijn.` }]);
  }

  /** The row change, its history line and its outbox entry; inside one transaction. */
  private write(row: CallbackListRow, step: Step): void {
    const at = this.now().toISOString();
    const user = this.config.user;
    const change: CallbackChange = { ...step.change, ...(step.regel ? { toelichting: appendRegel(row.toelichting, step.regel) } : {}) };
    this.store.callbacks.applyChange(row.id, change);
    if (step.actoren) this.store.callbacks.setQueues(row.id, step.actoren.map(queueKey));
    if (step.soort === 'heropend') {
      this.store.callbacks.setQueues(row.id, (JSON.parse(row.toegewezen_aan) as Assignee[]).flatMap((a) => (a.code && a.soort !== 'onbekend' ? [queueKey({ soort: a.soort as ActorTarget['soort'], code: a.code })] : [])));
    }
    if (step.soort === 'opgepakt') this.store.callbacks.meldingen.markAnnounced(this.config.user.email, row.id, 'toegewezen_aan_mij');
    const eventId = this.store.callbacks.history.add({
      callbackId: row.id,
      at,
      soort: step.soort,
      door: { naam: user.naam, email: user.email },
      uitkomst: step.uitkomst ?? null,
      naar: step.naar ?? null,
      notitie: step.notitie ?? '',
      syncState: 'pending',
    });
    const wijziging: CallbackWijzigingPayload['wijziging'] =
      step.soort === 'poging'
        ? { soort: 'poging', uitkomst: step.uitkomst as PogingUitkomst, notitie: step.notitie ?? '', at, medewerker: { id: user.id, naam: user.naam, email: user.email } }
        : {
            soort: 'taak',
            ...(step.actoren ? { actoren: step.actoren.map((a) => ({ soort: a.soort, code: a.code })) } : {}),
            ...(step.status ? { status: step.status } : {}),
            ...(step.regel ? { regel: step.regel } : {}),
          };
    const payload: CallbackWijzigingPayload = { callbackId: row.id, eventId, wijziging, omschrijving: `${row.vraag} — ${step.omschrijving}` };
    this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'callback-wijziging', entityId: row.id, payload }, at);
  }

  private me(): Target {
    const { user } = this.config;
    return { soort: 'medewerker', code: user.email.toLowerCase(), naam: user.naam };
  }

  private isTeamleider(): boolean {
    return this.config.user.roles.includes('teamleider');
  }

  /** The team part of the current assignment (kept when a colleague picks it up). */
  private teamOf(row: CallbackListRow): Target[] {
    if (!row.team) return [];
    const assigned = (JSON.parse(row.toegewezen_aan) as Assignee[]).find((a) => (a.soort === 'groep' || a.soort === 'afdeling') && a.code?.toUpperCase() === row.team);
    const configured = this.config.terugbelTeams.find((t) => t.code.toUpperCase() === row.team);
    const soort = (assigned?.soort ?? configured?.soort ?? 'groep') as 'groep' | 'afdeling';
    return [{ soort, code: assigned?.code ?? configured?.code ?? row.team, naam: assigned?.naam ?? configured?.naam ?? row.team }];
  }

  private naamVan(row: CallbackListRow, email: string): string {
    const assigned = (JSON.parse(row.toegewezen_aan) as Assignee[]).find((a) => a.soort === 'medewerker' && a.code?.toLowerCase() === email);
    return assigned?.naam ?? this.config.terugbellen.medewerkers.find((m) => m.email.toLowerCase() === email)?.naam ?? email;
  }

  /** The callback, if this user may act on it: in my queues or my groepen's, or mine; any for a team leader. */
  private accessible(id: string): CallbackListRow {
    const row = this.store.callbacks.get(id);
    if (!row) throw new ServiceError('not_found', 'Dit terugbelverzoek staat niet (meer) in Klantbeeld.');
    if (this.isTeamleider()) return row;
    const { user } = this.config;
    const groepen = (user.groepen ?? []).map((g) => g.toUpperCase());
    const myQueues = new Set([queueKey({ soort: 'medewerker', code: user.email }), ...groepen.map((code) => queueKey({ soort: 'groep', code }))]);
    const inMyQueue = this.store.callbacks.queuesOf(id).some((q) => myQueues.has(q));
    if (inMyQueue || row.medewerker === user.email.toLowerCase() || (row.team !== null && groepen.includes(row.team))) return row;
    throw new ServiceError('forbidden', 'Dit terugbelverzoek staat niet in uw werkvoorraad of die van uw groepen.');
  }

  private open(id: string): CallbackListRow {
    const row = this.accessible(id);
    if (row.status !== 'te_verwerken') throw new ServiceError('conflict', 'Dit terugbelverzoek is al afgehandeld; heropen het eerst.');
    return row;
  }
}
