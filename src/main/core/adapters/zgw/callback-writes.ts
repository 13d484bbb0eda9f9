import { CODE_OF_SOORT, DirectoryActor, InterneTaak, KlantcontactMetBetrokkenen, matchesTarget, toCallbackRecord } from './callbacks';
import { ContactWrites } from './contact-writes';
import { Created, parseRemote } from './remote';
import { RemoteError, type ActorTarget, type CallbackRecord, type OutgoingCallback, type StepLog } from '../types';
import { ZgwApi, PARALLEL_REQUESTS, ACTOR_REFRESH_MS } from './api';
import { collect } from './http';
import { mapLimit } from '../../util/concurrency';
import { uuidFromUrl } from './mapping';

/** Terugbelverzoeken (klantcontact + interne taak) and the work queues of actors. */
export class CallbackWrites {
  private directory: { byUuid: Map<string, DirectoryActor>; at: number } | null = null;

  constructor(private readonly api: ZgwApi, private readonly contacts: ContactWrites) {}

  /**
   * A terugbelverzoek the way Open Klant 2 stores it (the KISS pattern): the klantcontact with its
   * betrokkene and actor (as any contact), the numbers to call back as digitale adressen of the
   * betrokkene, the assigned actors, and the interne taak. Every step resumable and looked up
   * after a lost response.
   */
  async pushCallback(callback: OutgoingCallback, log: StepLog): Promise<{ sourceUrl: string; klantcontactUrl: string }> {
    const ki = this.api.klantinteracties;
    const { sourceUrl: klantcontactUrl } = await this.contacts.pushContact(callback.contact, log);
    const klantcontactUuid = uuidFromUrl(klantcontactUrl);
    const betrokkene = Created.parse(log.done.betrokkene);
    // An unknown caller's number is already on the betrokkene (pushContact); not twice.
    const compact = (nummer: string) => nummer.replace(/[\s()-]/g, '');
    const bellerNummer = callback.contact.beller ? compact(callback.contact.beller.nummer) : null;
    const adressen = [
      ...callback.telefoonnummers
        .map(compact)
        .filter((adres) => adres !== bellerNummer)
        .map((adres) => ({ adres, soortDigitaalAdres: 'telefoonnummer', omschrijving: 'Terugbellen op' })),
      ...callback.emailadressen.map((adres) => ({ adres, soortDigitaalAdres: 'email', omschrijving: 'Antwoord per e-mail' })),
    ];
    for (const [i, adres] of adressen.entries()) {
      await this.api.step(
        log,
        `terugbeladres:${i}`,
        () => ki.request(ki.url('/digitaleadressen'), { method: 'POST', body: { verstrektDoorBetrokkene: { uuid: betrokkene.uuid }, verstrektDoorPartij: null, ...adres } }),
        () => this.api.findOne(`/digitaleadressen?verstrektDoorBetrokkene__uuid=${betrokkene.uuid}&adres=${encodeURIComponent(adres.adres)}`, () => true),
      );
    }
    const actoren: { uuid: string }[] = [];
    for (const [i, target] of callback.toegewezenAan.entries()) {
      const actor = await this.api.step(log, `toegewezen:${i}`, async () => {
        const found = await this.findActor(target);
        if (!found) throw new RemoteError(`Onbekende ${target.soort} "${target.code}" in het zaaksysteem.`, 'permanent');
        return { uuid: found.uuid, url: found.url ?? '' };
      });
      actoren.push({ uuid: actor.uuid });
    }
    const taak = await this.api.step(
      log,
      'internetaak',
      () =>
        ki.request(ki.url('/internetaken'), {
          method: 'POST',
          body: {
            gevraagdeHandeling: callback.vraag,
            aanleidinggevendKlantcontact: { uuid: klantcontactUuid },
            toegewezenAanActoren: actoren,
            toelichting: callback.toelichting,
            status: 'te_verwerken',
          },
        }),
      () => this.api.findOne(`/internetaken?aanleidinggevendKlantcontact__uuid=${klantcontactUuid}`, () => true),
    );
    return { sourceUrl: taak.url, klantcontactUrl };
  }

  async listWorkQueue(targets: ActorTarget[]): Promise<CallbackRecord[]> {
    const ki = this.api.klantinteracties;
    const directory = await this.actorDirectory();
    const actors = targets.map((t) => [...directory.values()].find((a) => matchesTarget(a, t))).filter((a): a is DirectoryActor => !!a);
    const lists = await Promise.all(
      actors.map((a) => collect(ki, ki.url(`/internetaken?status=te_verwerken&toegewezenAanActor__uuid=${a.uuid}&pageSize=${this.api.conn.pageSize}`))),
    );
    const taken = new Map<string, InterneTaak>();
    for (const item of lists.flatMap((l) => l.items)) {
      const taak = parseRemote(InterneTaak, item, 'interne taak');
      taken.set(taak.url, taak);
    }
    return mapLimit([...taken.values()], PARALLEL_REQUESTS, async (taak) => {
      // The klantcontact behind a taak does not change: cached by URL after the first read.
      const kcUrl = taak.aanleidinggevendKlantcontact.url ?? ki.url(`/klantcontacten/${taak.aanleidinggevendKlantcontact.uuid}`);
      const kc = await this.api.cachedObject(ki, `${kcUrl}?expand=hadBetrokkenen`, 'klantcontact-betrokkenen', KlantcontactMetBetrokkenen).catch(() => null);
      return toCallbackRecord(taak, kc, directory);
    });
  }

  private async findActor(target: ActorTarget): Promise<DirectoryActor | null> {
    const code = CODE_OF_SOORT[target.soort];
    const query = new URLSearchParams({
      actoridentificatorObjectId: target.code,
      actoridentificatorCodeObjecttype: code.codeObjecttype,
      actoridentificatorCodeRegister: code.codeRegister,
      actoridentificatorCodeSoortObjectId: code.codeSoortObjectId,
    });
    const ki = this.api.klantinteracties;
    const { items } = await collect(ki, ki.url(`/actoren?${query}`), {}, 1);
    return items.map((a) => parseRemote(DirectoryActor, a, 'actor')).find((a) => matchesTarget(a, target)) ?? null;
  }

  /** Every actor with its identificator, refreshed hourly: names and codes for the work queues. */
  private async actorDirectory(): Promise<Map<string, DirectoryActor>> {
    if (!this.directory || Date.now() - this.directory.at > ACTOR_REFRESH_MS) {
      const ki = this.api.klantinteracties;
      const { items } = await collect(ki, ki.url(`/actoren?pageSize=${this.api.conn.pageSize}`));
      const byUuid = new Map(items.map((a) => parseRemote(DirectoryActor, a, 'actor')).map((a) => [a.uuid, a]));
      this.directory = { byUuid, at: Date.now() };
    }
    return this.directory.byUuid;
  }
}
