import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import { createFakeApi } from './fake-client';

const api = createFakeApi();
const callbacks = { list: vi.fn(), options: vi.fn() };
const session = reactive({ user: null as { id: string; roles: string[] } | null });
vi.mock('../../../src/renderer/src/api', () => ({ client: { ...api.client, callbacks }, onMissedEvents: api.onMissedEvents }));
vi.mock('../../../src/renderer/src/stores/session', () => ({ useSessionStore: () => session }));
const { useCallbacksStore } = await import('../../../src/renderer/src/stores/callbacks');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const listAnswer = (total: number) => ({ items: [], total, counts: { mine: 2, groups: 7, all: 40 }, refreshedAt: null });

beforeEach(() => {
  setActivePinia(createPinia());
  api.reset();
  callbacks.list.mockReset();
  callbacks.options.mockReset();
  session.user = null;
});

describe('callbacks store', () => {
  it('counts the overdue ones of my groepen for a clerk, of all for a teamleider (once the role is known)', async () => {
    callbacks.list.mockResolvedValue(listAnswer(3));
    const store = useCallbacksStore();
    store.start();
    await flush();
    // Nobody known yet (app.info not answered): nothing asked.
    expect(callbacks.list).not.toHaveBeenCalled();
    session.user = { id: 'bianca.de.vries', roles: ['kcc'] };
    await flush();
    expect(callbacks.list).toHaveBeenLastCalledWith({ queue: 'groups', urgentie: 'te_laat' });
    expect(store.overdue).toBe(3);
    expect(store.counts).toEqual({ mine: 2, groups: 7, all: 40 });

    callbacks.list.mockResolvedValue(listAnswer(12));
    session.user = { id: 'marloes.kuipers', roles: ['teamleider'] };
    await flush();
    expect(callbacks.list).toHaveBeenLastCalledWith({ queue: 'all', urgentie: 'te_laat' });
    expect(store.overdue).toBe(12);
  });

  it('a beheerder (no front-office role) is never asked for counts', async () => {
    session.user = { id: 'beheer', roles: ['beheerder'] };
    const store = useCallbacksStore();
    store.start();
    api.emit('callbacks.changed', { at: '2026-11-28T10:00:00.000Z', reason: 'poll' });
    await flush();
    expect(callbacks.list).not.toHaveBeenCalled();
    expect(store.counts).toBeNull();
  });

  it('refreshes the counts when the core says callbacks changed; keeps the last ones when that fails', async () => {
    session.user = { id: 'bianca.de.vries', roles: ['kcc'] };
    callbacks.list.mockResolvedValue(listAnswer(1));
    const store = useCallbacksStore();
    store.start();
    await flush();
    callbacks.list.mockResolvedValue(listAnswer(0));
    api.emit('callbacks.changed', { at: '2026-11-28T10:00:00.000Z', reason: 'poll' });
    await flush();
    expect(store.overdue).toBe(0);
    callbacks.list.mockRejectedValue(new Error('down'));
    api.emit('callbacks.changed', { at: '2026-11-28T10:00:02.000Z', reason: 'poll' });
    await flush();
    expect(store.overdue).toBe(0);
    expect(store.counts).toEqual({ mine: 2, groups: 7, all: 40 });
  });

  it('reads the options once; the vragenset by team code', async () => {
    const vragen = [{ id: 'adres', label: 'Adres', type: 'kort', opties: [], verplicht: true }];
    callbacks.options.mockResolvedValue({ teams: [], collegas: [], resultaten: ['Vraag beantwoord'], vragensets: [{ team: 'VERG', vragen }] });
    const store = useCallbacksStore();
    await Promise.all([store.loadOptions(), store.loadOptions()]);
    await store.loadOptions();
    expect(callbacks.options).toHaveBeenCalledTimes(1);
    expect(store.vragensetOf('VERG')).toEqual(vragen);
    expect(store.vragensetOf('KCC')).toEqual([]);
  });

  it('a failed options call says so, and the next call tries again', async () => {
    callbacks.options.mockRejectedValueOnce({ code: 'unavailable', message: 'Het zaaksysteem antwoordt niet.' });
    const store = useCallbacksStore();
    await store.loadOptions();
    expect(store.options).toEqual({ state: 'error', message: 'Het zaaksysteem antwoordt niet.' });
    callbacks.options.mockResolvedValueOnce({ teams: [], collegas: [], resultaten: [], vragensets: [] });
    await store.loadOptions();
    expect(store.options.state).toBe('success');
  });
});
