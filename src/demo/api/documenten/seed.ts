/**
 * Deterministic documents for the demo zaken: Bert Burger's zaken get the letters and forms a
 * real dossier has (aanvraagformulier, ontvangstbevestiging, tekening, besluit); in the demo
 * size every other zaak gets an ontvangstbevestiging. The bench size only seeds Bert's (the
 * benchmarks never read the others). Idempotent: runs when the table is empty.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import { DOCUMENTEN_TABLES } from './schema';

const BERT_BSN = '999993653';
const BRONORGANISATIE = '002756419';
/** Above this many zaken, only Bert's get documents. */
const ALL_ZAKEN_LIMIT = 5_000;

/** A stable uuid from a name (the demo's data must not change between runs). */
function stableUuid(name: string): string {
  const h = createHash('sha1').update(`turfbrug-documenten:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A minimal, valid one-page PDF with the given lines of text (Helvetica, no images, no scripts). */
export function simplePdf(lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface ZaakRow { id: number; uuid: string; identificatie: string; omschrijving: string; startdatum: string; einddatum: string | null; zaaktype: string; zaaktype_omschrijving: string }
interface Doc { titel: string; formaat: 'application/pdf' | 'text/plain'; bestandsnaam: string; dagen: number; vertrouwelijkheid: string; beschrijving: string; aard: string; tekst: string[] }

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const datumNl = (iso: string) => `${Number(iso.slice(8, 10))} ${MAANDEN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function ontvangstbevestiging(z: ZaakRow): Doc {
  return {
    titel: `Ontvangstbevestiging ${z.identificatie}`, formaat: 'text/plain', bestandsnaam: `ontvangstbevestiging-${z.identificatie}.txt`, dagen: 0,
    vertrouwelijkheid: 'openbaar', beschrijving: 'Bevestiging van ontvangst van de aanvraag of melding.', aard: 'Hoort bij, omgekeerd: kent',
    tekst: [
      'Gemeente Turfbrug', '', `Betreft: ${z.zaaktype_omschrijving} (${z.identificatie})`, '',
      `Wij hebben uw aanvraag of melding op ${datumNl(z.startdatum)} ontvangen en in behandeling genomen.`,
      `Onderwerp: ${z.omschrijving}`, '', 'Met vriendelijke groet,', 'Team Dienstverlening, gemeente Turfbrug',
    ],
  };
}

function bertDocs(z: ZaakRow): Doc[] {
  const pdf = (titel: string, bestandsnaam: string, dagen: number, vertrouwelijkheid: string, beschrijving: string, tekst: string[]): Doc => ({
    titel, formaat: 'application/pdf', bestandsnaam, dagen, vertrouwelijkheid, beschrijving, aard: 'Hoort bij, omgekeerd: kent', tekst,
  });
  const docs = [ontvangstbevestiging(z)];
  switch (z.zaaktype) {
    case 'OMGVERG':
      docs.push(
        pdf('Aanvraagformulier omgevingsvergunning dakkapel', 'aanvraag-omgevingsvergunning.pdf', 0, 'zaakvertrouwelijk', 'Aanvraag via het Omgevingsloket.',
          ['Aanvraag omgevingsvergunning', 'Aanvrager: B. Burger, Turfmarkt 12, 8441 BB Turfbrug', 'Activiteit: bouwen - dakkapel voorzijde', 'Ingediend via het Omgevingsloket']),
        pdf('Bouwtekening dakkapel voorzijde', 'bouwtekening-dakkapel.pdf', 0, 'zaakvertrouwelijk', 'Tekening bij de aanvraag.',
          ['Bouwtekening dakkapel', 'Turfmarkt 12, Turfbrug', 'Breedte 2,40 m, hoogte 1,45 m, kleur antraciet']),
        pdf('Welstandsadvies dakkapel Turfmarkt 12', 'welstandsadvies.pdf', 30, 'intern', 'Advies van de welstandscommissie.',
          ['Welstandsadvies', 'De commissie adviseert de kleur van de dakkapel aan te passen aan het straatbeeld.']),
      );
      break;
    case 'PARKVERG':
      docs.push(pdf('Besluit parkeervergunning bewoners', 'besluit-parkeervergunning.pdf', 9, 'openbaar', 'Verleende vergunning.',
        ['Besluit parkeervergunning', 'Aan: B. Burger', 'Gebied: Turfmarkt e.o.', 'Geldig tot en met 31 maart 2026']));
      break;
    case 'MOR':
      docs.push({ ...ontvangstbevestiging(z), titel: 'Foto van de losliggende tegels (beschrijving)', bestandsnaam: 'melding-toelichting.txt', dagen: 0, vertrouwelijkheid: 'openbaar',
        beschrijving: 'Toelichting van de melder.', tekst: ['Melding openbare ruimte', 'Tegels liggen los voor Turfmarkt 10-14; struikelgevaar, vooral in het donker.'] });
      break;
    default:
      break;
  }
  return docs;
}

export function ensureDocumenten(db: Db): number {
  db.exec(DOCUMENTEN_TABLES);
  const existing = (db.prepare('SELECT count(*) AS n FROM informatieobject').get() as { n: number }).n;
  if (existing > 0) return 0;
  const zaakCount = (db.prepare('SELECT count(*) AS n FROM zaak').get() as { n: number }).n;
  const select = `SELECT z.id, z.uuid, z.identificatie, z.omschrijving, z.startdatum, z.einddatum, zt.identificatie AS zaaktype, zt.omschrijving AS zaaktype_omschrijving
    FROM zaak z CROSS JOIN zaaktype zt ON zt.id = z.zaaktype_id`;
  const bert = new Set((db.prepare("SELECT DISTINCT zaak_id FROM rol WHERE inp_bsn = ?").all(BERT_BSN) as { zaak_id: number }[]).map((r) => r.zaak_id));
  const zaken = zaakCount <= ALL_ZAKEN_LIMIT
    ? (db.prepare(`${select} ORDER BY z.id`).all() as ZaakRow[])
    : (db.prepare(`${select} WHERE z.id IN (SELECT value FROM json_each(?)) ORDER BY z.id`).all(JSON.stringify([...bert])) as ZaakRow[]);
  const insertIo = db.prepare(`INSERT INTO informatieobject (uuid, identificatie, bronorganisatie, creatiedatum, titel, vertrouwelijkheidaanduiding, auteur, status, formaat,
    taal, bestandsnaam, beschrijving, informatieobjecttype_uuid, begin_registratie, inhoud) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'dut', ?, ?, ?, ?, ?)`);
  const insertZio = db.prepare(`INSERT INTO zaakinformatieobject (uuid, zaak_id, informatieobject_id, titel, beschrijving, aard_relatie, registratiedatum)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  let n = 0;
  db.transaction(() => {
    for (const z of zaken) {
      const docs = bert.has(z.id) ? bertDocs(z) : [ontvangstbevestiging(z)];
      docs.forEach((d, i) => {
        const uuid = stableUuid(`${z.uuid}:${i}`);
        const datum = addDays(z.startdatum, d.dagen);
        const inhoud = d.formaat === 'application/pdf' ? simplePdf(d.tekst) : Buffer.from(`${d.tekst.join('\n')}\n`, 'utf8');
        const ioId = Number(insertIo.run(uuid, `DOC-${z.identificatie.replace(/^ZAAK-/, '')}-${i + 1}`, BRONORGANISATIE, datum, d.titel, d.vertrouwelijkheid, 'Gemeente Turfbrug',
          'definitief', d.formaat, d.bestandsnaam, d.beschrijving, stableUuid(`iotype:${d.formaat}`), `${datum}T09:00:00Z`, inhoud).lastInsertRowid);
        insertZio.run(stableUuid(`zio:${z.uuid}:${i}`), z.id, ioId, d.titel, '', d.aard, `${datum}T09:00:00Z`);
        n++;
      });
    }
  })();
  return n;
}
