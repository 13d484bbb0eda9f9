import type { ZgwConnection } from '../../config/schema';
import type { RemoteCache } from '../../store/remote-cache';
import type { ContactRecord, CustomerRecord } from '../../store/records';
import { mapLimit } from '../../util/concurrency';
import { RemoteError, type ActorTarget, type CallbackAdapter, type CallbackRecord, type OutgoingCallback, type CustomerRef, type Medewerker, type OutgoingContact, type OutgoingZaak, type ZaaktypeSummary, type StepLog, type ZaaksysteemAdapter, type RemoteCustomerQuery, type ZaakDetailRecord } from '../types';
import { ApiClient, collect, pages } from './http';
import { CODE_OF_SOORT, DirectoryActor, MaakKlantcontactResponse, InterneTaak, KlantcontactMetBetrokkenen, matchesTarget, toCallbackRecord } from './callbacks';
import { contactMetadata, contactnaam, CreatedZaak, Roltype, StatustypeListItem, ZaaktypeListItem } from './zaak-start';
import { rolNaam, toContactRecord, toCustomerRecord, toZaakRecord, uuidFromUrl } from './mapping';
import { normalisePhone } from '../../../../shared/identify';
import { Actor, Created, DigitaalAdresRef, EnkelvoudigInformatieObject, Klantcontact, Partij, Rol, Status, StatusDetail, StatusType, Zaak, ZaakInformatieObject, ZaakType, parseRemote } from './remote';

/** Requests in flight per dossier; Open Zaak and Open Klant are shared municipal servers. */
const PARALLEL_REQUESTS = 6;
/** A dossier reads at most this many pages per list; older items stay cached. */
const DOSSIER_MAX_PAGES = 10;
const ACTOR_REFRESH_MS = 60 * 60 * 1000;
/** Partijen parsed per turn of the event loop during a prefetch. */
const PARSE_CHUNK = 50;
/** Catalogus types are revalidated (ETag) once a day; statuses never change. */
const CATALOGUS_REVALIDATE_MS = 24 * 60 * 60 * 1000;
const IMMUTABLE_KINDS = new Set(['status', 'klantcontact-betrokkenen']);
/** Documents opened in the window; larger ones belong in the zaaksysteem's own viewer. */
const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** The Documenten API: configured, or beside the Zaken API as Open Zaak serves them. */
export function documentenBaseUrl(conn: ZgwConnection): string {
  return conn.documentenUrl ?? conn.zakenUrl.replace(/\/zaken\/api\/v1\/?$/, '/documenten/api/v1');
}

/** How Klantbeeld identifies a medewerker as an Actor (the KISS convention). */
const medewerkerIdentificator = (email: string) => ({
  objectId: email,
  codeObjecttype: 'mdw',
  codeRegister: 'msei',
  codeSoortObjectId: 'email',
});

/** Open Zaak (Zaken, Catalogi) + Open Klant 2 (Klantinteracties). */
export class ZgwAdapter implements ZaaksysteemAdapter, CallbackAdapter {
  readonly label: string;
  private readonly zaken: ApiClient;
  private readonly catalogi: ApiClient;
  /** The main Zaken API first, then any extra zaaksystemen; read in parallel. */
  private readonly zaakSources: { label: string; zaken: ApiClient; catalogi: ApiClient }[];
  private readonly klantinteracties: ApiClient;
  /** The Documenten API (same ZGW JWT); only URLs under its base are ever fetched. */
  private readonly documenten: ApiClient;
  private actors: { names: Map<string, string>; at: number } | null = null;
  private directory: { byUuid: Map<string, DirectoryActor>; at: number } | null = null;
  /** Whether the server has POST /maak-klantcontact (Open Klant 2); null until tried. */
  private hasMaakKlantcontact: boolean | null = null;

