import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactItem, CustomerPicture } from '../../../src/shared/contract';
import { createFakeApi, deferred } from './fake-client';

const api = createFakeApi();
vi.mock('../../../src/renderer/src/api', () => ({ client: api.client, onStreamState: api.onStreamState, onMissedEvents: api.onMissedEvents }));
const { useCustomerStore } = await import('../../../src/renderer/src/stores/customer');

const A = '6f1c1b2e-0000-4000-8000-00000000000a';
const B = '6f1c1b2e-0000-4000-8000-00000000000b';

function contact(id: string, at: string, syncState: ContactItem['syncState'] = 'sent'): ContactItem {
  return {
    id, customerId: A, kanaal: 'telefoon', onderwerp: `Onderwerp ${id.slice(-2)}`, inhoud: '', plaatsgevondenOp: at,
    gespreksresultaat: null, afdeling: null, medewerker: null, zaakIdentificaties: [], syncState, syncError: null,
  };
}

function picture(customerId: string, contacts: ContactItem[], refreshing = true): CustomerPicture {
  return {
    customer: {
      id: customerId, soort: 'persoon', naam: 'Bert Burger', bsnMasked: '*****3653', kvkNummer: null, adres: null,
      telefoonnummers: [], emailadressen: [], geheimhouding: false, fetchedAt: '2026-11-28T10:00:00Z',
    },
    contacts, zaken: [], refreshedAt: null, refreshing,
  };
}

const c1 = contact('6f1c1b2e-0000-4000-8000-0000000000c1', '2025-03-03T08:42:00Z');
const c2 = contact('6f1c1b2e-0000-4000-8000-0000000000c2', '2026-11-26T08:55:00Z');

beforeEach(() => {
  setActivePinia(createPinia());
  api.reset();
});

