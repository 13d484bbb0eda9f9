/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
