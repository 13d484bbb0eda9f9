import { REF_DAY, isWeekend, secondsToIso, type SeedContext } from './context';
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES } from './pools';
import { ONDERWERPEN, TOELICHTINGEN } from './teksten';

const DAY = 86_400;

/** The KCC's own callbacks: open ones in every state, and handled ones over the last eight weeks. */
export const KCC_TERUGBELLEN = { open: 24, afgehandeld: 64, weken: 8 } as const;

const RESULTATEN = ['Klant geholpen', 'Vraag beantwoord', 'Doorverwezen', 'Klant niet bereikt na pogingen'] as const;
const VOORKEUREN = ['na 15:00', 'in de ochtend', 'tussen 12:00 en 13:00', 'niet op woensdag'] as const;
const VRAGEN = ['Contact opnemen met betrokkene', 'Terugbellen over de vraag van de klant', 'Uitzoeken en terugkoppelen'] as const;

/** The werkdag `n` werkdagen before `day` (weekends skipped; the seed has no holidays in this range). */
function werkdagenTerug(day: number, n: number): number {
  let d = day;
  let left = n;
  while (isWeekend(d)) d--;
  while (left > 0) {
    d--;
    if (!isWeekend(d)) left--;
  }
  return d;
}

function werkdagenNa(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    if (!isWeekend(d)) left--;
  }
  return d;
}

const ddmmjjjj = (sec: number) => {
  const [y, m, d] = secondsToIso(sec).slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
};

/**
 * Terugbelverzoeken for the KCC groep the way Klantbeeld writes them (klantcontact with
 * gespreksresultaat terugbelverzoek, interne taak for KCC and/or a colleague, attempts as
 * klantcontacten about the taak with an onderwerpobject internetaak/openklant/uuid), so the work
 * queues and the team leader's charts have real rows. Runs after every other generator with its
 * own random stream: it only adds rows, the data generated before stays exactly as it was.
 */
