import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followSession, liveMedewerker, setupAuth, withSessionUser, workQueuesOfSession } from '../../../src/main/core/auth';
import { DEMO_ACCOUNTS } from '../../../src/main/core/auth/demo-accounts';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { EventBus } from '../../../src/main/core/events';
import { Session, type SessionUser } from '../../../src/main/core/auth/session';

const bianca: SessionUser = {
  id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl', roles: ['kcc'], groepen: ['KCC'],
  functie: 'Klantcontactmedewerker', telefoonnummer: '0512140512', via: { kind: 'lokaal', account: 'bianca' },
};
const marloes: SessionUser = { ...bianca, id: 'marloes.kuipers', naam: 'Marloes Kuipers', email: 'marloes.kuipers@turfbrug.nl', roles: ['teamleider'], via: { kind: 'lokaal', account: 'marloes' } };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const session = () => new Session({ lockMs: 600_000, warnMs: 60_000 }, () => {}, () => Date.now());

describe('Session', () => {
  it('locks itself after the idle time; activity moves the moment on', () => {
    const s = session();
    s.signIn(bianca);
    vi.advanceTimersByTime(599_000);
    s.touch();
    vi.advanceTimersByTime(599_000);
    expect(s.state).toBe('ingelogd');
    expect(s.lockAt()).toBe(Date.now() + 1_000);
    vi.advanceTimersByTime(1_000);
    expect(s.state).toBe('vergrendeld');
    expect(s.lockReason()).toBe('inactief');
    expect(s.caller()).toEqual({ refused: 'vergrendeld' });
    s.touch();
    expect(s.state).toBe('vergrendeld');
    s.unlock();
    expect(s.caller()).toEqual({ id: 'bianca.de.vries', naam: 'Bianca de Vries', roles: ['kcc'] });
  });

  it('without an idle policy (the fixed development user) never locks by itself', () => {
    const s = new Session(null, () => {});
    s.signIn(bianca);
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(s.state).toBe('ingelogd');
    expect(s.lockAt()).toBeNull();
  });

  it('runs the sign-out hooks with the user who leaves, even when one fails', async () => {
    const lines: string[] = [];
    const s = new Session({ lockMs: 600_000, warnMs: 60_000 }, (line) => lines.push(line));
    const left: string[] = [];
    s.onSignOut(() => {
      throw new Error('purge failed');
    });
    s.onSignOut((user) => void left.push(user.id));
    s.signIn(bianca);
    await s.signOut();
    expect(left).toEqual(['bianca.de.vries']);
    expect(lines).toEqual(['auth: a sign-out hook failed: purge failed']);
    expect(s.caller()).toEqual({ refused: 'niet_ingelogd' });
  });
});

describe('a shift change', () => {
  it("a sign-in waits for the previous user's purge, so the next user's freshly read index is not purged after it", async () => {
    const auth = setupAuth(KlantbeeldConfig.parse({}), new EventBus(), () => {});
    const s = auth.session;
    const order: string[] = [];
    let finishPurge = () => {};
    s.onSignOut(() => new Promise<void>((resolve) => (finishPurge = () => (order.push('purged'), resolve()))));
    s.signIn(bianca);
    s.onChange(() => void (s.current() && order.push(`in: ${s.current()?.via.kind === 'lokaal' ? s.current()?.id : ''}`)));
    const out = s.signOut();
    // The sign-in asks for the end of the sign-out once its password is checked (or, without that wait, just signs in).
    const signedOut = s.signedOut.bind(s);
    const asked = new Promise<void>((resolve) => vi.spyOn(s, 'signedOut').mockImplementation(() => (resolve(), signedOut())));
    const kevin = auth.handlers['auth.signIn']({ account: 'kevin', wachtwoord: 'turfbrug-kevin' }, { user: { id: 'nog niemand', naam: 'nog niemand', roles: [] } });
    await Promise.race([asked, kevin]);
    expect(s.current()).toBeNull();
    finishPurge();
    await Promise.all([out, kevin]);
    expect(order).toEqual(['purged', expect.stringMatching(/^in: kevin/)]);
    auth.close();
  });
});

