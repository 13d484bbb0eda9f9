/**
 * Issue 11: draining the outbox. Contacts of several customers waiting, then sent with 50 ms and
 * 500 ms per request (the demo's delay fault on every request): customers side by side (ours,
 * 4 lanes) against today's sequential flush (one entry at a time), and the recovery after an
 * outage (every connection dropped while 100 contacts pile up): from the zaaksysteem answering
 * again to an empty outbox, with the engine on its own timer as in the app.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDemoServer, type DemoServer } from '../../../src/demo';
import { ZgwAdapter } from '../../../src/main/core/adapters/zgw/adapter';
import { EventBus } from '../../../src/main/core/events';
import { ContactService } from '../../../src/main/core/services/contacts';
import { Store } from '../../../src/main/core/store';
import { SyncEngine } from '../../../src/main/core/sync/engine';
import { demoConnection, RIG_USER } from '../../support/sync-rig';
import { summarise, type BenchReport } from '../harness';

const CUSTOMERS = 20;
const PARALLEL = 4;

interface Rig {
  store: Store;
  engine: (concurrency: number) => SyncEngine;
  queue: (n: number, label: string) => void;
  pending: () => number;
}

async function rigFor(server: DemoServer, workDir: string): Promise<Rig> {
  const store = Store.open(join(workDir, 'drain.sqlite'));
  const adapter = new ZgwAdapter(demoConnection(server, { timeoutMs: 5_000 }), RIG_USER, store.remoteCache);
  const engine = (concurrency: number) =>
    new SyncEngine(store, adapter, new EventBus(), { prefetchPartijen: false, outboxIntervalMs: 2_000, partijenRefreshMs: 3_600_000, log: () => {}, outboxConcurrency: concurrency });
  await engine(1).prefetchCustomers();
  const ids = store.db.prepare("SELECT id FROM customers WHERE soort = 'persoon' LIMIT ?").pluck().all(CUSTOMERS) as string[];
  const contacts = new ContactService(store, { kanalen: ['telefoon'], user: RIG_USER }, () => {});
  return {
    store,
    engine,
    queue: (n, label) => {
      for (let i = 0; i < n; i++) contacts.register({ customerId: ids[i % ids.length]!, kanaal: 'telefoon', onderwerp: `${label} ${i}`, inhoud: '' });
    },
    pending: () => store.outbox.counts().pending,
  };
}

/** Seconds to send `n` waiting contacts with this many lanes. */
async function drainOnce(rig: Rig, concurrency: number, n: number, label: string): Promise<number> {
  rig.queue(n, label);
  const engine = rig.engine(concurrency);
  const started = performance.now();
  while (rig.pending() > 0) await engine.flushOutbox();
  return (performance.now() - started) / 1000;
}

/** Seconds from the zaaksysteem answering again to an empty outbox, after an outage with `n` contacts written. */
async function recoveryOnce(rig: Rig, server: DemoServer, n: number, label: string): Promise<{ total: number; afterFirstAnswer: number }> {
  const engine = rig.engine(PARALLEL);
  const outage = server.faults.add({ path: /./, fault: { kind: 'drop' } });
  engine.start();
  try {
    for (let i = 0; i < n; i++) {
      rig.queue(1, `${label} ${i}`);
      engine.kick();
      await new Promise((resolve) => setTimeout(resolve, 20)); // a clerk keeps working: probes fail meanwhile
    }
    outage.remove();
    const back = performance.now();
    let firstAnswer: number | null = null;
    const answered = server.faults.add({ path: /./, fault: { kind: 'delay', ms: 0 }, times: 1 });
    while (rig.pending() > 0) {
      if (firstAnswer === null && answered.hits() > 0) firstAnswer = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const end = performance.now();
    answered.remove();
    return { total: (end - back) / 1000, afterFirstAnswer: (end - (firstAnswer ?? back)) / 1000 };
  } finally {
    await engine.stop();
  }
}

export async function drainSuite(report: BenchReport, workDir: string, quick: boolean): Promise<void> {
  const server = await startDemoServer({ dbPath: join(workDir, 'demo-drain.sqlite'), size: 'demo', log: () => {} });
  try {
    const rig = await rigFor(server, workDir);
    for (const latency of [50, 500]) {
      const n = latency === 50 ? (quick ? 40 : 100) : quick ? 12 : 24;
      const runs = quick ? 1 : latency === 50 ? 3 : 2;
      const delay = server.faults.add({ path: /./, fault: { kind: 'delay', ms: latency } });
      const dataset = `${n} klantcontacten of ${Math.min(n, CUSTOMERS)} customers, ${latency} ms per request`;
      const seconds: Record<'sequential' | 'parallel', number[]> = { sequential: [], parallel: [] };
      for (let r = 0; r < runs; r++) {
        seconds.sequential.push(await drainOnce(rig, 1, n, `Sequentieel ${latency} ${r}`));
        seconds.parallel.push(await drainOnce(rig, PARALLEL, n, `Parallel ${latency} ${r}`));
      }
      delay.remove();
      const perContact = (s: number[]) => summarise(s.map((v) => (v * 1000) / n));
      const seq = perContact(seconds.sequential);
      const par = perContact(seconds.parallel);
      report.add({ name: `outbox drain, sequential (today's flush): ms per contact at ${latency} ms`, unit: 'ms', dataset, ...seq, note: `${seconds.sequential.map((s) => s.toFixed(1)).join(' / ')} s in all` });
      report.add({ name: `outbox drain, ${PARALLEL} customers side by side: ms per contact at ${latency} ms`, unit: 'ms', dataset, ...par, note: `${seconds.parallel.map((s) => s.toFixed(1)).join(' / ')} s in all` });
      report.add({ name: `outbox drain at ${latency} ms: sequential / side by side`, unit: 'ratio', dataset, n: runs, p50: seq.p50 / par.p50, p95: seq.p95 / par.p95 });
    }
    {
      const n = 100;
      const runs = quick ? 1 : 3;
      const totals: number[] = [];
      const drains: number[] = [];
      for (let r = 0; r < runs; r++) {
        const { total, afterFirstAnswer } = await recoveryOnce(rig, server, n, `Herstel ${r}`);
        totals.push(total * 1000);
        drains.push(afterFirstAnswer * 1000);
      }
      const dataset = `${n} klantcontacten of ${CUSTOMERS} customers written during an outage (loopback)`;
      report.add({ name: 'recovery: zaaksysteem back to empty outbox', unit: 'ms', dataset, ...summarise(totals), note: 'includes waiting for the next probe (at most 5 s apart)' });
      report.add({ name: 'recovery: first answer to empty outbox', unit: 'ms', dataset, ...summarise(drains) });
    }
    rig.store.close();
  } finally {
    await server.close();
  }
}
