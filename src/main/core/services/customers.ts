import { randomUUID } from 'node:crypto';
import type { Bron, CustomerPicture, CustomerSummary, EventPayload, SearchHit, SearchKindName } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { BSN_INVALID_MESSAGE, GEBOORTEDATUM_INVALID_MESSAGE, classifySearch, normalisePhone, type SearchKind } from '../../../shared/identify';
import type { LocalIndexSet } from '../store/local-index-set';
import type { CustomerRecord } from '../store/records';
import { partijenFor, type Melding, type RegisterOnly, type RegisterSearch } from './register-search';
import type { RemoteCustomerQuery, ZaaksysteemAdapter } from '../adapters/types';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import type { Store } from '../store';
import type { SyncEngine } from '../sync/engine';
import { awaitsPartij, type PartijPayload } from '../sync/kinds/partij';

/** The timeline page and the zaken list shown at once when a customer opens. */
const TIMELINE_PAGE = 200;
const ZAKEN_PAGE = 200;
/** Candidates a screen-pop offers at most. */
const SCREENPOP_CANDIDATES = 10;

interface SearchAnswer {
  results: SearchHit[];
  kind: SearchKindName;
  message: string | null;
}

/** The search keys the zaaksysteem can answer; names and postcodes it cannot (Open Klant 2 has no such filters). */
function remoteQuery(kind: SearchKind): RemoteCustomerQuery | null {
  switch (kind.kind) {
    case 'bsn':
      return { kind: 'bsn', value: kind.bsn };
    case 'kvk':
      return { kind: 'kvk', value: kind.kvkNummer };
    case 'vestigingsnummer':
      return { kind: 'vestigingsnummer', value: kind.vestigingsnummer };
    case 'telefoon':
      return { kind: 'telefoon', value: kind.nummer };
    case 'email':
      return { kind: 'email', value: kind.email };
    default:
      return null;
  }
}

/** Register-only hits the core remembers by their opaque key (the BSN never leaves the core); the newest kept. */
const REGISTER_HITS_KEPT = 200;

/** Without registers: Open Klant alone answers. */
const NO_REGISTERS: Pick<RegisterSearch, 'ask' | 'hasBrp'> = { hasBrp: false, ask: async () => ({ personen: [], organisaties: [] }) };

