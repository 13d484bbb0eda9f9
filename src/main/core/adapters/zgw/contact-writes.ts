import type { ContactRecord } from '../../store/records';
import { Actor, Created, parseRemote } from './remote';
import { MaakKlantcontactResponse, internetaakIdentificator } from './callbacks';
import { RemoteError, type Medewerker, type OutgoingContact, type StepLog } from '../types';
import { ZgwApi } from './api';
import { collect } from './http';
import { contactMetadata, contactnaam } from './zaak-start';
import { ZAAK_IDENTIFICATOREN, uuidFromUrl } from './mapping';
import { fitMetadata, klantinteractiesForWriting } from './server-versions';
import { telefoonVoorOpenKlant } from '../../../../shared/telefoon';

/** How Klantbeeld identifies a medewerker as an Actor (the KISS convention). */
const medewerkerIdentificator = (email: string) => ({
  objectId: email,
  codeObjecttype: 'mdw',
  codeRegister: 'msei',
  codeSoortObjectId: 'email',
});

/** Registering a klantcontact in Open Klant 2: resumable, looked up after a lost response. */
export class ContactWrites {
  /** Whether the server has POST /maak-klantcontact (Open Klant 2); null until tried. */
  private hasMaakKlantcontact: boolean | null = null;

  constructor(private readonly api: ZgwApi) {}

