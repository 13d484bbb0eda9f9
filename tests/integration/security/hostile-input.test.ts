/**
 * Hostile and malformed input against every contract operation, through the real dispatcher
 * on a real store (a user with every role, so the role check lets everything through). Each
 * case must get a clear answer: `invalid_input` when the contract refuses the value, else a
 * normal result or an expected refusal (not_found, conflict, unavailable) — never `internal`,
 * never a stack trace, never a crash. A refused call leaves every table as it was, and the
 * core keeps answering. Cases are derived from the contract, so new operations are covered.
 * Its oracle is the contract itself: whether the limits are the right ones is shown by
 * field-limits.test.ts (limits written from the domain) and hostile-to-demo.test.ts (through
 * to the demo zaaksysteem).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type CallResult, type OperationName } from '../../../src/shared/contract';
import { ROLES } from '../../../src/shared/roles';
import type { StartedCore } from '../../../src/main/core';
import { startOfflineCore } from '../../support/offline-core';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';
import { inputShape, validInput, type Json, type Schema } from './samples';
import { snapshotTables, without } from './snapshot';

/** Tables a refused call may still write to: none. */
const WRITTEN_EVEN_WHEN_REFUSED: readonly string[] = [];
/** What a hostile call may answer besides success. */
const EXPECTED_REFUSALS = ['invalid_input', 'not_found', 'conflict', 'unavailable'];
/** A stack trace, a file, an SQL or JSON parser message: none of that belongs in an answer to the clerk. */
const LEAK = /\n\s+at |\bat .+:\d+:\d+|\.(?:ts|js|cjs|mjs)\b|node_modules|SQLITE_|syntax error|no such (?:table|column)|Unexpected token|TypeError|ReferenceError|\bundefined\b/;

/** The clerk reads Dutch: no English framework message slips through. */
const ENGLISH = /\b(?:the|is not|invalid|expected|received|required|must|cannot|failed|error|unknown|too (?:big|small|long))\b/i;

