import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import type { ApiDeps } from '../../server/context';
import { Where, baseUrl, expandOf, listQuery, nowIso, paginated, q, sendJson, stmt } from '../../server/http';
import { adresSchema, contactnaamSchema, dateTimeStr, fkRef, parseBody, reqStr, str, toIsoUtc } from '../../server/validation';
import { boolFilter, detailHandler, eqFilter, nextNummer, refId, uuidFilter } from './common';
import { BT_FROM, BT_SELECT, OO_FROM, OO_SELECT, renderBetrokkenen, renderKlantcontacten, renderOo, type BetrokkeneRow, type KcRow, type OoRow } from './render';

const kcBody = z.object({
  nummer: str(10).nullable().optional(), referentienummer: str(10).nullable().optional(), kanaal: reqStr(50), onderwerp: reqStr(200), inhoud: str(1000).optional(),
  reactie: str(4000).optional(), indicatieContactGelukt: z.boolean().nullable().optional(), hoofdOnderwerpType: z.string().max(200).url({ message: 'Voer een geldige URL in.' }).or(z.literal('')).optional(),
  verdereActieOndernomen: z.boolean().optional(), taal: reqStr(3), vertrouwelijk: z.boolean(), plaatsgevondenOp: dateTimeStr.optional(),
  // Values are strings of at most 255 characters in 2.18 (open-klant: api/serializers/klantcontacten.py, models/validators.py validate_metadata).
  metadata: z.record(z.string(), z.string().max(255)).optional(),
});
const btBody = z.object({
  wasPartij: fkRef.nullable().optional(), hadKlantcontact: fkRef, bezoekadres: adresSchema.nullable().optional(), correspondentieadres: adresSchema.nullable().optional(),
  contactnaam: contactnaamSchema.nullable().optional(), rol: z.enum(['vertegenwoordiger', 'klant']), organisatienaam: str(200).optional(), initiator: z.boolean(),
});
const ooBody = z.object({
  klantcontact: fkRef.nullable().optional(), wasKlantcontact: fkRef.nullable().optional(),
  onderwerpobjectidentificator: z.object({ objectId: str(200).optional(), codeObjecttype: str(200).optional(), codeRegister: str(200).optional(), codeSoortObjectId: str(200).optional() }).nullable().optional(),
});
const maakBody = z.object({ klantcontact: kcBody, betrokkene: btBody.omit({ hadKlantcontact: true }).optional(), onderwerpobject: ooBody.omit({ klantcontact: true }).optional() });

const KC_SQL = 'SELECT * FROM klantcontact WHERE uuid = ?';
const BT_SQL = `SELECT ${BT_SELECT} ${BT_FROM} WHERE b.uuid = ?`;
const OO_SQL = `SELECT ${OO_SELECT} ${OO_FROM} WHERE o.uuid = ?`;

