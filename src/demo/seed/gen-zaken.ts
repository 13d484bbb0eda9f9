import { BERT_ZAKEN } from './bert';
import { REF_DAY, dayToDate, inChunks, secondsToIso, type SeedContext } from './context';
import { TURFBRUG_RSIN } from './organisatie';

const DAY = 86_400;

/** Zaken with statussen and rollen; Bert Burger's four zaken are mixed into the chronology. */
export function seedZaken(ctx: SeedContext): void {
  const { db, counts, partij: info } = ctx;
  const prng = ctx.prng.fork('zaken');
  const published = ctx.zaaktypen.filter((z) => !z.def.concept);
  const byIdent = new Map(ctx.zaaktypen.map((z, i) => [z.def.identificatie, i]));
  const weights = published.map((z) => [ctx.zaaktypen.indexOf(z), z.def.gewicht] as const);
  const bertCount = counts.zaken >= BERT_ZAKEN.length && counts.persons > 0 ? BERT_ZAKEN.length : 0;
  const n = counts.zaken;
  const P = counts.persons;
  const O = counts.organisations;

  // Plan: start day, initiator, zaaktype; then order chronologically.
  const startDay = new Int32Array(n);
  const initiator = new Int32Array(n);
  const ztIdx = new Uint8Array(n);
  const bertIdx = new Int8Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    if (k < bertCount) {
      const b = BERT_ZAKEN[k]!;
      startDay[k] = Math.floor(Date.parse(b.start) / 86_400_000);
      initiator[k] = 0;
      ztIdx[k] = byIdent.get(b.zaaktype) ?? 0;
      bertIdx[k] = k;
      continue;
    }
    const zi = prng.weighted(weights);
    ztIdx[k] = zi;
    startDay[k] = REF_DAY - 1 - prng.int(760);
    const orgShare = ctx.zaaktypen[zi]!.def.organisaties;
    initiator[k] = O > 0 && prng.chance(orgShare) ? P + prng.int(O) : P > 1 ? 1 + Math.floor((P - 1) * Math.pow(prng.float(), 1.25)) : 0;
  }
  const order = new Float64Array(n);
  for (let k = 0; k < n; k++) order[k] = startDay[k]! * 4_194_304 + k;
  order.sort();

  const insZaak = db.prepare(`INSERT INTO zaak (id, uuid, identificatie, bronorganisatie, omschrijving, toelichting, zaaktype_id, registratiedatum,
    verantwoordelijke_organisatie, startdatum, einddatum, einddatum_gepland, uiterlijke_einddatum_afdoening, publicatiedatum, vertrouwelijkheidaanduiding,
    communicatiekanaal_naam, status_id, laatst_gemuteerd, extra) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL)`);
  const insStatus = db.prepare(`INSERT INTO status (id, uuid, zaak_id, statustype_id, datum_status_gezet, statustoelichting, gezetdoor) VALUES (?, ?, ?, ?, ?, '', NULL)`);
  const insRol = db.prepare(`INSERT INTO rol (id, uuid, zaak_id, roltype_id, betrokkene_type, betrokkene, afwijkende_naam, roltoelichting, registratiedatum,
    indicatie_machtiging, contactpersoon, identificatie, omschrijving_generiek, inp_bsn, kvk_nummer, vestigings_nummer, inn_nnp_id, medewerker_identificatie)
    VALUES (?, ?, ?, ?, ?, '', '', ?, ?, '', NULL, ?, ?, ?, ?, ?, ?, ?)`);
  const seqPerYear = new Map<string, number>();
  let statusId = 0;
  let rolId = 0;
  const zi = ctx.zaak;
  zi.uuid = new Array<string>(n);
  zi.start = new Int32Array(n);
  zi.end = new Int32Array(n);
  zi.zaaktype = new Uint8Array(n);

  inChunks(ctx, n, 10_000, 'zaken', (k) => {
    const src = order[k]! % 4_194_304;
    const id = k + 1;
    const zt = ctx.zaaktypen[ztIdx[src]!]!;
    const def = zt.def;
    const start = startDay[src]!;
    const b = bertIdx[src]! >= 0 ? BERT_ZAKEN[bertIdx[src]!]! : null;
    const year = dayToDate(start).slice(0, 4);
    const seq = (seqPerYear.get(year) ?? 0) + 1;
    seqPerYear.set(year, seq);
    const uuid = prng.uuid();
    const d = def.doorlooptijdDagen;
    let end: number | null;
    let nStatus: number;
    const kTypes = zt.statustypen.length;
    if (b) {
      end = b.end ? Math.floor(Date.parse(b.end) / 86_400_000) : null;
      nStatus = b.statussen;
    } else {
      const actual = Math.max(1, Math.round(d * (0.25 + 1.2 * prng.float())));
      end = start + actual < REF_DAY ? start + actual : null;
      nStatus = end !== null ? kTypes : Math.min(kTypes - 1, 1 + Math.floor(((REF_DAY - start) / actual) * (kTypes - 1)));
    }
    const lastDay = end ?? REF_DAY - 1;
    const startSec = start * DAY + 7 * 3600 + prng.int(8 * 3600);
    const lastSec = Math.max(startSec + 60, lastDay * DAY + 7 * 3600 + prng.int(8 * 3600));
    let lastStatusId = 0;
    let lastIso = secondsToIso(startSec);
    for (let s = 0; s < nStatus; s++) {
      const t = nStatus === 1 ? startSec : Math.round(startSec + ((lastSec - startSec) * s) / (nStatus - 1));
      lastIso = secondsToIso(t);
      insStatus.run(++statusId, prng.uuid(), id, zt.statustypen[s]!, lastIso);
      lastStatusId = statusId;
    }
    const p = initiator[src]!;
    const straat = info.straat[p] ?? 'Turfmarkt';
    const omschrijving = (b?.omschrijving ?? `${def.omschrijving} ${straat}`).slice(0, 80);
    const kanaal = b?.kanaal ?? prng.pick(['Digitaal loket', 'Digitaal loket', 'Balie', 'Telefoon', 'E-mail']);
    insZaak.run(id, uuid, `ZAAK-${year}-${String(seq).padStart(7, '0')}`, TURFBRUG_RSIN, omschrijving, zt.id, dayToDate(start), TURFBRUG_RSIN,
      dayToDate(start), end === null ? null : dayToDate(end), dayToDate(start + (def.servicenormDagen ?? d)), dayToDate(start + d),
      def.vertrouwelijkheid, kanaal, lastStatusId || null, lastIso);

    // Initiator rol
    const regIso = secondsToIso(startSec);
    if (p < counts.persons) {
      const adres = JSON.parse(info.adres[p] ?? '{}') as { nummeraanduidingId?: string; straatnaam?: string; huisnummer?: number; postcode?: string; huisnummertoevoeging?: string };
      const bsn = info.bsn[p] ?? null;
      const ident = {
        ...(bsn ? { inpBsn: bsn } : {}), geslachtsnaam: info.achternaam[p], voorvoegselGeslachtsnaam: info.voorvoegsel[p], voorletters: info.voorletters[p],
        voornamen: info.voornaam[p], geslachtsaanduiding: info.geslacht[p], geboortedatum: info.geboortedatum[p],
        verblijfsadres: { aoaIdentificatie: adres.nummeraanduidingId ?? '', wplWoonplaatsNaam: 'Turfbrug', gorOpenbareRuimteNaam: adres.straatnaam ?? '',
          aoaPostcode: (adres.postcode ?? '').replace(' ', ''), aoaHuisnummer: adres.huisnummer ?? 0, aoaHuisletter: '', aoaHuisnummertoevoeging: (adres.huisnummertoevoeging ?? '').slice(0, 4), inpLocatiebeschrijving: '' },
        subVerblijfBuitenland: null,
      };
      insRol.run(++rolId, prng.uuid(), id, zt.roltypen.get('initiator')!, 'natuurlijk_persoon', '', regIso, JSON.stringify(ident), 'initiator', bsn, null, null, null, null);
    } else {
      const ident = {
        ...(info.rsin[p] ? { innNnpId: info.rsin[p] } : {}), kvkNummer: info.kvk[p], ...(info.vestiging[p] ? { vestigingsNummer: info.vestiging[p] } : {}),
        statutaireNaam: info.naam[p], innRechtsvorm: '', bezoekadres: `${straat} ${info.huisnummer[p]}, ${info.postcode[p]} Turfbrug`, verblijfsadres: null, subVerblijfBuitenland: null,
      };
      insRol.run(++rolId, prng.uuid(), id, zt.roltypen.get('initiator')!, 'niet_natuurlijk_persoon', '', regIso, JSON.stringify(ident), 'initiator', null,
        info.kvk[p] ?? null, info.vestiging[p] ?? null, info.rsin[p] ?? null, null);
    }
    // Behandelaar rol for most zaken
    if (b || prng.chance(0.6)) {
      const team = ctx.actor.medewerkers.filter((m) => m.groep === def.groep);
      const m = team.length ? prng.pick(team) : prng.pick(ctx.actor.medewerkers);
      const ident = { identificatie: m.email.split('@')[0], achternaam: m.achternaam, voorletters: m.voorletters, voorvoegselAchternaam: m.voorvoegsel };
      insRol.run(++rolId, prng.uuid(), id, zt.roltypen.get('behandelaar')!, 'medewerker', '', regIso, JSON.stringify(ident), 'behandelaar', null, null, null, null, ident.identificatie);
    }
    zi.uuid[k] = uuid;
    zi.start[k] = start;
    zi.end[k] = end ?? -1;
    zi.zaaktype[k] = ztIdx[src]!;
    let list = zi.byPartij.get(p);
    if (!list) zi.byPartij.set(p, (list = []));
    list.push(k);
  });
}
