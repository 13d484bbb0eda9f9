/**
 * Article HTML is sanitised in the core before it is stored; the renderer shows only the
 * stored result. sanitize-html (allow-list based, runs in plain Node without a DOM): no
 * scripts, styles, iframes, forms or images; no event handlers or style attributes; links
 * only http(s), mailto and tel. Headings are demoted below the panel's own (h2 panel, h3
 * article title, h4 section), so the page's heading order stays correct.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'abbr'],
  allowedAttributes: { a: ['href', 'title', 'rel'], abbr: ['title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped too, not just the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    h1: 'h5',
    h2: 'h5',
    h3: 'h5',
    h4: 'h6',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
