/**
 * Kennisbank search (issue 4): quality on the 150 Turfbrug articles with the labelled queries
 * (MRR@10, recall@5), side by side with MiniSearch on the same corpus and queries; latency,
 * index build/open time and memory on a generated corpus of 20,000 articles.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { kennisartikelen, type KennisArtikelSeed } from '../../../src/demo/seed/kennis';
import { Prng } from '../../../src/demo/seed/prng';
import { KennisService } from '../../../src/main/core/kennis/service';
import { KennisStore } from '../../../src/main/core/kennis/store';
import { fold, htmlToText } from '../../../src/main/core/kennis/text';
import { Store } from '../../../src/main/core/store';
import { seedToSource } from '../../unit/kennis/fixture';
import { kennisQueries } from '../fixtures/kennis-queries';
import { timeCalls, type BenchReport } from '../harness';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const WIJKEN = ['Veenhaven', 'Centrum', 'Turfmarkt', 'Oosterpark', 'De Vaart', 'Hoogeveld', 'Kanaalzijde', 'Molenbuurt', 'Schuttersveld', 'Westerkwartier'];
const EXTRA = ['let op', 'nieuwe regeling', 'uitzondering', 'per wijk', 'tijdelijk', 'digitaal', 'op afspraak', 'voor ondernemers', 'voor studenten', 'voor 65-plussers'];

/** 20,000 variants of the 150 articles (same words, other titles, ids and a differing sentence). */
export function generatedCorpus(n: number): KennisArtikelSeed[] {
  const prng = new Prng(20261128);
  const out: KennisArtikelSeed[] = [];
  for (let i = 0; i < n; i++) {
    const base = kennisartikelen[i % kennisartikelen.length]!;
    const k = Math.floor(i / kennisartikelen.length);
    if (k === 0) {
      out.push(base);
      continue;
    }
    const wijk = WIJKEN[prng.int(WIJKEN.length)]!;
    const extra = EXTRA[prng.int(EXTRA.length)]!;
    out.push({
      ...base,
      id: `${base.id}~${k}`,
      titel: `${base.titel} (${wijk}, ${extra})`,
      samenvatting: `${base.samenvatting} Geldt in ${wijk}: ${extra} (${k}).`,
    });
  }
  return out;
}

function fillStore(file: string, corpus: readonly KennisArtikelSeed[]): number {
  const start = performance.now();
  const store = Store.open(file);
  const kennis = new KennisStore(store.db);
  store.transaction(() => {
    for (const a of corpus) kennis.upsertArtikel(seedToSource(a), '2026-11-28T10:00:00.000Z');
  });
  store.db.exec("INSERT INTO kennis_fts (kennis_fts) VALUES ('optimize')");
  store.close();
  return performance.now() - start;
}

interface Doc { id: string; titel: string; trefwoorden: string; samenvatting: string; tekst: string }
const toDoc = (a: KennisArtikelSeed): Doc => ({
  id: a.id,
  titel: a.titel,
  trefwoorden: [...a.trefwoorden, ...a.synoniemen, a.upl ?? '', a.afdeling].join(' '),
  samenvatting: a.samenvatting,
  tekst: [...Object.values(a.secties), ...Object.values(a.kanaalAntwoorden)].map((h) => htmlToText(h ?? '')).join(' '),
});

/** MiniSearch with sensible options: same fields, diacritics folded, prefix, fuzzy 0.2, title boost. */
function buildMiniSearch(corpus: readonly KennisArtikelSeed[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ['titel', 'trefwoorden', 'samenvatting', 'tekst'],
    storeFields: ['id'],
    processTerm: (term) => fold(term),
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { titel: 3, trefwoorden: 2, samenvatting: 1.5 } },
  });
  ms.addAll(corpus.map(toDoc));
  return ms;
}

function quality(search: (q: string) => string[]): { mrr: number; recall5: number } {
  let mrr = 0;
  let recall5 = 0;
  for (const q of kennisQueries) {
    const ids = search(q.q).slice(0, 10).map((id) => id.split('~')[0]!);
    const rank = ids.findIndex((id) => q.expect.includes(id));
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank >= 0 && rank < 5) recall5++;
  }
  return { mrr: mrr / kennisQueries.length, recall5: recall5 / kennisQueries.length };
}

export interface KennisBenchFigures {
  queries: number;
  ours: { mrr: number; recall5: number };
  minisearch: { mrr: number; recall5: number };
}

