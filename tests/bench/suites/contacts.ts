/**
 * Issue 3, register contacts: a contact written with its outbox entry in one transaction,
 * finishing a contact with two vragen (two klantcontacten, two outbox entries, the draft
 * removed, one transaction) and an autosave of a draft, each through the dispatcher on a copy
 * of the large local store.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Dispatcher, type Handlers } from '../../../src/main/core/dispatcher';
import { ContactService, contactHandlers } from '../../../src/main/core/services/contacts';
import { DraftService, draftHandlers } from '../../../src/main/core/services/drafts';
import { Store } from '../../../src/main/core/store';
import type { LocalSize } from '../fixtures/local-store';
import { timeCalls, type BenchReport } from '../harness';

const user = { id: 'bench', naam: 'Bench', email: 'bench@turfbrug.nl', roles: ['kcc' as const] };

export async function contactsSuite(report: BenchReport, storeFile: string, size: LocalSize, workDir: string): Promise<void> {
  const dataset = size.label;
  const file = join(workDir, 'contacts.sqlite');
  copyFileSync(storeFile, file);
  const store = Store.open(file);
  const config = {
    kanalen: ['telefoon', 'balie', 'e-mail', 'chat'],
    user,
    gespreksresultaten: ['zelfstandig_afgehandeld', 'doorverbonden'],
    afdelingen: ['Burgerzaken', 'Parkeren'],
  };
  const contacts = new ContactService(store, config, () => {});
  const drafts = new DraftService(store);
  const handlers = { ...contactHandlers(contacts), ...draftHandlers(drafts) } as Handlers;
  const dispatcher = new Dispatcher(handlers, () => ({ id: user.id, naam: user.naam, roles: user.roles }), () => {});
  const call = async (op: string, input: unknown) => {
    const result = await dispatcher.dispatch(op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  };
  const customers = store.db.prepare('SELECT id FROM customers ORDER BY random() LIMIT 500').pluck().all() as string[];
  // The clerk registers with a customer whose picture is on screen: it was just read.
  for (const id of customers) {
    store.contacts.list(id, 50);
    store.zaken.list(id, 50);
  }
  const notes = 'Belde over de bewonersvergunning voor een tweede auto. Uitgelegd dat dat niet kan; verwezen naar de website. '.repeat(4);

  const register = await timeCalls(customers.length, (i) =>
    call('contacts.register', { customerId: customers[i], kanaal: 'telefoon', onderwerp: `Parkeervergunning ${i}`, inhoud: notes }),
  );
  report.add({ name: 'contacts.register (contact + outbox entry, one transaction)', unit: 'ms', dataset, ...register });

  const finish = await timeCalls(customers.length, (i) =>
    call('contacts.finish', {
      draftId: randomUUID(),
      customerId: customers[i],
      kanaal: 'telefoon',
      startedAt: new Date().toISOString(),
      vragen: [
        { onderwerp: `Parkeervergunning ${i}`, inhoud: notes, gespreksresultaat: 'zelfstandig_afgehandeld', afdeling: 'Parkeren' },
        { onderwerp: `Verhuizing ${i}`, inhoud: '', gespreksresultaat: 'doorverbonden', afdeling: 'Burgerzaken' },
      ],
    }),
  );
  report.add({ name: 'contacts.finish, 2 vragen (2 contacts + 2 outbox entries + draft removed)', unit: 'ms', dataset, ...finish });

  // Typing: the same draft saved again and again, a little longer each time.
  const draftId = randomUUID();
  const base = {
    id: draftId,
    customerId: customers[0] ?? null,
    customerNaam: 'Bert Burger',
    kanaal: 'telefoon',
    bellerNaam: '',
    bellerNummer: '',
    startedAt: new Date().toISOString(),
  };
  const save = await timeCalls(500, (i) =>
    call('drafts.save', {
      ...base,
      vragen: [
        { key: 'v1', onderwerp: 'Parkeervergunning', inhoud: notes.slice(0, (i * 3) % notes.length), gespreksresultaat: '', afdeling: '', zaakIds: [] },
        { key: 'v2', onderwerp: 'Verhuizing', inhoud: notes.slice(0, 200), gespreksresultaat: '', afdeling: '', zaakIds: [] },
      ],
    }),
  );
  report.add({ name: 'drafts.save (autosave of an open contact, 2 vragen)', unit: 'ms', dataset, ...save });

  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
