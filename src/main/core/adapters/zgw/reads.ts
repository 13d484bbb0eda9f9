import { z } from 'zod';
import type { CustomerRecord } from '../../store/records';
import type { CustomerRef } from '../types';
import { Actor, Klantcontact, Partij, Zaak, ZaakType, parseRemote } from './remote';
import { ApiClient, collect, pages } from './http';
import { ZgwApi, PARALLEL_REQUESTS, ACTOR_REFRESH_MS } from './api';
import { mapLimit } from '../../util/concurrency';
import { accessDenied } from './permissions';
import { toContactRecord, toCustomerRecord, toZaakRecord, uuidFromUrl } from './mapping';

const MetBetrokkenen = z
  .object({ _expand: z.object({ hadBetrokkenen: z.array(z.object({ wasPartij: z.object({ uuid: z.string() }).loose().nullable().optional() }).loose()).optional() }).loose().optional() })
  .loose();

/** The partijen a listed klantcontact's betrokkenen point at (from `expand=hadBetrokkenen`). */
export function betrokkenPartijen(item: unknown): string[] {
  const parsed = MetBetrokkenen.safeParse(item);
  if (!parsed.success) return [];
  return (parsed.data._expand?.hadBetrokkenen ?? []).flatMap((b) => (b.wasPartij?.uuid ? [b.wasPartij.uuid.toLowerCase()] : []));
}

/** A dossier reads at most this many pages per list; older items stay cached. */
const DOSSIER_MAX_PAGES = 10;
/** Partijen parsed per turn of the event loop during a prefetch. */
const PARSE_CHUNK = 50;

/** Reading from the zaaksysteem: every partij (prefetch) and one customer's dossier. */
export class DossierReads {
  private actors: { names: Map<string, string>; at: number } | null = null;

  constructor(private readonly api: ZgwApi) {}

  async listCustomers(onPage: (records: CustomerRecord[], total: number | null) => void | Promise<void>): Promise<void> {
    const first = this.api.klantinteracties.url(`/partijen?expand=digitaleAdressen&pageSize=${this.api.conn.pageSize}`);
    let total: number | null = null;
    for await (const page of pages(this.api.klantinteracties, first, {}, Number.POSITIVE_INFINITY, (count) => (total = count))) {
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

  private async fetchContacts(customer: CustomerRef, signal: AbortSignal) {
    const ki = this.api.klantinteracties;
    const partijUuid = uuidFromUrl(customer.sourceUrl);
    const first = ki.url(
      `/klantcontacten?hadBetrokkene__wasPartij__uuid=${partijUuid}&expand=gingOverOnderwerpobjecten,hadBetrokkenen&pageSize=${this.api.conn.pageSize}`,
    );
    const { items, complete } = await collect(ki, first, { signal }, DOSSIER_MAX_PAGES);
    // Checked here too: an Open Klant before 2.4 ignores the filter and lists everyone's contacts.
    const own = items.filter((kc) => betrokkenPartijen(kc).includes(partijUuid));
    return { items: own.map((kc) => parseRemote(Klantcontact, kc, 'klantcontact')), complete };
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
    const results = await Promise.allSettled(this.api.zaakSources.map((source) => this.fetchZakenFrom(source, filter, signal)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ label: this.api.zaakSources[i]?.label ?? '', reason: r.reason as unknown }] : []));
    if (failed.length === results.length) throw failed[0]?.reason;
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    return {
      records: ok.flatMap((r) => r.records),
      complete: failed.length === 0 && ok.every((r) => r.complete),
      warnings: failed.map((f) => `${f.label}: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`),
    };
  }

  private async fetchZakenFrom(source: { zaken: ApiClient; catalogi: ApiClient }, filter: string, signal: AbortSignal) {
    const first = source.zaken.url(`/zaken?${filter}&pageSize=${this.api.conn.pageSize}`);
    const { items, complete } = await accessDenied.rethrow(collect(source.zaken, first, { signal }, DOSSIER_MAX_PAGES), 'zaken');
    const zaken = items.map((z) => parseRemote(Zaak, z, 'zaak'));
    const records = await mapLimit(zaken, PARALLEL_REQUESTS, async (zaak) => {
      const [zaaktype, status] = await Promise.all([
        this.api.cachedObject(source.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
        zaak.status ? this.api.statusNaam(zaak.status, source) : Promise.resolve(null),
      ]);
      return toZaakRecord(zaak, zaaktype.omschrijving, status);
    });
    return { records, complete };
  }

  /** Actor names (medewerkers) by uuid; the list is small and refreshed hourly or when one is unknown. */
  async actorNames(needed: string[]): Promise<Map<string, string>> {
    const stale = !this.actors || Date.now() - this.actors.at > ACTOR_REFRESH_MS;
    // An unknown uuid (a new colleague) refreshes the list, at most once a minute.
    const missing = needed.some((uuid) => !this.actors?.names.has(uuid)) && Date.now() - (this.actors?.at ?? 0) > 60_000;
    if (stale || missing) {
      const ki = this.api.klantinteracties;
      const { items } = await collect(ki, ki.url(`/actoren?pageSize=${this.api.conn.pageSize}`));
      const names = new Map(items.map((a) => parseRemote(Actor, a, 'actor')).map((a) => [a.uuid, a.naam]));
      this.actors = { names, at: Date.now() };
    }
    return this.actors?.names ?? new Map();
  }
}
