/**
 * Validates request and response bodies against the official OpenAPI specs in resources/specs.
 * Reusable by any test: `expectValidAgainstSpec('zaken', 'get', '/zaken/{uuid}', 200, body)`.
 *
 * OpenAPI 3.0 → JSON Schema conversion done here (generically, for every schema of a spec):
 * - `nullable: true` → `anyOf: [schema, {type: 'null'}]`
 * - `readOnly` properties are not required in requests, `writeOnly` ones not in responses
 * - `oneOf` + `discriminator.mapping` → the mapped schema selected by the discriminator value
 * - `$ref`s point into the converted copy of `components.schemas`
 * Formats (uri, uuid, date, date-time, email, duration…) are checked with ajv-formats.
 * ajv and ajv-formats are devDependencies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export type SpecApi = 'zaken' | 'catalogi' | 'klantinteracties' | 'documenten' | 'brp';
type Mode = 'request' | 'response';
type Json = Record<string, unknown>;
interface Spec { servers?: { url: string }[]; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; responses?: Record<string, Json> } }

const SPEC_DIR = fileURLToPath(new URL('../../resources/specs/', import.meta.url));
const specs = new Map<SpecApi, Spec>();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
addFormats(ajv);
const registered = new Set<string>();
const compiled = new Map<string, ValidateFunction>();

export function loadSpec(api: SpecApi): Spec {
  let s = specs.get(api);
  if (!s) {
    s = parse(readFileSync(`${SPEC_DIR}${api}-openapi.yaml`, 'utf8')) as Spec;
    specs.set(api, s);
  }
  return s;
}

function convert(schema: unknown, root: string, mode: Mode): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convert(s, root, mode));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const target = resolveRef(s.$ref, root, mode);
    const ref = target === true ? {} : { $ref: target };
    return s.nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'example' || k === 'examples' || k === 'xml' || k === 'externalDocs') continue;
    if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as Json).map(([p, ps]) => [p, convert(ps, root, mode)]));
    else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(k)) out[k] = convert(v, root, mode);
    else if (k === 'pattern' && typeof v === 'string') out[k] = unicodePattern(v);
    else out[k] = v;
  }
  if (Array.isArray(s.required) && s.properties) {
    const props = s.properties as Record<string, Json>;
    const skip = mode === 'request' ? 'readOnly' : 'writeOnly';
    out.required = (s.required as string[]).filter((r) => !props[r]?.[skip]);
  }
  const disc = s.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (disc?.mapping && Array.isArray(s.oneOf)) {
    delete out.oneOf;
    const prop = disc.propertyName;
    out.required = [...new Set([...((out.required as string[]) ?? []), prop])];
    out.properties = { ...((out.properties as Json) ?? {}), [prop]: { enum: Object.keys(disc.mapping) } };
    out.allOf = [...((out.allOf as unknown[]) ?? []), ...Object.entries(disc.mapping).map(([value, target]) => ({
      if: { properties: { [prop]: { const: value } }, required: [prop] }, then: { $ref: `${root}${target}` },
    }))];
  }
  if (s.nullable) {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** ajv compiles patterns with the `u` flag, which refuses identity escapes such as `\'` (BRP spec); drop those. */
function unicodePattern(p: string): string {
  try {
    new RegExp(p, 'u');
    return p;
  } catch {
    return p.replace(/\\([^\w\\^$.*+?()[\]{}|/-])/g, '$1');
  }
}

/** Local refs stay in this spec; refs to another ZGW spec's file go to our copy of it (or accept anything if we have none). */
function resolveRef(ref: string, root: string, mode: Mode): string | true {
  if (ref.startsWith('#')) return `${root}${ref}`;
  const pointer = ref.slice(ref.indexOf('#'));
  const other = (['catalogi', 'zaken', 'documenten', 'klantinteracties'] as const).find((a) => ref.includes(`${a}-api`) || ref.includes(`/${a}/`));
  return other ? `${rootId(other, mode)}${pointer}` : true;
}

function rootId(api: SpecApi, mode: Mode): string {
  const id = `${api}-${mode}.json`;
  if (!registered.has(id)) {
    registered.add(id);
    const spec = loadSpec(api);
    const schemas = Object.fromEntries(Object.entries(spec.components.schemas).map(([name, sch]) => [name, convert(sch, id, mode)]));
    ajv.addSchema({ $id: id, components: { schemas } });
  }
  return id;
}

function validator(api: SpecApi, mode: Mode, key: string, schema: unknown): ValidateFunction {
  const k = `${api}|${mode}|${key}`;
  let v = compiled.get(k);
  if (!v) {
    const id = rootId(api, mode);
    v = ajv.compile(convert(schema, id, mode) as Json);
    compiled.set(k, v);
  }
  return v;
}

