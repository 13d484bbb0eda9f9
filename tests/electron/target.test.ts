import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronTarget } from './target';
import { tempDir } from '../support/tmp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('which Electron app the smoke test launches', () => {
  it('launches a packaged app named in KLANTBEELD_ELECTRON_APP, and fails when it is not there', () => {
    const exe = join(dir.path, 'klantbeeld');
    writeFileSync(exe, '');
    expect(electronTarget({ KLANTBEELD_ELECTRON_APP: exe, DISPLAY: ':99' }, 'linux')).toEqual({ kind: 'packaged', executable: exe, args: [] });
    expect(electronTarget({ KLANTBEELD_ELECTRON_APP: exe }, 'win32')).toMatchObject({ kind: 'packaged' });
    expect(() => electronTarget({ KLANTBEELD_ELECTRON_APP: join(dir.path, 'weg') }, 'linux')).toThrow(/bestaat niet/);
  });

  it('skips on Linux without a display, with the reason, unless the pipeline requires it', () => {
    const exe = join(dir.path, 'klantbeeld');
    writeFileSync(exe, '');
    expect(electronTarget({ KLANTBEELD_ELECTRON_APP: exe }, 'linux')).toEqual({ kind: 'none', why: expect.stringMatching(/xvfb-run/) });
    expect(() => electronTarget({ KLANTBEELD_ELECTRON_APP: exe, KLANTBEELD_ELECTRON_REQUIRED: '1' }, 'linux')).toThrow(/KLANTBEELD_ELECTRON_REQUIRED=1/);
  });
});
