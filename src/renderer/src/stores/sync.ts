/** The connection to the zaaksysteem and the outbox (sync.status op + event). */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncStatus } from '../../../shared/contract';
import { client, onMissedEvents, onStreamState, type StreamState } from '../api';
import { messageOf } from '../lib/errors';

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  const error = ref<string | null>(null);
  /** The push channel from the core (browser host: the SSE stream). */
  const stream = ref<StreamState>('connecting');
  let started = false;

  async function refresh(): Promise<void> {
    try {
      status.value = await client.sync.status({});
      error.value = null;
    } catch (e) {
      error.value = messageOf(e, 'De synchronisatiestatus is niet beschikbaar.');
    }
  }

  function start(): void {
    if (started) return;
    started = true;
    client.events.on('sync.status', (payload) => {
      status.value = payload;
      error.value = null;
    });
    onStreamState((state) => {
      stream.value = state;
      // Events may have been missed while the stream was down: read the state again.
      if (state === 'open') void refresh();
    });
    onMissedEvents(() => void refresh());
    void refresh();
  }

  return { status, error, stream, start, refresh };
});
