/**
 * The field limits and formats of the zaaksysteem, from a table written from the domain and the
 * specs (tests/support/limits.ts), not from the contract's schemas. Through the real dispatcher
 * of a core on the embedded demo over HTTP: a value at the limit is accepted, sent, and stored by
 * the demo whole; one character more is refused at the door with a Dutch message at that field
 * naming the limit, and nothing is written. Each format: a good value goes through, a bad one is
 * refused at that field.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/shared/contract';
import type { DemoCore } from '../../support/demo-core';
import { FIELD_FORMATS, FIELD_LIMITS, type FieldLimit } from '../../support/limits';
import { tempDir } from '../../support/tmp';
import { clerkWrites, startThroughDemo, storedBy, withField } from './through-demo';

/** The clerk reads Dutch: no English framework message slips through. */
const ENGLISH = /\b(?:the|is not|invalid|expected|received|required|must|cannot|too (?:big|small|long)|characters?)\b/i;

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
      const stored = await storedBy(demo, operation, input, accepted, where, mark);
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
