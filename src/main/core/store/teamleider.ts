import type { Statement } from 'better-sqlite3';
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
   * Counts of the callbacks handled in [van, tot) (instants) without reading them. Handled
   * within the norm means: on or before the deadline in Amsterdam. With instants stored in
   * UTC (`…Z`) that is certain when the UTC date is before the deadline, or is the deadline
   * and the time is before 22:00; after 23:00 UTC it is the next day in either offset. Only
   * the hour in between depends on summer or winter time: those few rows are returned
   * (`twijfel`) for the caller to decide with the calendar.
   */
  handledCounts(van: string, tot: string, teams?: readonly string[]): HandledCounts {
    const t = teamFilter(teams);
    const range = `FROM callbacks INDEXED BY callbacks_report_handled WHERE afgehandeld_op >= ? AND afgehandeld_op < ? AND status = 'verwerkt'${t.sql}`;
    const counts = this.all<Omit<HandledCounts, 'twijfel'>>(
      `SELECT count(*) AS afgehandeld, count(deadline) AS metDeadline,
         count(*) FILTER (WHERE substr(afgehandeld_op, 1, 10) < deadline OR (substr(afgehandeld_op, 1, 10) = deadline AND substr(afgehandeld_op, 12, 5) < '22:00')) AS zeker
       ${range}`,
      [van, tot, ...t.params],
    )[0] as Omit<HandledCounts, 'twijfel'>;
    const twijfel = this.all<{ afgehandeld_op: string; deadline: string }>(
      `SELECT afgehandeld_op, deadline ${range} AND substr(afgehandeld_op, 1, 10) = deadline AND substr(afgehandeld_op, 12, 5) >= '22:00' AND substr(afgehandeld_op, 12, 5) < '23:00'`,
      [van, tot, ...t.params],
    );
    return { ...counts, twijfel };
  }

  /** How many callbacks were created in [van, tot) (instants). */
  createdCount(van: string, tot: string, teams?: readonly string[]): number {
    const t = teamFilter(teams);
    return this.all<{ n: number }>(`SELECT count(*) AS n FROM callbacks INDEXED BY callbacks_report_created WHERE aangemaakt_op >= ? AND aangemaakt_op < ?${t.sql}`, [van, tot, ...t.params])[0]?.n ?? 0;
  }

  /** Open callbacks due on or before `uiterlijk`: the oldest deadlines first. */
  achterstand(uiterlijk: string, limit: number, teams?: readonly string[]): AchterstandRow[] {
    const t = teamFilter(teams);
    return this.all<AchterstandRow>(
      `SELECT id, onderwerp, team, medewerker, aangemaakt_op, deadline, toegewezen_aan FROM callbacks
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

function teamFilter(teams: readonly string[] | undefined): { sql: string; params: string[] } {
  if (!teams || teams.length === 0) return { sql: '', params: [] };
  return { sql: ` AND team IN (${teams.map(() => '?').join(', ')})`, params: [...teams] };
}
