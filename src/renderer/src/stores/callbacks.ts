/**
 * What every callbacks screen shares: the options of the forms (teams, colleagues, results,
 * vragensets; read once) and the open counts for the navigation and the queue tabs, refreshed
 * whenever the core says callbacks changed.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { CallbackList, CallbackOptions } from '../../../shared/contract/areas/callbacks';
import { FRONT_OFFICE } from '../../../shared/roles';
import { client, onMissedEvents } from '../api';
import { messageOf } from '../lib/errors';
import { failure, idle, loading, success, type ServiceData } from '../lib/service-data';
import { useSessionStore } from './session';

export type Queue = 'mine' | 'groups' | 'all';

export const useCallbacksStore = defineStore('callbacks', () => {
  const session = useSessionStore();
  const options = shallowRef<ServiceData<CallbackOptions>>(idle());
  const counts = ref<CallbackList['counts'] | null>(null);
  /** Overdue in the queue the clerk works from (all for a teamleider, else my groepen). */
  const overdue = ref<number | null>(null);
  let off: (() => void) | null = null;

  const isTeamleider = computed(() => session.user?.roles.includes('teamleider') ?? false);
  /** Only the front office works with callbacks (the core refuses the others). */
  const worksWithCallbacks = computed(() => session.user?.roles.some((r) => FRONT_OFFICE.includes(r)) ?? false);
  const workQueue = computed<Queue>(() => (isTeamleider.value ? 'all' : 'groups'));

  async function loadOptions(force = false): Promise<void> {
    if (!force && (options.value.state === 'success' || options.value.state === 'loading')) return;
    options.value = loading();
    try {
      options.value = success(await client.callbacks.options({}));
    } catch (e) {
      options.value = failure(messageOf(e, 'De keuzes voor terugbelverzoeken konden niet worden geladen.'));
    }
  }

  async function refreshCounts(): Promise<void> {
    if (!worksWithCallbacks.value) return;
    try {
      const list = await client.callbacks.list({ queue: workQueue.value, urgentie: 'te_laat' });
      counts.value = list.counts;
      overdue.value = list.total;
    } catch {
      // The navigation keeps its last counts; the queue view shows the error itself.
    }
  }

  function start(): void {
    if (off) return;
    off = client.events.on('callbacks.changed', () => void refreshCounts());
    onMissedEvents(() => void refreshCounts());
    // The queue to count depends on the role, known once app.info answered.
    watch([workQueue, worksWithCallbacks], () => void refreshCounts(), { immediate: true });
  }

  const optionsData = computed(() => (options.value.state === 'success' ? options.value.data : null));
  const vragensetOf = (team: string) => optionsData.value?.vragensets.find((s) => s.team === team)?.vragen ?? [];

  return { options, optionsData, counts, overdue, isTeamleider, workQueue, loadOptions, refreshCounts, start, vragensetOf };
});
