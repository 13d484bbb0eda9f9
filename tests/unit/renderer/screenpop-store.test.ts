import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './fake-client';

const api = createFakeApi();
const push = vi.fn();
const startContact = vi.fn();
vi.mock('../../../src/renderer/src/api', () => ({ client: api.client, onStreamState: api.onStreamState, onMissedEvents: api.onMissedEvents }));
vi.mock('../../../src/renderer/src/router', () => ({ router: { push } }));
vi.mock('../../../src/renderer/src/stores/contacts', () => ({ useContactsStore: () => ({ load: async () => undefined, startContact }) }));
const { useScreenPopStore } = await import('../../../src/renderer/src/stores/screenpop');

const summary = (id: string, naam: string) => ({ id, soort: 'persoon' as const, naam, bsnMasked: null, kvkNummer: null, adres: null });
const BERT = '6f1c1b2e-0000-4000-8000-00000000000a';
const BEA = '6f1c1b2e-0000-4000-8000-00000000000b';
const at = '2026-11-28T10:00:00.000Z';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  setActivePinia(createPinia());
  api.reset();
  push.mockReset();
  startContact.mockReset();
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
  vi.stubGlobal('document', { getElementById: () => null });
});

describe('screen-pop store', () => {
  it('one match: a telephone contact with that customer, and the customer view', async () => {
    useScreenPopStore().start();
    api.emit('screenpop', { nummer: '+31612345678', customerId: BERT, candidates: [summary(BERT, 'Bert Burger')], at });
    await flush();
    expect(startContact).toHaveBeenCalledWith({ kanaal: 'telefoon', customerId: BERT, customerNaam: 'Bert Burger', bellerNummer: '+31612345678' });
    expect(push).toHaveBeenCalledWith({ name: 'klant', params: { id: BERT } });
  });

  it('several: the candidates first; the chosen one gets the contact', async () => {
    const store = useScreenPopStore();
    store.start();
    api.emit('screenpop', { nummer: '+31655501234', customerId: null, candidates: [summary(BERT, 'Bert Burger'), summary(BEA, 'Bea Burger')], at });
    await flush();
    expect(push).toHaveBeenCalledWith({ name: 'inkomend' });
    expect(startContact).not.toHaveBeenCalled();
    await store.choose(summary(BEA, 'Bea Burger'));
    expect(startContact).toHaveBeenCalledWith(expect.objectContaining({ customerId: BEA, bellerNummer: '+31655501234' }));
    expect(push).toHaveBeenLastCalledWith({ name: 'klant', params: { id: BEA } });
  });

  it('none: a contact with an unknown caller (no customer) on the home view', async () => {
    useScreenPopStore().start();
    api.emit('screenpop', { nummer: '+31699990000', customerId: null, candidates: [], at });
    await flush();
    await flush();
    expect(startContact).toHaveBeenCalledWith({ kanaal: 'telefoon', customerId: null, bellerNummer: '+31699990000' });
    expect(push).toHaveBeenCalledWith({ name: 'home' });
  });
});
