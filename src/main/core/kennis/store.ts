/** The kennisbank's tables (migration 002): articles + their FTS rows, synonyms, usage, feedback, news, sync state. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { sanitizeArticleHtml } from './sanitize';
import type { KennisKanaal, SourceArtikel, SourceNieuws } from './source';
import { compoundSuffixes, fold, htmlToText } from './text';

export interface ArtikelRow {
  rowid: number;
  id: string;
  soort: 'artikel' | 'vac';
  source_url: string;
  fingerprint: string;
  titel: string;
  samenvatting: string;
  afdeling: string | null;
  upl: string | null;
  trefwoorden: string;
  synoniemen: string;
  secties: string;
  kanaal_antwoorden: string;
  laatst_beoordeeld: string | null;
  fetched_at: string;
}

export interface NieuwsRow {
  id: string;
  soort: 'nieuws' | 'werkinstructie';
  titel: string;
  html: string;
  belangrijk: number;
  publicatie_start: string;
  publicatie_eind: string | null;
  gelezen_op: string | null;
}

export interface FeedbackRow {
  id: string;
  article_id: string;
  titel: string;
  soort: 'fout' | 'verouderd' | 'ontbreekt';
  toelichting: string;
  medewerker: string;
  created_at: string;
}

export class KennisStore {
  constructor(readonly db: Db) {}

  // --- articles -------------------------------------------------------------------------------

  fingerprints(): Map<string, string> {
    const rows = this.db.prepare<[], { id: string; fingerprint: string }>('SELECT id, fingerprint FROM kennis_artikel').all();
    return new Map(rows.map((r) => [r.id, r.fingerprint]));
  }

  /** Sanitises and writes one article and its index row (caller runs this inside a transaction). */
  upsertArtikel(a: SourceArtikel, fetchedAt: string): void {
    this.deleteArtikel(a.id);
    const secties = a.secties.map((s) => ({ sleutel: s.sleutel, html: sanitizeArticleHtml(s.html) }));
    const kanalen: Partial<Record<KennisKanaal, string>> = {};
    for (const [k, v] of Object.entries(a.kanaalAntwoorden) as [KennisKanaal, string][]) kanalen[k] = sanitizeArticleHtml(v);
    const info = this.db
      .prepare(
        `INSERT INTO kennis_artikel (id, soort, source_url, fingerprint, titel, samenvatting, afdeling, upl, trefwoorden, synoniemen,
           secties, kanaal_antwoorden, laatst_beoordeeld, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.id, a.soort, a.sourceUrl, a.fingerprint, a.titel, htmlToText(a.samenvatting), a.afdeling, a.upl,
        JSON.stringify(a.trefwoorden), JSON.stringify(a.synoniemen), JSON.stringify(secties), JSON.stringify(kanalen),
        a.laatstBeoordeeld, fetchedAt);
    const trefwoorden = [...a.trefwoorden, ...a.synoniemen, a.upl ?? '', a.afdeling ?? ''].join(' · ');
    const tekst = [...secties.map((s) => htmlToText(s.html)), ...Object.values(kanalen).map(htmlToText)].join(' ');
    const delen = compoundSuffixes(`${a.titel} ${a.trefwoorden.join(' ')} ${a.synoniemen.join(' ')} ${a.upl ?? ''}`).join(' ');
    this.db
      .prepare('INSERT INTO kennis_fts (rowid, titel, trefwoorden, samenvatting, tekst, delen) VALUES (?, ?, ?, ?, ?, ?)')
      .run(info.lastInsertRowid, a.titel, trefwoorden, htmlToText(a.samenvatting), tekst, delen);
  }

  deleteArtikel(id: string): boolean {
    const row = this.db.prepare<[string], { rowid: number }>('SELECT rowid FROM kennis_artikel WHERE id = ?').get(id);
    if (!row) return false;
    this.db.prepare('DELETE FROM kennis_fts WHERE rowid = ?').run(row.rowid);
    this.db.prepare('DELETE FROM kennis_artikel WHERE rowid = ?').run(row.rowid);
    return true;
  }

  getArtikel(id: string): ArtikelRow | undefined {
    return this.db.prepare<[string], ArtikelRow>('SELECT rowid, * FROM kennis_artikel WHERE id = ?').get(id);
  }

  countArtikelen(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM kennis_artikel').get() as { n: number }).n;
  }

  // --- usage and feedback ---------------------------------------------------------------------

  recordUsage(articleId: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO kennis_usage (article_id, count, last_used_at) VALUES (?, 1, ?)
         ON CONFLICT (article_id) DO UPDATE SET count = count + 1, last_used_at = excluded.last_used_at`,
      )
      .run(articleId, at);
  }

  addFeedback(f: Omit<FeedbackRow, 'id'>): FeedbackRow {
    const row = { id: randomUUID(), ...f };
    this.db
      .prepare('INSERT INTO kennis_feedback (id, article_id, titel, soort, toelichting, medewerker, created_at) VALUES (@id, @article_id, @titel, @soort, @toelichting, @medewerker, @created_at)')
      .run(row);
    return row;
  }

  listFeedback(limit = 200): FeedbackRow[] {
    return this.db.prepare<[number], FeedbackRow>('SELECT * FROM kennis_feedback ORDER BY created_at DESC LIMIT ?').all(limit);
  }

  // --- synonyms -------------------------------------------------------------------------------

  synonymGroups(): { groep: number; termen: string[] }[] {
    const rows = this.db.prepare<[], { groep: number; term: string }>('SELECT groep, term FROM kennis_synoniem ORDER BY groep, term').all();
    const groups = new Map<number, string[]>();
    for (const r of rows) groups.set(r.groep, [...(groups.get(r.groep) ?? []), r.term]);
    return [...groups].map(([groep, termen]) => ({ groep, termen }));
  }

  /** Replaces one group (null: a new group); terms are folded; an empty list deletes the group. */
  upsertSynonymGroup(groep: number | null, termen: string[]): number {
    const id = groep ?? ((this.db.prepare('SELECT coalesce(max(groep), 0) + 1 AS g FROM kennis_synoniem').get() as { g: number }).g);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM kennis_synoniem WHERE groep = ?').run(id);
      const ins = this.db.prepare('INSERT OR IGNORE INTO kennis_synoniem (groep, term) VALUES (?, ?)');
      for (const t of new Set(termen.map((x) => fold(x).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).filter(Boolean))) ins.run(id, t);
    })();
    return id;
  }

  // --- news -----------------------------------------------------------------------------------

  nieuwsFingerprints(): Map<string, string> {
    const rows = this.db.prepare<[], { id: string; fingerprint: string }>('SELECT id, fingerprint FROM kennis_nieuws').all();
    return new Map(rows.map((r) => [r.id, r.fingerprint]));
  }

  upsertNieuws(n: SourceNieuws, fetchedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO kennis_nieuws (id, source_url, fingerprint, soort, titel, html, belangrijk, publicatie_start, publicatie_eind, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source_url = excluded.source_url, fingerprint = excluded.fingerprint, soort = excluded.soort,
           titel = excluded.titel, html = excluded.html, belangrijk = excluded.belangrijk,
           publicatie_start = excluded.publicatie_start, publicatie_eind = excluded.publicatie_eind, fetched_at = excluded.fetched_at`,
      )
      .run(n.id, n.sourceUrl, n.fingerprint, n.soort, n.titel, sanitizeArticleHtml(n.html), n.belangrijk ? 1 : 0, n.publicatieStart, n.publicatieEind, fetchedAt);
  }

  deleteNieuws(id: string): void {
    this.db.prepare('DELETE FROM kennis_nieuws WHERE id = ?').run(id);
  }

  currentNieuws(userId: string, now: string): NieuwsRow[] {
    return this.db
      .prepare<[string, string, string], NieuwsRow>(
        `SELECT n.id, n.soort, n.titel, n.html, n.belangrijk, n.publicatie_start, n.publicatie_eind, g.gelezen_op
         FROM kennis_nieuws n LEFT JOIN kennis_gelezen g ON g.nieuws_id = n.id AND g.user_id = ?
         WHERE n.publicatie_start <= ? AND (n.publicatie_eind IS NULL OR n.publicatie_eind > ?)
         ORDER BY n.belangrijk DESC, n.publicatie_start DESC`,
      )
      .all(userId, now, now);
  }

  markRead(userId: string, nieuwsId: string, at: string): boolean {
    if (!this.db.prepare('SELECT 1 FROM kennis_nieuws WHERE id = ?').get(nieuwsId)) return false;
    this.db.prepare('INSERT OR IGNORE INTO kennis_gelezen (user_id, nieuws_id, gelezen_op) VALUES (?, ?, ?)').run(userId, nieuwsId, at);
    return true;
  }

  // --- sync state -----------------------------------------------------------------------------

  setSyncState(objecttype: string, at: string, count: number, error: string | null): void {
    this.db
      .prepare(
        `INSERT INTO kennis_sync (objecttype, last_sync_at, count, error) VALUES (?, ?, ?, ?)
         ON CONFLICT (objecttype) DO UPDATE SET last_sync_at = excluded.last_sync_at, count = excluded.count, error = excluded.error`,
      )
      .run(objecttype, at, count, error);
  }

  syncState(objecttype: string): { last_sync_at: string; count: number; error: string | null } | undefined {
    return this.db
      .prepare<[string], { last_sync_at: string; count: number; error: string | null }>('SELECT last_sync_at, count, error FROM kennis_sync WHERE objecttype = ?')
      .get(objecttype);
  }

  // --- consulted articles per contact -----------------------------------------------------------

  linkContact(contactId: string, articles: { id: string; titel: string }[], antwoordGevonden: boolean | null): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO contact_articles (contact_id, article_id, titel) VALUES (?, ?, ?)');
    for (const a of articles) ins.run(contactId, a.id, a.titel);
    if (antwoordGevonden !== null) this.db.prepare('UPDATE contacts SET antwoord_gevonden = ? WHERE id = ?').run(antwoordGevonden ? 1 : 0, contactId);
  }

  contactArticles(contactId: string): { id: string; titel: string }[] {
    return this.db
      .prepare<[string], { id: string; titel: string }>('SELECT article_id AS id, titel FROM contact_articles WHERE contact_id = ? ORDER BY rowid')
      .all(contactId);
  }
}
