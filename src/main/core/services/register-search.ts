/**
 * Identify through the registers that hold the truth (issue 12): the BRP for persons, the
 * Handelsregister for organisations. A register hit becomes a Klantbeeld customer through its
 * partij in Open Klant (looked up by BSN or KvK-nummer, cached, marked by the register it came
 * from); a hit without a partij is returned as a register-only hit (masked BSN, a random key
 * for the list; nothing of it is kept). Every BRP question is logged in the verwerkingenlog with
 * its doelbinding.
 */
import { randomUUID } from 'node:crypto';
import { VOORVOEGSELS, type SearchKind } from '../../../shared/identify';
import type { Role } from '../../../shared/roles';
import { brpFieldsFor, type BrpPersoon, type BrpVraag, type Personen } from '../adapters/brp/client';
import type { Handelsregister, KvkInschrijving, KvkZoekVraag } from '../adapters/kvk/client';
import type { CustomerRecord } from '../store/records';

export type Melding = 'geheimhouding' | 'overleden' | 'rni';

/** A person or organisation a register knows and Open Klant does not (yet). */
export interface RegisterOnly {
  sleutel: string;
  soort: 'persoon' | 'organisatie';
  bron: 'brp' | 'kvk';
  naam: string;
  adres: string | null;
  bsnMasked: string | null;
  kvkNummer: string | null;
  meldingen: Melding[];
}

/** What a register answered: the keys to look up in Open Klant, with what the clerk must see. */
export interface RegisterAnswer {
  personen: { bsn: string; meldingen: Melding[]; only: RegisterOnly; naam: PersoonNaam }[];
  organisaties: { kvkNummer: string; only: RegisterOnly }[];
}

/** The name as the BRP gives it, for a partij's contactnaam. */
export interface PersoonNaam {
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
}

/** Logs one BRP question: the BSNs it returned, under the doelbinding of the clerk's work. */
export type BrpLog = (bsns: readonly string[], soortenGegevens: readonly string[]) => void;

const WILDCARD_MIN = 3;