function insertKlantcontact(db: Db, b: z.infer<typeof kcBody>): { id: number; uuid: string } {
  const uuid = randomUUID();
  const id = Number(stmt(db, `INSERT INTO klantcontact (uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, reactie, indicatie_contact_gelukt, hoofd_onderwerp_type,
    verdere_actie_ondernomen, taal, vertrouwelijk, plaatsgevonden_op, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    uuid, b.nummer ?? nextNummer(db, 'klantcontact'), b.referentienummer ?? null, b.kanaal, b.onderwerp, b.inhoud ?? '', b.reactie ?? '',
    b.indicatieContactGelukt === undefined || b.indicatieContactGelukt === null ? null : b.indicatieContactGelukt ? 1 : 0, b.hoofdOnderwerpType || null,
    b.verdereActieOndernomen ? 1 : 0, b.taal, b.vertrouwelijk ? 1 : 0, b.plaatsgevondenOp ? toIsoUtc(b.plaatsgevondenOp) : nowIso(), JSON.stringify(b.metadata ?? {})).lastInsertRowid);
  return { id, uuid };
}

function insertBetrokkene(db: Db, kcId: number, b: Omit<z.infer<typeof btBody>, 'hadKlantcontact'>, prefix: string): string {
  const partij = refId(db, 'partij', b.wasPartij, `${prefix}wasPartij`);
  const uuid = randomUUID();
  stmt(db, `INSERT INTO betrokkene (uuid, klantcontact_id, partij_id, rol, initiator, organisatienaam, contactnaam, bezoekadres, correspondentieadres) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    uuid, kcId, partij, b.rol, b.initiator ? 1 : 0, b.organisatienaam ?? '', b.contactnaam ? JSON.stringify(b.contactnaam) : null,
    b.bezoekadres ? JSON.stringify(b.bezoekadres) : null, b.correspondentieadres ? JSON.stringify(b.correspondentieadres) : null);
  return uuid;
}

function insertOnderwerpobject(db: Db, kcId: number | null, b: Omit<z.infer<typeof ooBody>, 'klantcontact'>, prefix: string): string {
  const was = refId(db, 'klantcontact', b.wasKlantcontact, `${prefix}wasKlantcontact`);
  const i = b.onderwerpobjectidentificator;
  const uuid = randomUUID();
  stmt(db, `INSERT INTO onderwerpobject (uuid, klantcontact_id, was_klantcontact_id, code_objecttype, code_register, code_soort_object_id, object_id) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    uuid, kcId, was, i ? (i.codeObjecttype ?? '') : null, i ? (i.codeRegister ?? '') : null, i ? (i.codeSoortObjectId ?? '') : null, i ? (i.objectId ?? '') : null);
  return uuid;
}

export function registerKlantcontacten(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  const K = api.prefix;
  const renderKc = (req: FastifyRequest, uuid: string, expand = new Set<string>()) =>
    renderKlantcontacten(db, baseUrl(req), [stmt(db, KC_SQL).get(uuid) as KcRow], expand)[0];

  app.get('/klantcontacten', async (req, reply) => {
    const w = new Where();
    const bw = new Where();
    uuidFilter(req, bw, 'hadBetrokkene__wasPartij__uuid', 'partij_id', 'partij');
    const bu = q(req, 'hadBetrokkene__uuid');
    if (bu !== undefined) bw.add('uuid = ?', bu.toLowerCase());
    if (bw.clauses.length) w.add(`k.id IN (SELECT klantcontact_id FROM betrokkene ${bw.sql()})`, ...bw.params);
    const ow = new Where();
    for (const [param, col] of [['onderwerpobject__onderwerpobjectidentificatorObjectId', 'object_id'], ['onderwerpobject__onderwerpobjectidentificatorCodeObjecttype', 'code_objecttype'],
      ['onderwerpobject__onderwerpobjectidentificatorCodeRegister', 'code_register'], ['onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId', 'code_soort_object_id'],
      ['onderwerpobject__uuid', 'uuid']] as const) eqFilter(req, ow, param, col);
    if (ow.clauses.length) w.add(`k.id IN (SELECT klantcontact_id FROM onderwerpobject ${ow.sql()})`, ...ow.params);
    for (const [param, col] of [['kanaal', 'k.kanaal'], ['onderwerp', 'k.onderwerp'], ['nummer', 'k.nummer'], ['referentienummer', 'k.referentienummer']] as const) eqFilter(req, w, param, col);
    const when = q(req, 'plaatsgevondenOp');
    if (when !== undefined) w.add('k.plaatsgevonden_op = ?', Number.isNaN(Date.parse(when)) ? when : toIsoUtc(when));
    boolFilter(req, w, 'vertrouwelijk', 'k.vertrouwelijk');
    boolFilter(req, w, 'indicatieContactGelukt', 'k.indicatie_contact_gelukt');
    // With a selective subquery filter, sort the few matches instead of walking the time index.
    const selective = bw.clauses.length > 0 || ow.clauses.length > 0;
    const res = listQuery<KcRow>(db, req, 'k.*', 'FROM klantcontact k', w, selective ? 'ORDER BY +k.plaatsgevonden_op DESC, +k.id DESC' : 'ORDER BY k.plaatsgevonden_op DESC, k.id DESC');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, renderKlantcontacten(db, baseUrl(req), res.rows, expandOf(req))));
  });
  app.get('/klantcontacten/:uuid', detailHandler<KcRow>(deps, KC_SQL, (req, base, r) => renderKlantcontacten(db, base, [r], expandOf(req))[0]));
  app.post('/klantcontacten', async (req, reply) => {
    const b = parseBody(kcBody, req.body);
    const { uuid } = insertKlantcontact(db, b);
    return sendJson(reply, api, 201, renderKc(req, uuid), { Location: `${baseUrl(req)}${K}/klantcontacten/${uuid}` });
  });

  app.post('/maak-klantcontact', async (req, reply) => {
    const b = parseBody(maakBody, req.body);
    const out = db.transaction(() => {
      const kc = insertKlantcontact(db, b.klantcontact);
      const bt = b.betrokkene ? insertBetrokkene(db, kc.id, b.betrokkene, 'betrokkene.') : null;
      const oo = b.onderwerpobject ? insertOnderwerpobject(db, kc.id, b.onderwerpobject, 'onderwerpobject.') : null;
      return { kc: kc.uuid, bt, oo };
    })();
    const base = baseUrl(req);
    return sendJson(reply, api, 201, {
      klantcontact: renderKc(req, out.kc),
      ...(out.bt ? { betrokkene: renderBetrokkenen(db, base, [stmt(db, BT_SQL).get(out.bt) as BetrokkeneRow], false)[0] } : {}),
      ...(out.oo ? { onderwerpobject: renderOo(base, stmt(db, OO_SQL).get(out.oo) as OoRow) } : {}),
    });
  });

  // ---- betrokkenen ----
  app.get('/betrokkenen', async (req, reply) => {
    const w = new Where();
    uuidFilter(req, w, 'hadKlantcontact__uuid', 'b.klantcontact_id', 'klantcontact');
    uuidFilter(req, w, 'wasPartij__uuid', 'b.partij_id', 'partij');
    eqFilter(req, w, 'organisatienaam', 'b.organisatienaam');
    const res = listQuery<BetrokkeneRow>(db, req, BT_SELECT, BT_FROM, w, 'ORDER BY b.id', 'FROM betrokkene b');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, renderBetrokkenen(db, baseUrl(req), res.rows, expandOf(req).has('digitaleAdressen'))));
  });
  app.get('/betrokkenen/:uuid', detailHandler<BetrokkeneRow>(deps, BT_SQL, (req, base, r) => renderBetrokkenen(db, base, [r], expandOf(req).has('digitaleAdressen'))[0]));
  app.post('/betrokkenen', async (req, reply) => {
    const b = parseBody(btBody, req.body);
    const uuid = db.transaction(() => insertBetrokkene(db, refId(db, 'klantcontact', b.hadKlantcontact, 'hadKlantcontact')!, b, ''))();
    return sendJson(reply, api, 201, renderBetrokkenen(db, baseUrl(req), [stmt(db, BT_SQL).get(uuid) as BetrokkeneRow], false)[0], { Location: `${baseUrl(req)}${K}/betrokkenen/${uuid}` });
  });

  // ---- onderwerpobjecten ----
  app.get('/onderwerpobjecten', async (req, reply) => {
    const w = new Where();
    uuidFilter(req, w, 'klantcontact__uuid', 'o.klantcontact_id', 'klantcontact');
    uuidFilter(req, w, 'wasKlantcontact__uuid', 'o.was_klantcontact_id', 'klantcontact');
    for (const [param, col] of [['onderwerpobjectidentificatorObjectId', 'o.object_id'], ['onderwerpobjectidentificatorCodeObjecttype', 'o.code_objecttype'],
      ['onderwerpobjectidentificatorCodeRegister', 'o.code_register'], ['onderwerpobjectidentificatorCodeSoortObjectId', 'o.code_soort_object_id']] as const) eqFilter(req, w, param, col);
    const res = listQuery<OoRow>(db, req, OO_SELECT, OO_FROM, w, 'ORDER BY o.id', 'FROM onderwerpobject o');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderOo(baseUrl(req), r))));
  });
  app.get('/onderwerpobjecten/:uuid', detailHandler<OoRow>(deps, OO_SQL, (_req, base, r) => renderOo(base, r)));
  app.post('/onderwerpobjecten', async (req, reply) => {
    const b = parseBody(ooBody, req.body);
    const uuid = db.transaction(() => insertOnderwerpobject(db, refId(db, 'klantcontact', b.klantcontact, 'klantcontact'), b, ''))();
    return sendJson(reply, api, 201, renderOo(baseUrl(req), stmt(db, OO_SQL).get(uuid) as OoRow), { Location: `${baseUrl(req)}${K}/onderwerpobjecten/${uuid}` });
  });
}
