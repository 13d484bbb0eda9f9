import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNoticeBundler } from '../../../src/renderer/src/lib/notice-bundler';
import { createFakeApi } from './fake-client';

const api = createFakeApi();
const push = vi.fn();
const user = { value: { id: 'kevin.mulder' } as { id: string } | null };
vi.mock('../../../src/renderer/src/api', () => ({ client: api.client, onMissedEvents: api.onMissedEvents }));
vi.mock('../../../src/renderer/src/router', () => ({ router: { push } }));
vi.mock('../../../src/renderer/src/stores/session', () => ({
  useSessionStore: () => ({
    get user() {
      return user.value;
    },
  }),
}));
vi.mock('../../../src/renderer/src/i18n', () => ({
  i18n: { global: { t: (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key) } },
}));
const { useCallbackNoticesStore, NOTICE_INTERVAL_MS } = await import('../../../src/renderer/src/stores/callback-notices');

const CB = (n: number) => `6f1c1b2e-0000-4000-8000-00000000000${n}`;
const notify = (n: number, soort: 'toegewezen_aan_mij' | 'toegewezen_aan_groep' | 'vandaag' | 'te_laat' = 'toegewezen_aan_mij') =>
  api.emit('callback.notify', { callbackId: CB(n), soort, klantNaam: n === 0 ? null : `Klant ${n}`, vraag: 'Bellen' });

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: { title: string; body: string | undefined }[] = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return 'granted' as NotificationPermission;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, body: options?.body });
  }
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  api.reset();
  push.mockReset();
  user.value = { id: 'kevin.mulder' };
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
  vi.stubGlobal('localStorage', memoryStorage());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('notice bundler', () => {
  it('delivers the first at once, then at most one bundle per interval, dropping nothing', () => {
    const deliveries: number[][] = [];
    const bundler = createNoticeBundler<number>((items) => deliveries.push(items), 30_000);
    bundler.push(1);
    expect(deliveries).toEqual([[1]]);
    vi.advanceTimersByTime(5_000);
    bundler.push(2);
    bundler.push(3);
    expect(deliveries).toHaveLength(1);
    vi.advanceTimersByTime(24_999);
    expect(deliveries).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(deliveries).toEqual([[1], [2, 3]]);
    // The bundle was a delivery too: the next one waits a full interval after it.
    vi.advanceTimersByTime(10_000);
    bundler.push(4);
    vi.advanceTimersByTime(19_999);
    expect(deliveries).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(deliveries).toEqual([[1], [2, 3], [4]]);
    // Quiet for longer than the interval: straight through again.
    vi.advanceTimersByTime(60_000);
    bundler.push(5);
    expect(deliveries.at(-1)).toEqual([5]);
  });

  it('clear drops what waits and stops the timer', () => {
    const deliveries: number[][] = [];
    const bundler = createNoticeBundler<number>((items) => deliveries.push(items), 30_000);
    bundler.push(1);
    bundler.push(2);
    bundler.clear();
    vi.advanceTimersByTime(60_000);
    expect(deliveries).toEqual([[1]]);
  });
});

describe('callback notices store', () => {
  it('shows one notice in the app, bundles the rest of the interval into one', () => {
    const store = useCallbackNoticesStore();
    store.start();
    notify(1, 'toegewezen_aan_groep');
    expect(store.notice?.text).toBe('callbacks.notify.one.toegewezen_aan_groep {"klant":"Klant 1","vraag":"Bellen"}');
    expect(store.notice?.callbackId).toBe(CB(1));
    notify(2);
    notify(3, 'te_laat');
    notify(0, 'vandaag');
    expect(store.notice?.callbackId).toBe(CB(1));
    vi.advanceTimersByTime(NOTICE_INTERVAL_MS);
    expect(store.notice?.text).toBe('callbacks.notify.many {"n":3}');
    expect(store.notice?.callbackId).toBeNull();
  });

  it('an unknown caller is named as such', () => {
    const store = useCallbackNoticesStore();
    store.start();
    notify(0, 'vandaag');
    expect(store.notice?.text).toContain('"klant":"callbacks.unknownKlant"');
  });

  it('desktop notifications only after the clerk allowed them; asked once', async () => {
    const store = useCallbackNoticesStore();
    store.start();
    expect(store.offerDesktop).toBe(true);
    notify(1);
    expect(FakeNotification.shown).toEqual([]);
    await store.allowDesktop();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(store.offerDesktop).toBe(false);
    vi.advanceTimersByTime(NOTICE_INTERVAL_MS);
    notify(2);
    expect(FakeNotification.shown).toEqual([{ title: 'callbacks.notify.desktopTitle', body: expect.stringContaining('Klant 2') }]);
    // A new store on this workstation (a restart) does not ask again.
    setActivePinia(createPinia());
    expect(useCallbackNoticesStore().offerDesktop).toBe(false);
  });

  it('declining is remembered too; a denied permission is never asked', () => {
    const store = useCallbackNoticesStore();
    store.declineDesktop();
    setActivePinia(createPinia());
    expect(useCallbackNoticesStore().offerDesktop).toBe(false);
    user.value = { id: 'bianca.de.vries' };
    setActivePinia(createPinia());
    FakeNotification.permission = 'denied';
    expect(useCallbackNoticesStore().offerDesktop).toBe(false);
  });

  it('muted: nothing shown, nothing waiting; remembered per user', () => {
    const store = useCallbackNoticesStore();
    store.start();
    notify(1);
    notify(2);
    store.setMuted(true);
    expect(store.notice).toBeNull();
    vi.advanceTimersByTime(NOTICE_INTERVAL_MS * 2);
    notify(3);
    expect(store.notice).toBeNull();

    setActivePinia(createPinia());
    expect(useCallbackNoticesStore().muted).toBe(true);
    user.value = { id: 'bianca.de.vries' };
    setActivePinia(createPinia());
    const bianca = useCallbackNoticesStore();
    expect(bianca.muted).toBe(false);
    bianca.start();
    notify(4);
    expect(bianca.notice?.callbackId).toBe(CB(4));
  });

  it('opening a notice opens that callback in the work queue, a bundle the queue', async () => {
    const store = useCallbackNoticesStore();
    await store.openNotice({ callbackId: CB(1) });
    expect(push).toHaveBeenLastCalledWith({ name: 'terugbelverzoeken', query: { open: CB(1) } });
    await store.openNotice({ callbackId: null });
    expect(push).toHaveBeenLastCalledWith({ name: 'terugbelverzoeken', query: {} });
  });
});