  async pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }> {
    const ki = this.api.klantinteracties;
    // Before anything is written: an Open Klant that would drop the metadata is refused here.
    const server = await klantinteractiesForWriting(ki);
    const klantcontactBody = {
      kanaal: contact.kanaal,
      onderwerp: contact.onderwerp,
      inhoud: contact.inhoud,
      indicatieContactGelukt: contact.poging ? contact.poging.gelukt : contact.gespreksresultaat !== 'verbinding_verbroken',
      taal: 'nld',
      vertrouwelijk: false,
      plaatsgevondenOp: contact.plaatsgevondenOp,
      // The key lets a retry find this object instead of creating a twin.
      metadata: fitMetadata({ klantbeeldKey: contact.idempotencyKey, ...contactMetadata(contact) }, server.metadataMax),
    };
    const partijUuid = contact.customer ? uuidFromUrl(contact.customer.sourceUrl) : null;
    const betrokkeneBody = {
      // An unknown caller: no partij (none is created), only the name they gave.
      wasPartij: partijUuid ? { uuid: partijUuid } : null,
      rol: 'klant',
      initiator: true,
      ...(contact.beller?.naam ? { contactnaam: contactnaam(contact.beller.naam) } : {}),
    };
    const findKlantcontact = () =>
      this.api.findOne(`/klantcontacten?plaatsgevondenOp=${encodeURIComponent(contact.plaatsgevondenOp)}&kanaal=${encodeURIComponent(contact.kanaal)}`, (kc) =>
        (kc.metadata as Record<string, string> | undefined)?.klantbeeldKey === contact.idempotencyKey,
      );
    const findBetrokkene = (klantcontactUuid: string) =>
      this.api.findOne(`/betrokkenen?hadKlantcontact__uuid=${klantcontactUuid}`, (b) => ((b.wasPartij as { uuid?: string } | null)?.uuid ?? null) === partijUuid);

    await this.maakKlantcontact(log, klantcontactBody, betrokkeneBody, findKlantcontact, findBetrokkene);
    const klantcontact = await this.api.step(
      log,
      'klantcontact',
      () => ki.request(ki.url('/klantcontacten'), { method: 'POST', body: klantcontactBody }),
      findKlantcontact,
    );
    const betrokkene = await this.api.step(
      log,
      'betrokkene',
      () => ki.request(ki.url('/betrokkenen'), { method: 'POST', body: { ...betrokkeneBody, hadKlantcontact: { uuid: klantcontact.uuid } } }),
      () => findBetrokkene(klantcontact.uuid),
    );
    const actor = await this.api.step(log, 'actor', () => this.findOrCreateMedewerker(contact.medewerker));
    await this.api.step(log, 'actorklantcontact', () =>
      ki.request(ki.url('/actorklantcontacten'), {
        method: 'POST',
        body: { actor: { uuid: actor.uuid }, klantcontact: { uuid: klantcontact.uuid } },
      }),
      () => this.api.findOne(`/actorklantcontacten?klantcontact__uuid=${klantcontact.uuid}&actor__uuid=${actor.uuid}`, () => true),
    );
    if (contact.beller?.nummer) {
      const nummer = bellerTelefoon(contact.beller.nummer);
      await this.api.step(
        log,
        'digitaaladres',
        () =>
          ki.request(ki.url('/digitaleadressen'), {
            method: 'POST',
            body: {
              verstrektDoorBetrokkene: { uuid: betrokkene.uuid },
              verstrektDoorPartij: null,
              adres: nummer,
              soortDigitaalAdres: 'telefoonnummer',
              omschrijving: 'Telefoonnummer beller',
            },
          }),
        () => this.api.findOne(`/digitaleadressen?verstrektDoorBetrokkene__uuid=${betrokkene.uuid}`, () => true),
      );
    }
    for (const zaakUuid of contact.zaakUuids ?? []) await this.linkZaak(log, klantcontact.uuid, zaakUuid);
    if (contact.poging) {
      const taakUuid = contact.poging.interneTaakUuid;
      await this.api.step(
        log,
        'onderwerpobject:internetaak',
        () =>
          ki.request(ki.url('/onderwerpobjecten'), {
            method: 'POST',
            body: { klantcontact: { uuid: klantcontact.uuid }, wasKlantcontact: null, onderwerpobjectidentificator: internetaakIdentificator(taakUuid) },
          }),
        () => this.api.findOne(`/onderwerpobjecten?klantcontact__uuid=${klantcontact.uuid}&onderwerpobjectidentificatorObjectId=${taakUuid}`, () => true),
      );
    }
    return {
      sourceUrl: klantcontact.url,
      record: {
        sourceUrl: klantcontact.url,
        kanaal: contact.kanaal,
        onderwerp: contact.onderwerp,
        inhoud: contact.inhoud,
        plaatsgevondenOp: contact.plaatsgevondenOp,
        gespreksresultaat: contact.gespreksresultaat ?? null,
        afdeling: contact.afdeling || null,
        medewerker: contact.medewerker.naam,
        zaakIdentificaties: [],
      },
    };
  }

  /**
   * A zaak as onderwerpobject, once per convention: `zaak` (Open Klant sends its zaak-gekoppeld
   * event only for that) and `zgw-Zaak` (what KISS writes and reads). Each a step of its own,
   * looked up by its codeObjecttype after a lost response.
   */
  private async linkZaak(log: StepLog, klantcontactUuid: string, zaakUuid: string): Promise<void> {
    const ki = this.api.klantinteracties;
    for (const identificator of ZAAK_IDENTIFICATOREN) {
      const step = identificator.codeObjecttype === 'zaak' ? `onderwerpobject:zaak:${zaakUuid}` : `onderwerpobject:${zaakUuid}`;
      const query = new URLSearchParams({
        klantcontact__uuid: klantcontactUuid,
        onderwerpobjectidentificatorObjectId: zaakUuid,
        onderwerpobjectidentificatorCodeObjecttype: identificator.codeObjecttype,
      });
      await this.api.step(
        log,
        step,
        () =>
          ki.request(ki.url('/onderwerpobjecten'), {
            method: 'POST',
            body: { klantcontact: { uuid: klantcontactUuid }, wasKlantcontact: null, onderwerpobjectidentificator: { ...identificator, objectId: zaakUuid } },
          }),
        () => this.api.findOne(`/onderwerpobjecten?${query}`, () => true),
      );
    }
  }

  /**
   * Klantcontact and betrokkene in one request, atomic at the server, where it has
   * `POST /maak-klantcontact`. Records both steps, so the separate steps after it are skipped;
   * a server without it (404/405) gets the separate requests, remembered for next time.
   */
  private async maakKlantcontact(
    log: StepLog,
    klantcontact: Record<string, unknown>,
    betrokkene: Record<string, unknown>,
    findKlantcontact: () => Promise<{ uuid: string; url: string } | null>,
    findBetrokkene: (klantcontactUuid: string) => Promise<{ uuid: string; url: string } | null>,
  ): Promise<void> {
    if (this.hasMaakKlantcontact === false || Created.safeParse(log.done.klantcontact).success) return;
    if (log.done['maak-klantcontact:poging']) {
      // A lost response: whatever the server committed, it committed both or neither.
      const found = await findKlantcontact();
      if (found) {
        const foundBetrokkene = await findBetrokkene(found.uuid);
        if (foundBetrokkene) log.record('betrokkene', foundBetrokkene);
        log.record('klantcontact', found);
        return;
      }
    }
    // Both parts count as attempted: should this process die before their results are logged,
    // the retry looks each of them up instead of creating it again.
    log.record('maak-klantcontact:poging', true);
    log.record('klantcontact:poging', true);
    log.record('betrokkene:poging', true);
    const ki = this.api.klantinteracties;
    let response: { body: unknown };
    try {
      response = await ki.request(ki.url('/maak-klantcontact'), { method: 'POST', body: { klantcontact, betrokkene } });
    } catch (error) {
      if (error instanceof RemoteError && (error.status === 404 || error.status === 405)) {
        this.hasMaakKlantcontact = false;
        return;
      }
      throw error;
    }
    this.hasMaakKlantcontact = true;
    const made = parseRemote(MaakKlantcontactResponse, response.body, 'maak-klantcontact');
    // The betrokkene first: the klantcontact's result is what marks this step done.
    if (made.betrokkene) log.record('betrokkene', { uuid: made.betrokkene.uuid, url: made.betrokkene.url });
    log.record('klantcontact', { uuid: made.klantcontact.uuid, url: made.klantcontact.url });
  }

  private async findOrCreateMedewerker(medewerker: Medewerker) {
    const ki = this.api.klantinteracties;
    const id = medewerkerIdentificator(medewerker.email);
    const query = new URLSearchParams({
      actoridentificatorObjectId: id.objectId,
      actoridentificatorCodeObjecttype: id.codeObjecttype,
      actoridentificatorCodeRegister: id.codeRegister,
      actoridentificatorCodeSoortObjectId: id.codeSoortObjectId,
    });
    const found = await collect(ki, ki.url(`/actoren?${query}`), {}, 1);
    const existing = found.items.map((a) => parseRemote(Actor, a, 'actor'))[0];
    if (existing) return { uuid: existing.uuid, url: existing.url ?? '' };
    // Open Klant requires a Medewerker's functie and a valid telefoonnummer together
    // (open-klant: models/actoren.py Medewerker); without a valid number, no actorIdentificatie at all.
    const telefoonnummer = telefoonVoorOpenKlant(medewerker.telefoonnummer ?? this.api.user.telefoonnummer);
    const created = await ki.request(ki.url('/actoren'), {
      method: 'POST',
      body: {
        naam: medewerker.naam,
        soortActor: 'medewerker',
        indicatieActief: true,
        actoridentificator: id,
        ...(telefoonnummer
          ? {
              actorIdentificatie: {
                emailadres: medewerker.email,
                functie: (medewerker.functie ?? this.api.user.functie ?? 'Medewerker').slice(0, 40),
                telefoonnummer,
              },
            }
          : {}),
      },
    });
    return parseRemote(Created, created.body, 'actor');
  }
}

/** The caller's number as Open Klant stores it; one it can never accept parks the entry with a Dutch reason (the form refuses such numbers today). */
function bellerTelefoon(raw: string): string {
  const nummer = telefoonVoorOpenKlant(raw);
  if (!nummer) throw new RemoteError('Open Klant weigert het telefoonnummer van de beller; verbeter het nummer en verstuur opnieuw.', 'permanent');
  return nummer;
}
