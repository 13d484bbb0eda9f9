import { testRangeBsnPool, randomRsin } from './bsn';
import { inChunks, type SeedContext } from './context';
import { BERT } from './bert';
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, STREETS, initialsOf, makeAdres, orgNaam, turfbrugAdres, type Adres } from './pools';

const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();

/** Persons (Bert Burger first) and organisations as partijen with identificatoren and digitale adressen. */
export function seedPartijen(ctx: SeedContext): void {
  const { db, counts, partij: info } = ctx;
  const prng = ctx.prng.fork('partijen');
  const bsnPool = testRangeBsnPool(prng.fork('bsn'), [BERT.bsn]);
  const insPartij = db.prepare(`INSERT INTO partij (id, uuid, nummer, soort_partij, interne_notitie, indicatie_geheimhouding, indicatie_actief, voorkeurstaal,
    voorkeurs_digitaal_adres_id, voorletters, voornaam, voorvoegsel_achternaam, achternaam, naam, bezoekadres, correspondentieadres)
    VALUES (?, ?, ?, ?, ?, ?, 1, 'nld', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insIdent = db.prepare(`INSERT INTO partij_identificator (id, uuid, partij_id, andere_partij_identificator, code_objecttype, code_soort_object_id, object_id, code_register, sub_identificator_van_id)
    VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)`);
  const insDa = db.prepare(`INSERT INTO digitaal_adres (id, uuid, partij_id, betrokkene_id, adres, soort_digitaal_adres, is_standaard_adres, omschrijving, referentie, verificatie_datum)
    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, '', ?)`);
  let identId = 0;
  let daId = 0;
  const push = (f: Partial<Record<keyof typeof info, unknown>>): void => {
    for (const k of Object.keys(info) as (keyof typeof info)[]) (info[k] as unknown[]).push(f[k] ?? (k === 'huisnummer' ? 0 : k === 'bsn' || k === 'kvk' || k === 'vestiging' || k === 'rsin' ? null : ''));
  };
  const adresFields = (a: Adres) => ({ adres: JSON.stringify(a), straat: a.straatnaam, huisnummer: a.huisnummer, postcode: a.postcode });

  inChunks(ctx, counts.persons, 20_000, 'partijen', (i) => {
    const id = i + 1;
    const uuid = prng.uuid();
    let voornaam: string, voorletters: string, voorvoegsel: string, achternaam: string, adres: Adres, geslacht: string, bsn: string | null;
    let phone: string | null = null;
    let email: string | null = null;
    let geheim = 0;
    if (i === 0) {
      ({ voornaam, voorvoegsel, achternaam, geslacht } = BERT);
      voorletters = initialsOf(voornaam);
      adres = turfbrugAdres(BERT.straat, BERT.huisnummer, '', BERT.postcode, 1);
      bsn = BERT.bsn;
      phone = BERT.telefoon;
      email = BERT.email;
    } else {
      geslacht = prng.chance(0.5) ? 'v' : 'm';
      voornaam = prng.pick(geslacht === 'v' ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
      const tweede = prng.chance(0.35) ? ' ' + prng.pick(geslacht === 'v' ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE) : '';
      voorletters = initialsOf(voornaam + tweede);
      [voorvoegsel, achternaam] = prng.pick(LAST_NAMES);
      adres = makeAdres(prng);
      bsn = bsnPool[i - 1] ?? null;
      if (prng.chance(0.8)) phone = `06-${String(prng.int(100_000_000)).padStart(8, '0')}`;
      if (prng.chance(0.6)) email = `${ascii(voornaam)}.${ascii(voorvoegsel + achternaam)}${prng.chance(0.4) ? prng.range(1, 99) : ''}@example.nl`;
      geheim = prng.chance(0.01) ? 1 : 0;
    }
    const adresJson = JSON.stringify(adres);
    const corr = i !== 0 && prng.chance(0.05) ? JSON.stringify(makeAdres(prng)) : adresJson;
    const firstDa = phone || email ? daId + 1 : null;
    insPartij.run(id, uuid, String(id).padStart(10, '0'), 'persoon', '', geheim, firstDa, voorletters, voornaam, voorvoegsel, achternaam, null, adresJson, corr);
    if (bsn) insIdent.run(++identId, prng.uuid(), id, 'natuurlijk_persoon', 'bsn', bsn, 'brp', null);
    if (phone) insDa.run(++daId, prng.uuid(), id, phone, 'telefoonnummer', 1, 'Mobiel', i === 0 ? '2024-03-01' : null);
    if (email) insDa.run(++daId, prng.uuid(), id, email, 'email', phone ? 0 : 1, 'Privé', i === 0 ? '2024-03-01' : null);
    const day = 5_000 + prng.int(20_000); // 1983..2024
    push({ voornaam, voorletters, voorvoegsel, achternaam, naam: [voornaam, voorvoegsel, achternaam].filter(Boolean).join(' '), bsn,
      geboortedatum: i === 0 ? BERT.geboortedatum : new Date((day - 7_000) * 86_400_000).toISOString().slice(0, 10), geslacht, ...adresFields(adres) });
  });

  let kvk = 30_000_000 + prng.int(1_000_000);
  let vestiging = 10_000_000_000 + prng.int(1_000_000_000);
  inChunks(ctx, counts.organisations, 20_000, 'partijen', (j) => {
    const id = counts.persons + j + 1;
    const naam = orgNaam(prng);
    const [straat, pc] = prng.pick(STREETS.slice(-10));
    const adres = turfbrugAdres(straat, prng.range(1, 120), '', `${pc} ${String.fromCharCode(65 + prng.int(26))}${String.fromCharCode(65 + prng.int(26))}`, 500_000 + j);
    const adresJson = JSON.stringify(adres);
    kvk += 1 + prng.int(400);
    const kvkNr = String(kvk);
    const rsin = prng.chance(0.4) ? randomRsin(prng, 8) : null;
    const vest = prng.chance(0.3) ? String((vestiging += 1 + prng.int(5_000))).padStart(12, '0') : null;
    insPartij.run(id, prng.uuid(), String(id).padStart(10, '0'), 'organisatie', '', 0, daId + 1, null, null, null, null, naam, adresJson, adresJson);
    const kvkIdent = ++identId;
    insIdent.run(kvkIdent, prng.uuid(), id, 'niet_natuurlijk_persoon', 'kvk_nummer', kvkNr, 'hr', null);
    if (rsin) insIdent.run(++identId, prng.uuid(), id, 'niet_natuurlijk_persoon', 'rsin', rsin, 'hr', null);
    if (vest) insIdent.run(++identId, prng.uuid(), id, 'vestiging', 'vestigingsnummer', vest, 'hr', kvkIdent);
    const domein = ascii(naam).slice(0, 20) || 'bedrijf';
    insDa.run(++daId, prng.uuid(), id, `info@${domein}.example.nl`, 'email', 1, 'Algemeen', null);
    if (prng.chance(0.7)) insDa.run(++daId, prng.uuid(), id, `0512-${String(prng.int(1_000_000)).padStart(6, '0')}`, 'telefoonnummer', 0, 'Receptie', null);
    push({ naam, kvk: kvkNr, vestiging: vest, rsin, ...adresFields(adres) });
  });
}
