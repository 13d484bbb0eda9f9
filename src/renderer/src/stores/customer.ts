/**
 * The open customer: the cached picture at once (customers.open), a background refresh that
 * arrives as `customer.refreshed`, and sync-state updates of registered contacts. Updates are
 * applied in place; the view never falls back to empty while something newer is on its way.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContactItem, CustomerPicture, EventPayload, OperationInput } from '../../../shared/contract';
import { client, onMissedEvents, onStreamState } from '../api';
import { messageOf } from '../lib/errors';
import { failure, idle, loading, success, type ServiceData } from '../lib/service-data';

type SyncUpdate = Pick<ContactItem, 'syncState' | 'syncError'>;
export type RegisterInput = Omit<OperationInput<'contacts.register'>, 'customerId'>;

const newestFirst = (a: ContactItem, b: ContactItem) => Date.parse(b.plaatsgevondenOp) - Date.parse(a.plaatsgevondenOp);

export const useCustomerStore = defineStore('customer', () => {
  const customerId = ref<string | null>(null);
  const picture = ref<ServiceData<CustomerPicture>>(idle());
  /** A background refresh from the zaaksysteem is running for this customer. */
  const refreshing = ref(false);
  const refreshError = ref<string | null>(null);
  /** Sync states that arrived before the contact itself (a fast outbox can beat the reply). */
  const earlySync = new Map<string, SyncUpdate>();
  let inFlight = 0;
  let reloadAfterFlight = false;
  /** Counts `customer.refreshed` for the open customer: one that beats the open's reply ends the spinner. */
  let refreshEvents = 0;
  let started = false;

  const current = computed(() => (picture.value.state === 'success' ? picture.value.data : null));
  const contacts = computed(() => [...(current.value?.contacts ?? [])].sort(newestFirst));

  function withEarlySync(item: ContactItem): ContactItem {
    const update = earlySync.get(item.id);
    if (!update) return item;
    earlySync.delete(item.id);
    return { ...item, ...update };
  }

  async function fetchPicture(id: string, refresh: boolean): Promise<void> {
    inFlight++;
    const eventsBefore = refreshEvents;
    try {
      const data = await client.customers.open({ customerId: id, refresh });
      if (customerId.value !== id) return;
      picture.value = success({ ...data, contacts: data.contacts.map(withEarlySync) });
      if (refresh) refreshing.value = data.refreshing && refreshEvents === eventsBefore;
    } catch (error) {
      if (customerId.value !== id) return;
      const message = messageOf(error, 'Het klantbeeld kon niet worden geladen.');
      // Keep what is on screen; only an empty screen shows the error instead.
      if (picture.value.state === 'success') refreshError.value = message;
      else picture.value = failure(message);
    } finally {
      inFlight--;
    }
    if (inFlight === 0 && reloadAfterFlight && customerId.value === id) {
      reloadAfterFlight = false;
      await fetchPicture(id, false);
    }
  }

  /** Opens a customer: cached picture first, and asks the core to refresh it in the background. */
  async function open(id: string): Promise<void> {
    if (customerId.value === id && picture.value.state !== 'error') return;
    customerId.value = id;
    picture.value = loading();
    refreshing.value = false;
    refreshError.value = null;
    reloadAfterFlight = false;
    earlySync.clear();
    await fetchPicture(id, true);
  }

  function close(): void {
    customerId.value = null;
    picture.value = idle();
    refreshing.value = false;
    refreshError.value = null;
  }

  /** Re-reads the cached picture without asking for another remote refresh. */
  async function reload(): Promise<void> {
    const id = customerId.value;
    if (!id) return;
    if (inFlight > 0) {
      reloadAfterFlight = true;
      return;
    }
    await fetchPicture(id, false);
  }

  function onRefreshed(payload: EventPayload<'customer.refreshed'>): void {
    if (payload.customerId !== customerId.value) return;
    refreshEvents++;
    refreshing.value = false;
    // ok with a message: one of several zaaksystemen could not be read; the rest did update.
    refreshError.value = payload.message ?? (payload.ok ? null : 'Bijwerken is mislukt.');
    void reload();
  }

  function applySync(contactId: string, update: SyncUpdate): void {
    const data = current.value;
    const item = data?.contacts.find((c) => c.id === contactId);
    if (item) Object.assign(item, update);
    else earlySync.set(contactId, update);
  }

  function onContactSynced(payload: EventPayload<'contact.synced'>): void {
    if (payload.customerId !== customerId.value) return;
    applySync(payload.contactId, { syncState: payload.syncState, syncError: payload.syncError });
  }

  /** Registers a contact for the open customer; it shows at once, marked until acknowledged. */
  async function registerContact(input: RegisterInput): Promise<ContactItem> {
    const id = customerId.value;
    if (!id) throw new Error('Geen klant geopend.');
    const item = withEarlySync(await client.contacts.register({ ...input, customerId: id }));
    const data = current.value;
    if (customerId.value === id && data && !data.contacts.some((c) => c.id === item.id)) data.contacts.push(item);
    return item;
  }

  /** Contacts finished in the contact form: shown at once (marked until acknowledged). */
  function addContacts(customerIdOfItems: string, items: ContactItem[]): void {
    const data = current.value;
    if (customerId.value !== customerIdOfItems || !data) return;
    for (const item of items.map(withEarlySync)) if (!data.contacts.some((c) => c.id === item.id)) data.contacts.push(item);
  }

  /** A zaak started from the contact form: under open zaken at once, marked until acknowledged. */
  function addZaak(customerIdOfZaak: string, zaak: CustomerPicture['zaken'][number]): void {
    const data = current.value;
    if (customerId.value !== customerIdOfZaak || !data) return;
    if (!data.zaken.some((z) => z.id === zaak.id)) data.zaken.unshift(zaak);
  }

  function start(): void {
    if (started) return;
    started = true;
    client.events.on('customer.refreshed', onRefreshed);
    client.events.on('contact.synced', onContactSynced);
    // A zaak started here was acknowledged (now with its identificatie) or parked: read it again.
    client.events.on('zaak.synced', (payload) => {
      if (payload.customerId === customerId.value) void reload();
    });
    // After the push channel was down, events may be missing: read the picture again.
    let wasOpen = false;
    onStreamState((state) => {
      if (state === 'open' && wasOpen) void reload();
      if (state === 'open') wasOpen = true;
    });
    onMissedEvents(() => void reload());
  }

  return { customerId, picture, current, contacts, refreshing, refreshError, open, close, reload, registerContact, addContacts, addZaak, start };
});
