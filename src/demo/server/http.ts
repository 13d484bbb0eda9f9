import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/open';
import type Database from 'better-sqlite3-multiple-ciphers';
import { KNOWN_QUERY_PARAMS } from './known-query-params';

/**
 * The small router layer shared by the three APIs: problem responses (as vng-api-common renders
 * them), DRF-style pagination, ETags, headers and a prepared-statement cache.
 */

export interface InvalidParam { name: string; code: string; reason: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string = title,
    readonly invalidParams?: InvalidParam[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const TYPES: Record<number, string> = {
  400: 'ValidationError', 401: 'NotAuthenticated', 403: 'PermissionDenied', 404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable',
  409: 'Conflict', 412: 'PreconditionFailed', 415: 'UnsupportedMediaType', 500: 'APIException',
};

export const notFound = (detail = 'Niet gevonden.'): ApiError => new ApiError(404, 'not_found', 'Niet gevonden.', detail);
export const validationError = (invalidParams: InvalidParam[]): ApiError =>
  new ApiError(400, 'invalid', 'Invalid input.', 'Ongeldige invoer.', invalidParams);
export const invalid = (name: string, code: string, reason: string): ApiError => validationError([{ name, code, reason }]);

export function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function problemBody(req: FastifyRequest, err: ApiError): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: `${baseUrl(req)}/ref/fouten/${err.code === 'parse_error' ? 'ParseError' : (TYPES[err.status] ?? 'APIException')}/`,
    code: err.code, title: err.title, status: err.status, detail: err.detail, instance: `urn:uuid:${randomUUID()}`,
  };
  if (err.invalidParams) body.invalidParams = err.invalidParams;
  return body;
}

export interface ApiInfo { prefix: string; version: string }

export function sendProblem(req: FastifyRequest, reply: FastifyReply, api: ApiInfo, err: ApiError): FastifyReply {
  reply.code(err.status).header('API-version', api.version).type('application/problem+json');
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply.send(JSON.stringify(problemBody(req, err)));
}

/** Error handler and 404 handler for one API plugin. */
export function installErrorHandling(app: FastifyInstance, api: ApiInfo, log?: (line: string) => void): void {
  app.setErrorHandler((error: unknown, req, reply) => {
    if (error instanceof ApiError) return sendProblem(req, reply, api, error);
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(req, reply, api, new ApiError(415, 'unsupported_media_type', 'Niet-ondersteund mediatype.', `Ongeldig mediatype "${req.headers['content-type'] ?? ''}" in aanvraag.`));
    }
    if (e.statusCode === 400 || e instanceof SyntaxError) {
      return sendProblem(req, reply, api, new ApiError(400, 'parse_error', 'Malformed request.', `JSON parse error - ${e.message ?? ''}`));
    }
    log?.(`demo-zaaksysteem: interne fout ${req.method} ${req.routeOptions.url ?? ''}: ${e.message ?? String(error)}`);
    return sendProblem(req, reply, api, new ApiError(500, 'error', 'Er is een serverfout opgetreden.', 'Er is een serverfout opgetreden.'));
  });
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, api, notFound()));
  const known = knownQueryParams(api.prefix);
  // After authentication, as DRF checks them in the view (list/retrieve) after its auth classes.
  if (known) app.addHook('preHandler', async (req) => refuseUnknownQueryParams(req, api.prefix, known));
}

type KnownParams = { path: RegExp; names: ReadonlySet<string> }[];

/** The spec's GET operations of the API at `prefix` as path patterns with their query parameters; null when the demo has no spec for it. */
function knownQueryParams(prefix: string): KnownParams | null {
  const paths = KNOWN_QUERY_PARAMS[prefix];
  if (!paths) return null;
  return Object.entries(paths).map(([template, names]) => ({
    path: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    names: new Set(names),
  }));
}

/**
 * Unknown query parameters are a 400, as commonground-api-common's
 * vng_api_common.viewsets.CheckQueryParamsMixin does on list and retrieve (Open Zaak and Open
 * Klant use it on every viewset): known are the operation's filters, `page` and `pageSize` (and
 * `expand` where the operation has it), all as the official spec lists them.
 */