  constructor(
    private readonly conn: ZgwConnection,
    private readonly user: Medewerker,
    private readonly cache: RemoteCache,
  ) {
    this.label = conn.label;
    const jwt = { kind: 'zgw-jwt', clientId: conn.zgwClientId, secret: conn.zgwSecret, userId: user.id, userRepresentation: user.naam } as const;
    this.zaken = new ApiClient(conn.zakenUrl, jwt, conn.timeoutMs, true);
    this.catalogi = new ApiClient(conn.catalogiUrl, jwt, conn.timeoutMs);
    this.zaakSources = [
      { label: conn.label, zaken: this.zaken, catalogi: this.catalogi },
      ...(conn.extraZaaksystemen ?? []).map((extra) => {
        const auth = { ...jwt, clientId: extra.zgwClientId, secret: extra.zgwSecret };
        return { label: extra.label, zaken: new ApiClient(extra.zakenUrl, auth, conn.timeoutMs, true), catalogi: new ApiClient(extra.catalogiUrl, auth, conn.timeoutMs) };
      }),
    ];
    this.klantinteracties = new ApiClient(conn.klantinteractiesUrl, { kind: 'token', token: conn.klantinteractiesToken }, conn.timeoutMs);
    this.documenten = new ApiClient(documentenBaseUrl(conn), jwt, conn.timeoutMs);
  }

  async listCustomers(onPage: (records: CustomerRecord[], total: number | null) => void | Promise<void>): Promise<void> {
    const first = this.klantinteracties.url(`/partijen?expand=digitaleAdressen&pageSize=${this.conn.pageSize}`);
    let total: number | null = null;
    for await (const page of pages(this.klantinteracties, first, {}, Number.POSITIVE_INFINITY, (count) => (total = count))) {
      // Parsed in small pieces, handed on piece by piece: a big page never holds up a search.
      for (let i = 0; i < page.length; i += PARSE_CHUNK) {
        const records = page.slice(i, i + PARSE_CHUNK).map((p) => toCustomerRecord(parseRemote(Partij, p, 'partij')));
        await onPage(records.filter((r): r is CustomerRecord => r !== null), total);
      }
    }
  }

  async fetchDossier(customer: CustomerRef) {
    // In parallel; when one list fails the other is cancelled, so nothing keeps running unseen.
    const cancel = new AbortController();
    // The actor list (medewerker names) loads alongside when stale, not after the contacts.
    const actors = this.actorNames([]).catch(() => new Map<string, string>());
    const [contacts, zaken] = await Promise.all([this.fetchContacts(customer, cancel.signal), this.fetchZaken(customer, cancel.signal)]).catch(
      (error: unknown) => {
        cancel.abort();
        throw error;
      },
    );
    const byUuid = new Map(zaken.records.map((z) => [uuidFromUrl(z.sourceUrl), z.identificatie]));
    await actors;
    const names = await this.actorNames(contacts.items.flatMap((kc) => (kc.hadBetrokkenActoren ?? []).map((a) => a.uuid)));
    return {
      contacts: contacts.items.map((kc) => toContactRecord(kc, (uuid) => names.get(uuid) ?? null, (uuid) => byUuid.get(uuid) ?? null)),
      zaken: zaken.records,
      complete: contacts.complete && zaken.complete,
      warnings: zaken.warnings,
    };
  }

