/**
 * Bert Burger, the citizen of Turfbrug (VNG "Klantcontact & interactie met je gemeente"):
 * his dossier is fixed, so demos and tests can rely on it.
 */
export const BERT = {
  voornaam: 'Bert', voorvoegsel: '', achternaam: 'Burger', geslacht: 'm', geboortedatum: '1968-03-12',
  bsn: '999993653', telefoon: '06-12345678', email: 'bert.burger@example.nl',
  straat: 'Turfmarkt', huisnummer: 12, postcode: '8441 BB',
} as const;

export interface BertZaak { zaaktype: string; omschrijving: string; start: string; end: string | null; statussen: number; kanaal: string }
/** Two open and two closed zaken. */
export const BERT_ZAKEN: readonly BertZaak[] = [
  { zaaktype: 'PARKVERG', omschrijving: 'Parkeervergunning bewoners Turfmarkt', start: '2025-03-10', end: '2025-03-19', statussen: 3, kanaal: 'Digitaal loket' },
  { zaaktype: 'AFVALCONT', omschrijving: 'Vervangende minicontainer GFT', start: '2026-02-09', end: '2026-02-16', statussen: 3, kanaal: 'Balie' },
  { zaaktype: 'OMGVERG', omschrijving: 'Dakkapel voorzijde Turfmarkt 12', start: '2026-10-05', end: null, statussen: 3, kanaal: 'Digitaal loket' },
  { zaaktype: 'MOR', omschrijving: 'Losliggende stoeptegels Turfmarkt', start: '2026-11-20', end: null, statussen: 2, kanaal: 'Chat' },
];

export interface BertContact {
  at: string; kanaal: string; onderwerp: string; inhoud: string; afdeling: string; gespreksresultaat: string;
  medewerker: string; zaak?: number; taak?: { groep: string; medewerker?: string; toelichting: string };
}
export const BERT_CONTACTEN: readonly BertContact[] = [
  { at: '2025-03-03T08:42:00Z', kanaal: 'telefoon', onderwerp: 'Parkeervergunning aanvragen', afdeling: 'Parkeren', gespreksresultaat: 'zelfstandig_afgehandeld',
    inhoud: 'Dhr. Burger woont aan de Turfmarkt en wil een bewonersvergunning. Uitgelegd dat dit via het digitaal loket kan met DigiD; kosten en kenteken genoemd.', medewerker: 'bianca.de.vries@turfbrug.nl' },
  { at: '2025-03-21T13:05:00Z', kanaal: 'e-mail', onderwerp: 'Parkeervergunning ontvangen, vraag over tweede kenteken', afdeling: 'Parkeren', gespreksresultaat: 'zelfstandig_afgehandeld',
    inhoud: 'Vraag of er een tweede kenteken op de vergunning kan. Geantwoord dat per vergunning één kenteken geldt; wisselen kan online.', medewerker: 'kevin.mulder@turfbrug.nl', zaak: 0 },
  { at: '2026-02-09T10:15:00Z', kanaal: 'balie', onderwerp: 'GFT-container kapot', afdeling: 'Afval en Reiniging', gespreksresultaat: 'zaak_aangemaakt',
    inhoud: 'Deksel van de groene container is afgebroken. Vervangende container aangevraagd, levering binnen 10 werkdagen.', medewerker: 'fatima.bouzid@turfbrug.nl', zaak: 1 },
  { at: '2026-09-28T09:30:00Z', kanaal: 'balie', onderwerp: 'Vergunning nodig voor dakkapel?', afdeling: 'Vergunningen', gespreksresultaat: 'zelfstandig_afgehandeld',
    inhoud: 'Dhr. Burger wil een dakkapel aan de voorzijde plaatsen. Uitgelegd dat dit vergunningplichtig is; vergunningcheck in het Omgevingsloket samen doorgenomen.', medewerker: 'henk.postma@turfbrug.nl' },
  { at: '2026-10-20T12:48:00Z', kanaal: 'telefoon', onderwerp: 'Status aanvraag omgevingsvergunning dakkapel', afdeling: 'Vergunningen', gespreksresultaat: 'zelfstandig_afgehandeld',
    inhoud: 'Aanvraag is in behandeling; welstandsadvies is gevraagd. Verwachte beslisdatum uitgelegd.', medewerker: 'bianca.de.vries@turfbrug.nl', zaak: 2 },
  { at: '2026-11-20T19:02:00Z', kanaal: 'chat', onderwerp: 'Losliggende stoeptegels voor de deur', afdeling: 'Openbare Ruimte', gespreksresultaat: 'zaak_aangemaakt',
    inhoud: 'Stoeptegels liggen los voor Turfmarkt 10-14, struikelgevaar. Melding openbare ruimte aangemaakt.', medewerker: 'sanne.van.dijk@turfbrug.nl', zaak: 3 },
  { at: '2026-11-26T08:55:00Z', kanaal: 'telefoon', onderwerp: 'Vraag over welstandsadvies dakkapel', afdeling: 'Vergunningen', gespreksresultaat: 'terugbelverzoek',
    inhoud: 'Dhr. Burger heeft gehoord dat welstand bezwaar heeft tegen de kleur van de dakkapel en wil weten wat zijn opties zijn. Kon niet direct beantwoord worden.',
    medewerker: 'bianca.de.vries@turfbrug.nl', zaak: 2,
    taak: { groep: 'VERG', medewerker: 'annemarie.van.den.berg@turfbrug.nl', toelichting: 'Graag terugbellen over het welstandsadvies voor de dakkapel. Bereikbaar op 06-12345678, liefst voor 12 uur.' } },
];
