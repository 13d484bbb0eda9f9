import { EERDERE_VERSIES, ROLTYPEN, ZAAKTYPEN } from './catalogus';
import type { SeedContext } from './context';
import { AFDELINGEN, GROEPEN, MEDEWERKERS, TURFBRUG_RSIN, medewerkerEmail, medewerkerNaam } from './organisatie';
import { initialsOf } from './pools';

/** Catalogus, zaaktypen with statustypen and roltypen. */
export function seedCatalogi(ctx: SeedContext): void {
  const { db } = ctx;
  const prng = ctx.prng.fork('catalogi');
  db.prepare(`INSERT INTO catalogus (id, uuid, domein, rsin, naam, versie, begindatum_versie, contactpersoon_naam, contactpersoon_telefoon, contactpersoon_email)
    VALUES (1, ?, 'TURFB', ?, 'Zaaktypecatalogus gemeente Turfbrug', '2024', '2024-01-01', 'Informatiebeheer Turfbrug', '0512140500', 'informatiebeheer@turfbrug.nl')`)
    .run(prng.uuid(), TURFBRUG_RSIN);
  const insZt = db.prepare(`INSERT INTO zaaktype (id, uuid, catalogus_id, identificatie, omschrijving, concept, begin_geldigheid, versiedatum, data)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  const insSt = db.prepare(`INSERT INTO statustype (id, uuid, zaaktype_id, volgnummer, omschrijving, omschrijving_generiek, statustekst, informeren, doorlooptijd)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insRt = db.prepare('INSERT INTO roltype (id, uuid, zaaktype_id, omschrijving, omschrijving_generiek) VALUES (?, ?, ?, ?, ?)');
  let stId = 0;
  let rtId = 0;
  /** The statustypen and roltypen of one zaaktype version. */
  const typen = (id: number, def: (typeof ZAAKTYPEN)[number]) => {
    const statustypen: number[] = [];
    def.statustypen.forEach((st, j) => {
      stId++;
      statustypen.push(stId);
      const generiek = j === 0 ? 'ontvangen' : j === def.statustypen.length - 1 ? 'afgerond' : 'in_behandeling';
      insSt.run(stId, prng.uuid(), id, j + 1, st.omschrijving, st.generiek ?? generiek, st.statustekst, j === 0 || j === def.statustypen.length - 1 ? 1 : 0, null);
    });
    const roltypen = new Map<string, number>();
    for (const [omschrijving, generiek] of ROLTYPEN) {
      rtId++;
      roltypen.set(generiek, rtId);
      insRt.run(rtId, prng.uuid(), id, omschrijving, generiek);
    }
    return { statustypen, roltypen };
  };
  const versies = new Map<string, { def: (typeof ZAAKTYPEN)[number]; data: Record<string, unknown> }>();
  db.transaction(() => {
    ZAAKTYPEN.forEach((def, i) => {
      const id = i + 1;
      const uuid = prng.uuid();
      const begin = def.concept ? '2026-11-01' : '2024-01-01';
      const data = {
        omschrijvingGeneriek: '', vertrouwelijkheidaanduiding: def.vertrouwelijkheid, doel: def.doel, aanleiding: def.aanleiding, toelichting: '',
        indicatieInternOfExtern: 'extern', handelingInitiator: def.handelingInitiator, onderwerp: def.onderwerp, handelingBehandelaar: def.handelingBehandelaar,
        doorlooptijd: `P${def.doorlooptijdDagen}D`, servicenorm: def.servicenormDagen ? `P${def.servicenormDagen}D` : null,
        opschortingEnAanhoudingMogelijk: def.opschortingMogelijk, verlengingMogelijk: def.verlengingMogelijk,
        verlengingstermijn: def.verlengingMogelijk ? `P${Math.round(def.doorlooptijdDagen / 2)}D` : null,
        trefwoorden: def.trefwoorden, publicatieIndicatie: false, publicatietekst: '', verantwoordingsrelatie: [], productenOfDiensten: [],
        referentieproces: { naam: def.omschrijving.toLowerCase().slice(0, 80) }, verantwoordelijke: `Gemeente Turfbrug, ${def.groep}`.slice(0, 50),
        eindeGeldigheid: null, besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [],
      };
      insZt.run(id, uuid, def.identificatie, def.omschrijving, def.concept ? 1 : 0, begin, begin, JSON.stringify(data));
      ctx.zaaktypen.push({ id, uuid, def, ...typen(id, def) });
      versies.set(def.identificatie, { def, data });
    });
    // Earlier versions last: the rows above keep their ids and uuids.
    EERDERE_VERSIES.forEach((v, i) => {
      const id = ZAAKTYPEN.length + i + 1;
      const { def, data } = versies.get(v.identificatie)!;
      insZt.run(id, prng.uuid(), def.identificatie, def.omschrijving, 0, v.beginGeldigheid, v.beginGeldigheid, JSON.stringify({ ...data, eindeGeldigheid: v.eindeGeldigheid }));
      typen(id, def);
    });
  })();
}

/** Afdelingen, groepen (organisatorische eenheden) and medewerkers as Klantinteracties actoren. */
export function seedActoren(ctx: SeedContext): void {
  const prng = ctx.prng.fork('actoren');
  const ins = ctx.db.prepare(`INSERT INTO actor (id, uuid, naam, soort_actor, indicatie_actief, code_objecttype, code_register, code_soort_object_id, object_id, actor_identificatie)
    VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`);
  let id = 0;
  ctx.db.transaction(() => {
    for (const a of AFDELINGEN) {
      id++;
      ins.run(id, prng.uuid(), a.naam, 'organisatorische_eenheid', 'afd', 'obj', 'idf', a.code,
        JSON.stringify({ omschrijving: a.omschrijving, emailadres: a.email, faxnummer: '', telefoonnummer: a.telefoon }));
      ctx.actor.afdeling.set(a.code, id);
      ctx.actor.afdeling.set(a.naam, id);
    }
    for (const g of GROEPEN) {
      id++;
      ins.run(id, prng.uuid(), g.naam, 'organisatorische_eenheid', 'grp', 'obj', 'idf', g.code,
        JSON.stringify({ omschrijving: g.omschrijving, emailadres: g.email, faxnummer: '', telefoonnummer: '0512140512' }));
      ctx.actor.groep.set(g.code, id);
    }
    MEDEWERKERS.forEach((m, i) => {
      id++;
      const email = medewerkerEmail(m);
      ins.run(id, prng.uuid(), medewerkerNaam(m), 'medewerker', 'mdw', 'msei', 'email', email,
        JSON.stringify({ functie: m.functie, emailadres: email, telefoonnummer: `0512${String(140600 + i)}` }));
      ctx.actor.medewerkers.push({ id, groep: m.groep, email, naam: medewerkerNaam(m), voorletters: initialsOf(m.voornaam), voorvoegsel: m.voorvoegsel, achternaam: m.achternaam });
    });
  })();
}
