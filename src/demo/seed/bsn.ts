import type { Prng } from './prng';

/** 11-proef used for BSN and RSIN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zeros. */
export function isElfproef(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}

/** Completes an 8-digit prefix with the check digit that makes it pass the 11-proef, or null if none exists. */
export function completeElfproef(prefix8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(prefix8[i]) * (9 - i);
  const d9 = sum % 11;
  return d9 === 10 ? null : prefix8 + String(d9);
}

/**
 * All BSNs of the test range 999xxxxxx that pass the 11-proef (≈90,909), shuffled by the PRNG.
 * `reserved` numbers (e.g. Bert Burger's) are left out.
 */
export function testRangeBsnPool(prng: Prng, reserved: readonly string[] = []): string[] {
  const skip = new Set(reserved);
  const pool: string[] = [];
  for (let n = 0; n < 100_000; n++) {
    const bsn = completeElfproef('999' + String(n).padStart(5, '0'));
    if (bsn !== null && bsn !== '999999999' && !skip.has(bsn)) pool.push(bsn);
  }
  return prng.shuffle(pool);
}

/** A random 9-digit number that passes the 11-proef with the given first digit (for RSINs). */
export function randomRsin(prng: Prng, firstDigit = 8): string {
  for (;;) {
    const prefix = String(firstDigit) + String(prng.int(10_000_000)).padStart(7, '0');
    const v = completeElfproef(prefix);
    if (v !== null) return v;
  }
}
