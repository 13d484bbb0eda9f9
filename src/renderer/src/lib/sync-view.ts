/** The sync status in words and a tone (SyncIndicator.vue); never "connected" with work waiting. */
import type { SyncStatus } from '../../../shared/contract';
import { formatTime } from './format';

export type SyncTone = 'ok' | 'busy' | 'waiting' | 'offline' | 'unknown';

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

export function syncView(s: SyncStatus, t: Translate, locale: string): { tone: SyncTone; label: string } {
  if (s.state === 'syncing' && s.progress) {
    const n = (v: number) => v.toLocaleString(locale);
    const { done, total } = s.progress;
    return { tone: 'busy', label: total ? t('sync.progress', { done: n(done), total: n(total) }) : t('sync.progressUnknown', { done: n(done) }) };
  }
  if (s.state === 'syncing' && s.sending) return { tone: 'busy', label: t('sync.sending', { done: s.sending.done, total: s.sending.total }) };
  if (s.state === 'syncing') return { tone: 'busy', label: t('sync.syncing') };
  // Work waiting says when it goes next.
  const next = s.nextAttemptAt ? `, ${t('sync.nextAttempt', { time: formatTime(s.nextAttemptAt, locale) })}` : '';
  if (s.state === 'offline') {
    const since = s.offlineSince ? t('sync.offlineSince', { time: formatTime(s.offlineSince, locale) }) : t('sync.offline');
    return { tone: 'offline', label: `${since} — ${t('sync.pending', { n: s.pending }, s.pending)}${next}` };
  }
  if (s.state === 'waiting') return { tone: 'waiting', label: `${t('sync.waiting')}${next}` };
  return { tone: 'ok', label: t('sync.connected') };
}
