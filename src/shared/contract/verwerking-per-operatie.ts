/**
 * What each operation that touches a citizen's data logs (VNG Verwerkingenlogging), in one
 * place so the whole privacy picture reads as one list (docs/privacy.md). The areas refer to
 * these in their operation's `verwerking`; the contract test checks every path against the
 * operation's schema and that no operation with personal fields is left without one.
 *
 * Bewaartermijn: P10Y everywhere for now, the municipality's archive policy decides (change it here).
 */
import type { GeenVerwerking, VerwerkingSpec, VerwerktObjectBron } from './define';

const BEWAARTERMIJN = 'P10Y';

const klant = (pad: string, soortenGegevens: string[], betrokkenheid = 'klant'): VerwerktObjectBron => ({ pad, soort: 'klant', betrokkenheid, soortenGegevens });
const zaak = (pad: string, soortenGegevens: string[]): VerwerktObjectBron => ({ pad, soort: 'zaak', betrokkenheid: 'initiator', soortenGegevens });
const terugbel = (pad: string, soortenGegevens: string[]): VerwerktObjectBron => ({ pad, soort: 'terugbelverzoek', betrokkenheid: 'klant', soortenGegevens });

function spec(actie: string, handeling: VerwerkingSpec['handeling'], activiteit: VerwerkingSpec['activiteit'], objecten: VerwerktObjectBron[], vertrouwelijkheid: VerwerkingSpec['vertrouwelijkheid'] = 'normaal'): VerwerkingSpec {
  return { actie, handeling, activiteit, vertrouwelijkheid, bewaartermijn: BEWAARTERMIJN, objecten };
}

const geen = (reden: string): GeenVerwerking => ({ geen: reden });

const DOSSIER = ['naam', 'adres', 'contactgegevens', 'klantcontacten', 'zaken'];
const TERUGBEL = ['naam', 'telefoonnummer', 'e-mailadres', 'vraag', 'notities'];

export const VERWERKING = {
  // Klant
  klantZoeken: geen('Zoeken terwijl de medewerker typt, in de lokale cache: alleen een keuzelijst (naam, adres, gemaskeerd BSN). Het openen van een klant wordt gelogd.'),
  klantZoekenExtern: spec('Klant gezocht in het zaaksysteem', 'Raadplegen', 'klantcontact', [klant('output.results[].id', ['naam', 'adres', 'BSN'])]),
  klantUitRegister: spec('Klant aangemaakt uit de BRP', 'Registreren', 'klantcontact', [klant('output.customerId', ['naam', 'adres', 'BSN'])]),
  klantGeopend: spec('Klantbeeld geopend', 'Raadplegen', 'klantcontact', [klant('input.customerId', DOSSIER)]),
  bsnGetoond: spec('BSN getoond', 'Raadplegen', 'klantcontact', [klant('input.customerId', ['BSN'])], 'vertrouwelijk'),
  bellerHerkend: spec('Beller herkend', 'Raadplegen', 'klantcontact', [klant('output.customerId', ['naam', 'telefoonnummer'], 'beller'), klant('output.candidates[].id', ['naam', 'telefoonnummer'], 'beller')]),
  // Zaken
  zaakIngezien: spec('Zaak ingezien', 'Raadplegen', 'zaakinformatie', [zaak('input.zaakId', ['zaakgegevens', 'statussen', 'rollen', 'documenten'])]),
  zaakdocumentGeopend: spec('Zaakdocument geopend', 'Raadplegen', 'zaakinformatie', [zaak('input.zaakId', ['document'])], 'vertrouwelijk'),
  zaakAangemaakt: spec('Zaak aangemaakt', 'Registreren', 'zaak', [klant('input.customerId', ['zaakgegevens'], 'initiator')]),
  // Klantcontacten
  contactVastgelegd: spec('Klantcontact vastgelegd', 'Registreren', 'klantcontact', [klant('input.customerId', ['klantcontact'])]),
  concept: geen('Het concept van het eigen, nog open contact van de medewerker (lokaal, niet gedeeld); het openen van de klant en het vastleggen worden gelogd.'),
  // Opnieuw versturen logt alleen als een terugbelverzoek is verbeterd (output.callbackId); anders verstuurt het wat al gelogd is.
  opnieuwVersturen: spec('Terugbelverzoek verbeterd in de wachtrij', 'Wijzigen', 'terugbelverzoek', [terugbel('output.callbackId', ['telefoonnummer', 'e-mailadres', 'behandeling'])]),
  wachtrijIngezien: spec('Wachtrij ingezien', 'Raadplegen', 'terugbelverzoek', [terugbel('output.items[].callback.id', ['telefoonnummer', 'e-mailadres'])]),
  // Terugbelverzoeken
  terugbelVastgelegd: spec('Terugbelverzoek vastgelegd', 'Registreren', 'terugbelverzoek', [terugbel('output.id', TERUGBEL)]),
  werkvoorraad: geen('De werkvoorraad toont per verzoek alleen naam, onderwerp en termijn; het openen van een verzoek (callbacks.get) wordt gelogd.'),
  terugbelBijKlant: geen('Onderdeel van het klantbeeld; het openen van de klant (customers.open) is gelogd.'),
  terugbelIngezien: spec('Terugbelverzoek ingezien', 'Raadplegen', 'terugbelverzoek', [terugbel('input.id', TERUGBEL)]),
  terugbelGewijzigd: spec('Terugbelverzoek gewijzigd', 'Wijzigen', 'terugbelverzoek', [terugbel('input.id', ['behandeling', 'notities'])]),
  terugbelToegewezen: spec('Terugbelverzoeken toegewezen', 'Wijzigen', 'terugbelverzoek', [terugbel('input.ids[]', ['behandeling'])]),
  // Teamleider
  sturing: geen('Aantallen per team, medewerker, kanaal en onderwerp, en de achterstand (onderwerp en termijn, zonder klant): geen gegevens van inwoners.'),
  // Overig
  kennisFeedback: geen('Feedback van medewerkers op kennisartikelen; geen gegevens van inwoners.'),
} as const satisfies Record<string, VerwerkingSpec | GeenVerwerking>;
