/**
 * Zaaksysteem credentials in Electron's safeStorage (the OS keychain, DPAPI or the Linux
 * keyring), never in klantbeeld.config.json in clear and never in the renderer. On every
 * start, secrets a beheerder typed into the config file are moved into an encrypted file
 * beside it; the decrypted secrets go to the core process only (KLANTBEELD_SECRETS in its
 * environment). Without a real keyring (Linux `basic_text`) Klantbeeld refuses to start
 * with secrets rather than keep them in a form anyone with the file can read.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { CONFIG_FILE } from '../core/config/load';
import { SECRETS_ENV, SecretMapSchema, splitSecrets, type SecretMap } from '../core/config/secret-fields';
import type { Log } from './log';

export const SECRETS_FILE = 'klantbeeld.secrets.bin';

export const SECRETS_MESSAGES = {
  noKeyring:
    'Klantbeeld kan de inloggegevens voor het zaaksysteem niet veilig bewaren: er is geen sleutelbos (zoals GNOME Keyring of KWallet) beschikbaar. ' +
    'Zonder sleutelbos zouden ze leesbaar op schijf staan. Start Klantbeeld in een sessie met een sleutelbos, of vraag de beheerder om hulp.',
  unreadable:
    'Klantbeeld kan de opgeslagen inloggegevens voor het zaaksysteem niet ontsleutelen (ander gebruikersaccount of sleutelbos gewist?). ' +
    'Vraag de beheerder om ze opnieuw in klantbeeld.config.json in te vullen; Klantbeeld versleutelt ze dan weer bij de volgende start.',
} as const;

export class SecretsError extends Error {}

export interface SecretsOptions {
  dataDir: string;
  log: Log;
  /** process.platform; the plain-text fallback exists on Linux only. */
  platform?: NodeJS.Platform;
}

/** Refuses what is not real encryption: no encryption at all, or Linux's plain-text fallback. */
export function assertSafeStorage(platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable()) throw new SecretsError(SECRETS_MESSAGES.noKeyring);
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw new SecretsError(SECRETS_MESSAGES.noKeyring);
}

/** Replaces a file in one step (never a half-written config or secrets file). */
export function writeAtomically(file: string, data: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, file);
}

function readStored(file: string): SecretMap {
  if (!existsSync(file)) return {};
  try {
    return SecretMapSchema.parse(JSON.parse(safeStorage.decryptString(readFileSync(file))));
  } catch {
    throw new SecretsError(SECRETS_MESSAGES.unreadable);
  }
}

/**
 * Moves clear-text secrets out of the config file into the encrypted file and returns every
 * secret, decrypted, for the core. Call after `app` is ready (safeStorage needs it). Throws a
 * SecretsError with a Dutch message when they cannot be kept safely.
 */
export function prepareSecrets(options: SecretsOptions): SecretMap {
  const configFile = join(options.dataDir, CONFIG_FILE);
  const secretsFile = join(options.dataDir, SECRETS_FILE);
  let raw: unknown;
  try {
    raw = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {};
  } catch {
    return {}; // The core reports a broken config file, naming it; nothing to move from it.
  }
  const { config, secrets: inClear } = splitSecrets(raw);
  const moving = Object.keys(inClear).length > 0;
  if (!moving && !existsSync(secretsFile)) return {};
  assertSafeStorage(options.platform ?? process.platform);
  // A secret typed into the config file replaces the stored one (that is how a beheerder changes it).
  const secrets = { ...readStored(secretsFile), ...inClear };
  if (moving) {
    // Encrypted copy first: a crash in between leaves the secret in both places, never in neither.
    writeAtomically(secretsFile, safeStorage.encryptString(JSON.stringify(secrets)));
    writeAtomically(configFile, `${JSON.stringify(config, null, 2)}\n`);
    options.log(`moved ${Object.keys(inClear).length} secret(s) from ${CONFIG_FILE} into safeStorage`);
  }
  return secrets;
}

/** The core process's environment addition: the secrets, for its configuration only. */
export function secretsEnv(secrets: SecretMap): Record<string, string> {
  return Object.keys(secrets).length > 0 ? { [SECRETS_ENV]: JSON.stringify(secrets) } : {};
}
