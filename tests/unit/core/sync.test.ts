import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../../src/main/core/adapters/types';
import { EventBus } from '../../../src/main/core/events';
import { ContactService } from '../../../src/main/core/services/contacts';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { retryDelayMs } from '../../../src/main/core/sync/backoff';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

const user = { id: 'bianca', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: ['kcc' as const] };

let dir: ReturnType<typeof tempDir>;
let store: Store;
let adapter: ScriptedAdapter;
let events: EventBus;
let engine: SyncEngine;
let contacts: ContactService;
let now: Date;
let customerId: string;
const seen: string[] = [];

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new ScriptedAdapter();
  events = new EventBus();
  events.on((name, payload) => seen.push(`${name}:${JSON.stringify(payload)}`));
  now = new Date('2026-11-28T10:00:00Z');
  engine = new SyncEngine(store, adapter, events, {
    prefetchPartijen: false,
    outboxIntervalMs: 60_000,
    partijenRefreshMs: 60_000,
    log: () => {},
    now: () => now,
  });
  contacts = new ContactService(store, { kanalen: ['telefoon', 'balie'], user }, () => {}, () => now);
  customerId = store.customers.upsert(person(), now.toISOString());
  seen.length = 0;
});
afterEach(async () => {
  await engine.stop();
  store.close();
  dir.remove();
});

const register = (onderwerp = 'Vraag over afvalpas') => contacts.register({ customerId, kanaal: 'telefoon', onderwerp, inhoud: 'Notitie' });

describe('registering a contact', () => {
  it('writes the contact and its outbox entry in one transaction, shown at once as pending', () => {
    const item = register();
    expect(item.syncState).toBe('pending');
    expect(store.contacts.list(customerId, 10).map((c) => c.id)).toEqual([item.id]);
    expect(store.outbox.counts()).toEqual({ pending: 1, parked: 0 });
  });

  it('writes nothing when the outbox entry cannot be written', () => {
    store.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => register()).toThrow(/disk full/);
    expect(store.contacts.list(customerId, 10)).toEqual([]);
  });

  it('refuses an unknown kanaal with a per-field message', () => {
    expect(() => contacts.register({ customerId, kanaal: 'telepathie', onderwerp: 'x', inhoud: '' })).toThrow(/Onbekend kanaal/);
  });
});

describe('flushing the outbox', () => {
  it('delivers, marks the contact sent with its source URL, and announces it', async () => {
    const item = register();
    await engine.flushOutbox();
    expect(adapter.pushed).toHaveLength(1);
    expect(adapter.pushed[0]?.contact).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Vraag over afvalpas', medewerker: { email: user.email } });
    expect(store.contacts.get(item.id)?.syncState).toBe('sent');
    expect(store.outbox.counts()).toEqual({ pending: 0, parked: 0 });
    expect(seen.some((e) => e.startsWith('contact.synced') && e.includes('"syncState":"sent"'))).toBe(true);
  });

  it('resumes at the failed step after a transient error, never repeating a finished step', async () => {
    const item = register();
    adapter.failures.push({ step: 'betrokkene', error: new RemoteError('503', 'transient', 503) });
    await engine.flushOutbox();
    expect(store.contacts.get(item.id)?.syncState).toBe('pending');
    const [entry] = store.db.prepare('SELECT steps, attempts, next_attempt_at, last_error FROM outbox').all() as {
      steps: string;
      attempts: number;
      next_attempt_at: string;
      last_error: string;
    }[];
    expect(Object.keys(JSON.parse(entry!.steps))).toEqual(['klantcontact']);
    expect(entry!.attempts).toBe(1);
    expect(entry!.next_attempt_at > now.toISOString()).toBe(true);

    await engine.flushOutbox();
    expect(adapter.pushed).toHaveLength(0); // not due yet
    now = new Date(now.getTime() + 10 * 60_000);
    await engine.flushOutbox();
    expect(adapter.pushed).toHaveLength(1);
    expect(adapter.pushed[0]?.steps).toEqual(['betrokkene', 'actorklantcontact']);
    expect(store.contacts.get(item.id)?.syncState).toBe('sent');
  });

  it('goes offline on a network error and back online after delivery', async () => {
    register();
    adapter.failures.push({ step: 'klantcontact', error: new RemoteError('Het zaaksysteem is niet bereikbaar.', 'transient') });
    await engine.flushOutbox();
    expect(engine.status()).toMatchObject({ state: 'offline', pending: 1, offlineSince: now.toISOString() });
    now = new Date(now.getTime() + 10 * 60_000);
    await engine.flushOutbox();
    expect(engine.status()).toMatchObject({ state: 'idle', pending: 0, offlineSince: null });
  });

  it('parks an entry after a permanent error, visible on the contact, and goes on with the next', async () => {
    const bad = register('Eerste');
    const good = register('Tweede');
    adapter.failures.push({ step: 'klantcontact', error: new RemoteError('onderwerp: te lang', 'permanent', 400) });
    await engine.flushOutbox();
    expect(store.contacts.get(bad.id)).toMatchObject({ syncState: 'failed', syncError: 'onderwerp: te lang' });
    expect(store.contacts.get(good.id)?.syncState).toBe('sent');
    expect(engine.status()).toMatchObject({ pending: 0, failed: 1 });
  });
});

