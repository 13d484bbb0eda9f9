import { vi } from 'vitest';

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

/** A JSON body parsed; anything else (a server sending garbage) kept as its text, so recording never breaks the call. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Records every HTTP exchange the code under test makes through global fetch. */
export function recordFetch(): { exchanges: Exchange[]; restore: () => void } {
  const original = globalThis.fetch;
  const exchanges: Exchange[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await original(input, init);
    const text = await response.clone().text();
    exchanges.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url: String(input),
      requestHeaders: Object.fromEntries(new Headers(init?.headers).entries()),
      requestBody: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      status: response.status,
      responseBody: text ? parsedOrText(text) : undefined,
    });
    return response;
  });
  return { exchanges, restore: () => spy.mockRestore() };
}
