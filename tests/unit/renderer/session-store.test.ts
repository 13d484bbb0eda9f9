/** The kanaal a new contact starts with comes from app.info (config kanaal.standaard; issue 13). */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './fake-client';

const api = createFakeApi();
vi.mock('../../../src/renderer/src/api', () => ({ client: api.client }));
const { useSessionStore } = await import('../../../src/renderer/src/stores/session');

const info = (extra: Record<string, unknown>) => ({
  version: '0',
  user: { id: 'fatima', naam: 'Fatima', roles: ['balie'] },
  dataSource: { kind: 'demo', label: 'Demo' },
  kanalen: ['telefoon', 'balie', 'e-mail'],
  gespreksresultaten: [],
  afdelingen: [],
  terugbelTeams: [],
  ...extra,
});

beforeEach(() => {
  setActivePinia(createPinia());
  api.reset();
});

describe('session store: default kanaal', () => {
  it("starts a balie clerk's contact on the kanaal app.info names", async () => {
    api.client.app.info.mockResolvedValue(info({ standaardKanaal: 'balie' }));
    const session = useSessionStore();
    await session.load();
    expect(session.defaultKanaal).toBe('balie');
  });

  it('falls back to telefoon when app.info names none, or one that is not offered', async () => {
    api.client.app.info.mockResolvedValue(info({}));
    const session = useSessionStore();
    await session.load();
    expect(session.defaultKanaal).toBe('telefoon');
    api.client.app.info.mockResolvedValue(info({ standaardKanaal: 'chat' }));
    await session.load();
    expect(session.defaultKanaal).toBe('telefoon');
  });
});
