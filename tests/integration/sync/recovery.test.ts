/**
 * Issue 11, recovery after an outage: the demo zaaksysteem drops every connection while clerks
 * keep registering for several customers. When it answers again everything waiting goes at
 * once, each entry exactly once and each customer's in the order written; the status never says
 * idle with work waiting; the log has one line when the outage starts and one when it ends.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaakStartService } from '../../../src/main/core/services/zaak-start';
import type { FinishContact } from '../../../src/main/core/services/contacts';
import { contract, type SyncStatus } from '../../../src/shared/contract';
import { startSyncRig, type SyncRig } from '../../support/sync-rig';

const CUSTOMERS = 6;
const PER_CUSTOMER = 5;

let rig: SyncRig;
let lines: string[];
let statuses: SyncStatus[];
let run = 0;

beforeEach(async () => {
  lines = [];
  statuses = [];
  rig = await startSyncRig({ timeoutMs: 1_000 }, { log: (line) => lines.push(line), outboxConcurrency: 4 });
  rig.events.on((name, payload) => {
    if (name === 'sync.status') statuses.push(payload as SyncStatus);
  });
  run += 1;
});
afterEach(async () => rig.close());

function customers(): string[] {
  return rig.store.db.prepare("SELECT id FROM customers WHERE soort = 'persoon' ORDER BY id LIMIT ?").pluck().all(CUSTOMERS) as string[];
}

/** Registers contacts round-robin over the customers: `Herstel <run>/<customer>/<n>`. */
function registerRound(ids: string[], round: number): void {
  ids.forEach((customerId, c) => rig.contacts.register({ customerId, kanaal: 'telefoon', onderwerp: `Herstel ${run}/${c}/${round}`, inhoud: '' }));
}

/** What the demo received of this run, in the order it stored it. */
function received(): string[] {
  return rig.server.db.prepare('SELECT onderwerp FROM klantcontact WHERE onderwerp LIKE ? ORDER BY id').pluck().all(`Herstel ${run}/%`) as string[];
}

/** Flushes until the outbox is empty; the cap only catches a real hang (entries held back for good). */
async function flushUntilEmpty(): Promise<void> {
  for (let i = 0; i < 50 && rig.store.outbox.counts().pending > 0; i++) await rig.engine.flushOutbox();
  expect(rig.store.outbox.counts().pending).toBe(0);
}

/** An outage with work piling up: three rounds written, probes failing in between. */
async function outageWithWork(ids: string[]): Promise<{ remove: () => void }> {
  const outage = rig.server.faults.add({ path: /./, fault: { kind: 'drop' } });
  for (let round = 0; round < PER_CUSTOMER; round++) {
    registerRound(ids, round);
    rig.makeDue(); // the probe's time has come
    await rig.engine.flushOutbox();
    await rig.engine.refreshCustomer(ids[round]!); // the clerk opens a customer: a read fails too, unlogged
    expect(rig.engine.status()).toMatchObject({ state: 'offline', pending: ids.length * (round + 1) });
  }
  return outage;
}

function assertDeliveredOnceInOrder(ids: string[]): void {
  const got = received();
  expect(new Set(got).size).toBe(got.length);
  expect(got).toHaveLength(ids.length * PER_CUSTOMER);
  ids.forEach((_, c) => {
    const mine = got.filter((o) => o.startsWith(`Herstel ${run}/${c}/`));
    expect(mine).toEqual(Array.from({ length: PER_CUSTOMER }, (_, n) => `Herstel ${run}/${c}/${n}`));
  });
}

function assertOneOutageInTheLog(): void {
  expect(lines.filter((l) => /storing begonnen/.test(l))).toHaveLength(1);
  expect(lines.filter((l) => /storing voorbij/.test(l))).toEqual([expect.stringMatching(/na \d+ s en [1-9]\d* mislukte herhalingen/)]);
  expect(lines.filter((l) => /failed/.test(l))).toEqual([]);
}

