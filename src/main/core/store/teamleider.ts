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
 * reads one index range: open ones by (status, deadline), handled ones by afgehandeld_op,
 * created ones by aangemaakt_op. Handled means status verwerkt: a reopened callback is open
 * again and counts once more only when it is handled again.
 */
export class TeamleiderStore {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  /** Open callbacks per (team, medewerker), with how many are due today or overdue on `vandaag`. */
  openGroups(vandaag: string, teams?: readonly string[]): OpenGroup[] {
    const t = teamFilter(teams);
    return this.all<OpenGroup>(
      `SELECT team, medewerker, count(*) AS open, count(*) FILTER (WHERE deadline = ?) AS vandaag, count(*) FILTER (WHERE deadline < ?) AS teLaat
       FROM callbacks WHERE status = 'te_verwerken'${t.sql} GROUP BY team, medewerker`,
      [vandaag, vandaag, ...t.params],
    );
  }

  /** Handled (verwerkt) per (team, medewerker) from the instant `vanaf` on. */
  handledGroups(vanaf: string, teams?: readonly string[]): { team: string | null; medewerker: string | null; afgehandeld: number }[] {
    const t = teamFilter(teams);
    return this.all(
      `SELECT team, medewerker, count(*) AS afgehandeld FROM callbacks
       WHERE afgehandeld_op >= ? AND status = 'verwerkt'${t.sql} GROUP BY team, medewerker`,
      [vanaf, ...t.params],
    );
  }

  /** Callbacks handled in [van, tot) (instants), with what the norm and age need. */
  handledBetween(van: string, tot: string, teams?: readonly string[]): HandledRow[] {
    const t = teamFilter(teams);
    return this.all<HandledRow>(
      `SELECT aangemaakt_op, afgehandeld_op, deadline FROM callbacks
       WHERE afgehandeld_op >= ? AND afgehandeld_op < ? AND status = 'verwerkt'${t.sql}`,
      [van, tot, ...t.params],
    );
  }

  /** When each callback created in [van, tot) (instants) was created. */
  createdBetween(van: string, tot: string, teams?: readonly string[]): string[] {
    const t = teamFilter(teams);
    const rows = this.all<{ aangemaakt_op: string }>(`SELECT aangemaakt_op FROM callbacks WHERE aangemaakt_op >= ? AND aangemaakt_op < ?${t.sql}`, [van, tot, ...t.params]);
    return rows.map((r) => r.aangemaakt_op);
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
