/**
 * Screen-pop in the window: the core pushes `screenpop` (from a klantbeeld:// link, a second
 * start or the loopback endpoint). Exactly one match: open that customer with a new telephone
 * contact. Several: show the candidates (/inkomend); the clerk picks one. None: a telephone
 * contact with an unknown caller (number only, no partij; home view). The contact itself is the contacts
 * store's (startContact).
 */
import { defineStore } from 'pinia';
import { nextTick, ref } from 'vue';
import type { CustomerSummary, ScreenPop } from '../../../shared/contract';
import { client } from '../api';
import { router } from '../router';
import { useContactsStore } from './contacts';

export const SCREENPOP_KANAAL = 'telefoon';

export const useScreenPopStore = defineStore('screenpop', () => {
  /** The last incoming call, for the candidates view and the announcement. */
  const last = ref<ScreenPop | null>(null);
  /** Counts pops, so the same announcement text is still read out again. */
  const count = ref(0);
  let started = false;

  async function openCustomer(pop: ScreenPop, customer: CustomerSummary): Promise<void> {
    const contacts = useContactsStore();
    await contacts.load();
    contacts.startContact({ kanaal: SCREENPOP_KANAAL, customerId: customer.id, customerNaam: customer.naam, bellerNummer: pop.nummer });
    await router.push({ name: 'klant', params: { id: customer.id } });
  }

  async function handle(pop: ScreenPop): Promise<void> {
    last.value = pop;
    count.value++;
    const only = pop.customerId ? pop.candidates.find((c) => c.id === pop.customerId) : undefined;
    if (only) {
      await openCustomer(pop, only);
    } else if (pop.candidates.length > 1) {
      await router.push({ name: 'inkomend' });
    } else {
      const contacts = useContactsStore();
      await contacts.load();
      contacts.startContact({ kanaal: SCREENPOP_KANAAL, customerId: null, bellerNummer: pop.nummer });
      // The unknown caller's contact is worked on in the home view: its top in sight, the caller's name to ask first.
      await router.push({ name: 'home' });
      await nextTick();
      // After the router has moved focus to the view's heading (one frame), bring the form's top back.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      document.getElementById('main')?.scrollTo({ top: 0 });
      (document.getElementById('contact-beller-naam') ?? document.getElementById('contact-onderwerp'))?.focus({ preventScroll: true });
    }
  }

  /** The clerk chose one of several candidates. */
  async function choose(customer: CustomerSummary): Promise<void> {
    if (last.value) await openCustomer(last.value, customer);
  }

  function start(): void {
    if (started) return;
    started = true;
    client.events.on('screenpop', (pop) => void handle(pop));
  }

  return { last, count, handle, choose, start };
});
