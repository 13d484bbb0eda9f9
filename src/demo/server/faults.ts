/**
 * Fault injection, switchable per test: the failures a real municipal network and a real
 * Open Zaak / Open Klant show. Off unless a test adds a rule; the app never uses it. Tests can
 * also observe every request the demo received (`observe`), e.g. to check it against the specs.
 */
import type { FastifyInstance } from 'fastify';

export type Fault =
  /** Answer with this status (500, 503 with Retry-After, 401 as for an expired token) without touching data. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; /** The problem's title and detail (default: a generic one); e.g. a server echoing input. */ title?: string }
  /** Wait before handling: a slow server, or a timeout when longer than the client's. */
  | { kind: 'delay'; ms: number }
  /** Handle the request (the write is committed), then hold the response back: a client with a shorter timeout gives up. */
  | { kind: 'delay-after-commit'; ms: number }
  /** Handle the request (the write is committed), then drop the connection: the response is lost. */
  | { kind: 'drop-after-commit' }
  /** Drop the connection before handling anything. */
  | { kind: 'drop' }
  /** Handle the request, then send a body that is not JSON. */
  | { kind: 'malformed-json' };

export interface FaultRule {
  method?: string;
  /** Matched against the path and query, e.g. /klantcontacten$ or page=2. */
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default: all). */
  times?: number;
  /** Let this many matching requests through first. */
  skip?: number;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  toSkip: number;
  hits: number;
}

/** A request as the demo received it, for tests that check what a client sent (e.g. against the specs). */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  /** The parsed JSON body, if any. */
  body: unknown;
  status: number;
}

export class Faults {
  private rules: ActiveRule[] = [];
  private observers = new Set<(request: SeenRequest) => void>();

  /** Calls `observer` with every request once it is answered; returns a function that stops it. */
  observe(observer: (request: SeenRequest) => void): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** Whether a test observes the requests (the server builds nothing for them otherwise). */
  get observed(): boolean {
    return this.observers.size > 0;
  }

  /** @internal the server reports each answered request here. */
  seen(request: SeenRequest): void {
    for (const observer of this.observers) observer(request);
  }

  /** Adds a rule; returns a function that removes it again. */
  add(rule: FaultRule): { remove: () => void; hits: () => number } {
    const active: ActiveRule = { ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY, toSkip: rule.skip ?? 0, hits: 0 };
    this.rules.push(active);
    return { remove: () => void (this.rules = this.rules.filter((r) => r !== active)), hits: () => active.hits };
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if a rule matches and still has budget. */
  take(method: string, url: string): Fault | null {
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!rule.path.test(url)) continue;
      if (rule.toSkip > 0) {
        rule.toSkip -= 1;
        continue;
      }
      if (rule.remaining <= 0) continue;
      rule.remaining -= 1;
      rule.hits += 1;
      return rule.fault;
    }
    return null;
  }
}

const FAULT = Symbol('fault');
type WithFault = { [FAULT]?: Fault };

/** Installs the hooks that apply the faults to every API of the demo server. */
export function installFaults(app: FastifyInstance, faults: Faults): void {
  app.addHook('onRequest', async (request, reply) => {
    const fault = faults.take(request.method, request.url);
    if (!fault) return;
    (request as unknown as WithFault)[FAULT] = fault;
    if (fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault.kind === 'drop') {
      request.raw.socket.destroy();
      return reply;
    }
    if (fault.kind === 'status') {
      if (fault.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(fault.retryAfterSeconds));
      const title = fault.title ?? (fault.status === 401 ? 'Niet geautoriseerd.' : 'Tijdelijke storing.');
      return reply
        .code(fault.status)
        .type('application/problem+json')
        .send({ type: 'about:blank', code: fault.status === 401 ? 'not_authenticated' : 'error', title, status: fault.status, detail: title, instance: `urn:uuid:00000000-0000-4000-8000-${String(fault.status).padStart(12, '0')}` });
    }
    return undefined;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!faults.observed) return;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
    faults.seen({ method: request.method, url: request.url, headers, body: request.body, status: reply.statusCode });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const fault = (request as unknown as WithFault)[FAULT];
    if (fault?.kind === 'delay-after-commit') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'drop-after-commit') {
      reply.raw.socket?.destroy();
      return payload;
    }
    if (fault?.kind === 'malformed-json') return '{"results": [ this is not json';
    return payload;
  });
}
