/**
 * Text handling for the kennisbank index and queries: folding (lower case, diacritics off, as
 * FTS5's unicode61 remove_diacritics 2 does), tokens, Dutch stop words, compound-word suffixes
 * and a bounded edit distance for typo correction. Pure functions; no SQL here.
 */

/** Lower case, diacritics removed, ligatures split: "Coördinator" → "coordinator". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folded word tokens: letters and digits only, so a token can never carry FTS5 syntax. */
export function tokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words that say nothing about the subject ("mijn paspoort is kwijt" → paspoort kwijt). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `de het een en of in op aan van voor met is ben bent zijn was waren wordt worden word ik mijn me mij je jij jou jouw u uw we wij ons onze
   ze zij hun hij haar zich hoe wat waar wanneer waarom wie welke welk kan kun kunt kunnen moet moeten mag mogen wil wilt willen zou
   heb hebt heeft hebben had niet geen er te om dat die dit deze naar bij ook al nog dan als maar over uit tot door nu graag even
   iets hier daar zo wel meer veel weer toch want dus alleen nou hallo goedemorgen goedemiddag vraag vragen gemeente turfbrug`
    .split(/\s+/)
    .filter(Boolean),
);

/** The query's meaningful tokens, at most `max` (a pasted paragraph is cut, not rejected). */
export function queryTokens(text: string, max = 10): string[] {
  const all = tokens(text).filter((t) => t.length <= 40);
  const meaningful = all.filter((t) => !STOPWORDS.has(t));
  const chosen = meaningful.length > 0 ? meaningful : all;
  return [...new Set(chosen)].slice(0, max);
}

/**
 * Suffixes of compound words, so a part finds the whole: "kwijtschelding" gives "schelding",
 * "parkeervergunning" gives "vergunning". Words of at least 8 letters, suffixes of at least 5
 * letters that start at least 3 letters in. Stored in the `delen` column with a low weight.
 */
export function compoundSuffixes(text: string): string[] {
  const out = new Set<string>();
  for (const word of tokens(text)) {
    if (word.length < 8 || /\d/.test(word)) continue;
    for (let i = 3; word.length - i >= 5; i++) out.add(word.slice(i));
  }
  return [...out];
}

/** Plain text of (already sanitised) HTML, for the index and snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/tr|\/div)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    // Control characters (the snippet markers among them) never reach the index.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
