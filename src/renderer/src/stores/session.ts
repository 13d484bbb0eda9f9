/** Who is signed in and what the app offers (app.info). */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OperationOutput } from '../../../shared/contract';
import { client } from '../api';
import { messageOf } from '../lib/errors';
import { failure, idle, loading, success, type ServiceData } from '../lib/service-data';

export type AppInfo = OperationOutput<'app.info'>;

export const useSessionStore = defineStore('session', () => {
  const info = ref<ServiceData<AppInfo>>(idle());

  async function load(): Promise<void> {
    info.value = loading();
    try {
      info.value = success(await client.app.info({}));
    } catch (error) {
      info.value = failure(messageOf(error, 'Klantbeeld is niet bereikbaar.'));
    }
  }

  const data = computed(() => (info.value.state === 'success' ? info.value.data : null));
  const user = computed(() => data.value?.user ?? null);
  const kanalen = computed(() => data.value?.kanalen ?? []);
  const gespreksresultaten = computed(() => data.value?.gespreksresultaten ?? []);
  const afdelingen = computed(() => data.value?.afdelingen ?? []);
  const terugbelTeams = computed(() => data.value?.terugbelTeams ?? []);
  /** The kanaal a new contact starts with: the role's or workstation's (config kanaal.standaard), else telephone. */
  const defaultKanaal = computed(() => {
    const standaard = data.value?.standaardKanaal;
    if (standaard && kanalen.value.includes(standaard)) return standaard;
    return kanalen.value.includes('telefoon') ? 'telefoon' : (kanalen.value[0] ?? '');
  });

  return { info, user, kanalen, gespreksresultaten, afdelingen, terugbelTeams, defaultKanaal, dataSource: computed(() => data.value?.dataSource ?? null), load };
});
