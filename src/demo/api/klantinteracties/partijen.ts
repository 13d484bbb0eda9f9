import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { isElfproef } from '../../seed/bsn';
import type { ApiDeps } from '../../server/context';
import { Where, baseUrl, expandOf, invalid, listQuery, paginated, sendJson, stmt, type InvalidParam, validationError } from '../../server/http';
import { adresSchema, contactnaamSchema, dateStr, fkRef, parseBody, reqStr, str } from '../../server/validation';
import { boolFilter, checkTelefoon, containsFilter, detailHandler, eqFilter, nextNummer, refId, uuidFilter } from './common';
import { DA_FROM, DA_SELECT, IDENT_FROM, IDENT_SELECT, PARTIJ_FROM, PARTIJ_SELECT, renderDa, renderIdent, renderPartijen, type DaRow, type IdentRow, type PartijRow } from './render';

const identificatorGroep = z.object({
  codeObjecttype: z.enum(['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging']), codeSoortObjectId: z.enum(['bsn', 'vestigingsnummer', 'kvk_nummer', 'rsin']),
  objectId: reqStr(200), codeRegister: z.enum(['brp', 'hr']),
});
const identBody = z.object({
  identificeerdePartij: fkRef.nullable().optional(), anderePartijIdentificator: str(200).optional(), partijIdentificator: identificatorGroep, subIdentificatorVan: fkRef.nullable().optional(),
});
const partijBody = z.object({
  nummer: str(10).nullable().optional(), interneNotitie: str(1000).optional(), digitaleAdressen: z.array(fkRef).nullable().optional(), voorkeursDigitaalAdres: fkRef.nullable().optional(),
  rekeningnummers: z.array(fkRef).nullable().optional(), voorkeursRekeningnummer: fkRef.nullable().optional(), partijIdentificatoren: z.array(identBody.omit({ identificeerdePartij: true })).nullable().optional(),
  soortPartij: z.enum(['persoon', 'organisatie', 'contactpersoon']), indicatieGeheimhouding: z.boolean().nullable().optional(), voorkeurstaal: str(3).optional(),
  indicatieActief: z.boolean(), bezoekadres: adresSchema.nullable().optional(), correspondentieadres: adresSchema.nullable().optional(),
  partijIdentificatie: z.object({ contactnaam: contactnaamSchema.nullable().optional(), naam: str(200).optional(), werkteVoorPartij: fkRef.optional() }),
});
const daBody = z.object({
  verstrektDoorBetrokkene: fkRef.nullable().optional(), verstrektDoorPartij: fkRef.nullable().optional(), adres: reqStr(80),
  soortDigitaalAdres: z.enum(['email', 'telefoonnummer', 'overig']), isStandaardAdres: z.boolean().optional(), omschrijving: str(40).optional(),
  referentie: z.string().max(50).regex(/^[-a-zA-Z0-9_]*$/, { message: 'Alleen letters, cijfers, - en _ zijn toegestaan.' }).optional(), verificatieDatum: dateStr.nullable().optional(),
});

const ALLOWED: Record<string, [string, string[]]> = { bsn: ['brp', ['natuurlijk_persoon']], kvk_nummer: ['hr', ['niet_natuurlijk_persoon']], rsin: ['hr', ['niet_natuurlijk_persoon']], vestigingsnummer: ['hr', ['vestiging']] };

/** Open Klant's PartijIdentificator rules: allowed combinations, 11-proef, fixed lengths, global uniqueness. */
function checkIdentificator(db: Db, g: z.infer<typeof identificatorGroep>, prefix: string, hasSub: boolean): void {
  const errs: InvalidParam[] = [];
  const [register, types] = ALLOWED[g.codeSoortObjectId]!;
  if (g.codeRegister !== register || !types.includes(g.codeObjecttype)) {
    errs.push({ name: `${prefix}partijIdentificator.codeSoortObjectId`, code: 'invalid', reason: `'${g.codeSoortObjectId}' hoort niet bij codeRegister '${g.codeRegister}' en codeObjecttype '${g.codeObjecttype}'.` });
  }
  const v = g.objectId;
  const bad = (reason: string) => errs.push({ name: `${prefix}partijIdentificator.objectId`, code: 'invalid', reason });
  if (g.codeSoortObjectId === 'bsn' && !isElfproef(v)) bad('Onjuist BSN-nummer: moet 9 cijfers bevatten en voldoen aan de 11-proef.');
  if (g.codeSoortObjectId === 'rsin' && !isElfproef(v)) bad('Onjuist RSIN-nummer: moet 9 cijfers bevatten en voldoen aan de 11-proef.');
  if (g.codeSoortObjectId === 'kvk_nummer' && !/^\d{8}$/.test(v)) bad('Een KvK-nummer bestaat uit 8 cijfers.');
  if (g.codeSoortObjectId === 'vestigingsnummer' && !/^\d{12}$/.test(v)) bad('Een vestigingsnummer bestaat uit 12 cijfers.');
  if (g.codeSoortObjectId === 'vestigingsnummer' && !hasSub) errs.push({ name: `${prefix}subIdentificatorVan`, code: 'invalid', reason: 'Een vestigingsnummer vereist een subIdentificatorVan met een kvk_nummer.' });
  if (!errs.length && stmt(db, 'SELECT 1 FROM partij_identificator WHERE object_id = ? AND code_soort_object_id = ? AND code_register = ? AND code_objecttype = ?').get(v, g.codeSoortObjectId, g.codeRegister, g.codeObjecttype)) {
    errs.push({ name: 'nonFieldErrors', code: 'unique', reason: 'Partij identificator met deze codeObjecttype, codeSoortObjectId, objectId en codeRegister bestaat al.' });
  }
  if (errs.length) throw validationError(errs);
}

