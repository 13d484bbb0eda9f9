import type { ZgwConnection } from '../../config/schema';
import type { RemoteCache } from '../../store/remote-cache';
import type { ContactRecord, CustomerRecord } from '../../store/records';
import { mapLimit } from '../../util/concurrency';
import type { CustomerRef, Medewerker, OutgoingContact, StepLog, ZaaksysteemAdapter } from '../types';
import { ApiClient, collect, pages } from './http';
import { toContactRecord, toCustomerRecord, toZaakRecord, uuidFromUrl } from './mapping';
import { Actor, Created, Klantcontact, Partij, parseRemote, Status, StatusType, Zaak, ZaakType } from './remote';

/** Requests in flight per dossier; Open Zaak and Open Klant are shared municipal servers. */
const PARALLEL_REQUESTS = 6;
/** A dossier reads at most this many pages per list; older items stay cached. */
const DOSSIER_MAX_PAGES = 10;
const ACTOR_REFRESH_MS = 60 * 60 * 1000;

/** How Klantbeeld identifies a medewerker as an Actor (the KISS convention). */
const medewerkerIdentificator = (email: string) => ({
  objectId: email,
  codeObjecttype: 'mdw',
  codeRegister: 'msei',
  codeSoortObjectId: 'email',
});

/** Open Zaak (Zaken, Catalogi) + Open Klant 2 (Klantinteracties). */
export class ZgwAdapter implements ZaaksysteemAdapter {
  readonly label: string;
  private readonly zaken: ApiClient;
  private readonly catalogi: ApiClient;
  private readonly klantinteracties: ApiClient;
  private actors: { names: Map<string, string>; at: number } | null = null;

  constructor(
    private readonly conn: ZgwConnection,
    user: Medewerker,
    private readonly cache: RemoteCache,
  ) {
    this.label = conn.label;
    const jwt = { kind: 'zgw-jwt', clientId: conn.zgwClientId, secret: conn.zgwSecret, userId: user.id, userRepresentation: user.naam } as const;
    this.zaken = new ApiClient(conn.zakenUrl, jwt, conn.timeoutMs, true);
    this.catalogi = new ApiClient(conn.catalogiUrl, jwt, conn.timeoutMs);
    this.klantinteracties = new ApiClient(conn.klantinteractiesUrl, { kind: 'token', token: conn.klantinteractiesToken }, conn.timeoutMs);
  }

  async listCustomers(onPage: (records: CustomerRecord[]) => void): Promise<void> {
    const first = this.klantinteracties.url(`/partijen?expand=digitaleAdressen&pageSize=${this.conn.pageSize}`);
    for await (const page of pages(this.klantinteracties, first)) {
      onPage(page.map((p) => toCustomerRecord(parseRemote(Partij, p, 'partij'))).filter((r): r is CustomerRecord => r !== null));
    }
  }

  async fetchDossier(customer: CustomerRef) {
    const [contacts, zaken] = await Promise.all([this.fetchContacts(customer), this.fetchZaken(customer)]);
    const byUuid = new Map(zaken.records.map((z) => [uuidFromUrl(z.sourceUrl), z.identificatie]));
    const names = await this.actorNames(contacts.items.flatMap((kc) => (kc.hadBetrokkenActoren ?? []).map((a) => a.uuid)));
    return {
      contacts: contacts.items.map((kc) => toContactRecord(kc, (uuid) => names.get(uuid) ?? null, (uuid) => byUuid.get(uuid) ?? null)),
      zaken: zaken.records,
      complete: contacts.complete && zaken.complete,
    };
  }

