import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CONFIG_FILE, ConfigError } from './load';

const RawConfig = z.record(z.string(), z.unknown());
type RawConfig = z.infer<typeof RawConfig>;

/**
 * Changes klantbeeld.config.json the way a beheerder's edit would: `change` gets the file's own
 * JSON (no defaults or environment overrides mixed in) and returns it changed; every key it does
 * not touch is written back as it was. Atomic: a temp file beside it, flushed, then renamed over
 * it, so a crash leaves the old or the new file, never half of one.
 */
export function updateConfigFile(dataDir: string, change: (raw: RawConfig) => RawConfig): void {
  const file = join(dataDir, CONFIG_FILE);
  let raw: RawConfig;
  try {
    raw = RawConfig.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`${file} kan niet worden gelezen: ${(error as Error).message.split('\n')[0]}`);
  }
  const text = `${JSON.stringify(change(raw), null, 2)}\n`;
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
