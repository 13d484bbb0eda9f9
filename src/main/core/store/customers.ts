import { randomUUID } from 'node:crypto';
import type { CustomerDetail, CustomerSummary } from '../../../shared/contract';
import { maskBsn } from '../../../shared/bsn';
import { classifySearch, normaliseEmail, normalisePhone, normaliseToevoeging, type SearchKind } from '../../../shared/identify';
import type { Db } from './database';
import type { CustomerRecord } from './records';
import { LOCAL_URL_PREFIX } from './started-zaken';

interface CustomerRow {
  id: string;
  soort: 'persoon' | 'organisatie';
  naam: string;
  bsn: string | null;
  kvk_nummer: string | null;
  vestigingsnummer: string | null;
  adres: string | null;
  telefoonnummers: string;
  emailadressen: string;
  geheimhouding: number;
  fetched_at: string;
  dossier_refreshed_at: string | null;
  source_url: string;
}

const SUMMARY_COLUMNS = 'c.id, c.soort, c.naam, c.bsn, c.kvk_nummer, c.adres';
/** Name matches ranked per keystroke; beyond this many the clerk types on (see byName). */
const NAME_CANDIDATES = 500;

function toSummary(row: Pick<CustomerRow, 'id' | 'soort' | 'naam' | 'bsn' | 'kvk_nummer' | 'adres'>): CustomerSummary {
  return {
    id: row.id,
    soort: row.soort,
    naam: row.naam,
    bsnMasked: row.bsn ? maskBsn(row.bsn) : null,
    kvkNummer: row.kvk_nummer,
    adres: row.adres,
  };
}

/** Turns what a clerk typed into an FTS5 query: every word a quoted prefix, all required. */
export function nameQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}

export type SearchKindName = 'bsn' | 'bsn-invalid' | 'kvk' | 'vestigingsnummer' | 'telefoon' | 'email' | 'postcode' | 'naam' | 'naam-geboortedatum' | 'geboortedatum-invalid';

export class CustomerStore {
  private readonly byVestiging;
  private readonly byContactPoint;
  private readonly byPostcode;
  private readonly byPostcodeNummer;
  private readonly addressStmt;
  private readonly clearPointsStmt;
  private readonly addPointStmt;
  private readonly byBsn;
  private readonly byKvk;
  private readonly byName;
  private readonly byNameUnranked;
  private readonly byPostcodeRange;
  private readonly byId;
  private readonly bySourceUrl;
  private readonly upsertStmt;
  private readonly touchStmt;
  private readonly refreshedStmt;

