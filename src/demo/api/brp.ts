import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/open';

/**
 * Demo "BRP API Personen" 2.x (Haal Centraal, spec resources/specs/brp-personen-bevragen-openapi.yaml):
 * `POST /personen` for `RaadpleegMetBurgerservicenummer` and `ZoekMetGeslachtsnaamEnGeboortedatum`.
 * The persons are the partijen with a BSN; their birth date is derived from the BSN (`brpGeboortedatum`).
 * Auth: `X-API-KEY` header (401 Foutbericht without or with a wrong key).
 */
export const BRP_API = { prefix: '/haalcentraal/api/brp', version: '2.7.0' } as const;

const BERT_BSN = '999993653';
const BERT_GEBOORTEDATUM = '1968-03-12';
const FIRST_DAY = Date.UTC(1935, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2008, 11, 31) / 86_400_000;

/** Deterministic birth date of a demo person: a hash of the BSN into 1935-01-01..2008-12-31 (Bert: 1968-03-12). */
export function brpGeboortedatum(bsn: string): string {
  if (bsn === BERT_BSN) return BERT_GEBOORTEDATUM;
  const h = createHash('sha256').update(`brp-geboorte:${bsn}`).digest().readUInt32BE(0);
  const day = FIRST_DAY + (h % (LAST_DAY - FIRST_DAY + 1));
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

interface Row { bsn: string; voornaam: string | null; voorletters: string | null; voorvoegsel: string | null; achternaam: string | null }
interface Param { name: string; code: string; reason: string }

class BrpError extends Error {
  constructor(readonly status: number, readonly code: string, readonly title: string, readonly invalidParams?: Param[]) { super(title); }
}

const TYPE: Record<number, string> = {
  400: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1',
  401: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2',
  415: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.16',
  500: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1',
};

const ZOEK_FIELDS = new Set(['burgerservicenummer', 'naam', 'naam.voornamen', 'naam.voorvoegsel', 'naam.geslachtsnaam', 'naam.voorletters',
  'naam.volledigeNaam', 'geboorte', 'geboorte.datum', 'geslacht', 'leeftijd']);
const RAADPLEEG_FIELDS = ZOEK_FIELDS;
const NAME = /^[a-zA-Z0-9À-ž .\-']{1,200}$|^[a-zA-Z0-9À-ž .\-']{3,199}\*$/;
const VOORNAMEN = /^[a-zA-Z0-9À-ž .\-']{1,199}\*?$/;
const VOORVOEGSEL = /^[a-zA-Z ']{1,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Case-insensitive equality, or prefix match for a trailing `*` (at least 3 characters before it). */
function nameMatches(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  return p.endsWith('*') ? v.startsWith(p.slice(0, -1)) : v === p;
}

function leeftijd(datum: string, now = new Date()): number {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return Math.max(0, age);
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A person with only the asked fields, plus burgerservicenummer, naam and geboorte.datum. */
function persoon(r: Row, fields: string[]): Record<string, unknown> {
  const datum = brpGeboortedatum(r.bsn);
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  const voornamen = r.voornaam || undefined;
  const voorvoegsel = r.voorvoegsel || undefined;
  const geslachtsnaam = r.achternaam ?? '';
  const naam: Record<string, unknown> = { voornamen, voorvoegsel, geslachtsnaam };
  const want = (f: string): boolean => fields.some((x) => x === f || f.startsWith(`${x}.`));
  if (want('naam.voorletters') && r.voorletters) naam.voorletters = r.voorletters;
  if (want('naam.volledigeNaam')) naam.volledigeNaam = [voornamen, voorvoegsel, geslachtsnaam].filter(Boolean).join(' ');
  const out: Record<string, unknown> = {
    burgerservicenummer: r.bsn,
    naam: JSON.parse(JSON.stringify(naam)) as unknown,
    geboorte: { datum: { type: 'Datum', datum, langFormaat: `${d} ${MAANDEN[m - 1]} ${y}` } },
  };
  if (want('leeftijd')) out.leeftijd = leeftijd(datum);
  return out;
}

function checkFields(fields: unknown, allowed: Set<string>, params: Param[]): string[] {
  if (!Array.isArray(fields) || fields.length === 0) {
    params.push({ name: 'fields', code: 'required', reason: 'Parameter is verplicht.' });
    return [];
  }
  fields.forEach((f) => {
    if (typeof f !== 'string' || !allowed.has(f)) params.push({ name: 'fields', code: 'fields', reason: 'Parameter bevat een niet bestaande veldnaam.' });
  });
  return fields.filter((f): f is string => typeof f === 'string');
}

export function registerBrp(app: FastifyInstance, deps: { db: Db; apiKey: string; log?: (line: string) => void }): void {
  const { db, apiKey } = deps;
  const byBsn = db.prepare(`SELECT i.object_id AS bsn, p.voornaam, p.voorletters, p.voorvoegsel_achternaam AS voorvoegsel, p.achternaam
    FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
    WHERE i.code_soort_object_id = 'bsn' AND i.object_id = ?`);
  const persons = db.prepare(`SELECT i.object_id AS bsn, p.voornaam, p.voorletters, p.voorvoegsel_achternaam AS voorvoegsel, p.achternaam
    FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
    WHERE i.code_soort_object_id = 'bsn' AND p.soort_partij = 'persoon' AND lower(p.achternaam) LIKE ? ESCAPE '\\'`);

  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err: Error & { statusCode?: number }, req: FastifyRequest, reply: FastifyReply) => {
    const e = err instanceof BrpError ? err
      : err.statusCode === 415 ? new BrpError(415, 'unsupportedMediaType', 'Media Type wordt niet ondersteund.')
        : err.statusCode === 400 ? new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [])
          : new BrpError(500, 'serverError', 'Interne server fout.');
    if (e.status === 500) deps.log?.(`brp: ${err.message}`);
    const body: Record<string, unknown> = { type: TYPE[e.status] ?? TYPE[500], title: e.title, status: e.status, detail: e.title, instance: `${req.protocol}://${req.host}${req.url.split('?')[0]}`, code: e.code };
    if (e.invalidParams) body.invalidParams = e.invalidParams.map((p) => ({ type: 'https://www.vng.nl/realisatie/api/validaties/' + p.code, ...p }));
    void reply.code(e.status).header('api-version', BRP_API.version).type('application/problem+json').send(JSON.stringify(body));
  });
  app.addHook('onRequest', async (req) => {
    if (req.headers['x-api-key'] !== apiKey) throw new BrpError(401, 'authentication', 'Niet correct geauthenticeerd.');
  });

  app.post('/personen', async (req, reply) => {
    const q = (req.body ?? {}) as Record<string, unknown>;
    const params: Param[] = [];
    const str = (k: string): string | undefined => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
    let personen: Record<string, unknown>[] = [];
    if (q.type === 'RaadpleegMetBurgerservicenummer') {
      const fields = checkFields(q.fields, RAADPLEEG_FIELDS, params);
      const bsns = q.burgerservicenummer;
      if (!Array.isArray(bsns) || bsns.length === 0) params.push({ name: 'burgerservicenummer', code: 'required', reason: 'Parameter is verplicht.' });
      else if (bsns.length > 20) params.push({ name: 'burgerservicenummer', code: 'maxItems', reason: 'Array bevat meer dan 20 items.' });
      else bsns.forEach((b) => { if (typeof b !== 'string' || !/^[0-9]{9}$/.test(b)) params.push({ name: 'burgerservicenummer', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' }); });
      if (params.length) throw new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', params);
      const seen = new Set<string>();
      for (const b of bsns as string[]) {
        if (seen.has(b)) continue;
        seen.add(b);
        const row = byBsn.get(b) as Row | undefined;
        if (row) personen.push(persoon(row, fields));
      }
    } else if (q.type === 'ZoekMetGeslachtsnaamEnGeboortedatum') {
      const fields = checkFields(q.fields, ZOEK_FIELDS, params);
      const naam = str('geslachtsnaam');
      const datum = str('geboortedatum');
      const voornamen = str('voornamen');
      const voorvoegsel = str('voorvoegsel');
      if (naam === undefined) params.push({ name: 'geslachtsnaam', code: 'required', reason: 'Parameter is verplicht.' });
      else if (!NAME.test(naam)) params.push({ name: 'geslachtsnaam', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' });
      if (datum === undefined) params.push({ name: 'geboortedatum', code: 'required', reason: 'Parameter is verplicht.' });
      else if (!validDate(datum)) params.push({ name: 'geboortedatum', code: 'date', reason: 'Waarde is geen geldige datum.' });
      if (voornamen !== undefined && !VOORNAMEN.test(voornamen)) params.push({ name: 'voornamen', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' });
      if (voorvoegsel !== undefined && !VOORVOEGSEL.test(voorvoegsel)) params.push({ name: 'voorvoegsel', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' });
      if (params.length) throw new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', params);
      const like = naam!.toLowerCase().replace(/\*$/, '').replace(/[\\%_]/g, (c) => `\\${c}`) + (naam!.endsWith('*') ? '%' : '');
      for (const row of persons.all(like) as Row[]) {
        if (!nameMatches(naam!, row.achternaam ?? '')) continue;
        if (brpGeboortedatum(row.bsn) !== datum) continue;
        if (voorvoegsel !== undefined && (row.voorvoegsel ?? '').toLowerCase() !== voorvoegsel.toLowerCase()) continue;
        if (voornamen !== undefined && !nameMatches(voornamen, row.voornaam ?? '')) continue;
        personen.push(persoon(row, fields));
      }
      personen = personen.slice(0, 10);
    } else {
      throw new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [{ name: 'type', code: 'value', reason: 'Waarde wordt niet ondersteund.' }]);
    }
    void reply.header('api-version', BRP_API.version).type('application/json; charset=utf-8').send(JSON.stringify({ type: q.type, personen }));
  });
}
