import type { Db } from '../../db/open';
import { API } from '../../server/context';
import { fk, stmt } from '../../server/http';

/** Row types and JSON rendering of Klantinteracties resources; related objects are loaded per page in one query each. */
const K = API.klantinteracties.prefix;
export const ref = (base: string, coll: string, uuid: string | null | undefined) => fk(base, `${K}/${coll}`, uuid);
const url = (base: string, coll: string, uuid: string): string => `${base}${K}/${coll}/${uuid}`;

/** Groups rows of `sql` (which must select `owner` and take a JSON array of ids) by owner id. */
export function byOwner<T extends { owner: number }>(db: Db, sql: string, ids: number[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  if (!ids.length) return m;
  for (const r of stmt(db, sql).all(JSON.stringify(ids)) as T[]) {
    let l = m.get(r.owner);
    if (!l) m.set(r.owner, (l = []));
    l.push(r);
  }
  return m;
}
const IN = 'IN (SELECT value FROM json_each(?))';
const json = <T>(s: string | null): T | null => (s ? (JSON.parse(s) as T) : null);

// ---- digitale adressen ----
export interface DaRow { id: number; uuid: string; partij_uuid: string | null; betrokkene_uuid: string | null; adres: string; soort_digitaal_adres: string; is_standaard_adres: number; omschrijving: string; referentie: string; verificatie_datum: string | null }
export const DA_SELECT = `d.id, d.uuid, p.uuid AS partij_uuid, b.uuid AS betrokkene_uuid, d.adres, d.soort_digitaal_adres, d.is_standaard_adres, d.omschrijving, d.referentie, d.verificatie_datum`;
export const DA_FROM = 'FROM digitaal_adres d LEFT JOIN partij p ON p.id = d.partij_id LEFT JOIN betrokkene b ON b.id = d.betrokkene_id';
export const renderDa = (base: string, r: DaRow) => ({
  uuid: r.uuid, url: url(base, 'digitaleadressen', r.uuid), verstrektDoorBetrokkene: ref(base, 'betrokkenen', r.betrokkene_uuid),
  verstrektDoorPartij: ref(base, 'partijen', r.partij_uuid), adres: r.adres, soortDigitaalAdres: r.soort_digitaal_adres, isStandaardAdres: r.is_standaard_adres === 1,
  omschrijving: r.omschrijving, ...(r.referentie ? { referentie: r.referentie } : {}), verificatieDatum: r.verificatie_datum,
});

// ---- partijen ----
export interface PartijRow {
  id: number; uuid: string; nummer: string | null; soort_partij: string; interne_notitie: string; indicatie_geheimhouding: number | null; indicatie_actief: number;
  voorkeurstaal: string; voorkeurs_uuid: string | null; voorletters: string | null; voornaam: string | null; voorvoegsel_achternaam: string | null; achternaam: string | null;
  naam: string | null; bezoekadres: string | null; correspondentieadres: string | null;
}
export const PARTIJ_SELECT = 'p.*, vd.uuid AS voorkeurs_uuid';
export const PARTIJ_FROM = 'FROM partij p LEFT JOIN digitaal_adres vd ON vd.id = p.voorkeurs_digitaal_adres_id';
export interface IdentRow { owner: number; uuid: string; partij_uuid: string | null; andere_partij_identificator: string; code_objecttype: string; code_soort_object_id: string; object_id: string; code_register: string; sub_uuid: string | null }
export const IDENT_SELECT = `i.partij_id AS owner, i.uuid, p.uuid AS partij_uuid, i.andere_partij_identificator, i.code_objecttype, i.code_soort_object_id, i.object_id, i.code_register, s.uuid AS sub_uuid`;
export const IDENT_FROM = 'FROM partij_identificator i LEFT JOIN partij p ON p.id = i.partij_id LEFT JOIN partij_identificator s ON s.id = i.sub_identificator_van_id';
export const renderIdent = (base: string, r: IdentRow) => ({
  uuid: r.uuid, url: url(base, 'partij-identificatoren', r.uuid), identificeerdePartij: ref(base, 'partijen', r.partij_uuid), anderePartijIdentificator: r.andere_partij_identificator,
  partijIdentificator: { codeObjecttype: r.code_objecttype, codeSoortObjectId: r.code_soort_object_id, objectId: r.object_id, codeRegister: r.code_register },
  subIdentificatorVan: ref(base, 'partij-identificatoren', r.sub_uuid),
});

export const volledigeNaam = (c: { voornaam?: string | null; voorvoegselAchternaam?: string | null; achternaam?: string | null }): string =>
  [c.voornaam, c.voorvoegselAchternaam, c.achternaam].filter(Boolean).join(' ');

export function renderPartijen(db: Db, base: string, rows: PartijRow[], expand: Set<string>): Record<string, unknown>[] {
  const ids = rows.map((r) => r.id);
  const idents = byOwner<IdentRow>(db, `SELECT ${IDENT_SELECT} ${IDENT_FROM} WHERE i.partij_id ${IN} ORDER BY i.id`, ids);
  const das = byOwner<DaRow & { owner: number }>(db, `SELECT d.partij_id AS owner, ${DA_SELECT} ${DA_FROM} WHERE d.partij_id ${IN} ORDER BY d.id`, ids);
  const bts = byOwner<{ owner: number; uuid: string }>(db, `SELECT partij_id AS owner, uuid FROM betrokkene WHERE partij_id ${IN} ORDER BY id`, ids);
  return rows.map((r) => {
    const contactnaam = { voorletters: r.voorletters ?? '', voornaam: r.voornaam ?? '', voorvoegselAchternaam: r.voorvoegsel_achternaam ?? '', achternaam: r.achternaam ?? '' };
    const out: Record<string, unknown> = {
      uuid: r.uuid, url: url(base, 'partijen', r.uuid), nummer: r.nummer, interneNotitie: r.interne_notitie,
      betrokkenen: (bts.get(r.id) ?? []).map((b) => ref(base, 'betrokkenen', b.uuid)), categorieRelaties: [],
      digitaleAdressen: (das.get(r.id) ?? []).map((d) => ref(base, 'digitaleadressen', d.uuid)), voorkeursDigitaalAdres: ref(base, 'digitaleadressen', r.voorkeurs_uuid),
      vertegenwoordigden: [], rekeningnummers: [], voorkeursRekeningnummer: null,
      partijIdentificatoren: (idents.get(r.id) ?? []).map((i) => renderIdent(base, i)), soortPartij: r.soort_partij,
      indicatieGeheimhouding: r.indicatie_geheimhouding === null ? null : r.indicatie_geheimhouding === 1, voorkeurstaal: r.voorkeurstaal,
      indicatieActief: r.indicatie_actief === 1, bezoekadres: json(r.bezoekadres), correspondentieadres: json(r.correspondentieadres),
      partijIdentificatie: r.soort_partij === 'organisatie' ? { naam: r.naam ?? '' } : { contactnaam, volledigeNaam: volledigeNaam(contactnaam) },
    };
    if (expand.size) {
      const ex: Record<string, unknown> = {};
      if (expand.has('digitaleAdressen')) ex.digitaleAdressen = (das.get(r.id) ?? []).map((d) => renderDa(base, d));
      out._expand = ex;
    }
    return out;
  });
}

// ---- actoren ----
export interface ActorRow { id: number; uuid: string; naam: string; soort_actor: string; indicatie_actief: number; code_objecttype: string | null; code_register: string | null; code_soort_object_id: string | null; object_id: string | null; actor_identificatie: string | null }
export const renderActor = (base: string, r: ActorRow) => ({
  uuid: r.uuid, url: url(base, 'actoren', r.uuid), naam: r.naam, soortActor: r.soort_actor, indicatieActief: r.indicatie_actief === 1,
  actoridentificator: r.object_id !== null || r.code_objecttype !== null
    ? { objectId: r.object_id ?? '', codeObjecttype: r.code_objecttype ?? '', codeRegister: r.code_register ?? '', codeSoortObjectId: r.code_soort_object_id ?? '' } : null,
  ...(r.actor_identificatie ? { actorIdentificatie: JSON.parse(r.actor_identificatie) as unknown } : {}),
});

// ---- betrokkenen, onderwerpobjecten, interne taken ----
export interface BetrokkeneRow { id: number; uuid: string; kc_uuid: string; partij_uuid: string | null; rol: string; initiator: number; organisatienaam: string; contactnaam: string | null; bezoekadres: string | null; correspondentieadres: string | null }
export const BT_SELECT = 'b.id, b.uuid, k.uuid AS kc_uuid, p.uuid AS partij_uuid, b.rol, b.initiator, b.organisatienaam, b.contactnaam, b.bezoekadres, b.correspondentieadres';
export const BT_FROM = 'FROM betrokkene b CROSS JOIN klantcontact k ON k.id = b.klantcontact_id LEFT JOIN partij p ON p.id = b.partij_id';
export function renderBetrokkenen(db: Db, base: string, rows: BetrokkeneRow[], expandDa: boolean): Record<string, unknown>[] {
  const das = byOwner<DaRow & { owner: number }>(db, `SELECT d.betrokkene_id AS owner, ${DA_SELECT} ${DA_FROM} WHERE d.betrokkene_id ${IN} ORDER BY d.id`, rows.map((r) => r.id));
  return rows.map((r) => {
    const cn = json<{ voornaam?: string; voorvoegselAchternaam?: string; achternaam?: string }>(r.contactnaam);
    return {
      uuid: r.uuid, url: url(base, 'betrokkenen', r.uuid), wasPartij: ref(base, 'partijen', r.partij_uuid), hadKlantcontact: ref(base, 'klantcontacten', r.kc_uuid),
      digitaleAdressen: (das.get(r.id) ?? []).map((d) => ref(base, 'digitaleadressen', d.uuid)), bezoekadres: json(r.bezoekadres), correspondentieadres: json(r.correspondentieadres),
      contactnaam: cn, volledigeNaam: cn ? volledigeNaam(cn) : r.organisatienaam, rol: r.rol, organisatienaam: r.organisatienaam, initiator: r.initiator === 1,
      ...(expandDa ? { _expand: { digitaleAdressen: (das.get(r.id) ?? []).map((d) => renderDa(base, d)) } } : {}),
    };
  });
}

export interface OoRow { id: number; uuid: string; kc_uuid: string | null; was_uuid: string | null; code_objecttype: string | null; code_register: string | null; code_soort_object_id: string | null; object_id: string | null }
export const OO_SELECT = 'o.id, o.uuid, k.uuid AS kc_uuid, w.uuid AS was_uuid, o.code_objecttype, o.code_register, o.code_soort_object_id, o.object_id';
export const OO_FROM = 'FROM onderwerpobject o LEFT JOIN klantcontact k ON k.id = o.klantcontact_id LEFT JOIN klantcontact w ON w.id = o.was_klantcontact_id';
export const renderOo = (base: string, r: OoRow) => ({
  uuid: r.uuid, url: url(base, 'onderwerpobjecten', r.uuid), klantcontact: ref(base, 'klantcontacten', r.kc_uuid), wasKlantcontact: ref(base, 'klantcontacten', r.was_uuid),
  onderwerpobjectidentificator: r.object_id === null && r.code_objecttype === null ? null
    : { objectId: r.object_id ?? '', codeObjecttype: r.code_objecttype ?? '', codeRegister: r.code_register ?? '', codeSoortObjectId: r.code_soort_object_id ?? '' },
});

export interface TaakRow { id: number; uuid: string; nummer: string | null; referentienummer: string | null; gevraagde_handeling: string; kc_uuid: string; toelichting: string; status: string; toegewezen_op: string; afgehandeld_op: string | null }
export const TAAK_SELECT = 't.id, t.uuid, t.nummer, t.referentienummer, t.gevraagde_handeling, k.uuid AS kc_uuid, t.toelichting, t.status, t.toegewezen_op, t.afgehandeld_op';
export const TAAK_FROM = 'FROM internetaak t CROSS JOIN klantcontact k ON k.id = t.klantcontact_id';
export function renderTaken(db: Db, base: string, rows: TaakRow[]): Record<string, unknown>[] {
  const actors = byOwner<{ owner: number; uuid: string }>(db, `SELECT ia.internetaak_id AS owner, a.uuid FROM internetaak_actor ia CROSS JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id ${IN} ORDER BY ia.pos`, rows.map((r) => r.id));
  return rows.map((r) => {
    const as = (actors.get(r.id) ?? []).map((a) => ref(base, 'actoren', a.uuid));
    return {
      uuid: r.uuid, url: url(base, 'internetaken', r.uuid), nummer: r.nummer, referentienummer: r.referentienummer, gevraagdeHandeling: r.gevraagde_handeling,
      aanleidinggevendKlantcontact: ref(base, 'klantcontacten', r.kc_uuid), ...(as[0] ? { toegewezenAanActor: as[0] } : {}), toegewezenAanActoren: as,
      toelichting: r.toelichting, status: r.status, toegewezenOp: r.toegewezen_op, afgehandeldOp: r.afgehandeld_op,
    };
  });
}

// ---- klantcontacten ----
export interface KcRow { id: number; uuid: string; nummer: string | null; referentienummer: string | null; kanaal: string; onderwerp: string; inhoud: string; reactie: string; indicatie_contact_gelukt: number | null; hoofd_onderwerp_type: string | null; verdere_actie_ondernomen: number; taal: string; vertrouwelijk: number; plaatsgevonden_op: string; metadata: string }
export function renderKlantcontacten(db: Db, base: string, rows: KcRow[], expand: Set<string>): Record<string, unknown>[] {
  const ids = rows.map((r) => r.id);
  const oos = byOwner<OoRow & { owner: number }>(db, `SELECT o.klantcontact_id AS owner, ${OO_SELECT} ${OO_FROM} WHERE o.klantcontact_id ${IN} ORDER BY o.id`, ids);
  const bts = byOwner<BetrokkeneRow & { owner: number }>(db, `SELECT b.klantcontact_id AS owner, ${BT_SELECT} ${BT_FROM} WHERE b.klantcontact_id ${IN} ORDER BY b.id`, ids);
  const acts = byOwner<ActorRow & { owner: number }>(db, `SELECT ak.klantcontact_id AS owner, a.* FROM actorklantcontact ak CROSS JOIN actor a ON a.id = ak.actor_id WHERE ak.klantcontact_id ${IN} ORDER BY ak.id`, ids);
  const taken = byOwner<TaakRow & { owner: number }>(db, `SELECT t.klantcontact_id AS owner, ${TAAK_SELECT} ${TAAK_FROM} WHERE t.klantcontact_id ${IN} ORDER BY t.id`, ids);
  return rows.map((r) => {
    const out: Record<string, unknown> = {
      uuid: r.uuid, url: url(base, 'klantcontacten', r.uuid),
      gingOverOnderwerpobjecten: (oos.get(r.id) ?? []).map((o) => ref(base, 'onderwerpobjecten', o.uuid)),
      hadBetrokkenActoren: (acts.get(r.id) ?? []).map((a) => renderActor(base, a)), omvatteBijlagen: [],
      hadBetrokkenen: (bts.get(r.id) ?? []).map((b) => ref(base, 'betrokkenen', b.uuid)),
      leiddeTotInterneTaken: (taken.get(r.id) ?? []).map((t) => ref(base, 'internetaken', t.uuid)),
      nummer: r.nummer, referentienummer: r.referentienummer, kanaal: r.kanaal, onderwerp: r.onderwerp, inhoud: r.inhoud, reactie: r.reactie,
      indicatieContactGelukt: r.indicatie_contact_gelukt === null ? null : r.indicatie_contact_gelukt === 1,
      ...(r.hoofd_onderwerp_type ? { hoofdOnderwerpType: r.hoofd_onderwerp_type } : {}),
      verdereActieOndernomen: r.verdere_actie_ondernomen === 1, taal: r.taal, vertrouwelijk: r.vertrouwelijk === 1, plaatsgevondenOp: r.plaatsgevonden_op,
      metadata: JSON.parse(r.metadata) as Record<string, string>,
    };
    if (expand.size) {
      const ex: Record<string, unknown> = {};
      if (expand.has('gingOverOnderwerpobjecten')) ex.gingOverOnderwerpobjecten = (oos.get(r.id) ?? []).map((o) => renderOo(base, o));
      // A nested expansion hangs under its parent's nodes only: `hadBetrokkenen.digitaleAdressen`
      // alone expands nothing (as open-klant: src/openklant/components/utils/expansion.py, InclusionTree).
      if (expand.has('hadBetrokkenen')) {
        ex.hadBetrokkenen = renderBetrokkenen(db, base, bts.get(r.id) ?? [], expand.has('hadBetrokkenen.digitaleAdressen'));
      }
      if (expand.has('leiddeTotInterneTaken')) ex.leiddeTotInterneTaken = renderTaken(db, base, taken.get(r.id) ?? []);
      if (expand.has('omvatteBijlagen')) ex.omvatteBijlagen = [];
      out._expand = ex;
    }
    return out;
  });
}
