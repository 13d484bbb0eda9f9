import type { CallbackRecord } from '../adapters/types';
import type { KalenderBron } from '../calendar';
import type { Derived } from '../store/callbacks';

/** The team of an assignment: its first groep or afdeling; the medewerker: its first colleague. */
export function teamAndMedewerker(toegewezenAan: readonly { soort: string; code: string | null }[]): { team: string | null; medewerker: string | null } {
  return {
    team: toegewezenAan.find((a) => (a.soort === 'groep' || a.soort === 'afdeling') && a.code)?.code ?? null,
    medewerker: toegewezenAan.find((a) => a.soort === 'medewerker' && a.code)?.code ?? null,
  };
}

/** The deadline of a request received at `ontvangenOp` for a team, or null outside the calendar. */
export function deadlineVoor(kalender: KalenderBron, team: string | null, ontvangenOp: string): { normWerkdagen: number; deadline: string | null } {
  const normWerkdagen = kalender.norm(team);
  try {
    return { normWerkdagen, deadline: kalender.get().deadline(ontvangenOp, normWerkdagen) };
  } catch {
    // A date outside the calendar's years (a broken source record): no deadline rather than no callback.
    return { normWerkdagen, deadline: null };
  }
}

/** Team, norm and deadline of a callback pulled for the first time (the poll keeps the first deadline). */
export function deriveCallback(kalender: KalenderBron): (record: CallbackRecord) => Derived {
  return (record) => {
    const { team, medewerker } = teamAndMedewerker(record.toegewezenAan);
    const ontvangen = record.ontvangenOp ?? record.toegewezenOp;
    return { team, medewerker, ...(ontvangen ? deadlineVoor(kalender, team, ontvangen) : { normWerkdagen: kalender.norm(team), deadline: null }) };
  };
}
