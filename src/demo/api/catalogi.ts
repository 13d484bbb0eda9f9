import type { FastifyInstance, FastifyRequest } from 'fastify';
import { autorisatiesOf } from '../server/auth';
import { API, type ApiDeps } from '../server/context';
import { Where, baseUrl, invalid, listQuery, notFound, paginated, q, sendJson, sendWithEtag, stmt, uuidFromUrl, UUID_RE } from '../server/http';

/** Catalogi API 1.3 subset: catalogussen, zaaktypen, statustypen, roltypen (read-only). */
const P = API.catalogi.prefix;

interface CatalogusRow { id: number; uuid: string; domein: string; rsin: string; naam: string; versie: string; begindatum_versie: string | null; contactpersoon_naam: string; contactpersoon_telefoon: string; contactpersoon_email: string }
interface ZaaktypeRow { id: number; uuid: string; catalogus_uuid: string; identificatie: string; omschrijving: string; concept: number; begin_geldigheid: string; versiedatum: string; data: string }
interface StatustypeRow { id: number; uuid: string; zaaktype_uuid: string; zaaktype_identificatie: string; zaaktype_begin: string; catalogus_uuid: string; volgnummer: number; max_volgnummer: number; omschrijving: string; omschrijving_generiek: string; statustekst: string; informeren: number; doorlooptijd: string | null }
interface RoltypeRow { id: number; uuid: string; zaaktype_uuid: string; zaaktype_identificatie: string; zaaktype_begin: string; catalogus_uuid: string; omschrijving: string; omschrijving_generiek: string }

const ZT_SELECT = 'zt.id, zt.uuid, c.uuid AS catalogus_uuid, zt.identificatie, zt.omschrijving, zt.concept, zt.begin_geldigheid, zt.versiedatum, zt.data';
const ZT_FROM = 'FROM zaaktype zt CROSS JOIN catalogus c ON c.id = zt.catalogus_id';
const ST_SELECT = `st.id, st.uuid, zt.uuid AS zaaktype_uuid, zt.identificatie AS zaaktype_identificatie, zt.begin_geldigheid AS zaaktype_begin, c.uuid AS catalogus_uuid,
  st.volgnummer, (SELECT max(volgnummer) FROM statustype x WHERE x.zaaktype_id = st.zaaktype_id) AS max_volgnummer, st.omschrijving, st.omschrijving_generiek, st.statustekst, st.informeren, st.doorlooptijd`;
const ST_FROM = 'FROM statustype st CROSS JOIN zaaktype zt ON zt.id = st.zaaktype_id CROSS JOIN catalogus c ON c.id = zt.catalogus_id';
const RT_SELECT = `rt.id, rt.uuid, zt.uuid AS zaaktype_uuid, zt.identificatie AS zaaktype_identificatie, zt.begin_geldigheid AS zaaktype_begin, c.uuid AS catalogus_uuid, rt.omschrijving, rt.omschrijving_generiek`;
const RT_FROM = 'FROM roltype rt CROSS JOIN zaaktype zt ON zt.id = rt.zaaktype_id CROSS JOIN catalogus c ON c.id = zt.catalogus_id';

