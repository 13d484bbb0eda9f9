/**
 * The loopback endpoint telephony software calls on an incoming call (screen-pop):
 * `POST /screenpop` with `Authorization: Bearer <screenpop.secret>` and `{"nummer": "..."}`.
 * The browser host serves it beside its own routes; the desktop app's core listens on
 * `screenpop.port` (127.0.0.1 only). Both use the checks below. Phone numbers are personal
 * data: they are never logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import type { Core } from './api';
import type { KlantbeeldConfig } from './config/schema';

export const SCREENPOP_PATH = '/screenpop';
/** Where the desktop core's listener says where it is: in the user's own (owner-only) data folder. */
export const SCREENPOP_ENDPOINT_FILE = 'klantbeeld.screenpop.json';
const MAX_BODY_BYTES = 4 * 1024;
const Body = z.object({ nummer: z.string().min(1).max(40) }).strict();

export interface ScreenPopReply {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (status: number, code: string, message: string): ScreenPopReply => ({ status, body: { ok: false, error: { code, message } } });

export function bearerMatches(header: string | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const a = Buffer.from(header.slice('Bearer '.length));
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Everything but the transport: the secret, no browser origin (a web page in the clerk's
 * browser must not pop a customer), JSON with a number; then the core does the rest and
 * pushes `screenpop` to the window(s). The answer tells the caller only how many matched.
 */
export async function handleScreenPop(
  core: Pick<Core, 'dispatch'>,
  secret: string | null,
  request: { authorization?: string; origin?: string; contentType?: string; body: unknown },
): Promise<ScreenPopReply> {
  if (!secret) return refuse(404, 'not_found', 'Screen-pop is niet ingeschakeld (screenpop.secret).');
  if (!bearerMatches(request.authorization, secret)) return refuse(401, 'unauthenticated', 'Onjuist of ontbrekend gedeeld geheim.');
  if (request.origin !== undefined) return refuse(403, 'forbidden', 'Screen-pop is er niet voor webpagina’s.');
  if (!/^application\/json\b/i.test(request.contentType ?? '')) return refuse(415, 'invalid_input', 'Alleen JSON wordt geaccepteerd.');
  const parsed = Body.safeParse(request.body);
  if (!parsed.success) return refuse(400, 'invalid_input', 'Verwacht {"nummer": "..."}.');
  const result = await core.dispatch('customers.screenPop', { nummer: parsed.data.nummer });
  if (!result.ok) return refuse(result.error.code === 'forbidden' ? 403 : 503, result.error.code, result.error.message);
  const pop = result.value as { customerId: string | null; candidates: unknown[] };
  const match = pop.customerId ? 'one' : pop.candidates.length > 1 ? 'several' : 'none';
  return { status: 200, body: { ok: true, match } };
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // Too large: read on without keeping it, then answer 413 (destroying the socket would lose the answer).
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The desktop app's loopback listener (the core runs it when `screenpop.port` is set). */
export async function startScreenPopListener(
  core: Pick<Core, 'dispatch'>,
  options: { port: number; secret: string; log: (line: string) => void },
): Promise<{ port: number; close(): Promise<void> }> {
  let port = options.port;
  const server: Server = createServer((request, response) => {
    const send = (reply: ScreenPopReply) => {
      response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(reply.body));
    };
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(refuse(421, 'forbidden', 'Onbekende host.'));
    if (request.method !== 'POST' || request.url !== SCREENPOP_PATH) return send(refuse(404, 'not_found', 'Niet gevonden.'));
    void (async () => {
      const text = await readBody(request);
      if (text === null) return send(refuse(413, 'invalid_input', 'Te groot.'));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      send(
        await handleScreenPop(core, options.secret, {
          authorization: request.headers.authorization,
          origin: request.headers.origin,
          contentType: request.headers['content-type'],
          body,
        }),
      );
    })().catch(() => send(refuse(500, 'internal', 'Er ging intern iets mis.')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  options.log(`screen-pop: listening on 127.0.0.1:${port}${SCREENPOP_PATH}`);
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The desktop core's screen-pop endpoint as configured: a fixed port with the configured secret
 * (one user per machine), or, with `perUser` (terminal servers), a free port and a fresh secret
 * for this user alone. Either way its URL is written to klantbeeld.screenpop.json in the data
 * folder (owner-only; with `perUser` the secret too, as only this user may read it), and
 * removed again on close. Null when the endpoint is off or cannot listen (logged).
 */
export async function startScreenPopEndpoint(
  core: Pick<Core, 'dispatch'>,
  options: { config: KlantbeeldConfig['screenpop']; dataDir: string; log: (line: string) => void },
): Promise<{ port: number; close(): Promise<void> } | null> {
  const { config, log } = options;
  const perUser = config.perUser;
  const secret = perUser ? randomBytes(32).toString('base64url') : config.secret;
  const port = perUser ? 0 : config.port;
  if (!secret || (!perUser && port === 0)) return null;
  let listener: Awaited<ReturnType<typeof startScreenPopListener>>;
  try {
    listener = await startScreenPopListener(core, { port, secret, log });
  } catch (error) {
    log(`screen-pop: could not listen on 127.0.0.1:${port}: ${(error as Error).message}`);
    return null;
  }
  const file = join(options.dataDir, SCREENPOP_ENDPOINT_FILE);
  const endpoint = { url: `http://127.0.0.1:${listener.port}${SCREENPOP_PATH}`, ...(perUser ? { secret } : {}) };
  writeFileSync(file, `${JSON.stringify(endpoint, null, 2)}\n`, { mode: 0o600 });
  return {
    port: listener.port,
    async close() {
      rmSync(file, { force: true });
      await listener.close();
    },
  };
}
