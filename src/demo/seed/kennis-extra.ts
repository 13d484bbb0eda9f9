// VAC's (korte vraag-antwoordcombinaties) and team news/werkinstructies for the demo Objects
// API of the Turfbrug kennisbank. Demo data; imports nothing from the app.

export interface VacSeed { id: string; vraag: string; antwoord: string; afdeling: string; trefwoorden: string[] }
export interface NieuwsSeed {
  id: string;
  soort: 'nieuws' | 'werkinstructie';
  titel: string;
  tekst: string;
  belangrijk: boolean;
  publicatieStart: string;
  publicatieEind: string | null;
}

export const vacs: VacSeed[] = [
  { id: 'vac-openingstijden-gemeentehuis', vraag: 'Wat zijn de openingstijden van het gemeentehuis?', antwoord: '<p>Het gemeentehuis is open van maandag tot en met vrijdag van 8.30 tot 17.00 uur, op donderdag tot 20.00 uur (alleen op afspraak).</p>', afdeling: 'Dienstverlening', trefwoorden: ['openingstijden', 'gemeentehuis', 'open'] },
  { id: 'vac-parkeren-gemeentehuis', vraag: 'Kan ik parkeren bij het gemeentehuis?', antwoord: '<p>Ja, achter het gemeentehuis is een parkeerterrein. Bezoekers parkeren de eerste 2 uur gratis met een parkeerschijf.</p>', afdeling: 'Parkeren', trefwoorden: ['parkeren', 'gemeentehuis', 'bezoekers'] },
  { id: 'vac-pinnen-balie', vraag: 'Kan ik aan de balie contant betalen?', antwoord: '<p>Nee, aan de balie betaalt u alleen met pin of creditcard.</p>', afdeling: 'Burgerzaken', trefwoorden: ['betalen', 'contant', 'pin', 'balie'] },
  { id: 'vac-pasfoto-eisen', vraag: 'Mag ik een pasfoto van thuis meenemen?', antwoord: '<p>Alleen als de foto voldoet aan de fotomatrix en niet ouder is dan 6 maanden. Een fotograaf of pasfotoautomaat is het zekerst.</p>', afdeling: 'Burgerzaken', trefwoorden: ['pasfoto', 'fotomatrix', 'eisen'] },
  { id: 'vac-afvalkalender', vraag: 'Waar vind ik de afvalkalender?', antwoord: '<p>De afvalkalender staat op www.turfbrug.nl/afvalkalender en in de app van de afvalinzameling.</p>', afdeling: 'Afval en Reiniging', trefwoorden: ['afvalkalender', 'ophaaldag', 'container'] },
  { id: 'vac-gevonden-voorwerpen', vraag: 'Ik heb iets gevonden, waar lever ik het in?', antwoord: '<p>Gevonden voorwerpen meldt u online via Verloren of Gevonden; geld en waardevolle spullen levert u in bij de balie.</p>', afdeling: 'Dienstverlening', trefwoorden: ['gevonden', 'voorwerp', 'verloren'] },
];

export const nieuws: NieuwsSeed[] = [
  { id: 'nieuws-storing-reisdocumenten', soort: 'nieuws', titel: 'Storing aanvraagstation reisdocumenten opgelost', tekst: '<p>De storing van dinsdag is verholpen. Afspraken die vervielen zijn opnieuw ingepland; klanten krijgen een sms.</p>', belangrijk: true, publicatieStart: '2026-11-01T00:00:00Z', publicatieEind: '2027-06-01T00:00:00Z' },
  { id: 'werkinstructie-terugbelnotitie', soort: 'werkinstructie', titel: 'Werkinstructie: terugbelnotitie altijd met telefoonnummer', tekst: '<p>Vraag bij iedere terugbelnotitie het telefoonnummer en een tijdvak. Zonder nummer wordt de notitie niet doorgezet.</p>', belangrijk: false, publicatieStart: '2026-10-15T00:00:00Z', publicatieEind: null },
  { id: 'nieuws-kerstsluiting', soort: 'nieuws', titel: 'Gemeentehuis gesloten tussen kerst en oud en nieuw', tekst: '<p>Van 24 december tot en met 1 januari is het gemeentehuis gesloten. Het KCC is bereikbaar op 29 en 30 december van 9 tot 12 uur.</p>', belangrijk: false, publicatieStart: '2026-11-15T00:00:00Z', publicatieEind: '2027-01-02T00:00:00Z' },
  { id: 'nieuws-nieuwe-tarieven-2027', soort: 'nieuws', titel: 'Nieuwe leges per 1 januari 2027', tekst: '<p>De leges voor paspoort en ID-kaart gaan per 1 januari omhoog. De kennisartikelen worden op 2 januari bijgewerkt.</p>', belangrijk: false, publicatieStart: '2026-11-20T00:00:00Z', publicatieEind: '2027-02-01T00:00:00Z' },
  { id: 'nieuws-verlopen', soort: 'nieuws', titel: 'Verkiezingen: stempassen verstuurd', tekst: '<p>Alle stempassen zijn verstuurd.</p>', belangrijk: false, publicatieStart: '2025-02-01T00:00:00Z', publicatieEind: '2025-04-01T00:00:00Z' },
];
