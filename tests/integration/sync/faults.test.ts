/**
 * The sync engine against the demo zaaksysteem with injected faults: nothing a clerk registers
 * is lost or doubled, whatever the network and the server do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
beforeAll(async () => {
  rig = await startSyncRig({ timeoutMs: 1_000, pageSize: 3 }); // small pages: dossiers span several
});
afterAll(async () => rig.close());
afterEach(() => rig.server.faults.clear());

let counter = 0;
function register() {
  counter += 1;
  return rig.contacts.register({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp: `Storingstest ${counter} ${Date.now()}`, inhoud: 'Notitie' });
}

/** How many klantcontacten with this onderwerp the demo zaaksysteem holds, with all their parts. */
function atServer(onderwerp: string) {
  const rows = rig.server.db
    .prepare(
      `SELECT k.id,
              (SELECT count(*) FROM betrokkene b WHERE b.klantcontact_id = k.id) AS betrokkenen,
              (SELECT count(*) FROM actorklantcontact a WHERE a.klantcontact_id = k.id) AS actoren
       FROM klantcontact k WHERE k.onderwerp = ?`,
    )
    .all(onderwerp) as { id: number; betrokkenen: number; actoren: number }[];
  return rows;
}

async function deliverAll(rounds = 10) {
  for (let i = 0; i < rounds && rig.store.outbox.counts().pending > 0; i++) {
    rig.makeDue();
    await rig.engine.flushOutbox();
  }
}

describe('outbox delivery under faults', () => {
  it('retries after a 500 and delivers exactly once', async () => {
    const contact = register();
    const rule = rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 500 }, times: 2 });
    await deliverAll();
    expect(rule.hits()).toBe(2);
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(atServer(contact.onderwerp)).toEqual([expect.objectContaining({ betrokkenen: 1, actoren: 1 })]);
  });

  it('honours Retry-After of a 503', async () => {
    const contact = register();
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 503, retryAfterSeconds: 120 }, times: 1 });
    const before = Date.now();
    await rig.engine.flushOutbox();
    const next = rig.store.db.prepare('SELECT next_attempt_at FROM outbox WHERE entity_id = ?').pluck().get(contact.id) as string;
    expect(new Date(next).getTime() - before).toBeGreaterThanOrEqual(119_000);
    await deliverAll();
    expect(atServer(contact.onderwerp)).toHaveLength(1);
  });

  it('looks the object up after a lost response instead of creating a twin (dropped connection after commit)', async () => {
    const contact = register();
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    rig.server.faults.add({ method: 'POST', path: /\/betrokkenen$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    rig.server.faults.add({ method: 'POST', path: /\/actorklantcontacten$/, fault: { kind: 'drop-after-commit' }, times: 1 });
    await deliverAll();
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(atServer(contact.onderwerp)).toEqual([expect.objectContaining({ betrokkenen: 1, actoren: 1 })]);
  });

  it('looks the object up after a timeout whose request the server still committed', async () => {
    const contact = register();
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'delay-after-commit', ms: 1_500 }, times: 1 });
    await rig.engine.flushOutbox();
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('pending');
    // The slow request completes at the server: wait for its row, not for a time.
    await vi.waitFor(() => expect(atServer(contact.onderwerp)).toHaveLength(1), { timeout: 30_000, interval: 50 });
    await deliverAll();
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(atServer(contact.onderwerp)).toHaveLength(1);
  });

  it("parks a write Open Klant refuses the Token for, and says so in the status: a Token is never renewed, retrying does not help", async () => {
    const contact = register();
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 401 }, times: 1 });
    await deliverAll();
    expect(rig.store.contacts.get(contact.id)).toMatchObject({ syncState: 'failed', syncError: expect.stringMatching(/Open Klant weigert het Token/) });
    expect(rig.engine.status().message).toMatch(/klantinteractiesToken/);
    expect(atServer(contact.onderwerp)).toHaveLength(0);
  });

  it('parks a write the server rejects as invalid, visible on the contact, and keeps it', async () => {
    const contact = rig.contacts.register({ customerId: rig.bertId, kanaal: 'balie', onderwerp: 'Wordt geweigerd', inhoud: '' });
    rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 400 }, times: 1 });
    await deliverAll();
    expect(rig.store.contacts.get(contact.id)).toMatchObject({ syncState: 'failed', syncError: expect.stringMatching(/HTTP 400/) });
    expect(rig.engine.status().failed).toBeGreaterThan(0);
  });

  it('stays usable while the zaaksysteem drops every connection, and delivers after recovery', async () => {
    const contact = register();
    const outage = rig.server.faults.add({ path: /./, fault: { kind: 'drop' } });
    await rig.engine.flushOutbox();
    expect(rig.engine.status()).toMatchObject({ state: 'offline', pending: 1 });
    expect(rig.store.customers.search('Burger', 5).length).toBeGreaterThan(0);
    outage.remove();
    await deliverAll();
    expect(rig.engine.status()).toMatchObject({ state: 'idle', pending: 0, offlineSince: null });
    expect(atServer(contact.onderwerp)).toHaveLength(1);
  });
});

describe('servers without maak-klantcontact', () => {
  it('fall back to separate requests for klantcontact and betrokkene', async () => {
    const contact = register();
    const missing = rig.server.faults.add({ method: 'POST', path: /\/maak-klantcontact$/, fault: { kind: 'status', status: 404 } });
    await deliverAll();
    missing.remove();
    expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
    expect(atServer(contact.onderwerp)).toEqual([expect.objectContaining({ betrokkenen: 1, actoren: 1 })]);
  });
});

describe('dossier refresh under faults', () => {
  it('keeps the cached picture when a page 404s mid-pagination or a body is malformed', async () => {
    await rig.engine.refreshCustomer(rig.bertId);
    const before = rig.store.contacts.list(rig.bertId, 500).length;
    expect(before).toBeGreaterThan(5);
    const seen: boolean[] = [];
    const off = rig.events.on((name, payload) => {
      if (name === 'customer.refreshed') seen.push((payload as { ok: boolean }).ok);
    });
    rig.server.faults.add({ method: 'GET', path: /\/klantcontacten\?.*page=2/, fault: { kind: 'status', status: 404 }, times: 1 });
    await rig.engine.refreshCustomer(rig.bertId);
    // First pages only: a cancelled page-2 request of the previous refresh may still arrive.
    rig.server.faults.add({ method: 'GET', path: /\/zaken\?(?!.*page=)/, fault: { kind: 'malformed-json' }, times: 1 });
    await rig.engine.refreshCustomer(rig.bertId);
    off();
    expect(seen).toEqual([false, false]);
    expect(rig.store.contacts.list(rig.bertId, 500).length).toBe(before);
  });

  it('copes with slow responses', async () => {
    const slow = rig.server.faults.add({ method: 'GET', path: /./, fault: { kind: 'delay', ms: 150 } });
    await rig.engine.refreshCustomer(rig.bertId);
    expect(slow.hits()).toBeGreaterThan(0); // the refresh went through the slow server
    expect(rig.engine.status().message).toBeNull();
  });
});
