/**
 * Changes in a callback's life against the real demo zaaksysteem: refused calls change
 * nothing; changes wait for the callback's create and go out in order; every step resumes
 * after a lost response without doubling anything; a toelichting that would not fit is
 * refused (here) or parked with a clear message (when the zaaksysteem's grew meanwhile); the
 * team's vragenset is checked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { ServiceError } from '../../../src/main/core/errors';
import type { CallbackService } from '../../../src/main/core/services/callbacks';
import type { CallbackItem } from '../../../src/shared/contract/areas/callbacks';
import { callbackServiceFor, openQueue } from '../../support/callbacks';
import { RIG_USER, startSyncRig, type SyncRig } from '../../support/sync-rig';

let rig: SyncRig;
let bianca: CallbackService;
let kevin: CallbackService;
const BIANCA = { ...RIG_USER, groepen: ['KCC'] };
const KEVIN = { id: 'kevin.mulder', naam: 'Kevin Mulder', email: 'kevin.mulder@turfbrug.nl', roles: ['kcc' as const], groepen: ['VERG'] };

beforeAll(async () => {
  rig = await startSyncRig({ timeoutMs: 1_000 }, { workQueues: [{ soort: 'groep', code: 'KCC' }] });
  bianca = callbackServiceFor(rig, BIANCA);
  kevin = callbackServiceFor(rig, KEVIN);
});
afterAll(async () => rig.close());
afterEach(() => rig.server.faults.clear());

let n = 0;
function create(service: CallbackService, team: string, extra: Record<string, unknown> = {}): CallbackItem {
  n += 1;
  return service.create({
    customerId: rig.bertId,
    kanaal: 'telefoon',
    onderwerp: `Wijzigingstest ${n}`,
    inhoud: '',
    vraag: `Terugbellen wijzigingstest ${n} ${Date.now()}`,
    toelichting: '',
    toegewezenAan: [{ soort: 'groep', code: team }],
    telefoonnummers: ['0612345678'],
    emailadressen: [],
    ...extra,
  });
}

async function deliverAll() {
  for (let i = 0; i < 12 && rig.store.outbox.counts().pending > 0; i++) {
    rig.makeDue();
    await rig.engine.flushOutbox();
  }
}

const taak = (vraag: string) =>
  rig.server.db
    .prepare(
      `SELECT t.uuid, t.status, t.toelichting,
              (SELECT group_concat(a.naam, ', ') FROM internetaak_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.internetaak_id = t.id ORDER BY ia.pos) AS actoren,
              (SELECT count(*) FROM onderwerpobject o WHERE o.object_id = t.uuid AND o.code_objecttype = 'internetaak') AS pogingen
       FROM internetaak t WHERE t.gevraagde_handeling = ?`,
    )
    .all(vraag) as { uuid: string; status: string; toelichting: string; actoren: string; pogingen: number }[];

/** Everything a refused call could have touched. */
const snapshot = () =>
  ['callbacks', 'callback_events', 'callback_queues', 'outbox'].map((table) => rig.store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('refused changes change nothing', () => {
  it('a clerk may not act on a callback outside their queues; a wrong result or an unknown colleague is refused', async () => {
    const theirs = create(kevin, 'VERG');
    const mine = create(bianca, 'KCC');
    await deliverAll();
    const before = snapshot();
    expect(refusal(() => bianca.lifecycle.pickUp(theirs.id))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.logAttempt(theirs.id, 'bereikt', ''))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.handle(theirs.id, 'Klant geholpen', ''))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.forward(theirs.id, { soort: 'groep', code: 'KCC' }, 'mag niet'))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.reopen(theirs.id, 'mag niet'))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.reassign([mine.id], { soort: 'groep', code: 'VERG' }, 'geen teamleider'))).toBe('forbidden');
    expect(refusal(() => bianca.list({ ...openQueue('all') }))).toBe('forbidden');
    expect(refusal(() => bianca.lifecycle.handle(mine.id, 'Bestaat niet', ''))).toBe('invalid_input');
    expect(refusal(() => bianca.lifecycle.forward(mine.id, { soort: 'medewerker', code: 'onbekend@turfbrug.nl' }, 'x'))).toBe('invalid_input');
    expect(refusal(() => bianca.lifecycle.reopen(mine.id, 'is nog open'))).toBe('conflict');
    expect(snapshot()).toEqual(before);
  });
});

