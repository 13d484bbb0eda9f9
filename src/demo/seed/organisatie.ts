/** The organisation of the municipality Turfbrug: afdelingen, groepen and medewerkers (Klantinteracties actoren). */

export const TURFBRUG_RSIN = '002756419';
export const REFERENCE_DATE = '2026-11-28';

export interface AfdelingDef { code: string; naam: string; omschrijving: string; email: string; telefoon: string }
export interface GroepDef { code: string; naam: string; afdeling: string; omschrijving: string; email: string }
export interface MedewerkerDef { voornaam: string; voorvoegsel: string; achternaam: string; functie: string; groep: string }

export const AFDELINGEN: readonly AfdelingDef[] = [
  { code: 'PZ', naam: 'Publiekszaken', omschrijving: 'Klantcontactcentrum, balie en burgerzaken', email: 'publiekszaken@turfbrug.nl', telefoon: '0512140512' },
  { code: 'SD', naam: 'Sociaal Domein', omschrijving: 'Wmo, jeugd, werk en inkomen', email: 'sociaaldomein@turfbrug.nl', telefoon: '0512140513' },
  { code: 'RO', naam: 'Ruimte en Omgeving', omschrijving: 'Vergunningen, toezicht, handhaving en openbare ruimte', email: 'ruimte@turfbrug.nl', telefoon: '0512140514' },
  { code: 'BF', naam: 'Belastingen en Financiën', omschrijving: 'Gemeentelijke belastingen, WOZ en kwijtschelding', email: 'belastingen@turfbrug.nl', telefoon: '0512140515' },
];

export const GROEPEN: readonly GroepDef[] = [
  { code: 'KCC', naam: 'Klantcontactcentrum', afdeling: 'PZ', omschrijving: 'Telefoon, e-mail, chat en social media', email: 'kcc@turfbrug.nl' },
  { code: 'BALIE', naam: 'Balie Burgerzaken', afdeling: 'PZ', omschrijving: 'Balie in het gemeentehuis', email: 'burgerzaken@turfbrug.nl' },
  { code: 'VERG', naam: 'Team Vergunningen', afdeling: 'RO', omschrijving: 'Omgevings-, evenementen- en horecavergunningen', email: 'vergunningen@turfbrug.nl' },
  { code: 'WIJK', naam: 'Team Wijkbeheer', afdeling: 'RO', omschrijving: 'Wijkmanagers en meldingen openbare ruimte', email: 'wijkbeheer@turfbrug.nl' },
  { code: 'WMO', naam: 'Team Wmo en Jeugd', afdeling: 'SD', omschrijving: 'Wmo-voorzieningen en jeugdhulp', email: 'wmo@turfbrug.nl' },
  { code: 'INK', naam: 'Team Werk en Inkomen', afdeling: 'SD', omschrijving: 'Bijstand, bijzondere bijstand en schuldhulp', email: 'inkomen@turfbrug.nl' },
];

export const MEDEWERKERS: readonly MedewerkerDef[] = [
  { voornaam: 'Bianca', voorvoegsel: 'de', achternaam: 'Vries', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Kevin', voorvoegsel: '', achternaam: 'Mulder', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Sanne', voorvoegsel: 'van', achternaam: 'Dijk', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Youssef', voorvoegsel: 'el', achternaam: 'Amrani', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Ingrid', voorvoegsel: '', achternaam: 'Hoekstra', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Tim', voorvoegsel: 'van der', achternaam: 'Veen', functie: 'KCC-medewerker', groep: 'KCC' },
  { voornaam: 'Marloes', voorvoegsel: '', achternaam: 'Kuipers', functie: 'Teamleider KCC', groep: 'KCC' },
  { voornaam: 'Fatima', voorvoegsel: '', achternaam: 'Bouzid', functie: 'Baliemedewerker', groep: 'BALIE' },
  { voornaam: 'Henk', voorvoegsel: '', achternaam: 'Postma', functie: 'Baliemedewerker', groep: 'BALIE' },
  { voornaam: 'Lotte', voorvoegsel: 'de', achternaam: 'Boer', functie: 'Baliemedewerker', groep: 'BALIE' },
  { voornaam: 'Erik', voorvoegsel: '', achternaam: 'Visser', functie: 'Teamleider Burgerzaken', groep: 'BALIE' },
  { voornaam: 'Annemarie', voorvoegsel: 'van den', achternaam: 'Berg', functie: 'Vergunningverlener', groep: 'VERG' },
  { voornaam: 'Joost', voorvoegsel: '', achternaam: 'Smit', functie: 'Vergunningverlener', groep: 'VERG' },
  { voornaam: 'Sjoerd', voorvoegsel: '', achternaam: 'Dijkstra', functie: 'Toezichthouder', groep: 'VERG' },
  { voornaam: 'Marcel', voorvoegsel: '', achternaam: 'Jansen', functie: 'Accountmanager bedrijven', groep: 'VERG' },
  { voornaam: 'Bob', voorvoegsel: '', achternaam: 'Bakker', functie: 'Wijkmanager', groep: 'WIJK' },
  { voornaam: 'Gerda', voorvoegsel: '', achternaam: 'Wiersma', functie: 'Wijkmanager', groep: 'WIJK' },
  { voornaam: 'Ruben', voorvoegsel: 'ter', achternaam: 'Horst', functie: 'Medewerker openbare ruimte', groep: 'WIJK' },
  { voornaam: 'Petra', voorvoegsel: '', achternaam: 'Hendriks', functie: 'Wmo-consulent', groep: 'WMO' },
  { voornaam: 'Daan', voorvoegsel: '', achternaam: 'Brouwer', functie: 'Wmo-consulent', groep: 'WMO' },
  { voornaam: 'Samira', voorvoegsel: '', achternaam: 'Haddou', functie: 'Jeugdconsulent', groep: 'WMO' },
  { voornaam: 'Wouter', voorvoegsel: 'de', achternaam: 'Graaf', functie: 'Inkomensconsulent', groep: 'INK' },
  { voornaam: 'Hanneke', voorvoegsel: '', achternaam: 'Meijer', functie: 'Schuldhulpverlener', groep: 'INK' },
  { voornaam: 'Kees', voorvoegsel: 'van', achternaam: 'Leeuwen', functie: 'Medewerker belastingen', groep: 'BF' },
  { voornaam: 'Yvonne', voorvoegsel: '', achternaam: 'Kramer', functie: 'Medewerker belastingen', groep: 'BF' },
];

export function medewerkerNaam(m: MedewerkerDef): string {
  return [m.voornaam, m.voorvoegsel, m.achternaam].filter(Boolean).join(' ');
}

export function medewerkerEmail(m: MedewerkerDef): string {
  const parts = [m.voornaam, ...m.voorvoegsel.split(' '), ...m.achternaam.split(' ')].filter(Boolean);
  return parts.join('.').toLowerCase() + '@turfbrug.nl';
}
