import type { Prng } from './prng';
import { STREETS } from './pools';

/** Realistic questions citizens and businesses ask the front office of a municipality. */
export interface Onderwerp { afdeling: string; zaaktype?: string; onderwerpen: readonly string[]; inhoud: readonly string[]; gewicht: number }

export const ONDERWERPEN: readonly Onderwerp[] = [
  { afdeling: 'Burgerzaken', gewicht: 14, onderwerpen: ['Paspoort of identiteitskaart aanvragen', 'Afspraak maken voor een nieuw paspoort', 'Reisdocument kwijt of gestolen'],
    inhoud: ['Klant wil een afspraak voor een nieuwe identiteitskaart. Uitgelegd dat een pasfoto nodig is en de oude kaart mee moet. Afspraak gemaakt.',
      'Vraag over de levertijd van een paspoort; reis over drie weken. Spoedaanvraag uitgelegd (extra kosten).',
      'Paspoort kwijtgeraakt op vakantie. Verwezen naar de balie voor een verklaring van vermissing.'] },
  { afdeling: 'Burgerzaken', gewicht: 10, onderwerpen: ['Verhuizing doorgeven', 'Adreswijziging binnen Turfbrug', 'Verhuizing naar Turfbrug'],
    inhoud: ['Klant verhuist naar de {straat}. Uitgelegd dat de verhuizing online met DigiD kan worden doorgegeven, uiterlijk 5 dagen na verhuizing.',
      'Vraag of de verhuizing goed is verwerkt. Gecontroleerd: ingeschreven per {datum}.', 'Toestemming hoofdbewoner nodig; formulier toegestuurd.'] },
  { afdeling: 'Burgerzaken', gewicht: 6, onderwerpen: ['Uittreksel BRP aanvragen', 'Verklaring omtrent het gedrag (VOG)', 'Rijbewijs verlengen'],
    inhoud: ['Uittreksel nodig voor de werkgever; uitgelegd hoe dit online aan te vragen.', 'Vraag over de kosten en doorlooptijd van een VOG. Verwezen naar Justis.',
      'Rijbewijs verloopt volgende maand; afspraak gemaakt aan de balie, gezondheidsverklaring niet nodig.'] },
  { afdeling: 'Burgerzaken', gewicht: 3, zaaktype: 'HUWELIJK', onderwerpen: ['Trouwen in Turfbrug', 'Melding voorgenomen huwelijk', 'Trouwlocatie en trouwambtenaar'],
    inhoud: ['Stel wil volgend jaar trouwen in de Turfschuur. Uitgelegd hoe de melding voorgenomen huwelijk werkt.', 'Vraag over kosten gratis huwelijk op dinsdagochtend.'] },
  { afdeling: 'Openbare Ruimte', gewicht: 16, zaaktype: 'MOR', onderwerpen: ['Losliggende stoeptegels', 'Straatverlichting defect', 'Zwerfvuil en dumping', 'Overhangend groen', 'Kapotte speeltoestel'],
    inhoud: ['Melding: stoeptegels liggen los voor {straat} {nr}. Melding openbare ruimte aangemaakt.', 'Lantaarnpaal brandt al een week niet bij de {straat}. Doorgezet naar de buitendienst.',
      'Afval gedumpt naast de ondergrondse container aan de {straat}. Melding gemaakt, foto volgt via e-mail.', 'Klant vraagt naar de status van eerdere melding; nog niet opgepakt, navraag gedaan bij wijkbeheer.'] },
  { afdeling: 'Vergunningen', gewicht: 8, zaaktype: 'OMGVERG', onderwerpen: ['Vergunning nodig voor dakkapel?', 'Aanbouw of uitbouw plaatsen', 'Status aanvraag omgevingsvergunning', 'Schutting plaatsen'],
    inhoud: ['Klant wil een dakkapel aan de voorzijde. Uitgelegd dat dit vergunningplichtig is; vergunningcheck in het Omgevingsloket laten doen.',
      'Vraag naar de status van de aanvraag omgevingsvergunning. Aanvraag is in behandeling, advies welstand is gevraagd.',
      'Vraag over vergunningvrij bouwen in de achtertuin. Regels uitgelegd, verwezen naar het Omgevingsloket.'] },
  { afdeling: 'Vergunningen', gewicht: 4, zaaktype: 'EVENVERG', onderwerpen: ['Straatfeest organiseren', 'Evenementenvergunning aanvragen', 'Buurtbarbecue op straat'],
    inhoud: ['Buurt wil een straatfeest houden in de {straat}. Melding klein evenement volstaat als er geen versterkte muziek is.',
      'Organisator vraagt naar de termijn voor een evenementenvergunning: minimaal 8 weken vooraf aanvragen.'] },
  { afdeling: 'Parkeren', gewicht: 6, zaaktype: 'PARKVERG', onderwerpen: ['Parkeervergunning aanvragen', 'Kenteken parkeervergunning wijzigen', 'Bezoekersparkeren'],
    inhoud: ['Bewoner van de {straat} wil een parkeervergunning. Uitgelegd dat dit online kan; kosten per jaar genoemd.',
      'Kenteken wijzigen na aanschaf nieuwe auto; wijziging doorgevoerd.', 'Vraag over bezoekersregeling; uitleg gegeven over de bezoekersapp.'] },
  { afdeling: 'Afval en Reiniging', gewicht: 5, zaaktype: 'AFVALCONT', onderwerpen: ['Container niet geleegd', 'Nieuwe minicontainer aanvragen', 'Grofvuil laten ophalen', 'Afvalpas kwijt'],
    inhoud: ['Groene container is niet geleegd aan de {straat}. Gemeld bij de inzameldienst.', 'Container is kapot (deksel afgebroken); vervangende container aangevraagd.',
      'Afspraak gemaakt voor ophalen grofvuil.', 'Nieuwe afvalpas aangevraagd; oude pas geblokkeerd.'] },
  { afdeling: 'Vergunningen', gewicht: 2, zaaktype: 'STANDPL', onderwerpen: ['Standplaats op de weekmarkt', 'Standplaatsvergunning foodtruck'],
    inhoud: ['Ondernemer wil met een foodtruck op het Marktplein staan. Standplaatsenbeleid uitgelegd.', 'Vraag over vrije plekken op de zaterdagmarkt.'] },
  { afdeling: 'Vergunningen', gewicht: 2, zaaktype: 'DHWVERG', onderwerpen: ['Alcoholwetvergunning aanvragen', 'Wijziging leidinggevende horeca'],
    inhoud: ['Nieuwe eigenaar van café wil de vergunning op eigen naam. Bibob-vragenlijst toegelicht.', 'Aanhangsel leidinggevende bijschrijven; formulier gemaild.'] },
  { afdeling: 'Sociaal Domein', gewicht: 8, zaaktype: 'WMO', onderwerpen: ['Hulp bij het huishouden', 'Traplift of woningaanpassing', 'Scootmobiel aanvragen', 'Mantelzorgondersteuning'],
    inhoud: ['Mevrouw kan het huishouden niet meer zelf doen na een heupoperatie. Melding Wmo gedaan; consulent belt terug voor een keukentafelgesprek.',
      'Vraag naar status van de Wmo-aanvraag voor een traplift. Terugbelverzoek naar het Wmo-team.', 'Mantelzorger vraagt naar respijtzorg; informatie over het steunpunt gegeven.'] },
  { afdeling: 'Sociaal Domein', gewicht: 6, zaaktype: 'BIJZBIJST', onderwerpen: ['Bijzondere bijstand aanvragen', 'Vergoeding kosten bewindvoering', 'Schulden en geldzorgen'],
    inhoud: ['Klant kan een kapotte wasmachine niet vervangen. Uitgelegd hoe bijzondere bijstand aan te vragen.', 'Vraag naar de stand van de aanvraag bijzondere bijstand; aanvullende stukken nog niet ontvangen.',
      'Klant heeft betalingsachterstanden. Doorverwezen naar schuldhulpverlening, terugbelverzoek gemaakt.'] },
  { afdeling: 'Sociaal Domein', gewicht: 4, onderwerpen: ['Uitkering levensonderhoud', 'Energietoeslag', 'Inkomensondersteuning voor kinderen'],
    inhoud: ['Vraag over het aanvragen van een bijstandsuitkering na ontslag; verwezen naar werk.nl en het Team Werk en Inkomen.',
      'Vraag of er dit jaar een energietoeslag is. Regeling uitgelegd.', 'Informatie gegeven over het kindpakket en de Turfbrugpas.'] },
  { afdeling: 'Sociaal Domein', gewicht: 2, zaaktype: 'GPK', onderwerpen: ['Gehandicaptenparkeerkaart aanvragen', 'Gehandicaptenparkeerplaats bij woning'],
    inhoud: ['Klant heeft een loopbeperking en vraagt een parkeerkaart aan. Medische keuring uitgelegd.', 'Verzoek om een eigen parkeerplaats bij de woning aan de {straat}.'] },
  { afdeling: 'Belastingen', gewicht: 7, zaaktype: 'KWIJTSCH', onderwerpen: ['Kwijtschelding aanvragen', 'Betalingsregeling gemeentelijke belastingen', 'Aanslag gemeentelijke belastingen onduidelijk'],
    inhoud: ['Klant kan de aanslag niet betalen. Kwijtscheldingsregeling uitgelegd; formulier toegestuurd.', 'Betalingsregeling in 10 termijnen ingesteld.',
      'Vraag over de hoogte van de afvalstoffenheffing voor een eenpersoonshuishouden; uitgelegd.'] },
  { afdeling: 'Belastingen', gewicht: 4, zaaktype: 'BEZWWOZ', onderwerpen: ['Bezwaar tegen WOZ-waarde', 'Taxatieverslag WOZ opvragen'],
    inhoud: ['Klant vindt de WOZ-waarde te hoog. Uitgelegd hoe bezwaar te maken binnen 6 weken.', 'Taxatieverslag toegestuurd per e-mail.'] },
  { afdeling: 'Dienstverlening', gewicht: 2, zaaktype: 'WOOVERZ', onderwerpen: ['Informatieverzoek (Woo)', 'Stukken opvragen over bouwplan buren'],
    inhoud: ['Verzoek om documenten over het bouwplan aan de {straat}. Uitgelegd dat dit als Woo-verzoek wordt behandeld.'] },
  { afdeling: 'Dienstverlening', gewicht: 4, onderwerpen: ['Openingstijden gemeentehuis', 'Klacht over behandeling', 'Compliment voor medewerker'],
    inhoud: ['Openingstijden en avondopenstelling op donderdag doorgegeven.', 'Klant is ontevreden over de wachttijd aan de telefoon. Klacht geregistreerd en doorgezet naar de klachtencoördinator.',
      'Klant wil een compliment geven aan de buitendienst voor de snelle reparatie.'] },
];

