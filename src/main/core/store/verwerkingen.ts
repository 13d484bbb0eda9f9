import type { Db } from './database';
import { GENESIS_HASH, hashActie, verifyChain, type ChainBreak, type ChainLink, type Verwerkingsactie, type VerwerktObject } from '../privacy/chain';

interface ActieRow {
  seq: number;
  actie_id: string;
  actie_naam: string;
  handeling_naam: string;
  verwerking_naam: string;
  verwerking_id: string;
  verwerkingsactiviteit_id: string;
  verwerkingsactiviteit_url: string | null;
  vertrouwelijkheid: Verwerkingsactie['vertrouwelijkheid'];
  bewaartermijn: string;
  uitvoerder: string;
  systeem: string;
  gebruiker: string;
  gegevensbron: string;
  tijdstip: string;
  tijdstip_registratie: string;
  verwerkte_objecten: string;
  prev_hash: string | null;
  hash: string | null;
}

function toActie(row: ActieRow): Verwerkingsactie {
  return {
    seq: row.seq,
    actieId: row.actie_id,
    actieNaam: row.actie_naam,
    handelingNaam: row.handeling_naam,
    verwerkingNaam: row.verwerking_naam,
    verwerkingId: row.verwerking_id,
    verwerkingsactiviteitId: row.verwerkingsactiviteit_id,
    verwerkingsactiviteitUrl: row.verwerkingsactiviteit_url,
    vertrouwelijkheid: row.vertrouwelijkheid,
    bewaartermijn: row.bewaartermijn,
    uitvoerder: row.uitvoerder,
    systeem: row.systeem,
    gebruiker: row.gebruiker,
    gegevensbron: row.gegevensbron,
    tijdstip: row.tijdstip,
    tijdstipRegistratie: row.tijdstip_registratie,
    verwerkteObjecten: JSON.parse(row.verwerkte_objecten) as VerwerktObject[],
    prevHash: row.prev_hash ?? '',
  };
}

export type NewVerwerkingsactie = Omit<Verwerkingsactie, 'seq' | 'prevHash'>;

export interface VerwerkingFilter {
  van: string;
  tot: string;
  gebruiker?: string;
  objectId?: string;
  verwerkingsactiviteitId?: string;
}

const SEALED_KEY = 'verwerkingen.verzegeld';
const ENQUEUED_KEY = 'verwerkingen.verzonden_tot';

/**
 * The verwerkingenlog (migration 009): append seals each action onto the chain in the same
 * statement batch as reading the link before it, inside one transaction (one writer: no race).
 */
export class VerwerkingStore {
  private readonly lastStmt;
  private readonly anchorStmt;
  private readonly insertStmt;
  private readonly rangeStmt;
  private readonly stateGet;
  private readonly stateSet;
  private readonly appendTransaction: (entry: NewVerwerkingsactie) => Verwerkingsactie;

