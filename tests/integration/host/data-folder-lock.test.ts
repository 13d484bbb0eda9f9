/**
 * Issue 11 "Also": two Klantbeelds on one data folder would purge and overwrite each other's
 * cache and outbox. A second host on the same folder is refused in Dutch, naming the process
 * that has it; once that process is gone (killed, so its lock stays behind) the folder is
 * taken over and the encrypted cache opens with the same key.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../src/main/core/data-folder';
import { CACHE_KEY_FILE } from '../../../src/main/core/store/cache-key';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { draftInput } from '../../support/records';
import { tempDir } from '../../support/tmp';

const DRAFT_ID = randomUUID();
let dir: ReturnType<typeof tempDir>;
const hosts: HostProcess[] = [];
// A zaaksysteem that is not there: this test is about the folder, not the data.
const OFFLINE = {
  KLANTBEELD_ADAPTER: 'zgw',
  KLANTBEELD_ZAKEN_URL: 'http://127.0.0.1:9/zaken/api/v1',
  KLANTBEELD_CATALOGI_URL: 'http://127.0.0.1:9/catalogi/api/v1',
  KLANTBEELD_KLANTINTERACTIES_URL: 'http://127.0.0.1:9/klantinteracties/api/v1',
  KLANTBEELD_ZGW_CLIENT_ID: 'test',
  KLANTBEELD_ZGW_SECRET: 'test-secret',
  KLANTBEELD_KLANTINTERACTIES_TOKEN: 'test-token',
  KLANTBEELD_BRONORGANISATIE: '002756419',
};

beforeAll(() => {
  dir = tempDir();
});
afterAll(async () => {
  for (const host of hosts) await host.kill();
  dir.remove();
});

it('refuses a second host on the same data folder, and takes the folder over once the first is gone', async () => {
  const dataDir = join(dir.path, 'data');
  const first = await startHostProcess(dataDir, OFFLINE);
  hosts.push(first);
  expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(first.child.pid));
  const saved = await first.call('drafts.save', draftInput(DRAFT_ID, 'Vraag over de afvalpas'));
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });

  const second = startHostProcess(dataDir, OFFLINE);
  await expect(second).rejects.toThrow(`al in gebruik door een andere Klantbeeld (proces ${first.child.pid})`);
  // The refused host touched nothing: the first still has the folder and works.
  expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(first.child.pid));
  expect((await first.call('drafts.list', {})).ok).toBe(true);

  await first.kill('SIGKILL'); // no clean close: the lock of a dead process stays behind
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
  const third = await startHostProcess(dataDir, OFFLINE);
  hosts.push(third);
  expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(third.child.pid));
  expect(existsSync(join(dataDir, CACHE_KEY_FILE))).toBe(true);
  const drafts = await third.call<{ id: string }[]>('drafts.list', {});
  expect(drafts.ok && drafts.value.map((d) => d.id)).toEqual([DRAFT_ID]);
});
