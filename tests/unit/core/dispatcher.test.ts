import { describe, expect, it, vi } from 'vitest';
import { contract, operationNames, type UserInfo } from '../../../src/shared/contract';
import { ROLES } from '../../../src/shared/roles';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { ServiceError } from '../../../src/main/core/errors';

const kennisStubs: Pick<Handlers, `kennis.${string}` & keyof Handlers> = {
  'kennis.search': () => ({ hits: [], total: 0 }),
  'kennis.get': () => {
    throw new ServiceError('not_found', 'Niet gevonden.');
  },
  'kennis.used': () => ({ ok: true }),
  'kennis.news': () => [],
  'kennis.markRead': () => ({ ok: true }),
  'kennis.feedback': () => {
    throw new ServiceError('not_found', 'Niet gevonden.');
  },
  'kennis.feedbackList': () => [],
  'kennis.synonyms': () => [],
  'kennis.upsertSynonyms': (input) => ({ groep: input.groep ?? 1, termen: input.termen }),
  'kennis.syncStatus': () => ({ source: 'x', lastSyncAt: null, count: 0, error: null }),
};

const CUSTOMER = '3f1c1a56-5d8e-4a43-9a4b-0d8d2f6e9b11';

/** Every operation answers "not found" unless a test or the list below says otherwise. */
const notFound = Object.fromEntries(
  operationNames.map((name) => [
    name,
    () => {
      throw new ServiceError('not_found', 'Niet gevonden.');
    },
  ]),
) as unknown as Handlers;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ...notFound,
    'app.info': () => ({ version: '1', user: { id: 'u', naam: 'U', roles: ['kcc'] }, dataSource: { kind: 'demo', label: 'x' }, kanalen: ['telefoon'] }),
    'customers.search': () => ({ results: [] }),
    'customers.open': () => {
      throw new ServiceError('not_found', 'Niet gevonden.');
    },
    'customers.searchRemote': () => ({ results: [], searched: false }),
    'customers.revealBsn': () => ({ bsn: null }),
    'customers.screenPop': () => ({ nummer: '+31612345678', customerId: null, candidates: [], at: '2026-11-28T10:00:00.000Z' }),
    'zaken.detail': () => {
      throw new ServiceError('not_found', 'Niet gevonden.');
    },
    'zaken.document': () => {
      throw new ServiceError('not_found', 'Niet gevonden.');
    },
    'contacts.register': () => {
      throw new Error('boom');
    },
    ...kennisStubs,
    'sync.status': () => ({ state: 'idle', pending: 0, failed: 0, offlineSince: null, lastSyncAt: null, message: null }),
    'contacts.finish': () => ({ contacts: [] }),
    'drafts.save': (input) => ({ id: input.id, updatedAt: '2026-11-28T10:00:00.000Z' }),
    'drafts.list': () => [],
    'drafts.discard': (input) => ({ id: input.id, discarded: false }),
    'zaken.zaaktypen': () => ({ zaaktypen: [], fetchedAt: null, message: null }),
    'zaken.start': () => {
      throw new ServiceError('not_found', 'Niet gevonden.');
    },
    ...overrides,
  };
}

const as = (...roles: UserInfo['roles']): UserInfo => ({ id: 'u', naam: 'U', roles });

describe('dispatcher', () => {
  it('refuses an unknown operation', async () => {
    const d = new Dispatcher(handlers(), () => as('kcc'), () => {});
    expect(await d.dispatch('customers.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await d.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('checks the role before anything else and touches nothing when refused', async () => {
    const search = vi.fn(() => ({ results: [] }));
    const d = new Dispatcher(handlers({ 'customers.search': search }), () => as('kennisredacteur'), () => {});
    expect(await d.dispatch('customers.search', { query: 'bert' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'U heeft geen toegang tot deze handeling (customers.search).' },
    });
    expect(search).not.toHaveBeenCalled();
  });

  it('walks every operation × role against the contract', async () => {
    for (const name of operationNames) {
      for (const role of ROLES) {
        const d = new Dispatcher(handlers(), () => as(role), () => {});
        const result = await d.dispatch(name, {});
        const allowed = contract[name].roles.includes(role);
        if (!allowed) expect(result, `${name} as ${role}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        else expect(result.ok || result.error.code !== 'forbidden', `${name} as ${role}`).toBe(true);
      }
    }
  });

  it('returns per-field issues for invalid input and never calls the service', async () => {
    const register = vi.fn();
    const d = new Dispatcher(handlers({ 'contacts.register': register }), () => as('kcc'), () => {});
    const result = await d.dispatch('contacts.register', { customerId: 'not-a-uuid', kanaal: '', onderwerp: 'x'.repeat(201) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['customerId', 'kanaal', 'onderwerp']);
    expect(register).not.toHaveBeenCalled();
  });

  it('rejects unknown fields and control characters', async () => {
    const d = new Dispatcher(handlers(), () => as('kcc'), () => {});
    expect(await d.dispatch('customers.search', { query: 'bert', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await d.dispatch('customers.search', { query: 'be\u0000rt' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await d.dispatch('customers.search', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes service errors through and hides unexpected ones', async () => {
    const log = vi.fn();
    const d = new Dispatcher(handlers(), () => as('kcc'), log);
    expect(await d.dispatch('customers.open', { customerId: CUSTOMER })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Niet gevonden.' } });
    const internal = await d.dispatch('contacts.register', { customerId: CUSTOMER, kanaal: 'telefoon', onderwerp: 'Vraag' });
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('boom');
    expect(log).toHaveBeenCalled();
  });

  it('refuses output that breaks the contract', async () => {
    const d = new Dispatcher(handlers({ 'customers.search': () => ({ results: [{ id: 'x' }] }) as never }), () => as('kcc'), () => {});
    expect(await d.dispatch('customers.search', { query: 'b' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('applies input defaults and transforms', async () => {
    const search = vi.fn(() => ({ results: [] }));
    const d = new Dispatcher(handlers({ 'customers.search': search }), () => as('balie'), () => {});
    await d.dispatch('customers.search', { query: '  Burger  ' });
    expect(search).toHaveBeenCalledWith({ query: 'Burger', limit: 20 }, expect.anything());
  });
});
