import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

/** Open callbacks per team and medewerker. */
export interface OpenGroup {
  team: string | null;
  medewerker: string | null;
  open: number;
  vandaag: number;
  teLaat: number;
}

export interface HandledRow {
  aangemaakt_op: string;
  afgehandeld_op: string;
  deadline: string | null;
}

export interface HandledCounts {
  afgehandeld: number;
  /** Of those, the ones with a deadline. */
  metDeadline: number;
  /** Certainly handled on or before the deadline. */
  zeker: number;
  /** Handled on the deadline's UTC date between 22:00 and 23:00 UTC: the calendar decides. */
  twijfel: { afgehandeld_op: string; deadline: string }[];
}

export interface AchterstandRow {
  id: string;
  onderwerp: string | null;
  team: string | null;
  medewerker: string | null;
  aangemaakt_op: string;
  deadline: string;
  toegewezen_aan: string;
}

/**
 * The team leader's questions to the callbacks table (filled by the callback lifecycle). Each
 * reads one covering index range of migration 8, named with INDEXED BY: without statistics
 * the planner would rather take the (status, …) indexes and read every handled callback.
 * Handled means status verwerkt: a reopened callback is open again and counts once more only
 * when it is handled again.
 */
export class TeamleiderStore {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  /** Open callbacks per (team, medewerker), with how many are due today or overdue on `vandaag`. */
  openGroups(vandaag: string, teams?: readonly string[]): OpenGroup[] {
    const t = teamFilter(teams);
    return this.all<OpenGroup>(
      `SELECT team, medewerker, count(*) AS open, count(*) FILTER (WHERE deadline = ?) AS vandaag, count(*) FILTER (WHERE deadline < ?) AS teLaat
       FROM callbacks INDEXED BY callbacks_report_open WHERE status = 'te_verwerken'${t.sql} GROUP BY team, medewerker`,
      [vandaag, vandaag, ...t.params],
    );
  }

  /** Handled (verwerkt) per (team, medewerker) from the instant `vanaf` on. */
  handledGroups(vanaf: string, teams?: readonly string[]): { team: string | null; medewerker: string | null; afgehandeld: number }[] {
    const t = teamFilter(teams);
    return this.all(
      `SELECT team, medewerker, count(*) AS afgehandeld FROM callbacks INDEXED BY callbacks_report_handled
       WHERE afgehandeld_op >= ? AND status = 'verwerkt'${t.sql} GROUP BY team, medewerker`,
      [vanaf, ...t.params],
    );
  }

  /** Callbacks handled in [van, tot) (instants), with what the norm and the age need. */
  handledBetween(van: string, tot: string, teams?: readonly string[]): HandledRow[] {
    const t = teamFilter(teams);
    return this.all<HandledRow>(
      `SELECT aangemaakt_op, afgehandeld_op, deadline FROM callbacks INDEXED BY callbacks_report_handled
       WHERE afgehandeld_op >= ? AND afgehandeld_op < ? AND status = 'verwerkt'${t.sql}`,
      [van, tot, ...t.params],
    );
  }

  /**
   * Per period ([van, tot) instants), counts of the callbacks handled in it, without reading
   * them. Handled within the norm means: on or before the deadline in Amsterdam. With instants
   * stored in UTC (`…Z`, compared as text) that is certain before `<deadline>T22` UTC, and
   * certainly not from `<deadline>T23` on (the next day in either offset). Only the hour in
   * between depends on summer or winter time: those few are returned (`twijfel`) for the
   * caller to decide with the calendar. One statement for all periods.
   */
  handledCounts(perioden: readonly (readonly [string, string])[], teams?: readonly string[]): HandledCounts[] {
    const t = teamFilter(teams, 'c.');
    const rows = this.all<{ i: number; afgehandeld: number; metDeadline: number; zeker: number; twijfel: string }>(
      `SELECT p.key AS i, count(*) AS afgehandeld, count(c.deadline) AS metDeadline,
         count(*) FILTER (WHERE c.afgehandeld_op < c.deadline || 'T22') AS zeker,
         json_group_array(json_array(c.afgehandeld_op, c.deadline)) FILTER (WHERE c.afgehandeld_op >= c.deadline || 'T22' AND c.afgehandeld_op < c.deadline || 'T23') AS twijfel
       FROM json_each(?) p JOIN callbacks c INDEXED BY callbacks_report_handled
         ON c.afgehandeld_op >= p.value ->> 0 AND c.afgehandeld_op < p.value ->> 1 AND c.status = 'verwerkt'${t.sql}
       GROUP BY p.key`,
      [JSON.stringify(perioden), ...t.params],
    );
    const counts: HandledCounts[] = perioden.map(() => ({ afgehandeld: 0, metDeadline: 0, zeker: 0, twijfel: [] }));
    for (const r of rows) {
      const twijfel = (JSON.parse(r.twijfel) as [string, string][]).map(([afgehandeld_op, deadline]) => ({ afgehandeld_op, deadline }));
      counts[r.i] = { afgehandeld: r.afgehandeld, metDeadline: r.metDeadline, zeker: r.zeker, twijfel };
    }
    return counts;
  }

  /** Per period ([van, tot) instants), how many callbacks were created in it; one statement for all. */
  createdCounts(perioden: readonly (readonly [string, string])[], teams?: readonly string[]): number[] {
    const t = teamFilter(teams, 'c.');
    const counts = perioden.map(() => 0);
    const rows = this.all<{ i: number; n: number }>(
      `SELECT p.key AS i, count(*) AS n FROM json_each(?) p JOIN callbacks c INDEXED BY callbacks_report_created
         ON c.aangemaakt_op >= p.value ->> 0 AND c.aangemaakt_op < p.value ->> 1${t.sql}
       GROUP BY p.key`,
      [JSON.stringify(perioden), ...t.params],
    );
    for (const r of rows) counts[r.i] = r.n;
    return counts;
  }

  /** Open callbacks due on or before `uiterlijk`: the oldest deadlines first. */
  achterstand(uiterlijk: string, limit: number, teams?: readonly string[]): AchterstandRow[] {
    const t = teamFilter(teams);
    return this.all<AchterstandRow>(
      `SELECT id, onderwerp, team, medewerker, aangemaakt_op, deadline, toegewezen_aan FROM callbacks INDEXED BY callbacks_report_achterstand
       WHERE status = 'te_verwerken' AND deadline <= ?${t.sql} ORDER BY deadline, aangemaakt_op LIMIT ?`,
      [uiterlijk, ...t.params, limit],
    );
  }

  /** The assignees (JSON of toegewezen_aan) of one callback per medewerker, for their names. */
  assigneesOf(medewerkers: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const m of medewerkers) {
      const row = this.all<{ toegewezen_aan: string }>('SELECT toegewezen_aan FROM callbacks WHERE medewerker = ? LIMIT 1', [m])[0];
      if (row) found.set(m, row.toegewezen_aan);
    }
    return found;
  }

  private all<T>(sql: string, params: unknown[]): T[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement.all(...params) as T[];
  }
}

function teamFilter(teams: readonly string[] | undefined, alias = ''): { sql: string; params: string[] } {
  if (!teams || teams.length === 0) return { sql: '', params: [] };
  return { sql: ` AND ${alias}team IN (${teams.map(() => '?').join(', ')})`, params: [...teams] };
}
