/**
 * Validates requests (query parameters, headers, body) and response bodies against the official
 * OpenAPI specs in resources/specs. Reusable by any test:
 * `expectValidAgainstSpec('zaken', 'get', '/zaken/{uuid}', 200, body)`, `requestViolations(…)`.
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
interface Spec {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses?: Record<string, Json>; parameters?: Record<string, Json>; securitySchemes?: Record<string, Json> };
}

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

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Json;
}

/** The operation's parameters (path-level ones included), `$ref`s into components.parameters resolved. */
function parameters(api: SpecApi, method: string, path: string): Parameter[] {
  const spec = loadSpec(api);
  const item = spec.paths[specPath(api, path)] ?? {};
  const list = [...((item.parameters as unknown as Json[] | undefined) ?? []), ...((operation(api, method, path).parameters as Json[] | undefined) ?? [])];
  return list.map((p) => {
    const ref = p.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/parameters/')) return spec.components.parameters?.[ref.slice('#/components/parameters/'.length)] as unknown as Parameter;
    return p as unknown as Parameter;
  });
}

/** A query or header value as the spec's schema types it: arrays comma-separated (style form, explode false), numbers and booleans parsed. */
function typed(value: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if (type === 'array') return value.split(',').map((item) => typed(item, schema?.items as Json | undefined));
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * The one known fault in the official specs' parameters: Zaken, Catalogi and Documenten type
 * their reference filters (`zaak`, `zaaktype`, `catalogus`, `informatieobject`; 26 in all, e.g.
 * GET /roltypen?zaaktype=) as integer while describing them as "URL-referentie naar …" (a
 * generator artefact; Open Zaak filters on the URL). Such a URL reference is checked as a URI.
 */
function paramSchema(p: Parameter & { description?: string }): Json | undefined {
  if (p.schema?.type === 'integer' && /^URL-referentie/i.test(p.description ?? '')) return { type: 'string', format: 'uri' };
  return p.schema;
}

function paramViolation(api: SpecApi, where: string, param: Parameter, value: string): string | null {
  const p = { ...param, schema: paramSchema(param) };
  if (!p.schema) return null;
  const v = validator(api, 'request', `param ${where} ${p.in} ${p.name}`, p.schema);
  if (v(typed(value, p.schema))) return null;
  return `${p.in} ${p.name}=${value.slice(0, 80)}: ${(v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`;
}

/** What the operation's security requirement asks of the Authorization header (none: no requirement). */
function authorizationRule(api: SpecApi, op: Json): RegExp | null {
  const spec = loadSpec(api);
  const requirements = (op.security as Record<string, string[]>[] | undefined) ?? spec.security ?? [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = spec.components.securitySchemes?.[name];
      if (scheme?.type === 'http' && scheme.scheme === 'bearer') return /^Bearer \S+$/;
      // Klantinteracties: apiKey in Authorization, "Token-based authentication with required prefix "Token"".
      if (scheme?.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === 'authorization') return /^Token \S+$/;
    }
  }
  return null;
}

/**
 * Everything about one request that the spec does not allow, as readable lines (empty: valid):
 * the path and method must be in the spec; every query parameter must be declared for that
 * operation with a value of its type or enum, and the required ones present; required headers
 * (e.g. Content-Crs on Zaken writes) present and declared headers valid; the Authorization
 * header as the operation's security scheme asks; and the JSON body valid against the
 * operation's request schema.
 */
export function requestViolations(api: SpecApi, method: string, url: string, headers: Record<string, string>, body: unknown): string[] {
  const label = `${api} ${method.toUpperCase()} ${url.replace(/^https?:\/\/[^/]+/, '').slice(0, 160)}`;
  let op: Json;
  try {
    op = operation(api, method, url);
  } catch (error) {
    return [`${label}: ${(error as Error).message}`];
  }
  const where = `${method.toLowerCase()} ${specPath(api, url)}`;
  const params = parameters(api, method, url);
  const out: string[] = [];
  const query = new URL(url, 'http://x').searchParams;
  const declared = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of query) {
    const p = declared.get(name);
    if (!p) out.push(`query ${name}: not a parameter of this operation`);
    else {
      const wrong = paramViolation(api, where, p, value);
      if (wrong) out.push(wrong);
    }
  }
  for (const p of declared.values()) if (p.required && !query.has(p.name)) out.push(`query ${p.name}: required, missing`);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const p of params.filter((x) => x.in === 'header')) {
    const value = lower[p.name.toLowerCase()];
    // Content-Type is declared required on every write; a write without a body sends none.
    if (value === undefined) {
      if (p.required && !(p.name.toLowerCase() === 'content-type' && body === undefined)) out.push(`header ${p.name}: required, missing`);
      continue;
    }
    const wrong = p.name.toLowerCase() === 'content-type' ? (/^application\/json\b/.test(value) ? null : `header Content-Type: ${value}`) : paramViolation(api, where, p, value);
    if (wrong) out.push(wrong);
  }
  const auth = authorizationRule(api, op);
  if (auth && !auth.test(lower.authorization ?? '')) out.push(`header Authorization: ${lower.authorization === undefined ? 'missing' : 'not as the security scheme asks'}`);
  if (body !== undefined && body !== null && body !== '') {
    try {
      expectValidRequest(api, method, url, body);
    } catch (error) {
      out.push((error as Error).message);
    }
  }
  return out.map((line) => (line.startsWith(label) ? line : `${label}: ${line}`));
}
