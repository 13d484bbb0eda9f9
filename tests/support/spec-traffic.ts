/**
 * Every request a demo zaaksysteem receives, checked against the official specs (query
 * parameters, headers and body: spec-validator.ts `requestViolations`). Observed at the demo
 * itself, so it also sees what host processes and the embedded core send, not only this
 * process's fetch. Suites get it by default through startSyncRig, or with
 * `checkSpecTraffic(() => server)` next to their own beforeAll.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PATHS } from '../../src/demo';
import type { Faults, SeenRequest } from '../../src/demo/server/faults';
import { requestViolations, type SpecApi } from './spec-validator';

/** The demo's APIs that have an official spec in resources/specs (verwerkingenlogging and the objects API have none here). */
const SPEC_APIS: [string, SpecApi][] = [
  [DEMO_PATHS.zaken, 'zaken'],
  [DEMO_PATHS.catalogi, 'catalogi'],
  [DEMO_PATHS.klantinteracties, 'klantinteracties'],
  [DEMO_PATHS.documenten, 'documenten'],
  [DEMO_PATHS.brp, 'brp'],
];

export function specApiOf(url: string): SpecApi | null {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return SPEC_APIS.find(([prefix]) => path.startsWith(`${prefix}/`))?.[1] ?? null;
}

export interface SpecTraffic {
  /** Requests to a spec'd API the demo answered so far. */
  seen: SeenRequest[];
  /**
   * Checks what was seen (afterwards: compiling the specs' schemas takes seconds and must not
   * slow the requests under test). `violations`: what the spec forbids in requests the demo
   * accepted, i.e. the client sent something a real server may refuse. A request the demo
   * refused with 400 that the spec forbids too is a deliberate invalid write seen through (kept
   * apart in `refused`).
   */
  check(): { violations: string[]; refused: string[] };
  stop(): void;
}

/** Starts recording every request `demo` answers, for a check against the specs afterwards. */
export function watchSpecTraffic(demo: { faults: Faults }): SpecTraffic {
  const seen: SeenRequest[] = [];
  const stop = demo.faults.observe((request) => {
    if (specApiOf(request.url)) seen.push(request);
  });
  return {
    seen,
    stop,
    check() {
      const violations: string[] = [];
      const refused: string[] = [];
      for (const request of seen) {
        const wrong = requestViolations(specApiOf(request.url)!, request.method, request.url, request.headers, request.body);
        if (wrong.length === 0) continue;
        if (request.status === 400) refused.push(...wrong);
        else violations.push(...wrong.map((line) => `${line} (answered ${request.status})`));
      }
      return { violations, refused };
    },
  };
}

/** A readable failure: every distinct violation once, with how often it happened. */
export function describeViolations(violations: string[]): string {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${n}× ${v}` : v)).join('\n');
}

/**
 * For a suite that starts its own demo in a beforeAll: registers (after that beforeAll) the
 * watch on its traffic and, when the suite ends, fails it if any request was outside the specs
 * or none was checked at all.
 */
export function checkSpecTraffic(demo: () => { faults: Faults } | undefined): { traffic: () => SpecTraffic } {
  let traffic: SpecTraffic | undefined;
  beforeAll(() => {
    const server = demo();
    if (!server) throw new Error('checkSpecTraffic: the demo zaaksysteem is not started yet (call it after the beforeAll that starts it)');
    traffic = watchSpecTraffic(server);
  });
  afterAll(() => {
    traffic?.stop();
    expect(traffic?.seen.length ?? 0, 'no request to a spec’d API was checked').toBeGreaterThan(0);
    expect(describeViolations(traffic?.check().violations ?? [])).toBe('');
  }, 120_000);
  return { traffic: () => traffic! };
}
