/**
 * Documenten API 1.4 subset (enkelvoudiginformatieobjecten: list, detail with ETag, download)
 * and, on the Zaken side, zaakinformatieobjecten (list, not paginated, and detail), as Open
 * Zaak serves them. Read-only: the front office opens documents, it does not file them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { autorisatiesOf } from '../../server/auth';
import { API, type ApiDeps } from '../../server/context';
import { requireZaak, zaakVisible } from '../zaken/zaken';
import { Where, baseUrl, listQuery, notFound, paginated, q, sendJson, sendWithEtag, stmt, uuidFromUrl, UUID_RE } from '../../server/http';

export const DOCUMENTEN_API = { prefix: '/documenten/api/v1', version: '1.4.2' } as const;
const D = DOCUMENTEN_API.prefix;
const Z = API.zaken.prefix;
const C = API.catalogi.prefix;

interface IoRow {
  id: number; uuid: string; identificatie: string; bronorganisatie: string; creatiedatum: string; titel: string; vertrouwelijkheidaanduiding: string;
  auteur: string; status: string; formaat: string; taal: string; bestandsnaam: string; beschrijving: string; informatieobjecttype_uuid: string;
  begin_registratie: string; omvang: number;
}
const IO_SELECT = `i.id, i.uuid, i.identificatie, i.bronorganisatie, i.creatiedatum, i.titel, i.vertrouwelijkheidaanduiding, i.auteur, i.status, i.formaat,
  i.taal, i.bestandsnaam, i.beschrijving, i.informatieobjecttype_uuid, i.begin_registratie, length(i.inhoud) AS omvang`;

export const informatieobjectUrl = (base: string, uuid: string): string => `${base}${D}/enkelvoudiginformatieobjecten/${uuid}`;

function renderIo(base: string, r: IoRow): Record<string, unknown> {
  const url = informatieobjectUrl(base, r.uuid);
  return {
    url, identificatie: r.identificatie, bronorganisatie: r.bronorganisatie, creatiedatum: r.creatiedatum, titel: r.titel,
    vertrouwelijkheidaanduiding: r.vertrouwelijkheidaanduiding, auteur: r.auteur, status: r.status, formaat: r.formaat, taal: r.taal, versie: 1,
    beginRegistratie: r.begin_registratie, bestandsnaam: r.bestandsnaam, inhoud: `${url}/download?versie=1`, bestandsomvang: r.omvang,
    beschrijving: r.beschrijving, ontvangstdatum: null, verzenddatum: null, indicatieGebruiksrecht: false, verschijningsvorm: '', ondertekening: null,
    integriteit: null, informatieobjecttype: `${base}${C}/informatieobjecttypen/${r.informatieobjecttype_uuid}`, locked: false, bestandsdelen: [], trefwoorden: [],
  };
}

interface ZioRow { uuid: string; zaak_uuid: string; io_uuid: string; titel: string; beschrijving: string; aard_relatie: string; registratiedatum: string }
const ZIO_SELECT = `SELECT zio.uuid, z.uuid AS zaak_uuid, i.uuid AS io_uuid, zio.titel, zio.beschrijving, zio.aard_relatie, zio.registratiedatum
  FROM zaakinformatieobject zio CROSS JOIN zaak z ON z.id = zio.zaak_id CROSS JOIN informatieobject i ON i.id = zio.informatieobject_id`;

function renderZio(base: string, r: ZioRow): Record<string, unknown> {
  return {
    url: `${base}${Z}/zaakinformatieobjecten/${r.uuid}`, uuid: r.uuid, informatieobject: informatieobjectUrl(base, r.io_uuid), zaak: `${base}${Z}/zaken/${r.zaak_uuid}`,
    aardRelatieWeergave: r.aard_relatie, titel: r.titel, beschrijving: r.beschrijving, registratiedatum: r.registratiedatum, vernietigingsdatum: null, status: null,
  };
}

/** The Documenten API plugin (behind the same ZGW JWT as Zaken). */
export function registerDocumenten(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  app.get('/enkelvoudiginformatieobjecten', async (req, reply) => {
    const w = new Where();
    // EnkelvoudigInformatieObjectViewSet list: documenten.lezen; documents above the client's maximum
    // vertrouwelijkheid (or of other informatieobjecttypen) are left out (open-zaak: src/openzaak/utils/query.py).
    const auth = autorisatiesOf(req);
    auth.require('drc', ['documenten.lezen']);
    const visible = auth.visible('drc', 'documenten.lezen', 'i.informatieobjecttype_uuid', 'i.vertrouwelijkheidaanduiding');
    w.add(visible.sql, ...visible.params);
    for (const [param, col] of [['identificatie', 'i.identificatie'], ['bronorganisatie', 'i.bronorganisatie']] as const) {
      const v = q(req, param);
      if (v !== undefined) w.add(`${col} = ?`, v);
    }
    const res = listQuery<IoRow>(db, req, IO_SELECT, 'FROM informatieobject i', w, 'ORDER BY i.id', 'FROM informatieobject i');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderIo(baseUrl(req), r))));
  });
  // retrieve and download: 403 above the client's maximum vertrouwelijkheid (InformationObjectAuthRequired,
  // open-zaak: src/openzaak/components/documenten/api/permissions.py).
  const byUuid = (req: FastifyRequest<{ Params: { uuid: string } }>): IoRow => {
    const auth = autorisatiesOf(req);
    auth.require('drc', ['documenten.lezen']);
    const row = UUID_RE.test(req.params.uuid) ? (stmt(db, `SELECT ${IO_SELECT} FROM informatieobject i WHERE i.uuid = ?`).get(req.params.uuid.toLowerCase()) as IoRow | undefined) : undefined;
    if (!row) throw notFound();
    auth.requireFor('drc', ['documenten.lezen'], row.informatieobjecttype_uuid, row.vertrouwelijkheidaanduiding);
    return row;
  };
  app.get<{ Params: { uuid: string } }>('/enkelvoudiginformatieobjecten/:uuid', async (req, reply) => sendWithEtag(req, reply, api, renderIo(baseUrl(req), byUuid(req))));
  app.get<{ Params: { uuid: string } }>('/enkelvoudiginformatieobjecten/:uuid/download', async (req, reply: FastifyReply) => {
    const row = byUuid(req);
    const { inhoud } = stmt(db, 'SELECT inhoud FROM informatieobject WHERE id = ?').get(row.id) as { inhoud: Buffer };
    // Always octet-stream with attachment: a browser must never render it in our origin.
    return reply
      .code(200)
      .header('API-version', api.version)
      .header('Content-Disposition', `attachment; filename="${row.bestandsnaam.replace(/[^\w.-]/g, '_')}"`)
      .header('X-Content-Type-Options', 'nosniff')
      .type('application/octet-stream')
      .send(inhoud);
  });
}

