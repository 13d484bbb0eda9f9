/**
 * Password hashing for local accounts: scrypt (RFC 7914) from node:crypto, stored as a PHC-style
 * string `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>` (base64, no padding) so the cost travels
 * with the hash and can be raised later. A hash below the minimum cost is refused, never
 * verified: a weak hash in the config must not become a weak sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** What new hashes use: N = 2^15, r = 8 (32 MiB, ~50–100 ms on a clerk's PC). */
export const DEFAULT_COST: ScryptCost = { ln: 15, r: 8, p: 1 };
/** Below this a stored hash is refused (OWASP's scrypt minimum is N = 2^17 with p = 1 or 2^15 with higher p; 2^14 is the floor we accept). */
export const MINIMUM_COST: ScryptCost = { ln: 14, r: 8, p: 1 };
/** Above this a stored hash is refused too: a config must not make each attempt cost gigabytes. */
const MAXIMUM = { ln: 20, r: 32, p: 16 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export class PasswordHashError extends Error {}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const N = 2 ** cost.ln;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  checkCost(cost);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{43,})$/;

/** Reads a stored hash; throws PasswordHashError for a malformed one or one outside the cost bounds. */
export function parseHash(stored: string): ParsedHash {
  const match = FORMAT.exec(stored);
  if (!match) throw new PasswordHashError('Wachtwoordhash heeft niet de vorm $scrypt$ln=…,r=…,p=…$zout$hash.');
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  checkCost(cost);
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const key = Buffer.from(match[5] ?? '', 'base64');
  if (salt.length < SALT_BYTES || key.length < KEY_BYTES) throw new PasswordHashError('Wachtwoordhash: zout of hash te kort.');
  return { cost, salt, key };
}

function checkCost(cost: ScryptCost): void {
  if (cost.ln < MINIMUM_COST.ln || cost.r < MINIMUM_COST.r || cost.p < MINIMUM_COST.p) {
    throw new PasswordHashError(`Wachtwoordhash te zwak: minimaal ln=${MINIMUM_COST.ln}, r=${MINIMUM_COST.r}, p=${MINIMUM_COST.p}.`);
  }
  if (cost.ln > MAXIMUM.ln || cost.r > MAXIMUM.r || cost.p > MAXIMUM.p) {
    throw new PasswordHashError(`Wachtwoordhash te zwaar: hoogstens ln=${MAXIMUM.ln}, r=${MAXIMUM.r}, p=${MAXIMUM.p}.`);
  }
}

/** True when `password` matches `stored`; compares in constant time. Throws for an unusable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { cost, salt, key } = parseHash(stored);
  const candidate = await derive(password, salt, cost, key.length);
  return timingSafeEqual(candidate, key);
}