export function seedTerugbellen(ctx: SeedContext): void {
  const { db, counts } = ctx;
  const prng = ctx.prng.fork('terugbellen-kcc');
  const kccGroep = ctx.actor.groep.get('KCC');
  const kcc = ctx.actor.medewerkers.filter((m) => m.groep === 'KCC');
  if (kccGroep === undefined || kcc.length === 0) return;
  const byEmail = new Map(kcc.map((m) => [m.email, m]));
  const bianca = byEmail.get('bianca.de.vries@turfbrug.nl') ?? kcc[0]!;
  const kevin = byEmail.get('kevin.mulder@turfbrug.nl') ?? kcc[0]!;
  const next = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
  let kcId = next('klantcontact');
  let btId = next('betrokkene');
  let akcId = next('actorklantcontact');
  let ooId = next('onderwerpobject');
  let itId = next('internetaak');
  let daId = next('digitaal_adres');
  const ins = {
    kc: db.prepare(`INSERT INTO klantcontact (id, uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, reactie, indicatie_contact_gelukt, hoofd_onderwerp_type,
      verdere_actie_ondernomen, taal, vertrouwelijk, plaatsgevonden_op, metadata) VALUES (?, ?, ?, NULL, 'telefoon', ?, ?, '', ?, NULL, ?, 'nld', 0, ?, ?)`),
    bt: db.prepare(`INSERT INTO betrokkene (id, uuid, klantcontact_id, partij_id, rol, initiator, organisatienaam, contactnaam, bezoekadres, correspondentieadres)
      VALUES (?, ?, ?, ?, 'klant', 1, '', ?, NULL, NULL)`),
    akc: db.prepare('INSERT INTO actorklantcontact (id, uuid, actor_id, klantcontact_id) VALUES (?, ?, ?, ?)'),
    oo: db.prepare(`INSERT INTO onderwerpobject (id, uuid, klantcontact_id, was_klantcontact_id, code_objecttype, code_register, code_soort_object_id, object_id)
      VALUES (?, ?, ?, NULL, 'internetaak', 'openklant', 'uuid', ?)`),
    it: db.prepare(`INSERT INTO internetaak (id, uuid, nummer, referentienummer, gevraagde_handeling, klantcontact_id, toelichting, status, toegewezen_op, afgehandeld_op)
      VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`),
    ita: db.prepare('INSERT INTO internetaak_actor (internetaak_id, actor_id, pos) VALUES (?, ?, ?)'),
    da: db.prepare(`INSERT INTO digitaal_adres (id, uuid, partij_id, betrokkene_id, adres, soort_digitaal_adres, is_standaard_adres, omschrijving, referentie, verificatie_datum)
      VALUES (?, ?, NULL, ?, ?, 'telefoonnummer', 1, 'Terugbellen op', '', NULL)`),
  };
  const onderwerpen = ONDERWERPEN.filter((o) => o.afdeling === 'Burgerzaken' || o.afdeling === 'Dienstverlening' || o.afdeling === 'Belastingen');

  /** A klantcontact with its betrokkene (a person, never Bert Burger: his dossier is pinned) and the medewerker. */
  const contact = (sec: number, onderwerp: string, inhoud: string, metadata: Record<string, string>, gelukt: boolean, partij: number, medewerker: number): number => {
    const id = ++kcId;
    ins.kc.run(id, prng.uuid(), String(id).padStart(10, '0'), onderwerp, inhoud, gelukt ? 1 : 0, gelukt ? 0 : 1, secondsToIso(sec), JSON.stringify(metadata));
    const naam = partij >= 0
      ? { voorletters: ctx.partij.voorletters[partij]!, voornaam: ctx.partij.voornaam[partij]!, voorvoegselAchternaam: ctx.partij.voorvoegsel[partij]!, achternaam: ctx.partij.achternaam[partij]! }
      : (() => {
          const [vv, an] = prng.pick(LAST_NAMES);
          return { voorletters: '', voornaam: prng.pick(prng.chance(0.5) ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE), voorvoegselAchternaam: vv, achternaam: an };
        })();
    const bt = ++btId;
    ins.bt.run(bt, prng.uuid(), id, partij >= 0 ? partij + ctx.partijIdOffset : null, JSON.stringify(naam));
    if (partij < 0) ins.da.run(++daId, prng.uuid(), bt, `06${String(prng.int(100_000_000)).padStart(8, '0')}`);
    ins.akc.run(++akcId, prng.uuid(), medewerker, id);
    return id;
  };

  // The last werkdag before the reference date is "today" for the seed (the reference date itself may be a weekend).
  const vandaag = werkdagenTerug(REF_DAY - 1, 0);
  /** Nothing happens after the end of "today". */
  const limit = (vandaag + 1) * DAY - 60;

  /** One callback: when it came in, who has it, its attempts, and when (if) it was handled. */
  const callback = (receivedDay: number, actors: number[], handledAfter: number | null, attempts: number): void => {
    const sec = receivedDay * DAY + 8 * 3600 + 1800 + prng.int(8 * 3600);
    const topic = prng.pick(onderwerpen);
    const onderwerp = prng.pick(topic.onderwerpen);
    const partij = counts.persons > 1 && prng.chance(0.85) ? 1 + prng.int(counts.persons - 1) : -1;
    const creator = prng.pick(kcc).id;
    const kc = contact(sec, onderwerp, 'Klant wil teruggebeld worden; vraag kon niet direct worden beantwoord.', { gespreksresultaat: 'terugbelverzoek', afdeling: topic.afdeling }, true, partij, creator);
    const id = ++itId;
    const uuid = prng.uuid();
    const regels = prng.chance(0.3) ? [`Voorkeursmoment: ${prng.pick(VOORKEUREN)}`] : [];
    const assignee = ctx.actor.medewerkers.find((m) => actors.includes(m.id));
    let lastSec = sec;
    const attemptRows: { sec: number; medewerker: number; uitkomst: 'niet_bereikt' | 'voicemail' }[] = [];
    for (let a = 0; a < attempts; a++) {
      lastSec = werkdagenNa(Math.floor(lastSec / DAY), a === 0 ? 0 : 1) * DAY + 9 * 3600 + prng.int(7 * 3600);
      if (lastSec <= sec) lastSec = sec + 1800 + prng.int(3 * 3600);
      lastSec = Math.min(lastSec, limit - (attempts - a) * 60);
      attemptRows.push({ sec: lastSec, medewerker: assignee?.id ?? prng.pick(kcc).id, uitkomst: prng.chance(0.6) ? 'niet_bereikt' : 'voicemail' });
    }
    let afgehandeld: string | null = null;
    if (handledAfter !== null) {
      const handledSec = Math.min(limit, Math.max(lastSec + 600, werkdagenNa(receivedDay, handledAfter) * DAY + 9 * 3600 + prng.int(7 * 3600)));
      afgehandeld = secondsToIso(handledSec);
      regels.push(`» Afgehandeld: ${prng.pick(RESULTATEN)} (${assignee?.naam ?? 'KCC'}, ${ddmmjjjj(handledSec)})`);
    }
    const toelichting = [prng.pick(TOELICHTINGEN), ...(regels.length ? ['--- Klantbeeld ---', ...regels] : [])].join('\n');
    ins.it.run(id, uuid, String(id).padStart(10, '0'), prng.pick(VRAGEN), kc, toelichting, afgehandeld ? 'verwerkt' : 'te_verwerken', secondsToIso(sec + 60 + prng.int(240)), afgehandeld);
    actors.forEach((actor, pos) => ins.ita.run(id, actor, pos));
    for (const a of attemptRows) {
      const poging = contact(a.sec, `Terugbelpoging: ${onderwerp}`, a.uitkomst === 'voicemail' ? 'Voicemail ingesproken.' : 'Geen gehoor.',
        { gespreksresultaat: 'terugbelpoging', terugbelpoging: a.uitkomst }, false, partij, a.medewerker);
      ins.oo.run(++ooId, prng.uuid(), poging, uuid);
    }
  };

  db.transaction(() => {
    for (let i = 0; i < KCC_TERUGBELLEN.open; i++) {
      // Received 0..6 werkdagen ago: on time, due, overdue (the norm is 2 werkdagen).
      const received = werkdagenTerug(vandaag, i % 7);
      const r = prng.float();
      const actors = r < 0.5 ? [kccGroep] : r < 0.7 ? [kccGroep, bianca.id] : r < 0.85 ? [kccGroep, kevin.id] : r < 0.95 ? [bianca.id] : [kccGroep, prng.pick(kcc).id];
      callback(received, actors, null, prng.chance(0.4) ? 1 + prng.int(2) : 0);
    }
    for (let i = 0; i < KCC_TERUGBELLEN.afgehandeld; i++) {
      // Spread over the last eight weeks; most within the norm, some late.
      const received = werkdagenTerug(vandaag, 3 + prng.int(KCC_TERUGBELLEN.weken * 5 - 3));
      const handledAfter = prng.weighted([[0, 25], [1, 35], [2, 22], [3, 10], [5, 8]] as const);
      callback(received, [kccGroep, prng.pick(kcc).id], handledAfter, prng.chance(0.3) ? 1 : 0);
    }
  })();
}
