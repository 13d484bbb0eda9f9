import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDatabase } from '../../../src/demo';
import { isElfproef, testRangeBsnPool } from '../../../src/demo/seed/bsn';
import { kennisartikelen } from '../../../src/demo/seed/kennis-loader';
import { KCC_TERUGBELLEN } from '../../../src/demo/seed/gen-terugbellen';
import { Prng } from '../../../src/demo/seed/prng';
import { ZAAK_FROM, ZAAK_SELECT } from '../../../src/demo/api/zaken/render';

const dir = mkdtempSync(join(tmpdir(), 'klantbeeld-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = { persons: 120, organisations: 12, klantcontacten: 600, zaken: 150 };
const TABLES = ['partij', 'partij_identificator', 'digitaal_adres', 'zaak', 'status', 'rol', 'klantcontact', 'betrokkene', 'onderwerpobject', 'actor', 'actorklantcontact', 'internetaak', 'internetaak_actor', 'zaaktype', 'statustype'];

function hashOf(path: string): string {
  const db = new Database(path, { readonly: true });
  const h = createHash('sha256');
  for (const t of TABLES) h.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  db.close();
  return h.digest('hex');
}

describe('seed determinism', () => {
  it('same seed gives byte-identical tables, another seed different data', () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const c = join(dir, 'c.sqlite');
    seedDemoDatabase(a, { size: small });
    seedDemoDatabase(b, { size: small });
    seedDemoDatabase(c, { size: small, seed: 7 });
    expect(hashOf(a)).toBe(hashOf(b));
    expect(hashOf(a)).not.toBe(hashOf(c));
  });
  it('is idempotent: seeding an already seeded file changes nothing', () => {
    const a = join(dir, 'a.sqlite');
    const before = hashOf(a);
    seedDemoDatabase(a, { size: 'demo' });
    expect(hashOf(a)).toBe(before);
  });
  it('reports progress up to the total', () => {
    const calls: [number, number, string][] = [];
    seedDemoDatabase(join(dir, 'p.sqlite'), { size: small, onProgress: (d, t, w) => calls.push([d, t, w]) });
    const last = calls.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(new Set(calls.map((c) => c[2]))).toEqual(new Set(['partijen', 'zaken', 'klantcontacten', 'indexen']));
  });
});

describe('BSN generator', () => {
  it('yields unique 11-proef-valid numbers from the 999 test range', () => {
    const pool = testRangeBsnPool(new Prng(1), ['999993653']);
    expect(pool.length).toBeGreaterThan(90_000);
    expect(new Set(pool).size).toBe(pool.length);
    expect(pool).not.toContain('999993653');
    for (const bsn of pool) {
      expect(bsn).toMatch(/^999\d{6}$/);
      expect(isElfproef(bsn)).toBe(true);
    }
  });
  it('elfproef rejects wrong numbers', () => {
    expect(isElfproef('999993653')).toBe(true);
    expect(isElfproef('999993654')).toBe(false);
    expect(isElfproef('000000000')).toBe(false);
    expect(isElfproef('12345678')).toBe(false);
  });
});

describe('the demo data set', () => {
  let db: Database.Database;
  beforeAll(() => {
    const p = join(dir, 'demo.sqlite');
    seedDemoDatabase(p, { size: 'demo' });
    db = new Database(p, { readonly: true });
  });
  afterAll(() => db.close());
  const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;
  const count = (sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { c: number }).c;

  it('has the requested sizes', () => {
    expect(count("SELECT count(*) c FROM partij WHERE soort_partij = 'persoon'")).toBe(500);
    expect(count("SELECT count(*) c FROM partij WHERE soort_partij = 'organisatie'")).toBe(50);
    // 3000 generated contacts, plus the KCC's own terugbelverzoeken and their attempts (gen-terugbellen.ts).
    const kccTaken = KCC_TERUGBELLEN.open + KCC_TERUGBELLEN.afgehandeld;
    expect(count('SELECT count(*) c FROM klantcontact') - kccTaken - count("SELECT count(*) c FROM onderwerpobject WHERE code_objecttype = 'internetaak'")).toBe(3000);
    expect(count('SELECT count(*) c FROM zaak')).toBe(800);
    expect(count('SELECT count(*) c FROM internetaak')).toBe(150 + kccTaken);
    expect(count("SELECT count(*) c FROM internetaak WHERE status = 'te_verwerken' AND toegewezen_op < '2026-11-20'")).toBeGreaterThan(0);
    expect(count("SELECT count(DISTINCT zaaktype_id) c FROM zaak")).toBeGreaterThanOrEqual(12);
    expect(count("SELECT count(*) c FROM actor WHERE soort_actor = 'medewerker'")).toBe(25);
    expect(count("SELECT count(*) c FROM actor WHERE code_objecttype = 'afd'")).toBe(4);
    expect(count("SELECT count(*) c FROM actor WHERE code_objecttype = 'grp'")).toBe(6);
    expect(count("SELECT count(*) c FROM betrokkene WHERE partij_id IS NULL")).toBeGreaterThan(0);
    expect(count("SELECT count(*) c FROM partij WHERE voorvoegsel_achternaam <> ''")).toBeGreaterThan(50);
    expect(count("SELECT count(*) c FROM partij WHERE indicatie_geheimhouding = 1")).toBeGreaterThan(0);
    const bsns = db.prepare("SELECT object_id FROM partij_identificator WHERE code_soort_object_id = 'bsn'").all() as { object_id: string }[];
    expect(bsns.length).toBe(500);
    expect(bsns.every((b) => b.object_id.startsWith('999') && isElfproef(b.object_id))).toBe(true);
    expect(count("SELECT count(*) c FROM klantcontact WHERE plaatsgevonden_op < '2024-11-28' OR plaatsgevonden_op > '2026-11-28'")).toBe(0);
  });

  it('contains Bert Burger\'s dossier', () => {
    const p = one<{ id: number; voornaam: string; achternaam: string; bezoekadres: string }>(
      "SELECT p.* FROM partij p JOIN partij_identificator i ON i.partij_id = p.id WHERE i.object_id = '999993653' AND i.code_soort_object_id = 'bsn'");
    expect(p).toMatchObject({ voornaam: 'Bert', achternaam: 'Burger' });
    expect(JSON.parse(p.bezoekadres)).toMatchObject({ stad: 'Turfbrug', straatnaam: 'Turfmarkt', huisnummer: 12 });
    const adressen = (db.prepare('SELECT adres FROM digitaal_adres WHERE partij_id = ?').all(p.id) as { adres: string }[]).map((a) => a.adres);
    expect(adressen).toEqual(expect.arrayContaining(['06-12345678', 'bert.burger@example.nl']));
    const contacten = db.prepare('SELECT k.kanaal FROM klantcontact k JOIN betrokkene b ON b.klantcontact_id = k.id WHERE b.partij_id = ?').all(p.id) as { kanaal: string }[];
    expect(contacten.length).toBeGreaterThanOrEqual(6);
    expect(new Set(contacten.map((c) => c.kanaal)).size).toBeGreaterThanOrEqual(3);
    const zaken = db.prepare("SELECT z.einddatum FROM zaak z JOIN rol r ON r.zaak_id = z.id WHERE r.inp_bsn = '999993653'").all() as { einddatum: string | null }[];
    expect(zaken.filter((z) => z.einddatum === null).length).toBeGreaterThanOrEqual(2);
    expect(zaken.filter((z) => z.einddatum !== null).length).toBeGreaterThanOrEqual(1);
    expect(count(`SELECT count(*) c FROM internetaak t JOIN betrokkene b ON b.klantcontact_id = t.klantcontact_id WHERE b.partij_id = ? AND t.status = 'te_verwerken'`, p.id)).toBe(1);
    expect(one<{ naam: string }>("SELECT naam FROM actor WHERE object_id = 'bianca.de.vries@turfbrug.nl' AND soort_actor = 'medewerker'").naam).toBe('Bianca de Vries');
  });

  it("gives the KCC and Bianca callbacks in every state: open ones from 0..6 werkdagen ago, some picked up, some with attempts; handled ones over 8 weeks, some late", () => {
    const kcc = "SELECT t.* FROM internetaak t WHERE t.id IN (SELECT ia.internetaak_id FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE a.object_id = 'KCC')";
    expect(count(`SELECT count(*) c FROM (${kcc}) WHERE status = 'te_verwerken'`)).toBeGreaterThanOrEqual(20);
    expect(count(`SELECT count(DISTINCT substr(toegewezen_op, 1, 10)) c FROM (${kcc}) WHERE status = 'te_verwerken'`)).toBeGreaterThanOrEqual(5);
    const picked = (email: string) =>
      count(`SELECT count(*) c FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id JOIN internetaak t ON t.id = ia.internetaak_id WHERE a.object_id = ? AND t.status = 'te_verwerken'`, email);
    expect(picked('bianca.de.vries@turfbrug.nl')).toBeGreaterThan(0);
    expect(picked('kevin.mulder@turfbrug.nl')).toBeGreaterThan(0);
    expect(count(`SELECT count(DISTINCT o.object_id) c FROM onderwerpobject o JOIN (${kcc}) t ON t.uuid = o.object_id WHERE t.status = 'te_verwerken' AND o.code_objecttype = 'internetaak'`)).toBeGreaterThan(0);
    const handled = db.prepare(`SELECT toegewezen_op, afgehandeld_op, toelichting FROM (${kcc}) WHERE status = 'verwerkt'`).all() as { toegewezen_op: string; afgehandeld_op: string; toelichting: string }[];
    expect(handled.length).toBeGreaterThanOrEqual(KCC_TERUGBELLEN.afgehandeld);
    expect(new Set(handled.map((h) => h.afgehandeld_op.slice(0, 7))).size).toBeGreaterThanOrEqual(2);
    expect(handled.every((h) => h.afgehandeld_op > h.toegewezen_op && h.afgehandeld_op < '2026-11-28')).toBe(true);
    // Late: handled more than a week after it came in (well beyond a 2-werkdagen norm).
    expect(handled.some((h) => Date.parse(h.afgehandeld_op) - Date.parse(h.toegewezen_op) > 4 * 86_400_000)).toBe(true);
    expect(handled.every((h) => /\n» Afgehandeld: .+ \(.+, \d\d-\d\d-\d{4}\)$/.test(h.toelichting))).toBe(true);
  });

  it('serves the hot list queries from indexes (no full scans)', () => {
    const plan = (sql: string, ...params: unknown[]): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const queries = [
      // zaken of a BSN (GET /zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=)
      plan('SELECT z.* FROM zaak z WHERE z.id IN (SELECT zaak_id FROM rol WHERE inp_bsn = ?) ORDER BY z.id DESC LIMIT 100', '999993653'),
      // klantcontacten of a partij (GET /klantcontacten?hadBetrokkene__wasPartij__uuid=)
      plan('SELECT k.* FROM klantcontact k WHERE k.id IN (SELECT klantcontact_id FROM betrokkene WHERE partij_id = (SELECT id FROM partij WHERE uuid = ?)) ORDER BY +k.plaatsgevonden_op DESC, +k.id DESC LIMIT 100', 'x'),
      // partij by BSN (GET /partijen?partijIdentificator__objectId=)
      plan("SELECT p.* FROM partij p WHERE p.id IN (SELECT partij_id FROM partij_identificator WHERE code_soort_object_id = 'bsn' AND object_id = ?) ORDER BY p.id LIMIT 100", '999993653'),
      // werkvoorraad (GET /internetaken?status=te_verwerken&toegewezenAanActor__uuid=)
      plan("SELECT t.* FROM internetaak t WHERE t.status = 'te_verwerken' AND t.id IN (SELECT internetaak_id FROM internetaak_actor WHERE actor_id = (SELECT id FROM actor WHERE uuid = ?)) ORDER BY t.id DESC LIMIT 100", 'x'),
      // newest klantcontacten (GET /klantcontacten)
      plan('SELECT k.* FROM klantcontact k ORDER BY k.plaatsgevonden_op DESC, k.id DESC LIMIT 100'),
    ];
    // the joined list queries walk the base table's index, whatever ANALYZE concluded
    const newestZaken = plan(`SELECT ${ZAAK_SELECT} ${ZAAK_FROM} ORDER BY z.id DESC LIMIT 100`);
    expect(newestZaken).not.toContain('TEMP B-TREE');
    expect(newestZaken.indexOf('SCAN z')).toBe(0);
    const akc = plan('SELECT ak.uuid FROM actorklantcontact ak CROSS JOIN actor a ON a.id = ak.actor_id ORDER BY ak.id LIMIT 100');
    expect(akc).not.toContain('TEMP B-TREE');
    for (const p of queries) expect(p).not.toMatch(/SCAN (z|k|p|t|rol|betrokkene|partij_identificator|internetaak_actor)\b(?! USING)/);
    expect(queries[0]).toContain('rol_bsn');
    expect(queries[1]).toContain('betrokkene_partij');
    expect(queries[2]).toContain('partij_identificator_object');
    expect(queries[4]).toContain('klantcontact_tijd');
  });

  it('loads the kennisbank articles of src/demo/seed/kennis.ts', () => {
    expect(kennisartikelen.length).toBe(150);
    expect(count('SELECT count(*) c FROM kennisartikel')).toBe(kennisartikelen.length);
  });
});
