/**
 * Random callbacks and klantcontacten for the team leader's figures, from a fixed seed, written
 * straight into a real store (the unit tests recount them by brute force; the bench writes 50k
 * callbacks and 1M contacts the same way). Includes the awkward ones on purpose: handled exactly
 * on the deadline (late in the evening too), handled around midnight between Sunday and Monday,
 * reopened ones, callbacks without deadline, team or medewerker, contacts without afdeling or
 * gespreksresultaat, and free-text onderwerpen that a spreadsheet would run as a formula.
 */
import { Prng } from '../../src/demo/seed/prng';
import type { WerkdagenKalender } from '../../src/main/core/calendar';
import { beginVan, plusDagen } from '../../src/main/core/services/teamleider-periode';
import type { Store } from '../../src/main/core/store';
import type { ReportContactRecord } from '../../src/main/core/store/reporting';

export interface CallbackFixtureRow {
  id: string;
  team: string | null;
  medewerker: string | null;
  status: 'te_verwerken' | 'verwerkt';
  aangemaakt_op: string;
  afgehandeld_op: string | null;
  deadline: string | null;
}

export const TEAMS = ['KCC', 'VERG', 'WMO', 'BF'] as const;
export const MEDEWERKERS = [
  { email: 'bianca.de.vries@turfbrug.nl', naam: 'Bianca de Vries', team: 'KCC' },
  { email: 'kevin.mulder@turfbrug.nl', naam: 'Kevin Mulder', team: 'KCC' },
  { email: 'sanne.van.dijk@turfbrug.nl', naam: 'Sanne van Dijk', team: 'KCC' },
  { email: 'joost.bakker@turfbrug.nl', naam: 'Joost Bakker', team: 'VERG' },
  { email: 'ayse.yilmaz@turfbrug.nl', naam: 'Ayşe Yılmaz', team: 'WMO' },
] as const;
export const KANALEN = ['telefoon', 'balie', 'e-mail', 'chat', 'contactformulier'] as const;
export const ONDERWERPEN = [
  'Paspoort aanvragen', 'Verhuizing doorgeven', 'Afvalpas kwijt', '=HYPERLINK("x")', 'Subsidie; vraag', 'Parkeervergunning', 'Kwijtschelding', 'WOZ-bezwaar',
  'Grofvuil ophalen', 'Bijzondere bijstand', 'Losliggende stoeptegel', 'Rijbewijs verlengen', 'Huwelijk plannen', 'Hondenbelasting', 'Bouwvergunning',
] as const;
export const AFDELINGEN = ['Burgerzaken', 'Belastingen', 'Vergunningen', 'Sociaal Domein', null] as const;
export const RESULTATEN = ['zelfstandig_afgehandeld', 'zelfstandig_afgehandeld', 'zelfstandig_afgehandeld', 'doorverbonden', 'verwezen', 'terugbelverzoek', 'terugbelpoging', null] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A random instant within the last `days` days before `now`, any time of day. */
function instantBefore(prng: Prng, now: Date, days: number): Date {
  return new Date(now.getTime() - prng.int(days * DAY));
}

