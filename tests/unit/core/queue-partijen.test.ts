/** The work queues' partijen join the bounded index (sync/queue-partijen.ts): read once by URL, before the poll links the callbacks. */
import { describe, expect, it } from 'vitest';
import type { ActorTarget, CallbackRecord } from '../../../src/main/core/adapters/types';
import { withQueuePartijen } from '../../../src/main/core/sync/queue-partijen';
import { ScriptedAdapter } from '../../support/fake-adapter';
import { person } from '../../support/records';

const callback = (partijUrl: string | null) => ({ sourceUrl: `http://zs.test/internetaken/${Math.random()}`, partijUrl }) as CallbackRecord;

class QueueAdapter extends ScriptedAdapter {
  queue: CallbackRecord[] = [];
  async listWorkQueue(_targets: ActorTarget[]) {
    return this.queue;
  }
  async listTaken(_status: CallbackRecord['status']) {
    return this.queue;
  }
  async fetchTaken(_urls: readonly string[]) {
    return this.queue;
  }
}

describe('work-queue partijen', () => {
  it('reads each partij a callback names that the index lacks, once; unknown callers need none', async () => {
    const adapter = new QueueAdapter();
    const bert = person({ naam: 'Bert Burger', sourceUrl: 'http://ok.test/partijen/bert' });
    const cached = new Set<string>(['http://ok.test/partijen/anna']);
    const reads: string[][] = [];
    const wrapped = withQueuePartijen(adapter, {
      cached: (url) => cached.has(url),
      read: async (urls) => {
        reads.push([...urls]);
        return [bert];
      },
      upsert: (records) => records.forEach((r) => cached.add(r.sourceUrl)),
    });
    adapter.queue = [callback('http://ok.test/partijen/bert'), callback('http://ok.test/partijen/bert'), callback('http://ok.test/partijen/anna'), callback(null)];
    expect(await wrapped.listWorkQueue([])).toHaveLength(4);
    expect(await wrapped.listTaken('te_verwerken')).toHaveLength(4);
    expect(reads).toEqual([['http://ok.test/partijen/bert']]);
    // The adapter's other methods are the adapter's own.
    expect(wrapped.fetchDossier).toBe(adapter.fetchDossier);
  });
});
