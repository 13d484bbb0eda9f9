import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HOST_SECRET_HEADER } from '../../shared/contract/transport';

/** The page's own origin(s): loopback only, on our port. Anything else is another site or DNS rebinding. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every request is hostile until shown otherwise: Host must be ours (DNS rebinding), Origin,
 * when sent, must be ours (CSRF from a page in the clerk's browser), and API calls carry the
 * per-start secret that only our own page received.
 */
export function checkRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  hosts: Set<string>,
  secret: string,
  needsSecret: boolean,
): boolean {
  const host = request.headers.host ?? '';
  if (!hosts.has(host)) {
    void reply.code(421).send({ ok: false, error: { code: 'forbidden', message: 'Onbekende host.' } });
    return false;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    void reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'Verzoek van een andere website geweigerd.' } });
    return false;
  }
  if (needsSecret && !secretMatches(request.headers[HOST_SECRET_HEADER], secret)) {
    void reply.code(401).send({ ok: false, error: { code: 'unauthenticated', message: 'Dit verzoek komt niet van Klantbeeld zelf.' } });
    return false;
  }
  return true;
}
