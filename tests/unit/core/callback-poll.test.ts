/**
 * A team leader's poll round (callbacks/poll.ts) on a real SQLite file, with a scripted
 * zaaksysteem: a callback handled while the round reads its lists, and one registered and
 * handled between two rounds, are both handled here after one round, without the hourly read of
 * every handled taak.
 */
import { describe, expect, it } from 'vitest';
import type { CallbackAdapter, CallbackRecord } from '../../../src/main/core/adapters/types';
import { CallbackPoll } from '../../../src/main/core/callbacks/poll';
import type { Store } from '../../../src/main/core/store';
import { storePerTest } from '../../support/temp-store';

const NOW = new Date('2026-11-25T10:00:00Z');
const queues = [{ key: 'groep:kcc', target: { soort: 'groep' as const, code: 'KCC' } }];

const record = (n: number, status: CallbackRecord['status']): CallbackRecord => ({
  sourceUrl: `http://zs.test/internetaken/${n}`,
  klantcontactUrl: `http://zs.test/klantcontacten/${n}`,
  partijUrl: null,
  klantNaam: `Klant ${n}`,
  onderwerp: null,
  vraag: `Vraag ${n}`,
  toelichting: status === 'verwerkt' ? 'Notitie\n--- Klantbeeld ---\n» Afgehandeld: Klant geholpen (Kevin Mulder, 25-11-2026)' : 'Notitie',
  status,
  toegewezenAan: [{ soort: 'groep', code: 'KCC', naam: 'Klantcontactcentrum' }],
  toegewezenOp: '2026-11-24T09:00:00Z',
  afgehandeldOp: status === 'verwerkt' ? NOW.toISOString() : null,
  ontvangenOp: '2026-11-24T09:00:00Z',
  aangemaaktDoor: 'Bianca de Vries',
  telefoonnummers: [],
  emailadressen: [],
});

/** The zaaksysteem as each list reads at its moment in the round. */
interface Script {
  queue: CallbackRecord[];
  open: CallbackRecord[];
  handledPage: CallbackRecord[];
  now: Map<string, CallbackRecord>;
}

function adapterFor(script: Script, calls: string[]): CallbackAdapter {
  return {
    listWorkQueue: async () => script.queue,
    listTaken: async (status: string, pages?: number) => {
      calls.push(`listTaken ${status} ${pages ?? 'all'}`);
      return status === 'te_verwerken' ? script.open : pages === undefined ? [...script.now.values()].filter((r) => r.status === 'verwerkt') : script.handledPage;
    },
    fetchTaken: async (urls: readonly string[]) => {
      calls.push(`fetchTaken ${urls.length}`);
      return urls.flatMap((u) => (script.now.has(u) ? [script.now.get(u)!] : []));
    },
    listAttempts: async () => [],
  } as unknown as CallbackAdapter;
}

let store: Store;
storePerTest((opened) => (store = opened));

const handledHere = () =>
  store.callbacks.list({ status: 'afgehandeld', queues: null, today: '2026-11-25', sort: 'deadline', richting: 'op', limit: 500 }).rows.map((r) => r.source_url);
const openHere = () => store.callbacks.list({ status: 'open', queues: null, today: '2026-11-25', sort: 'deadline', richting: 'op', limit: 500 }).rows.map((r) => r.source_url);

describe("a team leader's poll round", () => {
  it('a callback handled while the round reads its lists (open in my groep\'s list, gone from alle) is handled after that round', async () => {
    const poll = new CallbackPoll(store, undefined, () => NOW);
    const calls: string[] = [];
    const open = record(1, 'te_verwerken');
    await poll.run(adapterFor({ queue: [open], open: [open], handledPage: [], now: new Map([[open.sourceUrl, open]]) }, calls), queues, true);
    expect(openHere()).toEqual([open.sourceUrl]);
    // Next round: the groep's list is read before Kevin handles it, `alle` after; it is not on the newest handled page.
    const handled = record(1, 'verwerkt');
    calls.length = 0;
    await poll.run(adapterFor({ queue: [open], open: [], handledPage: [], now: new Map([[open.sourceUrl, handled]]) }, calls), queues, true);
    expect(openHere()).toEqual([]);
    expect(handledHere()).toEqual([open.sourceUrl]);
    expect(calls).toEqual(['listTaken te_verwerken all', 'listTaken verwerkt 1', 'fetchTaken 1']);
  });

  it('a callback registered and handled between two rounds (never open here) is in the handled list after the next round, from the newest handled page', async () => {
    const poll = new CallbackPoll(store, undefined, () => NOW);
    const calls: string[] = [];
    await poll.run(adapterFor({ queue: [], open: [], handledPage: [], now: new Map() }, calls), queues, true);
    expect(calls).toEqual(['listTaken te_verwerken all', 'listTaken verwerkt all']);
    const quick = record(2, 'verwerkt');
    calls.length = 0;
    await poll.run(adapterFor({ queue: [], open: [], handledPage: [quick], now: new Map([[quick.sourceUrl, quick]]) }, calls), queues, true);
    expect(handledHere()).toEqual([quick.sourceUrl]);
    expect(store.callbacks.list({ status: 'afgehandeld', queues: null, today: '2026-11-25', sort: 'deadline', richting: 'op', limit: 1 }).rows[0]).toMatchObject({ resultaat: 'Klant geholpen', klant_naam: 'Klant 2' });
    // Not the whole handled list: that stays hourly.
    expect(calls).toEqual(['listTaken te_verwerken all', 'listTaken verwerkt 1']);
  });
});
