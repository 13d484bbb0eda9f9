/**
 * Notices about terugbelverzoeken (the core's `callback.notify`: assigned to me or my groep, due
 * today, overdue): an in-app notice read out by a live region and, when the clerk allowed it, a
 * desktop notification. At most one per 30 seconds; what arrives in between is bundled. The
 * clerk can mute them; that choice and "asked about desktop notifications" are kept per user on
 * this workstation (localStorage).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { EventPayload } from '../../../shared/contract';
import { client } from '../api';
import { i18n } from '../i18n';
import { createNoticeBundler } from '../lib/notice-bundler';
import { router } from '../router';
import { useSessionStore } from './session';

export const NOTICE_INTERVAL_MS = 30_000;
type Notify = EventPayload<'callback.notify'>;
export type DesktopPermission = 'unsupported' | NotificationPermission;

export interface CallbackNotice {
  /** Increases with every delivery, so the same text is announced again. */
  seq: number;
  text: string;
  /** The one callback it is about; null for a bundle. */
  callbackId: string | null;
}

interface Prefs {
  muted: boolean;
  askedDesktop: boolean;
}

const prefsKey = (userId: string) => `klantbeeld.callbackNotices.${userId}`;

function readPrefs(userId: string): Prefs {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(prefsKey(userId)) ?? '{}') as Partial<Prefs>;
    return { muted: raw.muted === true, askedDesktop: raw.askedDesktop === true };
  } catch {
    return { muted: false, askedDesktop: false };
  }
}

function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function textOf(items: Notify[]): string {
  const t = i18n.global.t;
  const [only] = items;
  if (items.length === 1 && only) {
    const klant = only.klantNaam ?? t('callbacks.unknownKlant');
    return t(`callbacks.notify.one.${only.soort}`, { klant, vraag: only.vraag });
  }
  return t('callbacks.notify.many', { n: items.length }, items.length);
}

export const useCallbackNoticesStore = defineStore('callbackNotices', () => {
  const session = useSessionStore();
  const notice = shallowRef<CallbackNotice | null>(null);
  const prefs = ref<Prefs>({ muted: false, askedDesktop: false });
  const permission = ref<DesktopPermission>(desktopPermission());
  let seq = 0;
  let off: (() => void) | null = null;

  const userId = computed(() => session.user?.id ?? null);
  watch(userId, (id) => (prefs.value = id ? readPrefs(id) : { muted: false, askedDesktop: false }), { immediate: true });

  function savePrefs(next: Prefs): void {
    prefs.value = next;
    if (!userId.value) return;
    try {
      globalThis.localStorage?.setItem(prefsKey(userId.value), JSON.stringify(next));
    } catch {
      // Storage unavailable: the choice holds for this session.
    }
  }

  function deliver(items: Notify[]): void {
    const text = textOf(items);
    const callbackId = items.length === 1 ? (items[0]?.callbackId ?? null) : null;
    notice.value = { seq: ++seq, text, callbackId };
    if (permission.value !== 'granted') return;
    const desktop = new Notification(i18n.global.t('callbacks.notify.desktopTitle'), { body: text, tag: 'klantbeeld-callbacks' });
    desktop.onclick = () => {
      globalThis.focus?.();
      void openNotice({ callbackId });
    };
  }

  const bundler = createNoticeBundler<Notify>(deliver, NOTICE_INTERVAL_MS);

  function start(): void {
    if (off) return;
    off = client.events.on('callback.notify', (payload) => {
      if (!prefs.value.muted) bundler.push(payload);
    });
  }

  function stop(): void {
    off?.();
    off = null;
    bundler.clear();
  }

  function setMuted(muted: boolean): void {
    savePrefs({ ...prefs.value, muted });
    if (muted) {
      bundler.clear();
      notice.value = null;
    }
  }

  /** Asked once, from the notice itself (a click: browsers only ask after a user gesture). */
  async function allowDesktop(): Promise<void> {
    savePrefs({ ...prefs.value, askedDesktop: true });
    if (typeof Notification === 'undefined') return;
    permission.value = await Notification.requestPermission();
  }

  function declineDesktop(): void {
    savePrefs({ ...prefs.value, askedDesktop: true });
  }

  function dismiss(): void {
    notice.value = null;
  }

  /** The callback itself in the work queue, or for a bundle the work queue. */
  async function openNotice(target: { callbackId: string | null } | null = notice.value): Promise<void> {
    const callbackId = target?.callbackId ?? null;
    await router.push({ name: 'terugbelverzoeken', query: callbackId ? { open: callbackId } : {} });
  }

  return {
    notice,
    muted: computed(() => prefs.value.muted),
    permission,
    /** Offer desktop notifications once, politely, next to the first notice. */
    offerDesktop: computed(() => permission.value === 'default' && !prefs.value.askedDesktop),
    start,
    stop,
    setMuted,
    allowDesktop,
    declineDesktop,
    dismiss,
    openNotice,
  };
});
