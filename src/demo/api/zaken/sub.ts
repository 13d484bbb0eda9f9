import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isElfproef } from '../../seed/bsn';
import { API, identityOf, type ApiDeps } from '../../server/context';
import { ApiError, Where, baseUrl, invalid, listQuery, notFound, nowIso, paginated, q, sendJson, sendWithEtag, stmt, uuidFromUrl, UUID_RE, validationError } from '../../server/http';
import { dateTimeStr, parseBody, str, toIsoUtc, urlStr } from '../../server/validation';
import { ROL_FROM, ROL_SELECT, STATUS_FROM, STATUS_SELECT, renderRol, renderStatus, type RolRow, type StatusRow } from './render';
import { autorisatiesOf } from '../../server/auth';
import { allowsZaak, audit, requireZaak, zaakVisible } from './zaken';

const Z = API.zaken.prefix;
const C = API.catalogi.prefix;

const statusBody = z.object({
  zaak: urlStr(), statustype: urlStr(), datumStatusGezet: dateTimeStr, statustoelichting: str(1000).optional(), gezetdoor: urlStr().nullable().optional(),
});

const rolBase = z.object({
  zaak: urlStr(), betrokkene: urlStr().or(z.literal('')).optional(),
  betrokkeneType: z.enum(['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker']),
  afwijkendeNaamBetrokkene: str(625).optional(), roltype: urlStr(), roltoelichting: str(1000).optional(),
  indicatieMachtiging: z.enum(['', 'gemachtigde', 'machtiginggever']).optional(),
  contactpersoonRol: z.object({ emailadres: z.string().email().max(254).or(z.literal('')).optional(), functie: str(50).optional(), telefoonnummer: str(20).optional(), naam: z.string().min(1).max(200) }).nullable().optional(),
  betrokkeneIdentificatie: z.record(z.string(), z.unknown()).nullable().optional(),
});
const verblijfsadres = z.object({
  aoaIdentificatie: z.string().max(100), wplWoonplaatsNaam: z.string().max(80), gorOpenbareRuimteNaam: z.string().max(80), aoaPostcode: str(7).optional(),
  aoaHuisnummer: z.number().int(), aoaHuisletter: str(1).optional(), aoaHuisnummertoevoeging: str(4).optional(), inpLocatiebeschrijving: str(1000).optional(),
}).nullable().optional();
const bsnOrEmpty = z.string().refine((v) => v === '' || isElfproef(v), { message: 'Onjuist BSN-nummer: moet 9 cijfers bevatten en voldoen aan de 11-proef.', params: { code: 'invalid' } });
const identificatieSchemas = {
  natuurlijk_persoon: z.object({
    inpBsn: bsnOrEmpty.optional(), anpIdentificatie: str(17).optional(), inpA_nummer: z.string().regex(/^([1-9][0-9]{9})?$/).optional(), geslachtsnaam: str(200).optional(),
    voorvoegselGeslachtsnaam: str(80).optional(), voorletters: str(20).optional(), voornamen: str(200).optional(), geslachtsaanduiding: z.enum(['', 'm', 'v', 'o']).optional(),
    geboortedatum: str(18).optional(), verblijfsadres, subVerblijfBuitenland: z.unknown().optional(),
  }),
  niet_natuurlijk_persoon: z.object({
    innNnpId: z.string().refine((v) => v === '' || isElfproef(v), { message: 'Onjuist RSIN-nummer.', params: { code: 'invalid' } }).optional(), annIdentificatie: str(17).optional(),
    kvkNummer: z.string().regex(/^(\d{8})?$/, { message: 'Een KvK-nummer bestaat uit 8 cijfers.' }).optional(), vestigingsNummer: str(24).optional(), statutaireNaam: str(500).optional(),
    innRechtsvorm: z.string().optional(), bezoekadres: str(1000).optional(), verblijfsadres, subVerblijfBuitenland: z.unknown().optional(),
  }),
  vestiging: z.object({ vestigingsNummer: str(24).optional(), handelsnaam: z.array(str(625)).optional(), verblijfsadres, subVerblijfBuitenland: z.unknown().optional(), kvkNummer: str(8).optional() }),
  organisatorische_eenheid: z.object({ identificatie: str(255).optional(), naam: str(255).optional(), isGehuisvestIn: str(255).optional() }),
  medewerker: z.object({ identificatie: str(128).optional(), achternaam: str(200).optional(), voorletters: str(20).optional(), voorvoegselAchternaam: str(10).optional() }),
};