  constructor(private readonly db: Db) {
    this.lastStmt = db.prepare<[], { seq: number; hash: string | null }>('SELECT seq, hash FROM verwerkingsacties ORDER BY seq DESC LIMIT 1');
    this.anchorStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM verwerkingsacties_anker ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO verwerkingsacties (seq, actie_id, actie_naam, handeling_naam, verwerking_naam, verwerking_id, verwerkingsactiviteit_id,
         verwerkingsactiviteit_url, vertrouwelijkheid, bewaartermijn, uitvoerder, systeem, gebruiker, gegevensbron, tijdstip,
         tijdstip_registratie, verwerkte_objecten, prev_hash, hash)
       VALUES (@seq, @actieId, @actieNaam, @handelingNaam, @verwerkingNaam, @verwerkingId, @verwerkingsactiviteitId,
         @verwerkingsactiviteitUrl, @vertrouwelijkheid, @bewaartermijn, @uitvoerder, @systeem, @gebruiker, @gegevensbron, @tijdstip,
         @tijdstipRegistratie, @verwerkteObjecten, @prevHash, @hash)`,
    );
    this.rangeStmt = db.prepare<[number, number, number], ActieRow>('SELECT * FROM verwerkingsacties WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
    this.stateGet = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.stateSet = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.appendTransaction = db.transaction((entry: NewVerwerkingsactie) => {
      const head = this.head();
      const actie: Verwerkingsactie = { ...entry, seq: head.seq + 1, prevHash: head.hash };
      this.insertStmt.run({ ...actie, verwerkteObjecten: JSON.stringify(actie.verwerkteObjecten), hash: hashActie(actie) });
      return actie;
    });
    this.sealCarriedOver();
  }

  /** The link the next action hangs from: the last row, else the last anchor, else genesis. */
  private head(): { seq: number; hash: string } {
    const last = this.lastStmt.get();
    if (last) return { seq: last.seq, hash: last.hash ?? GENESIS_HASH };
    return this.anchorStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Reads the head and writes the next link in one transaction (one writer: no race). */
  append(entry: NewVerwerkingsactie): Verwerkingsactie {
    return this.appendTransaction(entry);
  }

  /** The rows carried over from migration 003 get their hashes once, in order. */
  private sealCarriedOver(): void {
    if (this.stateGet.get(SEALED_KEY)) return;
    this.db.transaction(() => {
      const rows = this.db.prepare<[], ActieRow>('SELECT * FROM verwerkingsacties ORDER BY seq').all();
      const seal = this.db.prepare('UPDATE verwerkingsacties SET prev_hash = ?, hash = ? WHERE seq = ? AND hash IS NULL');
      let previous = GENESIS_HASH;
      let expected = 1;
      for (const row of rows) {
        // Carried-over ids may have gaps; the chain needs consecutive seqs, which the old ids had (INTEGER PRIMARY KEY, never deleted).
        if (row.seq !== expected || row.hash !== null) break;
        const actie = { ...toActie(row), prevHash: previous };
        previous = hashActie(actie);
        seal.run(actie.prevHash, previous, row.seq);
        expected += 1;
      }
      this.stateSet.run(SEALED_KEY, new Date().toISOString());
    })();
  }

  /** Walks the whole chain (in pages, so memory stays flat) and reports the first broken link. */
  verify(): { ok: boolean; checked: number; lastSeq: number; broken: ChainBreak | null } {
    const anchor = this.anchorStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
    const range = this.rangeStmt;
    function* links(): Generator<ChainLink> {
      let after = anchor.seq;
      for (;;) {
        const rows = range.all(after, Number.MAX_SAFE_INTEGER, 2_000);
        if (rows.length === 0) return;
        for (const row of rows) yield { actie: toActie(row), hash: row.hash };
        after = rows.at(-1)!.seq;
      }
    }
    const result = verifyChain(links(), anchor);
    const lastSeq = this.lastStmt.get()?.seq ?? anchor.seq;
    // The tail: rows already handed to the outbox cannot vanish without a trace.
    const shipped = this.enqueuedUpTo();
    const broken = result.broken ?? (shipped > lastSeq ? { seq: lastSeq + 1, reden: 'ontbrekend' as const } : null);
    return { ok: broken === null, checked: result.checked, lastSeq, broken };
  }

  /** Rows after `afterSeq` up to and including `toSeq`, in order. */
  range(afterSeq: number, toSeq: number, limit: number): Verwerkingsactie[] {
    return this.rangeStmt.all(afterSeq, toSeq, limit).map(toActie);
  }

  get(seq: number): Verwerkingsactie | undefined {
    return this.range(seq - 1, seq, 1)[0];
  }

  lastSeq(): number {
    return this.head().seq;
  }

  /** Filtered, newest first; `objectId` (a BSN or KvK-nummer) is an exact match on the objects index. */
  list(filter: VerwerkingFilter, limit: number, offset: number): { items: Verwerkingsactie[]; total: number } {
    const where = ['a.tijdstip >= @van', 'a.tijdstip < @tot'];
    if (filter.gebruiker) where.push('a.gebruiker = @gebruiker');
    if (filter.verwerkingsactiviteitId) where.push('a.verwerkingsactiviteit_id = @verwerkingsactiviteitId');
    if (filter.objectId) where.push('a.seq IN (SELECT seq FROM verwerkingsactie_objecten WHERE object_id = @objectId)');
    const sqlWhere = where.join(' AND ');
    const params = { gebruiker: null, verwerkingsactiviteitId: null, objectId: null, ...filter, limit, offset };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM verwerkingsacties a WHERE ${sqlWhere}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM verwerkingsacties a WHERE ${sqlWhere} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`).all(params) as ActieRow[];
    return { items: rows.map(toActie), total };
  }

  /** The last seq handed to the outbox for shipping to the central Verwerkingenlogging. */
  enqueuedUpTo(): number {
    return Number(this.stateGet.get(ENQUEUED_KEY)?.value ?? 0);
  }

  markEnqueued(seq: number): void {
    this.stateSet.run(ENQUEUED_KEY, String(seq));
  }

  /**
   * Local retention of the log itself: rows up to `seq` (already shipped) may go. The anchor is
   * written first and keeps the hash of the last removed row, so verify still starts from a
   * known link; the triggers refuse any delete beyond the anchor.
   */
  pruneUpTo(seq: number, at: string): number {
    return this.db.transaction(() => {
      const row = this.db.prepare<[number], { hash: string | null }>('SELECT hash FROM verwerkingsacties WHERE seq = ?').get(seq);
      if (!row?.hash) return 0;
      this.db.prepare('INSERT INTO verwerkingsacties_anker (seq, hash, at) VALUES (?, ?, ?)').run(seq, row.hash, at);
      this.db.prepare('DELETE FROM verwerkingsactie_objecten WHERE seq <= ?').run(seq);
      return this.db.prepare('DELETE FROM verwerkingsacties WHERE seq <= ?').run(seq).changes;
    })();
  }

  /** The last seq whose tijdstip is before `before` (for local retention). */
  lastSeqBefore(before: string): number {
    return (this.db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM verwerkingsacties WHERE tijdstip < ?').get(before)?.seq ?? 0);
  }
}
