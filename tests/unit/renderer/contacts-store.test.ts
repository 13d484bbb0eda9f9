/**
 * The open contacts in the renderer: restore on start, autosave after typing stops (debounced),
 * nothing saved for a contact nobody typed in, several at once, finish leaves out vragen that
 * went out as a terugbelverzoek, and a finished contact is never saved again.
 */
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const client = {
  drafts: { list: vi.fn(), save: vi.fn(), discard: vi.fn() },
  contacts: { finish: vi.fn() },
  events: { on: vi.fn() },
};
vi.mock('../../../src/renderer/src/api', () => ({ client, onStreamState: () => () => undefined }));
const { AUTOSAVE_DELAY_MS, isPristine, useContactsStore } = await import('../../../src/renderer/src/stores/contacts');

const CUSTOMER = '6f1c1b2e-0000-4000-8000-00000000000a';
const OTHER = '6f1c1b2e-0000-4000-8000-00000000000b';
const SAVED = {
  id: '6f1c1b2e-0000-4000-8000-0000000000d1',
  customerId: CUSTOMER,
  customerNaam: 'Bert Burger',
  kanaal: 'telefoon',
  bellerNaam: '',
  bellerNummer: '',
  startedAt: '2026-11-28T09:00:00.000Z',
  vragen: [{ key: 'v1', onderwerp: 'Afvalpas', inhoud: 'Kwijt', gespreksresultaat: '', afdeling: '', zaakIds: [] }],
  updatedAt: '2026-11-28T09:01:00.000Z',
};

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  vi.resetAllMocks();
  client.drafts.list.mockImplementation(async () => [structuredClone(SAVED)]);
  client.drafts.save.mockImplementation(async (d: { id: string }) => ({ id: d.id, updatedAt: '2026-11-28T10:00:00.000Z' }));
  client.drafts.discard.mockImplementation(async ({ id }: { id: string }) => ({ id, discarded: true }));
  client.contacts.finish.mockResolvedValue({ contacts: [] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  await nextTick();
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
}

describe('contacts store', () => {
  it('restores every open draft on start, once, even when asked twice at the same time', async () => {
    const store = useContactsStore();
    await Promise.all([store.load(), store.load()]);
    expect(client.drafts.list).toHaveBeenCalledTimes(1);
    expect(store.open.map((d) => d.vragen[0]?.onderwerp)).toEqual(['Afvalpas']);
    expect(store.saveState[SAVED.id]).toBe('saved');
  });

  it('autosaves once after typing stops, with the latest text', async () => {
    const store = useContactsStore();
    await store.load();
    const draft = store.get(SAVED.id)!;
    for (const text of ['Kwijt.', 'Kwijt. Nieuwe', 'Kwijt. Nieuwe aangevraagd']) {
      draft.vragen[0]!.inhoud = text;
      await nextTick();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(client.drafts.save).not.toHaveBeenCalled();
    expect(store.saveState[SAVED.id]).toBe('pending');
    await settle();
    expect(client.drafts.save).toHaveBeenCalledTimes(1);
    expect(client.drafts.save.mock.calls[0]![0].vragen[0].inhoud).toBe('Kwijt. Nieuwe aangevraagd');
    expect(store.saveState[SAVED.id]).toBe('saved');
  });

  it('keeps a contact nobody typed in out of the core, and drops it when the clerk moves on', async () => {
    const store = useContactsStore();
    await store.load();
    const fresh = store.ensureFor(OTHER, 'Anna de Vries', 'telefoon');
    await settle();
    expect(client.drafts.save).not.toHaveBeenCalled();
    expect(isPristine(store.get(fresh)!)).toBe(true);
    store.activate(SAVED.id);
    expect(store.get(fresh)).toBeNull();
  });

  it('saves a started contact at once (a screen-pop number survives a crash before typing)', async () => {
    const store = useContactsStore();
    await store.load();
    const id = store.startContact({ kanaal: 'telefoon', customerId: null, bellerNummer: '0612345678' });
    await nextTick();
    expect(client.drafts.save).toHaveBeenCalledWith(expect.objectContaining({ id, customerId: null, bellerNummer: '0612345678' }));
    expect(store.activeId).toBe(id);
    expect(store.tabs.map((d) => d.id)).toEqual([SAVED.id, id]);
    expect(store.cycle(1)?.id).toBe(SAVED.id);
  });

  it('finishing leaves out a vraag that became a terugbelverzoek, and never saves the draft again', async () => {
    const store = useContactsStore();
    await store.load();
    const draft = store.get(SAVED.id)!;
    draft.vragen[0]!.callbackId = '6f1c1b2e-0000-4000-8000-0000000000cb';
    store.addVraag(SAVED.id);
    draft.vragen[1]!.onderwerp = 'Verhuizing';
    draft.vragen[1]!.gespreksresultaat = 'doorverbonden';
    await store.finish(SAVED.id);
    expect(client.contacts.finish.mock.calls[0]![0].vragen.map((v: { onderwerp: string }) => v.onderwerp)).toEqual(['Verhuizing']);
    draft.vragen[1]!.onderwerp = 'Verhuizing (getypt na afronden)';
    await settle();
    expect(client.drafts.save).not.toHaveBeenCalled();
    store.close(SAVED.id);
    expect(store.open).toEqual([]);
  });

  it('a contact whose every vraag went out as a terugbelverzoek is only closed', async () => {
    const store = useContactsStore();
    await store.load();
    store.get(SAVED.id)!.vragen[0]!.callbackId = '6f1c1b2e-0000-4000-8000-0000000000cb';
    expect(await store.finish(SAVED.id)).toEqual([]);
    expect(client.contacts.finish).not.toHaveBeenCalled();
    expect(client.drafts.discard).toHaveBeenCalledWith({ id: SAVED.id });
  });
});