export function registerCatalogi(app: FastifyInstance, { db, api }: ApiDeps): void {
  // Every read needs catalogi.lezen (open-zaak: src/openzaak/components/catalogi/api/viewsets/*.py, required_scopes).
  app.addHook('preHandler', async (req) => autorisatiesOf(req).require('ztc', ['catalogi.lezen']));
  const u = (base: string, coll: string, uuid: string): string => `${base}${P}/${coll}/${uuid}`;

  const catalogus = (base: string, r: CatalogusRow) => ({
    url: u(base, 'catalogussen', r.uuid), domein: r.domein, rsin: r.rsin, contactpersoonBeheerNaam: r.contactpersoon_naam,
    contactpersoonBeheerTelefoonnummer: r.contactpersoon_telefoon, contactpersoonBeheerEmailadres: r.contactpersoon_email,
    zaaktypen: (stmt(db, 'SELECT uuid FROM zaaktype WHERE catalogus_id = ? ORDER BY id').all(r.id) as { uuid: string }[]).map((z) => u(base, 'zaaktypen', z.uuid)),
    besluittypen: [], informatieobjecttypen: [], naam: r.naam, versie: r.versie, begindatumVersie: r.begindatum_versie,
  });
  const zaaktype = (base: string, r: ZaaktypeRow) => ({
    url: u(base, 'zaaktypen', r.uuid), identificatie: r.identificatie, omschrijving: r.omschrijving,
    ...(JSON.parse(r.data) as Record<string, unknown>),
    concept: r.concept === 1, beginGeldigheid: r.begin_geldigheid, versiedatum: r.versiedatum, beginObject: r.begin_geldigheid, eindeObject: r.begin_geldigheid,
    catalogus: u(base, 'catalogussen', r.catalogus_uuid),
    statustypen: (stmt(db, 'SELECT uuid FROM statustype WHERE zaaktype_id = ? ORDER BY volgnummer').all(r.id) as { uuid: string }[]).map((s) => u(base, 'statustypen', s.uuid)),
    resultaattypen: [], eigenschappen: [], informatieobjecttypen: [],
    roltypen: (stmt(db, 'SELECT uuid FROM roltype WHERE zaaktype_id = ? ORDER BY id').all(r.id) as { uuid: string }[]).map((s) => u(base, 'roltypen', s.uuid)),
    zaakobjecttypen: [],
  });
  const statustype = (base: string, r: StatustypeRow) => ({
    url: u(base, 'statustypen', r.uuid), omschrijving: r.omschrijving, omschrijvingGeneriek: r.omschrijving_generiek, statustekst: r.statustekst,
    zaaktype: u(base, 'zaaktypen', r.zaaktype_uuid), zaaktypeIdentificatie: r.zaaktype_identificatie, volgnummer: r.volgnummer,
    isEindstatus: r.volgnummer === r.max_volgnummer, informeren: r.informeren === 1, doorlooptijd: r.doorlooptijd, toelichting: null, checklistitemStatustype: [],
    catalogus: u(base, 'catalogussen', r.catalogus_uuid), eigenschappen: [], zaakobjecttypen: [], beginGeldigheid: r.zaaktype_begin, eindeGeldigheid: null,
    beginObject: r.zaaktype_begin, eindeObject: r.zaaktype_begin,
  });
  const roltype = (base: string, r: RoltypeRow) => ({
    url: u(base, 'roltypen', r.uuid), zaaktype: u(base, 'zaaktypen', r.zaaktype_uuid), zaaktypeIdentificatie: r.zaaktype_identificatie,
    omschrijving: r.omschrijving, omschrijvingGeneriek: r.omschrijving_generiek, catalogus: u(base, 'catalogussen', r.catalogus_uuid),
    beginGeldigheid: r.zaaktype_begin, eindeGeldigheid: null, beginObject: r.zaaktype_begin, eindeObject: r.zaaktype_begin,
  });

  /** `status` filter: alles | concept | definitief (default). */
  const statusFilter = (req: FastifyRequest, w: Where): void => {
    const s = q(req, 'status') ?? 'definitief';
    if (s === 'concept') w.add('zt.concept = 1');
    else if (s !== 'alles') w.add('zt.concept = 0');
  };
  /**
   * `datumGeldigheid`: the versions valid on that date, beginGeldigheid ≤ datum ≤ eindeGeldigheid
   * (open-zaak: src/openzaak/components/catalogi/api/filters.py, geldigheid_filter); on
   * statustypen and roltypen, the validity of their zaaktype.
   */
  const geldigheidFilter = (req: FastifyRequest, w: Where): void => {
    const datum = q(req, 'datumGeldigheid');
    if (datum === undefined) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(datum) || Number.isNaN(Date.parse(datum))) throw invalid('datumGeldigheid', 'invalid', 'Voer een geldige datum in.');
    w.add("zt.begin_geldigheid <= ? AND (json_extract(zt.data, '$.eindeGeldigheid') IS NULL OR json_extract(zt.data, '$.eindeGeldigheid') >= ?)", datum, datum);
  };
  const zaaktypeFilter = (req: FastifyRequest, w: Where): void => {
    geldigheidFilter(req, w);
    const z = q(req, 'zaaktype');
    if (z !== undefined) w.add('zt.uuid = ?', uuidFromUrl(req, z, `${P}/zaaktypen`) ?? '-');
    const zi = q(req, 'zaaktypeIdentificatie');
    if (zi !== undefined) w.add('zt.identificatie = ?', zi);
  };
  const detail = <R>(sql: string, render: (base: string, r: R) => unknown) => async (req: FastifyRequest<{ Params: { uuid: string } }>, reply: import('fastify').FastifyReply) => {
    const id = req.params.uuid;
    const row = UUID_RE.test(id) ? (stmt(db, sql).get(id.toLowerCase()) as R | undefined) : undefined;
    if (!row) throw notFound();
    return sendWithEtag(req, reply, api, render(baseUrl(req), row));
  };

  app.get('/catalogussen', async (req, reply) => {
    const w = new Where();
    const d = q(req, 'domein');
    if (d !== undefined) w.add('domein = ?', d);
    const r = q(req, 'rsin');
    if (r !== undefined) w.add('rsin = ?', r);
    const res = listQuery<CatalogusRow>(db, req, '*', 'FROM catalogus', w, 'ORDER BY id');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((x) => catalogus(baseUrl(req), x))));
  });
  app.get('/catalogussen/:uuid', detail<CatalogusRow>('SELECT * FROM catalogus WHERE uuid = ?', catalogus));

  app.get('/zaaktypen', async (req, reply) => {
    const w = new Where();
    statusFilter(req, w);
    const c = q(req, 'catalogus');
    if (c !== undefined) w.add('c.uuid = ?', uuidFromUrl(req, c, `${P}/catalogussen`) ?? '-');
    const i = q(req, 'identificatie');
    if (i !== undefined) w.add('zt.identificatie = ?', i);
    geldigheidFilter(req, w);
    const res = listQuery<ZaaktypeRow>(db, req, ZT_SELECT, ZT_FROM, w, 'ORDER BY zt.id');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((x) => zaaktype(baseUrl(req), x))));
  });
  app.get('/zaaktypen/:uuid', detail<ZaaktypeRow>(`SELECT ${ZT_SELECT} ${ZT_FROM} WHERE zt.uuid = ?`, zaaktype));

  app.get('/statustypen', async (req, reply) => {
    const w = new Where();
    statusFilter(req, w);
    zaaktypeFilter(req, w);
    const res = listQuery<StatustypeRow>(db, req, ST_SELECT, ST_FROM, w, 'ORDER BY zt.id, st.volgnummer');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((x) => statustype(baseUrl(req), x))));
  });
  app.get('/statustypen/:uuid', detail<StatustypeRow>(`SELECT ${ST_SELECT} ${ST_FROM} WHERE st.uuid = ?`, statustype));

  app.get('/roltypen', async (req, reply) => {
    const w = new Where();
    statusFilter(req, w);
    zaaktypeFilter(req, w);
    const og = q(req, 'omschrijvingGeneriek');
    if (og !== undefined) w.add('rt.omschrijving_generiek = ?', og);
    const res = listQuery<RoltypeRow>(db, req, RT_SELECT, RT_FROM, w, 'ORDER BY zt.id, rt.id');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((x) => roltype(baseUrl(req), x))));
  });
  app.get('/roltypen/:uuid', detail<RoltypeRow>(`SELECT ${RT_SELECT} ${RT_FROM} WHERE rt.uuid = ?`, roltype));
}
