import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/open';

/**
 * Demo "BRP API Personen" 2.x (Haal Centraal, spec resources/specs/brp-personen-bevragen-openapi.yaml):
 * `POST /personen` for `RaadpleegMetBurgerservicenummer`, `ZoekMetGeslachtsnaamEnGeboortedatum`,
 * `ZoekMetNaamEnGemeenteVanInschrijving`, `ZoekMetPostcodeEnHuisnummer` and
 * `ZoekMetStraatHuisnummerEnGemeenteVanInschrijving`. The persons are the partijen with a BSN
 * plus a few Turfbrug residents Open Klant does not know yet (BRP_ONLY); their birth date is
 * derived from the BSN (`brpGeboortedatum`). Geheimhouding and opschortingBijhouding come with
 * every person without being asked, as the real API delivers them.
 * Auth: `X-API-KEY` header (401 Foutbericht without or with a wrong key).
 */
export const BRP_API = { prefix: '/haalcentraal/api/brp', version: '2.7.0' } as const;
/** Turfbrug's gemeentecode (its BAG ids start with it). */
export const DEMO_GEMEENTECODE = '1990';

/** Residents the BRP knows and Open Klant does not (yet): a new customer, one who died, one who emigrated (RNI). */
export const BRP_ONLY: readonly Row[] = [
  { bsn: '999990019', voornaam: 'Anouk', voorletters: 'A.', voorvoegsel: null, achternaam: 'Veenstra', adres: JSON.stringify({ straatnaam: 'Turfmarkt', huisnummer: 40, huisnummertoevoeging: '', postcode: '1991AB', adresregel1: 'Turfmarkt 40', adresregel2: '1991 AB  TURFBRUG' }), geheim: 0, opschorting: null },
  { bsn: '999990020', voornaam: 'Hendrik', voorletters: 'H.', voorvoegsel: 'van', achternaam: 'Veenstra', adres: JSON.stringify({ straatnaam: 'Turfmarkt', huisnummer: 40, huisnummertoevoeging: '', postcode: '1991AB', adresregel1: 'Turfmarkt 40', adresregel2: '1991 AB  TURFBRUG' }), geheim: 0, opschorting: 'O' },
  { bsn: '999990032', voornaam: 'Sofie', voorletters: 'S.', voorvoegsel: null, achternaam: 'Veenstra', adres: null, geheim: 0, opschorting: 'R' },
];

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

/** A person: a partij's columns (bezoekadres as Open Klant's JSON), its geheimhouding and an opschorting reden (O, E, R) or null. */
interface Row { bsn: string; voornaam: string | null; voorletters: string | null; voorvoegsel: string | null; achternaam: string | null; adres: string | null; geheim: number | null; opschorting: string | null }
interface Adres { straatnaam?: string; huisnummer?: number; huisnummertoevoeging?: string; postcode?: string; adresregel1?: string; adresregel2?: string }
const OPSCHORTING: Record<string, string> = { O: 'overlijden', E: 'emigratie', R: 'pl is aangelegd in de rni' };
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
  'naam.volledigeNaam', 'geboorte', 'geboorte.datum', 'geslacht', 'leeftijd', 'adressering', 'adressering.adresregel1', 'adressering.adresregel2']);
