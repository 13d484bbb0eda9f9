/**
 * Rate-limits notices: the first one goes out at once, anything arriving within the interval
 * after a delivery waits and goes out together at the end of it ("3 nieuwe meldingen"). So at
 * most one delivery per interval, and nothing is dropped.
 */
export interface NoticeBundler<T> {
  push(item: T): void;
  /** Drop what is waiting and stop the timer (on sign-out or when muted). */
  clear(): void;
}

export function createNoticeBundler<T>(deliver: (items: T[]) => void, intervalMs: number): NoticeBundler<T> {
  let lastDelivery = Number.NEGATIVE_INFINITY;
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    timer = null;
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    lastDelivery = Date.now();
    deliver(items);
  }

  return {
    push(item) {
      waiting.push(item);
      if (timer !== null) return;
      const wait = lastDelivery + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    clear() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting = [];
    },
  };
}
