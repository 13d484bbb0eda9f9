/**
 * Register contacts (issue 3): drafts autosaved per open contact, finishing several vragen in
 * one transaction (draft removed in it), the unknown caller, and starting a zaak through the
 * outbox with resumable steps.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../../src/main/core/adapters/types';
import { EventBus } from '../../../src/main/core/events';
import { ContactService, type FinishContact } from '../../../src/main/core/services/contacts';
import { DraftService } from '../../../src/main/core/services/drafts';
import { ZaakStartService } from '../../../src/main/core/services/zaak-start';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { contract } from '../../../src/shared/contract';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';

const user = { id: 'bianca', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: ['kcc' as const] };
const config = {
  kanalen: ['telefoon', 'balie', 'chat'],
  user,
  gespreksresultaten: ['zelfstandig_afgehandeld', 'doorverbonden', 'zaak_aangemaakt'],
  afdelingen: ['Burgerzaken', 'Parkeren'],
};

let dir: ReturnType<typeof tempDir>;
let store: Store;
let adapter: ScriptedAdapter;
let engine: SyncEngine;
let contacts: ContactService;
let drafts: DraftService;
let zaken: ZaakStartService;
let now: Date;
let customerId: string;
const seen: string[] = [];

beforeEach(() => {
  dir = tempDir();
  store = Store.open(join(dir.path, 'kb.sqlite'));
  adapter = new ScriptedAdapter();
  const events = new EventBus();
  events.on((name, payload) => seen.push(`${name}:${JSON.stringify(payload)}`));
  now = new Date('2026-11-28T10:00:00Z');
  engine = new SyncEngine(store, adapter, events, { prefetchPartijen: false, outboxIntervalMs: 60_000, partijenRefreshMs: 60_000, log: () => {}, now: () => now });
  contacts = new ContactService(store, config, () => {}, () => now);
  drafts = new DraftService(store, () => now);
  zaken = new ZaakStartService(store, adapter, () => {}, () => now);
  customerId = store.customers.upsert(person(), now.toISOString());
  seen.length = 0;
});
afterEach(async () => {
  await engine.stop();
  store.close();
  dir.remove();
});

const DRAFT_ID = '0b7f7a4e-8a0c-4c55-9d7e-3c1f0f1d2a01';
const OTHER_DRAFT = '0b7f7a4e-8a0c-4c55-9d7e-3c1f0f1d2a02';

function draft(id = DRAFT_ID, onderwerp = 'Parkeervergunning') {
  return contract['drafts.save'].input.parse({
    id,
    customerId,
    customerNaam: 'Bert Burger',
    kanaal: 'telefoon',
    bellerNaam: '',
    bellerNummer: '',
    startedAt: '2026-11-28T09:58:00.000Z',
    vragen: [{ key: 'v1', onderwerp, inhoud: 'Noti', gespreksresultaat: '', afdeling: '', zaakIds: [] }],
  });
}

function finish(overrides: Partial<FinishContact> = {}): FinishContact {
  return contract['contacts.finish'].input.parse({
    draftId: DRAFT_ID,
    customerId,
    kanaal: 'telefoon',
    startedAt: '2026-11-28T09:58:00.000Z',
    vragen: [
      { onderwerp: 'Parkeervergunning', inhoud: 'Uitgelegd', gespreksresultaat: 'zelfstandig_afgehandeld', afdeling: 'Parkeren' },
      { onderwerp: 'Verhuizing doorgeven', inhoud: '', gespreksresultaat: 'doorverbonden', afdeling: 'Burgerzaken' },
    ],
    ...overrides,
  }) as FinishContact;
}

describe('drafts', () => {
  it('saves, replaces and lists every open contact, survives reopening the database', () => {
    drafts.save(draft(), user.id);
    drafts.save(draft(OTHER_DRAFT, 'Tweede chat'), user.id);
    drafts.save(draft(DRAFT_ID, 'Parkeervergunning bewoners'), user.id);
    store.close();
    store = Store.open(join(dir.path, 'kb.sqlite'));
    const listed = new DraftService(store).list(user.id);
    expect(listed.map((d) => [d.id, d.vragen[0]?.onderwerp])).toEqual([
      [DRAFT_ID, 'Parkeervergunning bewoners'],
      [OTHER_DRAFT, 'Tweede chat'],
    ]);
    expect(listed[0]?.updatedAt).toBe(now.toISOString());
  });

  it('keeps text longer than the send limit (nothing typed is lost)', () => {
    const long = 'x'.repeat(1500);
    drafts.save({ ...draft(), vragen: [{ key: 'v1', onderwerp: long, inhoud: long, gespreksresultaat: '', afdeling: '', zaakIds: [] }] }, user.id);
    expect(drafts.list(user.id)[0]?.vragen[0]?.onderwerp).toHaveLength(1500);
  });

  it('discards only on request', () => {
    drafts.save(draft(), user.id);
    expect(drafts.discard(DRAFT_ID, user.id)).toEqual({ id: DRAFT_ID, discarded: true });
    expect(drafts.list(user.id)).toEqual([]);
  });
});

describe('finishing a contact', () => {
  it('writes one klantcontact per vraag, their outbox entries and removes the draft in one transaction', () => {
    drafts.save(draft(), user.id);
    const items = contacts.finish(finish());
    expect(items.map((c) => [c.onderwerp, c.gespreksresultaat, c.afdeling, c.syncState])).toEqual([
      ['Parkeervergunning', 'zelfstandig_afgehandeld', 'Parkeren', 'pending'],
      ['Verhuizing doorgeven', 'doorverbonden', 'Burgerzaken', 'pending'],
    ]);
    expect(store.contacts.list(customerId, 10)).toHaveLength(2);
    expect(store.outbox.counts()).toEqual({ pending: 2, parked: 0 });
    expect(drafts.list(user.id)).toEqual([]);
  });

  it('writes nothing and keeps the draft when one outbox entry fails', () => {
    drafts.save(draft(), user.id);
    store.db.exec(
      "CREATE TRIGGER fail_second BEFORE INSERT ON outbox WHEN (SELECT count(*) FROM outbox) >= 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    expect(() => contacts.finish(finish())).toThrow(/disk full/);
    expect(store.contacts.list(customerId, 10)).toEqual([]);
    expect(store.outbox.counts()).toEqual({ pending: 0, parked: 0 });
    expect(drafts.list(user.id)).toHaveLength(1);
  });

  it('refuses a gespreksresultaat or afdeling outside the configured lists, per field', () => {
    const bad = finish();
    bad.vragen[1]!.gespreksresultaat = 'opgehangen';
    expect(() => contacts.finish(bad)).toThrow(/Controleer/);
    try {
      contacts.finish(bad);
    } catch (error) {
      expect((error as { issues: unknown }).issues).toEqual([{ path: 'vragen.1.gespreksresultaat', message: 'Kies een gespreksresultaat uit de lijst.' }]);
    }
  });

  it('sends each vraag as its own klantcontact with metadata; linked zaken resolved at send time', async () => {
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    const zaak = zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: 'Bewonersvergunning' });
    const input = finish();
    input.vragen[0]!.zaakIds = [zaak.id];
    contacts.finish(input);
    await engine.flushOutbox();
    expect(adapter.zaken).toHaveLength(1);
    expect(adapter.pushed.map((p) => [p.contact.onderwerp, p.contact.gespreksresultaat, p.contact.afdeling, p.contact.zaakUuids])).toEqual([
      ['Parkeervergunning', 'zelfstandig_afgehandeld', 'Parkeren', [adapter.zaken[0]!.zaak.idempotencyKey]],
      ['Verhuizing doorgeven', 'doorverbonden', 'Burgerzaken', []],
    ]);
  });

  it('an unknown caller: no local row, no partij; name and number go with the klantcontact', async () => {
    drafts.save({ ...draft(), customerId: null }, user.id);
    const items = contacts.finish(finish({ customerId: null, bellerNaam: 'Jan de Beller', bellerNummer: '0612345678' }));
    expect(items).toEqual([]);
    expect(drafts.list(user.id)).toEqual([]);
    await engine.flushOutbox();
    expect(adapter.pushed).toHaveLength(2);
    expect(adapter.pushed[0]!.contact).toMatchObject({ customer: null, beller: { naam: 'Jan de Beller', nummer: '0612345678' } });
  });

  it('validates the phone number of an unknown caller', () => {
    const parsed = contract['contacts.finish'].input.safeParse({ ...finish(), customerId: null, bellerNummer: 'bel me' });
    expect(parsed.success).toBe(false);
  });
});

describe('starting a zaak', () => {
  it('shows the zaak at once as pending, then acknowledged with its identificatie', async () => {
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    const item = zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: 'Bewonersvergunning' });
    expect(item).toMatchObject({ identificatie: '', zaaktype: 'Parkeervergunning', syncState: 'pending', startdatum: '2026-11-28' });
    expect(store.zaken.list(customerId, 10).map((z) => z.syncState)).toEqual(['pending']);
    await engine.flushOutbox();
    const [zaak] = store.zaken.list(customerId, 10);
    expect(zaak).toMatchObject({ id: item.id, identificatie: 'ZAAK-2026-0000001', status: 'Ontvangen' });
    expect(zaak?.syncState).toBeUndefined();
    expect(adapter.zaken[0]?.zaak).toMatchObject({ zaaktypeUrl: zaaktype!.url, customer: { bsn: '999993653' } });
    expect(seen.some((e) => e.startsWith('zaak.synced') && e.includes('"sent"'))).toBe(true);
  });

  it('resumes after a failed step without repeating the zaak or the rol', async () => {
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: 'Bewonersvergunning' });
    adapter.failures.push({ step: 'status', error: new RemoteError('503', 'transient', 503) });
    await engine.flushOutbox();
    expect(store.zaken.list(customerId, 10)[0]?.syncState).toBe('pending');
    now = new Date(now.getTime() + 10 * 60_000);
    await engine.flushOutbox();
    expect(adapter.zaken).toHaveLength(1);
    expect(adapter.zaken[0]?.steps).toEqual(['status']);
  });

  it('a refresh never removes a pending zaak; an acknowledged zaak the refresh already brought is not doubled', async () => {
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    const item = zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: 'Bewonersvergunning' });
    const customer = store.customers.get(customerId)!;
    await engine.refreshCustomer(customerId);
    expect(store.zaken.list(customerId, 10).map((z) => z.id)).toEqual([item.id]);
    // The source already lists it when the acknowledgement is recorded.
    adapter.dossiers.set(customer.sourceUrl, {
      contacts: [],
      zaken: [
        {
          sourceUrl: `http://zs.test/zaak/${store.outbox.due(now.toISOString(), 1)[0]!.idempotencyKey}`,
          identificatie: 'ZAAK-2026-0000001',
          omschrijving: 'Bewonersvergunning',
          zaaktype: 'Parkeervergunning',
          status: 'Ontvangen',
          startdatum: '2026-11-28',
          einddatumGepland: null,
          uiterlijkeEinddatumAfdoening: null,
          einddatum: null,
        },
      ],
    });
    await engine.refreshCustomer(customerId);
    await engine.flushOutbox();
    expect(store.zaken.list(customerId, 10).map((z) => [z.id, z.identificatie])).toEqual([[item.id, 'ZAAK-2026-0000001']]);
  });

  it('parks a zaak the zaaksysteem refuses, visible on the zaak', async () => {
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: 'Bewonersvergunning' });
    adapter.failures.push({ step: 'zaak', error: new RemoteError('zaaktype: niet gepubliceerd', 'permanent', 400) });
    await engine.flushOutbox();
    expect(store.zaken.list(customerId, 10)[0]).toMatchObject({ syncState: 'failed', syncError: 'zaaktype: niet gepubliceerd' });
  });

  it('refuses an unknown zaaktype', () => {
    expect(() => zaken.start({ customerId, zaaktypeUrl: 'http://elders/zt', omschrijving: 'x' })).toThrow(/Onbekend zaaktype/);
  });
});