/** `Bert Burger`, `bert van der burg`: voornamen, voorvoegsel, geslachtsnaam (with a trailing wildcard: search as you type). */
export function splitNaam(text: string): { voornamen: string; voorvoegsel?: string; geslachtsnaam: string } | null {
  const words = text.trim().split(/\s+/).filter((w) => /^[a-zA-Z0-9À-ž.\-']+$/.test(w));
  if (words.length < 2) return null;
  const first = words[0]!;
  let i = 1;
  while (i < words.length - 1 && VOORVOEGSELS.has(words[i]!.toLowerCase())) i++;
  const voorvoegsel = i > 1 ? words.slice(1, i).join(' ').toLowerCase() : undefined;
  const achternaam = words.slice(i).join(' ');
  const wild = (v: string) => (v.length >= WILDCARD_MIN ? `${v}*` : v);
  return { voornamen: wild(first), geslachtsnaam: wild(achternaam), ...(voorvoegsel ? { voorvoegsel } : {}) };
}

const mask = (bsn: string) => `*****${bsn.slice(-4)}`;

export function meldingenVan(p: BrpPersoon): Melding[] {
  return [...(p.geheimhouding ? (['geheimhouding'] as const) : []), ...(p.overleden ? (['overleden'] as const) : []), ...(p.rni ? (['rni'] as const) : [])];
}

export class RegisterSearch {
  constructor(
    private readonly brp: Personen | undefined,
    private readonly kvk: Handelsregister | undefined,
    private readonly logBrp: BrpLog,
  ) {}

  get hasBrp(): boolean {
    return this.brp !== undefined;
  }

  /** The BRP questions a search kind leads to (none when the registers cannot answer it). */
  brpVraag(kind: SearchKind): BrpVraag | null {
    const gemeente = this.brp?.gemeenteVanInschrijving ?? null;
    switch (kind.kind) {
      case 'bsn':
        return { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [kind.bsn] };
      case 'naam-geboortedatum':
        return { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: kind.achternaam, geboortedatum: kind.geboortedatum, ...(kind.voorvoegsel ? { voorvoegsel: kind.voorvoegsel } : {}) };
      case 'postcode':
        return kind.huisnummer === null
          ? null
          : { type: 'ZoekMetPostcodeEnHuisnummer', postcode: kind.postcode, huisnummer: kind.huisnummer, ...(kind.toevoeging ? { huisnummertoevoeging: kind.toevoeging } : {}) };
      case 'naam': {
        // The BRP asks voornamen and geslachtsnaam together, within the municipality.
        const naam = splitNaam(kind.text);
        return naam && gemeente ? { type: 'ZoekMetNaamEnGemeenteVanInschrijving', ...naam, gemeenteVanInschrijving: gemeente } : null;
      }
      default:
        return null;
    }
  }

  kvkVraag(kind: SearchKind): KvkZoekVraag | null {
    switch (kind.kind) {
      case 'kvk':
        return { kvkNummer: kind.kvkNummer };
      case 'vestigingsnummer':
        return { vestigingsnummer: kind.vestigingsnummer };
      case 'naam':
        return kind.text.trim().length >= WILDCARD_MIN ? { naam: kind.text.trim() } : null;
      default:
        return null;
    }
  }

  /** Asks the registers a search kind leads to; persons and organisations found. */
  async ask(kind: SearchKind, roles: readonly Role[], skip: { brp?: boolean; kvk?: boolean } = {}): Promise<RegisterAnswer> {
    const brpVraag = skip.brp ? null : this.brpVraag(kind);
    const kvkVraag = skip.kvk ? null : this.kvkVraag(kind);
    const fields = brpFieldsFor(roles);
    const [personen, inschrijvingen] = await Promise.all([
      this.brp && brpVraag && fields.length > 0 ? this.brp.zoek(brpVraag, fields) : Promise.resolve([]),
      this.kvk && kvkVraag ? this.kvk.zoek(kvkVraag) : Promise.resolve([]),
    ]);
    const withBsn = personen.filter((p): p is BrpPersoon & { burgerservicenummer: string } => p.burgerservicenummer !== null);
    this.logBrp(withBsn.map((p) => p.burgerservicenummer), ['naam', 'geboortedatum', 'adres', 'BSN']);
    return {
      personen: withBsn.map((p) => ({ bsn: p.burgerservicenummer, meldingen: meldingenVan(p), only: persoonHit(p, p.burgerservicenummer), naam: { voornamen: p.voornamen, voorvoegsel: p.voorvoegsel, geslachtsnaam: p.geslachtsnaam } })),
      organisaties: inschrijvingen.map((i) => ({ kvkNummer: i.kvkNummer, only: organisatieHit(i) })),
    };
  }
}

function persoonHit(p: BrpPersoon, bsn: string): RegisterOnly {
  return {
    sleutel: randomUUID(),
    soort: 'persoon',
    bron: 'brp',
    naam: [p.voornamen, p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' '),
    adres: p.adres ?? null,
    bsnMasked: mask(bsn),
    kvkNummer: null,
    meldingen: meldingenVan(p),
  };
}

function organisatieHit(i: KvkInschrijving): RegisterOnly {
  return { sleutel: randomUUID(), soort: 'organisatie', bron: 'kvk', naam: i.naam, adres: i.adres, bsnMasked: null, kvkNummer: i.kvkNummer, meldingen: [] };
}

/** Partijen Open Klant holds for the register's keys, looked up only for keys not cached yet. */
export async function partijenFor(
  keys: { kind: 'bsn' | 'kvk'; value: string }[],
  cached: (key: { kind: 'bsn' | 'kvk'; value: string }) => boolean,
  lookup: ((query: { kind: 'bsn' | 'kvk'; value: string }) => Promise<CustomerRecord[]>) | undefined,
): Promise<CustomerRecord[]> {
  const missing = keys.filter((key) => !cached(key));
  if (missing.length === 0 || !lookup) return [];
  return (await Promise.all(missing.map((key) => lookup(key)))).flat();
}
