/** Issue 11: the clerk reads what the sync does, in Dutch; never "Verbonden" with work waiting. */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import nl from '../../../src/renderer/src/i18n/nl';
import { syncView } from '../../../src/renderer/src/lib/sync-view';
import type { SyncStatus } from '../../../src/shared/contract';

const { t } = createI18n({ legacy: false, locale: 'nl', messages: { nl } }).global;
const base: SyncStatus = { state: 'idle', pending: 0, failed: 0, offlineSince: null, lastSyncAt: null, message: null, progress: null, sending: null, nextAttemptAt: null };
const view = (s: Partial<SyncStatus>) => syncView({ ...base, ...s }, t, 'nl');

describe('the sync status in words', () => {
  it('says how far the sending is', () => {
    expect(view({ state: 'syncing', pending: 88, sending: { done: 3, total: 91 } })).toEqual({ tone: 'busy', label: 'Verzenden 3 van 91' });
  });

  it('says it waits for the zaaksysteem, and when it tries next', () => {
    expect(view({ state: 'waiting', pending: 2, nextAttemptAt: '2026-12-07T13:05:00.000Z' })).toEqual({ tone: 'waiting', label: 'Wacht op zaaksysteem, volgende poging om 14:05' });
  });

  it('offline: since when, how many wait, and the next attempt', () => {
    expect(view({ state: 'offline', pending: 91, offlineSince: '2026-12-07T13:02:00.000Z', nextAttemptAt: '2026-12-07T13:03:00.000Z' }).label).toBe(
      'Offline sinds 14:02 — 91 wachtend, volgende poging om 14:03',
    );
  });

  it('connected only when nothing waits', () => {
    expect(view({})).toEqual({ tone: 'ok', label: 'Verbonden' });
  });
});
