import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { autorisatiesOf, permissionDenied } from '../../server/auth';
import { API, identityOf, type ApiDeps } from '../../server/context';
import { ApiError, Where, baseUrl, invalid, listQuery, notFound, nowIso, paginated, q, sendJson, sendWithEtag, stmt, uuidFromUrl, UUID_RE } from '../../server/http';
import { dateStr, dateTimeStr, parseBody, rsin, str, urlStr } from '../../server/validation';
import { ZAAK_FROM, ZAAK_SELECT, renderZaken, zaakUrl, type ZaakRow } from './render';

const CRS = 'EPSG:4326';
const VERTROUWELIJKHEID = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'] as const;

/** GeoMixin behaviour of Open Zaak: Accept-Crs on every request, Content-Crs on writes. */
export function crsGuard(req: FastifyRequest): void {
  const pre = (h: string): ApiError => new ApiError(412, 'precondition_failed', 'Precondition failed', `'${h}' header ontbreekt`);
  const notAcceptable = (v: string): ApiError => new ApiError(406, 'not_acceptable', 'Kan niet voldoen aan de opgegeven Accept header.', `CRS '${v}' is niet ondersteund`);
  if (req.method !== 'DELETE') {
    const accept = req.headers['accept-crs'];
    if (accept === undefined) throw pre('Accept-Crs');
    if (accept !== CRS) throw notAcceptable(String(accept));
  }
  if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    const content = req.headers['content-crs'];
    if (content === undefined) throw pre('Content-Crs');
    if (content !== CRS) throw notAcceptable(String(content));
  }
}