const MB = 1024 * 1024;
const WRONG_TYPES: [string, Json][] = [
  ['a number', 12345],
  ['a boolean', true],
  ['null', null],
  ['a list', []],
  ['an object', {}],
  ['a negative number', -1],
  ['a float', 1.5],
  ['a huge number', 1e308],
];
const HOSTILE_STRINGS: [string, string][] = [
  ['an empty string', ''],
  ['only spaces', '   '],
  ['a 1 MB string', 'x'.repeat(MB)],
  ['a NUL character', 'a\u0000b'],
  ['control characters', 'a\u0007\u001b[31mb\u007f'],
  ['a lone surrogate', 'a\ud800b'],
  ['HTML with a script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['SQL injection', "' OR 1=1 --"],
  ['SQL with a statement', 'x"); DROP TABLE customers; --'],
  ['an FTS double quote', '"'],
  ['an FTS star', '*'],
  ['FTS NEAR(', 'NEAR('],
  ['FTS operators', 'a OR b AND NOT c'],
  ['an FTS column filter', 'naam:bert'],
  ['FTS caret and minus', '^- bert'],
  ['an invalid BSN', '123456789'],
  ['a BSN of zeros', '000000000'],
  ['a BSN with letters', '99999365x'],
  ['year 0', '0000-01-01'],
  ['year 99999', '99999-01-01'],
  ['30 February', '2026-02-30'],
  ['a date-time with month 13', '2026-13-01T00:00:00Z'],
  ['an unknown id', randomUUID()],
  ['path traversal', '../../../../etc/passwd'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a file: URL', 'file:///etc/passwd'],
  ['__proto__', '__proto__'],
  ['format string', '%s%s%s%n'],
];
const deeplyNested = (depth: number): Json => (depth === 0 ? {} : { a: deeplyNested(depth - 1) });

interface Case {
  label: string;
  input: unknown;
  /** The contract refuses it: the answer must be invalid_input. */
  mustRefuse: boolean;
}

const takesText = (schema: Schema) => schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

function casesFor(name: OperationName): Case[] {
  const spec = contract[name];
  const refuses = (input: unknown) => !spec.input.safeParse(input).success;
  const base = validInput(name);
  const cases: Case[] = [];
  const add = (label: string, input: unknown, mustRefuse = refuses(input)) => cases.push({ label, input, mustRefuse });

  add('a valid input with unknown ids', base);
  for (const [label, value] of [['null', null], ['a string', 'tekst'], ['a number', 42], ['a list', [base]], ['nothing', undefined]] as const) {
    add(`the whole input as ${label}`, value);
  }
  const asObject = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
  add('an extra field', { ...asObject, onbekendVeld: 1 }, true);
  // As JSON.parse makes it (an own "__proto__" key), the way it arrives over HTTP.
  add('a __proto__ key', Object.assign(JSON.parse('{"__proto__":{"polluted":true}}') as object, asObject), true);
  add('a constructor key', { ...asObject, constructor: { prototype: { polluted: true } } }, true);
  add('a deeply nested extra field', { ...asObject, diep: deeplyNested(2_000) }, true);

  const { leaves, required } = inputShape(name);
  for (const field of required) add(`without ${field.path}`, field.without, true);
  for (const leaf of leaves) {
    for (const [label, value] of WRONG_TYPES) add(`${leaf.path} as ${label}`, leaf.withValue(value));
    if (takesText(leaf.schema)) for (const [label, value] of HOSTILE_STRINGS) add(`${leaf.path} as ${label}`, leaf.withValue(value));
  }
  return cases;
}

let dir: ReturnType<typeof tempDir>;
let core: StartedCore;
const logged: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  core = await startOfflineCore(join(dir.path, 'data'), ROLES.join(','), (line) => logged.push(line));
  core.store.customers.upsert(person(), new Date().toISOString());
});
afterAll(async () => {
  await core.close();
  dir.remove();
});

function expectClearAnswer(result: CallResult, mustRefuse: boolean, label: string): void {
  if (result.ok) {
    expect(mustRefuse, `${label}: accepted what the contract refuses`).toBe(false);
    return;
  }
  const { code, message, issues } = result.error;
  if (mustRefuse) expect(code, `${label}: ${message}`).toBe('invalid_input');
  else expect(EXPECTED_REFUSALS, `${label}: ${code} ${message}`).toContain(code);
  expect(message.length, label).toBeGreaterThan(5);
  expect(message.length, label).toBeLessThan(400);
  for (const text of [message, ...(issues ?? []).flatMap((i) => [i.path, i.message])]) expect(text, label).not.toMatch(LEAK);
  for (const text of [message, ...(issues ?? []).map((i) => i.message)]) expect(text, label).not.toMatch(ENGLISH);
}

describe('hostile input', () => {
  it('derives a valid input for every operation (so every case below varies one thing)', () => {
    for (const name of operationNames) expect(contract[name].input.safeParse(validInput(name)).success, name).toBe(true);
  });

  it.each(operationNames)('%s answers every hostile case clearly, writes nothing when it refuses, and keeps answering', async (name) => {
    for (const { label, input, mustRefuse } of casesFor(name)) {
      const before = snapshotTables(core.store.db);
      const result = await core.dispatch(name, input);
      const where = `${name} with ${label}`;
      expectClearAnswer(result, mustRefuse, where);
      if (!result.ok) expect(without(snapshotTables(core.store.db), WRITTEN_EVEN_WHEN_REFUSED), where).toEqual(without(before, WRITTEN_EVEN_WHEN_REFUSED));
      expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
      expect((await core.dispatch('app.info', {})).ok, `the core answers after ${where}`).toBe(true);
    }
    expect(logged.filter((line) => line.includes(name) && line.includes('failed')), 'no internal failure logged').toEqual([]);
  });
});
