import type { Db } from '../../db/open';
import { stmt } from '../../server/http';
import { API } from '../../server/context';

/** Row types and JSON rendering of Zaken API resources. */
const Z = API.zaken.prefix;
const C = API.catalogi.prefix;

export interface ZaakRow {
  id: number; uuid: string; identificatie: string; bronorganisatie: string; omschrijving: string; toelichting: string; zaaktype_uuid: string;
  registratiedatum: string; verantwoordelijke_organisatie: string; startdatum: string; einddatum: string | null; einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string | null; publicatiedatum: string | null; vertrouwelijkheidaanduiding: string; communicatiekanaal_naam: string;
  status_uuid: string | null; laatst_gemuteerd: string; extra: string | null; zaaktype_id: number; status_id: number | null;
}
export const ZAAK_SELECT = 'z.*, zt.uuid AS zaaktype_uuid, s.uuid AS status_uuid';
export const ZAAK_FROM = 'FROM zaak z CROSS JOIN zaaktype zt ON zt.id = z.zaaktype_id LEFT JOIN status s ON s.id = z.status_id';

export interface StatusRow { id: number; uuid: string; zaak_uuid: string; zaak_status_id: number | null; statustype_uuid: string; datum_status_gezet: string; statustoelichting: string; gezetdoor: string | null }
export const STATUS_SELECT = 's.id, s.uuid, z.uuid AS zaak_uuid, z.status_id AS zaak_status_id, st.uuid AS statustype_uuid, s.datum_status_gezet, s.statustoelichting, s.gezetdoor';
export const STATUS_FROM = 'FROM status s CROSS JOIN zaak z ON z.id = s.zaak_id CROSS JOIN statustype st ON st.id = s.statustype_id';

export interface RolRow {
  id: number; uuid: string; zaak_uuid: string; roltype_uuid: string; roltype_omschrijving: string; omschrijving_generiek: string; betrokkene_type: string;
  betrokkene: string; afwijkende_naam: string; roltoelichting: string; registratiedatum: string; indicatie_machtiging: string; contactpersoon: string | null; identificatie: string;
}
export const ROL_SELECT = `r.id, r.uuid, z.uuid AS zaak_uuid, rt.uuid AS roltype_uuid, rt.omschrijving AS roltype_omschrijving, r.omschrijving_generiek, r.betrokkene_type,
  r.betrokkene, r.afwijkende_naam, r.roltoelichting, r.registratiedatum, r.indicatie_machtiging, r.contactpersoon, r.identificatie`;
export const ROL_FROM = 'FROM rol r CROSS JOIN zaak z ON z.id = r.zaak_id CROSS JOIN roltype rt ON rt.id = r.roltype_id';

export const zaakUrl = (base: string, uuid: string): string => `${base}${Z}/zaken/${uuid}`;

/** Renders zaken; rollen URLs are fetched for all rows in one query. */
export function renderZaken(db: Db, base: string, rows: ZaakRow[]): Record<string, unknown>[] {
  const rollen = new Map<number, string[]>();
  if (rows.length) {
    const rs = stmt(db, 'SELECT zaak_id, uuid FROM rol WHERE zaak_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(rows.map((r) => r.id))) as { zaak_id: number; uuid: string }[];
    for (const r of rs) {
      let l = rollen.get(r.zaak_id);
      if (!l) rollen.set(r.zaak_id, (l = []));
      l.push(`${base}${Z}/rollen/${r.uuid}`);
    }
  }
  return rows.map((r) => ({
    url: zaakUrl(base, r.uuid), uuid: r.uuid, identificatie: r.identificatie, bronorganisatie: r.bronorganisatie, omschrijving: r.omschrijving,
    toelichting: r.toelichting, zaaktype: `${base}${C}/zaaktypen/${r.zaaktype_uuid}`, registratiedatum: r.registratiedatum,
    verantwoordelijkeOrganisatie: r.verantwoordelijke_organisatie, startdatum: r.startdatum, einddatum: r.einddatum, einddatumGepland: r.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: r.uiterlijke_einddatum_afdoening, publicatiedatum: r.publicatiedatum, laatstGemuteerd: r.laatst_gemuteerd, laatstGeopend: null,
    communicatiekanaalNaam: r.communicatiekanaal_naam, productenOfDiensten: [], vertrouwelijkheidaanduiding: r.vertrouwelijkheidaanduiding,
    betalingsindicatie: '', betalingsindicatieWeergave: '', laatsteBetaaldatum: null, zaakgeometrie: null, verlenging: null,
    opschorting: { indicatie: false, eerdereOpschorting: false, reden: '' }, hoofdzaak: null, deelzaken: [], relevanteAndereZaken: [], gerelateerdeZaken: [],
    eigenschappen: [], rollen: rollen.get(r.id) ?? [], status: r.status_uuid ? `${base}${Z}/statussen/${r.status_uuid}` : null,
    zaakinformatieobjecten: [], zaakobjecten: [], kenmerken: [], archiefnominatie: null, archiefstatus: 'nog_te_archiveren', archiefactiedatum: null,
    resultaat: null, processobjectaard: '', startdatumBewaartermijn: null, processobject: null,
    ...(r.extra ? (JSON.parse(r.extra) as Record<string, unknown>) : {}),
  }));
}

export function renderStatus(base: string, r: StatusRow): Record<string, unknown> {
  return {
    url: `${base}${Z}/statussen/${r.uuid}`, uuid: r.uuid, zaak: zaakUrl(base, r.zaak_uuid), statustype: `${base}${C}/statustypen/${r.statustype_uuid}`,
    datumStatusGezet: r.datum_status_gezet, statustoelichting: r.statustoelichting, indicatieLaatstGezetteStatus: r.zaak_status_id === r.id,
    gezetdoor: r.gezetdoor, zaakinformatieobjecten: [],
  };
}

export function renderRol(base: string, r: RolRow): Record<string, unknown> {
  const withAuthContext = r.betrokkene_type === 'natuurlijk_persoon' || r.betrokkene_type === 'niet_natuurlijk_persoon';
  return {
    url: `${base}${Z}/rollen/${r.uuid}`, uuid: r.uuid, zaak: zaakUrl(base, r.zaak_uuid), ...(r.betrokkene ? { betrokkene: r.betrokkene } : {}),
    betrokkeneType: r.betrokkene_type, afwijkendeNaamBetrokkene: r.afwijkende_naam, roltype: `${base}${C}/roltypen/${r.roltype_uuid}`,
    omschrijving: r.roltype_omschrijving, omschrijvingGeneriek: r.omschrijving_generiek, roltoelichting: r.roltoelichting, registratiedatum: r.registratiedatum,
    indicatieMachtiging: r.indicatie_machtiging, contactpersoonRol: r.contactpersoon ? (JSON.parse(r.contactpersoon) as unknown) : null, statussen: [],
    beginGeldigheid: null, eindeGeldigheid: null, betrokkeneIdentificatie: JSON.parse(r.identificatie) as unknown, ...(withAuthContext ? { authenticatieContext: null } : {}),
  };
}