export function audit(deps: ApiDeps, req: FastifyRequest, resource: string, uuid: string, actie: string): void {
  const id = identityOf(req);
  stmt(deps.db, 'INSERT INTO audittrail (api, resource, resource_uuid, actie, client_id, user_id, user_representation, aanmaakdatum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(deps.api === API.zaken ? 'zaken' : 'catalogi', resource, uuid, actie, id?.clientId ?? null, id?.userId ?? null, id?.userRepresentation ?? null, nowIso());
}

/**
 * The zaken this client may read (zaken.lezen), as SQL on the zaak table aliased `alias`
 * (open-zaak: src/openzaak/utils/query.py, the list filtered by the client's autorisaties).
 */
export function zaakVisible(req: FastifyRequest, alias: string, scope = 'zaken.lezen'): { sql: string; params: unknown[] } {
  const auth = autorisatiesOf(req);
  auth.require('zrc', [scope]);
  return auth.visible('zrc', scope, `(SELECT identificatie FROM zaaktype WHERE id = ${alias}.zaaktype_id)`, `${alias}.vertrouwelijkheidaanduiding`);
}

/** An action on one zaak (or a resource of it): 403 unless authorised for its zaaktype and vertrouwelijkheid (ZaakAuthRequired). */
export function requireZaak(db: Db, req: FastifyRequest, scopes: readonly string[], zaak: ZaakAuthFields): void {
  if (!allowsZaak(db, req, scopes, zaak)) throw permissionDenied();
}

export function allowsZaak(db: Db, req: FastifyRequest, scopes: readonly string[], zaak: ZaakAuthFields): boolean {
  const zt = stmt(db, 'SELECT identificatie FROM zaaktype WHERE id = ?').get(zaak.zaaktype_id) as { identificatie: string };
  return autorisatiesOf(req).allows('zrc', scopes, zt.identificatie, zaak.vertrouwelijkheidaanduiding);
}
type ZaakAuthFields = { zaaktype_id: number; vertrouwelijkheidaanduiding: string };

const zaakBody = z.object({
  identificatie: str(40).optional(), bronorganisatie: rsin, omschrijving: str(80).optional(), toelichting: str(1000).optional(), zaaktype: urlStr(),
  registratiedatum: dateStr.optional(), verantwoordelijkeOrganisatie: rsin, startdatum: dateStr, einddatumGepland: dateStr.nullable().optional(),
  uiterlijkeEinddatumAfdoening: dateStr.nullable().optional(), publicatiedatum: dateStr.nullable().optional(), communicatiekanaal: urlStr().or(z.literal('')).optional(),
  communicatiekanaalNaam: str(250).optional(), productenOfDiensten: z.array(urlStr()).optional(), vertrouwelijkheidaanduiding: z.enum(VERTROUWELIJKHEID).optional(),
  betalingsindicatie: z.enum(['', 'nvt', 'gefactureerd', 'gecrediteerd', 'betaald', 'nog_niet', 'gedeeltelijk', 'geheel']).optional(),
  laatsteBetaaldatum: dateTimeStr.nullable().optional(), laatstGeopend: dateTimeStr.nullable().optional(),
  kenmerken: z.array(z.object({ kenmerk: z.string().min(1).max(40), bron: z.string().min(1).max(40) })).optional(),
  selectielijstklasse: urlStr().or(z.literal('')).optional(), processobjectaard: str(200).optional(),
});
const EXTRA_KEYS = ['communicatiekanaal', 'productenOfDiensten', 'betalingsindicatie', 'laatsteBetaaldatum', 'laatstGeopend', 'kenmerken', 'selectielijstklasse', 'processobjectaard'] as const;

export function registerZaken(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  const crsHeaders = { 'Content-Crs': CRS };
  const pre = { preHandler: async (req: FastifyRequest) => crsGuard(req) };

  app.get('/zaken', pre, async (req, reply) => {
    const w = new Where();
    // ZaakViewSet list: zaken.lezen; only zaken of authorised zaaktypen up to their maximum vertrouwelijkheid are listed.
    const visible = zaakVisible(req, 'z');
    w.add(visible.sql, ...visible.params);
    const rolWhere = new Where();
    const rolFilters: [string, string][] = [
      ['rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn', 'inp_bsn'], ['rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer', 'kvk_nummer'],
      ['rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer', 'vestigings_nummer'], ['rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId', 'inn_nnp_id'],
      ['rol__betrokkeneIdentificatie__medewerker__identificatie', 'medewerker_identificatie'], ['rol__omschrijvingGeneriek', 'omschrijving_generiek'], ['rol__betrokkeneType', 'betrokkene_type'],
    ];
    for (const [param, col] of rolFilters) {
      const v = q(req, param);
      if (v !== undefined) rolWhere.add(`${col} = ?`, v);
    }
    if (rolWhere.clauses.length) w.add(`z.id IN (SELECT zaak_id FROM rol ${rolWhere.sql()})`, ...rolWhere.params);
    const zt = q(req, 'zaaktype');
    if (zt !== undefined) w.add('z.zaaktype_id = (SELECT id FROM zaaktype WHERE uuid = ?)', uuidFromUrl(req, zt, `${API.catalogi.prefix}/zaaktypen`) ?? '-');
    const simple: [string, string][] = [['identificatie', 'z.identificatie = ?'], ['bronorganisatie', 'z.bronorganisatie = ?'], ['startdatum', 'z.startdatum = ?'],
      ['startdatum__gt', 'z.startdatum > ?'], ['startdatum__gte', 'z.startdatum >= ?'], ['startdatum__lt', 'z.startdatum < ?'], ['startdatum__lte', 'z.startdatum <= ?'],
      ['uiterlijkeEinddatumAfdoening__lt', 'z.uiterlijke_einddatum_afdoening < ?'], ['uiterlijkeEinddatumAfdoening__gt', 'z.uiterlijke_einddatum_afdoening > ?'],
      ['einddatum__gt', 'z.einddatum > ?'], ['einddatum__lt', 'z.einddatum < ?']];
    for (const [param, clause] of simple) {
      const v = q(req, param);
      if (v !== undefined) w.add(clause, v);
    }
    const isnull = q(req, 'einddatum__isnull');
    if (isnull === 'true' || isnull === 'True' || isnull === '1') w.add('z.einddatum IS NULL');
    else if (isnull === 'false' || isnull === 'False' || isnull === '0') w.add('z.einddatum IS NOT NULL');
    else if (isnull !== undefined) throw invalid('einddatum__isnull', 'invalid', 'Selecteer een geldige keuze.');
    const ordering = q(req, 'ordering');
    const orderCols: Record<string, string> = { startdatum: 'z.startdatum', einddatum: 'z.einddatum', registratiedatum: 'z.registratiedatum', identificatie: 'z.identificatie', publicatiedatum: 'z.publicatiedatum' };
    let order = 'ORDER BY z.id DESC';
    if (ordering) {
      const desc = ordering.startsWith('-');
      const col = orderCols[ordering.replace(/^-/, '')];
      if (!col) throw invalid('ordering', 'invalid_choice', `Selecteer een geldige keuze. ${ordering} is geen beschikbare keuze.`);
      order = `ORDER BY ${col} ${desc ? 'DESC' : 'ASC'}, z.id DESC`;
    }
    const res = listQuery<ZaakRow>(db, req, ZAAK_SELECT, ZAAK_FROM, w, order, 'FROM zaak z');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, renderZaken(db, baseUrl(req), res.rows)), crsHeaders);
  });

  const getZaak = (uuid: string): ZaakRow | undefined =>
    UUID_RE.test(uuid) ? (stmt(db, `SELECT ${ZAAK_SELECT} ${ZAAK_FROM} WHERE z.uuid = ?`).get(uuid.toLowerCase()) as ZaakRow | undefined) : undefined;

  app.get<{ Params: { uuid: string } }>('/zaken/:uuid', pre, async (req, reply) => {
    autorisatiesOf(req).require('zrc', ['zaken.lezen']);
    const row = getZaak(req.params.uuid);
    if (!row) throw notFound();
    requireZaak(db, req, ['zaken.lezen'], row);
    return sendWithEtag(req, reply, api, renderZaken(db, baseUrl(req), [row])[0], crsHeaders);
  });

  app.post('/zaken', pre, async (req: FastifyRequest, reply: FastifyReply) => {
    // ZaakViewSet create: zaken.aanmaken for this zaaktype (and the given vertrouwelijkheid).
    autorisatiesOf(req).require('zrc', ['zaken.aanmaken']);
    const body = parseBody(zaakBody, req.body);
    const ztUuid = uuidFromUrl(req, body.zaaktype, `${API.catalogi.prefix}/zaaktypen`);
    const zt = ztUuid ? (stmt(db, 'SELECT id, identificatie, concept, data FROM zaaktype WHERE uuid = ?').get(ztUuid) as { id: number; identificatie: string; concept: number; data: string } | undefined) : undefined;
    if (!zt) throw invalid('zaaktype', 'bad-url', 'Ongeldige URL: het zaaktype bestaat niet in deze catalogus.');
    autorisatiesOf(req).requireFor('zrc', ['zaken.aanmaken'], zt.identificatie, body.vertrouwelijkheidaanduiding ?? null);
    if (zt.concept) throw invalid('zaaktype', 'not-published', 'Het ZAAKTYPE is nog niet gepubliceerd.');
    const registratiedatum = body.registratiedatum ?? new Date().toISOString().slice(0, 10);
    let identificatie = body.identificatie;
    if (identificatie) {
      if (stmt(db, 'SELECT 1 FROM zaak WHERE identificatie = ? AND bronorganisatie = ?').get(identificatie, body.bronorganisatie)) {
        throw invalid('identificatie', 'identificatie-niet-uniek', 'Deze identificatie bestaat al binnen de bronorganisatie.');
      }
    } else {
      const prefix = `ZAAK-${registratiedatum.slice(0, 4)}-`;
      const last = stmt(db, "SELECT max(identificatie) AS m FROM zaak WHERE identificatie >= ? AND identificatie < ?").get(prefix, prefix + '~') as { m: string | null };
      const seq = last.m ? Number(last.m.slice(prefix.length)) + 1 : 1;
      identificatie = prefix + String(seq).padStart(7, '0');
    }
    const ztData = JSON.parse(zt.data) as { vertrouwelijkheidaanduiding: string };
    const extra: Record<string, unknown> = {};
    for (const k of EXTRA_KEYS) if (body[k] !== undefined && body[k] !== '') extra[k] = body[k];
    const uuid = randomUUID();
    const who = identityOf(req);
    const now = nowIso();
    stmt(db, `INSERT INTO zaak (uuid, identificatie, bronorganisatie, omschrijving, toelichting, zaaktype_id, registratiedatum, verantwoordelijke_organisatie, startdatum,
      einddatum, einddatum_gepland, uiterlijke_einddatum_afdoening, publicatiedatum, vertrouwelijkheidaanduiding, communicatiekanaal_naam, status_id, laatst_gemuteerd,
      extra, user_id, user_representation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`).run(
      uuid, identificatie, body.bronorganisatie, body.omschrijving ?? '', body.toelichting ?? '', zt.id, registratiedatum, body.verantwoordelijkeOrganisatie,
      body.startdatum, body.einddatumGepland ?? null, body.uiterlijkeEinddatumAfdoening ?? null, body.publicatiedatum ?? null,
      body.vertrouwelijkheidaanduiding ?? ztData.vertrouwelijkheidaanduiding, body.communicatiekanaalNaam ?? '', now,
      Object.keys(extra).length ? JSON.stringify(extra) : null, who?.userId ?? null, who?.userRepresentation ?? null);
    audit(deps, req, 'zaak', uuid, 'create');
    const row = getZaak(uuid)!;
    return sendJson(reply, api, 201, renderZaken(db, baseUrl(req), [row])[0], { ...crsHeaders, Location: zaakUrl(baseUrl(req), uuid) });
  });
}
