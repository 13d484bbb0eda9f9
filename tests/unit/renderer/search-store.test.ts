import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KlantbeeldError } from '../../../src/shared/contract/errors';
import { createFakeApi, deferred } from './fake-client';

const api = createFakeApi();
vi.mock('../../../src/renderer/src/api', () => ({ client: api.client, onStreamState: api.onStreamState, onMissedEvents: api.onMissedEvents }));
const { useSearchStore, SEARCH_DEBOUNCE_MS } = await import('../../../src/renderer/src/stores/search');

const bert = { id: '6f1c1b2e-0000-4000-8000-00000000000a', soort: 'persoon', naam: 'Bert Burger', bsnMasked: '*****3653', kvkNummer: null, adres: 'Turfmarkt 12' };

beforeEach(() => {
  setActivePinia(createPinia());
  api.reset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('search store', () => {
  it('debounces: one call for a burst of typing, after the pause', async () => {
    api.client.customers.search.mockResolvedValue({ results: [bert] });
    const store = useSearchStore();
    for (const text of ['Bu', 'Bur', 'Burg', 'Burger']) store.setQuery(text);
    expect(store.results.state).toBe('loading');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(api.client.customers.search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.client.customers.search).toHaveBeenCalledTimes(1);
    expect(api.client.customers.search).toHaveBeenCalledWith({ query: 'Burger', limit: 20 });
    expect(store.results).toEqual({ state: 'success', data: [bert] });
  });

  it('tells "no results" apart from "loading" and from an error', async () => {
    const store = useSearchStore();
    api.client.customers.search.mockResolvedValueOnce({ results: [] });
    store.setQuery('Xyzzy');
    expect(store.results.state).toBe('loading');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.results).toEqual({ state: 'success', data: [] });

    api.client.customers.search.mockRejectedValueOnce(new KlantbeeldError({ code: 'unavailable', message: 'Zoeken kan nu niet.' }));
    store.setQuery('Xyzzy2');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.results).toEqual({ state: 'error', message: 'Zoeken kan nu niet.' });
  });

  it('asks a query again when the index re-read after a sign-in is ready (no retyping), showing that it reads meanwhile', async () => {
    api.client.customers.search.mockResolvedValueOnce({ results: [] }).mockResolvedValueOnce({ results: [bert] });
    api.client.customers.searchRemote.mockResolvedValue({ results: [], searched: false });
    const store = useSearchStore();
    api.emit('customers.index', { state: 'bezig', at: '2026-12-07T08:00:00.000Z' });
    expect(store.indexing).toBe(true);
    store.setQuery('Burger');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.results).toEqual({ state: 'success', data: [] });
    api.emit('customers.index', { state: 'klaar', at: '2026-12-07T08:00:01.000Z' });
    expect(store.indexing).toBe(false);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(api.client.customers.search).toHaveBeenCalledTimes(2);
    expect(store.results).toEqual({ state: 'success', data: [bert] });
  });

  it('does not search for fewer than 2 characters', async () => {
    const store = useSearchStore();
    store.setQuery(' B ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2);
    expect(api.client.customers.search).not.toHaveBeenCalled();
    expect(store.results.state).toBe('idle');
  });

  it('never lets a slow, older answer overwrite a newer one', async () => {
    const store = useSearchStore();
    const slow = deferred<{ results: (typeof bert)[] }>();
    api.client.customers.search.mockReturnValueOnce(slow.promise).mockResolvedValueOnce({ results: [] });
    store.setQuery('Bert');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.setQuery('Bertje');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    slow.resolve({ results: [bert] });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.results).toEqual({ state: 'success', data: [] });
  });

  it('explains a BSN that fails the elfproef at once, without a call', async () => {
    const store = useSearchStore();
    store.setQuery('999993654');
    expect(store.kind).toBe('bsn-invalid');
    expect(store.message).toMatch(/elfproef/);
    expect(store.results).toEqual({ state: 'success', data: [] });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2);
    expect(api.client.customers.search).not.toHaveBeenCalled();
  });

  it('shows the cached answer first, then merges matches from the zaaksysteem (phone number)', async () => {
    const other = { ...bert, id: '6f1c1b2e-0000-4000-8000-00000000000b', naam: 'Bea Burger' };
    const remote = deferred<{ results: (typeof bert)[]; searched: boolean }>();
    api.client.customers.search.mockResolvedValue({ results: [bert], kind: 'telefoon', message: null });
    api.client.customers.searchRemote.mockReturnValue(remote.promise);
    const store = useSearchStore();
    store.setQuery('06-12345678');
    expect(store.kind).toBe('telefoon');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.results).toEqual({ state: 'success', data: [bert] });
    expect(store.remote).toBe('searching');
    remote.resolve({ results: [bert, other], searched: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.results).toEqual({ state: 'success', data: [bert, other] });
    expect(store.remote).toBe('done');
  });

  it("shows the zaaksysteem's message when the BRP knows a person Open Klant does not", async () => {
    const remote = deferred<{ results: (typeof bert)[]; searched: boolean; message: string }>();
    api.client.customers.search.mockResolvedValue({ results: [], kind: 'naam-geboortedatum', message: null });
    api.client.customers.searchRemote.mockReturnValue(remote.promise);
    const store = useSearchStore();
    store.setQuery('Jansen 01-02-1970');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.message).toBeNull();
    remote.resolve({ results: [], searched: true, message: 'De BRP kent deze persoon, maar in het zaaksysteem staat (nog) geen klant met dit BSN.' });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.message).toMatch(/De BRP kent deze persoon/);
  });

  it('waits for a number to be whole before it searches', async () => {
    const store = useSearchStore();
    store.setQuery('0612');
    expect(store.incomplete).toBe(true);
    expect(store.results).toEqual({ state: 'success', data: [] });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2);
    expect(api.client.customers.search).not.toHaveBeenCalled();
  });

  it('asks the registers for names as well (issue 12): their matches merge in, register-only hits are kept apart', async () => {
    api.client.customers.search.mockResolvedValue({ results: [{ ...bert, bron: 'lokaal' }] });
    const anouk = { sleutel: '6f1c1b2e-0000-4000-8000-0000000000aa', soort: 'persoon', bron: 'brp', naam: 'Anouk Veenstra', adres: 'Turfmarkt 40', bsnMasked: '*****0019', kvkNummer: null, meldingen: [] };
    const bakker = { ...bert, id: '6f1c1b2e-0000-4000-8000-00000000000b', naam: 'Bert Bakker', bron: 'brp' };
    api.client.customers.searchRemote.mockResolvedValue({ results: [{ ...bert, bron: 'lokaal' }, bakker], searched: true, registers: [anouk] });
    const store = useSearchStore();
    store.setQuery('Bert B');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(api.client.customers.searchRemote).toHaveBeenCalledWith({ query: 'Bert B', limit: 20 });
    expect(store.remote).toBe('done');
    expect(store.results).toEqual({ state: 'success', data: [{ ...bert, bron: 'lokaal' }, bakker] });
    expect(store.registers).toEqual([anouk]);
    store.setQuery('Bert Bu');
    expect(store.registers).toEqual([]);
  });
});
