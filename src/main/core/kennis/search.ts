/**
 * Kennisbank search over SQLite FTS5. The clerk's text never reaches MATCH as written: it is
 * folded into letter/digit tokens (no quotes, operators or brackets survive), each token is
 * expanded (synonyms, a typo correction when the token is unknown) and the MATCH expression
 * is built from double-quoted terms only. AND first; when that finds too little, OR fills up.
 *
 * Ranking: bm25 with column weights (title 10, keywords/synonyms 6, summary 3, text 1,
 * compound parts 2), times a gentle boost for articles colleagues use often (at most +15%).
 */
import type { Db } from '../store/database';
import { editDistance, fold, queryTokens } from './text';

export interface SearchHit {
  rowid: number;
  id: string;
  soort: 'artikel' | 'vac';
  titel: string;
  afdeling: string | null;
  score: number;
  /** Snippet with matches between \u0002 and \u0003. */
  snippet: string;
}

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
const WEIGHTS = '10.0, 6.0, 3.0, 1.0, 2.0';

/** One term alternative: a single token (prefix-matched) or a phrase of tokens. */
type Alt = string[];

export class KennisSearch {
  /** Vocabulary by first letter (a typo in the first letter is rare; this keeps the scan small). */
  private vocab: Map<string, { term: string; docs: number }[]> | null = null;
  private synonyms: Map<string, string[][]> | null = null;
  private readonly candidateStmt;
  private readonly metaStmt;
  private readonly snippetStmt;
  private readonly termExists;
  private readonly docFreq;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    // A range (not `=`) on fts5vocab's term is answered from the index.
    this.docFreq = db.prepare<[string, string], { doc: number }>('SELECT doc FROM kennis_vocab WHERE term >= ? AND term <= ? LIMIT 1');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM kennis_artikel');
    // Phase 1 ranks in the FTS index alone (no joins, no snippets for rows that lose).
    this.candidateStmt = db.prepare<[string, number], { rowid: number; score: number }>(
      `SELECT rowid, bm25(kennis_fts, ${WEIGHTS}) AS score FROM kennis_fts WHERE kennis_fts MATCH ? ORDER BY score LIMIT ?`,
    );
    this.metaStmt = db.prepare<[string], { rowid: number; id: string; soort: 'artikel' | 'vac'; titel: string; afdeling: string | null; uses: number }>(
      `SELECT a.rowid AS rowid, a.id AS id, a.soort AS soort, a.titel AS titel, a.afdeling AS afdeling, coalesce(u.count, 0) AS uses
       FROM kennis_artikel a LEFT JOIN kennis_usage u ON u.article_id = a.id
       WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    );
    // Phase 2: snippets for the hits that are shown only.
    // FTS5's snippet() would run the MATCH again per row; the texts by rowid are cheap.
    this.snippetStmt = db.prepare<[number], { samenvatting: string; tekst: string }>('SELECT samenvatting, tekst FROM kennis_fts WHERE rowid = ?');
    // fts5vocab answers a range on `term` from the index, without a scan.
    this.termExists = db.prepare<[string, string], { term: string }>('SELECT term FROM kennis_vocab WHERE term >= ? AND term < ? LIMIT 1');
  }

  /** Call after a sync changed the index or an editor changed synonyms. */
  invalidate(): void {
    this.vocab = null;
    this.synonyms = null;
  }

  search(query: string, limit = 10): SearchHit[] {
    const groups = this.expand(queryTokens(query));
    if (groups.length === 0) return [];
    const first = groups.map((g) => g.map((alt) => alt.join(' ')));
    const hits = this.run(groups.map(groupExpr).join(' AND '), limit, first);
    if (hits.length < limit && groups.length > 1) {
      const seen = new Set(hits.map((h) => h.rowid));
      for (const h of this.run(this.orFallback(groups).map(groupExpr).join(' OR '), limit, first)) {
        if (hits.length >= limit) break;
        if (!seen.has(h.rowid)) hits.push(h);
      }
    }
    return hits;
  }

  /**
   * The OR fallback leaves out groups that match a large part of the corpus ("maken",
   * "nodig"): ranking thousands of rows by bm25 costs tens of ms on 20,000 articles and adds
   * nothing a rarer term does not. When every group is common, the rarest one alone.
   */
  private orFallback(groups: Alt[][]): Alt[][] {
    const total = this.countStmt.get()?.n ?? 0;
    const limit = Math.max(50, total * 0.05);
    const df = groups.map((g) => Math.max(0, ...g.map((alt) => this.docFreq.get(alt[0]!, alt[0]!)?.doc ?? 0)));
    const rare = groups.filter((_, i) => df[i]! <= limit);
    if (rare.length > 0) return rare;
    const min = Math.min(...df);
    return [groups[df.indexOf(min)]!];
  }

  /** The built expression for a query (exposed for tests). */
  expression(query: string): string {
    return this.expand(queryTokens(query)).map(groupExpr).join(' AND ');
  }

  /**
   * bm25 candidates, re-ranked: a gentle boost for articles colleagues use often (at most
   * +15%), a title that starts with the query's first term +30%, a title that holds every
   * term +20% (bm25 alone prefers "Tweede paspoort" for "paspoort").
   */
  private run(expr: string, limit: number, groups: string[][]): SearchHit[] {
    const candidates = this.candidateStmt.all(expr, Math.max(limit * 4, 40));
    if (candidates.length === 0) return [];
    const meta = new Map(this.metaStmt.all(JSON.stringify(candidates.map((c) => c.rowid))).map((m) => [m.rowid, m]));
    const ranked: (Omit<SearchHit, 'snippet'>)[] = [];
    for (const c of candidates) {
      const m = meta.get(c.rowid);
      if (!m) continue;
      let score = c.score * (1 + (0.15 * Math.min(m.uses, 30)) / 30);
      const title = fold(m.titel);
      const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
      const inTitle = (alt: string): boolean => words.some((w) => w.startsWith(alt)) || title.includes(alt);
      if (groups[0]?.some((alt) => words[0]?.startsWith(alt.split(' ')[0]!))) score *= 1.3;
      if (groups.every((g) => g.some(inTitle))) score *= 1.2;
      ranked.push({ rowid: m.rowid, id: m.id, soort: m.soort, titel: m.titel, afdeling: m.afdeling, score });
    }
    ranked.sort((a, b) => a.score - b.score);
    // The snippet comes from the summary when it holds a match, else from the text.
    const terms = [...new Set(groups.flat().flatMap((alt) => alt.split(' ')))];
    return ranked.slice(0, limit).map((hit) => {
      const t = this.snippetStmt.get(hit.rowid) ?? { samenvatting: '', tekst: '' };
      const s1 = makeSnippet(t.samenvatting, terms);
      return { ...hit, snippet: s1.includes(HIT_START) ? s1 : makeSnippet(t.tekst, terms, s1) };
    });
  }

  /** Tokens → groups of alternatives: multi-word synonyms first (greedy), then per token. */
  private expand(tokens: string[]): Alt[][] {
    const syn = this.synonymMap();
    const groups: Alt[][] = [];
    for (let i = 0; i < tokens.length; ) {
      let used = 0;
      for (let n = Math.min(3, tokens.length - i); n >= 2 && used === 0; n--) {
        const phrase = tokens.slice(i, i + n).join(' ');
        const alts = syn.get(phrase);
        if (alts) {
          groups.push([tokens.slice(i, i + n), ...alts]);
          used = n;
        }
      }
      if (used > 0) {
        i += used;
        continue;
      }
      const t = tokens[i]!;
      const alts: Alt[] = [[t]];
      if (!this.known(t)) {
        const fixed = this.correct(t);
        if (fixed) alts.push([fixed]);
      }
      for (const a of alts.slice()) for (const s of syn.get(a.join(' ')) ?? []) alts.push(s);
      groups.push(alts);
      i += 1;
    }
    return groups;
  }

  private known(token: string): boolean {
    return this.termExists.get(token, `${token}\uffff`) !== undefined;
  }

  /** The most common vocabulary term within 1 edit (2 for words of 8+ letters); null if none. */
  private correct(token: string): string | null {
    if (token.length < 4 || /^\d+$/.test(token)) return null;
    const max = token.length >= 8 ? 2 : 1;
    let best: { term: string; docs: number; d: number } | null = null;
    for (const v of this.vocabulary().get(token[0]!) ?? []) {
      if (Math.abs(v.term.length - token.length) > max) continue;
      const d = editDistance(token, v.term, max);
      if (d > max) continue;
      if (!best || d < best.d || (d === best.d && v.docs > best.docs)) best = { ...v, d };
    }
    return best?.term ?? null;
  }

  private vocabulary(): Map<string, { term: string; docs: number }[]> {
    if (this.vocab) return this.vocab;
    const byLetter = new Map<string, { term: string; docs: number }[]>();
    const rows = this.db
      .prepare<[], { term: string; docs: number }>("SELECT term, doc AS docs FROM kennis_vocab WHERE length(term) >= 3 AND term NOT GLOB '*[0-9]*'")
      .all();
    for (const r of rows) {
      const list = byLetter.get(r.term[0]!);
      if (list) list.push(r);
      else byLetter.set(r.term[0]!, [r]);
    }
    this.vocab = byLetter;
    return byLetter;
  }

  private synonymMap(): Map<string, string[][]> {
    if (this.synonyms) return this.synonyms;
    const rows = this.db.prepare<[], { groep: number; term: string }>('SELECT groep, term FROM kennis_synoniem').all();
    const byGroup = new Map<number, string[]>();
    for (const r of rows) byGroup.set(r.groep, [...(byGroup.get(r.groep) ?? []), fold(r.term)]);
    const map = new Map<string, string[][]>();
    for (const terms of byGroup.values()) {
      for (const t of terms) {
        const others = terms.filter((o) => o !== t).map((o) => o.split(/\s+/).filter(Boolean));
        map.set(t, [...(map.get(t) ?? []), ...others]);
      }
    }
    this.synonyms = map;
    return map;
  }
}

/**
 * One group as FTS5 syntax. Every term is a folded letter/digit token inside double quotes,
 * so nothing the clerk typed can act as an operator. Single tokens match as prefix.
 */
function groupExpr(alts: Alt[]): string {
  const parts = alts.map((alt) => (alt.length === 1 ? `"${alt[0]}"*` : `"${alt.join(' ')}"`));
  return `(${[...new Set(parts)].join(' OR ')})`;
}

/**
 * About 16 words around the first match, matched words between HIT_START and HIT_END. A word
 * matches when it starts with a query term, or holds a term of 5+ letters (compound parts).
 * Returns `fallback` when the text holds no match.
 */
export function makeSnippet(text: string, terms: readonly string[], fallback?: string): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const isHit = (w: string): boolean => {
    const f = fold(w);
    return terms.some((t) => f.startsWith(t) || (t.length >= 5 && f.includes(t)));
  };
  const first = words.findIndex((m) => isHit(m[0]));
  if (first === -1 && fallback !== undefined) return fallback;
  const from = Math.max(0, (first === -1 ? 0 : first) - 4);
  const to = Math.min(words.length, from + 16);
  if (words.length === 0) return '';
  let out = from > 0 ? '…' : '';
  let pos = words[from]!.index;
  for (let i = from; i < to; i++) {
    const m = words[i]!;
    out += text.slice(pos, m.index);
    out += isHit(m[0]) ? `${HIT_START}${m[0]}${HIT_END}` : m[0];
    pos = m.index + m[0].length;
  }
  if (to < words.length) out += '…';
  else out += text.slice(pos);
  return out;
}

/** Splits an FTS5 snippet into plain segments; the renderer marks the `hit` ones. */
export function snippetSegments(snippet: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  for (const part of snippet.split(HIT_START)) {
    const end = part.indexOf(HIT_END);
    if (end === -1) {
      if (part) out.push({ text: part, hit: false });
      continue;
    }
    if (end > 0) out.push({ text: part.slice(0, end), hit: true });
    const rest = part.slice(end + 1).replaceAll(HIT_END, '');
    if (rest) out.push({ text: rest, hit: false });
  }
  return out;
}
