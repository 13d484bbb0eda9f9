/** BSN elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not 000000000 (domain.md). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}

/** Shows only the last four digits: `*****3653`. A BSN is masked wherever it is shown by default. */
export function maskBsn(bsn: string): string {
  return `*****${bsn.slice(-4)}`;
}
