/**
 * Hostile text a clerk could paste, followed from the door through the adapter to the demo
 * zaaksysteem over HTTP (a core with the embedded demo; the test sends the outbox). Each value
 * has exactly two acceptable fates:
 *   - refused at the door: `invalid_input` with a Dutch message at that field, nothing written;
 *   - or accepted and stored exactly as sanitised: sent (never parked, never left pending), and
 *     what the demo stored is what the clerk was shown, well-formed Unicode without control
 *     characters, with every visible character of the input kept (nothing silently cut).
 * Never an accepted call whose outbox entry the zaaksysteem then refuses. Both ways of handling
 * control characters (refuse them, or clean them consistently) pass.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCore } from '../../support/demo-core';
import type { FieldLimit, Stored } from '../../support/limits';
import { tempDir } from '../../support/tmp';
import { clerkWrites, startThroughDemo, storedBy, withField } from './through-demo';

const MB = 1024 * 1024;
const HOSTILE: [string, string][] = [
  ['a NUL character', 'Vraag\u0000over paspoort'],
  ['terminal escapes and DEL', 'Vraag \u001b[31mrood\u001b[0m\u0007 en\u007f meer'],
  ['C1 control characters', 'Vraag\u0085over\u009bpaspoort'],
  ['a 1 MB string', 'x'.repeat(MB)],
  ['a lone surrogate', 'Vraag \ud800 over paspoort'],
  ['a lone low surrogate at the end', 'Vraag over paspoort \udc00'],
  ['HTML with a script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['SQL injection', "' OR 1=1 --"],
  ['SQL with a statement', 'x"); DROP TABLE klantcontacten; --'],
  ['a right-to-left override', 'Factuur \u202Egnp.exe'],
  ['emoji and combining accents', 'Café 👍🏽 e\u0301\u0301'],
  ['Windows line ends and tabs', 'regel 1\r\nregel 2\tkolom'],
];

/** The fields hostile text goes through, and where the demo keeps each. */
const FIELDS: { operation: FieldLimit['operation']; field: string; where: Stored; property: string; local: string }[] = [
  { operation: 'contacts.register', field: 'onderwerp', where: 'klantcontact', property: 'onderwerp', local: 'contacts' },
  { operation: 'contacts.register', field: 'inhoud', where: 'klantcontact', property: 'inhoud', local: 'contacts' },
  { operation: 'callbacks.create', field: 'toelichting', where: 'internetaak', property: 'toelichting', local: 'callbacks' },
  { operation: 'zaken.start', field: 'omschrijving', where: 'zaak', property: 'omschrijving', local: 'zaken' },
];

/**
 * C0 controls and DEL, as the clerk-text rule names them (tab, LF and CR are text). C1 controls
 * (U+0080-U+009F) pass the door today and are stored as typed: no case below demands otherwise.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** What a person sees of a text: without control characters, whitespace, and what cannot be shown (lone surrogates, U+FFFD). */
// eslint-disable-next-line no-control-regex
const visible = (text: string) => text.replace(/[\u0000-\u0020\u007F-\u009F\s\uFFFD]|[\uD800-\uDFFF]/g, '');

/** Survives UTF-8 unchanged: no lone surrogates. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

let dir: ReturnType<typeof tempDir>;
let demo: DemoCore;
let baseInput: (operation: FieldLimit['operation']) => Record<string, unknown>;

beforeAll(async () => {
  dir = tempDir();
  ({ demo, baseInput } = await startThroughDemo(join(dir.path, 'kern')));
});
afterAll(async () => {
  await demo.core.close();
  dir.remove();
});

describe('hostile text through the core and the adapter to the demo zaaksysteem', () => {
  const cases = FIELDS.flatMap((target) => HOSTILE.map(([label, value]) => ({ ...target, label, value, name: `${target.operation} ${target.field}` })));

  it.each(cases)('$name with $label: refused at the door, or stored exactly as sanitised', async ({ operation, field, where, property, local, value, label }) => {
    const input = withField(baseInput(operation), field, value);
    const before = clerkWrites(demo.core.store.db);
    const mark = demo.outboxMark();
    const result = await demo.core.dispatch(operation, input);

    if (!result.ok) {
      expect(result.error.code, `${label}: ${result.error.message}`).toBe('invalid_input');
      const issue = result.error.issues?.find((i) => i.path === field);
      expect(issue, `${label}: a Dutch message at ${field}, got ${JSON.stringify(result.error.issues)}`).toBeDefined();
      expect(issue!.message).toMatch(/[a-z]{3}/);
      expect(issue!.message).not.toMatch(/\b(?:the|invalid|expected|must|string|characters?)\b/i);
      expect(clerkWrites(demo.core.store.db), `${label}: nothing written`).toEqual(before);
      return;
    }

    // What the clerk is shown from now on: the local copy the customer picture reads.
    const shown = demo.core.store.db.prepare(`SELECT ${field} FROM ${local} WHERE id = ?`).pluck().get((result.value as { id: string }).id);
    expect(typeof shown, `${label}: kept locally`).toBe('string');
    const stored = await storedBy(demo, operation, input, result, where, mark);
    expect(stored.states.map((s) => s.state), `${label}: sent, never parked (${stored.states.map((s) => s.lastError).join('; ')})`).toEqual(stored.states.map(() => 'done'));
    const kept = stored.value(property);
    expect(kept, `${label}: the demo stored what the clerk was shown`).toBe(shown);
    expect(wellFormed(kept as string), `${label}: well-formed Unicode`).toBe(true);
    expect(kept, `${label}: no control characters`).not.toMatch(CONTROL);
    expect(visible(kept as string), `${label}: every visible character kept`).toBe(visible(value));
  });
});
