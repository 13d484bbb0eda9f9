import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import type { ApiDeps } from '../../server/context';
import { Where, baseUrl, invalid, listQuery, notFound, nowIso, paginated, q, sendJson, stmt, UUID_RE } from '../../server/http';
import { dateTimeStr, fkRef, parseBody, reqStr, str, toIsoUtc } from '../../server/validation';
import { boolFilter, detailHandler, eqFilter, nextNummer, refId, telefoonReden, uuidFilter } from './common';
import { TAAK_FROM, TAAK_SELECT, ref, renderActor, renderTaken, type ActorRow, type TaakRow } from './render';

// Medewerker.telefoonnummer is required and checked (open-klant: models/actoren.py, utils/validators.py).
const phone = z.string().max(20).superRefine((v, ctx) => {
  const reden = telefoonReden(v);
  if (reden) ctx.addIssue({ code: 'custom', message: reden });
});
const identificator = z.object({ objectId: str(200).optional(), codeObjecttype: str(200).optional(), codeRegister: str(200).optional(), codeSoortObjectId: str(200).optional() });
const actorBody = z.object({
  naam: reqStr(200), soortActor: z.enum(['medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid']), indicatieActief: z.boolean().optional(),
  actoridentificator: identificator.nullable().optional(), actorIdentificatie: z.record(z.string(), z.unknown()).optional(),
});
const actorIdentificatie = {
  medewerker: z.object({ functie: str(40), emailadres: z.string().email().max(254).or(z.literal('')).optional(), telefoonnummer: phone }),
  organisatorische_eenheid: z.object({ omschrijving: str(200).optional(), emailadres: z.string().email().max(254).or(z.literal('')).optional(), faxnummer: str(20).optional(), telefoonnummer: phone.or(z.literal('')).optional() }),
  geautomatiseerde_actor: z.object({ functie: str(40).optional(), omschrijving: str(200).optional() }),
};
const akcBody = z.object({ actor: fkRef, klantcontact: fkRef });
const taakFields = {
  nummer: str(10).nullable().optional(), referentienummer: str(10).nullable().optional(), gevraagdeHandeling: reqStr(200), aanleidinggevendKlantcontact: fkRef,
  toegewezenAanActor: fkRef.optional(), toegewezenAanActoren: z.array(fkRef).optional(), toelichting: str(1000).optional(),
  status: z.enum(['te_verwerken', 'verwerkt']), afgehandeldOp: dateTimeStr.nullable().optional(),
};
const taakBody = z.object(taakFields);
const taakPatch = z.object(taakFields).partial();

const TAAK_SQL = `SELECT ${TAAK_SELECT} ${TAAK_FROM} WHERE t.uuid = ?`;

function setActors(db: Db, taakId: number, b: { toegewezenAanActor?: { uuid: string } | undefined; toegewezenAanActoren?: { uuid: string }[] | undefined }): void {
  const refs = b.toegewezenAanActoren ?? (b.toegewezenAanActor ? [b.toegewezenAanActor] : []);
  const name = b.toegewezenAanActoren ? 'toegewezenAanActoren' : 'toegewezenAanActor';
  if (!refs.length) throw invalid(name, 'required', 'Er moet minstens één actor toegewezen worden.');
  const ids = refs.map((r, i) => refId(db, 'actor', r, b.toegewezenAanActoren ? `toegewezenAanActoren.${i}.uuid` : 'toegewezenAanActor')!);
  stmt(db, 'DELETE FROM internetaak_actor WHERE internetaak_id = ?').run(taakId);
  ids.forEach((a, pos) => stmt(db, 'INSERT INTO internetaak_actor (internetaak_id, actor_id, pos) VALUES (?, ?, ?)').run(taakId, a, pos));
}

