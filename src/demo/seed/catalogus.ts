/** The zaaktypecatalogus of Turfbrug: real zaaktypen a Dutch municipality has, with statustypen and roltypen. */

export interface StatustypeDef { omschrijving: string; statustekst: string; generiek?: string }
export interface ZaaktypeDef {
  identificatie: string; omschrijving: string; onderwerp: string; doel: string; aanleiding: string;
  handelingInitiator: string; handelingBehandelaar: string; doorlooptijdDagen: number; servicenormDagen?: number;
  verlengingMogelijk: boolean; opschortingMogelijk: boolean; vertrouwelijkheid: 'openbaar' | 'zaakvertrouwelijk' | 'vertrouwelijk';
  groep: string; /** how many zaken of this type, relative */ gewicht: number; /** initiator may be an organisation */ organisaties: number;
  statustypen: readonly StatustypeDef[]; concept?: boolean; trefwoorden: readonly string[];
}

const ontvangen = (wat: string): StatustypeDef => ({ omschrijving: 'Ontvangen', statustekst: `Wij hebben uw ${wat} ontvangen.` });
const afgerond = (tekst: string): StatustypeDef => ({ omschrijving: 'Afgerond', statustekst: tekst });

export const ZAAKTYPEN: readonly ZaaktypeDef[] = [
  {
    identificatie: 'OMGVERG', omschrijving: 'Omgevingsvergunning', onderwerp: 'Omgevingsvergunning bouwen en verbouwen',
    doel: 'Beoordelen of een bouw- of verbouwplan past binnen het omgevingsplan en de regels.', aanleiding: 'Aanvraag via het Omgevingsloket.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Behandelen', doorlooptijdDagen: 56, servicenormDagen: 42, verlengingMogelijk: true,
    opschortingMogelijk: true, vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'VERG', gewicht: 10, organisaties: 0.3, trefwoorden: ['bouwen', 'verbouwen', 'omgevingsplan'],
    statustypen: [ontvangen('aanvraag omgevingsvergunning'), { omschrijving: 'In behandeling', statustekst: 'Uw aanvraag is in behandeling genomen.' },
      { omschrijving: 'Advies gevraagd', statustekst: 'Wij hebben advies gevraagd aan de omgevingsdienst of welstandscommissie.' },
      { omschrijving: 'Besluit genomen', statustekst: 'Er is een besluit genomen over uw aanvraag.' }, afgerond('Uw aanvraag omgevingsvergunning is afgehandeld.')],
  },
  {
    identificatie: 'PARKVERG', omschrijving: 'Parkeervergunning bewoners', onderwerp: 'Parkeervergunning voor bewoners van het centrum',
    doel: 'Bewoners van het betaald-parkerengebied laten parkeren bij hun woning.', aanleiding: 'Aanvraag door een bewoner.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Behandelen', doorlooptijdDagen: 14, verlengingMogelijk: false, opschortingMogelijk: false,
    vertrouwelijkheid: 'openbaar', groep: 'BALIE', gewicht: 12, organisaties: 0.05, trefwoorden: ['parkeren', 'vergunning'],
    statustypen: [ontvangen('aanvraag parkeervergunning'), { omschrijving: 'In behandeling', statustekst: 'Wij controleren uw gegevens en het kenteken.' },
      afgerond('Uw parkeervergunning is verleend of geweigerd; u ontvangt een brief.')],
  },
  {
    identificatie: 'MOR', omschrijving: 'Melding openbare ruimte', onderwerp: 'Melding over de openbare ruimte',
    doel: 'Gebreken en overlast in de openbare ruimte oplossen.', aanleiding: 'Melding van een inwoner of ondernemer.',
    handelingInitiator: 'Melden', handelingBehandelaar: 'Afhandelen', doorlooptijdDagen: 10, servicenormDagen: 5, verlengingMogelijk: false,
    opschortingMogelijk: false, vertrouwelijkheid: 'openbaar', groep: 'WIJK', gewicht: 22, organisaties: 0.1, trefwoorden: ['melding', 'straat', 'groen', 'afval'],
    statustypen: [ontvangen('melding'), { omschrijving: 'Ingepland', statustekst: 'Uw melding is ingepland bij de buitendienst.' },
      { omschrijving: 'In uitvoering', statustekst: 'Er wordt aan uw melding gewerkt.' }, afgerond('Uw melding is afgehandeld. Bedankt voor het doorgeven.')],
  },
  {
    identificatie: 'BIJZBIJST', omschrijving: 'Bijzondere bijstand', onderwerp: 'Aanvraag bijzondere bijstand voor noodzakelijke kosten',
    doel: 'Vaststellen of de aanvrager recht heeft op bijzondere bijstand.', aanleiding: 'Aanvraag door een inwoner.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Beoordelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'vertrouwelijk', groep: 'INK', gewicht: 7, organisaties: 0, trefwoorden: ['bijstand', 'inkomen'],
    statustypen: [ontvangen('aanvraag bijzondere bijstand'), { omschrijving: 'Aanvullende gegevens opgevraagd', statustekst: 'Wij hebben u gevraagd om aanvullende stukken.' },
      { omschrijving: 'In beoordeling', statustekst: 'Een consulent beoordeelt uw aanvraag.' }, afgerond('Er is een besluit genomen op uw aanvraag bijzondere bijstand.')],
  },
  {
    identificatie: 'WMO', omschrijving: 'Wmo-aanvraag maatwerkvoorziening', onderwerp: 'Melding en aanvraag Wmo-voorziening',
    doel: 'Zorgen dat inwoners zo lang mogelijk zelfstandig kunnen blijven wonen.', aanleiding: 'Melding hulpvraag door inwoner of mantelzorger.',
    handelingInitiator: 'Melden', handelingBehandelaar: 'Onderzoeken', doorlooptijdDagen: 42, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'vertrouwelijk', groep: 'WMO', gewicht: 9, organisaties: 0, trefwoorden: ['wmo', 'zorg', 'hulpmiddel', 'huishoudelijke hulp'],
    statustypen: [{ omschrijving: 'Melding ontvangen', statustekst: 'Wij hebben uw hulpvraag ontvangen.' },
      { omschrijving: 'Keukentafelgesprek gepland', statustekst: 'Een consulent maakt een afspraak voor een gesprek bij u thuis.' },
      { omschrijving: 'Aanvraag in behandeling', statustekst: 'Wij beoordelen uw aanvraag.' }, { omschrijving: 'Besluit verzonden', statustekst: 'U heeft een beschikking ontvangen.' },
      afgerond('Uw Wmo-aanvraag is afgehandeld.')],
  },
  {
    identificatie: 'KWIJTSCH', omschrijving: 'Kwijtschelding gemeentelijke belastingen', onderwerp: 'Verzoek om kwijtschelding van afvalstoffenheffing en rioolheffing',
    doel: 'Inwoners met een laag inkomen vrijstellen van gemeentelijke belastingen.', aanleiding: 'Verzoek van een belastingplichtige.',
    handelingInitiator: 'Verzoeken', handelingBehandelaar: 'Beoordelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: false,
    vertrouwelijkheid: 'vertrouwelijk', groep: 'BF', gewicht: 8, organisaties: 0, trefwoorden: ['belastingen', 'kwijtschelding'],
    statustypen: [ontvangen('verzoek om kwijtschelding'), { omschrijving: 'In behandeling', statustekst: 'Wij toetsen uw inkomen en vermogen.' },
      afgerond('Er is een besluit genomen op uw verzoek om kwijtschelding.')],
  },
  {
    identificatie: 'EVENVERG', omschrijving: 'Evenementenvergunning', onderwerp: 'Vergunning voor een evenement in Turfbrug',
    doel: 'Evenementen veilig en met zo min mogelijk overlast laten verlopen.', aanleiding: 'Aanvraag door een organisator.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Behandelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'openbaar', groep: 'VERG', gewicht: 4, organisaties: 0.8, trefwoorden: ['evenement', 'feest', 'markt'],
    statustypen: [ontvangen('aanvraag evenementenvergunning'), { omschrijving: 'Advies hulpdiensten', statustekst: 'Politie, brandweer en GHOR geven advies.' },
      { omschrijving: 'Besluit genomen', statustekst: 'Er is een besluit genomen over uw evenement.' }, afgerond('Uw aanvraag evenementenvergunning is afgehandeld.')],
  },
  {
    identificatie: 'HUWELIJK', omschrijving: 'Huwelijk of geregistreerd partnerschap', onderwerp: 'Melding voorgenomen huwelijk of partnerschap',
    doel: 'Het voltrekken van een huwelijk of registreren van een partnerschap.', aanleiding: 'Melding voorgenomen huwelijk via de website.',
    handelingInitiator: 'Melden', handelingBehandelaar: 'Voltrekken', doorlooptijdDagen: 120, verlengingMogelijk: false, opschortingMogelijk: false,
    vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'BALIE', gewicht: 3, organisaties: 0, trefwoorden: ['trouwen', 'partnerschap'],
    statustypen: [{ omschrijving: 'Melding ontvangen', statustekst: 'Wij hebben uw melding voorgenomen huwelijk ontvangen.' },
      { omschrijving: 'Datum en locatie vastgelegd', statustekst: 'De datum, locatie en trouwambtenaar zijn vastgelegd.' },
      { omschrijving: 'Huwelijk voltrokken', statustekst: 'Gefeliciteerd! Uw huwelijk of partnerschap is geregistreerd.' }, afgerond('De zaak is afgerond.')],
  },
  {
    identificatie: 'BEZWWOZ', omschrijving: 'Bezwaarschrift WOZ-beschikking', onderwerp: 'Bezwaar tegen de WOZ-waarde',
    doel: 'Heroverwegen van de vastgestelde WOZ-waarde.', aanleiding: 'Bezwaarschrift van een belanghebbende.',
    handelingInitiator: 'Indienen', handelingBehandelaar: 'Heroverwegen', doorlooptijdDagen: 84, verlengingMogelijk: true, opschortingMogelijk: false,
    vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'BF', gewicht: 6, organisaties: 0.15, trefwoorden: ['woz', 'bezwaar', 'belastingen'],
    statustypen: [ontvangen('bezwaarschrift'), { omschrijving: 'Taxatie heroverwogen', statustekst: 'Een taxateur heeft uw woning opnieuw beoordeeld.' },
      { omschrijving: 'Uitspraak gedaan', statustekst: 'Wij hebben uitspraak gedaan op uw bezwaar.' }, afgerond('Uw bezwaar is afgehandeld.')],
  },
  {
    identificatie: 'AFVALCONT', omschrijving: 'Aanvraag afvalcontainer', onderwerp: 'Nieuwe, extra of vervangende minicontainer',
    doel: 'Inwoners voorzien van de juiste afvalcontainers.', aanleiding: 'Aanvraag door een inwoner.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Leveren', doorlooptijdDagen: 10, verlengingMogelijk: false, opschortingMogelijk: false,
    vertrouwelijkheid: 'openbaar', groep: 'WIJK', gewicht: 8, organisaties: 0.05, trefwoorden: ['afval', 'container', 'kliko'],
    statustypen: [ontvangen('aanvraag'), { omschrijving: 'Levering ingepland', statustekst: 'De container wordt binnen 10 werkdagen bezorgd.' },
      afgerond('De container is geleverd.')],
  },
  {
    identificatie: 'STANDPL', omschrijving: 'Standplaatsvergunning', onderwerp: 'Vergunning voor een standplaats op de markt of openbare weg',
    doel: 'Verdelen van standplaatsen in de openbare ruimte.', aanleiding: 'Aanvraag door een ondernemer.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Behandelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: false,
    vertrouwelijkheid: 'openbaar', groep: 'VERG', gewicht: 2, organisaties: 0.9, trefwoorden: ['markt', 'standplaats'],
    statustypen: [ontvangen('aanvraag standplaatsvergunning'), { omschrijving: 'In behandeling', statustekst: 'Wij beoordelen de locatie en de beschikbaarheid.' },
      afgerond('Er is een besluit genomen op uw aanvraag.')],
  },
  {
    identificatie: 'DHWVERG', omschrijving: 'Alcoholwetvergunning (drank- en horeca)', onderwerp: 'Vergunning voor het schenken van alcohol',
    doel: 'Toetsen van horecabedrijven aan de Alcoholwet.', aanleiding: 'Aanvraag door een horecaondernemer.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Behandelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'VERG', gewicht: 2, organisaties: 1, trefwoorden: ['horeca', 'alcohol'],
    statustypen: [ontvangen('aanvraag'), { omschrijving: 'Bibob-toets', statustekst: 'Wij voeren een integriteitstoets (Bibob) uit.' },
      { omschrijving: 'Besluit genomen', statustekst: 'Er is een besluit genomen op uw aanvraag.' }, afgerond('Uw aanvraag is afgehandeld.')],
  },
  {
    identificatie: 'WOOVERZ', omschrijving: 'Woo-verzoek', onderwerp: 'Verzoek om informatie op grond van de Wet open overheid',
    doel: 'Openbaar maken van overheidsinformatie op verzoek.', aanleiding: 'Verzoek van een inwoner, journalist of organisatie.',
    handelingInitiator: 'Indienen', handelingBehandelaar: 'Beslissen', doorlooptijdDagen: 28, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'BALIE', gewicht: 2, organisaties: 0.4, trefwoorden: ['woo', 'wob', 'openbaarheid'],
    statustypen: [ontvangen('Woo-verzoek'), { omschrijving: 'Documenten verzameld', statustekst: 'Wij verzamelen en beoordelen de documenten.' },
      { omschrijving: 'Zienswijze derden', statustekst: 'Belanghebbenden kunnen hun zienswijze geven.' }, afgerond('Er is een besluit genomen op uw Woo-verzoek.')],
  },
  {
    identificatie: 'GPK', omschrijving: 'Gehandicaptenparkeerkaart', onderwerp: 'Aanvraag gehandicaptenparkeerkaart of -plaats',
    doel: 'Mensen met een beperking dicht bij hun bestemming laten parkeren.', aanleiding: 'Aanvraag door een inwoner.',
    handelingInitiator: 'Aanvragen', handelingBehandelaar: 'Beoordelen', doorlooptijdDagen: 56, verlengingMogelijk: true, opschortingMogelijk: true,
    vertrouwelijkheid: 'vertrouwelijk', groep: 'WMO', gewicht: 4, organisaties: 0, trefwoorden: ['parkeren', 'gehandicapt'],
    statustypen: [ontvangen('aanvraag'), { omschrijving: 'Medische keuring', statustekst: 'Een onafhankelijk arts beoordeelt uw situatie.' },
      { omschrijving: 'Besluit genomen', statustekst: 'Er is een besluit genomen op uw aanvraag.' }, afgerond('Uw aanvraag is afgehandeld.')],
  },
  {
    identificatie: 'BOUWKAVEL', omschrijving: 'Optie op een bouwkavel', onderwerp: 'Optie nemen op een gemeentelijke bouwkavel (in voorbereiding)',
    doel: 'Uitgifte van bouwkavels in het plan Veenhoek-West.', aanleiding: 'Inschrijving door een particulier.',
    handelingInitiator: 'Inschrijven', handelingBehandelaar: 'Toewijzen', doorlooptijdDagen: 90, verlengingMogelijk: false, opschortingMogelijk: false,
    vertrouwelijkheid: 'zaakvertrouwelijk', groep: 'VERG', gewicht: 0, organisaties: 0, concept: true, trefwoorden: ['kavel', 'grond'],
    statustypen: [ontvangen('inschrijving'), afgerond('De kavel is toegewezen of uw inschrijving is vervallen.')],
  },
];

export const ROLTYPEN: readonly (readonly [omschrijving: string, generiek: string])[] = [
  ['Aanvrager', 'initiator'], ['Behandelaar', 'behandelaar'], ['Belanghebbende', 'belanghebbende'], ['Klantcontacter', 'klantcontacter'],
];

/**
 * Earlier versions of some zaaktypen, no longer valid: Catalogi lists every published version
 * (open-zaak: src/openzaak/components/catalogi/api/filters.py; `datumGeldigheid` picks the valid
 * one). Seeded after the current versions so the ids and uuids of everything else stay as they were.
 */
export const EERDERE_VERSIES: readonly { identificatie: string; beginGeldigheid: string; eindeGeldigheid: string }[] = [
  { identificatie: 'PARKVERG', beginGeldigheid: '2020-01-01', eindeGeldigheid: '2023-12-31' },
  { identificatie: 'AFVALCONT', beginGeldigheid: '2019-07-01', eindeGeldigheid: '2021-12-31' },
  { identificatie: 'AFVALCONT', beginGeldigheid: '2022-01-01', eindeGeldigheid: '2023-12-31' },
];
