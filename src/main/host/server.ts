import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../shared/contract/transport';
import type { Core } from '../core/api';
import { contractListing } from './contract-listing';
import { allowedHosts, checkRequest } from './guards';
import { handleScreenPop, SCREENPOP_PATH } from '../core/screenpop';


const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_operation: 404,
  unauthenticated: 401,
  niet_ingelogd: 401,
  vergrendeld: 423,
  te_veel_pogingen: 429,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** What the clerk (or a developer) reads when a request is refused before it reaches the core. */
const CLIENT_ERRORS: Record<number, string> = {
  400: 'De invoer is geen geldige JSON (of bevat niet-toegestane sleutels zoals __proto__).',
  413: 'Het verzoek is te groot.',
  415: 'Alleen JSON wordt geaccepteerd.',
};

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
  /** `screenpop.secret` from the configuration: enables POST /screenpop for telephony software. */
  screenPopSecret?: string | null;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

/** The browser host: the same core behind POST /api/<operation> and SSE /events, on loopback only. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secret = randomBytes(32).toString('base64url');
  const app: FastifyInstance = Fastify({ bodyLimit: 256 * 1024, logger: false, forceCloseConnections: true });
  let hosts = new Set<string>();
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="klantbeeld-secret" content="${secret}"></head>`,
  );

  // Every request, built assets included: a foreign Host is another site reached through DNS rebinding.
  app.addHook('onRequest', async (request, reply) => {
    if (!hosts.has(request.headers.host ?? '')) return reply.code(421).send({ ok: false, error: { code: 'forbidden', message: 'Onbekende host.' } });
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  // Built assets; index.html is only ever served with the secret injected, by the routes below.
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    index: false,
    prefix: '/',
    allowedPath: (pathName) => pathName !== '/index.html',
  });

  const sendIndex = (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (!checkRequest(request, reply, hosts, secret, false)) return reply;
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
  };
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);

  app.get('/api', async (request, reply) => {
    if (!checkRequest(request, reply, hosts, secret, false)) return reply;
    return contractListing();
  });

  app.post<{ Params: { operation: string } }>(`${HTTP_API_PREFIX}:operation`, async (request, reply) => {
    if (!checkRequest(request, reply, hosts, secret, true)) return reply;
    const result = await options.core.dispatch(request.params.operation, request.body ?? {});
    reply.header('Cache-Control', 'no-store');
    return reply.code(result.ok ? 200 : STATUS_OF[result.error.code]).send(result);
  });

  // Screen-pop for telephony software on this machine: its own shared secret, never a browser page.
  app.post(SCREENPOP_PATH, async (request, reply) => {
    if (!checkRequest(request, reply, hosts, secret, false)) return reply;
    const result = await handleScreenPop(options.core, options.screenPopSecret ?? null, {
      authorization: request.headers.authorization,
      origin: request.headers.origin,
      contentType: request.headers['content-type'],
      body: request.body,
    });
    return reply.code(result.status).header('Cache-Control', 'no-store').send(result.body);
  });

  app.get(HTTP_EVENTS_PATH, (request, reply) => {
    if (!checkRequest(request, reply, hosts, secret, true)) return reply;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': verbonden\n\n');
    const unsubscribe = options.core.onEvent((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': hartslag\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  // JSON only: anything else is refused before it reaches the core.
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('*', (_request, _payload, done) => {
    const error = Object.assign(new Error('Alleen JSON wordt geaccepteerd.'), { statusCode: 415 });
    done(error, undefined);
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) options.log?.(`host: ${error.message}`);
    // Our own Dutch words, never the framework's (English, naming internals).
    const message = status === 500 ? 'Er ging intern iets mis.' : (CLIENT_ERRORS[status] ?? 'Dit verzoek kan niet worden verwerkt.');
    void reply.code(status).send({ ok: false, error: { code: status === 500 ? 'internal' : 'invalid_input', message } });
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'Niet gevonden.' } });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  hosts = allowedHosts(port);
  return { url: `http://127.0.0.1:${port}/`, close: () => app.close() };
}