  async pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }> {
    const ki = this.klantinteracties;
    const klantcontactBody = {
      kanaal: contact.kanaal,
      onderwerp: contact.onderwerp,
      inhoud: contact.inhoud,
      indicatieContactGelukt: contact.gespreksresultaat !== 'verbinding_verbroken',
      taal: 'nld',
      vertrouwelijk: false,
      plaatsgevondenOp: contact.plaatsgevondenOp,
      // The key lets a retry find this object instead of creating a twin.
      metadata: { klantbeeldKey: contact.idempotencyKey, ...contactMetadata(contact) },
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
      this.findOne(`/klantcontacten?plaatsgevondenOp=${encodeURIComponent(contact.plaatsgevondenOp)}&kanaal=${encodeURIComponent(contact.kanaal)}`, (kc) =>
        (kc.metadata as Record<string, string> | undefined)?.klantbeeldKey === contact.idempotencyKey,
      );
    const findBetrokkene = (klantcontactUuid: string) =>
      this.findOne(`/betrokkenen?hadKlantcontact__uuid=${klantcontactUuid}`, (b) => ((b.wasPartij as { uuid?: string } | null)?.uuid ?? null) === partijUuid);

    await this.maakKlantcontact(log, klantcontactBody, betrokkeneBody, findKlantcontact, findBetrokkene);
    const klantcontact = await this.step(
      log,
      'klantcontact',
      () => ki.request(ki.url('/klantcontacten'), { method: 'POST', body: klantcontactBody }),
      findKlantcontact,
    );
    const betrokkene = await this.step(
      log,
      'betrokkene',
      () => ki.request(ki.url('/betrokkenen'), { method: 'POST', body: { ...betrokkeneBody, hadKlantcontact: { uuid: klantcontact.uuid } } }),
      () => findBetrokkene(klantcontact.uuid),
    );
    const actor = await this.step(log, 'actor', () => this.findOrCreateMedewerker(contact.medewerker));
    await this.step(log, 'actorklantcontact', () =>
      ki.request(ki.url('/actorklantcontacten'), {
        method: 'POST',
        body: { actor: { uuid: actor.uuid }, klantcontact: { uuid: klantcontact.uuid } },
      }),
      () => this.findOne(`/actorklantcontacten?klantcontact__uuid=${klantcontact.uuid}&actor__uuid=${actor.uuid}`, () => true),
    );
    if (contact.beller?.nummer) {
      const nummer = contact.beller.nummer;
      await this.step(
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
        () => this.findOne(`/digitaleadressen?verstrektDoorBetrokkene__uuid=${betrokkene.uuid}`, () => true),
      );
    }
    for (const zaakUuid of contact.zaakUuids ?? []) {
      await this.step(
        log,
        `onderwerpobject:${zaakUuid}`,
        () =>
          ki.request(ki.url('/onderwerpobjecten'), {
            method: 'POST',
            body: {
              klantcontact: { uuid: klantcontact.uuid },
              wasKlantcontact: null,
              onderwerpobjectidentificator: { objectId: zaakUuid, codeObjecttype: 'zgw-Zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' },
            },
          }),
        () =>
          this.findOne(`/onderwerpobjecten?klantcontact__uuid=${klantcontact.uuid}&onderwerpobjectidentificatorObjectId=${zaakUuid}`, () => true),
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

  async pushZaak(zaak: OutgoingZaak, log: StepLog): Promise<{ sourceUrl: string; identificatie: string; status: string | null }> {
    const zc = this.zaken;
    const created = await this.step(log, 'zaak', async () => {
      const response = await zc.request(zc.url('/zaken'), {
        method: 'POST',
        body: {
          bronorganisatie: this.conn.bronorganisatie,
          verantwoordelijkeOrganisatie: this.conn.bronorganisatie,
          zaaktype: zaak.zaaktypeUrl,
          omschrijving: zaak.omschrijving,
          startdatum: zaak.startdatum,
          ...(zaak.kanaal ? { communicatiekanaalNaam: zaak.kanaal } : {}),
        },
        headers: { 'X-Audit-Toelichting': 'Gestart vanuit Klantbeeld' },
      });
      const body = parseRemote(CreatedZaak, response.body, 'zaak');
      log.record('zaak:identificatie', body.identificatie);
      return response;
    });
    await this.step(log, 'rol', async () => {
      const roltype = await this.initiatorRoltype(zaak.zaaktypeUrl);
      const { bsn, kvkNummer } = zaak.customer;
      const rol = bsn
        ? { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: bsn } }
        : kvkNummer
          ? { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { kvkNummer } }
          : null;
      if (!rol) throw new RemoteError('Deze klant heeft geen BSN of KvK-nummer: de initiator kan niet worden vastgelegd.', 'permanent');
      return zc.request(zc.url('/rollen'), {
        method: 'POST',
        body: { zaak: created.url, roltype: roltype.url, roltoelichting: 'Initiator (aanvrager)', ...rol },
      });
    });
    const statustype = await this.firstStatustype(zaak.zaaktypeUrl);
    await this.step(log, 'status', () =>
      zc.request(zc.url('/statussen'), {
        method: 'POST',
        body: { zaak: created.url, statustype: statustype.url, datumStatusGezet: new Date().toISOString(), statustoelichting: 'Zaak gestart' },
      }),
    );
    let identificatie = typeof log.done['zaak:identificatie'] === 'string' ? log.done['zaak:identificatie'] : null;
    // Lost with a crash between the create and its log line: read it back.
    identificatie ??= parseRemote(CreatedZaak, (await zc.request(created.url)).body, 'zaak').identificatie;
    return { sourceUrl: created.url, identificatie, status: statustype.omschrijving };
  }

  async listZaaktypen(): Promise<ZaaktypeSummary[]> {
    const first = this.catalogi.url(`/zaaktypen?status=definitief&pageSize=${this.conn.pageSize}`);
    const { items } = await collect(this.catalogi, first, {}, 20);
    return items
      .map((item) => parseRemote(ZaaktypeListItem, item, 'zaaktype'))
      .filter((zt) => !zt.concept)
      .map((zt) => ({ url: zt.url, identificatie: zt.identificatie ?? '', omschrijving: zt.omschrijving }))
      .sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl'));
  }

  /** The zaaktype's roltype with omschrijvingGeneriek `initiator`. */
  private async initiatorRoltype(zaaktypeUrl: string): Promise<{ url: string }> {
    const ct = this.catalogi;
    const query = `/roltypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}&omschrijvingGeneriek=initiator`;
    const { items } = await collect(ct, ct.url(query), {}, 1);
    const found = items.map((r) => parseRemote(Roltype, r, 'roltype')).find((r) => r.omschrijvingGeneriek === 'initiator');
    if (!found) throw new RemoteError('Het zaaktype heeft geen roltype "initiator".', 'permanent');
    return found;
  }

  /** The first statustype of a zaaktype (lowest volgnummer). */
  private async firstStatustype(zaaktypeUrl: string): Promise<{ url: string; omschrijving: string }> {
    const ct = this.catalogi;
    const { items } = await collect(ct, ct.url(`/statustypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}`), {}, 5);
    const sorted = items.map((st) => parseRemote(StatustypeListItem, st, 'statustype')).sort((a, b) => a.volgnummer - b.volgnummer);
    const first = sorted[0];
    if (!first) throw new RemoteError('Het zaaktype heeft geen statustypen.', 'permanent');
    return first;
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
    const ki = this.klantinteracties;
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

  /**
   * Runs a remote step once. A result already in the log is reused; a new one is logged at
   * once. Before sending, the attempt itself is logged: if a retry finds an attempt without a
   * result (the response was lost: timeout, dropped connection), it first looks the object up
   * with `lookup` instead of creating a twin.
   */
  private async step(
    log: StepLog,
    name: string,
    run: () => Promise<{ body: unknown } | { uuid: string; url: string }>,
    lookup?: () => Promise<{ uuid: string; url: string } | null>,
  ): Promise<{ uuid: string; url: string }> {
    const done = Created.safeParse(log.done[name]);
    if (done.success) return done.data;
    const attempted = `${name}:poging`;
    if (log.done[attempted] && lookup) {
      const found = await lookup();
      if (found) {
        log.record(name, found);
        return found;
      }
    }
    if (lookup) log.record(attempted, true);
    const result = await run();
    const created = parseRemote(Created, 'body' in result ? result.body : result, name);
    const kept = { uuid: created.uuid, url: created.url };
    log.record(name, kept);
    return kept;
  }

  /** The first object of a filtered Klantinteracties list that `match` accepts. */
  private async findOne(path: string, match: (item: Record<string, unknown>) => boolean): Promise<{ uuid: string; url: string } | null> {
    const ki = this.klantinteracties;
    const { items } = await collect(ki, ki.url(path), {}, 5);
    const hit = items.find((item) => typeof item === 'object' && item !== null && match(item as Record<string, unknown>));
    return hit ? parseRemote(Created, hit, 'zoekresultaat') : null;
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
        actorIdentificatie: {
          emailadres: medewerker.email,
          // Required by Open Klant; the configured user's, when the payload does not say.
          functie: (medewerker.functie ?? this.user.functie ?? 'Medewerker').slice(0, 40),
          telefoonnummer: medewerker.telefoonnummer ?? this.user.telefoonnummer ?? '',
        },
      },
    });
    return parseRemote(Created, created.body, 'actor');
  }

  private async fetchContacts(customer: CustomerRef, signal: AbortSignal) {
    const ki = this.klantinteracties;
    const first = ki.url(
      `/klantcontacten?hadBetrokkene__wasPartij__uuid=${uuidFromUrl(customer.sourceUrl)}&expand=gingOverOnderwerpobjecten&pageSize=${this.conn.pageSize}`,
    );
    const { items, complete } = await collect(ki, first, { signal }, DOSSIER_MAX_PAGES);
    return { items: items.map((kc) => parseRemote(Klantcontact, kc, 'klantcontact')), complete };
  }

  /**
   * Zaken from every configured zaaksysteem in parallel. One that fails is reported and the
   * others still show; only when all fail does the refresh fail.
   */
  private async fetchZaken(customer: CustomerRef, signal: AbortSignal) {
    const filter = customer.bsn
      ? `rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${customer.bsn}`
      : customer.kvkNummer
        ? `rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=${customer.kvkNummer}`
        : null;
    if (!filter) return { records: [], complete: true, warnings: [] };
    const results = await Promise.allSettled(this.zaakSources.map((source) => this.fetchZakenFrom(source, filter, signal)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ label: this.zaakSources[i]?.label ?? '', reason: r.reason as unknown }] : []));
    if (failed.length === results.length) throw failed[0]?.reason;
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    return {
      records: ok.flatMap((r) => r.records),
      complete: failed.length === 0 && ok.every((r) => r.complete),
      warnings: failed.map((f) => `${f.label}: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`),
    };
  }

  private async fetchZakenFrom(source: { zaken: ApiClient; catalogi: ApiClient }, filter: string, signal: AbortSignal) {
    const first = source.zaken.url(`/zaken?${filter}&pageSize=${this.conn.pageSize}`);
    const { items, complete } = await collect(source.zaken, first, { signal }, DOSSIER_MAX_PAGES);
    const zaken = items.map((z) => parseRemote(Zaak, z, 'zaak'));
    const records = await mapLimit(zaken, PARALLEL_REQUESTS, async (zaak) => {
      const [zaaktype, status] = await Promise.all([
        this.cachedObject(source.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
        zaak.status ? this.statusNaam(zaak.status, source) : Promise.resolve(null),
      ]);
      return toZaakRecord(zaak, zaaktype.omschrijving, status);
    });
    return { records, complete };
  }


  private async statusNaam(statusUrl: string, source: { zaken: ApiClient; catalogi: ApiClient } = { zaken: this.zaken, catalogi: this.catalogi }): Promise<string> {
    // A status record never changes (a new status gets a new URL), so it may be cached too.
    const status = await this.cachedObject(source.zaken, statusUrl, 'status', Status);
    return (await this.cachedObject(source.catalogi, status.statustype, 'statustype', StatusType)).omschrijving;
  }

  /**
   * Objects by URL from the local cache. A status record never changes (a new status is a new
   * URL); catalogus types do, rarely: after a day they are revalidated with If-None-Match, so
   * an unchanged type costs a 304 and no body. Offline, the cached copy is used as it is.
   */
  private async cachedObject<T>(client: ApiClient, url: string, kind: string, schema: import('zod').ZodType<T>): Promise<T> {
    const cached = this.cache.get(url);
    const fresh = cached && (IMMUTABLE_KINDS.has(kind) || Date.now() - Date.parse(cached.fetchedAt) < CATALOGUS_REVALIDATE_MS);
    if (cached && fresh) return parseRemote(schema, cached.body, kind);
    try {
      const response = await client.request(url, cached?.etag ? { headers: { 'If-None-Match': cached.etag } } : {});
      const now = new Date().toISOString();
      if (response.status === 304 && cached) {
        this.cache.put(url, kind, cached.body, cached.etag, now);
        return parseRemote(schema, cached.body, kind);
      }
      const value = parseRemote(schema, response.body, kind);
      this.cache.put(url, kind, response.body, response.etag, now);
      return value;
    } catch (error) {
      if (cached) return parseRemote(schema, cached.body, kind);
      throw error;
    }
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

  // ---- Identify and the zaak detail (issue 3) ----

  async searchCustomers(query: RemoteCustomerQuery): Promise<CustomerRecord[]> {
    const ki = this.klantinteracties;
    if (query.kind === 'bsn' || query.kind === 'kvk' || query.kind === 'vestigingsnummer') {
      const soort = query.kind === 'kvk' ? 'kvk_nummer' : query.kind;
      const params = new URLSearchParams({
        partijIdentificator__codeSoortObjectId: soort,
        partijIdentificator__objectId: query.value,
        expand: 'digitaleAdressen',
        pageSize: '20',
      });
      const { items } = await collect(ki, ki.url(`/partijen?${params}`), {}, 1);
      return items.map((p) => toCustomerRecord(parseRemote(Partij, p, 'partij'))).filter((r): r is CustomerRecord => r !== null);
    }
    // Digitale adressen: e-mail as typed; a phone number by its last 8 digits, then compared
    // normalised, because sources write numbers in every format (06-12345678, +31 6 1234 5678).
    const params =
      query.kind === 'email'
        ? new URLSearchParams({ adres__icontains: query.value, soortDigitaalAdres: 'email', pageSize: '50' })
        : new URLSearchParams({ adres__icontains: query.value.slice(-8), soortDigitaalAdres: 'telefoonnummer', pageSize: '50' });
    const { items } = await collect(ki, ki.url(`/digitaleadressen?${params}`), {}, 1);
    const partijen = new Set<string>();
    for (const item of items) {
      const adres = parseRemote(DigitaalAdresRef, item, 'digitaal adres');
      const matches = query.kind === 'email' ? adres.adres.trim().toLowerCase() === query.value : normalisePhone(adres.adres) === query.value;
      if (matches && adres.verstrektDoorPartij?.uuid) partijen.add(adres.verstrektDoorPartij.uuid);
    }
    const records = await mapLimit([...partijen].slice(0, 20), PARALLEL_REQUESTS, async (uuid) => {
      const response = await ki.request(ki.url(`/partijen/${uuid}?expand=digitaleAdressen`));
      return toCustomerRecord(parseRemote(Partij, response.body, 'partij'));
    });
    return records.filter((r): r is CustomerRecord => r !== null);
  }

  async fetchZaakDetail(zaakUrl: string): Promise<ZaakDetailRecord> {
    const zc = this.zaken;
    const zaak = parseRemote(Zaak, (await zc.request(zaakUrl)).body, 'zaak');
    const query = `zaak=${encodeURIComponent(zaakUrl)}`;
    const [statussen, rollen, zios, zaaktype] = await Promise.all([
      collect(zc, zc.url(`/statussen?${query}`), {}, 5),
      collect(zc, zc.url(`/rollen?${query}`), {}, 5),
      // Not paginated: a plain array (Zaken API spec).
      zc.request(zc.url(`/zaakinformatieobjecten?${query}`)),
      this.cachedObject(this.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
    ]);
    const statusRecords = await mapLimit(
      statussen.items.map((s) => parseRemote(StatusDetail, s, 'status')),
      PARALLEL_REQUESTS,
      async (s) => ({
        naam: (await this.cachedObject(this.catalogi, s.statustype, 'statustype', StatusType)).omschrijving,
        datum: new Date(s.datumStatusGezet).toISOString(),
        toelichting: s.statustoelichting ?? '',
      }),
    );
    statusRecords.sort((a, b) => b.datum.localeCompare(a.datum));
    const links = (Array.isArray(zios.body) ? zios.body : []).map((z) => parseRemote(ZaakInformatieObject, z, 'zaakinformatieobject'));
    const documentenBase = this.documenten.url('/');
    const documenten = await mapLimit(
      links.filter((l) => l.informatieobject.startsWith(documentenBase)),
      PARALLEL_REQUESTS,
      async (link) => {
        const doc = parseRemote(EnkelvoudigInformatieObject, (await this.documenten.request(link.informatieobject)).body, 'document');
        return {
          url: doc.url,
          uuid: uuidFromUrl(doc.url),
          titel: doc.titel || link.titel || '(zonder titel)',
          datum: doc.creatiedatum ?? null,
          vertrouwelijkheid: doc.vertrouwelijkheidaanduiding ?? null,
          formaat: doc.formaat || null,
          bestandsnaam: doc.bestandsnaam || null,
          bestandsomvang: doc.bestandsomvang ?? null,
        };
      },
    );
    documenten.sort((a, b) => (b.datum ?? '').localeCompare(a.datum ?? ''));
    return {
      identificatie: zaak.identificatie,
      omschrijving: zaak.omschrijving ?? '',
      toelichting: typeof zaak.toelichting === 'string' ? zaak.toelichting : '',
      zaaktype: zaaktype.omschrijving,
      vertrouwelijkheid: typeof zaak.vertrouwelijkheidaanduiding === 'string' ? zaak.vertrouwelijkheidaanduiding : null,
      statussen: statusRecords,
      rollen: rollen.items
        .map((r) => parseRemote(Rol, r, 'rol'))
        .map((r) => ({ rol: r.omschrijving || r.omschrijvingGeneriek || r.betrokkeneType, betrokkeneType: r.betrokkeneType, naam: rolNaam(r) })),
      documenten,
    };
  }

  async fetchDocumentContent(documentUrl: string): Promise<{ bytes: Buffer; contentType: string | null }> {
    if (!documentUrl.startsWith(this.documenten.url('/'))) {
      throw new RemoteError('Dit document staat niet in de geconfigureerde Documenten API.', 'permanent');
    }
    return this.documenten.requestBytes(`${documentUrl.replace(/\/$/, '')}/download`, DOCUMENT_MAX_BYTES);
  }

  /**
   * A terugbelverzoek the way Open Klant 2 stores it (the KISS pattern): the klantcontact with its
   * betrokkene and actor (as any contact), the numbers to call back as digitale adressen of the
   * betrokkene, the assigned actors, and the interne taak. Every step resumable and looked up
   * after a lost response.
   */
  async pushCallback(callback: OutgoingCallback, log: StepLog): Promise<{ sourceUrl: string; klantcontactUrl: string }> {
    const ki = this.klantinteracties;
    const { sourceUrl: klantcontactUrl } = await this.pushContact(callback.contact, log);
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
      await this.step(
        log,
        `terugbeladres:${i}`,
        () => ki.request(ki.url('/digitaleadressen'), { method: 'POST', body: { verstrektDoorBetrokkene: { uuid: betrokkene.uuid }, verstrektDoorPartij: null, ...adres } }),
        () => this.findOne(`/digitaleadressen?verstrektDoorBetrokkene__uuid=${betrokkene.uuid}&adres=${encodeURIComponent(adres.adres)}`, () => true),
      );
    }
    const actoren: { uuid: string }[] = [];
    for (const [i, target] of callback.toegewezenAan.entries()) {
      const actor = await this.step(log, `toegewezen:${i}`, async () => {
        const found = await this.findActor(target);
        if (!found) throw new RemoteError(`Onbekende ${target.soort} "${target.code}" in het zaaksysteem.`, 'permanent');
        return { uuid: found.uuid, url: found.url ?? '' };
      });
      actoren.push({ uuid: actor.uuid });
    }
    const taak = await this.step(
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
      () => this.findOne(`/internetaken?aanleidinggevendKlantcontact__uuid=${klantcontactUuid}`, () => true),
    );
    return { sourceUrl: taak.url, klantcontactUrl };
  }

  async listWorkQueue(targets: ActorTarget[]): Promise<CallbackRecord[]> {
    const ki = this.klantinteracties;
    const directory = await this.actorDirectory();
    const actors = targets.map((t) => [...directory.values()].find((a) => matchesTarget(a, t))).filter((a): a is DirectoryActor => !!a);
    const lists = await Promise.all(
      actors.map((a) => collect(ki, ki.url(`/internetaken?status=te_verwerken&toegewezenAanActor__uuid=${a.uuid}&pageSize=${this.conn.pageSize}`))),
    );
    const taken = new Map<string, InterneTaak>();
    for (const item of lists.flatMap((l) => l.items)) {
      const taak = parseRemote(InterneTaak, item, 'interne taak');
      taken.set(taak.url, taak);
    }
    return mapLimit([...taken.values()], PARALLEL_REQUESTS, async (taak) => {
      // The klantcontact behind a taak does not change: cached by URL after the first read.
      const kcUrl = taak.aanleidinggevendKlantcontact.url ?? ki.url(`/klantcontacten/${taak.aanleidinggevendKlantcontact.uuid}`);
      const kc = await this.cachedObject(ki, `${kcUrl}?expand=hadBetrokkenen`, 'klantcontact-betrokkenen', KlantcontactMetBetrokkenen).catch(() => null);
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
    const ki = this.klantinteracties;
    const { items } = await collect(ki, ki.url(`/actoren?${query}`), {}, 1);
    return items.map((a) => parseRemote(DirectoryActor, a, 'actor')).find((a) => matchesTarget(a, target)) ?? null;
  }

  /** Every actor with its identificator, refreshed hourly: names and codes for the work queues. */
  private async actorDirectory(): Promise<Map<string, DirectoryActor>> {
    if (!this.directory || Date.now() - this.directory.at > ACTOR_REFRESH_MS) {
      const ki = this.klantinteracties;
      const { items } = await collect(ki, ki.url(`/actoren?pageSize=${this.conn.pageSize}`));
      const byUuid = new Map(items.map((a) => parseRemote(DirectoryActor, a, 'actor')).map((a) => [a.uuid, a]));
      this.directory = { byUuid, at: Date.now() };
    }
    return this.directory.byUuid;
  }
}