describe('order and resumption', () => {
  it('changes wait for the create (and each other), then go out in order', async () => {
    const created = create(bianca, 'KCC');
    bianca.lifecycle.pickUp(created.id);
    bianca.lifecycle.logAttempt(created.id, 'voicemail', 'Ingesproken.');
    bianca.lifecycle.handle(created.id, 'Vraag beantwoord', '');
    const fail = rig.server.faults.add({ method: 'POST', path: /\/internetaken$/, fault: { kind: 'status', status: 503 }, times: 1 });
    await rig.engine.flushOutbox(); // the create fails and is retried later
    await rig.engine.flushOutbox(); // the changes are due, the create is not: they wait
    expect(fail.hits()).toBe(1);
    const waiting = rig.store.db.prepare("SELECT kind, state, attempts FROM outbox WHERE entity_id = ? ORDER BY id").all(created.id) as { kind: string; state: string; attempts: number }[];
    expect(waiting.map((e) => e.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // The changes waited behind the create (its lane, sync/lanes.ts): never tried, so never failed.
    expect(waiting.slice(1).map((e) => e.attempts)).toEqual([0, 0, 0]);
    expect(taak(created.vraag)).toEqual([]);
    await deliverAll();
    expect(taak(created.vraag)).toEqual([expect.objectContaining({ status: 'verwerkt', actoren: 'Klantcontactcentrum, Bianca de Vries', pogingen: 1 })]);
    expect(rig.store.callbacks.history.list(created.id).map((e) => [e.soort, e.sync_state])).toEqual([
      ['aangemaakt', 'sent'],
      ['opgepakt', 'sent'],
      ['poging', 'sent'],
      ['afgehandeld', 'sent'],
    ]);
  });

  it('a lost PATCH response: the forward line is in the toelichting once', async () => {
    const created = create(bianca, 'KCC', { toelichting: 'Notitie.' });
    await deliverAll();
    const drop = rig.server.faults.add({ method: 'PATCH', path: /\/internetaken\//, fault: { kind: 'drop-after-commit' }, times: 1 });
    bianca.lifecycle.forward(created.id, { soort: 'medewerker', code: 'kevin.mulder@turfbrug.nl' }, 'Kevin kent de klant');
    await deliverAll();
    expect(drop.hits()).toBe(1);
    const [t] = taak(created.vraag);
    expect(t!.actoren).toBe('Klantcontactcentrum, Kevin Mulder');
    expect(t!.toelichting.match(/Doorgestuurd naar Kevin Mulder/g)).toHaveLength(1);
    expect(rig.store.callbacks.get(created.id)?.toelichting).toBe(t!.toelichting);
  });

  it('lost responses while logging an attempt: one klantcontact, one onderwerpobject for the taak', async () => {
    const created = create(bianca, 'KCC');
    await deliverAll();
    const drops = [
      rig.server.faults.add({ method: 'POST', path: /\/(maak-klantcontact|klantcontacten)$/, fault: { kind: 'drop-after-commit' }, times: 1 }),
      rig.server.faults.add({ method: 'POST', path: /\/actorklantcontacten$/, fault: { kind: 'drop-after-commit' }, times: 1 }),
      rig.server.faults.add({ method: 'POST', path: /\/onderwerpobjecten$/, fault: { kind: 'drop-after-commit' }, times: 1 }),
    ];
    bianca.lifecycle.logAttempt(created.id, 'bereikt', 'Gesproken, vraag beantwoord.');
    await deliverAll();
    expect(drops.map((d) => d.hits())).toEqual([1, 1, 1]);
    const [t] = taak(created.vraag);
    expect(t!.pogingen).toBe(1);
    const kcs = rig.server.db.prepare("SELECT count(*) FROM klantcontact WHERE onderwerp = ?").pluck().get(`Terugbelpoging: ${created.onderwerp}`);
    expect(kcs).toBe(1);
    const fetched = await bianca.get(created.id);
    expect(fetched.history.filter((e) => e.soort === 'poging')).toEqual([expect.objectContaining({ uitkomst: 'bereikt', syncState: 'sent' })]);
  });
});

describe('the history without the zaaksysteem', () => {
  it("answers with what this machine knows, and says the colleagues' attempts could not be read", async () => {
    const created = create(bianca, 'KCC');
    await deliverAll();
    bianca.lifecycle.logAttempt(created.id, 'niet_bereikt', 'Geen gehoor.');
    const down = rig.server.faults.add({ method: 'GET', path: /klantcontacten\?onderwerpobject__/, fault: { kind: 'status', status: 503 } });
    const { history, remoteError } = await bianca.get(created.id);
    // Asked once and not retried while the clerk waits (counted at the demo, not timed).
    expect(down.hits()).toBe(1);
    expect(remoteError).toMatch(/konden niet worden opgehaald/);
    expect(history.map((e) => [e.soort, e.syncState])).toEqual([
      ['aangemaakt', 'sent'],
      ['poging', 'pending'],
    ]);
  });
});

describe('the toelichting holds at most 1000 characters', () => {
  it('refuses a reason that would not fit, here; parks one when the zaaksysteem grew it meanwhile', async () => {
    const long = 'x'.repeat(800);
    const created = create(bianca, 'KCC', { toelichting: long });
    await deliverAll();
    const before = snapshot();
    expect(refusal(() => bianca.lifecycle.forward(created.id, { soort: 'groep', code: 'VERG' }, 'y'.repeat(200)))).toBe('invalid_input');
    expect(snapshot()).toEqual(before);

    // Someone else's application wrote more into the toelichting: the line no longer fits there.
    const [t] = taak(created.vraag);
    rig.server.db.prepare('UPDATE internetaak SET toelichting = ? WHERE uuid = ?').run('z'.repeat(990), t!.uuid);
    const item = bianca.lifecycle.forward(created.id, { soort: 'groep', code: 'VERG' }, 'Gaat over een vergunning');
    expect(item.syncState).toBe('pending');
    await deliverAll();
    const after = (await bianca.get(created.id)).item;
    expect(after).toMatchObject({ syncState: 'failed', syncError: expect.stringMatching(/maximaal 1000/) });
    expect(taak(created.vraag)[0]!.toelichting).toBe('z'.repeat(990));
  });
});

describe("the team's vragenset", () => {
  const config = KlantbeeldConfig.parse({
    terugbellen: {
      vragensets: {
        VERG: [
          { id: 'adres', label: 'Adres van het perceel', type: 'kort', verplicht: true },
          { id: 'soort', label: 'Soort vergunning', type: 'keuze', opties: ['Bouwen', 'Kappen'] },
          { id: 'spoed', label: 'Spoed', type: 'vinkje' },
        ],
      },
    },
  });

  it('checks the answers against the set and keeps them in the toelichting for every machine', async () => {
    const service = callbackServiceFor(rig, KEVIN, undefined, config);
    const issues = (answers: unknown[]) => {
      try {
        create(service, 'VERG', { antwoorden: answers });
      } catch (error) {
        return (error as ServiceError).issues?.map((i) => i.path);
      }
      return [];
    };
    expect(issues([])).toEqual(['antwoorden.adres']);
    expect(issues([{ vraagId: 'adres', antwoord: 'Dorpsstraat 1' }, { vraagId: 'soort', antwoord: 'Slopen' }])).toEqual(['antwoorden.soort']);
    expect(issues([{ vraagId: 'adres', antwoord: 'Dorpsstraat 1' }, { vraagId: 'onbekend', antwoord: 'x' }])).toEqual(['antwoorden.onbekend']);
    expect(issues([{ vraagId: 'adres', antwoord: 'Dorpsstraat 1' }, { vraagId: 'spoed', antwoord: 'ja' }])).toEqual(['antwoorden.spoed']);
    const made = create(service, 'VERG', {
      antwoorden: [{ vraagId: 'adres', antwoord: 'Dorpsstraat 1' }, { vraagId: 'soort', antwoord: 'Kappen' }, { vraagId: 'spoed', antwoord: true }],
      voorkeurMoment: { datum: '2099-01-05', dagdeel: 'middag' },
    });
    expect(made.antwoorden).toEqual([
      { vraag: 'Adres van het perceel', antwoord: 'Dorpsstraat 1' },
      { vraag: 'Soort vergunning', antwoord: 'Kappen' },
      { vraag: 'Spoed', antwoord: 'ja' },
    ]);
    expect(made.voorkeurMoment).toEqual({ datum: '2099-01-05', dagdeel: 'middag' });
    await deliverAll();
    expect(taak(made.vraag)[0]!.toelichting).toBe(
      '\n--- Klantbeeld ---\nVoorkeursmoment: maandag 5 januari 2099, middag\nAdres van het perceel: Dorpsstraat 1\nSoort vergunning: Kappen\nSpoed: ja',
    );
    expect(service.options().vragensets).toEqual([{ team: 'VERG', vragen: expect.any(Array) }]);
  });
});