export class CustomerService {
  /** sleutel → BSN of the register-only persons the core itself returned (customers.fromRegister). */
  private readonly registerHits = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly sync: SyncEngine,
    private readonly adapter?: ZaaksysteemAdapter,
    private readonly events?: EventBus,
    private readonly registers: Pick<RegisterSearch, 'ask' | 'hasBrp'> = NO_REGISTERS,
    /** The workstation's working set: re-read at the next sign-in (sync/local-index.ts). */
    private readonly workingSet?: Pick<LocalIndexSet, 'worked'>,
  ) {}

  search(query: string, limit: number): SearchAnswer {
    const kind = classifySearch(query);
    return {
      results: this.store.customers.searchClassified(kind, limit).map((c) => ({ ...c, bron: 'lokaal' as const })),
      kind: kind.kind,
      message: kind.kind === 'bsn-invalid' ? BSN_INVALID_MESSAGE : kind.kind === 'geboortedatum-invalid' ? GEBOORTEDATUM_INVALID_MESSAGE : null,
    };
  }

  /**
   * The same search asked of Open Klant (identificatoren, phone numbers, e-mail) and of the
   * registers (BRP for persons, KvK for organisations): partijen found are cached (the next search
   * finds them locally) and returned marked by source; persons and organisations a register knows
   * without a partij come back as `registers` (register-only hits).
   */
  async searchRemote(query: string, limit: number, roles: readonly Role[] = ['kcc']): Promise<SearchAnswer & { searched: boolean; registers: RegisterOnly[] }> {
    const kind = classifySearch(query);
    const before = new Set(this.store.customers.searchClassified(kind, limit).map((c) => c.id));
    const bron = new Map<string, { bron: Bron; meldingen?: Melding[] }>();
    const remember = (records: CustomerRecord[], as: Bron) => {
      if (records.length === 0) return;
      const at = new Date().toISOString();
      this.store.customers.upsertMany(records, at);
      for (const record of records) for (const c of this.cachedBy(record)) if (!bron.has(c.id)) bron.set(c.id, { bron: as });
    };
    let searched = false;
    const remote = remoteQuery(kind);
    if (remote && this.adapter?.searchCustomers) {
      searched = true;
      try {
        remember(await this.adapter.searchCustomers(remote), 'openklant');
      } catch (error) {
        throw new ServiceError('unavailable', `Het zaaksysteem kon niet worden doorzocht: ${(error as Error).message}`);
      }
    }
    if (kind.kind === 'naam-geboortedatum' && !this.registers.hasBrp) {
      return { results: [], kind: kind.kind, message: 'Zoeken op achternaam en geboortedatum kan alleen met een gekoppelde BRP.', searched: false, registers: [] };
    }
    // A key Open Klant already answered needs no register (its partij holds the identificator).
    const answeredByOpenKlant = bron.size > 0;
    let answer;
    try {
      answer = await this.registers.ask(kind, roles, { brp: answeredByOpenKlant, kvk: answeredByOpenKlant });
    } catch (error) {
      const which = (error as Error).message;
      throw new ServiceError('unavailable', `De registers konden niet worden doorzocht: ${which}`);
    }
    const registers: RegisterOnly[] = [];
    if (answer.personen.length > 0 || answer.organisaties.length > 0) {
      searched = true;
      const keys = [
        ...answer.personen.slice(0, limit).map((p) => ({ kind: 'bsn' as const, value: p.bsn })),
        ...answer.organisaties.slice(0, limit).map((o) => ({ kind: 'kvk' as const, value: o.kvkNummer })),
      ];
      const adapter = this.adapter;
      try {
        const found = await partijenFor(keys, (key) => this.byKey(key).length > 0, adapter?.searchCustomers ? (key) => adapter.searchCustomers!(key) : undefined);
        if (found.length > 0) this.store.customers.upsertMany(found, new Date().toISOString());
      } catch (error) {
        throw new ServiceError('unavailable', `Het zaaksysteem kon niet worden doorzocht: ${(error as Error).message}`);
      }
      for (const p of answer.personen.slice(0, limit)) {
        const customers = this.byKey({ kind: 'bsn', value: p.bsn });
        if (customers.length === 0) {
          registers.push(p.only);
          this.rememberHit(p.only.sleutel, p.bsn);
        }
        for (const c of customers) bron.set(c.id, { bron: 'brp', meldingen: p.meldingen });
      }
      for (const o of answer.organisaties.slice(0, limit)) {
        const customers = this.byKey({ kind: 'kvk', value: o.kvkNummer });
        if (customers.length === 0) registers.push(o.only);
        for (const c of customers) if (!bron.has(c.id)) bron.set(c.id, { bron: 'kvk' });
      }
    }
    const local = this.search(query, limit);
    const seen = new Set(local.results.map((c) => c.id));
    const fromRegisters = [...bron.keys()].filter((id) => !seen.has(id)).flatMap((id) => {
      const customer = this.store.customers.get(id);
      if (!customer) return [];
      const { id: cid, soort, naam, kvkNummer, adres } = customer;
      return [{ id: cid, soort, naam, kvkNummer, adres, bsnMasked: customer.bsn ? `*****${customer.bsn.slice(-4)}` : null }];
    });
    const results = [...local.results, ...fromRegisters].slice(0, limit).map((c) => {
      const tag = bron.get(c.id);
      return tag ? { ...c, bron: before.has(c.id) ? ('lokaal' as const) : tag.bron, ...(tag.meldingen?.length ? { meldingen: tag.meldingen } : {}) } : c;
    });
    const message = kind.kind === 'naam-geboortedatum' && registers.length > 0 && results.length === 0 ? 'De BRP kent deze persoon, maar in het zaaksysteem staat (nog) geen klant met dit BSN.' : local.message;
    return { results, kind: kind.kind, message, searched, registers };
  }

  private rememberHit(sleutel: string, bsn: string): void {
    this.registerHits.set(sleutel, bsn);
    if (this.registerHits.size > REGISTER_HITS_KEPT) this.registerHits.delete(this.registerHits.keys().next().value as string);
  }

  /**
   * A person only the BRP knew becomes a customer (issue 12): the BSN from the core's own
   * register answer, the name re-read from the BRP, and in one transaction the local customer
   * and the outbox entry that creates the partij in Open Klant (before any contact of theirs).
   */
  async fromRegister(sleutel: string, roles: readonly Role[]): Promise<{ customerId: string }> {
    const bsn = this.registerHits.get(sleutel);
    if (!bsn) throw new ServiceError('not_found', 'Deze persoon staat niet (meer) in het zoekresultaat. Zoek opnieuw.');
    // Clicked twice, or created meanwhile: the customer that already exists.
    const existing = this.byKey({ kind: 'bsn', value: bsn })[0];
    if (existing) return { customerId: existing.id };
    let answer;
    try {
      answer = await this.registers.ask({ kind: 'bsn', bsn }, roles);
    } catch (error) {
      throw new ServiceError('unavailable', `De BRP kon niet worden geraadpleegd: ${(error as Error).message}`);
    }
    const persoon = answer.personen.find((p) => p.bsn === bsn);
    if (!persoon?.naam.geslachtsnaam) throw new ServiceError('not_found', 'De BRP kent deze persoon niet (meer).');
    const { geslachtsnaam, voornamen, voorvoegsel } = persoon.naam;
    const geheimhouding = persoon.meldingen.includes('geheimhouding');
    const at = new Date().toISOString();
    const customerId = this.store.transaction(() => {
      const id = this.store.customers.addLocal({ naam: persoon.only.naam, bsn, adres: persoon.only.adres, geheimhouding }, at);
      const payload: PartijPayload = { customerId: id, bsn, voornamen, voorvoegsel, geslachtsnaam, geheimhouding };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'partij', entityId: id, payload }, at);
      return id;
    });
    this.registerHits.delete(sleutel);
    this.sync.kick();
    return { customerId };
  }

  /** The cached customers with a register key. */
  private byKey(key: { kind: 'bsn' | 'kvk'; value: string }): CustomerSummary[] {
    return this.store.customers.searchClassified(key.kind === 'bsn' ? { kind: 'bsn', bsn: key.value } : { kind: 'kvk', kvkNummer: key.value }, 5);
  }

  private cachedBy(record: CustomerRecord): CustomerSummary[] {
    if (record.bsn) return this.byKey({ kind: 'bsn', value: record.bsn });
    if (record.kvkNummer) return this.byKey({ kind: 'kvk', value: record.kvkNummer });
    return [];
  }

  /** Everything cached renders at once; the refresh runs in the background and is announced by event. */
  open(customerId: string, refresh: boolean): CustomerPicture {
    const customer = this.store.customers.get(customerId);
    if (!customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    const at = new Date().toISOString();
    this.store.customers.markUsed(customerId, at);
    this.workingSet?.worked(customerId, at);
    // A customer whose partij is still on its way has nothing in the zaaksysteem to refresh.
    if (refresh && !awaitsPartij(customer)) void this.sync.refreshCustomer(customerId);
    const { sourceUrl: _sourceUrl, bsn: _bsn, refreshedAt, ...detail } = customer;
    return {
      customer: detail,
      contacts: this.store.contacts.list(customerId, TIMELINE_PAGE),
      zaken: this.store.zaken.list(customerId, ZAKEN_PAGE),
      refreshedAt,
      refreshing: this.sync.isRefreshing(customerId),
    };
  }

  /** The full BSN, on request; the dispatcher logs the reveal (the contract's `verwerking`). */
  revealBsn(customerId: string): { bsn: string | null } {
    const customer = this.store.customers.get(customerId);
    if (!customer) throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    return { bsn: customer.bsn ?? null };
  }

  /**
   * An incoming call: the caller by phone number, from the cache; when the cache knows no one,
   * the zaaksysteem is asked (briefly: the clerk is already saying "goedemorgen").
   * The result goes to every window as `screenpop`.
   */
  async screenPop(raw: string): Promise<EventPayload<'screenpop'>> {
    const nummer = normalisePhone(raw);
    let candidates: CustomerSummary[] = [];
    if (nummer) {
      const kind: SearchKind = { kind: 'telefoon', nummer };
      candidates = this.store.customers.searchClassified(kind, SCREENPOP_CANDIDATES);
      if (candidates.length === 0 && this.adapter?.searchCustomers) {
        try {
          const records = await withTimeout(this.adapter.searchCustomers({ kind: 'telefoon', value: nummer }), SCREENPOP_REMOTE_MS);
          if (records && records.length > 0) {
            this.store.customers.upsertMany(records, new Date().toISOString());
            candidates = this.store.customers.searchClassified(kind, SCREENPOP_CANDIDATES);
          }
        } catch {
          // Unreachable zaaksysteem: an unknown caller is still a caller.
        }
      }
    }
    const pop = {
      nummer: nummer ?? raw.trim(),
      customerId: candidates.length === 1 ? (candidates[0]?.id ?? null) : null,
      candidates,
      at: new Date().toISOString(),
    };
    this.events?.emit('screenpop', pop);
    return pop;
  }
}

/** How long a screen-pop waits for the zaaksysteem before it reports an unknown caller. */
const SCREENPOP_REMOTE_MS = 1500;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function customerHandlers(
  service: CustomerService,
): Pick<Handlers, 'customers.search' | 'customers.searchRemote' | 'customers.fromRegister' | 'customers.open' | 'customers.revealBsn' | 'customers.screenPop'> {
  return {
    'customers.search': ({ query, limit }) => service.search(query, limit),
    'customers.searchRemote': ({ query, limit }, { user }) => service.searchRemote(query, limit, user.roles),
    'customers.fromRegister': ({ sleutel }, { user }) => service.fromRegister(sleutel, user.roles),
    'customers.open': ({ customerId, refresh }) => service.open(customerId, refresh),
    'customers.revealBsn': ({ customerId }) => service.revealBsn(customerId),
    'customers.screenPop': ({ nummer }) => service.screenPop(nummer),
  };
}
