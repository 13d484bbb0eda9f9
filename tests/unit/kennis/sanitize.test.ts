import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../src/main/core/kennis/sanitize';
import { compoundSuffixes, htmlToText } from '../../../src/main/core/kennis/text';

/** An article written by someone who wants a clerk's workstation. */
export const HOSTILE_HTML = [
  '<h1>Kop één</h1><h2>Kop twee</h2><h3>Kop drie</h3><h4>Kop vier</h4>',
  '<p onclick="window.__pwned=1">Tekst <strong>vet</strong></p>',
  '<script>window.__pwned = 1</script>',
  '<img src="https://tracker.example/pixel.gif" onerror="window.__pwned=1">',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">klik</a>',
  '<a href="JaVaScRiPt:window.__pwned=1">klik2</a>',
  '<a href="https://www.turfbrug.nl/afspraak" target="_blank">afspraak</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example"><input name="x"></form>',
  '<p style="background:url(https://tracker.example/x)">stijl</p>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<a href="mailto:kcc@turfbrug.nl">mail</a> <a href="tel:14012">bel</a>',
].join('');

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
