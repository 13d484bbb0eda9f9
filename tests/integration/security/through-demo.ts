/**
 * Following a clerk's call through to the demo zaaksysteem: a valid call of each operation, one
 * field set on top, the outbox sent, and what the demo stored read back (over its HTTP API, as
 * any client would).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { DEMO_PATHS } from '../../../src/demo';
import type { CallResult } from '../../../src/shared/contract';
import { CLERK_KINDS, startDemoCore, type DemoCore } from '../../support/demo-core';
import type { FieldLimit, Stored } from '../../support/limits';
import { snapshotTables } from './snapshot';

/** Each contact its own moment: an unknown caller's klantcontact is found at the demo by it. */
let moments = 0;

/**
 * A core on the demo, and a valid call of each operation as the forms send it (the field under
 * test is set on top with `withField`).
 */
export async function startThroughDemo(dataDir: string): Promise<{ demo: DemoCore; baseInput: (operation: FieldLimit['operation']) => Record<string, unknown> }> {
  const demo = await startDemoCore(dataDir);
  const zaaktypen = await demo.core.dispatch('zaken.zaaktypen', {});
  if (!zaaktypen.ok) throw new Error(zaaktypen.error.message);
  const zaaktypeUrl = (zaaktypen.value as { zaaktypen: { url: string }[] }).zaaktypen[0]!.url;
  const baseInput = (operation: FieldLimit['operation']): Record<string, unknown> => {
    switch (operation) {
      case 'contacts.register':
        return { customerId: demo.bertId, kanaal: 'telefoon', onderwerp: 'Vraag over de afvalpas', inhoud: '' };
      case 'contacts.finish':
        // An unknown caller: the name goes with the klantcontact as its contactnaam.
        return {
          draftId: randomUUID(),
          customerId: null,
          kanaal: 'telefoon',
          bellerNaam: 'Onbekende Beller',
          bellerNummer: '0612345678',
          startedAt: new Date(Date.now() + ++moments).toISOString(),
          vragen: [{ onderwerp: 'Vraag over de afvalpas', inhoud: '', gespreksresultaat: 'zelfstandig_afgehandeld' }],
        };
      case 'callbacks.create':
        return { customerId: demo.bertId, kanaal: 'telefoon', onderwerp: 'Terugbellen over de afvalpas', toegewezenAan: [{ soort: 'groep', code: 'KCC' }] };
      case 'zaken.start':
        return { customerId: demo.bertId, zaaktypeUrl, omschrijving: 'Afvalcontainer aanvragen' };
    }
  };
  return { demo, baseInput };
}

/** A copy of `input` with the field at a dotted path (`vragen.0.onderwerp`) set to `value`. */
export function withField(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  const keys = path.split('.');
  let place: Record<string, unknown> | unknown[] = copy;
  for (const [index, key] of keys.entries()) {
    const last = index === keys.length - 1;
    const slot = Array.isArray(place) ? Number(key) : key;
    const current = (place as Record<string | number, unknown>)[slot];
    if (last) (place as Record<string | number, unknown>)[slot] = value;
    else {
      const next = current ?? (/^\d+$/.test(keys[index + 1]!) ? [] : {});
      (place as Record<string | number, unknown>)[slot] = next;
      place = next as Record<string, unknown> | unknown[];
    }
  }
  return copy;
}

/** Everything a clerk's call could have written locally: a refused call leaves it as it was. */
export function clerkWrites(db: Database.Database): unknown {
  const tables = snapshotTables(db);
  const outbox = db.prepare(`SELECT count(*) FROM outbox WHERE kind IN (${CLERK_KINDS.map(() => '?').join(',')})`).pluck().get(...CLERK_KINDS);
  return { contacts: tables.contacts, callbacks: tables.callbacks, zaken: tables.zaken, drafts: tables.drafts, outbox };
}

const row = (db: Database.Database, sql: string, id: string) => db.prepare(sql).get(id) as Record<string, string | null> | undefined;

/** The remote URL of what the accepted call created, once sent. */
async function remoteUrl(demo: DemoCore, operation: FieldLimit['operation'], input: Record<string, unknown>, value: Record<string, unknown>, where: Stored): Promise<string> {
  const db = demo.core.store.db;
  let url: string | null | undefined;
  if (operation === 'callbacks.create') url = row(db, 'SELECT source_url, klantcontact_url FROM callbacks WHERE id = ?', value.id as string)?.[where === 'internetaak' ? 'source_url' : 'klantcontact_url'];
  else if (operation === 'zaken.start') url = row(db, 'SELECT source_url FROM zaken WHERE id = ?', value.id as string)?.source_url;
  else if (operation === 'contacts.register') url = row(db, 'SELECT source_url FROM contacts WHERE id = ?', value.id as string)?.source_url;
  else {
    // An unknown caller's contact has no local row: the klantcontact of that moment (its first vraag).
    const [found] = await demo.list(`${demo.demoUrl}${DEMO_PATHS.klantinteracties}/klantcontacten?plaatsgevondenOp=${encodeURIComponent(String(input.startedAt))}&kanaal=${encodeURIComponent(String(input.kanaal))}`);
    url = found?.url as string | undefined;
  }
  if (!url?.startsWith('http')) throw new Error(`${operation}: no remote URL after sending (${url})`);
  return url;
}

/**
 * Sends the outbox written since `mark` and reads the object the call became at the demo:
 * the entries' states, and a property of the stored object (a contactnaam read as one name).
 */
export async function storedBy(demo: DemoCore, operation: FieldLimit['operation'], input: Record<string, unknown>, result: CallResult, where: Stored, mark: number) {
  if (!result.ok) throw new Error(`${operation} was refused: ${result.error.message}`);
  const states = await demo.settle(mark);
  if (states.some((s) => s.state !== 'done')) return { states, value: () => undefined };
  const url = await remoteUrl(demo, operation, input, result.value as Record<string, unknown>, where === 'contactnaam' ? 'klantcontact' : where);
  let stored = await demo.read(url);
  if (where === 'contactnaam') {
    const uuid = url.split('/').at(-1)!;
    const [betrokkene] = await demo.list(`${demo.demoUrl}${DEMO_PATHS.klantinteracties}/betrokkenen?hadKlantcontact__uuid=${uuid}`);
    const naam = (betrokkene?.contactnaam ?? {}) as Record<string, string>;
    stored = { naam: [naam.voornaam, naam.achternaam].filter(Boolean).join(' ') };
  }
  return { states, value: (property: string) => stored[property] };
}
