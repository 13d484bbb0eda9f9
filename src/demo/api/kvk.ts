import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open';

/**
 * Demo KVK Handelsregister (developers.kvk.nl): the Zoeken API v2 (`GET /v2/zoeken` by
 * kvkNummer, rsin, vestigingsnummer, naam, straatnaam, plaats, postcode, huisnummer, type) and
 * the Basisprofiel API v1 (`GET /v1/basisprofielen/{kvkNummer}`), with the `apikey` header.
 * The registrations are Turfbrug's organisations (the partijen with a KvK-nummer). Errors come
 * as KVK's own `{ fout: [{ code, omschrijving }] }` with its IPD codes.
 */
export const KVK_API = { prefix: '/kvk/api' } as const;
export const DEMO_KVK_API_KEY = 'turfbrug-demo-kvk-key';

interface Org { id: number; naam: string; kvk: string; vestiging: string | null; rsin: string | null; adres: string | null }
interface Adres { straatnaam?: string; huisnummer?: number; huisnummertoevoeging?: string; postcode?: string; stad?: string }

/** Query parameters the Zoeken API v2 defines; anything else is refused as KVK does. */
const ZOEKEN_PARAMS = new Set(['kvkNummer', 'rsin', 'vestigingsnummer', 'naam', 'straatnaam', 'plaats', 'postcode', 'huisnummer', 'huisletter', 'postbusnummer', 'type', 'inclusiefInactieveRegistraties', 'pagina', 'resultatenPerPagina']);
const PATTERN: Record<string, RegExp> = {
  kvkNummer: /^[0-9]{8}$/,
  rsin: /^[0-9]{9}$/,
  vestigingsnummer: /^[0-9]{12}$/,
  postcode: /^[0-9]{4}[A-Za-z]{2}$/,
  huisnummer: /^[0-9]{1,5}$/,
  pagina: /^[0-9]{1,4}$/,
  resultatenPerPagina: /^[0-9]{1,3}$/,
};

class KvkError extends Error {
  constructor(readonly status: number, readonly code: string, readonly omschrijving: string) {
    super(omschrijving);
  }
}

function adresOf(org: Org): Adres {
  try {
    return org.adres ? (JSON.parse(org.adres) as Adres) : {};
  } catch {
    return {};
  }
}

const normaal = (v: string) => v.toLowerCase().replace(/\s+/g, ' ').trim();