export async function kennisSearch(report: BenchReport, cacheDir: string, workDir: string, log: (line: string) => void): Promise<KennisBenchFigures> {
  // --- quality on the 150 articles -------------------------------------------------------------
  const smallFile = join(workDir, 'kennis-150.sqlite');
  fillStore(smallFile, kennisartikelen);
  const small = Store.open(smallFile);
  const ours = new KennisService(new KennisStore(small.db), 'bench');
  const oursQ = quality((q) => ours.find(q, 10).hits.map((h) => h.id));
  const msSmall = buildMiniSearch(kennisartikelen);
  const msQ = quality((q) => msSmall.search(q).map((r) => String(r.id)));
  const dataset150 = `150 Turfbrug articles, ${kennisQueries.length} labelled queries`;
  for (const [name, value] of [
    ['kennis MRR@10 (ours, FTS5)', oursQ.mrr],
    ['kennis recall@5 (ours, FTS5)', oursQ.recall5],
    ['kennis MRR@10 (MiniSearch)', msQ.mrr],
    ['kennis recall@5 (MiniSearch)', msQ.recall5],
  ] as const) {
    report.add({ name, unit: 'ratio', dataset: dataset150, n: kennisQueries.length, p50: value, p95: value });
  }
  const q150 = await timeCalls(kennisQueries.length * 5, (i) => ours.find(kennisQueries[i % kennisQueries.length]!.q, 10));
  report.add({ name: 'kennis.search per query (ours)', unit: 'ms', dataset: '150 articles', ...q150 });
  const m150 = await timeCalls(kennisQueries.length * 5, (i) => msSmall.search(kennisQueries[i % kennisQueries.length]!.q).slice(0, 10));
  report.add({ name: 'kennis search per query (MiniSearch)', unit: 'ms', dataset: '150 articles', ...m150 });
  small.close();

  // --- 20,000 articles ---------------------------------------------------------------------------
  const N = 20_000;
  const corpus = generatedCorpus(N);
  mkdirSync(cacheDir, { recursive: true });
  const bigFile = join(cacheDir, `kennis-${N}-v1.sqlite`);
  if (!existsSync(bigFile)) {
    log(`  building the ${N}-article kennisbank (once, cached in ${bigFile}) …`);
    const tmp = `${bigFile}.tmp`;
    rmSync(tmp, { force: true });
    const ms = fillStore(tmp, corpus);
    renameSync(tmp, bigFile);
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
    log(`  built in ${(ms / 1000).toFixed(1)} s (sanitising included), ${(statSync(bigFile).size / 2 ** 20).toFixed(0)} MB`);
  }
  const dataset20k = `${N} generated articles`;

  const heap0 = heapMb();
  const rss0 = process.memoryUsage().rss / 2 ** 20;
  const openStart = performance.now();
  const big = Store.open(bigFile);
  const bigService = new KennisService(new KennisStore(big.db), 'bench');
  bigService.find('paspoort', 10);
  const openMs = performance.now() - openStart;
  const lat = await timeCalls(kennisQueries.length * 5, (i) => bigService.find(kennisQueries[i % kennisQueries.length]!.q, 10));
  const oursHeap = heapMb() - heap0;
  const oursRss = process.memoryUsage().rss / 2 ** 20 - rss0;
  report.add({ name: 'kennis.search per query (ours)', unit: 'ms', dataset: dataset20k, ...lat, note: 'all labelled queries, 5 rounds' });
  report.add({ name: 'kennis index ready at start (ours: open store + first query)', unit: 'ms', dataset: dataset20k, n: 1, p50: openMs, p95: openMs });
  report.add({ name: 'kennis heap after queries (ours)', unit: 'MB', dataset: dataset20k, n: 1, p50: oursHeap, p95: oursHeap, note: `RSS +${oursRss.toFixed(0)} MB (SQLite page cache)` });
  big.close();

  const heap1 = heapMb();
  const buildStart = performance.now();
  const msBig = buildMiniSearch(corpus);
  const buildMs = performance.now() - buildStart;
  const msHeap = heapMb() - heap1;
  const msLat = await timeCalls(kennisQueries.length * 5, (i) => msBig.search(kennisQueries[i % kennisQueries.length]!.q).slice(0, 10));
  report.add({ name: 'kennis search per query (MiniSearch)', unit: 'ms', dataset: dataset20k, ...msLat, note: 'all labelled queries, 5 rounds' });
  report.add({ name: 'kennis index build at start (MiniSearch)', unit: 'ms', dataset: dataset20k, n: 1, p50: buildMs, p95: buildMs });
  report.add({ name: 'kennis index heap (MiniSearch)', unit: 'MB', dataset: dataset20k, n: 1, p50: msHeap, p95: msHeap });
  return { queries: kennisQueries.length, ours: oursQ, minisearch: msQ };
}