/** zaakinformatieobjecten on the Zaken API (registered inside its plugin). */
export function registerZaakInformatieObjecten(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  app.get('/zaakinformatieobjecten', async (req, reply) => {
    const w = new Where();
    // ZaakInformatieObjectViewSet list: zaken.lezen, only links of zaken the client may read; the
    // document itself is checked when it is fetched from the Documenten API.
    const visible = zaakVisible(req, 'zv');
    w.add(`zio.zaak_id IN (SELECT zv.id FROM zaak zv WHERE ${visible.sql})`, ...visible.params);
    const zaak = q(req, 'zaak');
    if (zaak !== undefined) w.add('zio.zaak_id = (SELECT id FROM zaak WHERE uuid = ?)', uuidFromUrl(req, zaak, `${Z}/zaken`) ?? '-');
    const io = q(req, 'informatieobject');
    if (io !== undefined) w.add('zio.informatieobject_id = (SELECT id FROM informatieobject WHERE uuid = ?)', uuidFromUrl(req, io, `${D}/enkelvoudiginformatieobjecten`) ?? '-');
    const rows = stmt(db, `${ZIO_SELECT} ${w.sql()} ORDER BY zio.id`).all(...w.params) as ZioRow[];
    // Not paginated (Zaken API spec): a plain array.
    return sendJson(reply, api, 200, rows.map((r) => renderZio(baseUrl(req), r)));
  });
  app.get<{ Params: { uuid: string } }>('/zaakinformatieobjecten/:uuid', async (req, reply) => {
    autorisatiesOf(req).require('zrc', ['zaken.lezen']);
    const row = UUID_RE.test(req.params.uuid) ? (stmt(db, `${ZIO_SELECT} WHERE zio.uuid = ?`).get(req.params.uuid.toLowerCase()) as ZioRow | undefined) : undefined;
    if (!row) throw notFound();
    requireZaak(db, req, ['zaken.lezen'], stmt(db, 'SELECT zaaktype_id, vertrouwelijkheidaanduiding FROM zaak WHERE uuid = ?').get(row.zaak_uuid) as { zaaktype_id: number; vertrouwelijkheidaanduiding: string });
    return sendWithEtag(req, reply, api, renderZio(baseUrl(req), row));
  });
}
