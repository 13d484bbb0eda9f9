import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's app.getPath('userData') uses for "Klantbeeld", so both shells share it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KLANTBEELD_DATA_DIR) return env.KLANTBEELD_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Klantbeeld');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Klantbeeld');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Klantbeeld');
}
