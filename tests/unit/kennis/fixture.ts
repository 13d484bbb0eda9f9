import { join } from 'node:path';
import { kennisartikelen, type KennisArtikelSeed } from '../../../src/demo/seed/kennis';
import { KennisService } from '../../../src/main/core/kennis/service';
import type { SourceArtikel } from '../../../src/main/core/kennis/source';
import { KennisStore } from '../../../src/main/core/kennis/store';
import { Store } from '../../../src/main/core/store';

export function seedToSource(a: KennisArtikelSeed): SourceArtikel {
  return {
    id: a.id,
    soort: 'artikel',
    sourceUrl: `https://objecten.test/api/v2/objects/${a.id}`,
    fingerprint: `${a.id}:1`,
    titel: a.titel,
    samenvatting: a.samenvatting,
    afdeling: a.afdeling,
    upl: a.upl ?? null,
    trefwoorden: a.trefwoorden,
    synoniemen: a.synoniemen,
    secties: Object.entries(a.secties).map(([sleutel, html]) => ({ sleutel, html: html ?? '' })),
    kanaalAntwoorden: a.kanaalAntwoorden,
    laatstBeoordeeld: a.laatstBeoordeeld,
  };
}

/** A real SQLite store (all migrations) with the 150 Turfbrug articles indexed. */
export function openKennis(dir: string, artikelen: readonly KennisArtikelSeed[] = kennisartikelen): { store: Store; service: KennisService } {
  const store = Store.open(join(dir, 'kennis.sqlite'));
  const kennis = new KennisStore(store.db);
  store.transaction(() => {
    for (const a of artikelen) kennis.upsertArtikel(seedToSource(a), '2026-11-28T10:00:00.000Z');
  });
  return { store, service: new KennisService(kennis, 'test') };
}
