/**
 * The user's data folder: owner-only (0700 on POSIX; on Windows the user profile's ACL), and
 * used by one Klantbeeld at a time. Two cores on one folder (two browser hosts, or the desktop
 * app and a developer's host) would purge and overwrite each other's cache and outbox, so the
 * second is refused: `klantbeeld.lock` holds the pid of the core that has the folder (and when
 * the machine booted). A lock whose process is gone (a crash, a killed core, a reboot since) is
 * taken over.
 */
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'klantbeeld.lock';

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Deze gegevensmap (${dataDir}) is al in gebruik door een andere Klantbeeld (proces ${pid}). ` +
        'Twee keer Klantbeeld op dezelfde map zou elkaars gegevens overschrijven. Sluit de andere Klantbeeld, of start deze met een eigen map ' +
        `(--data-dir of KLANTBEELD_DATA_DIR). Draait er geen Klantbeeld meer, verwijder dan ${LOCK_FILE} uit de map.`,
    );
  }
}

export interface DataFolderLock {
  release(): void;
}

/** Makes the folder if needed and makes it owner-only. */
export function prepareDataFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, as someone else
  }
}

/** When this machine started, in ms since the epoch: a lock from before a reboot is stale whatever its pid. */
const bootedAt = () => Math.round(Date.now() - uptime() * 1000);
// Leeway for clock corrections between the lock's writing and now.
const SAME_BOOT_MS = 60_000;

interface Holder {
  pid: number;
  bootedAt: number | null;
}

/** The lock's content: the pid, then the machine's boot time (a lock without it counts by pid alone). */
function holderIn(file: string): Holder | null {
  try {
    const [pid, booted] = readFileSync(file, 'utf8').split('\n').map((line) => Number.parseInt(line, 10));
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return null;
    return { pid, bootedAt: booted !== undefined && Number.isInteger(booted) ? booted : null };
  } catch {
    return null;
  }
}

const pidIn = (file: string) => holderIn(file)?.pid ?? null;

/** Pids are reused (after a reboot at once): a holder counts only while its pid lives in the same boot. */
function holds(holder: Holder): boolean {
  if (holder.bootedAt !== null && Math.abs(holder.bootedAt - bootedAt()) > SAME_BOOT_MS) return false;
  return holder.pid === process.pid || isAlive(holder.pid);
}

/** The pid of the live process that holds the folder, or null when nobody does. */
export function dataFolderHolder(dataDir: string): number | null {
  const holder = holderIn(join(dataDir, LOCK_FILE));
  return holder !== null && holds(holder) ? holder.pid : null;
}

/** Creates the lock with our pid in it in one step (a hard link of a written file): never an empty lock. */
function claim(file: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${process.pid}\n${bootedAt()}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Takes the folder for this process or throws DataFolderInUseError (Dutch). */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (claim(file)) return { release: () => (pidIn(file) === process.pid ? rmSync(file, { force: true }) : undefined) };
    const holder = holderIn(file);
    // Our own pid counts too: another core in this process holds it (a process never outlives its own lock).
    if (holder !== null && holds(holder)) throw new DataFolderInUseError(dataDir, holder.pid);
    // Stale: move it aside under our own name, then try again.
    // Were it taken over by another start in between, that start's lock is put back.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = holderIn(aside);
    if (moved !== null && moved.pid !== holder?.pid && holds(moved)) {
      renameSync(aside, file);
      throw new DataFolderInUseError(dataDir, moved.pid);
    }
    rmSync(aside, { force: true });
  }
  throw new DataFolderInUseError(dataDir, pidIn(file) ?? 0);
}
