/**
 * The one way Klantbeeld opens something outside itself: `openExternalSafely`. Only http(s)
 * links (https only where asked, e.g. for signing in), without credentials in the URL, and
 * only after the clerk confirmed in a dialog that shows the whole address.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Log } from './log';

const MAX_URL_LENGTH = 2_048;

export interface ExternalLinkOptions {
  log: Log;
  /** The window the confirmation belongs to. */
  parent?: BrowserWindow | null;
  /** Refuse plain http (sign-in pages, anything that carries a secret). */
  requireHttps?: boolean;
  /** The question in the dialog; the address is always shown below it. */
  question?: string;
}

/** The URL when it may leave Klantbeeld at all, else null. */
export function externalUrl(raw: string, requireHttps = false): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const allowed = requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol) || url.username || url.password || !url.hostname) return null;
  return url;
}

/** Opens the link in the system browser after the clerk confirmed; true when it was opened. */
export async function openExternalSafely(raw: string, options: ExternalLinkOptions): Promise<boolean> {
  const url = externalUrl(raw, options.requireHttps);
  if (!url) {
    options.log(`refused to open a link that is not ${options.requireHttps ? 'https' : 'http(s)'} outside Klantbeeld`);
    return false;
  }
  const box = {
    type: 'question' as const,
    title: 'Link openen',
    message: options.question ?? 'Deze link openen in uw webbrowser?',
    detail: url.href,
    buttons: ['Openen', 'Annuleren'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = options.parent ? await dialog.showMessageBox(options.parent, box) : await dialog.showMessageBox(box);
  if (response !== 0) {
    options.log(`the clerk did not open ${url.origin}`);
    return false;
  }
  await shell.openExternal(url.href);
  options.log(`opened ${url.origin} in the browser`);
  return true;
}
