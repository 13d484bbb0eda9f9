import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../src/main/core/kennis/sanitize';
import { compoundSuffixes, htmlToText } from '../../../src/main/core/kennis/text';
import { HOSTILE_HTML } from './hostile';

describe('article HTML sanitising (sanitize-html, before storing)', () => {
  const out = sanitizeArticleHtml(HOSTILE_HTML);
  it('removes scripts, event handlers, iframes, forms, styles and images', () => {
    expect(out).not.toMatch(/<script|<iframe|<img|<svg|<style|<form|<input|<object|<embed/i);
    expect(out).not.toMatch(/\son\w+=/i);
    expect(out).not.toMatch(/style=/i);
    expect(out).not.toContain('__pwned');
    expect(out).not.toContain('tracker.example');
  });
  it('drops javascript: links but keeps http(s), mailto and tel, with rel=noopener', () => {
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain('<a href="https://www.turfbrug.nl/afspraak" rel="noopener noreferrer">afspraak</a>');
    expect(out).toContain('href="mailto:kcc@turfbrug.nl"');
    expect(out).toContain('href="tel:14012"');
    expect(out).not.toContain('target=');
  });
  it('demotes headings below the panel (h2) and article (h3, h4), keeping their order', () => {
    expect(out).toMatch(/^<h5>Kop één<\/h5><h5>Kop twee<\/h5><h5>Kop drie<\/h5><h6>Kop vier<\/h6>/);
    expect(out).not.toMatch(/<h[1-4]/);
  });
  it('keeps the harmless text and markup', () => {
    expect(out).toContain('<p>Tekst <strong>vet</strong></p>');
  });
});

describe('index text helpers', () => {
  it('htmlToText strips tags and decodes the basic entities', () => {
    expect(htmlToText('<p>Kosten:&nbsp;<strong>€ 84,45</strong></p><ul><li>a &amp; b</li></ul>')).toBe('Kosten: € 84,45 a & b');
  });
  it('compoundSuffixes gives the parts of long compounds', () => {
    expect(compoundSuffixes('Kwijtschelding')).toContain('schelding');
    expect(compoundSuffixes('parkeervergunning')).toContain('vergunning');
    expect(compoundSuffixes('paspoort')).toEqual(['poort']);
    expect(compoundSuffixes('kort 2026')).toEqual([]);
  });
});
