/**
 * Which fields of klantbeeld.config.json are secrets, and how they travel apart from it. The
 * Electron shell moves them out of the file into safeStorage (src/main/electron/secrets.ts)
 * and hands them to the core in KLANTBEELD_SECRETS; the core puts them back before it
 * validates its configuration. Plain Node: no Electron here.
 */
import { z } from 'zod';

export const SECRETS_ENV = 'KLANTBEELD_SECRETS';

/** Dotted path (`adapter.extraZaaksystemen.0.zgwSecret`) → secret. */
export type SecretMap = Record<string, string>;

/** `*` stands for every item of a list. Exported for the test that pins every field (tests/integration/privacy/every-secret-stays-in-core.test.ts). */
export const SECRET_FIELDS: readonly (readonly string[])[] = [
  ['adapter', 'zgwSecret'],
  ['adapter', 'klantinteractiesToken'],
  ['adapter', 'extraZaaksystemen', '*', 'zgwSecret'],
  ['brp', 'apiKey'],
  ['kennisbank', 'token'],
  ['screenpop', 'secret'],
  ['verwerkingenlogging', 'secret'],
];

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Every concrete place of a secret field in this config: its parent object, key and dotted path. */
function places(config: unknown): { parent: Record<string, unknown>; key: string; path: string }[] {
  const found: { parent: Record<string, unknown>; key: string; path: string }[] = [];
  const walk = (node: unknown, rest: readonly string[], path: string[]) => {
    if (!isContainer(node) || rest.length === 0) return;
    const [head, ...tail] = rest as [string, ...string[]];
    if (tail.length === 0) {
      if (!Array.isArray(node)) found.push({ parent: node, key: head, path: [...path, head].join('.') });
      return;
    }
    if (head === '*') {
      if (Array.isArray(node)) node.forEach((item, index) => walk(item, tail, [...path, String(index)]));
      return;
    }
    if (!Array.isArray(node) && Object.hasOwn(node, head)) walk(node[head], tail, [...path, head]);
  };
  for (const field of SECRET_FIELDS) walk(config, field, []);
  return found;
}

/** The config without its clear-text secrets, and those secrets. */
export function splitSecrets(raw: unknown): { config: unknown; secrets: SecretMap } {
  const config = structuredClone(raw);
  const secrets: SecretMap = {};
  for (const { parent, key, path } of places(config)) {
    const value = parent[key];
    if (typeof value === 'string' && value.length > 0) {
      secrets[path] = value;
      delete parent[key];
    }
  }
  return { config, secrets };
}

/** Puts secrets back where the config still has their place and no value of its own (a clear-text value wins). */
export function mergeSecrets(raw: unknown, secrets: SecretMap): unknown {
  const config = structuredClone(raw);
  for (const { parent, key, path } of places(config)) {
    const secret = secrets[path];
    if (secret !== undefined && parent[key] === undefined) parent[key] = secret;
  }
  return config;
}

export const SecretMapSchema = z.record(z.string().max(200), z.string().max(10_000));

/** The secrets handed over in the environment; anything malformed counts as none. */
export function secretsFromEnv(env: NodeJS.ProcessEnv): SecretMap {
  const raw = env[SECRETS_ENV];
  if (!raw) return {};
  try {
    return SecretMapSchema.catch({}).parse(JSON.parse(raw));
  } catch {
    return {};
  }
}
