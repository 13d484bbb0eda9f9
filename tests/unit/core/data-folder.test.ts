/** The data folder: owner-only, and one core at a time (the lock with the holder's pid). */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE, dataFolderHolder, lockDataFolder, prepareDataFolder } from '../../../src/main/core/data-folder';
import { tempDir } from '../../support/tmp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** The pid of a process that has ended (a lock it left behind is stale). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

it.runIf(process.platform !== 'win32')('makes the data folder owner-only (0700), also one that already existed wider', () => {
  const data = join(dir.path, 'data');
  prepareDataFolder(data);
  expect(statSync(data).mode & 0o777).toBe(0o700);
  chmodSync(dir.path, 0o755); // a folder an older version made with the default mode
  prepareDataFolder(dir.path);
  expect(statSync(dir.path).mode & 0o777).toBe(0o700);
});

it('holds the folder with its pid and refuses a second lock in Dutch until released', () => {
  const lock = lockDataFolder(dir.path);
  expect(readFileSync(join(dir.path, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
  expect(dataFolderHolder(dir.path)).toBe(process.pid);
  expect(() => lockDataFolder(dir.path)).toThrow(DataFolderInUseError);
  expect(() => lockDataFolder(dir.path)).toThrow(`al in gebruik door een andere Klantbeeld (proces ${process.pid})`);
  lock.release();
  expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
  expect(dataFolderHolder(dir.path)).toBeNull();
  lockDataFolder(dir.path).release();
});

it('takes over the lock of a process that is gone, and of an unreadable lock', () => {
  writeFileSync(join(dir.path, LOCK_FILE), `${deadPid()}\n`);
  expect(dataFolderHolder(dir.path)).toBeNull();
  const lock = lockDataFolder(dir.path);
  expect(readFileSync(join(dir.path, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
  lock.release();

  writeFileSync(join(dir.path, LOCK_FILE), 'onzin');
  lockDataFolder(dir.path).release();
});

it('releases only its own lock', () => {
  const lock = lockDataFolder(dir.path);
  writeFileSync(join(dir.path, LOCK_FILE), `${process.ppid}\n`); // someone else took it over meanwhile
  lock.release();
  expect(readFileSync(join(dir.path, LOCK_FILE), 'utf8').trim()).toBe(String(process.ppid));
});

it('takes over a lock from before a reboot, even when its pid now belongs to a live process', () => {
  // Our own parent is alive, but this lock was written a day before the machine last booted.
  const beforeBoot = Math.round(Date.now() - uptime() * 1000) - 86_400_000;
  writeFileSync(join(dir.path, LOCK_FILE), `${process.ppid}\n${beforeBoot}\n`);
  expect(dataFolderHolder(dir.path)).toBeNull();
  const lock = lockDataFolder(dir.path);
  expect(readFileSync(join(dir.path, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
  // The same pid in this boot still counts.
  lock.release();
  writeFileSync(join(dir.path, LOCK_FILE), `${process.ppid}\n${Math.round(Date.now() - uptime() * 1000)}\n`);
  expect(() => lockDataFolder(dir.path)).toThrow(`(proces ${process.ppid})`);
});
