import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, resetFakeElectron, shell } from './fake-electron';
import { openSignInPage } from '../../../src/main/electron/sign-in';

vi.mock('electron', () => import('./fake-electron'));

const log = vi.fn();
beforeEach(() => {
  resetFakeElectron();
  log.mockClear();
});

const started = (url: string) => ({ ok: true as const, value: { url } });

describe('the sign-in page opens in the system browser', () => {
  it('opens the https authorization URL the core returned, after the clerk confirmed', async () => {
    const url = 'https://login.turfbrug.nl/auth?client_id=klantbeeld&code_challenge=abc&state=xyz';
    await openSignInPage(started(url), { log, parent: null });
    expect(dialog.shown[0]).toMatchObject({ message: 'Inloggen met uw organisatie-account in de webbrowser?', detail: url });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it('refuses plain http, and opens nothing for a failed call', async () => {
    await openSignInPage(started('http://login.turfbrug.nl/auth'), { log, parent: null });
    await openSignInPage({ ok: false, error: { code: 'unavailable', message: 'niet bereikbaar' } }, { log, parent: null });
    await openSignInPage({ ok: true, value: { iets: 'anders' } }, { log, parent: null });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
