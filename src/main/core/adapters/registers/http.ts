/**
 * JSON over HTTP for the basisregistraties (BRP, KvK): the same timeout, retry and Dutch errors
 * as the zaaksysteem adapter (zgw/http.ts): a RemoteError, `transient` for network, time-outs,
 * 5xx, 408 and 429 (asked once more after a short pause: the clerk is waiting, so no long
 * backoff), `permanent` otherwise. Search keys travel in POST bodies or as the register's own
 * query parameters; nothing of them is logged.
 */
import { RemoteError } from '../types';

export interface RegisterConnection {
  /** The register's name as the clerk reads it: "de BRP", "het Handelsregister". */
  naam: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Pause before the one retry of a transient failure (default 200 ms). */
  retryPauseMs?: number;
}

const TRANSIENT = (status: number) => status >= 500 || status === 408 || status === 429;

export class RegisterHttp {
  /** Requests and response bytes so far (the scale bench reads them). */
  readonly counters = { requests: 0, bytes: 0 };

  constructor(private readonly connection: RegisterConnection) {}

  async json(url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
    try {
      return await this.once(url, init);
    } catch (error) {
      if (!(error instanceof RemoteError) || error.kind !== 'transient') throw error;
      await new Promise((resolve) => setTimeout(resolve, this.connection.retryPauseMs ?? 200));
      return this.once(url, init);
    }
  }

  private async once(url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
    const { naam } = this.connection;
    const Naam = naam.charAt(0).toUpperCase() + naam.slice(1);
    let response: Response;
    this.counters.requests++;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...this.connection.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.connection.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new RemoteError(timedOut ? `${Naam} antwoordt niet op tijd.` : `${Naam} is niet bereikbaar.`, 'transient');
    }
    const text = await response.text();
    this.counters.bytes += Buffer.byteLength(text);
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new RemoteError(`Onleesbaar antwoord van ${naam} (HTTP ${response.status}).`, 'transient', response.status);
      }
    }
    if (!response.ok) {
      const problem = (body ?? {}) as { title?: unknown; detail?: unknown; invalidParams?: unknown };
      const params = Array.isArray(problem.invalidParams)
        ? (problem.invalidParams as { name?: unknown; reason?: unknown }[]).map((p) => `${String(p.name)}: ${String(p.reason)}`).join('; ')
        : '';
      const detail = params || (typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : '');
      const status = response.status;
      const message =
        status === 401 || status === 403
          ? `${Naam} weigert de toegang (HTTP ${status}).`
          : `${Naam} meldt een fout (HTTP ${status})${detail ? `: ${detail.replace(/\.+$/, '')}` : ''}.`;
      throw new RemoteError(message, TRANSIENT(status) ? 'transient' : 'permanent', status);
    }
    return body;
  }
}
