/**
 * A valid input for any contract operation, derived from its input schema (as JSON Schema),
 * so that the security suites cover operations added later without a hand-written table.
 * A test checks that every generated input is accepted by its operation.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contract, type OperationName } from '../../../src/shared/contract';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Schema {
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

const today = new Date().toISOString().slice(0, 10);
let moments = 0;

export function sample(schema: Schema, key = ''): Json {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0] ?? null;
  if (schema.anyOf ?? schema.oneOf) return sample((schema.anyOf ?? schema.oneOf)![0]!, key);
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf) as Schema, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const field of schema.required ?? []) out[field] = sample(schema.properties?.[field] ?? {}, field);
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
      return sampleString(schema, key);
    case 'null':
      return null;
    default:
      return schema.default ?? null;
  }
}

function sampleString(schema: Schema, key: string): string {
  // A date checked by a refinement (which JSON Schema cannot carry): the field's name says it.
  if (!schema.format && /datum$/i.test(key)) return today;
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      // Each later field a second later: a range (van, tot) comes out in order.
      return new Date(Date.now() + 1_000 * ++moments).toISOString();
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
  return sample(inputSchema(name));
}

/** One place in an input where a value goes: a field, a field inside a nested object or list item. */
export interface Leaf {
  path: string;
  schema: Schema;
  /** A valid input with this place set to `value`. */
  withValue(value: Json): Json;
}

/** One required field, and a valid input without it. */
export interface RequiredField {
  path: string;
  without: Json;
}

const isObject = (schema: Schema) => schema.type === 'object' || schema.properties !== undefined;

/** Every leaf of an input schema (through nested objects, list items and each branch of a union), and its required fields. */
export function inputShape(name: OperationName): { leaves: Leaf[]; required: RequiredField[] } {
  const leaves: Leaf[] = [];
  const required: RequiredField[] = [];
  const walk = (schema: Schema, place: (value: Json) => Json, path: string): void => {
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) {
      for (const branch of branches) walk(branch, place, path);
      return;
    }
    if (isObject(schema)) {
      const base = sample(schema) as Record<string, Json>;
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const childPath = path ? `${path}.${key}` : key;
        if (schema.required?.includes(key)) {
          const { [key]: _dropped, ...rest } = base;
          required.push({ path: childPath, without: place(rest) });
        }
        walk(child, (value) => place({ ...base, [key]: value }), childPath);
      }
      return;
    }
    if (schema.type === 'array' && schema.items) {
      const items = schema.items;
      walk(items, (value) => place([value, ...Array.from({ length: Math.max(0, (schema.minItems ?? 1) - 1) }, () => sample(items))]), `${path}.0`);
      return;
    }
    leaves.push({ path: path || '(invoer)', schema, withValue: place });
  };
  walk(inputSchema(name), (value) => value, '');
  return { leaves, required };
}
