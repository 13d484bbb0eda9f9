/**
 * Open contacts (drafts). Every open contact is a draft in the core's SQLite, autosaved as the
 * clerk types (debounced) and restored on start (`drafts.list`), so a crash, a restart, a
 * dropped call or a locked screen loses nothing. Several can be open at once (two chats); one
 * is active. Finishing turns every vraag into its own klantcontact in one transaction.
 *
 * Other parts call `startContact` (Ctrl+N, screen-pop) to open a new contact.
 */
import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import type { ContactItem } from '../../../shared/contract';
import type { DraftContent, DraftVraag } from '../../../shared/contract/areas/drafts';
import { client } from '../api';
import { messageOf } from '../lib/errors';
import { useConsultedStore } from './consulted';

export const AUTOSAVE_DELAY_MS = 300;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface StartContactInput {
  kanaal: string;
  /** null: an unknown caller (screen-pop without a match, or a contact without a customer). */
  customerId: string | null;
  customerNaam?: string | null;
  bellerNaam?: string;
  bellerNummer?: string;
}

let keyCounter = 0;
const newKey = () => `v${Date.now().toString(36)}${(keyCounter++).toString(36)}`;

export function emptyVraag(): DraftVraag {
  return { key: newKey(), onderwerp: '', inhoud: '', gespreksresultaat: '', afdeling: '', zaakIds: [] };
}

/** Nothing typed yet: such a draft is not worth keeping when the clerk moves on. */
export function isPristine(d: DraftContent): boolean {
  return (
    !d.bellerNaam &&
    !d.bellerNummer &&
    d.vragen.every((v) => !v.onderwerp && !v.inhoud && !v.gespreksresultaat && !v.afdeling && v.zaakIds.length === 0)
  );
}

const snapshot = (d: DraftContent) => JSON.stringify(d);

