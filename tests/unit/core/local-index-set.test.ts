/** The workstation's working set (store/local-index-set.ts, migration 013): kept over a sign-out by URL, pruned, forgotten with the person. */
import { describe, expect, it } from 'vitest';
import { forgetCustomer } from '../../../src/main/core/privacy/forget';
import { LocalIndexSet } from '../../../src/main/core/store/local-index-set';
import { person } from '../../support/records';
import type { Store } from '../../../src/main/core/store';
import { storePerTest } from '../../support/temp-store';

let current: Store;
storePerTest((opened) => (current = opened));
const store = () => current;

describe('the working set', () => {
  it('remembers opened customers by URL, newest first; prunes entries older than the cutoff', () => {
    const set = new LocalIndexSet(store().db);
    const bert = person({ naam: 'Bert Burger' });
    const anna = person({ naam: 'Anna Jansen' });
    const bertId = store().customers.upsert(bert, '2026-12-01T08:00:00.000Z');
    const annaId = store().customers.upsert(anna, '2026-12-01T08:00:00.000Z');
    set.worked(annaId, '2026-11-20T09:00:00.000Z');
    set.worked(bertId, '2026-12-07T09:00:00.000Z');
    expect(set.since('2026-11-01T00:00:00.000Z', 10)).toEqual([bert.sourceUrl, anna.sourceUrl]);
    expect(set.since('2026-12-01T00:00:00.000Z', 10)).toEqual([bert.sourceUrl]);
    // Anna's entry is gone for good, not just filtered.
    expect(set.since('2026-11-01T00:00:00.000Z', 10)).toEqual([bert.sourceUrl]);
  });

  it('survives the sign-out purge of the rows, and goes with "Vergeet deze persoon"', () => {
    const set = new LocalIndexSet(store().db);
    const bert = person({ naam: 'Bert Burger' });
    const id = store().customers.upsert(bert, '2026-12-07T08:00:00.000Z');
    set.worked(id, '2026-12-07T09:00:00.000Z');
    forgetCustomer(store(), id);
    expect(set.since('2026-12-01T00:00:00.000Z', 10)).toEqual([]);
  });
});
