/**
 * Signing in with the organisation's account (issue 7): the core answers auth.startOidc with
 * the authorization URL; the shell opens it in the system browser (RFC 8252), https only and
 * after the clerk confirmed, through the one door outside (openExternalSafely).
 */
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import type { CallResult } from '../../shared/contract';
import { openExternalSafely } from './external-links';
import type { Log } from './log';

const Started = z.object({ url: z.string() });

export async function openSignInPage(result: CallResult, options: { log: Log; parent: BrowserWindow | null }): Promise<void> {
  if (!result.ok) return;
  const started = Started.safeParse(result.value);
  if (!started.success) return;
  await openExternalSafely(started.data.url, {
    ...options,
    requireHttps: true,
    question: 'Inloggen met uw organisatie-account in de webbrowser?',
  });
}
