/**
 * A valid input for any contract operation, derived from its input schema (as JSON Schema),
 * so that the security suites cover operations added later without a hand-written table.
 * Only what a schema cannot say (a pattern, a refinement) needs an entry in OVERRIDES.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contract, type OperationName } from '../../../src/shared/contract';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: Json[];
  const?: Json;
  default?: Json;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
}

/** Per operation: fields whose valid value the JSON Schema cannot express (merged over the generated one). */
const OVERRIDES: Partial<Record<OperationName, Record<string, Json>>> = {};

const today = new Date().toISOString().slice(0, 10);

function sample(schema: Schema): Json {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0] ?? null;
  if (schema.anyOf ?? schema.oneOf) return sample((schema.anyOf ?? schema.oneOf)![0]!);
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf) as Schema);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema);
    case 'null':
      return null;
    default:
      return schema.default ?? null;
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return today;
    case 'email':
      return 'test@turfbrug.nl';
    case 'uri':
      return 'https://turfbrug.example/x';
  }
  const text = 'Proefinvoer';
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? 200;
  return text.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, text.length)));
}

export function inputSchema(name: OperationName): Schema {
  return z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as Schema;
}

/** A fresh valid input (new uuids each time: ids that exist nowhere). */
export function validInput(name: OperationName): Json {
  const generated = sample(inputSchema(name));
  const override = OVERRIDES[name];
  return override && generated && typeof generated === 'object' && !Array.isArray(generated) ? { ...generated, ...override } : generated;
}

/** The top-level fields of an operation's input: required ones first. */
export function inputFields(name: OperationName): { name: string; required: boolean; schema: Schema }[] {
  const schema = inputSchema(name);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => ({ name: field, required: required.has(field), schema: fieldSchema }));
}
