/**
 * Where kennisbank content comes from. A source lists everything it has, each item with a
 * stable id and a fingerprint that changes when the item changes; the sync (sync.ts) decides
 * what to write and what to delete. A second source (e.g. an SDG/PDC product catalogue or a
 * file export) only has to implement `list`.
 */
export type KennisKanaal = 'telefoon' | 'balie' | 'e-mail' | 'chat';
export const KENNIS_KANALEN: readonly KennisKanaal[] = ['telefoon', 'balie', 'e-mail', 'chat'];

export interface SourceArtikel {
  id: string;
  soort: 'artikel' | 'vac';
  sourceUrl: string;
  fingerprint: string;
  titel: string;
  samenvatting: string;
  afdeling: string | null;
  upl: string | null;
  trefwoorden: string[];
  synoniemen: string[];
  /** Raw (unsanitised) HTML per section, in display order. */
  secties: { sleutel: string; html: string }[];
  kanaalAntwoorden: Partial<Record<KennisKanaal, string>>;
  laatstBeoordeeld: string | null;
}

export interface SourceNieuws {
  id: string;
  sourceUrl: string;
  fingerprint: string;
  soort: 'nieuws' | 'werkinstructie';
  titel: string;
  html: string;
  belangrijk: boolean;
  publicatieStart: string;
  publicatieEind: string | null;
}

export interface KennisSnapshot {
  artikelen: SourceArtikel[];
  nieuws: SourceNieuws[];
}

export interface KennisSource {
  readonly label: string;
  /** Everything the source publishes now. Throws on a network or auth failure (nothing is deleted then). */
  list(signal?: AbortSignal): Promise<KennisSnapshot>;
}
