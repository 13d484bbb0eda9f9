import { createIndexes, getMeta, setMeta, type Db } from '../db/open';
import { SCHEMA_VERSION, TABLES } from '../db/schema';
import type { SeedContext, SeedCounts } from './context';
import { seedActoren, seedCatalogi } from './gen-catalogi-actoren';
import { seedKlantcontacten } from './gen-klantcontacten';
import { seedPartijen } from './gen-partijen';
import { seedTerugbellen } from './gen-terugbellen';
import { seedZaken } from './gen-zaken';
import { seedKennis } from './kennis-loader';
import { Prng } from './prng';

export type SeedSize = 'demo' | 'bench' | { persons: number; organisations: number; klantcontacten: number; zaken: number };
export interface SeedOptions { size?: SeedSize; seed?: number; onProgress?: (done: number, total: number, what: string) => void }

export const DEFAULT_SEED = 20261128;

export function resolveSize(size: SeedSize = 'demo'): SeedCounts {
  if (size === 'demo') return { persons: 500, organisations: 50, klantcontacten: 3_000, zaken: 800, internetaken: 150 };
  if (size === 'bench') return { persons: 100_000, organisations: 2_000, klantcontacten: 1_000_000, zaken: 300_000, internetaken: 50_000 };
  const c = { persons: size.persons, organisations: size.organisations, klantcontacten: size.klantcontacten, zaken: size.zaken };
  for (const [k, v] of Object.entries(c)) if (!Number.isInteger(v) || v < 0) throw new Error(`Ongeldige seed-omvang: ${k}=${v}`);
  return { ...c, internetaken: Math.round(c.klantcontacten / 20) };
}

export function isSeeded(db: Db): boolean {
  return getMeta(db, 'seeded_at') !== undefined;
}

/**
 * Fills an open demo database with the deterministic Turfbrug data. No-op if already seeded.
 * Bulk load runs with a rollback journal and synchronous=OFF in large transactions; a half-finished
 * seed (no `seeded_at` marker) is wiped and redone on the next call.
 */
export function seedInto(db: Db, opts: SeedOptions = {}): boolean {
  if (isSeeded(db)) return false;
  const counts = resolveSize(opts.size);
  const seed = opts.seed ?? DEFAULT_SEED;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) db.exec(`DROP TABLE "${t}"`);
  db.pragma('journal_mode = DELETE'); // better-sqlite3(-multiple-ciphers) runs in defensive mode: journal_mode OFF is refused
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.exec(TABLES);
  const total = counts.persons + counts.organisations + counts.zaken + counts.klantcontacten;
  let done = 0;
  const ctx: SeedContext = {
    db, prng: new Prng(seed), counts,
    progress: (units, what) => { done += units; opts.onProgress?.(done, total, what); },
    zaaktypen: [], actor: { afdeling: new Map(), groep: new Map(), medewerkers: [] },
    partij: { voornaam: [], voorletters: [], voorvoegsel: [], achternaam: [], naam: [], bsn: [], kvk: [], vestiging: [], rsin: [], geboortedatum: [], geslacht: [], adres: [], straat: [], huisnummer: [], postcode: [] },
    partijIdOffset: 1,
    zaak: { uuid: [], start: new Int32Array(0), end: new Int32Array(0), zaaktype: new Uint8Array(0), byPartij: new Map() },
  };
  seedCatalogi(ctx);
  seedActoren(ctx);
  seedPartijen(ctx);
  seedZaken(ctx);
  seedKlantcontacten(ctx);
  // Added last, with its own random stream: everything generated before stays as it was.
  seedTerugbellen(ctx);
  seedKennis(db);
  opts.onProgress?.(done, total, 'indexen');
  createIndexes(db);
  setMeta(db, 'schema_version', String(SCHEMA_VERSION));
  setMeta(db, 'seed', String(seed));
  setMeta(db, 'size', JSON.stringify(counts));
  setMeta(db, 'seeded_at', 'seed');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('journal_mode = WAL');
  return true;
}
