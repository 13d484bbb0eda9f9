import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, resetFakeElectron, shell } from './fake-electron';
import { externalUrl, openExternalSafely } from '../../../src/main/electron/external-links';

vi.mock('electron', () => import('./fake-electron'));

const log = vi.fn();
beforeEach(() => {
  resetFakeElectron();
  log.mockClear();
});

describe('shell.openExternal, only through openExternalSafely', () => {
  it('opens an http(s) link in the browser after the clerk confirmed, showing the whole address', async () => {
    expect(await openExternalSafely('https://www.turfbrug.nl/afval?wijk=3', { log })).toBe(true);
    expect(dialog.shown[0]).toMatchObject({ detail: 'https://www.turfbrug.nl/afval?wijk=3', buttons: ['Openen', 'Annuleren'], cancelId: 1, defaultId: 1 });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.turfbrug.nl/afval?wijk=3');
    expect(log.mock.calls.flat().join(' ')).not.toContain('wijk=3');
  });

  it('opens nothing when the clerk cancels', async () => {
    dialog.nextResponse = 1;
    expect(await openExternalSafely('https://www.turfbrug.nl/', { log })).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'klantbeeld://bel?nummer=0612345678',
    'data:text/html,<script>alert(1)</script>',
    'https://gebruiker:wachtwoord@turfbrug.nl/',
    'geen url',
    `https://turfbrug.nl/${'x'.repeat(3_000)}`,
  ])('refuses %s without asking', async (url) => {
    expect(await openExternalSafely(url, { log })).toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses plain http where https is required (signing in)', async () => {
    expect(externalUrl('http://login.turfbrug.nl/', true)).toBeNull();
    expect(await openExternalSafely('http://login.turfbrug.nl/authorize', { log, requireHttps: true })).toBe(false);
    expect(await openExternalSafely('https://login.turfbrug.nl/authorize', { log, requireHttps: true, question: 'Inloggen in de browser?' })).toBe(true);
    expect(dialog.shown[0]).toMatchObject({ message: 'Inloggen in de browser?' });
  });
});
