import { z } from 'zod';
import { appendRegel, TOELICHTING_MAX, tooLongMessage } from '../../callbacks/toelichting';
import { CODE_OF_SOORT, DirectoryActor, InterneTaak, KLANTCONTACT_EXPAND, KlantcontactMetBetrokkenen, matchesTarget, PogingKlantcontact, toCallbackRecord } from './callbacks';
import { compactTelefoon, telefoonVoorOpenKlant } from '../../../../shared/telefoon';
import { ContactWrites } from './contact-writes';
import { Created, parseRemote } from './remote';
import {
  RemoteError,
  type ActorTarget,
  type AttemptRecord,
  type CallbackRecord,
  type OutgoingCallback,
  type OutgoingContact,
  type StepLog,
  type TaakPatch,
} from '../types';
import { ZgwApi, PARALLEL_REQUESTS, ACTOR_REFRESH_MS } from './api';
import { collect } from './http';
import { mapLimit } from '../../util/concurrency';
import { uuidFromUrl } from './mapping';
import { takenOfPartij } from './customer-callbacks';

const Toelichting = z.object({ value: z.string() });

/** Terugbelverzoeken (klantcontact + interne taak), their changes and attempts, and the work queues of actors. */
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
    const bellerNummer = callback.contact.beller ? compactTelefoon(callback.contact.beller.nummer) : null;
    const adressen = [
      ...callback.telefoonnummers
        .map(terugbelTelefoon)
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
    const actoren = await this.resolveActors(callback.toegewezenAan, log);
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
    const directory = await this.actorDirectory();
    const actors = targets.map((t) => [...directory.values()].find((a) => matchesTarget(a, t))).filter((a): a is DirectoryActor => !!a);
    return this.records(
      actors.map((a) => `/internetaken?status=te_verwerken&toegewezenAanActor__uuid=${a.uuid}`),
      directory,
    );
  }

  async listTaken(status: 'te_verwerken' | 'verwerkt', pages = Number.POSITIVE_INFINITY): Promise<CallbackRecord[]> {
    return this.records([`/internetaken?status=${status}`], await this.actorDirectory(), pages);
  }

  /**
   * Assigns, sets the status, adds a toelichting line: one PATCH, repeated as is after a lost
   * response (the same body gives the same taak). The new toelichting is computed from the
   * taak as it is now and logged before the PATCH, so a retry sends exactly the same text.
   */
  async patchTaak(patch: TaakPatch, log: StepLog): Promise<{ toelichting: string; afgehandeldOp: string | null }> {
    const ki = this.api.klantinteracties;
    const actoren = patch.actoren ? await this.resolveActors(patch.actoren, log) : null;
    let toelichting: string | null = null;
    if (patch.regel) {
      const logged = Toelichting.safeParse(log.done.toelichting);
      if (logged.success) toelichting = logged.data.value;
      else {
        const current = parseRemote(InterneTaak, (await ki.request(patch.taakUrl)).body, 'interne taak');
        toelichting = appendRegel(current.toelichting ?? '', patch.regel);
        if (toelichting.length > TOELICHTING_MAX) throw new RemoteError(tooLongMessage(toelichting.length), 'permanent');
        log.record('toelichting', { value: toelichting });
      }
    }
    const body = {
      ...(actoren ? { toegewezenAanActoren: actoren } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(toelichting !== null ? { toelichting } : {}),
    };
    const taak = parseRemote(InterneTaak, (await ki.request(patch.taakUrl, { method: 'PATCH', body })).body, 'interne taak');
    log.record('taak', { uuid: taak.uuid, url: taak.url });
    return { toelichting: taak.toelichting ?? '', afgehandeldOp: taak.afgehandeldOp ?? null };
  }

  async pushAttempt(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string }> {
    if (!contact.poging) throw new RemoteError('Een terugbelpoging hoort bij een interne taak.', 'permanent');
    const { sourceUrl } = await this.contacts.pushContact(contact, log);
    return { sourceUrl };
  }

  async listAttempts(taakUrl: string): Promise<AttemptRecord[]> {
    const ki = this.api.klantinteracties;
    const query = new URLSearchParams({
      onderwerpobject__onderwerpobjectidentificatorObjectId: uuidFromUrl(taakUrl),
      onderwerpobject__onderwerpobjectidentificatorCodeObjecttype: 'internetaak',
      pageSize: String(this.api.conn.pageSize),
    });
    const { items } = await collect(ki, ki.url(`/klantcontacten?${query}`));
    return items
      .map((item) => parseRemote(PogingKlantcontact, item, 'terugbelpoging'))
      .map((kc) => ({
        sourceUrl: kc.url,
        at: kc.plaatsgevondenOp,
        door: kc.hadBetrokkenActoren?.find((a) => a.naam)?.naam ?? 'Onbekend',
        uitkomst: typeof kc.metadata?.terugbelpoging === 'string' ? kc.metadata.terugbelpoging : kc.indicatieContactGelukt ? 'bereikt' : kc.indicatieContactGelukt === false ? 'niet_bereikt' : null,
        notitie: kc.inhoud ?? '',
      }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The actors of an assignment, each looked up once and logged. */
  private async resolveActors(targets: readonly ActorTarget[], log: StepLog): Promise<{ uuid: string }[]> {
    const actoren: { uuid: string }[] = [];
    for (const [i, target] of targets.entries()) {
      const actor = await this.api.step(log, `toegewezen:${i}`, async () => {
        const found = await this.findActor(target);
        if (!found) throw new RemoteError(`Onbekende ${target.soort} "${target.code}" in het zaaksysteem.`, 'permanent');
        return { uuid: found.uuid, url: found.url ?? '' };
      });
      actoren.push({ uuid: actor.uuid });
    }
    return actoren;
  }

  /** Interne taken from these lists (every page, or the first `pages`), each with its klantcontact: who, what, where to call. */
  private async records(paths: string[], known: ReadonlyMap<string, DirectoryActor>, pages = Number.POSITIVE_INFINITY): Promise<CallbackRecord[]> {
    const ki = this.api.klantinteracties;
    const lists = await Promise.all(paths.map((path) => collect(ki, ki.url(`${path}&pageSize=${this.api.conn.pageSize}`), {}, pages)));
    return this.withKlantcontact(lists.flatMap((l) => l.items).map((item) => parseRemote(InterneTaak, item, 'interne taak')), known);
  }

  /** Every interne taak of this partij, whoever it is for (customer-callbacks.ts). */
  takenOfPartij(partijUrl: string): Promise<CallbackRecord[]> {
    return takenOfPartij(this.api, partijUrl, (force) => this.actorDirectory(force));
  }

  /** These interne taken as they are now (one request each, a few in flight); gone ones are left out. */
  async fetchTaken(urls: readonly string[]): Promise<CallbackRecord[]> {
    const ki = this.api.klantinteracties;
    const taken = await mapLimit([...urls], PARALLEL_REQUESTS, async (url) => {
      try {
        return parseRemote(InterneTaak, (await ki.request(url)).body, 'interne taak');
      } catch (error) {
        if (error instanceof RemoteError && error.status === 404) return null;
        throw error;
      }
    });
    return this.withKlantcontact(taken.filter((t): t is InterneTaak => t !== null), await this.actorDirectory());
  }

  private async withKlantcontact(list: readonly InterneTaak[], known: ReadonlyMap<string, DirectoryActor>): Promise<CallbackRecord[]> {
    const ki = this.api.klantinteracties;
    const taken = new Map<string, InterneTaak>();
    for (const taak of list) taken.set(taak.url, taak);
    // An actor created since the directory was read (a new colleague): read it again, once.
    const unknown = [...taken.values()].some((t) => (t.toegewezenAanActoren ?? []).some((a) => !known.has(a.uuid)));
    const directory = unknown ? await this.actorDirectory(true) : known;
    return mapLimit([...taken.values()], PARALLEL_REQUESTS, async (taak) => {
      // The klantcontact behind a taak does not change: cached by URL after the first read.
      const kcUrl = taak.aanleidinggevendKlantcontact.url ?? ki.url(`/klantcontacten/${taak.aanleidinggevendKlantcontact.uuid}`);
      const kc = await this.klantcontactMetBetrokkenen(`${kcUrl}?expand=${KLANTCONTACT_EXPAND}`).catch(() => null);
      return toCallbackRecord(taak, kc, directory);
    });
  }

  /**
   * A klantcontact with its betrokkenen, from the cache when it came with them. A read without
   * them (a server that did not expand) is used once and not kept, so the next read tries again.
   */
  private async klantcontactMetBetrokkenen(url: string) {
    const cache = this.api.cache;
    const cached = cache.get(url);
    const withBetrokkenen = (kc: z.infer<typeof KlantcontactMetBetrokkenen>) => (kc._expand?.hadBetrokkenen?.length ?? 0) > 0;
    if (cached) {
      const kc = KlantcontactMetBetrokkenen.safeParse(cached.body);
      if (kc.success && withBetrokkenen(kc.data)) return kc.data;
    }
    const response = await this.api.klantinteracties.request(url);
    const kc = parseRemote(KlantcontactMetBetrokkenen, response.body, 'klantcontact-betrokkenen');
    if (withBetrokkenen(kc)) cache.put(url, 'klantcontact-betrokkenen', response.body, response.etag, new Date().toISOString());
    return kc;
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
  private async actorDirectory(force = false): Promise<Map<string, DirectoryActor>> {
    if (force || !this.directory || Date.now() - this.directory.at > ACTOR_REFRESH_MS) {
      const ki = this.api.klantinteracties;
      const { items } = await collect(ki, ki.url(`/actoren?pageSize=${this.api.conn.pageSize}`));
      const byUuid = new Map(items.map((a) => parseRemote(DirectoryActor, a, 'actor')).map((a) => [a.uuid, a]));
      this.directory = { byUuid, at: Date.now() };
    }
    return this.directory.byUuid;
  }
}

/** A number to call back as Open Klant stores it; one it can never accept parks the entry (the form refuses such numbers today). */
function terugbelTelefoon(raw: string): string {
  const nummer = telefoonVoorOpenKlant(raw);
  if (!nummer) throw new RemoteError('Open Klant weigert een terugbelnummer; verbeter het nummer en verstuur opnieuw.', 'permanent');
  return nummer;
}