  async pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }> {
    const ki = this.klantinteracties;
    const klantcontact = await this.step(log, 'klantcontact', () =>
      ki.request(ki.url('/klantcontacten'), {
        method: 'POST',
        body: {
          kanaal: contact.kanaal,
          onderwerp: contact.onderwerp,
          inhoud: contact.inhoud,
          indicatieContactGelukt: true,
          taal: 'nld',
          vertrouwelijk: false,
          plaatsgevondenOp: contact.plaatsgevondenOp,
          // The key lets a retry find this object instead of creating a twin (issue 6).
          metadata: { klantbeeldKey: contact.idempotencyKey },
        },
      }),
    );
    await this.step(log, 'betrokkene', () =>
      ki.request(ki.url('/betrokkenen'), {
        method: 'POST',
        body: {
          wasPartij: { uuid: uuidFromUrl(contact.customer.sourceUrl) },
          hadKlantcontact: { uuid: klantcontact.uuid },
          rol: 'klant',
          initiator: true,
        },
      }),
    );
    const actor = await this.step(log, 'actor', () => this.findOrCreateMedewerker(contact.medewerker));
    await this.step(log, 'actorklantcontact', () =>
      ki.request(ki.url('/actorklantcontacten'), {
        method: 'POST',
        body: { actor: { uuid: actor.uuid }, klantcontact: { uuid: klantcontact.uuid } },
      }),
    );
    return {
      sourceUrl: klantcontact.url,
      record: {
        sourceUrl: klantcontact.url,
        kanaal: contact.kanaal,
        onderwerp: contact.onderwerp,
        inhoud: contact.inhoud,
        plaatsgevondenOp: contact.plaatsgevondenOp,
        gespreksresultaat: null,
        afdeling: null,
        medewerker: contact.medewerker.naam,
        zaakIdentificaties: [],
      },
    };
  }

  /** Runs a remote step once: a result already in the log is reused, a new one is logged at once. */
  private async step(
    log: StepLog,
    name: string,
    run: () => Promise<{ body: unknown } | { uuid: string; url: string }>,
  ): Promise<{ uuid: string; url: string }> {
    const done = Created.safeParse(log.done[name]);
    if (done.success) return done.data;
    const result = await run();
    const created = parseRemote(Created, 'body' in result ? result.body : result, name);
    const kept = { uuid: created.uuid, url: created.url };
    log.record(name, kept);
    return kept;
  }

  private async findOrCreateMedewerker(medewerker: Medewerker) {
    const ki = this.klantinteracties;
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
    const created = await ki.request(ki.url('/actoren'), {
      method: 'POST',
      body: {
        naam: medewerker.naam,
        soortActor: 'medewerker',
        indicatieActief: true,
        actoridentificator: id,
        actorIdentificatie: { emailadres: medewerker.email },
      },
    });
    return parseRemote(Created, created.body, 'actor');
  }

  private async fetchContacts(customer: CustomerRef) {
    const ki = this.klantinteracties;
    const first = ki.url(
      `/klantcontacten?hadBetrokkene__wasPartij__uuid=${uuidFromUrl(customer.sourceUrl)}&expand=gingOverOnderwerpobjecten&pageSize=${this.conn.pageSize}`,
    );
    const { items, complete } = await collect(ki, first, {}, DOSSIER_MAX_PAGES);
    return { items: items.map((kc) => parseRemote(Klantcontact, kc, 'klantcontact')), complete };
  }

  private async fetchZaken(customer: CustomerRef) {
    const filter = customer.bsn
      ? `rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${customer.bsn}`
      : customer.kvkNummer
        ? `rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=${customer.kvkNummer}`
        : null;
    if (!filter) return { records: [], complete: true };
    const first = this.zaken.url(`/zaken?${filter}&pageSize=${this.conn.pageSize}`);
    const { items, complete } = await collect(this.zaken, first, {}, DOSSIER_MAX_PAGES);
    const zaken = items.map((z) => parseRemote(Zaak, z, 'zaak'));
    const records = await mapLimit(zaken, PARALLEL_REQUESTS, async (zaak) => {
      const [zaaktype, status] = await Promise.all([
        this.cachedObject(this.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
        zaak.status ? this.statusNaam(zaak.status) : Promise.resolve(null),
      ]);
      return toZaakRecord(zaak, zaaktype.omschrijving, status);
    });
    return { records, complete };
  }

  private async statusNaam(statusUrl: string): Promise<string> {
    // A status record never changes (a new status gets a new URL), so it may be cached too.
    const status = await this.cachedObject(this.zaken, statusUrl, 'status', Status);
    return (await this.cachedObject(this.catalogi, status.statustype, 'statustype', StatusType)).omschrijving;
  }

  /** Immutable or rarely changing objects by URL, from the local cache or fetched once. */
  private async cachedObject<T>(client: ApiClient, url: string, kind: string, schema: import('zod').ZodType<T>): Promise<T> {
    const cached = this.cache.get(url);
    if (cached) return parseRemote(schema, cached.body, kind);
    const response = await client.request(url);
    const value = parseRemote(schema, response.body, kind);
    this.cache.put(url, kind, response.body, response.etag, new Date().toISOString());
    return value;
  }

  /** Actor names (medewerkers) by uuid; the list is small and refreshed hourly or when one is unknown. */
  private async actorNames(needed: string[]): Promise<Map<string, string>> {
    const stale = !this.actors || Date.now() - this.actors.at > ACTOR_REFRESH_MS;
    // An unknown uuid (a new colleague) refreshes the list, at most once a minute.
    const missing = needed.some((uuid) => !this.actors?.names.has(uuid)) && Date.now() - (this.actors?.at ?? 0) > 60_000;
    if (stale || missing) {
      const ki = this.klantinteracties;
      const { items } = await collect(ki, ki.url(`/actoren?pageSize=${this.conn.pageSize}`));
      const names = new Map(items.map((a) => parseRemote(Actor, a, 'actor')).map((a) => [a.uuid, a.naam]));
      this.actors = { names, at: Date.now() };
    }
    return this.actors?.names ?? new Map();
  }
}