describe('the core reads the user from the session', () => {
  it('the medewerker of the zaaksysteem, the work queues and the services follow who is signed in', async () => {
    const s = session();
    const medewerker = liveMedewerker(s);
    const config = withSessionUser({ kanalen: ['telefoon'], user: { id: 'config-user' } }, s);
    expect(medewerker.id).toBe('klantbeeld');
    expect(workQueuesOfSession(s)).toEqual([]);
    expect(() => config.user).toThrow(/niet ingelogd/);
    s.signIn(bianca);
    expect([medewerker.id, medewerker.naam, medewerker.functie]).toEqual(['bianca.de.vries', 'Bianca de Vries', 'Klantcontactmedewerker']);
    expect(workQueuesOfSession(s)).toEqual([{ soort: 'medewerker', code: 'bianca.de.vries@turfbrug.nl' }, { soort: 'groep', code: 'KCC' }]);
    expect(config.user.naam).toBe('Bianca de Vries');
    expect(config.kanalen).toEqual(['telefoon']);
    await s.signOut();
    s.signIn(marloes);
    expect(medewerker.id).toBe('marloes.kuipers');
    expect(config.user.naam).toBe('Marloes Kuipers');
  });

  it('per-user work runs only while a matching user is signed in (locked included) and stops at sign-out', async () => {
    const s = session();
    const work = { start: vi.fn(), stop: vi.fn(() => Promise.resolve()) };
    followSession(s, (user) => user.roles.includes('teamleider'), work);
    s.signIn(bianca);
    expect(work.start).not.toHaveBeenCalled();
    await s.signOut();
    s.signIn(marloes);
    s.lock('handmatig');
    s.unlock();
    expect(work.start).toHaveBeenCalledTimes(1);
    await s.signOut();
    expect(work.stop).toHaveBeenCalledTimes(1);
  });
});

describe('setupAuth', () => {
  const account = { account: 'test', id: 't', naam: 'Test', email: 't@turfbrug.nl', roles: ['kcc'] };

  it('a local account whose hash is too cheap or malformed, or twice the same account, is a configuration error', () => {
    const weak = '$scrypt$ln=10,r=8,p=1$4wexiBRFHztzIKv+fQjEBw$390bHMMNwxw+kjq8+MbZWse9DWgITREqzBMs62OtUkA';
    const issues = (accounts: unknown[]) => KlantbeeldConfig.safeParse({ auth: { accounts } }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues([{ ...account, wachtwoordHash: weak }])).toEqual([expect.stringMatching(/^auth\.accounts\.0\.wachtwoordHash: Wachtwoordhash te zwak/)]);
    expect(issues([{ ...account, wachtwoordHash: '$scrypt$geen-hash' }])).toEqual([expect.stringMatching(/^auth\.accounts\.0\.wachtwoordHash: Wachtwoordhash heeft niet de vorm/)]);
    const ok = DEMO_ACCOUNTS[0]?.wachtwoordHash ?? '';
    expect(issues([{ ...account, wachtwoordHash: ok }, { ...account, wachtwoordHash: ok }])).toEqual(['auth.accounts: Elk account mag maar één keer voorkomen.']);
    expect(issues([{ ...account, wachtwoordHash: ok }])).toBeUndefined();
  });

  it('the fixed development user is signed in at start and never locks; the demo users come only with the embedded demo', () => {
    const fixed = setupAuth(KlantbeeldConfig.parse({ auth: { mode: 'vast' } }), new EventBus(), () => {});
    expect(fixed.session.caller()).toEqual({ id: 'bianca.de.vries', naam: 'Bianca de Vries', roles: ['kcc'] });
    expect(fixed.session.idle).toBeNull();
    const zgw = KlantbeeldConfig.parse({
      adapter: { kind: 'zgw', zakenUrl: 'https://z.nl/zaken/api/v1', catalogiUrl: 'https://z.nl/catalogi/api/v1', klantinteractiesUrl: 'https://k.nl/klantinteracties/api/v1', zgwClientId: 'c', zgwSecret: 's', klantinteractiesToken: 't', bronorganisatie: '002756419' },
    });
    expect(setupAuth(zgw, new EventBus(), () => {}).session.caller()).toEqual({ refused: 'niet_ingelogd' });
  });
});
