/**
 * Local shapes the adapters map remote objects into. Remote field names stop at the adapter;
 * services and the store only know these.
 */
export interface CustomerRecord {
  sourceUrl: string;
  soort: 'persoon' | 'organisatie';
  naam: string;
  bsn: string | null;
  kvkNummer: string | null;
  vestigingsnummer: string | null;
  adres: string | null;
  telefoonnummers: string[];
  emailadressen: string[];
  geheimhouding: boolean;
  /** The address as separate keys for postcode + huisnummer search (issue 3); absent = unknown. */
  postcode?: string | null;
  huisnummer?: number | null;
  huisnummertoevoeging?: string | null;
}

export interface ContactRecord {
  sourceUrl: string;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  plaatsgevondenOp: string;
  gespreksresultaat: string | null;
  afdeling: string | null;
  medewerker: string | null;
  zaakIdentificaties: string[];
}

export interface ZaakRecord {
  sourceUrl: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  status: string | null;
  startdatum: string;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  einddatum: string | null;
}

export interface Dossier {
  contacts: ContactRecord[];
  zaken: ZaakRecord[];
  /** Sources that could not be read this time; the others' data is there (Dutch, for the clerk). */
  warnings?: string[];
}