export function seedCallbacks(store: Store, kalender: WerkdagenKalender, options: { count: number; days: number; now: Date; seed: number }): CallbackFixtureRow[] {
  const prng = new Prng(options.seed).fork('callbacks');
  const { now } = options;
  const rows: CallbackFixtureRow[] = [];
  const insert = store.db.prepare(
    `INSERT INTO callbacks (id, source_url, customer_id, klant_naam, onderwerp, vraag, toelichting, status, toegewezen_aan, toegewezen_op, afgehandeld_op, aangemaakt_op,
       sync_state, team, medewerker, norm_werkdagen, deadline, resultaat)
     VALUES (@id, @sourceUrl, NULL, 'Bert Burger', @onderwerp, 'Terugbellen over BSN 999993653', '', @status, @toegewezenAan, @aangemaakt_op, @afgehandeld_op, @aangemaakt_op,
       'sent', @team, @medewerker, @norm, @deadline, @resultaat)`,
  );
  const event = store.db.prepare("INSERT INTO callback_events (callback_id, at, soort, door_naam, uitkomst) VALUES (?, ?, ?, 'Test', ?)");
  // The work queues an open one is in (as the work queue poll links them): its medewerker's and its team's.
  const queue = store.db.prepare('INSERT INTO callback_queues (queue, callback_id) VALUES (?, ?)');
  store.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const aangemaakt = instantBefore(prng, now, options.days);
      const aangemaaktOp = aangemaakt.toISOString();
      const medewerker = prng.chance(0.7) ? prng.pick(MEDEWERKERS) : null;
      const team = medewerker ? medewerker.team : prng.chance(0.95) ? prng.pick(TEAMS) : null;
      const norm = prng.pick([1, 2, 2, 3]);
      const deadline = prng.chance(0.04) ? null : kalender.deadline(aangemaaktOp, norm);
      let status: CallbackFixtureRow['status'] = 'te_verwerken';
      let afgehandeld: string | null = null;
      const r = prng.float();
      if (deadline && r < 0.08) {
        // Exactly on the deadline: at 16:59 or at 23:59 local time.
        const at = new Date(Date.parse(beginVan(kalender, deadline)) + (prng.chance(0.5) ? 16 * HOUR + 59 * 60_000 : 23 * HOUR + 59 * 60_000));
        if (at < now) afgehandeld = at.toISOString();
      } else if (r < 0.12) {
        // Around midnight between a Sunday and a Monday (local), after creation.
        const monday = plusDagen(kalender.lokaleDatum(aangemaakt), 7 - ((new Date(`${kalender.lokaleDatum(aangemaakt)}T12:00:00Z`).getUTCDay() + 6) % 7));
        const at = new Date(Date.parse(beginVan(kalender, monday)) + (prng.chance(0.5) ? -30_000 : 30_000));
        if (at < now) afgehandeld = at.toISOString();
      } else if (r < 0.8) {
        const at = new Date(aangemaakt.getTime() + prng.int(10 * DAY));
        if (at < now) afgehandeld = at.toISOString();
      } else if (now.getTime() - aangemaakt.getTime() > 20 * DAY) {
        // Left lying for a while, handled late in the end (older ones are rarely still open).
        const at = new Date(aangemaakt.getTime() + 3 * DAY + prng.int(27 * DAY));
        if (at < now) afgehandeld = at.toISOString();
      }
      if (afgehandeld) status = 'verwerkt';
      const reopened = status === 'verwerkt' && prng.chance(0.04);
      const id = prng.uuid();
      insert.run({
        id,
        sourceUrl: `http://test/internetaken/${id}`,
        onderwerp: prng.pick(ONDERWERPEN),
        status: reopened ? 'te_verwerken' : status,
        toegewezenAan: JSON.stringify([
          ...(team ? [{ soort: 'groep', code: team, naam: `Team ${team}` }] : []),
          ...(medewerker ? [{ soort: 'medewerker', code: medewerker.email, naam: medewerker.naam }] : []),
        ]),
        aangemaakt_op: aangemaaktOp,
        afgehandeld_op: reopened ? null : afgehandeld,
        team,
        medewerker: medewerker?.email ?? null,
        norm,
        deadline,
        resultaat: status === 'verwerkt' && !reopened ? 'bereikt' : null,
      });
      event.run(id, aangemaaktOp, 'aangemaakt', null);
      if (afgehandeld) event.run(id, afgehandeld, 'afgehandeld', 'bereikt');
      if (reopened && afgehandeld) event.run(id, afgehandeld, 'heropend', null);
      if (reopened || status === 'te_verwerken') {
        if (medewerker) queue.run(`medewerker:${medewerker.email}`, id);
        if (team) queue.run(`groep:${team.toLowerCase()}`, id);
      }
      rows.push({ id, team, medewerker: medewerker?.email ?? null, status: reopened ? 'te_verwerken' : status, aangemaakt_op: aangemaaktOp, afgehandeld_op: reopened ? null : afgehandeld, deadline });
    }
  });
  return rows;
}

export function randomContact(prng: Prng, i: number, now: Date, days: number): ReportContactRecord {
  // Some right around local midnight between Sunday and Monday (22:xx/23:xx UTC on a Sunday).
  const at = prng.chance(0.03) ? sundayNight(prng, now, days) : instantBefore(prng, now, days);
  return {
    sourceUrl: `http://test/klantinteracties/api/v1/klantcontacten/${i}`,
    plaatsgevondenOp: at.toISOString(),
    kanaal: prng.pick(KANALEN),
    onderwerp: ONDERWERPEN[Math.min(ONDERWERPEN.length - 1, Math.floor(ONDERWERPEN.length * prng.float() ** 2))] as string,
    afdeling: prng.pick(AFDELINGEN),
    gespreksresultaat: prng.pick(RESULTATEN),
    medewerker: prng.pick(MEDEWERKERS).naam,
  };
}

function sundayNight(prng: Prng, now: Date, days: number): Date {
  const base = instantBefore(prng, now, days);
  const sunday = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() - base.getUTCDay(), 21, 30 + prng.int(150)));
  return sunday < now ? sunday : base;
}

export function seedContacts(store: Store, kalender: WerkdagenKalender, options: { count: number; days: number; now: Date; seed: number; chunk?: number; keep?: boolean }): ReportContactRecord[] {
  const prng = new Prng(options.seed).fork('contacten');
  const rows: ReportContactRecord[] = [];
  const chunk = options.chunk ?? 5_000;
  let batch: ReportContactRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const row = randomContact(prng, i, options.now, options.days);
    if (options.keep !== false) rows.push(row);
    batch.push(row);
    if (batch.length === chunk || i === options.count - 1) {
      store.reporting.upsertMany(batch, (iso) => kalender.lokaleDatum(iso), options.now.toISOString());
      batch = [];
    }
  }
  return rows;
}
