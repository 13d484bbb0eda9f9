import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../src/shared/contract/client';
import { KlantbeeldError } from '../../../src/shared/contract/errors';
import { HOST_SECRET_HEADER } from '../../../src/shared/contract/transport';
import { createHttpTransport, type StreamState } from '../../../src/renderer/src/api/http-transport';

type Call = { url: string; init: RequestInit };

const syncStatus = { state: 'idle', pending: 0, failed: 0, offlineSince: null, lastSyncAt: null, message: null, progress: null, sending: null, nextAttemptAt: null };

/** A controllable SSE response body. */
function sseStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe('HTTP transport: calls', () => {
  it('POSTs the input as JSON to /api/<operation> with the secret header, and returns the envelope', async () => {
    const calls: Call[] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return Response.json({ ok: true, value: { results: [] } });
    });
    const client = createClient(createHttpTransport({ secret: 's3cret', fetch: fetch as typeof globalThis.fetch }));
    await expect(client.customers.search({ query: 'Burger' })).resolves.toEqual({ results: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/customers.search');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ query: 'Burger' });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers[HOST_SECRET_HEADER]).toBe('s3cret');
    expect(headers['content-type']).toBe('application/json');
  });

  it('throws the core error as a KlantbeeldError with its issues', async () => {
    const error = { code: 'invalid_input', message: 'Controleer de invoer.', issues: [{ path: 'onderwerp', message: 'Vul het onderwerp in.' }] };
    const fetch = async () => Response.json({ ok: false, error }, { status: 400 });
    const client = createClient(createHttpTransport({ secret: 's', fetch }));
    const thrown = await client.contacts.register({ customerId: crypto.randomUUID(), kanaal: 'telefoon', onderwerp: '' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(KlantbeeldError);
    expect((thrown as KlantbeeldError).issues).toEqual(error.issues);
  });

  it('turns a network failure into a Dutch "unavailable" and garbage into "internal"', async () => {
    const down = createHttpTransport({ secret: 's', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const result = await down.call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');

    const odd = createHttpTransport({ secret: 's', fetch: async () => new Response('<html>', { status: 502 }) });
    const oddResult = await odd.call('app.info', {});
    expect(!oddResult.ok && oddResult.error.code).toBe('internal');
  });
});

describe('HTTP transport: events', () => {
  it('reads the SSE stream with the secret header and delivers contract-valid payloads only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stream = sseStream();
    const urls: string[] = [];
    let headers: Record<string, string> = {};
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      urls.push(String(url));
      headers = init?.headers as Record<string, string>;
      return stream.response;
    };
    const transport = createHttpTransport({ secret: 'abc', fetch: fetch as typeof globalThis.fetch });
    const got: [string, unknown][] = [];
    const stop = transport.subscribe((name, payload) => got.push([name, payload]));
    await tick();
    expect(urls).toEqual(['/events']);
    expect(headers[HOST_SECRET_HEADER]).toBe('abc');

    stream.send(': verbonden\n\n');
    stream.send(`event: sync.status\ndata: ${JSON.stringify(syncStatus)}\n\n`);
    stream.send('event: sync.status\ndata: {"state":"bogus"}\n\n'); // does not match the contract
    stream.send('event: unknown.thing\ndata: {}\n\n');
    stream.send('event: sync.status\ndata: not json\n\n');
    await tick();
    expect(got).toEqual([['sync.status', syncStatus]]);
    expect(warn).toHaveBeenCalledTimes(2); // the mismatch and the non-JSON; unknown names are skipped quietly
    warn.mockRestore();
    stop();
  });

  it('reconnects with backoff when the stream drops, and reports its state', async () => {
    vi.useFakeTimers();
    const streams = [sseStream(), sseStream()];
    let opened = 0;
    const fetch = async () => {
      const s = streams[opened++];
      if (!s) throw new TypeError('Failed to fetch');
      return s.response;
    };
    const states: StreamState[] = [];
    const transport = createHttpTransport({ secret: 's', fetch, backoff: () => 1000 });
    transport.onStreamState((state) => states.push(state));
    const got: string[] = [];
    const stop = transport.subscribe((name) => got.push(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'open']);

    streams[0]!.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('reconnecting');
    expect(opened).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(opened).toBe(2);
    expect(states.at(-1)).toBe('open');

    streams[1]!.send(`event: sync.status\ndata: ${JSON.stringify(syncStatus)}\n\n`);
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual(['sync.status']);
    stop();
    streams[1]!.end();
    await vi.advanceTimersByTimeAsync(5000);
    expect(opened).toBe(2); // stopped: no reconnect after the last subscriber left
  });

  it('counts a stream silent past the heartbeat as lost (a cut network closes no socket) and reconnects', async () => {
    vi.useFakeTimers();
    const streams = [sseStream(), sseStream()];
    let opened = 0;
    const fetch = async () => streams[opened++]!.response;
    const states: StreamState[] = [];
    const transport = createHttpTransport({ secret: 's', fetch, backoff: () => 1000, silenceMs: 40_000 });
    transport.onStreamState((state) => states.push(state));
    const stop = transport.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    // The host's heartbeat every 15 s keeps it open, for a minute and more.
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(15_000);
      streams[0]!.send(': hartslag\n\n');
    }
    expect(states).toEqual(['connecting', 'open']);
    // Then nothing arrives any more: lost, said so, and tried again.
    await vi.advanceTimersByTimeAsync(40_000);
    expect(states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(opened).toBe(2);
    expect(states.at(-1)).toBe('open');
    stop();
  });

  it('tells a state listener that arrives while the stream is open that it is open', async () => {
    const stream = sseStream();
    const transport = createHttpTransport({ secret: 's', fetch: async () => stream.response });
    const stop = transport.subscribe(() => {});
    await tick();
    const late: StreamState[] = [];
    transport.onStreamState((state) => late.push(state));
    expect(late).toEqual(['open']);
    stop();
    const afterStop: StreamState[] = [];
    transport.onStreamState((state) => afterStop.push(state));
    expect(afterStop).toEqual([]);
  });
});