export const useContactsStore = defineStore('contacts', () => {
  const open = ref<DraftContent[]>([]);
  const activeId = ref<string | null>(null);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  /** The last "registered" / "closed" message: still shown when its contact's form is gone. */
  const lastMessage = ref('');
  const saveState = reactive<Record<string, SaveState>>({});
  const saveError = reactive<Record<string, string>>({});
  const savedAt = reactive<Record<string, string>>({});
  /** Drafts that exist in the core (saved at least once). */
  const persisted = reactive(new Set<string>());
  const lastSaved = new Map<string, string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<string, Promise<void>>();
  /** Finished in the core, not yet closed here: never saved again (that would recreate the draft). */
  const finished = new Set<string>();

  const active = computed(() => open.value.find((d) => d.id === activeId.value) ?? null);
  /** What the tabs show: everything saved, plus the active one. */
  const tabs = computed(() => open.value.filter((d) => persisted.has(d.id) || d.id === activeId.value || !isPristine(d)));

  let loading: Promise<void> | null = null;

  /** Restores every open draft once (concurrent callers share the one request). */
  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= doLoad().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function doLoad(): Promise<void> {
    try {
      const drafts = await client.drafts.list({});
      for (const d of drafts) {
        const { updatedAt, ...content } = d;
        if (open.value.some((o) => o.id === content.id)) continue;
        open.value.push(content);
        persisted.add(content.id);
        lastSaved.set(content.id, snapshot(content));
        saveState[content.id] = 'saved';
        savedAt[content.id] = updatedAt;
      }
      loaded.value = true;
      loadError.value = null;
    } catch (error) {
      loadError.value = messageOf(error, 'Open contacten konden niet worden geladen.');
    }
  }

  function get(id: string): DraftContent | null {
    return open.value.find((d) => d.id === id) ?? null;
  }

  async function saveNow(id: string): Promise<void> {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    await inFlight.get(id);
    const draft = get(id);
    if (!draft || finished.has(id)) return;
    const snap = snapshot(draft);
    if (lastSaved.get(id) === snap) return;
    saveState[id] = 'saving';
    const task = client.drafts
      .save(JSON.parse(snap) as DraftContent)
      .then((result) => {
        persisted.add(id);
        lastSaved.set(id, snap);
        savedAt[id] = result.updatedAt;
        delete saveError[id];
        // Typing may have gone on while this was on its way.
        const now = get(id);
        saveState[id] = now && snapshot(now) !== snap ? 'pending' : 'saved';
      })
      .catch((error: unknown) => {
        saveState[id] = 'error';
        saveError[id] = messageOf(error, 'Concept niet opgeslagen.');
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, task);
    await task;
  }

  function scheduleSave(id: string): void {
    const existing = timers.get(id);
    if (existing) clearTimeout(existing);
    saveState[id] = 'pending';
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        void saveNow(id);
      }, AUTOSAVE_DELAY_MS),
    );
  }

  // Autosave: any change to an open contact is written soon after the clerk stops typing.
  watch(
    open,
    (list) => {
      for (const d of list) {
        if (finished.has(d.id)) continue;
        if (lastSaved.get(d.id) === snapshot(d)) continue;
        if (!persisted.has(d.id) && isPristine(d)) continue;
        scheduleSave(d.id);
      }
    },
    { deep: true },
  );

  /** Writes every pending draft at once (leaving the page, locking the screen). */
  async function flushAll(): Promise<void> {
    await Promise.all([...timers.keys()].map((id) => saveNow(id)));
  }

  function makeDraft(input: StartContactInput): DraftContent {
    return {
      id: crypto.randomUUID(),
      customerId: input.customerId,
      customerNaam: input.customerNaam ?? null,
      kanaal: input.kanaal,
      bellerNaam: input.bellerNaam ?? '',
      bellerNummer: input.bellerNummer ?? '',
      startedAt: new Date().toISOString(),
      vragen: [emptyVraag()],
    };
  }

  /** Leaving a contact nobody typed in: it goes away (and from the core if it was saved). */
  function dropIfPristine(id: string | null): void {
    if (!id) return;
    const d = get(id);
    if (!d || !isPristine(d) || persisted.has(id)) return;
    open.value = open.value.filter((o) => o.id !== id);
  }

  function activate(id: string): void {
    if (activeId.value === id) return;
    const previous = activeId.value;
    activeId.value = id;
    dropIfPristine(previous);
  }

  /**
   * Opens a new contact and makes it the active one. Saved at once: a screen-pop's caller
   * number must survive even if nothing is typed before a crash. Returns the draft id.
   */
  function startContact(input: StartContactInput): string {
    const draft = makeDraft(input);
    open.value.push(draft);
    activate(draft.id);
    void saveNow(draft.id).then(() => undefined);
    // Saved even while pristine: mark so the watcher keeps it.
    persisted.add(draft.id);
    return draft.id;
  }

  /**
   * The contact to show with a customer: the active one when it is theirs, else their latest
   * open one, else a fresh one that is kept once the clerk types in it.
   */
  function ensureFor(customerId: string, customerNaam: string, kanaal: string): string {
    const current = active.value;
    if (current && current.customerId === customerId) return current.id;
    const theirs = [...open.value].reverse().find((d) => d.customerId === customerId);
    if (theirs) {
      activate(theirs.id);
      return theirs.id;
    }
    const draft = makeDraft({ kanaal, customerId, customerNaam });
    open.value.push(draft);
    activate(draft.id);
    return draft.id;
  }

  function addVraag(id: string): DraftVraag | null {
    const d = get(id);
    if (!d || d.vragen.length >= 20) return null;
    const vraag = emptyVraag();
    d.vragen.push(vraag);
    return vraag;
  }

  function removeVraag(id: string, key: string): void {
    const d = get(id);
    if (!d || d.vragen.length <= 1) return;
    d.vragen = d.vragen.filter((v) => v.key !== key);
  }

  function forget(id: string): void {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    persisted.delete(id);
    lastSaved.delete(id);
    delete saveState[id];
    delete saveError[id];
    delete savedAt[id];
    const index = open.value.findIndex((d) => d.id === id);
    open.value = open.value.filter((d) => d.id !== id);
    if (activeId.value === id) {
      const next = open.value[Math.min(index, open.value.length - 1)] ?? null;
      activeId.value = next?.id ?? null;
    }
  }

  /** Every vraag becomes its own klantcontact; the draft disappears in the same transaction. */
  async function finish(id: string): Promise<ContactItem[]> {
    const d = get(id);
    if (!d) throw new Error('Dit contact is al afgerond.');
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    await inFlight.get(id);
    if (d.vragen.every((v) => v.callbackId)) {
      // Every vraag went out as a terugbelverzoek: nothing left to register, the draft goes.
      await client.drafts.discard({ id });
      useConsultedStore().clear(id);
      finished.add(id);
      return [];
    }
    const result = await client.contacts.finish({
      draftId: d.id,
      customerId: d.customerId,
      kanaal: d.kanaal,
      bellerNaam: d.customerId === null ? d.bellerNaam : '',
      bellerNummer: d.customerId === null ? d.bellerNummer : '',
      startedAt: d.startedAt,
      // A vraag that became a terugbelverzoek is registered already (with its own klantcontact).
      vragen: d.vragen.filter((v) => !v.callbackId).map((v) => ({
        onderwerp: v.onderwerp,
        inhoud: v.inhoud,
        gespreksresultaat: v.gespreksresultaat,
        afdeling: v.afdeling,
        zaakIds: v.zaakIds,
      })),
      // Kennisbank articles consulted and "antwoord gevonden" (issue 4).
      ...useConsultedStore().forFinish(d.id),
    });
    useConsultedStore().clear(id);
    // The caller closes it (`close`) once it has told the clerk: its form may still be on screen.
    finished.add(id);
    return result.contacts;
  }

  /** Removes a finished contact from the open ones. */
  function close(id: string): void {
    finished.delete(id);
    forget(id);
  }

  /** Closes an open contact without registering it (the clerk confirmed). */
  async function discard(id: string): Promise<void> {
    if (persisted.has(id)) await client.drafts.discard({ id });
    forget(id);
  }

  /** The next or previous open contact (Alt+PageDown / Alt+PageUp). */
  function cycle(step: 1 | -1): DraftContent | null {
    const list = tabs.value;
    if (list.length === 0) return null;
    const index = list.findIndex((d) => d.id === activeId.value);
    const next = list[(index + step + list.length) % list.length] ?? null;
    if (next) activate(next.id);
    return next;
  }

  return {
    open,
    tabs,
    activeId,
    active,
    loaded,
    loadError,
    lastMessage,
    saveState,
    saveError,
    savedAt,
    load,
    get,
    startContact,
    ensureFor,
    activate,
    addVraag,
    removeVraag,
    finish,
    close,
    discard,
    flushAll,
    saveNow,
    cycle,
  };
});
