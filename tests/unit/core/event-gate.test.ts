/** Pushes are held back while signed out or locked; only auth.changed (for the lock screen) passes. */
import { describe, expect, it } from 'vitest';
import { gateEvents } from '../../../src/main/core/event-gate';
import { EventBus } from '../../../src/main/core/events';

describe('gateEvents', () => {
  it('holds back personal events while the session is not open, lets auth.changed through', () => {
    const bus = new EventBus();
    let open = false;
    const seen: string[] = [];
    bus.on(gateEvents((name) => seen.push(name), () => open));
    bus.emit('customer.refreshed', { customerId: 'c1', at: '2026-11-28T10:00:00.000Z', ok: true, message: null });
    bus.emit('callbacks.changed', { at: '2026-11-28T10:00:00.000Z', reason: 'poll' });
    bus.emit('auth.changed', {} as never);
    expect(seen).toEqual(['auth.changed']);
    open = true;
    bus.emit('customer.refreshed', { customerId: 'c1', at: '2026-11-28T10:00:00.000Z', ok: true, message: null });
    expect(seen).toEqual(['auth.changed', 'customer.refreshed']);
  });
});