const STATUS_SCOPES = ['zaken.aanmaken', 'zaken.statussen.toevoegen', 'zaken.heropenen'];
const ROL_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'];

export function registerZaakSubresources(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  type ZaakRef = { id: number; zaaktype_id: number; status_id: number | null; vertrouwelijkheidaanduiding: string };
  const zaakId = (req: FastifyRequest, url: string): ZaakRef | undefined => {
    const uuid = uuidFromUrl(req, url, `${Z}/zaken`);
    return uuid ? (stmt(db, 'SELECT id, zaaktype_id, status_id, vertrouwelijkheidaanduiding FROM zaak WHERE uuid = ?').get(uuid) as ZaakRef | undefined) : undefined;
  };
  // StatusViewSet / RolViewSet retrieve: zaken.lezen for the zaak's zaaktype and vertrouwelijkheid (ZaakAuthRequired).
  const detail = <R extends { zaak_uuid: string }>(sql: string, render: (base: string, r: R) => unknown) => async (req: FastifyRequest<{ Params: { uuid: string } }>, reply: import('fastify').FastifyReply) => {
    autorisatiesOf(req).require('zrc', ['zaken.lezen']);
    const row = UUID_RE.test(req.params.uuid) ? (stmt(db, sql).get(req.params.uuid.toLowerCase()) as R | undefined) : undefined;
    if (!row) throw notFound();
    requireZaak(db, req, ['zaken.lezen'], stmt(db, 'SELECT zaaktype_id, vertrouwelijkheidaanduiding FROM zaak WHERE uuid = ?').get(row.zaak_uuid) as ZaakRef);
    return sendWithEtag(req, reply, api, render(baseUrl(req), row));
  };
  const zaakFilter = (req: FastifyRequest, w: Where, column: string): boolean => {
    // Lists hold only resources of zaken the client may read (open-zaak: src/openzaak/utils/query.py).
    const visible = zaakVisible(req, 'zv');
    w.add(`${column} IN (SELECT zv.id FROM zaak zv WHERE ${visible.sql})`, ...visible.params);
    const zaak = q(req, 'zaak');
    if (zaak !== undefined) w.add(`${column} = (SELECT id FROM zaak WHERE uuid = ?)`, uuidFromUrl(req, zaak, `${Z}/zaken`) ?? '-');
    return zaak !== undefined;
  };

  // ---- statussen ----
  app.get('/statussen', async (req, reply) => {
    const w = new Where();
    const perZaak = zaakFilter(req, w, 's.zaak_id');
    const st = q(req, 'statustype');
    if (st !== undefined) w.add('s.statustype_id = (SELECT id FROM statustype WHERE uuid = ?)', uuidFromUrl(req, st, `${C}/statustypen`) ?? '-');
    const last = q(req, 'indicatieLaatstGezetteStatus');
    if (last === 'true') w.add('s.id = (SELECT status_id FROM zaak WHERE id = s.zaak_id)');
    else if (last === 'false') w.add('s.id IS NOT (SELECT status_id FROM zaak WHERE id = s.zaak_id)');
    // per zaak newest first; across all zaken newest registered first (index order)
    const order = perZaak ? 'ORDER BY s.datum_status_gezet DESC, s.id DESC' : 'ORDER BY s.id DESC';
    const res = listQuery<StatusRow>(db, req, STATUS_SELECT, STATUS_FROM, w, order, 'FROM status s');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderStatus(baseUrl(req), r))));
  });
  const statusSql = `SELECT ${STATUS_SELECT} ${STATUS_FROM} WHERE s.uuid = ?`;
  app.get('/statussen/:uuid', detail<StatusRow>(statusSql, renderStatus));

  app.post('/statussen', async (req, reply) => {
    // StatusViewSet create: zaken.aanmaken | zaken.statussen.toevoegen | zaken.heropenen for the zaak.
    const auth = autorisatiesOf(req);
    auth.require('zrc', STATUS_SCOPES);
    const body = parseBody(statusBody, req.body);
    const zaak = zaakId(req, body.zaak);
    if (!zaak) throw invalid('zaak', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.');
    requireZaak(db, req, STATUS_SCOPES, zaak);
    // StatusViewSet.perform_create: with zaken.aanmaken alone, only the first status.
    if (zaak.status_id !== null && !allowsZaak(db, req, ['zaken.statussen.toevoegen', 'zaken.heropenen'], zaak)) {
      throw new ApiError(403, 'permission_denied', 'U heeft geen toestemming om deze actie uit te voeren.', "Met de 'zaken.aanmaken' scope mag je slechts 1 status zetten");
    }
    // Open Zaak's DateNotInFutureValidator (src/openzaak/components/zaken/api/validators.py): no
    // moment after the server's clock, TIME_LEEWAY 0 by default.
    if (Date.parse(body.datumStatusGezet) > Date.now()) throw invalid('datumStatusGezet', 'date-in-future', 'Deze datum mag niet in de toekomst zijn');
    const stUuid = uuidFromUrl(req, body.statustype, `${C}/statustypen`);
    const st = stUuid ? (stmt(db, `SELECT id, zaaktype_id, volgnummer, (SELECT max(volgnummer) FROM statustype x WHERE x.zaaktype_id = statustype.zaaktype_id) AS maxnr
      FROM statustype WHERE uuid = ?`).get(stUuid) as { id: number; zaaktype_id: number; volgnummer: number; maxnr: number } | undefined) : undefined;
    if (!st) throw invalid('statustype', 'bad-url', 'Ongeldige URL: het statustype bestaat niet.');
    if (st.zaaktype_id !== zaak.zaaktype_id) throw invalid('nonFieldErrors', 'zaaktype-mismatch', 'De referentie hoort niet bij het zaaktype van de zaak.');
    const datum = toIsoUtc(body.datumStatusGezet);
    const uuid = randomUUID();
    const who = identityOf(req);
    db.transaction(() => {
      const id = Number(stmt(db, `INSERT INTO status (uuid, zaak_id, statustype_id, datum_status_gezet, statustoelichting, gezetdoor, user_id, user_representation)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(uuid, zaak.id, st.id, datum, body.statustoelichting ?? '', body.gezetdoor ?? null, who?.userId ?? null, who?.userRepresentation ?? null).lastInsertRowid);
      const current = zaak.status_id ? (stmt(db, 'SELECT datum_status_gezet FROM status WHERE id = ?').get(zaak.status_id) as { datum_status_gezet: string } | undefined) : undefined;
      if (!current || datum >= current.datum_status_gezet) {
        const eind = st.volgnummer === st.maxnr ? datum.slice(0, 10) : null;
        stmt(db, 'UPDATE zaak SET status_id = ?, einddatum = ?, laatst_gemuteerd = ? WHERE id = ?').run(id, eind, nowIso(), zaak.id);
      }
      audit(deps, req, 'status', uuid, 'create');
    })();
    const row = stmt(db, statusSql).get(uuid) as StatusRow;
    return sendJson(reply, api, 201, renderStatus(baseUrl(req), row), { Location: `${baseUrl(req)}${Z}/statussen/${uuid}` });
  });

  // ---- rollen ----
  app.get('/rollen', async (req, reply) => {
    const w = new Where();
    zaakFilter(req, w, 'r.zaak_id');
    const filters: [string, string][] = [
      ['betrokkeneIdentificatie__natuurlijkPersoon__inpBsn', 'r.inp_bsn'], ['betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer', 'r.kvk_nummer'],
      ['betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer', 'r.vestigings_nummer'], ['betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId', 'r.inn_nnp_id'],
      ['betrokkeneIdentificatie__medewerker__identificatie', 'r.medewerker_identificatie'], ['betrokkeneType', 'r.betrokkene_type'],
      ['omschrijvingGeneriek', 'r.omschrijving_generiek'], ['betrokkene', 'r.betrokkene'],
    ];
    for (const [param, col] of filters) {
      const v = q(req, param);
      if (v !== undefined) w.add(`${col} = ?`, v);
    }
    const rt = q(req, 'roltype');
    if (rt !== undefined) w.add('r.roltype_id = (SELECT id FROM roltype WHERE uuid = ?)', uuidFromUrl(req, rt, `${C}/roltypen`) ?? '-');
    const res = listQuery<RolRow>(db, req, ROL_SELECT, ROL_FROM, w, 'ORDER BY r.id', 'FROM rol r');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderRol(baseUrl(req), r))));
  });
  const rolSql = `SELECT ${ROL_SELECT} ${ROL_FROM} WHERE r.uuid = ?`;
  app.get('/rollen/:uuid', detail<RolRow>(rolSql, renderRol));

  app.post('/rollen', async (req, reply) => {
    // RolViewSet create: zaken.bijwerken | zaken.geforceerd-bijwerken; zaken.aanmaken is not enough.
    autorisatiesOf(req).require('zrc', ROL_SCOPES);
    const body = parseBody(rolBase, req.body);
    const ident = body.betrokkeneIdentificatie
      ? parseBody(z.object({ betrokkeneIdentificatie: identificatieSchemas[body.betrokkeneType] }), { betrokkeneIdentificatie: body.betrokkeneIdentificatie }).betrokkeneIdentificatie
      : null;
    if (!body.betrokkene && !ident) {
      throw validationError([{ name: 'nonFieldErrors', code: 'invalid-betrokkene', reason: 'betrokkene of betrokkeneIdentificatie moet gezet worden.' }]);
    }
    const zaak = zaakId(req, body.zaak);
    if (!zaak) throw invalid('zaak', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.');
    requireZaak(db, req, ROL_SCOPES, zaak);
    const rtUuid = uuidFromUrl(req, body.roltype, `${C}/roltypen`);
    const rt = rtUuid ? (stmt(db, 'SELECT id, zaaktype_id, omschrijving_generiek FROM roltype WHERE uuid = ?').get(rtUuid) as { id: number; zaaktype_id: number; omschrijving_generiek: string } | undefined) : undefined;
    if (!rt) throw invalid('roltype', 'bad-url', 'Ongeldige URL: het roltype bestaat niet.');
    if (rt.zaaktype_id !== zaak.zaaktype_id) throw invalid('nonFieldErrors', 'zaaktype-mismatch', 'De referentie hoort niet bij het zaaktype van de zaak.');
    const i = (ident ?? {}) as Record<string, unknown>;
    const s = (k: string): string | null => (typeof i[k] === 'string' && i[k] !== '' ? (i[k] as string) : null);
    const uuid = randomUUID();
    const who = identityOf(req);
    stmt(db, `INSERT INTO rol (uuid, zaak_id, roltype_id, betrokkene_type, betrokkene, afwijkende_naam, roltoelichting, registratiedatum, indicatie_machtiging, contactpersoon,
      identificatie, omschrijving_generiek, inp_bsn, kvk_nummer, vestigings_nummer, inn_nnp_id, medewerker_identificatie, user_id, user_representation)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      uuid, zaak.id, rt.id, body.betrokkeneType, body.betrokkene ?? '', body.afwijkendeNaamBetrokkene ?? '', body.roltoelichting ?? '', nowIso(),
      body.indicatieMachtiging ?? '', body.contactpersoonRol ? JSON.stringify(body.contactpersoonRol) : null, JSON.stringify(i), rt.omschrijving_generiek,
      body.betrokkeneType === 'natuurlijk_persoon' ? s('inpBsn') : null, body.betrokkeneType === 'niet_natuurlijk_persoon' ? s('kvkNummer') : null,
      body.betrokkeneType === 'niet_natuurlijk_persoon' ? s('vestigingsNummer') : null, body.betrokkeneType === 'niet_natuurlijk_persoon' ? s('innNnpId') : null,
      body.betrokkeneType === 'medewerker' ? s('identificatie') : null, who?.userId ?? null, who?.userRepresentation ?? null);
    stmt(db, 'UPDATE zaak SET laatst_gemuteerd = ? WHERE id = ?').run(nowIso(), zaak.id);
    audit(deps, req, 'rol', uuid, 'create');
    const row = stmt(db, rolSql).get(uuid) as RolRow;
    return sendJson(reply, api, 201, renderRol(baseUrl(req), row), { Location: `${baseUrl(req)}${Z}/rollen/${uuid}` });
  });
}