const RAADPLEEG_FIELDS = ZOEK_FIELDS;
const NAME = /^[a-zA-Z0-9À-ž .\-']{1,200}$|^[a-zA-Z0-9À-ž .\-']{3,199}\*$/;
const VOORNAMEN = /^[a-zA-Z0-9À-ž .\-']{1,199}\*?$/;
const VOORVOEGSEL = /^[a-zA-Z ']{1,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GEMEENTECODE = /^[0-9]{4}$/;
const POSTCODE = /^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$/;
const STRAAT = /^[a-zA-Z0-9À-ž \-'.]{1,80}$|^[a-zA-Z0-9À-ž \-'.]{7,79}\*$/;

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
  const adres = adresOf(r);
  if (want('adressering.adresregel1') && adres?.adresregel1) out.adressering = { adresregel1: adres.adresregel1, adresregel2: adres.adresregel2 };
  // Delivered without being asked (the spec forbids asking them in fields).
  if (r.geheim) out.geheimhoudingPersoonsgegevens = true;
  if (r.opschorting) out.opschortingBijhouding = { reden: { code: r.opschorting, omschrijving: OPSCHORTING[r.opschorting] } };
  return out;
}

function adresOf(r: Row): Adres | null {
  if (!r.adres) return null;
  try {
    return JSON.parse(r.adres) as Adres;
  } catch {
    return null;
  }
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
  const COLUMNS = `i.object_id AS bsn, p.voornaam, p.voorletters, p.voorvoegsel_achternaam AS voorvoegsel, p.achternaam, p.bezoekadres AS adres,
    p.indicatie_geheimhouding AS geheim, NULL AS opschorting`;
  const byBsn = db.prepare(`SELECT ${COLUMNS} FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
    WHERE i.code_soort_object_id = 'bsn' AND i.object_id = ?`);
  const byAchternaam = db.prepare(`SELECT ${COLUMNS} FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
    WHERE i.code_soort_object_id = 'bsn' AND p.soort_partij = 'persoon' AND lower(p.achternaam) LIKE ? ESCAPE '\\'`);
  const byAdres = db.prepare(`SELECT ${COLUMNS} FROM partij_identificator i JOIN partij p ON p.id = i.partij_id
    WHERE i.code_soort_object_id = 'bsn' AND p.soort_partij = 'persoon' AND p.bezoekadres LIKE ?`);
  const person = (bsn: string): Row | undefined => (byBsn.get(bsn) as Row | undefined) ?? BRP_ONLY.find((r) => r.bsn === bsn);
  const withAchternaam = (naam: string): Row[] => {
    const like = naam.toLowerCase().replace(/\*$/, '').replace(/[\\%_]/g, (c) => `\\${c}`) + (naam.endsWith('*') ? '%' : '');
    return [...(byAchternaam.all(like) as Row[]), ...BRP_ONLY].filter((row) => nameMatches(naam, row.achternaam ?? ''));
  };
  const atAdres = (match: (a: Adres) => boolean, huisnummer: number): Row[] =>
    [...(byAdres.all(`%"huisnummer":${huisnummer},%`) as Row[]), ...BRP_ONLY].filter((row) => {
      const a = adresOf(row);
      return a !== null && a.huisnummer === huisnummer && match(a);
    });

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
    const required = (k: string, pattern: RegExp): string | undefined => {
      const v = str(k);
      if (v === undefined) params.push({ name: k, code: 'required', reason: 'Parameter is verplicht.' });
      else if (!pattern.test(v)) params.push({ name: k, code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' });
      return v;
    };
    const optional = (k: string, pattern: RegExp): string | undefined => {
      const v = str(k);
      if (v !== undefined && !pattern.test(v)) params.push({ name: k, code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' });
      return v;
    };
    const huisnummer = (): number => {
      const v = q.huisnummer;
      if (v === undefined) params.push({ name: 'huisnummer', code: 'required', reason: 'Parameter is verplicht.' });
      else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 99_999) params.push({ name: 'huisnummer', code: 'integer', reason: 'Waarde is geen geldige integer.' });
      return typeof v === 'number' ? v : 0;
    };
    const refuse = () => {
      if (params.length) throw new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', params);
    };
    // Like the real API: overleden persons only when asked (inclusiefOverledenPersonen).
    const living = (rows: Row[]): Row[] => (q.inclusiefOverledenPersonen === true ? rows : rows.filter((r) => r.opschorting !== 'O'));
    let personen: Record<string, unknown>[] = [];
    if (q.type === 'RaadpleegMetBurgerservicenummer') {
      const fields = checkFields(q.fields, RAADPLEEG_FIELDS, params);
      const bsns = q.burgerservicenummer;
      if (!Array.isArray(bsns) || bsns.length === 0) params.push({ name: 'burgerservicenummer', code: 'required', reason: 'Parameter is verplicht.' });
      else if (bsns.length > 20) params.push({ name: 'burgerservicenummer', code: 'maxItems', reason: 'Array bevat meer dan 20 items.' });
      else bsns.forEach((b) => { if (typeof b !== 'string' || !/^[0-9]{9}$/.test(b)) params.push({ name: 'burgerservicenummer', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' }); });
      refuse();
      for (const b of new Set(bsns as string[])) {
        const row = person(b);
        if (row) personen.push(persoon(row, fields));
      }
    } else if (q.type === 'ZoekMetGeslachtsnaamEnGeboortedatum') {
      const fields = checkFields(q.fields, ZOEK_FIELDS, params);
      const naam = required('geslachtsnaam', NAME);
      const datum = str('geboortedatum');
      if (datum === undefined) params.push({ name: 'geboortedatum', code: 'required', reason: 'Parameter is verplicht.' });
      else if (!validDate(datum)) params.push({ name: 'geboortedatum', code: 'date', reason: 'Waarde is geen geldige datum.' });
      const voornamen = optional('voornamen', VOORNAMEN);
      const voorvoegsel = optional('voorvoegsel', VOORVOEGSEL);
      refuse();
      personen = living(withAchternaam(naam!))
        .filter((row) => brpGeboortedatum(row.bsn) === datum)
        .filter((row) => voorvoegsel === undefined || (row.voorvoegsel ?? '').toLowerCase() === voorvoegsel.toLowerCase())
        .filter((row) => voornamen === undefined || nameMatches(voornamen, row.voornaam ?? ''))
        .slice(0, 10)
        .map((row) => persoon(row, fields));
    } else if (q.type === 'ZoekMetNaamEnGemeenteVanInschrijving') {
      // as the spec: geslachtsnaam, voornamen and gemeenteVanInschrijving are all required
      const fields = checkFields(q.fields, ZOEK_FIELDS, params);
      const naam = required('geslachtsnaam', NAME);
      const voornamen = required('voornamen', NAME);
      const gemeente = required('gemeenteVanInschrijving', GEMEENTECODE);
      const voorvoegsel = optional('voorvoegsel', VOORVOEGSEL);
      refuse();
      // Persons registered elsewhere (RNI) are not inschreven in this gemeente.
      personen = gemeente !== DEMO_GEMEENTECODE ? [] : living(withAchternaam(naam!))
        .filter((row) => row.opschorting !== 'R' && row.opschorting !== 'E')
        .filter((row) => nameMatches(voornamen!, row.voornaam ?? ''))
        .filter((row) => voorvoegsel === undefined || (row.voorvoegsel ?? '').toLowerCase() === voorvoegsel.toLowerCase())
        .slice(0, 10)
        .map((row) => persoon(row, fields));
    } else if (q.type === 'ZoekMetPostcodeEnHuisnummer') {
      const fields = checkFields(q.fields, ZOEK_FIELDS, params);
      const postcode = required('postcode', POSTCODE);
      const nummer = huisnummer();
      const toevoeging = optional('huisnummertoevoeging', /^[a-zA-Z0-9 -]{1,4}$/);
      optional('huisletter', /^[a-zA-Z]$/);
      refuse();
      const pc = postcode!.replace(/\s/g, '').toUpperCase();
      personen = living(atAdres((a) => (a.postcode ?? '').replace(/\s/g, '').toUpperCase() === pc && (toevoeging === undefined || (a.huisnummertoevoeging ?? '') === toevoeging), nummer))
        .slice(0, 30)
        .map((row) => persoon(row, fields));
    } else if (q.type === 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving') {
      const fields = checkFields(q.fields, ZOEK_FIELDS, params);
      const straat = required('straat', STRAAT);
      const nummer = huisnummer();
      const gemeente = required('gemeenteVanInschrijving', GEMEENTECODE);
      refuse();
      personen = gemeente !== DEMO_GEMEENTECODE ? [] : living(atAdres((a) => nameMatches(straat!, a.straatnaam ?? ''), nummer))
        .slice(0, 30)
        .map((row) => persoon(row, fields));
    } else {
      throw new BrpError(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [{ name: 'type', code: 'value', reason: 'Waarde wordt niet ondersteund.' }]);
    }
    void reply.header('api-version', BRP_API.version).type('application/json; charset=utf-8').send(JSON.stringify({ type: q.type, personen }));
  });
}