/** Finds the spec path template for a template, a concrete path or a full URL. */
export function specPath(api: SpecApi, path: string): string {
  const spec = loadSpec(api);
  let p = path.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
  const server = (spec.servers?.[0]?.url ?? '').replace(/^https?:\/\/[^/]+/, ''); // the BRP spec's server is a full URL
  if (server && p.startsWith(server)) p = p.slice(server.length);
  if (spec.paths[p]) return p;
  const segs = p.split('/');
  for (const tpl of Object.keys(spec.paths)) {
    const t = tpl.split('/');
    if (t.length === segs.length && t.every((x, i) => (x.startsWith('{') && x.endsWith('}')) || x === segs[i])) return tpl;
  }
  throw new Error(`${api}: geen pad in de spec voor ${path}`);
}

function operation(api: SpecApi, method: string, path: string): Json {
  const tpl = specPath(api, path);
  const op = loadSpec(api).paths[tpl]?.[method.toLowerCase()];
  if (!op) throw new Error(`${api}: ${method.toUpperCase()} ${tpl} staat niet in de spec`);
  return op;
}

function bodySchema(content: Json | undefined): unknown {
  if (!content) return undefined;
  const entry = (content['application/json'] ?? content['application/problem+json'] ?? Object.values(content)[0]) as { schema?: unknown } | undefined;
  return entry?.schema;
}

function fail(what: string, v: ValidateFunction, body: unknown): never {
  const errs = (v.errors ?? []).slice(0, 15).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`).join('\n  ');
  throw new Error(`${what} voldoet niet aan de spec:\n  ${errs}\nbody: ${JSON.stringify(body).slice(0, 1500)}`);
}

/**
 * Validates a response body against the operation's declared response for `status`.
 * Returns 'declared' when the spec declares that response, 'generic-problem' when an undeclared
 * error was checked against the spec's generic Fout/ValidatieFout schema, and 'undeclared' when
 * the spec has nothing to check an error body against (Klantinteracties declares no errors).
 * An undeclared 2xx is an error.
 */
export function expectValidAgainstSpec(api: SpecApi, method: string, path: string, status: number, body: unknown): 'declared' | 'generic-problem' | 'undeclared' {
  const op = operation(api, method, path);
  const responses = op.responses as Record<string, Json>;
  let resp = responses[String(status)] ?? responses.default;
  // A response may be a $ref into components.responses (the BRP spec's errors are).
  const respRef = resp?.$ref;
  if (typeof respRef === 'string' && respRef.startsWith('#/components/responses/')) resp = loadSpec(api).components.responses?.[respRef.slice('#/components/responses/'.length)];
  const label = `${api} ${method.toUpperCase()} ${specPath(api, path)} → ${status}`;
  if (resp) {
    const schema = bodySchema(resp.content as Json | undefined);
    if (schema === undefined) {
      if (body !== undefined && body !== null && body !== '') throw new Error(`${label}: spec declares no body`);
      return 'declared';
    }
    const v = validator(api, 'response', `${method} ${path} ${status}`, schema);
    if (!v(body)) fail(label, v, body);
    return 'declared';
  }
  if (status < 400) throw new Error(`${label}: status not declared in the spec`);
  const generic = loadSpec(api).components.schemas[status === 400 ? 'ValidatieFout' : 'Fout'];
  if (!generic) return 'undeclared';
  const v = validator(api, 'response', `generic ${status}`, { $ref: `#/components/schemas/${status === 400 ? 'ValidatieFout' : 'Fout'}` });
  if (!v(body)) fail(`${label} (generic problem)`, v, body);
  return 'generic-problem';
}

/** Validates a request body against the operation's requestBody schema (readOnly fields not required). */
export function expectValidRequest(api: SpecApi, method: string, path: string, body: unknown): void {
  const op = operation(api, method, path);
  const schema = bodySchema((op.requestBody as Json | undefined)?.content as Json | undefined);
  if (schema === undefined) throw new Error(`${api} ${method} ${path}: no request body in the spec`);
  const v = validator(api, 'request', `${method} ${path} request`, schema);
  if (!v(body)) fail(`request ${api} ${method.toUpperCase()} ${specPath(api, path)}`, v, body);
}

/**
 * Validates a body against one named schema of a spec (e.g. the schema a discriminator maps to,
 * when the spec's base schema carries the discriminator without a oneOf, as the BRP spec does).
 */
export function expectValidSchema(api: SpecApi, mode: Mode, schemaName: string, body: unknown): void {
  if (!loadSpec(api).components.schemas[schemaName]) throw new Error(`${api}: geen schema ${schemaName}`);
  const v = validator(api, mode, `schema ${schemaName}`, { $ref: `#/components/schemas/${schemaName}` });
  if (!v(body)) fail(`${api} ${mode} ${schemaName}`, v, body);
}
