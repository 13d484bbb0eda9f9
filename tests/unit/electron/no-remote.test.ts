/**
 * Checklist items that are about what the source does not contain: no `remote` module, no
 * IPC listener besides the one sender-checked handler in ipc.ts, no other way to open links
 * than openExternalSafely.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|vue|mjs|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
const files = sources(SRC).map((file) => ({ file: relative(SRC, file).replaceAll('\\', '/'), text: readFileSync(file, 'utf8') }));
const using = (pattern: RegExp) => files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe('the Electron source', () => {
  it('never uses the remote module', () => {
    expect(using(/@electron\/remote|enableRemoteModule|electron['"]\)\.remote\b|\bremote\.(getCurrentWindow|getCurrentWebContents|getGlobal|require)\b|import \{[^}]*\bremote\b[^}]*\} from ['"]electron['"]/)).toEqual([]);
  });

  it('registers IPC listeners only in electron/ipc.ts, where every sender is checked', () => {
    expect(using(/ipcMain\.(handle|handleOnce|on|once|addListener)\(/)).toEqual(['main/electron/ipc.ts']);
  });

  it('calls shell.openExternal only in openExternalSafely', () => {
    expect(using(/\.openExternal\(/)).toEqual(['main/electron/external-links.ts']);
  });

  it('lets no renderer code import electron or Node built-ins', () => {
    const renderer = files.filter(({ file }) => file.startsWith('renderer/'));
    expect(renderer.length).toBeGreaterThan(0);
    expect(renderer.filter(({ text }) => /from ['"](electron|node:[a-z_/]+|fs|child_process)['"]/.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
