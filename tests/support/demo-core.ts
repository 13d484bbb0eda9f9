/**
 * A real core (dispatcher, services, outbox, ZGW adapter) on the embedded demo zaaksysteem over
 * HTTP, with the fixed development user: for suites that follow a clerk's input from the door to
 * what the zaaksysteem stored. The outbox is driven by the test (`settle`), not by a timer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DEMO_CREDENTIALS, DEMO_PATHS } from '../../src/demo';
import { startCore, type StartedCore } from '../../src/main/core';

export const BERT_BSN = '999993653';

/** The outbox kinds a clerk's calls write (src/main/core/sync/kinds). */
export const CLERK_KINDS = ['klantcontact', 'contactverzoek', 'zaak', 'callback-wijziging'];

export interface DemoCore {
  core: StartedCore;
  demoUrl: string;
  /** Bert Burger, cached from the demo. */
  bertId: string;
  /** Where the outbox stands now: `settle` looks at the clerk's entries written after it. */
  outboxMark(): number;
  /** Sends the outbox until none of the clerk's entries since `mark` is pending; their states. */
  settle(mark: number): Promise<{ kind: string; state: string; lastError: string | null }[]>;
  /** A GET on one of the demo's resources, with the demo's credentials. */
  read(url: string): Promise<Record<string, unknown>>;
  /** Every result of a demo list (follows `next`). */
  list(url: string): Promise<Record<string, unknown>[]>;
}

export async function startDemoCore(dataDir: string, roles = 'kcc'): Promise<DemoCore> {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'klantbeeld.config.json'),
    JSON.stringify({ adapter: { kind: 'demo', port: 0 }, sync: { prefetchPartijen: false, outboxIntervalSeconds: 3600, workQueueSeconds: 3600 } }),
  );
  const core = await startCore({ dataDir, env: { KLANTBEELD_AUTH: 'vast', KLANTBEELD_USER_ROLES: roles }, log: () => {} });
  const demoUrl = core.demoUrl;
  if (!demoUrl) throw new Error('the embedded demo did not start');
  await core.sync.prefetchCustomers();
  const bertId = core.store.customers.search(BERT_BSN, 1)[0]?.id;
  if (!bertId) throw new Error('Bert Burger is not in the cache after the prefetch');

  // What a clerk's call writes; the verwerkingenlog's batches (also outbox entries) are not the test's.
  const entries = (mark: number) =>
    core.store.db
      .prepare(`SELECT kind, state, last_error AS lastError FROM outbox WHERE id > ? AND kind IN (${CLERK_KINDS.map(() => '?').join(',')}) ORDER BY id`)
      .all(mark, ...CLERK_KINDS) as { kind: string; state: string; lastError: string | null }[];

  const read = async (url: string) => {
    const zgw = !url.startsWith(`${demoUrl}${DEMO_PATHS.klantinteracties}`);
    const token = zgw
      ? `Bearer ${await new SignJWT({ client_id: DEMO_CREDENTIALS.zgwClientId, user_id: 'test', user_representation: 'Test' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuer(DEMO_CREDENTIALS.zgwClientId)
          .setIssuedAt()
          .sign(new TextEncoder().encode(DEMO_CREDENTIALS.zgwSecret))}`
      : `Token ${DEMO_CREDENTIALS.klantinteractiesToken}`;
    const response = await fetch(url, { headers: { Authorization: token, 'Accept-Crs': 'EPSG:4326' } });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };

  return {
    core,
    demoUrl,
    bertId,
    outboxMark: () => (core.store.db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number),
    async settle(mark) {
      // Each pass sends what is due; an entry that met a transient error waits for its backoff, so make it due.
      for (let pass = 0; pass < 20; pass++) {
        await core.sync.flushOutbox();
        const states = entries(mark);
        if (states.every((entry) => entry.state !== 'pending')) return states;
        core.store.db.prepare("UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'").run();
      }
      return entries(mark);
    },
    read,
    async list(url) {
      const out: Record<string, unknown>[] = [];
      for (let next: string | null = url; next; ) {
        const page = await read(next);
        out.push(...(page.results as Record<string, unknown>[]));
        next = page.next as string | null;
      }
      return out;
    },
  };
}
