import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance, fold, queryTokens } from '../../../src/main/core/kennis/text';
import type { KennisService } from '../../../src/main/core/kennis/service';
import type { Store } from '../../../src/main/core/store';
import { tempDir } from '../../support/tmp';
import { openKennis } from './fixture';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let kennis: KennisService;
const top = (q: string, n = 3): string[] => kennis.find(q, n).hits.map((h) => h.id);

beforeAll(() => {
  dir = tempDir('kennis-search-');
  ({ store, service: kennis } = openKennis(dir.path));
});
afterAll(() => {
  store.close();
  dir.remove();
});

describe('kennisbank tokens', () => {
  it('folds diacritics and case like FTS5 remove_diacritics 2', () => {
    expect(fold('Coördinator Één café')).toBe('coordinator een cafe');
    expect(queryTokens('Mijn paspoort is KWIJT!')).toEqual(['paspoort', 'kwijt']);
    expect(queryTokens('de het een')).toEqual(['de', 'het', 'een']);
  });
  it('bounded edit distance counts a swap as one edit', () => {
    expect(editDistance('paspoort', 'paspoort', 1)).toBe(0);
    expect(editDistance('paspoort', 'pasoport', 1)).toBe(1);
    expect(editDistance('paspoort', 'rijbewijs', 2)).toBe(3);
  });
});

describe('kennisbank search', () => {
  it('finds by title word and ranks the title first', () => {
    expect(top('paspoort')[0]).toBe('paspoort-aanvragen');
  });
  it('folds diacritics in the query: "coördinator" = "coordinator"; "één" finds "een"', () => {
    expect(kennis.find('Paspóórt aanvrägen', 1).hits[0]?.id).toBe('paspoort-aanvragen');
  });
  it('matches prefixes as you type', () => {
    expect(top('paspo')).toContain('paspoort-aanvragen');
    expect(top('kwijtsch')[0]).toBe('kwijtschelding-gemeentelijke-belastingen');
  });
  it('finds compound words from their parts', () => {
    expect(top('schelding')).toContain('kwijtschelding-gemeentelijke-belastingen');
    const vergunning = kennis.find('vergunning', 20).hits.map((h) => h.id);
    expect(vergunning).toContain('parkeervergunning-bewoners');
  });
  it('expands synonyms from the editable table', () => {
    expect(top('ID-kaart')).toContain('identiteitskaart-aanvragen');
    expect(top('verhuizen')).toContain('verhuizing-doorgeven');
    expect(top('adreswijziging')).toContain('verhuizing-doorgeven');
    expect(top('milieupas')[0]).toBe('afvalpas-milieupas');
    expect(top('uitkering')).toContain('bijstandsuitkering');
  });
  it('an editor adds a synonym group and search uses it at once', () => {
    expect(top('huurling')).toEqual([]);
    kennis.upsertSynonyms(undefined, ['huurling', 'kamerverhuur']);
    expect(top('huurling')).toContain('kamerverhuur-woningsplitsing');
  });
  it('tolerates a typo', () => {
    expect(top('paspoord')[0]).toBe('paspoort-aanvragen');
    expect(top('rijbewjis')).toContain('rijbewijs-aanvragen-verlengen');
    expect(top('kwijtscheldng')).toContain('kwijtschelding-gemeentelijke-belastingen');
  });
  it('understands colloquial phrasing', () => {
    expect(top('mijn paspoort is kwijt')[0]).toBe('reisdocument-kwijt-gestolen');
    expect(top('mijn kliko is kapot')[0]).toBe('kliko-kapot-kwijt');
  });
  it('returns snippets with the match marked as plain segments', () => {
    const hit = kennis.find('pasfoto', 1).hits[0]!;
    expect(hit.snippet.some((s) => s.hit && fold(s.text).includes('pasfoto'))).toBe(true);
    for (const s of hit.snippet) for (const c of ['\u0002', '\u0003', '<', '>']) expect(s.text).not.toContain(c);
  });
  it('gives colleagues\' favourites a gentle boost', () => {
    const before = top('parkeren', 10);
    const target = before[3]!;
    for (let i = 0; i < 30; i++) kennis.used(target);
    const after = top('parkeren', 10);
    expect(after.indexOf(target)).toBeLessThanOrEqual(before.indexOf(target));
    expect(after.indexOf(target)).toBeGreaterThanOrEqual(0);
  });
});

describe('hostile queries never reach FTS5 as syntax', () => {
  const hostile = [
    '"', '""', "'", '(', ')', '(()', 'paspoort"', '"paspoort', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(paspoort rijbewijs, 2)',
    'paspoort AND', 'OR paspoort', '*', 'pas*', '-', '-paspoort', 'paspoort -rijbewijs', '^paspoort', 'titel:paspoort',
    '{titel}: paspoort', 'paspoort + rijbewijs', '😀', '🇳🇱 paspoort 👍', '\\', '%', '_', ';DROP TABLE kennis_artikel;--',
    'a'.repeat(500), 'ü'.repeat(41), '   ', '', '\t\n',
    'Goedemiddag, ik bel omdat mijn moeder vorige week is overleden en ik wil weten wat ik moet regelen met de gemeente, ' +
      'want er komt zoveel op ons af: de begrafenis, de belastingen (OZB!), haar paspoort * en "rijbewijs" - en AND OR NEAR.',
  ];
  it.each(hostile)('%j', (q) => {
    expect(() => kennis.find(q, 10)).not.toThrow();
  });
  it('still finds what a quoted or bracketed query means', () => {
    expect(top('"paspoort"')[0]).toBe('paspoort-aanvragen');
    expect(top('(paspoort)')[0]).toBe('paspoort-aanvragen');
    expect(top('NEAR(paspoort)')).toContain('paspoort-aanvragen');
  });
  it('builds the expression from quoted tokens only', () => {
    expect(kennis.search.expression('paspoort" OR x*) NEAR(')).toMatch(/^\("[a-z0-9]+"\*( OR "[a-z0-9 ]+"\*?)*\)( AND \("[a-z0-9]+"\*( OR "[a-z0-9 ]+"\*?)*\))*$/);
  });
});
