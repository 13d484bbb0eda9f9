/**
 * Every operation that touches a person's data declares it (issue 7): a `verwerking` descriptor
 * that the dispatcher logs, or `{ geen: reason }`. The rule: an operation whose input or output
 * schema has a field that holds (or points to) personal data of a citizen. And every declared
 * path must exist in the schema it names, so a renamed field cannot silently stop the logging.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, operationNames } from '../../../src/shared/contract';
import { isVerwerkingSpec } from '../../../src/shared/contract/define';

/** Field names that hold a citizen's data, or the local id of a citizen, a zaak or a callback. */
const PERSONAL_FIELDS = new Set([
  'bsn', 'bsnMasked', 'customerId', 'klantNaam', 'bellerNaam', 'bellerNummer', 'beller', 'telefoonnummers', 'emailadressen',
  'adres', 'inhoud', 'toelichting', 'zaakId', 'callbackId', 'objectId', 'objectIdMasked',
]);

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; $ref?: string; $defs?: Record<string, Schema> };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as Schema;
}

/** Every property name anywhere in the schema. */
function fieldNames(schema: Schema, out = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.add(name);
    fieldNames(child, out);
  }
  for (const child of [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? []), ...Object.values(schema.$defs ?? {})]) {
    if (child) fieldNames(child, out);
  }
  return out;
}

/** Whether `a.b[].c` exists in the schema. */
function hasPath(schema: Schema, path: string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path as [string, ...string[]];
  const many = head.endsWith('[]');
  const key = many ? head.slice(0, -2) : head;
  const variants = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return variants.some((s) => {
    const child = s.properties?.[key];
    if (!child) return false;
    if (!many) return hasPath(child, rest);
    const items = [child.items, ...(child.anyOf ?? []).map((a) => a.items)].filter((i): i is Schema => i !== undefined);
    return items.some((i) => hasPath(i, rest));
  });
}

describe('verwerkingenlogging in the contract', () => {
  it('declares a verwerking (or why not) on every operation that carries personal data', () => {
    const undeclared = operationNames.filter((name) => {
      const spec = contract[name];
      const fields = new Set([...fieldNames(jsonSchema(spec.input, 'input')), ...fieldNames(jsonSchema(spec.output, 'output'))]);
      const personal = [...fields].some((f) => PERSONAL_FIELDS.has(f));
      return personal && spec.verwerking === undefined;
    });
    expect(undeclared).toEqual([]);
  });

  it('gives every exemption a reason and every descriptor paths that exist in its schemas', () => {
    for (const name of operationNames) {
      const verwerking = contract[name].verwerking;
      if (verwerking === undefined) continue;
      if (!isVerwerkingSpec(verwerking)) {
        expect(verwerking.geen.length, name).toBeGreaterThan(10);
        continue;
      }
      expect(verwerking.objecten.length, name).toBeGreaterThan(0);
      expect(verwerking.bewaartermijn, name).toMatch(/^P\d+[YMD]$/);
      for (const bron of verwerking.objecten) {
        const [side, ...path] = bron.pad.split('.');
        expect(['input', 'output'], `${name}: ${bron.pad}`).toContain(side);
        const schema = jsonSchema(side === 'input' ? contract[name].input : contract[name].output, side as 'input' | 'output');
        expect(hasPath(schema, path), `${name}: ${bron.pad}`).toBe(true);
        expect(bron.soortenGegevens.length, `${name}: ${bron.pad}`).toBeGreaterThan(0);
      }
    }
  });

  it('would catch an operation that forgot: the rule sees personal fields through arrays and nullables', () => {
    const sample = z.object({ items: z.array(z.object({ customerId: z.string().nullable() })) });
    expect(fieldNames(jsonSchema(sample, 'output')).has('customerId')).toBe(true);
    expect(hasPath(jsonSchema(sample, 'output'), ['items[]', 'customerId'])).toBe(true);
    expect(hasPath(jsonSchema(sample, 'output'), ['items[]', 'klantId'])).toBe(false);
  });
});
