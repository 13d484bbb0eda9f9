/**
 * A small client of the Haal Centraal "BRP API Personen" (2.x): `POST {url}/personen` with
 * `X-API-KEY`. The BSN and the other search keys travel only in the POST body, never in a URL
 * and never in a log line. Each question asks only the `fields` the clerk's role needs
 * (BRP_FIELDS); geheimhouding, opschorting (overleden, emigratie, RNI) come with every answer
 * without being asked (the spec forbids asking them).
 */
import type { Role } from '../../../../shared/roles';
import { RegisterHttp } from '../registers/http';

export interface BrpClientOptions {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  /** The municipality's gemeentecode (4 digits) for the Zoek…GemeenteVanInschrijving questions. */
  gemeenteVanInschrijving?: string;
}

export interface BrpZoekVraag { geslachtsnaam: string; geboortedatum: string; voorvoegsel?: string | null; voornamen?: string }

/** The five questions Klantbeeld asks (the spec's `type` values). */
export type BrpVraag =
  | { type: 'RaadpleegMetBurgerservicenummer'; burgerservicenummer: string[] }
  | { type: 'ZoekMetGeslachtsnaamEnGeboortedatum'; geslachtsnaam: string; geboortedatum: string; voorvoegsel?: string; voornamen?: string }
  | { type: 'ZoekMetNaamEnGemeenteVanInschrijving'; geslachtsnaam: string; voornamen: string; voorvoegsel?: string; gemeenteVanInschrijving: string }
  | { type: 'ZoekMetPostcodeEnHuisnummer'; postcode: string; huisnummer: number; huisletter?: string; huisnummertoevoeging?: string }
  | { type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving'; straat: string; huisnummer: number; gemeenteVanInschrijving: string };

export interface BrpPersoon {
  burgerservicenummer: string | null;
  geslachtsnaam: string | null;
  voornamen: string | null;
  voorvoegsel: string | null;
  geboortedatum: string | null;
  /** adressering.adresregel1 + adresregel2, when the role asked for it. */
  adres?: string | null;
  /** geheimhoudingPersoonsgegevens: nothing of this person goes to third parties. */
  geheimhouding?: boolean;
  /** opschortingBijhouding reden O: died. */
  overleden?: boolean;
  /** Not living here: opschorting E (emigratie) or R (RNI), or RNI deelnemers delivered the data. */
  rni?: boolean;
}

/**
 * What each role may see (dataminimalisatie): a KCC clerk or balie identifies a person by name,
 * birth date and address; nobody here needs more of the BRP. Roles not listed ask nothing.
 */
export const BRP_FIELDS: Partial<Record<Role, readonly string[]>> = {
  kcc: ['burgerservicenummer', 'naam.voornamen', 'naam.voorvoegsel', 'naam.geslachtsnaam', 'geboorte.datum', 'adressering.adresregel1', 'adressering.adresregel2'],
  balie: ['burgerservicenummer', 'naam.voornamen', 'naam.voorvoegsel', 'naam.geslachtsnaam', 'geboorte.datum', 'adressering.adresregel1', 'adressering.adresregel2'],
  teamleider: ['burgerservicenummer', 'naam.voornamen', 'naam.voorvoegsel', 'naam.geslachtsnaam', 'geboorte.datum', 'adressering.adresregel1', 'adressering.adresregel2'],
};

/** The union of the fields of a user's roles; empty when none of them may ask the BRP. */
export function brpFieldsFor(roles: readonly Role[]): string[] {
  return [...new Set(roles.flatMap((role) => BRP_FIELDS[role] ?? []))];
}

/** The identification fields only (the achternaam + geboortedatum question of issue 3). */
const ZOEK_FIELDS = ['burgerservicenummer', 'naam', 'geboorte.datum'];

/** The BRP as Klantbeeld asks it: one method, every question (a small interface for fakes). */
export interface Personen {
  zoek(vraag: BrpVraag, fields: readonly string[]): Promise<BrpPersoon[]>;
  readonly gemeenteVanInschrijving: string | null;
}

export class BrpClient implements Personen {
  private readonly url: string;
  readonly http: RegisterHttp;
  readonly gemeenteVanInschrijving: string | null;

  constructor(options: BrpClientOptions) {
    this.url = `${options.url.replace(/\/+$/, '')}/personen`;
    this.http = new RegisterHttp({ naam: 'de BRP', headers: { 'X-API-KEY': options.apiKey }, timeoutMs: options.timeoutMs ?? 10_000 });
    this.gemeenteVanInschrijving = options.gemeenteVanInschrijving ?? null;
  }

  /** ZoekMetGeslachtsnaamEnGeboortedatum: the persons the BRP finds (at most a handful). */
  zoekMetGeslachtsnaamEnGeboortedatum(vraag: BrpZoekVraag): Promise<BrpPersoon[]> {
    return this.zoek(
      {
        type: 'ZoekMetGeslachtsnaamEnGeboortedatum',
        geslachtsnaam: vraag.geslachtsnaam,
        geboortedatum: vraag.geboortedatum,
        ...(vraag.voorvoegsel ? { voorvoegsel: vraag.voorvoegsel } : {}),
        ...(vraag.voornamen ? { voornamen: vraag.voornamen } : {}),
      },
      ZOEK_FIELDS,
    );
  }

  async zoek(vraag: BrpVraag, fields: readonly string[]): Promise<BrpPersoon[]> {
    if (fields.length === 0) return [];
    const answer = (await this.http.json(this.url, { method: 'POST', body: { ...vraag, fields } })) as { personen?: unknown } | null;
    const personen = Array.isArray(answer?.personen) ? (answer.personen as Record<string, unknown>[]) : [];
    return personen.map(toPersoon);
  }
}

function toPersoon(p: Record<string, unknown>): BrpPersoon {
  const naam = (p.naam ?? {}) as Record<string, unknown>;
  const datum = ((p.geboorte as Record<string, unknown> | undefined)?.datum ?? {}) as Record<string, unknown>;
  const adressering = (p.adressering ?? {}) as Record<string, unknown>;
  const reden = (((p.opschortingBijhouding ?? {}) as Record<string, unknown>).reden ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  const adres = [str(adressering.adresregel1), str(adressering.adresregel2)].filter((v): v is string => v !== null).join(', ');
  return {
    burgerservicenummer: str(p.burgerservicenummer),
    geslachtsnaam: str(naam.geslachtsnaam),
    voornamen: str(naam.voornamen),
    voorvoegsel: str(naam.voorvoegsel),
    geboortedatum: str(datum.datum),
    adres: adres || null,
    geheimhouding: p.geheimhoudingPersoonsgegevens === true,
    overleden: reden.code === 'O',
    rni: reden.code === 'E' || reden.code === 'R' || (Array.isArray(p.rni) && p.rni.length > 0),
  };
}
