/** Remote (Open Klant 2 / Open Zaak) → local records. The only place that knows both shapes. */
import type { ContactRecord, CustomerRecord, ZaakRecord } from '../../store/records';
import type { Klantcontact, Partij, RemoteAdres, Rol, Zaak } from './remote';

/**
 * How a klantcontact is linked to a zaak. Open Klant sends its zaak-gekoppeld event only for
 * codeObjecttype `zaak` with codeSoortObjectId `uuid` (open-klant:
 * src/openklant/components/klantinteracties/api/viewsets/klantcontacten.py, OnderwerpobjectViewSet);
 * KISS writes and reads only `zgw-Zaak`/`openzaak` (KISS-frontend: src/features/contact/shared.ts).
 * Klantbeeld writes both and reads either (older Klantbeeld versions wrote only `zgw-Zaak`).
 */
export const ZAAK_IDENTIFICATOREN = [
  { codeObjecttype: 'zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' },
  { codeObjecttype: 'zgw-Zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' },
] as const;
export const ZAAK_OBJECTTYPES: ReadonlySet<string> = new Set(ZAAK_IDENTIFICATOREN.map((i) => i.codeObjecttype));

export function formatAdres(adres: RemoteAdres | null | undefined): string | null {
  if (!adres) return null;
  const straat = [adres.straatnaam, adres.huisnummer ?? undefined, adres.huisnummertoevoeging].filter(Boolean).join(' ');
  const plaats = [adres.postcode, adres.stad].filter(Boolean).join(' ');
  const regels = [straat, plaats].filter((s) => s.length > 0);
  if (regels.length > 0) return regels.join(', ');
  const vrij = [adres.adresregel1, adres.adresregel2, adres.adresregel3].filter(Boolean).join(', ');
  return vrij.length > 0 ? vrij : null;
}

function identificator(partij: Partij, soort: string): string | null {
  const found = partij.partijIdentificatoren?.find((p) => p.partijIdentificator.codeSoortObjectId === soort);
  return found?.partijIdentificator.objectId ?? null;
}

function partijNaam(partij: Partij): string {
  const id = partij.partijIdentificatie;
  if (partij.soortPartij === 'organisatie') return id?.naam?.trim() || 'Onbekende organisatie';
  const c = id?.contactnaam;
  const opgebouwd = [c?.voornaam || c?.voorletters, c?.voorvoegselAchternaam, c?.achternaam].filter(Boolean).join(' ');
  return opgebouwd || id?.volledigeNaam?.trim() || 'Onbekende persoon';
}

/** Contactpersonen are not customers of their own; callers skip them (null). */
export function toCustomerRecord(partij: Partij): CustomerRecord | null {
  if (partij.soortPartij === 'contactpersoon') return null;
  const adressen = partij._expand?.digitaleAdressen ?? [];
  const adres = partij.bezoekadres ?? partij.correspondentieadres ?? null;
  return {
    sourceUrl: partij.url,
    soort: partij.soortPartij,
    naam: partijNaam(partij),
    bsn: identificator(partij, 'bsn'),
    kvkNummer: identificator(partij, 'kvk_nummer'),
    vestigingsnummer: identificator(partij, 'vestigingsnummer'),
    adres: formatAdres(partij.bezoekadres) ?? formatAdres(partij.correspondentieadres),
    telefoonnummers: adressen.filter((a) => a.soortDigitaalAdres === 'telefoonnummer').map((a) => a.adres),
    emailadressen: adressen.filter((a) => a.soortDigitaalAdres === 'email').map((a) => a.adres),
    geheimhouding: partij.indicatieGeheimhouding === true,
    postcode: adres?.postcode ? adres.postcode.replace(/\s+/g, '').toUpperCase() : null,
    huisnummer: adres?.huisnummer ?? null,
    huisnummertoevoeging: adres?.huisnummertoevoeging || null,
  };
}

export function toContactRecord(
  kc: Klantcontact,
  actorNaam: (uuid: string) => string | null,
  zaakIdentificatie: (zaakUuid: string) => string | null,
): ContactRecord {
  const zaakIds = (kc._expand?.gingOverOnderwerpobjecten ?? [])
    .map((o) => o.onderwerpobjectidentificator)
    .filter((i) => i && ZAAK_OBJECTTYPES.has(i.codeObjecttype ?? '') && i.objectId)
    .map((i) => zaakIdentificatie(i?.objectId ?? '') ?? i?.objectId ?? '')
    // One zaak linked under both conventions is one zaak.
    .filter((id, index, all) => all.indexOf(id) === index);
  const medewerkers = (kc.hadBetrokkenActoren ?? []).map((a) => actorNaam(a.uuid)).filter((n): n is string => !!n);
  return {
    sourceUrl: kc.url,
    kanaal: kc.kanaal,
    onderwerp: kc.onderwerp,
    inhoud: kc.inhoud ?? '',
    plaatsgevondenOp: normaliseDateTime(kc.plaatsgevondenOp),
    gespreksresultaat: kc.metadata?.gespreksresultaat ?? null,
    afdeling: kc.metadata?.afdeling ?? null,
    medewerker: medewerkers[0] ?? null,
    zaakIdentificaties: zaakIds,
  };
}

export function toZaakRecord(zaak: Zaak, zaaktypeNaam: string, statusNaam: string | null): ZaakRecord {
  return {
    sourceUrl: zaak.url,
    identificatie: zaak.identificatie,
    omschrijving: zaak.omschrijving ?? '',
    zaaktype: zaaktypeNaam,
    status: statusNaam,
    startdatum: zaak.startdatum,
    einddatumGepland: zaak.einddatumGepland ?? null,
    uiterlijkeEinddatumAfdoening: zaak.uiterlijkeEinddatumAfdoening ?? null,
    einddatum: zaak.einddatum ?? null,
  };
}

/** Open Klant returns `2026-11-28T10:15:00+01:00` or with `Z`; keep a valid ISO date-time with offset. */
export function normaliseDateTime(value: string | null | undefined): string {
  if (!value) return new Date(0).toISOString();
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export function uuidFromUrl(url: string): string {
  return url.replace(/\/$/, '').split('/').at(-1) ?? url;
}

/** A readable name for a rol's betrokkene, from its embedded identification (issue 3). */
export function rolNaam(rol: Rol): string {
  const id = rol.betrokkeneIdentificatie ?? {};
  const s = (key: string) => (typeof id[key] === 'string' ? (id[key] as string).trim() : '');
  const join = (...parts: string[]) => parts.filter((p) => p.length > 0).join(' ');
  let naam = '';
  switch (rol.betrokkeneType) {
    case 'natuurlijk_persoon':
      naam = join(s('voornamen') || s('voorletters'), s('voorvoegselGeslachtsnaam'), s('geslachtsnaam'));
      break;
    case 'niet_natuurlijk_persoon':
      naam = s('statutaireNaam');
      break;
    case 'vestiging':
      naam = Array.isArray(id.handelsnaam) ? String(id.handelsnaam[0] ?? '') : '';
      break;
    case 'organisatorische_eenheid':
      naam = s('naam') || s('identificatie');
      break;
    case 'medewerker':
      naam = join(s('voorletters'), s('voorvoegselAchternaam'), s('achternaam')) || s('identificatie');
      break;
  }
  return naam || rol.afwijkendeNaamBetrokkene?.trim() || 'Onbekend';
}