describe('customer store', () => {
  it('shows the cached picture, newest contact first, and a refresh in progress', async () => {
    api.client.customers.open.mockResolvedValueOnce(picture(A, [c1, c2]));
    const store = useCustomerStore();
    await store.open(A);
    expect(api.client.customers.open).toHaveBeenCalledWith({ customerId: A, refresh: true });
    expect(store.contacts.map((c) => c.id)).toEqual([c2.id, c1.id]);
    expect(store.refreshing).toBe(true);
  });

  it('re-reads in place on customer.refreshed, without flickering to empty', async () => {
    const store = useCustomerStore();
    store.start();
    api.client.customers.open.mockResolvedValueOnce(picture(A, [c1]));
    await store.open(A);
    const again = deferred<CustomerPicture>();
    api.client.customers.open.mockReturnValueOnce(again.promise);
    api.emit('customer.refreshed', { customerId: A, at: '2026-11-28T10:01:00Z', ok: true, message: null });
    expect(api.client.customers.open).toHaveBeenLastCalledWith({ customerId: A, refresh: false });
    expect(store.refreshing).toBe(false);
    expect(store.picture.state).toBe('success'); // still showing the old picture meanwhile
    again.resolve({ ...picture(A, [c1, c2], false), refreshedAt: '2026-11-28T10:01:00Z' });
    await vi.waitFor(() => expect(store.contacts).toHaveLength(2));
  });

  it('reads the open picture again after the screen was unlocked (the core held its events back)', async () => {
    const store = useCustomerStore();
    store.start();
    api.client.customers.open.mockResolvedValueOnce(picture(A, [c1]));
    await store.open(A);
    api.client.customers.open.mockResolvedValueOnce(picture(A, [c1, c2], false));
    api.unlocked();
    expect(api.client.customers.open).toHaveBeenLastCalledWith({ customerId: A, refresh: false });
    await vi.waitFor(() => expect(store.contacts).toHaveLength(2));
  });

  it('ignores refresh events for another customer, and keeps the picture when a refresh failed', async () => {
    const store = useCustomerStore();
    store.start();
    api.client.customers.open.mockResolvedValue(picture(A, [c1]));
    await store.open(A);
    api.emit('customer.refreshed', { customerId: B, at: '2026-11-28T10:01:00Z', ok: true, message: null });
    expect(api.client.customers.open).toHaveBeenCalledTimes(1);
    api.emit('customer.refreshed', { customerId: A, at: '2026-11-28T10:01:00Z', ok: false, message: 'Zaaksysteem niet bereikbaar.' });
    expect(store.refreshError).toBe('Zaaksysteem niet bereikbaar.');
    expect(store.picture.state).toBe('success');
  });

  it('a refresh event during the first open is not lost: it re-reads once the open has answered', async () => {
    const store = useCustomerStore();
    store.start();
    const first = deferred<CustomerPicture>();
    api.client.customers.open.mockReturnValueOnce(first.promise).mockResolvedValueOnce(picture(A, [c1, c2], false));
    const opening = store.open(A);
    api.emit('customer.refreshed', { customerId: A, at: '2026-11-28T10:01:00Z', ok: true, message: null });
    first.resolve(picture(A, [c1]));
    await opening;
    await vi.waitFor(() => expect(store.contacts).toHaveLength(2));
    expect(api.client.customers.open).toHaveBeenCalledTimes(2);
    expect(store.refreshing).toBe(false); // the refresh already finished: no spinner left behind
  });

  it('never shows a slow answer for a customer that is no longer open', async () => {
    const store = useCustomerStore();
    const slowA = deferred<CustomerPicture>();
    api.client.customers.open.mockReturnValueOnce(slowA.promise).mockResolvedValueOnce(picture(B, []));
    const openingA = store.open(A);
    await store.open(B);
    slowA.resolve(picture(A, [c1, c2]));
    await openingA;
    expect(store.current?.customer.id).toBe(B);
    expect(store.contacts).toEqual([]);
  });

  it('puts a registered contact on top at once, and applies contact.synced to it, even when the event came first', async () => {
    const store = useCustomerStore();
    store.start();
    api.client.customers.open.mockResolvedValueOnce(picture(A, [c1]));
    await store.open(A);

    const fresh = contact('6f1c1b2e-0000-4000-8000-0000000000f1', '2026-11-28T10:05:00Z', 'pending');
    api.client.contacts.register.mockResolvedValueOnce(fresh);
    await store.registerContact({ kanaal: 'telefoon', onderwerp: fresh.onderwerp, inhoud: '' });
    expect(api.client.contacts.register).toHaveBeenCalledWith({ customerId: A, kanaal: 'telefoon', onderwerp: fresh.onderwerp, inhoud: '' });
    expect(store.contacts[0]).toMatchObject({ id: fresh.id, syncState: 'pending' });
    api.emit('contact.synced', { customerId: A, contactId: fresh.id, syncState: 'sent', syncError: null });
    expect(store.contacts[0]?.syncState).toBe('sent');

    // The outbox beat the reply: the ack arrives before register() answers.
    const quick = contact('6f1c1b2e-0000-4000-8000-0000000000f2', '2026-11-28T10:06:00Z', 'pending');
    const reply = deferred<ContactItem>();
    api.client.contacts.register.mockReturnValueOnce(reply.promise);
    const registering = store.registerContact({ kanaal: 'telefoon', onderwerp: quick.onderwerp, inhoud: '' });
    api.emit('contact.synced', { customerId: A, contactId: quick.id, syncState: 'failed', syncError: 'Geweigerd (400).' });
    reply.resolve(quick);
    await registering;
    expect(store.contacts[0]).toMatchObject({ id: quick.id, syncState: 'failed', syncError: 'Geweigerd (400).' });
  });

  it('re-reads the picture after the event stream reconnected (events may have been missed)', async () => {
    const store = useCustomerStore();
    store.start();
    api.client.customers.open.mockResolvedValue(picture(A, [c1]));
    api.stream('open');
    await store.open(A);
    api.stream('reconnecting');
    api.stream('open');
    await vi.waitFor(() => expect(api.client.customers.open).toHaveBeenLastCalledWith({ customerId: A, refresh: false }));
  });
});
