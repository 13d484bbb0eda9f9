import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  asarUnpack: string[];
  win: { target: { target: string }[] };
  linux: { target: string[] };
  msi: Record<string, unknown>;
};

describe('electron-builder.yml (issue 15: what municipal IT deploys)', () => {
  it("is valid against electron-builder's own schema", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds an MSI per machine without auto-update, NSIS, AppImage and deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.publish).toBeNull();
  });

  it('unpacks the SQLite binary of every platform from app.asar', () => {
    for (const platform of ['win32-x64', 'linux-x64']) {
      const file = `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${platform}.node`;
      // The one pattern form used there: a folder and everything below it.
      expect(config.asarUnpack.some((pattern) => pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2))), file).toBe(true);
    }
  });
});
