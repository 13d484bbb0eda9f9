import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBsns, scanForBsns } from '../../support/bsn-scan';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('the BSN scan', () => {
  it('finds a planted BSN in a log, a CSV and a window title, and reports it masked', () => {
    mkdirSync(join(dir.path, 'logs'));
    writeFileSync(join(dir.path, 'logs', 'host-1.log'), 'Klantbeeld: http://127.0.0.1:5000/\ncustomers.open 999993653 failed\n');
    writeFileSync(join(dir.path, 'export.csv'), 'naam;bsn\nBert Burger;999993653\n');
    writeFileSync(join(dir.path, 'logs', 'e2e-host-2.log'), '[venstertitel] Klantbeeld – 999993653\n');
    const { scanned, findings } = scanForBsns(dir.path);
    expect(scanned).toHaveLength(3);
    expect(findings).toEqual(
      expect.arrayContaining([
        { file: join('logs', 'host-1.log'), line: 2, bsn: '*****3653' },
        { file: 'export.csv', line: 2, bsn: '*****3653' },
        { file: join('logs', 'e2e-host-2.log'), line: 1, bsn: '*****3653' },
      ]),
    );
  });

  it('finds a BSN between punctuation, in JSON and in a URL', () => {
    expect(findBsns('{"bsn":"999993653"}')).toHaveLength(1);
    expect(findBsns('GET /partijen?partijIdentificator__objectId=999993653&x=1')).toHaveLength(1);
    expect(findBsns('bsn=999993653.')).toHaveLength(1);
  });

  it('ignores what is not a BSN: failing the elfproef, masked, longer digit runs, ids and hashes', () => {
    expect(findBsns('123456789 *****3653 1999993653 9999936531 a999993653 999993653b 2026-11-28T16:08:02.123Z')).toEqual([]);
    expect(findBsns('000000000')).toEqual([]);
  });

  it('scans nothing in a folder that does not exist', () => {
    expect(scanForBsns(join(dir.path, 'nergens'))).toEqual({ scanned: [], findings: [] });
  });
});