  constructor(private readonly db: Db) {
    this.byBsn = db.prepare<[string, number], CustomerRow>(`SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.bsn = ? LIMIT ?`);
    this.byKvk = db.prepare<[string, number], CustomerRow>(`SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.kvk_nummer = ? LIMIT ?`);
    // Ranked among the first NAME_CANDIDATES matches only: a common prefix ("van", "Ber") matches
    // a large part of the city, and ranking all of them costs more than typing allows (< 20 ms).
    this.byName = db.prepare<[string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM (
         SELECT rowid AS rid, bm25(customers_fts, 10.0, 1.0) AS score FROM customers_fts WHERE customers_fts MATCH ? LIMIT ${NAME_CANDIDATES}
       ) m JOIN customers c ON c.rowid = m.rid ORDER BY m.score, c.naam LIMIT ?`,
    );
    this.byVestiging = db.prepare<[string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.vestigingsnummer = ? LIMIT ?`,
    );
    this.byContactPoint = db.prepare<[string, string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM customer_contact_points p JOIN customers c ON c.id = p.customer_id
       WHERE p.soort = ? AND p.waarde = ? ORDER BY c.naam LIMIT ?`,
    );
    this.byPostcode = db.prepare<[string, number], CustomerRow & { huisnummertoevoeging: string | null }>(
      `SELECT ${SUMMARY_COLUMNS}, c.huisnummertoevoeging FROM customers c WHERE c.postcode = ?
       ORDER BY c.huisnummer, c.naam LIMIT ?`,
    );
    this.byPostcodeNummer = db.prepare<[string, number, number], CustomerRow & { huisnummertoevoeging: string | null }>(
      `SELECT ${SUMMARY_COLUMNS}, c.huisnummertoevoeging FROM customers c WHERE c.postcode = ? AND c.huisnummer = ?
       ORDER BY c.naam LIMIT ?`,
    );
    this.byPostcodeRange = db.prepare<[string, string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM customers c WHERE c.postcode >= ? AND c.postcode < ? ORDER BY c.postcode, c.huisnummer LIMIT ?`,
    );
    this.addressStmt = db.prepare('UPDATE customers SET postcode = ?, huisnummer = ?, huisnummertoevoeging = ? WHERE id = ?');
    this.clearPointsStmt = db.prepare('DELETE FROM customer_contact_points WHERE customer_id = ?');
    this.addPointStmt = db.prepare('INSERT OR IGNORE INTO customer_contact_points (soort, waarde, customer_id) VALUES (?, ?, ?)');
    this.byNameUnranked = db.prepare<[string, number], CustomerRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM customers_fts f JOIN customers c ON c.rowid = f.rowid WHERE customers_fts MATCH ? LIMIT ?`,
    );
    this.byId = db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?');
    this.bySourceUrl = db.prepare<[string], { id: string }>('SELECT id FROM customers WHERE source_url = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO customers (id, source_url, soort, naam, bsn, kvk_nummer, vestigingsnummer, adres, telefoonnummers, emailadressen, geheimhouding, fetched_at)
       VALUES (@id, @sourceUrl, @soort, @naam, @bsn, @kvkNummer, @vestigingsnummer, @adres, @telefoonnummers, @emailadressen, @geheimhouding, @fetchedAt)
       ON CONFLICT (source_url) DO UPDATE SET soort = excluded.soort, naam = excluded.naam, bsn = excluded.bsn,
         kvk_nummer = excluded.kvk_nummer, vestigingsnummer = excluded.vestigingsnummer, adres = excluded.adres,
         telefoonnummers = excluded.telefoonnummers, emailadressen = excluded.emailadressen,
         geheimhouding = excluded.geheimhouding, fetched_at = excluded.fetched_at`,
    );
    this.touchStmt = db.prepare('UPDATE customers SET last_used_at = ? WHERE id = ?');
    this.refreshedStmt = db.prepare('UPDATE customers SET dossier_refreshed_at = ? WHERE id = ?');
    this.backfillOnce();
  }

  /** Classifies what was typed and asks the matching index (see shared/identify.ts). */
  search(query: string, limit: number): CustomerSummary[] {
    return this.searchClassified(classifySearch(query), limit);
  }

  searchClassified(kind: SearchKind, limit: number): CustomerSummary[] {
    switch (kind.kind) {
      case 'bsn':
        return this.byBsn.all(kind.bsn, limit).map(toSummary);
      // The cache has no birth dates: a name + date is answered by the BRP (customers.searchRemote).
      case 'bsn-invalid':
      case 'onvolledig':
      case 'naam-geboortedatum':
      case 'geboortedatum-invalid':
        return [];
      case 'kvk':
        return this.byKvk.all(kind.kvkNummer, limit).map(toSummary);
      case 'vestigingsnummer':
        return this.byVestiging.all(kind.vestigingsnummer, limit).map(toSummary);
      case 'telefoon':
        return this.byContactPoint.all('telefoon', kind.nummer, limit).map(toSummary);
      case 'email':
        return this.byContactPoint.all('email', kind.email, limit).map(toSummary);
      case 'postcode': {
        const rows =
          kind.huisnummer === null
            ? this.byPostcode.all(kind.postcode, limit)
            : this.byPostcodeNummer.all(kind.postcode, kind.huisnummer, kind.toevoeging ? limit * 4 : limit);
        const matching = kind.toevoeging ? rows.filter((r) => r.huisnummertoevoeging === kind.toevoeging) : rows;
        return matching.slice(0, limit).map(toSummary);
      }
      case 'naam': {
        // A number still being typed (part of a BSN, phone number or postcode) is not a name:
        // listing every address that contains "844" helps no one and costs a full ranking.
        if (/^[\d\s.()+/-]+$/.test(kind.text)) return [];
        // A postcode being typed ("8441 B"): the postcode index, not the words of every address.
        const partial = /^([1-9]\d{3})\s*([a-zA-Z])$/.exec(kind.text);
        if (partial) {
          const from = `${partial[1]}${partial[2]!.toUpperCase()}`;
          return this.byPostcodeRange.all(from, `${from}~`, limit).map(toSummary);
        }
        const match = nameQuery(kind.text);
        if (!match) return [];
        // One or two letters match a large part of the city: take the first matches unranked.
        const short = kind.text.split(/[^\p{L}\p{N}]+/u).every((w) => w.length < 3);
        return (short ? this.byNameUnranked : this.byName).all(match, limit).map(toSummary);
      }
    }
  }

  get(id: string): (CustomerDetail & { sourceUrl: string; bsn: string | null; refreshedAt: string | null }) | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    return {
      ...toSummary(row),
      telefoonnummers: JSON.parse(row.telefoonnummers) as string[],
      emailadressen: JSON.parse(row.emailadressen) as string[],
      geheimhouding: row.geheimhouding === 1,
      fetchedAt: row.fetched_at,
      sourceUrl: row.source_url,
      bsn: row.bsn,
      refreshedAt: row.dossier_refreshed_at,
    };
  }

  /** Inserts or updates by source URL; returns the local id (stable across refreshes). */
  upsert(record: CustomerRecord, fetchedAt: string): string {
    const existing = this.bySourceUrl.get(record.sourceUrl);
    const id = existing?.id ?? randomUUID();
    this.upsertStmt.run({
      ...record,
      id,
      telefoonnummers: JSON.stringify(record.telefoonnummers),
      emailadressen: JSON.stringify(record.emailadressen),
      geheimhouding: record.geheimhouding ? 1 : 0,
      fetchedAt,
    });
    this.writeIdentifiers(id, record);
    return id;
  }

  /**
   * Rows cached before migration 003 get their identify keys once, from what the cache already
   * holds (the formatted address and the phone/e-mail lists); the next partijen refresh would
   * write the same. Without this, a cache kept without prefetch would not find them by phone.
   */
  private backfillOnce(): void {
    const KEY = 'identify.backfilled';
    if (this.db.prepare('SELECT 1 FROM sync_state WHERE key = ?').get(KEY)) return;
    const rows = this.db
      .prepare('SELECT rowid AS rid, id, adres, telefoonnummers, emailadressen FROM customers ORDER BY rowid')
      .all() as { rid: number; id: string; adres: string | null; telefoonnummers: string; emailadressen: string }[];
    // In key order, with a larger page cache for the duration (100k customers: about 2 s, once).
    const points: [string, string, string][] = [];
    const addresses: [string, number, string | null, number][] = [];
    for (const row of rows) {
      for (const nummer of JSON.parse(row.telefoonnummers) as string[]) {
        const value = normalisePhone(nummer);
        if (value) points.push(['telefoon', value, row.id]);
      }
      for (const adres of JSON.parse(row.emailadressen) as string[]) {
        const value = normaliseEmail(adres);
        if (value) points.push(['email', value, row.id]);
      }
      const address = /\s(\d{1,5})(?:\s*([A-Za-z0-9]{1,4}))?,\s*([1-9]\d{3})\s?([A-Z]{2})\b/.exec(row.adres ?? '');
      if (address) addresses.push([`${address[3]}${address[4]}`, Number(address[1]), normaliseToevoeging(address[2]), row.rid]);
    }
    points.sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) : x[0] < y[0] ? -1 : 1));
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('cache_size = -65536');
    try {
      const byRowid = this.db.prepare('UPDATE customers SET postcode = ?, huisnummer = ?, huisnummertoevoeging = ? WHERE rowid = ?');
      this.db.transaction(() => {
        for (const point of points) this.addPointStmt.run(...point);
        for (const address of addresses) byRowid.run(...address);
        this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)').run(KEY, new Date().toISOString());
      })();
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  /** Postcode columns and normalised phone/e-mail keys for identify (migration 003). */
  private writeIdentifiers(id: string, record: Pick<CustomerRecord, 'telefoonnummers' | 'emailadressen' | 'postcode' | 'huisnummer' | 'huisnummertoevoeging'>): void {
    if (record.postcode !== undefined) {
      const postcode = record.postcode ? record.postcode.replace(/\s+/g, '').toUpperCase() : null;
      this.addressStmt.run(postcode, postcode ? (record.huisnummer ?? null) : null, postcode ? normaliseToevoeging(record.huisnummertoevoeging) : null, id);
    }
    this.clearPointsStmt.run(id);
    for (const nummer of record.telefoonnummers) {
      const value = normalisePhone(nummer);
      if (value) this.addPointStmt.run('telefoon', value, id);
    }
    for (const adres of record.emailadressen) {
      const value = normaliseEmail(adres);
      if (value) this.addPointStmt.run('email', value, id);
    }
  }

  upsertMany(records: readonly CustomerRecord[], fetchedAt: string): void {
    this.db.transaction(() => {
      for (const record of records) this.upsert(record, fetchedAt);
    })();
  }

  markUsed(id: string, at: string): void {
    this.touchStmt.run(at, id);
  }

  markRefreshed(id: string, at: string): void {
    this.refreshedStmt.run(at, id);
  }

  /**
   * A person only the BRP knew, as a customer before Open Klant has a partij for them (issue 12):
   * the source URL is a local placeholder (`local:<id>`) until the partij entry is acknowledged.
   */
  addLocal(person: { naam: string; bsn: string; adres: string | null; geheimhouding: boolean }, at: string): string {
    const id = randomUUID();
    this.upsertStmt.run({
      id,
      sourceUrl: `${LOCAL_URL_PREFIX}${id}`,
      soort: 'persoon',
      naam: person.naam,
      bsn: person.bsn,
      kvkNummer: null,
      vestigingsnummer: null,
      adres: person.adres,
      telefoonnummers: '[]',
      emailadressen: '[]',
      geheimhouding: person.geheimhouding ? 1 : 0,
      fetchedAt: at,
    });
    return id;
  }

  /**
   * The partij is in Open Klant: the local row gets its real URL and keeps its id. A copy the
   * cache took of that partij meanwhile (a search by BSN before the acknowledgement) gives way:
   * what hangs off it moves to the row the clerk works with.
   */
  acknowledgeLocal(id: string, sourceUrl: string): void {
    this.db.transaction(() => {
      const copy = this.bySourceUrl.get(sourceUrl)?.id;
      if (copy && copy !== id) {
        for (const table of ['contacts', 'zaken', 'callbacks', 'drafts']) this.db.prepare(`UPDATE OR IGNORE ${table} SET customer_id = ? WHERE customer_id = ?`).run(id, copy);
        this.db.prepare('DELETE FROM customers WHERE id = ?').run(copy);
      }
      this.db.prepare('UPDATE customers SET source_url = ? WHERE id = ?').run(sourceUrl, id);
    })();
  }

  /** The local id of a cached partij, by its URL at the source. */
  idBySourceUrl(url: string): string | null {
    return this.bySourceUrl.get(url)?.id ?? null;
  }
}
