/** A person reviews parked entries: corrects and resends one, discards another, on record. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutboxService } from '../../../src/main/core/services/outbox';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let review: OutboxService;
beforeAll(async () => {
  rig = await startSyncRig();
  review = new OutboxService(rig.store, () => {});
});
afterAll(async () => rig.close());

async function parkOne(onderwerp: string) {
  const contact = rig.contacts.register({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp, inhoud: 'Notitie' });
  const refusal = rig.server.faults.add({ method: 'POST', path: /\/(klantcontacten|maak-klantcontact)$/, fault: { kind: 'status', status: 400 }, times: 1 });
  await rig.engine.flushOutbox();
  refusal.remove();
  return contact;
}

it('lists a parked entry with what it is and why, then resends it corrected', async () => {
  const contact = await parkOne('Te corrigeren vraag');
  const [item] = review.list(RIG_USER).items;
  expect(item).toMatchObject({ state: 'parked', kind: 'klantcontact', summary: 'Klantcontact (telefoon): Te corrigeren vraag', lastError: expect.stringMatching(/HTTP 400/) });

  review.resend(item!.id, { onderwerp: 'Gecorrigeerde vraag' }, RIG_USER);
  expect(rig.store.contacts.get(contact.id)).toMatchObject({ onderwerp: 'Gecorrigeerde vraag', syncState: 'pending' });
  await rig.engine.flushOutbox();
  expect(rig.store.contacts.get(contact.id)?.syncState).toBe('sent');
  const atServer = rig.server.db.prepare('SELECT count(*) FROM klantcontact WHERE onderwerp = ?').pluck();
  expect(atServer.get('Gecorrigeerde vraag')).toBe(1);
  expect(atServer.get('Te corrigeren vraag')).toBe(0);
  expect(review.list(RIG_USER).items).toEqual([]);
});

it('discards a parked entry on record and removes its local contact', async () => {
  const contact = await parkOne('Wordt opgegeven');
  const [item] = review.list(RIG_USER).items;
  review.discard(item!.id, RIG_USER);
  expect(rig.store.contacts.get(contact.id)).toBeUndefined();
  expect(rig.engine.status()).toMatchObject({ pending: 0, failed: 0 });
  expect(rig.store.db.prepare('SELECT discarded_by FROM outbox WHERE id = ?').pluck().get(item!.id)).toBe('bianca.de.vries');
  expect(() => review.discard(item!.id, RIG_USER)).toThrow(/niet \(meer\) in de wachtrij/);
});

it('refuses to touch an entry that is not parked', () => {
  rig.contacts.register({ customerId: rig.bertId, kanaal: 'telefoon', onderwerp: 'Wacht nog', inhoud: '' });
  const [item] = review.list(RIG_USER).items;
  expect(item?.state).toBe('pending');
  expect(() => review.resend(item!.id, undefined, RIG_USER)).toThrow(/Alleen berichten die zijn tegengehouden/);
});
