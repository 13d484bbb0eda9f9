import type { CallbackEventItem, CallbackItem, VoorkeurMoment } from '../../../shared/contract/areas/callbacks';
import type { WerkdagenKalender } from '../calendar';
import type { EventRow } from '../store/callback-history';
import type { Assignee, CallbackListRow } from '../store/callbacks';
import { parseToelichting, toelichtingVoorMedewerker } from './toelichting';

export interface ViewContext {
  kalender: WerkdagenKalender;
  now: Date;
  /** Names the configuration knows, for codes the source did not name (yet). */
  teamNaam: (code: string) => string;
  medewerkerNaam: (email: string) => string;
}

const same = (a: string | null, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** A callback row as the clerk sees it: urgency and age in werkdagen computed now (the calendar is precomputed). */
export function toItem(row: CallbackListRow, ctx: ViewContext): CallbackItem {
  const toegewezenAan = JSON.parse(row.toegewezen_aan) as Assignee[];
  const open = row.status === 'te_verwerken';
  const delen = parseToelichting(row.toelichting);
  const antwoorden = JSON.parse(row.antwoorden) as { vraag: string; antwoord: string }[];
  let urgentie: CallbackItem['urgentie'] = null;
  let leeftijd = 0;
  try {
    if (open && row.deadline) urgentie = ctx.kalender.urgentie(row.deadline, ctx.now);
    leeftijd = ctx.kalender.werkdagenTussen(row.aangemaakt_op, !open && row.afgehandeld_op ? row.afgehandeld_op : ctx.now.toISOString());
  } catch {
    // Outside the calendar's years: shown without urgency rather than not at all.
  }
  return {
    id: row.id,
    customerId: row.customer_id,
    klantNaam: row.klant_naam,
    onderwerp: row.onderwerp,
    vraag: row.vraag,
    toelichting: toelichtingVoorMedewerker(delen),
    status: row.status,
    toegewezenAan,
    toegewezenOp: row.toegewezen_op,
    aangemaaktOp: row.aangemaakt_op,
    // A change still on its way counts like an unsent callback; a parked one shows its error.
    syncState: row.sync_state !== 'sent' ? row.sync_state : row.wijziging_state === 2 ? 'failed' : row.wijziging_state === 1 ? 'pending' : 'sent',
    syncError: row.sync_error ?? row.wijziging_error,
    team: row.team ? { code: row.team, naam: toegewezenAan.find((a) => a.soort !== 'medewerker' && same(a.code, row.team ?? ''))?.naam ?? ctx.teamNaam(row.team) } : null,
    medewerker: row.medewerker
      ? { email: row.medewerker, naam: toegewezenAan.find((a) => a.soort === 'medewerker' && same(a.code, row.medewerker ?? ''))?.naam ?? ctx.medewerkerNaam(row.medewerker) }
      : null,
    normWerkdagen: row.norm_werkdagen,
    deadline: row.deadline,
    urgentie,
    leeftijdWerkdagen: leeftijd,
    pogingen: row.pogingen,
    laatstePogingOp: row.laatste_poging_op,
    telefoonnummers: JSON.parse(row.telefoonnummers) as string[],
    emailadressen: JSON.parse(row.emailadressen) as string[],
    voorkeurMoment: row.voorkeur_moment ? (JSON.parse(row.voorkeur_moment) as VoorkeurMoment) : delen.voorkeurMoment,
    antwoorden: antwoorden.length > 0 ? antwoorden : delen.antwoorden,
    resultaat: row.resultaat,
    afgehandeldOp: row.afgehandeld_op,
  };
}

export function toEventItem(row: EventRow): CallbackEventItem {
  return {
    soort: row.soort,
    at: row.at,
    door: row.door_naam,
    uitkomst: row.uitkomst,
    naar: row.naar ? (JSON.parse(row.naar) as Assignee) : null,
    notitie: row.notitie,
    syncState: row.sync_state,
  };
}
