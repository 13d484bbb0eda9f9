import { fakerNL } from '@faker-js/faker';
import type { Prng } from './prng';

/**
 * Name and address pools for Turfbrug. Faker's Dutch word lists are read once (no faker RNG
 * calls at all, so the data does not depend on faker's generator); voorvoegsels and the
 * Turfbrug streets are our own.
 */
interface PersonDefs { first_name?: { female?: string[]; male?: string[]; generic?: string[] }; last_name?: { generic?: string[] } | string[] }
const defs = (fakerNL.rawDefinitions.person ?? {}) as PersonDefs;

const fallbackFemale = ['Anna', 'Emma', 'Sophie', 'Julia', 'Lotte', 'Sanne', 'Anouk', 'Fleur', 'Iris', 'Eva'];
const fallbackMale = ['Jan', 'Pieter', 'Daan', 'Lucas', 'Thomas', 'Bram', 'Sem', 'Ruben', 'Joris', 'Koen'];

export const FIRST_NAMES_FEMALE: readonly string[] = [
  ...(defs.first_name?.female ?? fallbackFemale),
  'Ingrid', 'Marieke', 'Wilma', 'Annemarie', 'Gerda', 'Hanneke', 'Petra', 'Yvonne', 'Fatima', 'Samira',
].filter((n) => n.length <= 30);
export const FIRST_NAMES_MALE: readonly string[] = [
  ...(defs.first_name?.male ?? fallbackMale),
  'Henk', 'Gerrit', 'Kees', 'Wim', 'Johan', 'Hendrik', 'Mohamed', 'Ahmet', 'Sjoerd', 'Wouter',
].filter((n) => n.length <= 30);

const fakerLastNames = Array.isArray(defs.last_name) ? defs.last_name : (defs.last_name?.generic ?? []);

/** [voorvoegsel, achternaam]; about a third carry a voorvoegsel, as in the Netherlands. */
export const LAST_NAMES: readonly (readonly [string, string])[] = [
  ...fakerLastNames.map((n) => ['', n] as const),
  ...['Vries', 'Jong', 'Boer', 'Graaf', 'Haan', 'Groot', 'Bruijn', 'Wit', 'Lange', 'Koning', 'Ridder', 'Kok'].map((n) => ['de', n] as const),
  ...['Dijk', 'Leeuwen', 'Beek', 'Vliet', 'Wijk', 'Dam', 'Rijn', 'Doorn', 'Loon', 'Veen', 'Dongen', 'Houten', 'Kampen', 'Essen'].map((n) => ['van', n] as const),
  ...['Berg', 'Meer', 'Linden', 'Heijden', 'Wal', 'Velde', 'Veen', 'Plas', 'Laan', 'Sluis', 'Zee'].map((n) => ['van der', n] as const),
  ...['Broek', 'Bosch', 'Heuvel', 'Berg', 'Akker', 'Brink', 'Hoek', 'Oever'].map((n) => ['van den', n] as const),
  ...['Hof', 'Zand', 'Veld', 'Hul'].map((n) => ["van 't", n] as const),
  ['ter', 'Horst'], ['ter', 'Haar'], ['ten', 'Cate'], ['ten', 'Bosch'], ["in 't", 'Veld'], ['op de', 'Beek'], ['van de', 'Kamp'], ['van de', 'Pol'],
];

