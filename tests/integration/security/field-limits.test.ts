/**
 * The field limits and formats of the zaaksysteem, from a table written from the domain and the
 * specs (tests/support/limits.ts), not from the contract's schemas. Through the real dispatcher
 * of a core on the embedded demo over HTTP: a value at the limit is accepted, sent, and stored by
 * the demo whole; one character more is refused at the door with a Dutch message at that field
 * naming the limit, and nothing is written. Each format: a good value goes through, a bad one is
 * refused at that field.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/shared/contract';
import { startDemoCore, type DemoCore } from '../../support/demo-core';
import { FIELD_FORMATS, FIELD_LIMITS, type FieldLimit, type Stored } from '../../support/limits';
import { tempDir } from '../../support/tmp';
import { clerkWrites, storedBy, withField } from './through-demo';

/** The clerk reads Dutch: no English framework message slips through. */
const ENGLISH = /\b(?:the|is not|invalid|expected|received|required|must|cannot|too (?:big|small|long)|characters?)\b/i;

let dir: ReturnType<typeof tempDir>;
let demo: DemoCore;
let zaaktypeUrl: string;

beforeAll(async () => {
  dir = tempDir();
  demo = await startDemoCore(join(dir.path, 'kern'));
  const zaaktypen = await demo.core.dispatch('zaken.zaaktypen', {});
  if (!zaaktypen.ok) throw new Error(zaaktypen.error.message);
  zaaktypeUrl = (zaaktypen.value as { zaaktypen: { url: string }[] }).zaaktypen[0]!.url;
});
afterAll(async () => {
  await demo.core.close();
  dir.remove();
});

/** Each contact its own moment: an unknown caller's klantcontact is found at the demo by it. */
let moments = 0;

/** A valid call of each operation, as the forms send it; the field under test is set on top. */
function baseInput(operation: FieldLimit['operation']): Record<string, unknown> {
  switch (operation) {
    case 'contacts.register':
      return { customerId: demo.bertId, kanaal: 'telefoon', onderwerp: 'Vraag over de afvalpas', inhoud: '' };
    case 'contacts.finish':
      // An unknown caller: the name goes with the klantcontact as its contactnaam.
      return {
        draftId: randomUUID(),
        customerId: null,
        kanaal: 'telefoon',
        bellerNaam: 'Onbekende Beller',
        bellerNummer: '0612345678',
        startedAt: new Date(Date.now() + ++moments).toISOString(),
        vragen: [{ onderwerp: 'Vraag over de afvalpas', inhoud: '', gespreksresultaat: 'zelfstandig_afgehandeld' }],
      };
    case 'callbacks.create':
      return { customerId: demo.bertId, kanaal: 'telefoon', onderwerp: 'Terugbellen over de afvalpas', toegewezenAan: [{ soort: 'groep', code: 'KCC' }] };
    case 'zaken.start':
      return { customerId: demo.bertId, zaaktypeUrl, omschrijving: 'Afvalcontainer aanvragen' };
  }
}

/** Readable Dutch text of exactly `length` characters, ending on a letter (trimmed fields keep it whole). */
function textOf(length: number): string {
  const text = 'Vraag over de afvalpas en wat die kost in Turfbrug '.repeat(Math.ceil(length / 40) + 1);
  return `${text.slice(0, length - 1).trimEnd().padEnd(length - 1, 'x')}x`;
}

function refusalAt(result: CallResult, field: string): string {
  expect(result.ok ? 'ok' : result.error.code, field).toBe('invalid_input');
  if (result.ok) return '';
  const issue = result.error.issues?.find((i) => i.path === field);
  expect(issue, `${field}: an issue at the field, got ${JSON.stringify(result.error.issues)}`).toBeDefined();
  expect(issue!.message, field).not.toMatch(ENGLISH);
  return issue!.message;
}

describe('field limits from the domain, through to the demo zaaksysteem', () => {
  it.each(FIELD_LIMITS.map((limit) => ({ ...limit, label: `${limit.operation} ${limit.field}` })))(
    '$label: $max characters are stored whole, $max + 1 are refused at the door ($source)',
    async ({ operation, field, max, where, property }) => {
      const atLimit = textOf(max);
      const mark = demo.outboxMark();
      const input = withField(baseInput(operation), field, atLimit);
      const accepted = await demo.core.dispatch(operation, input);
      expect(accepted.ok ? 'ok' : `${accepted.error.code}: ${accepted.error.message} ${JSON.stringify(accepted.error.issues)}`).toBe('ok');
      const stored = await storedBy(demo, operation, input, accepted, where as Stored, mark);
      expect(stored.states.map((s) => s.state), `${field}: sent, not parked (${stored.states.map((s) => s.lastError).join('; ')})`).toEqual(stored.states.map(() => 'done'));
      expect(stored.value(property)).toBe(atLimit);

      const before = clerkWrites(demo.core.store.db);
      const message = refusalAt(await demo.core.dispatch(operation, withField(baseInput(operation), field, textOf(max + 1))), field);
      expect(message, field).toContain(String(max));
      expect(clerkWrites(demo.core.store.db), `${field}: nothing written`).toEqual(before);
    },
  );
});

describe('field formats, at the door', () => {
  it.each(FIELD_FORMATS.map((format) => ({ ...format, label: `${format.operation} ${format.field}` })))('$label ($source)', async ({ operation, field, accepted, refused }) => {
    for (const value of accepted) {
      const result = await demo.core.dispatch(operation, withField(baseInput(operation), field, value));
      expect(result.ok ? 'ok' : `${result.error.code}: ${JSON.stringify(result.error.issues)}`, `${field} = ${value}`).toBe('ok');
    }
    for (const value of refused) {
      const before = clerkWrites(demo.core.store.db);
      const message = refusalAt(await demo.core.dispatch(operation, withField(baseInput(operation), field, value)), field);
      expect(message.length, `${field} = ${value}`).toBeGreaterThan(5);
      expect(clerkWrites(demo.core.store.db), `${field} = ${value}: nothing written`).toEqual(before);
    }
  });
});