export const KANALEN: readonly (readonly [string, number])[] = [
  ['telefoon', 45], ['e-mail', 14], ['balie', 15], ['chat', 8], ['contactformulier', 9], ['social media', 4], ['brief', 5],
];

/** Klantcontact afdelingen (same names as the kennisbank) → the organisational afdeling (actor code) that handles them. */
export const AFDELING_ACTOR: Readonly<Record<string, string>> = {
  Burgerzaken: 'PZ', Dienstverlening: 'PZ', Belastingen: 'BF', Vergunningen: 'RO', Parkeren: 'RO', 'Openbare Ruimte': 'RO', 'Afval en Reiniging': 'RO', 'Sociaal Domein': 'SD',
};

/** Gespreksresultaten (stored in klantcontact.metadata.gespreksresultaat). */
export const GESPREKSRESULTATEN = ['zelfstandig_afgehandeld', 'doorverbonden', 'terugbelverzoek', 'zaak_aangemaakt', 'verbinding_verbroken', 'verwezen'] as const;

export function fill(template: string, prng: Prng, datum: string): string {
  return template
    .replaceAll('{straat}', prng.pick(STREETS)[0])
    .replaceAll('{nr}', String(prng.range(1, 150)))
    .replaceAll('{datum}', datum);
}

export const TOELICHTINGEN: readonly string[] = [
  'Graag terugbellen over de stand van zaken. Klant is het beste bereikbaar in de ochtend.',
  'Klant heeft een vraag die de eerste lijn niet kon beantwoorden. Graag inhoudelijk terugbellen.',
  'Klant wil graag uitleg over de brief die hij heeft ontvangen.',
  'Graag contact opnemen; klant maakt zich zorgen over de termijn.',
  'Klant vraagt om een terugbelafspraak met de behandelaar.',
  'Klant is slechthorend, graag per e-mail reageren.',
];