export function registerKvk(app: FastifyInstance, deps: { db: Db; apiKey: string }): void {
  const organisations = deps.db.prepare(`SELECT p.id, p.naam, k.object_id AS kvk, v.object_id AS vestiging, r.object_id AS rsin, p.bezoekadres AS adres
    FROM partij p JOIN partij_identificator k ON k.partij_id = p.id AND k.code_soort_object_id = 'kvk_nummer'
    LEFT JOIN partij_identificator v ON v.partij_id = p.id AND v.code_soort_object_id = 'vestigingsnummer'
    LEFT JOIN partij_identificator r ON r.partij_id = p.id AND r.code_soort_object_id = 'rsin'
    WHERE p.soort_partij = 'organisatie'`);
  let cache: Org[] | null = null;
  // Read once: the demo's organisations do not change while it runs.
  const all = (): Org[] => (cache ??= organisations.all() as Org[]);

  app.setErrorHandler((err: Error, _req, reply) => {
    const e = err instanceof KvkError ? err : new KvkError(500, 'IPD0005', 'Het systeem is tijdelijk niet beschikbaar.');
    void reply.code(e.status).type('application/json').send(JSON.stringify({ fout: [{ code: e.code, omschrijving: e.omschrijving }] }));
  });
  app.addHook('onRequest', async (req) => {
    if (req.headers.apikey !== deps.apiKey) throw new KvkError(401, 'IPD0001', 'Geen geldige API key opgegeven.');
  });

  app.get('/v2/zoeken', async (req, reply) => {
    const q = req.query as Record<string, string>;
    for (const [key, value] of Object.entries(q)) {
      if (!ZOEKEN_PARAMS.has(key)) throw new KvkError(400, 'IPD1999', `Onbekende parameter: ${key}.`);
      if (PATTERN[key] && !PATTERN[key].test(value)) throw new KvkError(400, 'IPD1002', `Ongeldige waarde voor ${key}.`);
    }
    const pagina = Number(q.pagina ?? 1);
    const perPagina = Math.min(100, Number(q.resultatenPerPagina ?? 10));
    const found = all().filter((org) => {
      const a = adresOf(org);
      if (q.kvkNummer && org.kvk !== q.kvkNummer) return false;
      if (q.rsin && org.rsin !== q.rsin) return false;
      if (q.vestigingsnummer && org.vestiging !== q.vestigingsnummer) return false;
      if (q.naam && !normaal(org.naam).includes(normaal(q.naam))) return false;
      if (q.straatnaam && normaal(a.straatnaam ?? '') !== normaal(q.straatnaam)) return false;
      if (q.plaats && normaal(a.stad ?? '') !== normaal(q.plaats)) return false;
      if (q.postcode && (a.postcode ?? '').replace(/\s/g, '').toUpperCase() !== q.postcode.toUpperCase()) return false;
      if (q.huisnummer && a.huisnummer !== Number(q.huisnummer)) return false;
      return true;
    });
    // as KVK: no results is a 404 with IPD5200
    if (found.length === 0) throw new KvkError(404, 'IPD5200', 'Geen resultaten gevonden voor deze zoekvraag.');
    const resultaten = found.slice((pagina - 1) * perPagina, pagina * perPagina).map((org) => {
      const a = adresOf(org);
      return {
        kvkNummer: org.kvk,
        ...(org.rsin ? { rsin: org.rsin } : {}),
        ...(org.vestiging ? { vestigingsnummer: org.vestiging } : {}),
        naam: org.naam,
        adres: { binnenlandsAdres: { type: 'bezoekadres', straatnaam: a.straatnaam ?? '', plaats: a.stad ?? '' } },
        type: org.vestiging ? 'hoofdvestiging' : 'rechtspersoon',
        _links: { basisprofiel: { href: `${KVK_API.prefix}/v1/basisprofielen/${org.kvk}` } },
      };
    });
    void reply.type('application/json').send(JSON.stringify({ pagina, resultatenPerPagina: perPagina, totaal: found.length, resultaten, _links: { self: { href: req.url } } }));
  });

  app.get('/v1/basisprofielen/:kvkNummer', async (req, reply) => {
    const { kvkNummer } = req.params as { kvkNummer: string };
    if (!PATTERN.kvkNummer!.test(kvkNummer)) throw new KvkError(400, 'IPD1002', 'Ongeldige waarde voor kvkNummer.');
    const org = all().find((o) => o.kvk === kvkNummer);
    if (!org) throw new KvkError(404, 'IPD0004', 'Het KVK-nummer is niet gevonden.');
    const a = adresOf(org);
    const volledigAdres = [`${a.straatnaam ?? ''} ${a.huisnummer ?? ''}${a.huisnummertoevoeging ?? ''}`.trim(), `${a.postcode ?? ''} ${a.stad ?? ''}`.trim()].filter(Boolean).join(' ');
    void reply.type('application/json').send(
      JSON.stringify({
        kvkNummer: org.kvk,
        naam: org.naam,
        statutaireNaam: org.naam,
        handelsnamen: [{ naam: org.naam, volgorde: 1 }],
        _embedded: {
          ...(org.vestiging
            ? { hoofdvestiging: { vestigingsnummer: org.vestiging, kvkNummer: org.kvk, adressen: [{ type: 'bezoekadres', volledigAdres, straatnaam: a.straatnaam, huisnummer: a.huisnummer, postcode: a.postcode, plaats: a.stad, land: 'Nederland' }] } }
            : {}),
          ...(org.rsin ? { eigenaar: { rsin: org.rsin } } : {}),
        },
      }),
    );
  });
}