export function registerTaken(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  const K = api.prefix;

  // ---- actoren ----
  app.get('/actoren', async (req, reply) => {
    const w = new Where();
    for (const [name, col] of [['ObjectId', 'object_id'], ['CodeObjecttype', 'code_objecttype'], ['CodeRegister', 'code_register'], ['CodeSoortObjectId', 'code_soort_object_id']] as const) {
      eqFilter(req, w, `actoridentificator${name}`, col);
      eqFilter(req, w, `actoridentificator__${name[0]!.toLowerCase()}${name.slice(1)}`, col);
    }
    eqFilter(req, w, 'naam', 'naam');
    eqFilter(req, w, 'soortActor', 'soort_actor');
    boolFilter(req, w, 'indicatieActief', 'indicatie_actief');
    const res = listQuery<ActorRow>(db, req, '*', 'FROM actor', w, 'ORDER BY id');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderActor(baseUrl(req), r))));
  });
  app.get('/actoren/:uuid', detailHandler<ActorRow>(deps, 'SELECT * FROM actor WHERE uuid = ?', (_req, base, r) => renderActor(base, r)));
  app.post('/actoren', async (req, reply) => {
    const b = parseBody(actorBody, req.body);
    const ai = b.actorIdentificatie ? parseBody(z.object({ actorIdentificatie: actorIdentificatie[b.soortActor] }), { actorIdentificatie: b.actorIdentificatie }).actorIdentificatie : null;
    const i = b.actoridentificator;
    const uuid = randomUUID();
    stmt(db, `INSERT INTO actor (uuid, naam, soort_actor, indicatie_actief, code_objecttype, code_register, code_soort_object_id, object_id, actor_identificatie) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      uuid, b.naam, b.soortActor, b.indicatieActief === false ? 0 : 1, i ? (i.codeObjecttype ?? '') : null, i ? (i.codeRegister ?? '') : null,
      i ? (i.codeSoortObjectId ?? '') : null, i ? (i.objectId ?? '') : null, ai ? JSON.stringify(ai) : null);
    return sendJson(reply, api, 201, renderActor(baseUrl(req), stmt(db, 'SELECT * FROM actor WHERE uuid = ?').get(uuid) as ActorRow), { Location: `${baseUrl(req)}${K}/actoren/${uuid}` });
  });

  // ---- actorklantcontacten ----
  type AkcRow = { uuid: string; actor_uuid: string; kc_uuid: string };
  const AKC = 'SELECT ak.uuid, a.uuid AS actor_uuid, k.uuid AS kc_uuid FROM actorklantcontact ak CROSS JOIN actor a ON a.id = ak.actor_id CROSS JOIN klantcontact k ON k.id = ak.klantcontact_id';
  const renderAkc = (base: string, r: AkcRow) => ({ uuid: r.uuid, url: `${base}${K}/actorklantcontacten/${r.uuid}`, actor: ref(base, 'actoren', r.actor_uuid), klantcontact: ref(base, 'klantcontacten', r.kc_uuid) });
  app.get('/actorklantcontacten', async (req, reply) => {
    const w = new Where();
    uuidFilter(req, w, 'actor__uuid', 'ak.actor_id', 'actor');
    uuidFilter(req, w, 'klantcontact__uuid', 'ak.klantcontact_id', 'klantcontact');
    const res = listQuery<AkcRow>(db, req, 'ak.uuid, a.uuid AS actor_uuid, k.uuid AS kc_uuid', 'FROM actorklantcontact ak CROSS JOIN actor a ON a.id = ak.actor_id CROSS JOIN klantcontact k ON k.id = ak.klantcontact_id', w, 'ORDER BY ak.id', 'FROM actorklantcontact ak');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderAkc(baseUrl(req), r))));
  });
  app.get('/actorklantcontacten/:uuid', detailHandler<AkcRow>(deps, `${AKC} WHERE ak.uuid = ?`, (_req, base, r) => renderAkc(base, r)));
  app.post('/actorklantcontacten', async (req, reply) => {
    const b = parseBody(akcBody, req.body);
    const actor = refId(db, 'actor', b.actor, 'actor');
    const kc = refId(db, 'klantcontact', b.klantcontact, 'klantcontact');
    const uuid = randomUUID();
    stmt(db, 'INSERT INTO actorklantcontact (uuid, actor_id, klantcontact_id) VALUES (?, ?, ?)').run(uuid, actor, kc);
    return sendJson(reply, api, 201, renderAkc(baseUrl(req), stmt(db, `${AKC} WHERE ak.uuid = ?`).get(uuid) as AkcRow), { Location: `${baseUrl(req)}${K}/actorklantcontacten/${uuid}` });
  });

  // ---- internetaken ----
  app.get('/internetaken', async (req, reply) => {
    const w = new Where();
    eqFilter(req, w, 'status', 't.status');
    eqFilter(req, w, 'nummer', 't.nummer');
    eqFilter(req, w, 'referentienummer', 't.referentienummer');
    const actor = q(req, 'toegewezenAanActor__uuid');
    if (actor !== undefined) w.add('t.id IN (SELECT internetaak_id FROM internetaak_actor WHERE actor_id = (SELECT id FROM actor WHERE uuid = ?))', actor.toLowerCase());
    const naam = q(req, 'actoren__naam');
    if (naam !== undefined) w.add('t.id IN (SELECT ia.internetaak_id FROM internetaak_actor ia CROSS JOIN actor a ON a.id = ia.actor_id WHERE a.naam = ?)', naam);
    uuidFilter(req, w, 'aanleidinggevendKlantcontact__uuid', 't.klantcontact_id', 'klantcontact');
    uuidFilter(req, w, 'klantcontact__uuid', 't.klantcontact_id', 'klantcontact');
    const res = listQuery<TaakRow>(db, req, TAAK_SELECT, TAAK_FROM, w, 'ORDER BY t.id DESC', 'FROM internetaak t');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, renderTaken(db, baseUrl(req), res.rows)));
  });
  app.get('/internetaken/:uuid', detailHandler<TaakRow>(deps, TAAK_SQL, (_req, base, r) => renderTaken(db, base, [r])[0]));
  app.post('/internetaken', async (req, reply) => {
    const b = parseBody(taakBody, req.body);
    const uuid = randomUUID();
    db.transaction(() => {
      const kc = refId(db, 'klantcontact', b.aanleidinggevendKlantcontact, 'aanleidinggevendKlantcontact');
      const afgehandeld = b.afgehandeldOp ? toIsoUtc(b.afgehandeldOp) : b.status === 'verwerkt' ? nowIso() : null;
      const id = Number(stmt(db, `INSERT INTO internetaak (uuid, nummer, referentienummer, gevraagde_handeling, klantcontact_id, toelichting, status, toegewezen_op, afgehandeld_op)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(uuid, b.nummer ?? nextNummer(db, 'internetaak'), b.referentienummer ?? null, b.gevraagdeHandeling, kc, b.toelichting ?? '', b.status, nowIso(), afgehandeld).lastInsertRowid);
      setActors(db, id, b);
    })();
    return sendJson(reply, api, 201, renderTaken(db, baseUrl(req), [stmt(db, TAAK_SQL).get(uuid) as TaakRow])[0], { Location: `${baseUrl(req)}${K}/internetaken/${uuid}` });
  });
  app.patch<{ Params: { uuid: string } }>('/internetaken/:uuid', async (req, reply) => {
    const row = UUID_RE.test(req.params.uuid) ? (stmt(db, TAAK_SQL).get(req.params.uuid.toLowerCase()) as TaakRow | undefined) : undefined;
    if (!row) throw notFound();
    const b = parseBody(taakPatch, req.body);
    db.transaction(() => {
      const kc = b.aanleidinggevendKlantcontact ? refId(db, 'klantcontact', b.aanleidinggevendKlantcontact, 'aanleidinggevendKlantcontact') : null;
      const status = b.status ?? row.status;
      let afgehandeld = b.afgehandeldOp !== undefined ? (b.afgehandeldOp ? toIsoUtc(b.afgehandeldOp) : null) : row.afgehandeld_op;
      if (status === 'verwerkt' && !afgehandeld) afgehandeld = nowIso();
      if (status === 'te_verwerken' && b.status === 'te_verwerken' && b.afgehandeldOp === undefined) afgehandeld = null;
      stmt(db, `UPDATE internetaak SET nummer = ?, referentienummer = ?, gevraagde_handeling = ?, klantcontact_id = coalesce(?, klantcontact_id), toelichting = ?, status = ?, afgehandeld_op = ? WHERE id = ?`).run(
        b.nummer !== undefined ? b.nummer : row.nummer, b.referentienummer !== undefined ? b.referentienummer : row.referentienummer, b.gevraagdeHandeling ?? row.gevraagde_handeling,
        kc, b.toelichting ?? row.toelichting, status, afgehandeld, row.id);
      if (b.toegewezenAanActoren || b.toegewezenAanActor) setActors(db, row.id, b);
    })();
    return sendJson(reply, api, 200, renderTaken(db, baseUrl(req), [stmt(db, TAAK_SQL).get(row.uuid) as TaakRow])[0]);
  });
}