/** Turfbrug streets with the postcode digits of their neighbourhood. */
export const STREETS: readonly (readonly [string, string])[] = [
  ['Turfmarkt', '8441'], ['Veenweg', '8441'], ['Brugstraat', '8441'], ['Kerkstraat', '8441'], ['Marktplein', '8441'],
  ['Schoolstraat', '8442'], ['Molenweg', '8442'], ['Vaartweg', '8442'], ['Sluisweg', '8442'], ['Stationsweg', '8442'],
  ['Lindelaan', '8443'], ['Beukenlaan', '8443'], ['Eikenlaan', '8443'], ['Berkenhof', '8443'], ['Wilgenpad', '8443'],
  ['Heidebloem', '8444'], ['Klaverweide', '8444'], ['Boterbloem', '8444'], ['Zonnedauw', '8444'], ['Lisdodde', '8444'],
  ['Pieter Stuyvesantlaan', '8445'], ['Michiel de Ruyterstraat', '8445'], ['Tjalkstraat', '8445'], ['Praamweg', '8445'], ['Skûtsjewal', '8445'],
  ['Dwarsvaart', '8446'], ['Compagnonsvaart', '8446'], ['Turfsteker', '8446'], ['Veenderij', '8446'], ['Hooiland', '8446'],
  ['Burgemeester Visserstraat', '8447'], ['Julianastraat', '8447'], ['Wilhelminalaan', '8447'], ['Oranjewal', '8447'], ['Prins Bernhardweg', '8447'],
  ['Industrieweg', '8448'], ['Ambachtsweg', '8448'], ['Nijverheidsstraat', '8448'], ['Handelskade', '8448'], ['Havenstraat', '8448'],
];

export const TOEVOEGINGEN = ['A', 'B', 'C', '1', '2', 'bis', 'rood', 'zw'] as const;

export interface Adres {
  nummeraanduidingId: string; straatnaam: string; huisnummer: number; huisnummertoevoeging: string;
  postcode: string; stad: string; adresregel1: string; adresregel2: string; adresregel3: string; land: string;
}

export function makeAdres(prng: Prng): Adres {
  const [straat, pc] = prng.pick(STREETS);
  const huisnummer = prng.range(1, 180);
  const toevoeging = prng.chance(0.12) ? prng.pick(TOEVOEGINGEN) : '';
  const letters = String.fromCharCode(65 + prng.int(26)) + String.fromCharCode(65 + prng.int(26));
  return turfbrugAdres(straat, huisnummer, toevoeging, `${pc} ${letters}`, prng.int(1_000_000));
}

export function turfbrugAdres(straat: string, huisnummer: number, toevoeging: string, postcode: string, bagSeq: number): Adres {
  const nr = toevoeging ? `${huisnummer}${/^\d/.test(toevoeging) ? '-' : ''}${toevoeging}` : String(huisnummer);
  return {
    nummeraanduidingId: '1990200000' + String(bagSeq).padStart(6, '0'),
    straatnaam: straat, huisnummer, huisnummertoevoeging: toevoeging, postcode, stad: 'Turfbrug',
    adresregel1: `${straat} ${nr}`, adresregel2: `${postcode}  TURFBRUG`, adresregel3: '', land: 'NL',
  };
}

export function initialsOf(voornaam: string): string {
  return voornaam.split(/[\s-]+/).filter(Boolean).map((p) => p[0]?.toUpperCase() + '.').join('');
}

const ORG_PREFIX = ['Bakkerij', 'Garagebedrijf', 'Installatiebedrijf', 'Café', 'Restaurant', 'Kapsalon', 'Bouwbedrijf', 'Schildersbedrijf',
  'Hoveniersbedrijf', 'Transportbedrijf', 'Administratiekantoor', 'Fysiotherapie', 'Dierenkliniek', 'Fietsenmaker', 'Loonbedrijf', 'Slagerij',
  'Bloemenhuis', 'Stichting', 'Vereniging', 'Sportvereniging', 'Speeltuinvereniging', 'Woningcorporatie', 'Evenementenbureau', 'Snackbar'];
const ORG_SUFFIX = ['B.V.', 'V.O.F.', '', '', '& Zn.', 'Turfbrug', 'Noord', 'De Veenhoek'];

export function orgNaam(prng: Prng): string {
  const [vv, an] = prng.pick(LAST_NAMES);
  const base = prng.chance(0.5) ? `${prng.pick(ORG_PREFIX)} ${vv ? vv + ' ' : ''}${an}` : `${prng.pick(ORG_PREFIX)} ${prng.pick(['De Turf', 'Het Veen', 'De Brug', 'De Vaart', 'Het Anker', 'De Zon', 'De Hoop', 'Eendracht'])}`;
  const suffix = prng.pick(ORG_SUFFIX);
  return suffix ? `${base} ${suffix}` : base;
}
