import type { Medewerker, StepLog } from '../types';
import type { RemoteCache } from '../../store/remote-cache';
import type { ZgwConnection } from '../../config/schema';
import { ApiClient, collect, type ApiAuth } from './http';
import { Created, Status, StatusType, parseRemote } from './remote';

/** Requests in flight per dossier; Open Zaak and Open Klant are shared municipal servers. */
export const PARALLEL_REQUESTS = 6;
export const ACTOR_REFRESH_MS = 60 * 60 * 1000;
/** Catalogus types are revalidated (ETag) once a day; statuses never change. */
const CATALOGUS_REVALIDATE_MS = 24 * 60 * 60 * 1000;
const IMMUTABLE_KINDS = new Set(['status', 'klantcontact-betrokkenen']);

/** The Documenten API: configured, or beside the Zaken API as Open Zaak serves them. */
export function documentenBaseUrl(conn: { zakenUrl: string; documentenUrl?: string | undefined }): string {
  return conn.documentenUrl ?? conn.zakenUrl.replace(/\/zaken\/api\/v1\/?$/, '/documenten/api/v1');
}

/** One zaaksysteem (Open Zaak): its Zaken, Catalogi and Documenten API, each with that system's own JWT. */
export interface ZaakSource {
  label: string;
  zaken: ApiClient;
  catalogi: ApiClient;
  documenten: ApiClient;
}

/**
 * The connection to Open Zaak and Open Klant 2 that every part of the ZGW adapter shares: one
 * client per API with its own authentication, and the helpers for resumable steps, look-ups
 * and the cache of catalogus types and statuses.
 */
export class ZgwApi {
  readonly label: string;
  readonly zaken: ApiClient;
  readonly catalogi: ApiClient;
  /** The main Zaken API first, then any extra zaaksystemen; read in parallel. */
  readonly zaakSources: ZaakSource[];
  readonly klantinteracties: ApiClient;
  /** The Documenten API (same ZGW JWT); only URLs under its base are ever fetched. */
  readonly documenten: ApiClient;

  constructor(
    readonly conn: ZgwConnection,
    readonly user: Medewerker,
    readonly cache: RemoteCache,
  ) {
    this.label = conn.label;
    // user_id is read at each token: the medewerker may be the signed-in user of the moment (auth/index.ts).
    const jwtFor = (clientId: string, secret: string): ApiAuth => ({
      kind: 'zgw-jwt',
      clientId,
      secret,
      get userId() {
        return user.id;
      },
      get userRepresentation() {
        return user.naam;
      },
    });
    const jwt = jwtFor(conn.zgwClientId, conn.zgwSecret);
    this.zaken = new ApiClient(conn.zakenUrl, jwt, conn.timeoutMs, true);
    this.catalogi = new ApiClient(conn.catalogiUrl, jwt, conn.timeoutMs);
    this.documenten = new ApiClient(documentenBaseUrl(conn), jwt, conn.timeoutMs);
    this.zaakSources = [
      { label: conn.label, zaken: this.zaken, catalogi: this.catalogi, documenten: this.documenten },
      ...(conn.extraZaaksystemen ?? []).map((extra) => {
        const auth = jwtFor(extra.zgwClientId, extra.zgwSecret);
        return {
          label: extra.label,
          zaken: new ApiClient(extra.zakenUrl, auth, conn.timeoutMs, true),
          catalogi: new ApiClient(extra.catalogiUrl, auth, conn.timeoutMs),
          documenten: new ApiClient(documentenBaseUrl(extra), auth, conn.timeoutMs),
        };
      }),
    ];
    this.klantinteracties = new ApiClient(conn.klantinteractiesUrl, { kind: 'token', token: conn.klantinteractiesToken }, conn.timeoutMs);
  }

  /**
   * The zaaksysteem a zaak URL belongs to, by its Zaken API base: a zaak of an extra
   * zaaksysteem is read with that system's credentials, never with the main one's.
   */
  sourceOfZaak(zaakUrl: string): ZaakSource | null {
    return this.zaakSources.find((s) => zaakUrl.startsWith(s.zaken.url('/'))) ?? null;
  }

  /** The zaaksysteem whose Documenten API serves this document URL. */
  sourceOfDocument(documentUrl: string): ZaakSource | null {
    return this.zaakSources.find((s) => documentUrl.startsWith(s.documenten.url('/'))) ?? null;
  }

  /**
   * Runs a remote step once. A result already in the log is reused; a new one is logged at
   * once. Before sending, the attempt itself is logged: if a retry finds an attempt without a
   * result (the response was lost: timeout, dropped connection), it first looks the object up
   * with `lookup` instead of creating a twin.
   */
  async step(
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
  async findOne(path: string, match: (item: Record<string, unknown>) => boolean): Promise<{ uuid: string; url: string } | null> {
    const ki = this.klantinteracties;
    const { items } = await collect(ki, ki.url(path), {}, 5);
    const hit = items.find((item) => typeof item === 'object' && item !== null && match(item as Record<string, unknown>));
    return hit ? parseRemote(Created, hit, 'zoekresultaat') : null;
  }

  /**
   * Objects by URL from the local cache. A status record never changes (a new status is a new
   * URL); catalogus types do, rarely: after a day they are revalidated with If-None-Match, so
   * an unchanged type costs a 304 and no body. Offline, the cached copy is used as it is.
   */
  async cachedObject<T>(client: ApiClient, url: string, kind: string, schema: import('zod').ZodType<T>): Promise<T> {
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

  async statusNaam(statusUrl: string, source: { zaken: ApiClient; catalogi: ApiClient } = { zaken: this.zaken, catalogi: this.catalogi }): Promise<string> {
    // A status record never changes (a new status gets a new URL), so it may be cached too.
    const status = await this.cachedObject(source.zaken, statusUrl, 'status', Status);
    return (await this.cachedObject(source.catalogi, status.statustype, 'statustype', StatusType)).omschrijving;
  }
}
