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

interface RawHit extends Omit<SearchHit, 'snippet'> {
  s1: string;
  s2: string;
}

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
const WEIGHTS = '10.0, 6.0, 3.0, 1.0, 2.0';

/** One term alternative: a single token (prefix-matched) or a phrase of tokens. */
type Alt = string[];

export class KennisSearch {
  private vocab: { term: string; docs: number }[] | null = null;
  private synonyms: Map<string, string[][]> | null = null;
  private readonly matchStmt;
  private readonly termExists;

  constructor(private readonly db: Db) {
    this.matchStmt = db.prepare<[string, number], RawHit>(
      `SELECT a.rowid AS rowid, a.id AS id, a.soort AS soort, a.titel AS titel, a.afdeling AS afdeling,
         bm25(kennis_fts, ${WEIGHTS}) * (1.0 + 0.15 * min(coalesce(u.count, 0), 30) / 30.0) AS score,
         snippet(kennis_fts, 2, '${HIT_START}', '${HIT_END}', '…', 14) AS s1,
         snippet(kennis_fts, 3, '${HIT_START}', '${HIT_END}', '…', 14) AS s2
       FROM kennis_fts JOIN kennis_artikel a ON a.rowid = kennis_fts.rowid
       LEFT JOIN kennis_usage u ON u.article_id = a.id
       WHERE kennis_fts MATCH ? ORDER BY score LIMIT ?`,
    );
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
      for (const h of this.run(groups.map(groupExpr).join(' OR '), limit, first)) {
        if (hits.length >= limit) break;
        if (!seen.has(h.rowid)) hits.push(h);
      }
    }
    return hits;
  }

  /** The built expression for a query (exposed for tests). */
  expression(query: string): string {
    return this.expand(queryTokens(query)).map(groupExpr).join(' AND ');
  }

  /**
   * bm25 candidates, re-ranked: a title that starts with the query's first term gets +30%,
   * a title that holds every term +20% (bm25 alone prefers "Tweede paspoort" for "paspoort").
   */
  private run(expr: string, limit: number, groups: string[][]): SearchHit[] {
    const candidates = this.matchStmt.all(expr, Math.max(limit * 3, 30));
    for (const c of candidates) {
      const title = fold(c.titel);
      const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
      const inTitle = (alt: string): boolean => words.some((w) => w.startsWith(alt)) || title.includes(alt);
      if (groups[0]?.some((alt) => words[0]?.startsWith(alt.split(' ')[0]!))) c.score *= 1.3;
      if (groups.every((g) => g.some(inTitle))) c.score *= 1.2;
    }
    candidates.sort((a, b) => a.score - b.score);
    // The snippet comes from the summary when it holds a match, else from the text (never from `delen`).
    return candidates.slice(0, limit).map(({ s1, s2, ...hit }) => ({
      ...hit,
      snippet: s1.includes(HIT_START) || !s2.includes(HIT_START) ? s1 : s2,
    }));
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
    for (const v of this.vocabulary()) {
      if (Math.abs(v.term.length - token.length) > max) continue;
      const d = editDistance(token, v.term, max);
      if (d > max) continue;
      if (!best || d < best.d || (d === best.d && v.docs > best.docs)) best = { ...v, d };
    }
    return best?.term ?? null;
  }

  private vocabulary(): { term: string; docs: number }[] {
    this.vocab ??= this.db
      .prepare<[], { term: string; docs: number }>("SELECT term, doc AS docs FROM kennis_vocab WHERE length(term) >= 3 AND term NOT GLOB '*[0-9]*'")
      .all();
    return this.vocab;
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
