/**
 * The machine-wide configuration municipal IT rolls out (Intune, SCCM, GPO, a Citrix image):
 * one file per machine whose `instellingen` lie under every user's klantbeeld.config.json and
 * whose `vergrendeld` fields no user file or KLANTBEELD_* variable can change. Secrets never go
 * in it (they stay in safeStorage, per user). Documented in docs/configuration.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './errors';
import { KlantbeeldConfig } from './schema';
import { mergeSecrets, splitSecrets } from './secret-fields';

export const MACHINE_CONFIG_ENV = 'KLANTBEELD_MACHINE_CONFIG';
const FILE_NAME = 'klantbeeld.config.json';

/** Where the machine file lives; KLANTBEELD_MACHINE_CONFIG names another (tests, a share on a terminal server). */
export function machineConfigPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env[MACHINE_CONFIG_ENV]) return env[MACHINE_CONFIG_ENV];
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Klantbeeld', FILE_NAME);
  if (platform === 'darwin') return join('/Library/Application Support/Klantbeeld', FILE_NAME);
  return join('/etc/klantbeeld', FILE_NAME);
}

const Raw = z.record(z.string(), z.unknown());

const MachineFile = z.strictObject({
  /** Settings for every user on this machine, in the shape of klantbeeld.config.json. */
  instellingen: Raw.default({}),
  /** Dotted fields (`adapter`, `auth.oidc`, `retentie.bewaarWerkdagen`) a user cannot change. */
  vergrendeld: z.array(z.string().min(1).max(200)).max(200).default([]),
});

export interface MachineConfig {
  file: string;
  instellingen: Record<string, unknown>;
  vergrendeld: string[];
}

/** The machine file, or null when there is none. A broken one stops the start, like a broken user file. */
export function readMachineConfig(env: NodeJS.ProcessEnv): MachineConfig | null {
  const file = machineConfigPath(env);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const at = /line (\d+) column (\d+)/.exec(error instanceof Error ? error.message : '');
    throw new ConfigError(`Machineconfiguratie ${file} is geen geldige JSON${at ? ` (regel ${at[1]}, kolom ${at[2]})` : ''}.`);
  }
  const parsed = MachineFile.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${machineIssue(i)}`).join('; ');
    throw new ConfigError(`Machineconfiguratie ongeldig (${file}): ${where}`);
  }
  const { instellingen, vergrendeld } = parsed.data;
  const secrets = Object.keys(splitSecrets(instellingen).secrets);
  if (secrets.length > 0) {
    throw new ConfigError(
      `Machineconfiguratie ${file} bevat geheimen (${secrets.join(', ')}): die horen niet in een bestand dat iedereen op deze computer kan lezen. Elke gebruiker bewaart ze zelf (versleuteld).`,
    );
  }
  const unknown = vergrendeld.filter((path) => !isConfigPath(path));
  if (unknown.length > 0) {
    throw new ConfigError(`Machineconfiguratie ${file}: vergrendeld noemt onbekende velden: ${unknown.join(', ')}.`);
  }
  return { file, instellingen, vergrendeld };
}

function machineIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `onbekende sleutels ${issue.keys.join(', ')} (alleen 'instellingen' en 'vergrendeld')`;
  if (issue.code === 'invalid_type') return `verwacht ${issue.expected === 'array' ? 'een lijst' : issue.expected === 'record' ? 'een object' : issue.expected}`;
  return issue.message;
}

/**
 * The user's settings laid over the machine's, then every locked field set back to the machine's
 * value (or to the default when the machine file does not set it). `overruled` names the locked
 * fields the user tried to change, for the log. The user's own secrets under a locked field stay.
 */
export function applyMachineConfig(user: unknown, machine: MachineConfig): { merged: unknown; overruled: string[] } {
  const userConfig = Raw.catch({}).parse(user);
  const merged = deepMerge(machine.instellingen, userConfig);
  const overruled: string[] = [];
  for (const path of machine.vergrendeld) {
    const keys = path.split('.');
    const own = valueAt(userConfig, keys);
    const policy = valueAt(machine.instellingen, keys);
    if (own !== undefined && !isDeepStrictEqual(own, policy)) overruled.push(path);
    setAt(merged, keys, structuredClone(policy));
  }
  return { merged: mergeSecrets(merged, splitSecrets(userConfig).secrets), overruled };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merge field by field; anything else (lists too) the user's value replaces. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? deepMerge(below, value) : structuredClone(value);
  }
  return out;
}

function valueAt(node: unknown, keys: readonly string[]): unknown {
  let here = node;
  for (const key of keys) {
    if (!isPlainObject(here) || !Object.hasOwn(here, key)) return undefined;
    here = here[key];
  }
  return here;
}

function setAt(node: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  const [head, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    if (value === undefined) delete node[head];
    else node[head] = value;
    return;
  }
  const child = node[head];
  if (!isPlainObject(child)) {
    if (value === undefined) return;
    node[head] = {};
  }
  setAt(node[head] as Record<string, unknown>, rest, value);
}

/** Whether a dotted path names a field of klantbeeld.config.json (below a union or record: any key). */
function isConfigPath(path: string): boolean {
  let schema: z.core.$ZodType = KlantbeeldConfig;
  for (const key of path.split('.')) {
    schema = unwrap(schema);
    if (!(schema instanceof z.ZodObject)) return key.length > 0;
    const field = (schema.shape as Record<string, z.core.$ZodType | undefined>)[key];
    if (!field) return false;
    schema = field;
  }
  return true;
}

/** Past .default(), .optional(), .nullable() and refinements to the schema they wrap. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let here = schema;
  while ('innerType' in here._zod.def) here = here._zod.def.innerType as z.core.$ZodType;
  return here;
}

/** The machine file that locks this dotted field (the field itself or a section above it), or null. */
export function lockedBy(env: NodeJS.ProcessEnv, path: string): string | null {
  const machine = readMachineConfig(env);
  if (!machine) return null;
  return machine.vergrendeld.some((locked) => path === locked || path.startsWith(`${locked}.`)) ? machine.file : null;
}