describe('recovery after an outage', () => {
  it('one successful probe releases everything waiting: delivered once, in order per customer', async () => {
    const ids = customers();
    const outage = await outageWithWork(ids);
    outage.remove();
    rig.makeDue(); // only the probe's time: the others are released by its answer
    await rig.engine.flushOutbox();
    await flushUntilEmpty();
    assertDeliveredOnceInOrder(ids);
    assertOneOutageInTheLog();
    expect(rig.engine.status()).toMatchObject({ state: 'idle', pending: 0, offlineSince: null, nextAttemptAt: null });
    expect(statuses.filter((s) => s.state === 'idle' && s.pending > 0)).toEqual([]);
    expect(statuses.some((s) => s.sending !== null)).toBe(true);
  });

  it('a successful read ends the outage too: the entries are due at once, without waiting for their backoff', async () => {
    const ids = customers();
    const outage = await outageWithWork(ids);
    expect(rig.engine.status().nextAttemptAt).not.toBeNull();
    outage.remove();
    await rig.engine.refreshCustomer(ids[0]!);
    expect(new Date(rig.store.outbox.nextAttemptAt() ?? 0).getTime()).toBeLessThanOrEqual(Date.now());
    await flushUntilEmpty();
    assertDeliveredOnceInOrder(ids);
    assertOneOutageInTheLog();
    expect(statuses.filter((s) => s.state === 'idle' && s.pending > 0)).toEqual([]);
  });

  it('side by side, the ordering rules hold: a zaak started here goes before the contact linking to it', async () => {
    const ids = customers();
    const zaken = new ZaakStartService(rig.store, rig.adapter, () => {});
    const [zaaktype] = (await zaken.zaaktypen(false)).zaaktypen;
    const outage = rig.server.faults.add({ path: /./, fault: { kind: 'drop' } });
    ids.forEach((customerId, c) => {
      const zaak = zaken.start({ customerId, zaaktypeUrl: zaaktype!.url, omschrijving: `Herstelzaak ${run}/${c}` });
      const vraag = { onderwerp: `Herstel ${run}/${c}/zaak`, inhoud: '', gespreksresultaat: 'zaak_gestart', zaakIds: [zaak.id] };
      rig.contacts.finish(contract['contacts.finish'].input.parse({ draftId: randomUUID(), customerId, kanaal: 'telefoon', startedAt: new Date().toISOString(), vragen: [vraag] }) as FinishContact);
    });
    await rig.engine.flushOutbox();
    outage.remove();
    rig.makeDue();
    await flushUntilEmpty();
    const linked = rig.server.db.prepare(
      `SELECT k.onderwerp, o.object_id AS zaak FROM klantcontact k LEFT JOIN onderwerpobject o ON o.klantcontact_id = k.id AND o.code_objecttype = 'zaak' WHERE k.onderwerp LIKE ? ORDER BY k.onderwerp`,
    );
    const zaakUuid = rig.server.db.prepare('SELECT uuid FROM zaak WHERE omschrijving = ?').pluck();
    expect(linked.all(`Herstel ${run}/%/zaak`)).toEqual(ids.map((_, c) => ({ onderwerp: `Herstel ${run}/${c}/zaak`, zaak: zaakUuid.get(`Herstelzaak ${run}/${c}`) })));
  });

  it('entries that wait say so with their next attempt, never idle; a Retry-After holds even after a read answered', async () => {
    const [id] = customers();
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 503, retryAfterSeconds: 120 }, times: 1 });
    rig.contacts.register({ customerId: id!, kanaal: 'telefoon', onderwerp: `Herstel ${run}/0/0`, inhoud: '' });
    await rig.engine.flushOutbox();
    const status = rig.engine.status();
    expect(status).toMatchObject({ state: 'waiting', pending: 1, sending: null, offlineSince: null });
    // Retry-After honoured: nothing before the time the zaaksysteem asked for, even when a read answers meanwhile.
    expect(new Date(status.nextAttemptAt ?? 0).getTime() - Date.now()).toBeGreaterThan(100_000);
    await rig.engine.refreshCustomer(id!);
    expect(new Date(rig.engine.status().nextAttemptAt ?? 0).getTime() - Date.now()).toBeGreaterThan(100_000);
    await rig.engine.flushOutbox();
    expect(received()).toEqual([]);
  });
});