describe('refreshing a dossier', () => {
  it('replaces what the source holds but keeps unsent local contacts', async () => {
    const customer = store.customers.get(customerId)!;
    const pending = register('Nog niet verzonden');
    adapter.dossiers.set(customer.sourceUrl, {
      contacts: [
        { sourceUrl: 'http://zs.test/kc/1', kanaal: 'balie', onderwerp: 'Paspoort', inhoud: '', plaatsgevondenOp: '2026-01-02T09:00:00.000Z', gespreksresultaat: 'zelfstandig_afgehandeld', afdeling: 'Burgerzaken', medewerker: 'Bob', zaakIdentificaties: [] },
      ],
      zaken: [
        { sourceUrl: 'http://zs.test/zaak/1', identificatie: 'ZAAK-1', omschrijving: 'Dakkapel', zaaktype: 'Omgevingsvergunning', status: 'In behandeling', startdatum: '2026-10-01', einddatumGepland: null, uiterlijkeEinddatumAfdoening: '2026-12-01', einddatum: null },
      ],
    });
    await engine.refreshCustomer(customerId);
    expect(store.contacts.list(customerId, 10).map((c) => c.onderwerp)).toEqual(['Nog niet verzonden', 'Paspoort']);
    expect(store.zaken.list(customerId, 10).map((z) => z.identificatie)).toEqual(['ZAAK-1']);
    expect(store.customers.get(customerId)?.refreshedAt).toBe(now.toISOString());

    adapter.dossiers.set(customer.sourceUrl, { contacts: [], zaken: [] });
    await engine.refreshCustomer(customerId);
    expect(store.contacts.list(customerId, 10).map((c) => c.id)).toEqual([pending.id]);
    expect(store.zaken.list(customerId, 10)).toEqual([]);
    expect(seen.filter((e) => e.startsWith('customer.refreshed'))).toHaveLength(2);
  });

  it('shares one refresh between concurrent requests', async () => {
    await Promise.all([engine.refreshCustomer(customerId), engine.refreshCustomer(customerId), engine.refreshCustomer(customerId)]);
    expect(adapter.fetches).toBe(1);
  });
});

describe('progress of a long sync', () => {
  it('reports how many partijen of how many while prefetching, and clears it after', async () => {
    adapter.customers = [person({ naam: 'Een' }), person({ naam: 'Twee' }), person({ naam: 'Drie' })];
    await engine.prefetchCustomers();
    const progress = seen.filter((e) => e.startsWith('sync.status') && e.includes('"progress":{'));
    expect(progress[0]).toContain('"progress":{"what":"klanten","done":3,"total":3}');
    expect(engine.status().progress).toBeNull();
  });

  it('refuses to copy a register larger than the cap (sync.prefetchMaxPartijen): nothing written, the reason shown', async () => {
    const capped = new SyncEngine(store, adapter, events, { prefetchPartijen: true, prefetchMaxPartijen: 2, outboxIntervalMs: 60_000, partijenRefreshMs: 60_000, log: () => {}, now: () => now });
    adapter.customers = [person({ naam: 'Een' }), person({ naam: 'Twee' }), person({ naam: 'Drie' })];
    await capped.prefetchCustomers();
    expect(store.customers.search('Drie', 5)).toEqual([]);
    expect(capped.status().message).toMatch(/telt 3 partijen, meer dan de ingestelde grens van 2/);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and is capped at five minutes', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
    expect(retryDelayMs(30, () => 1)).toBe(300_000);
  });
});
