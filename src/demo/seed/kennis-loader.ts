import type { Db } from '../db/open';

/** Shape of the kennisbank articles in ./kennis.ts (written separately). */
export interface KennisArtikelSeed {
  id: string; titel: string; samenvatting: string; afdeling: string; upl?: string; trefwoorden: string[]; synoniemen: string[];
  secties: Partial<Record<'inleiding' | 'aanvraag' | 'voorwaarden' | 'kosten' | 'termijn' | 'bezwaar' | 'bijzonderheden' | 'contact', string>>;
  kanaalAntwoorden: Record<'telefoon' | 'balie' | 'e-mail' | 'chat', string>; laatstBeoordeeld: string;
}

// ./kennis.ts is written by another part of the project; until it exists the kennisbank stays empty.
// The specifier is a variable so the type checker does not require the file to exist yet.
const kennisModule = './kennis';
async function load(): Promise<KennisArtikelSeed[]> {
  try {
    const mod = (await import(/* @vite-ignore */ kennisModule)) as { kennisartikelen?: KennisArtikelSeed[] };
    return mod.kennisartikelen ?? [];
  } catch {
    return [];
  }
}

export const kennisartikelen: readonly KennisArtikelSeed[] = await load();

export function seedKennis(db: Db, artikelen: readonly KennisArtikelSeed[] = kennisartikelen): number {
  const ins = db.prepare(`INSERT OR REPLACE INTO kennisartikel (id, titel, samenvatting, afdeling, upl, trefwoorden, synoniemen, secties, kanaal_antwoorden, laatst_beoordeeld)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const a of artikelen) {
      ins.run(a.id, a.titel, a.samenvatting, a.afdeling, a.upl ?? null, JSON.stringify(a.trefwoorden), JSON.stringify(a.synoniemen),
        JSON.stringify(a.secties), JSON.stringify(a.kanaalAntwoorden), a.laatstBeoordeeld);
    }
  })();
  return artikelen.length;
}