function refuseUnknownQueryParams(req: FastifyRequest, prefix: string, known: KnownParams): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const url = new URL(req.url, 'http://demo');
  if (url.search === '') return;
  const path = url.pathname.slice(prefix.length);
  const operation = known.find((k) => k.path.test(path));
  if (!operation) return;
  const unknown = [...new Set(url.searchParams.keys())].filter((name) => !operation.names.has(name));
  if (unknown.length > 0) throw validationError([{ name: 'nonFieldErrors', code: 'unknown-parameters', reason: `Onbekende query parameters: ${unknown.join(', ')}` }]);
}

export function sendJson(reply: FastifyReply, api: ApiInfo, status: number, body: unknown, headers: Record<string, string> = {}): FastifyReply {
  reply.code(status).header('API-version', api.version).type('application/json');
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.send(JSON.stringify(body));
}

/** Detail response with ETag; answers 304 when If-None-Match matches. */
export function sendWithEtag(req: FastifyRequest, reply: FastifyReply, api: ApiInfo, body: unknown, headers: Record<string, string> = {}): FastifyReply {
  const json = JSON.stringify(body);
  const etag = `"${createHash('md5').update(json).digest('hex')}"`;
  const inm = req.headers['if-none-match'];
  reply.header('API-version', api.version).header('ETag', etag);
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  if (inm && inm.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return reply.code(304).send();
  return reply.code(200).type('application/json').send(json);
}

// ---- query parameters and pagination ----

export function q(req: FastifyRequest, name: string): string | undefined {
  const v = (req.query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

export function expandOf(req: FastifyRequest): Set<string> {
  const raw = q(req, 'expand');
  return new Set(raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : []);
}

export interface Paging { page: number; pageSize: number; offset: number }

export function paging(req: FastifyRequest): Paging {
  const rawSize = q(req, 'pageSize');
  let pageSize = 100;
  if (rawSize !== undefined && /^\d+$/.test(rawSize) && Number(rawSize) > 0) pageSize = Math.min(500, Number(rawSize));
  const rawPage = q(req, 'page') ?? '1';
  if (!/^\d+$/.test(rawPage) || Number(rawPage) < 1) throw notFound('Ongeldige pagina.');
  const page = Number(rawPage);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function pageUrl(req: FastifyRequest, page: number): string {
  const url = new URL(req.url, baseUrl(req));
  if (page === 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
}

export function paginated<T>(req: FastifyRequest, p: Paging, count: number, results: T[]): { count: number; next: string | null; previous: string | null; results: T[] } {
  const last = Math.max(1, Math.ceil(count / p.pageSize));
  if (p.page > last) throw notFound('Ongeldige pagina.');
  return {
    count,
    next: p.page < last ? pageUrl(req, p.page + 1) : null,
    previous: p.page > 1 ? pageUrl(req, p.page - 1) : null,
    results,
  };
}

// ---- SQL helpers ----

const cache = new WeakMap<Db, Map<string, Database.Statement>>();
/** Prepared statement, cached per connection and SQL text. */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Collects WHERE clauses and their parameters for list filters. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/**
 * Runs a paginated list query: `from` is "FROM … " including joins; `order` the ORDER BY clause;
 * `countFrom` (default `from`) lets the count skip joins the WHERE clause does not need.
 */
export function listQuery<R>(db: Db, req: FastifyRequest, select: string, from: string, where: Where, order: string, countFrom = from): { p: Paging; count: number; rows: R[] } {
  const p = paging(req);
  const count = (stmt(db, `SELECT count(*) AS c ${countFrom} ${where.sql()}`).get(...where.params) as { c: number }).c;
  const rows = stmt(db, `SELECT ${select} ${from} ${where.sql()} ${order} LIMIT ? OFFSET ?`).all(...where.params, p.pageSize, p.offset) as R[];
  return { p, count, rows };
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid at the end of a URL that must point at `collectionPath` on this server, or null. */
export function uuidFromUrl(req: FastifyRequest, value: string, collectionPath: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const own = new URL(baseUrl(req));
  const loopback = (h: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(h);
  if (url.host !== own.host && !(loopback(url.hostname) && loopback(own.hostname) && url.port === own.port)) return null;
  const m = url.pathname.replace(/\/$/, '').match(new RegExp(`^${collectionPath}/([^/]+)$`));
  return m && UUID_RE.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

export const fk = (base: string, path: string, uuid: string | null | undefined): { uuid: string; url: string } | null =>
  uuid ? { uuid, url: `${base}${path}/${uuid}` } : null;

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
