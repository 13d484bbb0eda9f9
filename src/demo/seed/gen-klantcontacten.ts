import { BERT_CONTACTEN, type BertContact } from './bert';
import { REF_DAY, inChunks, isWeekend, secondsToIso, type SeedContext } from './context';
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, initialsOf } from './pools';
import { AFDELING_ACTOR, KANALEN, ONDERWERPEN, TOELICHTINGEN, fill } from './teksten';

const DAY = 86_400;
const ORDER_SHIFT = 16_777_216; // 2^24: room for 16M contacts in the packed sort key

/** Klantcontacten with betrokkene, actorklantcontact, onderwerpobjecten (zaak links) and interne taken. */
export function seedKlantcontacten(ctx: SeedContext): void {
  const { db, counts, partij: info, zaak } = ctx;
  const prng = ctx.prng.fork('klantcontacten');
  const P = counts.persons;
  const O = counts.organisations;
  const bert: readonly BertContact[] = P > 0 && counts.klantcontacten >= BERT_CONTACTEN.length ? BERT_CONTACTEN : [];
  const G = counts.klantcontacten - bert.length;
  const base = (REF_DAY - 800) * DAY;
  const kanaalWeights = KANALEN.map(([, w], i) => [i, w] as const);

  // 1. channel and moment of every generic contact, sorted chronologically
  const kanaalOf = new Uint8Array(G);
  const order = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const k = prng.weighted(kanaalWeights);
    kanaalOf[g] = k;
    const kanaal = KANALEN[k]![0];
    let day = REF_DAY - 1 - prng.int(730);
    let sec: number;
    if (kanaal === 'e-mail' || kanaal === 'contactformulier' || kanaal === 'social media') sec = day * DAY + 5 * 3600 + prng.int(17 * 3600);
    else {
      for (let t = 0; t < 4 && isWeekend(day); t++) day = REF_DAY - 1 - prng.int(730);
      if (isWeekend(day)) day -= 2;
      sec = kanaal === 'brief' ? day * DAY + 8 * 3600 + prng.int(3600) : day * DAY + 27_000 + prng.int(30_600);
    }
    order[g] = (sec - base) * ORDER_SHIFT + g;
  }
  order.sort();

  // 2. which generic contacts lead to an interne taak (exactly the requested number)
  const taskFlag = new Uint8Array(G);
  const wantTasks = Math.min(G, Math.max(0, counts.internetaken - bert.filter((b) => b.taak).length));
  for (let j = G - wantTasks; j < G; j++) {
    const t = prng.int(j + 1);
    if (taskFlag[t]) taskFlag[j] = 1;
    else taskFlag[t] = 1;
  }

  const ins = {
    kc: db.prepare(`INSERT INTO klantcontact (id, uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, reactie, indicatie_contact_gelukt, hoofd_onderwerp_type,
      verdere_actie_ondernomen, taal, vertrouwelijk, plaatsgevonden_op, metadata) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, 'nld', ?, ?, ?)`),
    bt: db.prepare(`INSERT INTO betrokkene (id, uuid, klantcontact_id, partij_id, rol, initiator, organisatienaam, contactnaam, bezoekadres, correspondentieadres)
      VALUES (?, ?, ?, ?, 'klant', 1, ?, ?, NULL, NULL)`),
    akc: db.prepare('INSERT INTO actorklantcontact (id, uuid, actor_id, klantcontact_id) VALUES (?, ?, ?, ?)'),
    oo: db.prepare(`INSERT INTO onderwerpobject (id, uuid, klantcontact_id, was_klantcontact_id, code_objecttype, code_register, code_soort_object_id, object_id)
      VALUES (?, ?, ?, NULL, 'zgw-Zaak', 'openzaak', 'uuid', ?)`),
    it: db.prepare(`INSERT INTO internetaak (id, uuid, nummer, referentienummer, gevraagde_handeling, klantcontact_id, toelichting, status, toegewezen_op, afgehandeld_op)
      VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`),
    ita: db.prepare('INSERT INTO internetaak_actor (internetaak_id, actor_id, pos) VALUES (?, ?, ?)'),
    da: db.prepare(`INSERT INTO digitaal_adres (id, uuid, partij_id, betrokkene_id, adres, soort_digitaal_adres, is_standaard_adres, omschrijving, referentie, verificatie_datum)
      VALUES (?, ?, NULL, ?, ?, 'telefoonnummer', 1, 'Terugbelnummer', '', NULL)`),
  };
  let daId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM digitaal_adres').get() as { m: number }).m;
  let ooId = 0;
  let itId = 0;
  const byEmail = new Map(ctx.actor.medewerkers.map((m) => [m.email, m.id]));
  const kcc = ctx.actor.medewerkers.filter((m) => m.groep === 'KCC').map((m, i) => [m.id, i === 0 ? 4 : 1] as const);
  const balie = ctx.actor.medewerkers.filter((m) => m.groep === 'BALIE').map((m) => m.id);
  const onderwerpWeights = ONDERWERPEN.map((o, i) => [i, o.gewicht] as const);
  const ztByIdent = new Map(ctx.zaaktypen.map((z, i) => [z.def.identificatie, i]));
  const groupActor = (code: string): number => ctx.actor.groep.get(code) ?? ctx.actor.afdeling.get(code) ?? 1;
  const bertZaken = zaak.byPartij.get(0) ?? [];
  const resultaatWeights = [['zelfstandig_afgehandeld', 62], ['doorverbonden', 12], ['verwezen', 8], ['verbinding_verbroken', 3]] as const;

  const addTaak = (kcId: number, sec: number, actors: number[], handeling: string, toelichting: string, verwerkt: boolean): void => {
    const id = ++itId;
    const toegewezen = sec + 60 + prng.int(540);
    const afgehandeld = verwerkt ? secondsToIso(toegewezen + 3600 + prng.int(5 * DAY)) : null;
    ins.it.run(id, prng.uuid(), String(id).padStart(10, '0'), handeling, kcId, toelichting, verwerkt ? 'verwerkt' : 'te_verwerken', secondsToIso(toegewezen), afgehandeld);
    actors.forEach((a, pos) => ins.ita.run(id, a, pos));
  };
  const write = (id: number, sec: number, kanaal: string, onderwerp: string, inhoud: string, resultaat: string, afdeling: string,
    partij: number, medewerker: number, zaakIdx: number): void => {
    const reactie = kanaal === 'e-mail' || kanaal === 'contactformulier' || kanaal === 'brief' || kanaal === 'social media'
      ? (resultaat === 'zelfstandig_afgehandeld' ? 'Vraag beantwoord; antwoord verstuurd via hetzelfde kanaal.' : 'Ontvangstbevestiging verstuurd.') : '';
    const vertrouwelijk = afdeling === 'Sociaal Domein' && prng.chance(0.5) ? 1 : 0;
    ins.kc.run(id, prng.uuid(), String(id).padStart(10, '0'), kanaal, onderwerp, inhoud, reactie, resultaat === 'verbinding_verbroken' ? 0 : 1,
      resultaat === 'zelfstandig_afgehandeld' || resultaat === 'verwezen' || resultaat === 'verbinding_verbroken' ? 0 : 1, vertrouwelijk, secondsToIso(sec),
      JSON.stringify({ gespreksresultaat: resultaat, afdeling }));
    let naam: { voorletters: string; voornaam: string; voorvoegselAchternaam: string; achternaam: string };
    let organisatienaam = '';
    if (partij >= 0 && partij < P) {
      naam = { voorletters: info.voorletters[partij]!, voornaam: info.voornaam[partij]!, voorvoegselAchternaam: info.voorvoegsel[partij]!, achternaam: info.achternaam[partij]! };
    } else {
      const vn = prng.pick(prng.chance(0.5) ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
      const [vv, an] = prng.pick(LAST_NAMES);
      const anoniem = partij < 0 && prng.chance(0.3);
      naam = { voorletters: anoniem ? '' : initialsOf(vn), voornaam: anoniem ? '' : vn, voorvoegselAchternaam: vv, achternaam: an };
      if (partij >= P) organisatienaam = info.naam[partij] ?? '';
    }
    ins.bt.run(id, prng.uuid(), id, partij >= 0 ? partij + ctx.partijIdOffset : null, organisatienaam, JSON.stringify(naam));
    if (partij < 0 && prng.chance(0.8)) ins.da.run(++daId, prng.uuid(), id, `06-${String(prng.int(100_000_000)).padStart(8, '0')}`);
    ins.akc.run(id, prng.uuid(), medewerker, id);
    if (zaakIdx >= 0) ins.oo.run(++ooId, prng.uuid(), id, zaak.uuid[zaakIdx]);
  };

  let gi = 0;
  let bi = 0;
  inChunks(ctx, counts.klantcontacten, 20_000, 'klantcontacten', (i) => {
    const id = i + 1;
    const nextGeneric = gi < G ? Math.floor(order[gi]! / ORDER_SHIFT) + base : Infinity;
    const nextBert = bi < bert.length ? Date.parse(bert[bi]!.at) / 1000 : Infinity;
    if (nextBert <= nextGeneric) {
      const b = bert[bi++]!;
      const zaakIdx = b.zaak !== undefined ? (bertZaken[b.zaak] ?? -1) : -1;
      write(id, nextBert, b.kanaal, b.onderwerp, b.inhoud, b.gespreksresultaat, b.afdeling, 0, byEmail.get(b.medewerker) ?? 1, zaakIdx);
      if (b.taak) {
        const actors = [groupActor(b.taak.groep), ...(b.taak.medewerker ? [byEmail.get(b.taak.medewerker) ?? 1] : [])];
        addTaak(id, nextBert, actors, 'Contact opnemen met betrokkene', b.taak.toelichting, false);
      }
      return;
    }
    const g = order[gi++]! % ORDER_SHIFT;
    const sec = nextGeneric;
    const day = Math.floor(sec / DAY);
    const kanaal = KANALEN[kanaalOf[g]!]![0];
    const r = prng.float();
    const partij = r < 0.025 || P + O <= 1 ? -1 : r < 0.1 && O > 0 ? P + prng.int(O) : P > 1 ? 1 + Math.floor((P - 1) * Math.pow(prng.float(), 1.25)) : -1;
    const topic = ONDERWERPEN[prng.weighted(onderwerpWeights)]!;
    const onderwerp = prng.pick(topic.onderwerpen);
    const inhoud = fill(prng.pick(topic.inhoud), prng, secondsToIso(sec - 14 * DAY).slice(0, 10));
    // link one of the partij's zaken that was running at the time
    let zaakIdx = -1;
    const zaken = partij >= 0 ? zaak.byPartij.get(partij) : undefined;
    if (zaken) {
      const wanted = topic.zaaktype !== undefined ? ztByIdent.get(topic.zaaktype) : undefined;
      for (const z of zaken) {
        if (zaak.start[z]! > day || (zaak.end[z]! >= 0 && zaak.end[z]! < day - 30)) continue;
        if (zaak.zaaktype[z] === wanted ? prng.chance(0.7) : prng.chance(0.12)) { zaakIdx = z; break; }
      }
    }
    let resultaat: string;
    if (taskFlag[g]) resultaat = 'terugbelverzoek';
    else if (zaakIdx >= 0 && day - zaak.start[zaakIdx]! <= 1) resultaat = 'zaak_aangemaakt';
    else {
      resultaat = prng.weighted(resultaatWeights);
      if (resultaat === 'verbinding_verbroken' && kanaal !== 'telefoon' && kanaal !== 'chat') resultaat = 'zelfstandig_afgehandeld';
    }
    const medewerker = kanaal === 'balie' && balie.length ? prng.pick(balie) : prng.weighted(kcc);
    write(id, sec, kanaal, onderwerp, inhoud, resultaat, topic.afdeling, partij, medewerker, zaakIdx);
    if (taskFlag[g]) {
      const groep = topic.zaaktype !== undefined ? ctx.zaaktypen[ztByIdent.get(topic.zaaktype) ?? 0]!.def.groep : (AFDELING_ACTOR[topic.afdeling] ?? 'PZ');
      const actors = [groupActor(groep)];
      const team = ctx.actor.medewerkers.filter((m) => m.groep === groep);
      if (team.length && prng.chance(0.35)) {
        const m = prng.pick(team).id;
        if (prng.chance(0.5)) actors.push(m);
        else actors[0] = m;
      }
      const age = REF_DAY - day;
      const verwerkt = age > 10 ? prng.chance(0.88) : age > 2 ? prng.chance(0.5) : prng.chance(0.1);
      const handeling = prng.weighted([['Contact opnemen met betrokkene', 85], ['Informatie opzoeken en terugkoppelen', 10], ['Afspraak inplannen', 5]] as const);
      addTaak(id, sec, actors, handeling, prng.pick(TOELICHTINGEN), verwerkt);
    }
  });
}

