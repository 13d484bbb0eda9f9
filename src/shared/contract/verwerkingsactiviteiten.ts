/**
 * The verwerkingsactiviteiten (register of processing activities, AVG art. 30) under which
 * Klantbeeld processes personal data, each with its doel. The ids are stable: the
 * Verwerkingenlogging receives them as `verwerkingsactiviteitId`, and with
 * `verwerkingenlogging.activiteitenUrl` configured also as a URL into the municipality's register.
 */
export const VERWERKINGSACTIVITEITEN = {
  klantcontact: {
    id: '7ec3525d-6d9e-4059-a371-261ceb51bd24',
    naam: 'Klantcontact afhandelen',
    doel: 'Vragen van inwoners en ondernemers beantwoorden en het contact vastleggen (KCC en balie).',
  },
  terugbelverzoek: {
    id: '0fc3d6f0-94b3-4577-b92b-012b2fa8cc84',
    naam: 'Terugbelverzoek behandelen',
    doel: 'Een vraag die niet direct beantwoord kan worden doorzetten naar een collega en de klant terugbellen.',
  },
  zaakinformatie: {
    id: 'cc915b31-478b-4da0-91f3-b6920002b1bc',
    naam: 'Zaakinformatie verstrekken',
    doel: 'Inwoners en ondernemers informeren over de stand van hun zaken en aanvragen.',
  },
  zaak: {
    id: '0d655e2f-438e-4b8f-b9e6-2a0614d5a138',
    naam: 'Zaak aanmaken',
    doel: 'Een aanvraag of melding van de klant als zaak registreren voor de behandelende afdeling.',
  },
  sturing: {
    id: '9ea4ee83-b731-4aed-8853-7a8a9de4d762',
    naam: 'Sturing klantcontactcentrum',
    doel: 'De teamleider stuurt op werkvoorraad en servicenormen; exporten alleen voor dat doel.',
  },
  verantwoording: {
    id: 'ea57891c-d655-4ef1-97ef-628790b6d13a',
    naam: 'Verantwoording en rechten van betrokkenen',
    doel: 'De verwerkingen verantwoorden (AVG art. 5 lid 2) en verzoeken om verwijdering uitvoeren.',
  },
} as const;

export type VerwerkingsactiviteitKey = keyof typeof VERWERKINGSACTIVITEITEN;
