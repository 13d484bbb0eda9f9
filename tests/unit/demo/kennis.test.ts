import { describe, expect, it } from 'vitest';
import { KENNIS_AFDELINGEN, kennisartikelen } from '../../../src/demo/seed/kennis';
import type { KennisKanaal, KennisSectie } from '../../../src/demo/seed/kennis';

const SECTIES: KennisSectie[] = ['inleiding', 'aanvraag', 'voorwaarden', 'kosten', 'termijn', 'bezwaar', 'bijzonderheden', 'contact'];
const KANALEN: KennisKanaal[] = ['telefoon', 'balie', 'e-mail', 'chat'];
const TOEGESTANE_TAGS = new Set(['p', 'ul', 'ol', 'li', 'strong', 'em', 'h3', 'a', 'br']);

function alleHtml(): { id: string; html: string }[] {
  return kennisartikelen.flatMap((a) => Object.values(a.secties).map((html) => ({ id: a.id, html: html ?? '' })));
}

/** Returns a problem description, or null when the tags are known and properly nested. */
function htmlProbleem(html: string): string | null {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
    const [, sluit, naamRaw, attrs] = m;
    const naam = (naamRaw ?? '').toLowerCase();
    if (!TOEGESTANE_TAGS.has(naam)) return `tag <${naam}> niet toegestaan`;
    if (naam === 'br') continue;
    if (sluit) {
      const open = stack.pop();
      if (open !== naam) return `</${naam}> sluit <${open ?? 'niets'}>`;
    } else {
      if (naam === 'a' && !/^ href="https:\/\/www\.turfbrug\.nl\/[^"\s]*"$/.test(attrs ?? '')) return `ongeldige link: ${attrs}`;
      if (naam !== 'a' && (attrs ?? '').trim() !== '') return `attributen op <${naam}>`;
      stack.push(naam);
    }
  }
  if (stack.length > 0) return `niet gesloten: ${stack.join(',')}`;
  if (/[<>]/.test(html.replace(/<\/?[a-zA-Z0-9]+[^>]*>/g, ''))) return 'losse < of >';
  return null;
}

describe('kennisbank Turfbrug (seed)', () => {
  it('bevat precies 150 artikelen', () => {
    expect(kennisartikelen).toHaveLength(150);
  });

  it('heeft unieke, stabiele ids (slugs)', () => {
    const ids = kennisartikelen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('heeft unieke titels (hoofdletterongevoelig)', () => {
    const titels = kennisartikelen.map((a) => a.titel.trim().toLowerCase());
    const dubbel = titels.filter((t, i) => titels.indexOf(t) !== i);
    expect(dubbel).toEqual([]);
  });

  it('vult de basisvelden van elk artikel', () => {
    for (const a of kennisartikelen) {
      expect(a.titel.trim(), a.id).not.toBe('');
      expect(a.samenvatting.trim().length, a.id).toBeGreaterThan(30);
      expect(a.trefwoorden.length, a.id).toBeGreaterThanOrEqual(3);
      expect(a.trefwoorden.length, a.id).toBeLessThanOrEqual(8);
      expect(a.synoniemen.length, a.id).toBeGreaterThan(0);
      for (const w of [...a.trefwoorden, ...a.synoniemen]) expect(w.trim(), a.id).not.toBe('');
      if (a.upl !== undefined) expect(a.upl.trim(), a.id).not.toBe('');
    }
  });

  it('heeft per artikel 3 tot 7 niet-lege secties met bekende namen', () => {
    for (const a of kennisartikelen) {
      const namen = Object.keys(a.secties);
      expect(namen.length, a.id).toBeGreaterThanOrEqual(3);
      expect(namen.length, a.id).toBeLessThanOrEqual(7);
      for (const naam of namen) expect(SECTIES, `${a.id}.${naam}`).toContain(naam);
      for (const html of Object.values(a.secties)) expect((html ?? '').trim(), a.id).not.toBe('');
    }
  });

  it('beantwoordt elke vraag voor alle vier de kanalen', () => {
    for (const a of kennisartikelen) {
      expect(Object.keys(a.kanaalAntwoorden).sort(), a.id).toEqual([...KANALEN].sort());
      for (const k of KANALEN) expect(a.kanaalAntwoorden[k].trim(), `${a.id}.${k}`).not.toBe('');
    }
  });

  it('heeft een geldige laatstBeoordeeld-datum tussen 2025-01-01 en 2026-11-20', () => {
    for (const a of kennisartikelen) {
      expect(a.laatstBeoordeeld, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const d = new Date(`${a.laatstBeoordeeld}T00:00:00Z`);
      expect(Number.isNaN(d.getTime()), a.id).toBe(false);
      expect(d.toISOString().slice(0, 10), a.id).toBe(a.laatstBeoordeeld);
      expect(a.laatstBeoordeeld >= '2025-01-01' && a.laatstBeoordeeld <= '2026-11-20', a.id).toBe(true);
    }
  });

  it('bevat geen scripts of event-handlers in de HTML', () => {
    for (const { id, html } of alleHtml()) {
      expect(html, id).not.toMatch(/<\s*script/i);
      expect(html, id).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html, id).not.toMatch(/javascript:/i);
    }
  });

  it('gebruikt alleen eenvoudige, goed geneste HTML met links naar turfbrug.nl', () => {
    const problemen = alleHtml()
      .map(({ id, html }) => ({ id, probleem: htmlProbleem(html) }))
      .filter((p) => p.probleem !== null);
    expect(problemen).toEqual([]);
  });

  it('dekt minstens 7 afdelingen, alle uit de vaste lijst', () => {
    const afdelingen = new Set(kennisartikelen.map((a) => a.afdeling));
    expect(afdelingen.size).toBeGreaterThanOrEqual(7);
    for (const afd of afdelingen) expect(KENNIS_AFDELINGEN).toContain(afd);
  });

  it('vindt kernonderwerpen terug via de woorden die inwoners gebruiken', () => {
    const zoek = (term: string) =>
      kennisartikelen.filter((a) =>
        [a.titel, a.samenvatting, ...a.trefwoorden, ...a.synoniemen].join(' ').toLowerCase().includes(term.toLowerCase()),
      );
    for (const term of ['paspoort', 'verhuizen', 'kwijtschelding', 'omgevingsvergunning', 'parkeervergunning', 'gehandicaptenparkeerkaart', 'bijstand', 'grofvuil', 'afvalpas', 'lantaarnpaal', 'Woo']) {
      expect(zoek(term).length, term).toBeGreaterThan(0);
    }
  });
});
