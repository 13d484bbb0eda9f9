// Types for the Turfbrug kennisbank seed (demo data; imports nothing from the app).

export type KennisSectie =
  | 'inleiding'
  | 'aanvraag'
  | 'voorwaarden'
  | 'kosten'
  | 'termijn'
  | 'bezwaar'
  | 'bijzonderheden'
  | 'contact';

export type KennisKanaal = 'telefoon' | 'balie' | 'e-mail' | 'chat';

export const KENNIS_AFDELINGEN = [
  'Burgerzaken',
  'Belastingen',
  'Vergunningen',
  'Parkeren',
  'Sociaal Domein',
  'Afval en Reiniging',
  'Openbare Ruimte',
  'Dienstverlening',
] as const;

export type KennisAfdeling = (typeof KENNIS_AFDELINGEN)[number];

export interface KennisArtikelSeed {
  /** Stable slug, e.g. 'paspoort-aanvragen'. */
  id: string;
  titel: string;
  /** 1-2 sentences, in the words citizens use. */
  samenvatting: string;
  afdeling: KennisAfdeling;
  /** UPL (Uniforme Productnamenlijst) name where one exists. */
  upl?: string;
  /** 3-8 keywords. */
  trefwoorden: string[];
  /** Words citizens use instead of the official term. */
  synoniemen: string[];
  /** Simple HTML per section; 3-7 sections per article. */
  secties: Partial<Record<KennisSectie, string>>;
  /** The same question answered per channel. */
  kanaalAntwoorden: Record<KennisKanaal, string>;
  /** YYYY-MM-DD. */
  laatstBeoordeeld: string;
}
