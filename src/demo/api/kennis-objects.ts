/**
 * The Turfbrug kennisbank as municipalities publish it: an Objects API v2 subset
 * (`/objecten/api/v2/objects`) with objecttypes kennisartikel, vac and nieuwsbericht.
 * `GET /objects?type=<objecttype url>&page&pageSize` (DRF pagination), `GET/PUT/DELETE
 * /objects/{uuid}`, `POST /objects`. Auth: `Authorization: Token <token>` (401 otherwise).
 * A PUT makes a new record (index + 1, registrationAt now), as the real API does.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/open';
import { nieuws, vacs } from '../seed/kennis-extra';

export const KENNIS_OBJECTS_PREFIX = '/objecten/api/v2';
export const KENNIS_OBJECTS_TOKEN = 'turfbrug-demo-objects-token';
export const KENNIS_OBJECTTYPES = {
  kennisartikel: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a01',
  vac: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a02',
  nieuwsbericht: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a03',
} as const;
const SEEDED_AT = '2026-11-01T08:00:00.000000Z';

interface ObjectRow { uuid: string; type: string; idx: number; data: string; start_at: string; end_at: string | null; registration_at: string }

const uuidFor = (key: string): string => {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function ensureTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS kennis_object (
    uuid TEXT PRIMARY KEY, type TEXT NOT NULL, idx INTEGER NOT NULL, data TEXT NOT NULL,
    start_at TEXT NOT NULL, end_at TEXT, registration_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS kennis_object_type ON kennis_object (type, uuid);`);
  if (db.prepare('SELECT 1 FROM kennis_object LIMIT 1').get()) return;
  const ins = db.prepare('INSERT INTO kennis_object (uuid, type, idx, data, start_at, end_at, registration_at) VALUES (?, ?, 1, ?, ?, NULL, ?)');
  const rows = db.prepare('SELECT * FROM kennisartikel ORDER BY rowid').all() as Record<string, string | null>[];
  db.transaction(() => {
    for (const r of rows) {
      const data = {
        id: r.id, titel: r.titel, samenvatting: r.samenvatting, afdeling: r.afdeling, upl: r.upl,
        trefwoorden: JSON.parse(r.trefwoorden!), synoniemen: JSON.parse(r.synoniemen!), secties: JSON.parse(r.secties!),
        kanaalAntwoorden: JSON.parse(r.kanaal_antwoorden!), laatstBeoordeeld: r.laatst_beoordeeld,
      };
      ins.run(uuidFor(`kennisartikel:${r.id}`), KENNIS_OBJECTTYPES.kennisartikel, JSON.stringify(data), '2026-01-01', SEEDED_AT);
    }
    for (const v of vacs) ins.run(uuidFor(`vac:${v.id}`), KENNIS_OBJECTTYPES.vac, JSON.stringify(v), '2026-01-01', SEEDED_AT);
    for (const n of nieuws) ins.run(uuidFor(`nieuws:${n.id}`), KENNIS_OBJECTTYPES.nieuwsbericht, JSON.stringify(n), n.publicatieStart.slice(0, 10), SEEDED_AT);
  })();
}

const fail = (reply: FastifyReply, status: number, code: string, detail: string): FastifyReply =>
  reply.code(status).type('application/problem+json').send(JSON.stringify({ type: code, code, title: detail, status, detail }));

export function registerKennisObjects(app: FastifyInstance, db: Db, token: string = KENNIS_OBJECTS_TOKEN): void {
  ensureTable(db);
  const base = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;
  const typeUrl = (req: FastifyRequest, type: string): string => `${base(req)}/objecttypes/api/v2/objecttypes/${type}`;
  const render = (req: FastifyRequest, r: ObjectRow) => ({
    url: `${base(req)}${KENNIS_OBJECTS_PREFIX}/objects/${r.uuid}`,
    uuid: r.uuid,
    type: typeUrl(req, r.type),
    record: {
      index: r.idx, typeVersion: 1, data: JSON.parse(r.data) as unknown, geometry: null, startAt: r.start_at, endAt: r.end_at,
      registrationAt: r.registration_at, correctionFor: null, correctedBy: null,
    },
  });
  const typeOf = (url: unknown): string | null => {
    if (typeof url !== 'string') return null;
    const last = url.replace(/\/+$/, '').split('/').at(-1) ?? '';
    return (Object.values(KENNIS_OBJECTTYPES) as string[]).includes(last) ? last : null;
  };
  const body = (req: FastifyRequest): { type: string; data: Record<string, unknown>; startAt: string } | null => {
    const b = req.body as { type?: unknown; record?: { data?: unknown; startAt?: unknown } } | undefined;
    const type = typeOf(b?.type);
    const data = b?.record?.data;
    if (!type || !data || typeof data !== 'object' || Array.isArray(data)) return null;
    return { type, data: data as Record<string, unknown>, startAt: typeof b.record?.startAt === 'string' ? b.record.startAt : new Date().toISOString().slice(0, 10) };
  };

  app.register(async (o) => {
    o.addHook('onRequest', async (req, reply) => {
      const m = (req.headers.authorization ?? '').match(/^Token\s+(\S+)\s*$/);
      if (!m || m[1] !== token) return fail(reply.header('WWW-Authenticate', 'Token'), 401, 'not_authenticated', 'Authenticatiegegevens zijn niet opgegeven of ongeldig.');
    });
    o.get('/objects', async (req, reply) => {
      const q = req.query as Record<string, string | undefined>;
      const page = Math.max(1, Number(q.page ?? 1) | 0);
      const pageSize = Math.min(500, Math.max(1, Number(q.pageSize ?? 100) | 0));
      let type: string | null = null;
      if (q.type !== undefined) {
        type = typeOf(q.type);
        if (!type) return reply.send({ count: 0, next: null, previous: null, results: [] });
      }
      const where = type ? 'WHERE type = ?' : '';
      const args = type ? [type] : [];
      const count = (db.prepare(`SELECT count(*) AS n FROM kennis_object ${where}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM kennis_object ${where} ORDER BY rowid LIMIT ? OFFSET ?`).all(...args, pageSize, (page - 1) * pageSize) as ObjectRow[];
      if (page > 1 && rows.length === 0) return fail(reply, 404, 'not_found', 'Ongeldige pagina.');
      const link = (p: number): string => {
        const params = new URLSearchParams({ ...(q.type ? { type: q.type } : {}), page: String(p), pageSize: String(pageSize) });
        return `${base(req)}${KENNIS_OBJECTS_PREFIX}/objects?${params}`;
      };
      return reply.send({
        count,
        next: page * pageSize < count ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        results: rows.map((r) => render(req, r)),
      });
    });
    o.get('/objects/:uuid', async (req, reply) => {
      const row = db.prepare('SELECT * FROM kennis_object WHERE uuid = ?').get((req.params as { uuid: string }).uuid) as ObjectRow | undefined;
      return row ? reply.send(render(req, row)) : fail(reply, 404, 'not_found', 'Niet gevonden.');
    });
    o.post('/objects', async (req, reply) => {
      const b = body(req);
      if (!b) return fail(reply, 400, 'invalid', 'type en record.data zijn verplicht.');
      const uuid = randomUUID();
      db.prepare('INSERT INTO kennis_object (uuid, type, idx, data, start_at, end_at, registration_at) VALUES (?, ?, 1, ?, ?, NULL, ?)')
        .run(uuid, b.type, JSON.stringify(b.data), b.startAt, new Date().toISOString());
      return reply.code(201).send(render(req, db.prepare('SELECT * FROM kennis_object WHERE uuid = ?').get(uuid) as ObjectRow));
    });
    o.put('/objects/:uuid', async (req, reply) => {
      const { uuid } = req.params as { uuid: string };
      const b = body(req);
      if (!b) return fail(reply, 400, 'invalid', 'type en record.data zijn verplicht.');
      const info = db.prepare('UPDATE kennis_object SET type = ?, idx = idx + 1, data = ?, start_at = ?, registration_at = ? WHERE uuid = ?')
        .run(b.type, JSON.stringify(b.data), b.startAt, new Date().toISOString(), uuid);
      if (info.changes === 0) return fail(reply, 404, 'not_found', 'Niet gevonden.');
      return reply.send(render(req, db.prepare('SELECT * FROM kennis_object WHERE uuid = ?').get(uuid) as ObjectRow));
    });
    o.delete('/objects/:uuid', async (req, reply) => {
      const info = db.prepare('DELETE FROM kennis_object WHERE uuid = ?').run((req.params as { uuid: string }).uuid);
      return info.changes === 0 ? fail(reply, 404, 'not_found', 'Niet gevonden.') : reply.code(204).send();
    });
  }, { prefix: KENNIS_OBJECTS_PREFIX });
}
