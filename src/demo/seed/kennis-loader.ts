import type { Db } from '../db/open';
import { kennisartikelen, type KennisArtikelSeed } from './kennis';

export type { KennisArtikelSeed } from './kennis';
export { kennisartikelen };

/** Stores the Turfbrug kennisbank (src/demo/seed/kennis.ts) in the demo database; served by a later endpoint. */
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
