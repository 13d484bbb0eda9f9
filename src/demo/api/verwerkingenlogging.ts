/**
 * Demo "Verwerkingenlogging API" (VNG Realisatie, Bewerking API 0.9: `verwerkingsacties`) for the
 * fictional municipality Turfbrug. POST stores one verwerkingsactie with its verwerkte objecten;
 * GET lists them with the standard's filters (objecttype + soortObjectId + objectId, beginDatum,
 * eindDatum, vertrouwelijkheid, verwerkingsactiviteitId), paginated as the ZGW APIs are.
 *
 * Deviation, documented: the standard lets the log assign `actieId`; this demo takes the
 * client's `actieId` when given, which makes a repeated POST (after a lost response)
 * idempotent: the same action again answers 200 with the stored one, a different action under
 * the same id 409. Auth: the ZGW JWT of the other demo APIs.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/open';
import { ApiError, baseUrl, invalid, notFound, sendJson, type ApiInfo } from '../server/http';
import { parseBody } from '../server/validation';

export const VERWERKINGENLOGGING_API: ApiInfo = { prefix: '/verwerkingenlogging/api/v1', version: '0.9.0' };
const PAGE_SIZE = 100;

const VerwerktObject = z.object({
  objecttype: z.literal('persoon'),
  soortObjectId: z.string().min(1).max(242),
  objectId: z.string().min(1).max(40),
  betrokkenheid: z.string().max(242).optional(),
  verwerkteSoortenGegevens: z.array(z.object({ soortGegeven: z.string().min(1).max(242) })).optional(),
});

const Verwerkingsactie = z.object({
  actieId: z.uuid().optional(),
  actieNaam: z.string().max(242).optional(),
  handelingNaam: z.string().max(242).optional(),
  verwerkingNaam: z.string().max(242).optional(),
  verwerkingId: z.uuid().optional(),
  verwerkingsactiviteitId: z.uuid().optional(),
  verwerkingsactiviteitUrl: z.url().max(2042).optional(),
  vertrouwelijkheid: z.enum(['normaal', 'vertrouwelijk', 'opgeheven']).default('normaal'),
  bewaartermijn: z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, { message: 'Geen geldige ISO 8601-duur.' }).optional(),
  uitvoerder: z.string().regex(/^[0-9]{20}$/, { message: 'Verwacht een OIN van 20 cijfers.' }).optional(),
  systeem: z.string().max(242).optional(),
  gebruiker: z.string().max(40).optional(),
  gegevensbron: z.string().max(242).optional(),
  tijdstip: z.iso.datetime({ offset: true }),
  verwerkteObjecten: z.array(VerwerktObject).min(1),
});
type Verwerkingsactie = z.infer<typeof Verwerkingsactie>;

const TABLES = `
CREATE TABLE IF NOT EXISTS verwerkingsactie (
  id INTEGER PRIMARY KEY, actie_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL, tijdstip TEXT NOT NULL,
  tijdstip_registratie TEXT NOT NULL, vertrouwelijkheid TEXT NOT NULL, verwerkingsactiviteit_id TEXT);
CREATE TABLE IF NOT EXISTS verwerkt_object (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, verwerkingsactie_id INTEGER NOT NULL,
  objecttype TEXT NOT NULL, soort_object_id TEXT NOT NULL, object_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS verwerkt_object_object ON verwerkt_object (object_id, soort_object_id);
CREATE INDEX IF NOT EXISTS verwerkingsactie_tijdstip ON verwerkingsactie (tijdstip);
`;

interface Row { id: number; actie_id: string; body: string; tijdstip_registratie: string }

function render(req: FastifyRequest, row: Row, objects: { uuid: string }[]): Record<string, unknown> {
  const body = JSON.parse(row.body) as Verwerkingsactie;
  const base = `${baseUrl(req)}${VERWERKINGENLOGGING_API.prefix}`;
  return {
    url: `${base}/verwerkingsacties/${row.actie_id}`,
    ...body,
    actieId: row.actie_id,
    tijdstipRegistratie: row.tijdstip_registratie,
    verwerkteObjecten: body.verwerkteObjecten.map((o, i) => ({
      url: `${base}/verwerkte-objecten/${objects[i]?.uuid ?? ''}`,
      verwerktObjectId: objects[i]?.uuid ?? '',
      ...o,
    })),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerVerwerkingenlogging(app: FastifyInstance, db: Db): void {
  db.exec(TABLES);
  const byActieId = db.prepare<[string], Row>('SELECT id, actie_id, body, tijdstip_registratie FROM verwerkingsactie WHERE actie_id = ?');
  const objectsOf = db.prepare<[number], { uuid: string }>('SELECT uuid FROM verwerkt_object WHERE verwerkingsactie_id = ? ORDER BY id');
  const insert = db.prepare('INSERT INTO verwerkingsactie (actie_id, body, tijdstip, tijdstip_registratie, vertrouwelijkheid, verwerkingsactiviteit_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertObject = db.prepare('INSERT INTO verwerkt_object (uuid, verwerkingsactie_id, objecttype, soort_object_id, object_id) VALUES (?, ?, ?, ?, ?)');

  app.post('/verwerkingsacties', async (req, reply) => {
    const actie = parseBody(Verwerkingsactie, req.body);
    const actieId = actie.actieId ?? randomUUID();
    const body = JSON.stringify({ ...actie, actieId });
    const existing = byActieId.get(actieId);
    if (existing) {
      if (existing.body !== body) throw new ApiError(409, 'conflict', 'Conflict.', `Er bestaat al een andere verwerkingsactie met actieId ${actieId}.`);
      return sendJson(reply, VERWERKINGENLOGGING_API, 200, render(req, existing, objectsOf.all(existing.id)));
    }
    const row = db.transaction(() => {
      const registratie = new Date().toISOString();
      const id = Number(insert.run(actieId, body, new Date(actie.tijdstip).toISOString(), registratie, actie.vertrouwelijkheid, actie.verwerkingsactiviteitId ?? null).lastInsertRowid);
      for (const o of actie.verwerkteObjecten) insertObject.run(randomUUID(), id, o.objecttype, o.soortObjectId, o.objectId);
      return { id, actie_id: actieId, body, tijdstip_registratie: registratie };
    })();
    const rendered = render(req, row, objectsOf.all(row.id));
    return sendJson(reply, VERWERKINGENLOGGING_API, 201, rendered, { Location: String(rendered.url) });
  });

  app.get<{ Params: { actieId: string } }>('/verwerkingsacties/:actieId', async (req, reply) => {
    const row = byActieId.get(req.params.actieId);
    if (!row) throw notFound();
    return sendJson(reply, VERWERKINGENLOGGING_API, 200, render(req, row, objectsOf.all(row.id)));
  });

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/verwerkingsacties', async (req, reply) => {
    const q = req.query;
    const one = (name: string) => (Array.isArray(q[name]) ? q[name][0] : q[name]);
    const where: string[] = [];
    const params: unknown[] = [];
    const objectId = one('objectId');
    if (objectId !== undefined) {
      where.push('a.id IN (SELECT verwerkingsactie_id FROM verwerkt_object WHERE object_id = ? AND (? IS NULL OR soort_object_id = ?) AND (? IS NULL OR objecttype = ?))');
      const soort = one('soortObjectId') ?? null;
      const type = one('objecttype') ?? null;
      params.push(objectId, soort, soort, type, type);
    }
    for (const [name, op] of [['beginDatum', '>='], ['eindDatum', '<']] as const) {
      const value = one(name);
      if (value === undefined) continue;
      if (!DATE.test(value)) throw invalid(name, 'invalid', 'Verwacht een datum (JJJJ-MM-DD).');
      where.push(`a.tijdstip ${op} ?`);
      params.push(`${value}T00:00:00.000Z`);
    }
    const vertrouwelijkheid = [q.vertrouwelijkheid ?? []].flat().flatMap((v) => v.split(','));
    if (vertrouwelijkheid.length > 0) {
      where.push(`a.vertrouwelijkheid IN (${vertrouwelijkheid.map(() => '?').join(',')})`);
      params.push(...vertrouwelijkheid);
    }
    const activiteit = one('verwerkingsactiviteitId');
    if (activiteit !== undefined) {
      where.push('a.verwerkingsactiviteit_id = ?');
      params.push(activiteit);
    }
    const page = Number(one('page') ?? '1');
    if (!Number.isInteger(page) || page < 1) throw invalid('page', 'invalid', 'Ongeldige pagina.');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const count = (db.prepare(`SELECT count(*) AS n FROM verwerkingsactie a ${clause}`).get(...params) as { n: number }).n;
    const rows = db.prepare(`SELECT id, actie_id, body, tijdstip_registratie FROM verwerkingsactie a ${clause} ORDER BY a.id LIMIT ? OFFSET ?`).all(...params, PAGE_SIZE, (page - 1) * PAGE_SIZE) as Row[];
    if (page > 1 && rows.length === 0) throw notFound('Ongeldige pagina.');
    const link = (p: number) => {
      const url = new URL(`${baseUrl(req)}${req.url}`);
      url.searchParams.set('page', String(p));
      return url.toString();
    };
    return sendJson(reply, VERWERKINGENLOGGING_API, 200, {
      count,
      next: page * PAGE_SIZE < count ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: rows.map((row) => render(req, row, objectsOf.all(row.id))),
    });
  });
}
