import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dutchInputIssue } from '../input-issues';
import { ConfigError } from './errors';
import { applyMachineConfig, readMachineConfig } from './machine-config';
import { KlantbeeldConfig } from './schema';
import { mergeSecrets, secretsFromEnv } from './secret-fields';

export { ConfigError };
export const CONFIG_FILE = 'klantbeeld.config.json';

/**
 * Reads `<dataDir>/klantbeeld.config.json` (written with defaults on first start so a beheerder
 * finds it), then applies KLANTBEELD_* environment overrides, all over the machine-wide file
 * when there is one (machine-config.ts; its locked fields win, and `log` names what they overruled).
 * A broken file stops the start with a message that names the field; it is never silently replaced.
 */
export function loadConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void): KlantbeeldConfig {
  const file = join(dataDir, CONFIG_FILE);
  const machine = readMachineConfig(env);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${file} is geen geldige JSON${jsonPosition(error)}.`);
    }
  } else {
    // Under a machine file the user's file starts empty: written-out defaults would hide the machine's settings.
    const initial = machine ? {} : KlantbeeldConfig.parse({});
    writeFileSync(file, `${JSON.stringify(initial, null, 2)}\n`, { mode: 0o600 });
  }
  const own = applyEnv(raw, env);
  let merged = own;
  if (machine) {
    const applied = applyMachineConfig(own, machine);
    merged = applied.merged;
    for (const path of applied.overruled) log?.(`config: ${path} is locked by the machine-wide configuration (${machine.file}); the user's value is ignored`);
  }
  // Secrets the desktop app keeps in safeStorage come back in KLANTBEELD_SECRETS (config/secret-fields.ts),
  // last: their places may come from the machine file. A value already there (file, environment) wins.
  merged = mergeSecrets(merged, secretsFromEnv(env));
  // The beheerder reads this at start: in Dutch, naming the field (adapter.kind) and what it may be.
  const parsed = KlantbeeldConfig.safeParse(merged, { error: configIssue });
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    const sources = machine ? `${machine.file}, ${file} of KLANTBEELD_*-variabelen` : `${file} of KLANTBEELD_*-variabelen`;
    throw new ConfigError(`Configuratie ongeldig (${sources}): ${where}`);
  }
  return parsed.data;
}

/** zod's Dutch words (input-issues.ts), and the allowed values where one of several kinds was expected. */
const configIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_union' && Array.isArray(issue.options) && issue.options.length > 0) {
    return `Ongeldige waarde: verwacht één van ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`;
  }
  return dutchInputIssue(issue);
};

/** Where JSON.parse stopped, in Dutch (its own message is English). */
function jsonPosition(error: unknown): string {
  const at = /line (\d+) column (\d+)/.exec(error instanceof Error ? error.message : '');
  return at ? ` (regel ${at[1]}, kolom ${at[2]})` : '';
}

const ENV_TO_ADAPTER: Record<string, string> = {
  KLANTBEELD_ZAKEN_URL: 'zakenUrl',
  KLANTBEELD_CATALOGI_URL: 'catalogiUrl',
  KLANTBEELD_KLANTINTERACTIES_URL: 'klantinteractiesUrl',
  KLANTBEELD_ZGW_CLIENT_ID: 'zgwClientId',
  KLANTBEELD_ZGW_SECRET: 'zgwSecret',
  KLANTBEELD_KLANTINTERACTIES_TOKEN: 'klantinteractiesToken',
  KLANTBEELD_ADAPTER_LABEL: 'label',
  KLANTBEELD_BRONORGANISATIE: 'bronorganisatie',
};

const list = (value: string) => value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);

function applyEnv(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  const base = z.record(z.string(), z.unknown()).catch({}).parse(raw);
  const adapter = { ...z.record(z.string(), z.unknown()).catch({}).parse(base.adapter ?? {}) };
  if (env.KLANTBEELD_ADAPTER) adapter.kind = env.KLANTBEELD_ADAPTER;
  for (const [name, field] of Object.entries(ENV_TO_ADAPTER)) {
    if (env[name]) adapter[field] = env[name];
  }
  if (env.KLANTBEELD_DEMO_PORT) adapter.port = Number(env.KLANTBEELD_DEMO_PORT);
  const out: Record<string, unknown> = { ...base };
  if (Object.keys(adapter).length > 0) out.adapter = adapter;
  if (env.KLANTBEELD_SCREENPOP_SECRET || env.KLANTBEELD_SCREENPOP_PORT) {
    const screenpop = { ...z.record(z.string(), z.unknown()).catch({}).parse(base.screenpop ?? {}) };
    if (env.KLANTBEELD_SCREENPOP_SECRET) screenpop.secret = env.KLANTBEELD_SCREENPOP_SECRET;
    if (env.KLANTBEELD_SCREENPOP_PORT) screenpop.port = Number(env.KLANTBEELD_SCREENPOP_PORT);
    out.screenpop = screenpop;
  }
  const userEnv = {
    ...(env.KLANTBEELD_USER_ID ? { id: env.KLANTBEELD_USER_ID } : {}),
    ...(env.KLANTBEELD_USER_NAAM ? { naam: env.KLANTBEELD_USER_NAAM } : {}),
    ...(env.KLANTBEELD_USER_EMAIL ? { email: env.KLANTBEELD_USER_EMAIL } : {}),
    ...(env.KLANTBEELD_USER_ROLES ? { roles: list(env.KLANTBEELD_USER_ROLES) } : {}),
    ...(env.KLANTBEELD_USER_GROEPEN ? { groepen: list(env.KLANTBEELD_USER_GROEPEN) } : {}),
  };
  if (Object.keys(userEnv).length > 0) {
    const user = z.record(z.string(), z.unknown()).catch({}).parse(base.user ?? {});
    out.user = { ...KlantbeeldConfig.shape.user.parse(undefined), ...user, ...userEnv };
  }
  if (env.KLANTBEELD_WORKQUEUE_SECONDS || env.KLANTBEELD_PREFETCH_PARTIJEN) {
    const sync = z.record(z.string(), z.unknown()).catch({}).parse(base.sync ?? {});
    out.sync = {
      ...sync,
      ...(env.KLANTBEELD_WORKQUEUE_SECONDS ? { workQueueSeconds: Number(env.KLANTBEELD_WORKQUEUE_SECONDS) } : {}),
      // 'true' or 'false'; anything else is left for the schema to refuse in Dutch.
      ...(env.KLANTBEELD_PREFETCH_PARTIJEN ? { prefetchPartijen: envBoolean(env.KLANTBEELD_PREFETCH_PARTIJEN) } : {}),
    };
  }
  // Sign-in: KLANTBEELD_AUTH=vast switches on the fixed development user (the `user` above).
  const authEnv = {
    ...(env.KLANTBEELD_AUTH ? { mode: env.KLANTBEELD_AUTH } : {}),
    ...(env.KLANTBEELD_IDLE_LOCK_MINUTES ? { idleLockMinutes: Number(env.KLANTBEELD_IDLE_LOCK_MINUTES) } : {}),
    ...(env.KLANTBEELD_IDLE_WARN_SECONDS ? { idleWarnSeconds: Number(env.KLANTBEELD_IDLE_WARN_SECONDS) } : {}),
  };
  if (Object.keys(authEnv).length > 0) {
    out.auth = { ...z.record(z.string(), z.unknown()).catch({}).parse(base.auth ?? {}), ...authEnv };
  }
  return out;
}

function envBoolean(value: string): boolean | string {
  return value === 'true' ? true : value === 'false' ? false : value;
}