function insertIdent(db: Db, partijId: number | null, b: { anderePartijIdentificator?: string | undefined; partijIdentificator: z.infer<typeof identificatorGroep>; subIdentificatorVan?: { uuid: string } | null | undefined }, prefix: string): string {
  const sub = refId(db, 'partij_identificator', b.subIdentificatorVan, `${prefix}subIdentificatorVan`);
  checkIdentificator(db, b.partijIdentificator, prefix, sub !== null);
  const uuid = randomUUID();
  const g = b.partijIdentificator;
  stmt(db, `INSERT INTO partij_identificator (uuid, partij_id, andere_partij_identificator, code_objecttype, code_soort_object_id, object_id, code_register, sub_identificator_van_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(uuid, partijId, b.anderePartijIdentificator ?? '', g.codeObjecttype, g.codeSoortObjectId, g.objectId, g.codeRegister, sub);
  return uuid;
}

export function registerPartijen(app: FastifyInstance, deps: ApiDeps): void {
  const { db, api } = deps;
  const K = api.prefix;

  app.get('/partijen', async (req, reply) => {
    const w = new Where();
    const iw = new Where();
    for (const [param, col] of [['partijIdentificator__codeSoortObjectId', 'code_soort_object_id'], ['partijIdentificator__objectId', 'object_id'],
      ['partijIdentificator__codeRegister', 'code_register'], ['partijIdentificator__codeObjecttype', 'code_objecttype']] as const) eqFilter(req, iw, param, col);
    if (iw.clauses.length) w.add(`p.id IN (SELECT partij_id FROM partij_identificator ${iw.sql()})`, ...iw.params);
    eqFilter(req, w, 'soortPartij', 'p.soort_partij');
    eqFilter(req, w, 'nummer', 'p.nummer');
    boolFilter(req, w, 'indicatieActief', 'p.indicatie_actief');
    boolFilter(req, w, 'indicatieGeheimhouding', 'p.indicatie_geheimhouding');
    const res = listQuery<PartijRow>(db, req, PARTIJ_SELECT, PARTIJ_FROM, w, 'ORDER BY p.id', 'FROM partij p');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, renderPartijen(db, baseUrl(req), res.rows, expandOf(req))));
  });
  const partijSql = `SELECT ${PARTIJ_SELECT} ${PARTIJ_FROM} WHERE p.uuid = ?`;
  app.get('/partijen/:uuid', detailHandler<PartijRow>(deps, partijSql, (req, base, r) => renderPartijen(db, base, [r], expandOf(req))[0]));

  app.post('/partijen', async (req, reply) => {
    const b = parseBody(partijBody, req.body);
    const pi = b.partijIdentificatie;
    if (b.soortPartij === 'organisatie' && pi.naam === undefined) throw invalid('partijIdentificatie.naam', 'required', 'Dit veld is vereist.');
    if (b.soortPartij !== 'organisatie' && !pi.contactnaam) throw invalid('partijIdentificatie.contactnaam', 'required', 'Dit veld is vereist.');
    const uuid = randomUUID();
    db.transaction(() => {
      const daIds = (b.digitaleAdressen ?? []).map((d, i) => refId(db, 'digitaal_adres', d, `digitaleAdressen.${i}.uuid`)!);
      const voorkeur = refId(db, 'digitaal_adres', b.voorkeursDigitaalAdres, 'voorkeursDigitaalAdres');
      if (voorkeur !== null && !daIds.includes(voorkeur)) throw invalid('voorkeursDigitaalAdres', 'invalid', 'Het voorkeursadres moet een van de digitale adressen van de partij zijn.');
      const cn = pi.contactnaam;
      const id = Number(stmt(db, `INSERT INTO partij (uuid, nummer, soort_partij, interne_notitie, indicatie_geheimhouding, indicatie_actief, voorkeurstaal, voorkeurs_digitaal_adres_id,
        voorletters, voornaam, voorvoegsel_achternaam, achternaam, naam, bezoekadres, correspondentieadres) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        uuid, b.nummer ?? nextNummer(db, 'partij'), b.soortPartij, b.interneNotitie ?? '', b.indicatieGeheimhouding === undefined || b.indicatieGeheimhouding === null ? null : b.indicatieGeheimhouding ? 1 : 0,
        b.indicatieActief ? 1 : 0, b.voorkeurstaal ?? '', voorkeur, cn?.voorletters ?? null, cn?.voornaam ?? null, cn?.voorvoegselAchternaam ?? null, cn?.achternaam ?? null,
        b.soortPartij === 'organisatie' ? (pi.naam ?? '') : null, b.bezoekadres ? JSON.stringify(b.bezoekadres) : null, b.correspondentieadres ? JSON.stringify(b.correspondentieadres) : null).lastInsertRowid);
      for (const da of daIds) stmt(db, 'UPDATE digitaal_adres SET partij_id = ? WHERE id = ?').run(id, da);
      (b.partijIdentificatoren ?? []).forEach((pid, i) => insertIdent(db, id, pid, `partijIdentificatoren.${i}.`));
    })();
    const row = stmt(db, partijSql).get(uuid) as PartijRow;
    return sendJson(reply, api, 201, renderPartijen(db, baseUrl(req), [row], new Set())[0]);
  });

  // ---- partij-identificatoren ----
  app.get('/partij-identificatoren', async (req, reply) => {
    const w = new Where();
    for (const [param, col] of [['partijIdentificatorCodeObjecttype', 'i.code_objecttype'], ['partijIdentificatorCodeSoortObjectId', 'i.code_soort_object_id'],
      ['partijIdentificatorObjectId', 'i.object_id'], ['partijIdentificatorCodeRegister', 'i.code_register'], ['anderePartijIdentificator', 'i.andere_partij_identificator']] as const) eqFilter(req, w, param, col);
    const res = listQuery<IdentRow>(db, req, IDENT_SELECT, IDENT_FROM, w, 'ORDER BY i.id', 'FROM partij_identificator i');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderIdent(baseUrl(req), r))));
  });
  const identSql = `SELECT ${IDENT_SELECT} ${IDENT_FROM} WHERE i.uuid = ?`;
  app.get('/partij-identificatoren/:uuid', detailHandler<IdentRow>(deps, identSql, (_req, base, r) => renderIdent(base, r)));
  app.post('/partij-identificatoren', async (req, reply) => {
    const b = parseBody(identBody, req.body);
    const uuid = db.transaction(() => insertIdent(db, refId(db, 'partij', b.identificeerdePartij, 'identificeerdePartij'), b, ''))();
    return sendJson(reply, api, 201, renderIdent(baseUrl(req), stmt(db, identSql).get(uuid) as IdentRow));
  });

  // ---- digitale adressen ----
  app.get('/digitaleadressen', async (req, reply) => {
    const w = new Where();
    uuidFilter(req, w, 'verstrektDoorPartij__uuid', 'd.partij_id', 'partij');
    uuidFilter(req, w, 'verstrektDoorBetrokkene__uuid', 'd.betrokkene_id', 'betrokkene');
    eqFilter(req, w, 'adres', 'd.adres');
    containsFilter(req, w, 'adres__icontains', 'd.adres');
    eqFilter(req, w, 'soortDigitaalAdres', 'd.soort_digitaal_adres');
    eqFilter(req, w, 'omschrijving', 'd.omschrijving');
    boolFilter(req, w, 'isStandaardAdres', 'd.is_standaard_adres');
    const res = listQuery<DaRow>(db, req, DA_SELECT, DA_FROM, w, 'ORDER BY d.id', 'FROM digitaal_adres d');
    return sendJson(reply, api, 200, paginated(req, res.p, res.count, res.rows.map((r) => renderDa(baseUrl(req), r))));
  });
  const daSql = `SELECT ${DA_SELECT} ${DA_FROM} WHERE d.uuid = ?`;
  app.get('/digitaleadressen/:uuid', detailHandler<DaRow>(deps, daSql, (_req, base, r) => renderDa(base, r)));
  app.post('/digitaleadressen', async (req, reply) => {
    const b = parseBody(daBody, req.body);
    if (b.soortDigitaalAdres === 'email' && !z.string().email().safeParse(b.adres).success) throw invalid('adres', 'invalid', 'Voer een geldig e-mailadres in.');
    if (b.soortDigitaalAdres === 'telefoonnummer') checkTelefoon(b.adres, 'adres');
    const partij = refId(db, 'partij', b.verstrektDoorPartij, 'verstrektDoorPartij');
    const betrokkene = refId(db, 'betrokkene', b.verstrektDoorBetrokkene, 'verstrektDoorBetrokkene');
    const uuid = randomUUID();
    stmt(db, `INSERT INTO digitaal_adres (uuid, partij_id, betrokkene_id, adres, soort_digitaal_adres, is_standaard_adres, omschrijving, referentie, verificatie_datum)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(uuid, partij, betrokkene, b.adres, b.soortDigitaalAdres, b.isStandaardAdres ? 1 : 0, b.omschrijving ?? '', b.referentie ?? '', b.verificatieDatum ?? null);
    return sendJson(reply, api, 201, renderDa(baseUrl(req), stmt(db, daSql).get(uuid) as DaRow), { Location: `${baseUrl(req)}${K}/digitaleadressen/${uuid}` });
  });
}
