import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/open';
import type { ApiDeps } from '../../server/context';
import { Where, baseUrl, invalid, notFound, q, sendJson, stmt, UUID_RE } from '../../server/http';

/** Helpers shared by the Klantinteracties resource modules. */

/** Row id of `table` for a {uuid} reference, or a 400 naming the field. */
export function refId(db: Db, table: string, ref: { uuid: string } | null | undefined, name: string): number | null {
  if (!ref) return null;
  const row = stmt(db, `SELECT id FROM ${table} WHERE uuid = ?`).get(ref.uuid.toLowerCase()) as { id: number } | undefined;
  if (!row) throw invalid(name, 'does_not_exist', `Ongeldige pk "${ref.uuid}" - object bestaat niet.`);
  return row.id;
}

/** Adds `<column> = (SELECT id FROM table WHERE uuid = ?)` for `param` when given. */
export function uuidFilter(req: FastifyRequest, w: Where, param: string, column: string, table: string): void {
  const v = q(req, param);
  if (v === undefined) return;
  if (!UUID_RE.test(v)) throw invalid(param, 'invalid', 'Voer een geldige UUID in.');
  w.add(`${column} = (SELECT id FROM ${table} WHERE uuid = ?)`, v.toLowerCase());
}

export function eqFilter(req: FastifyRequest, w: Where, param: string, column: string): void {
  const v = q(req, param);
  if (v !== undefined) w.add(`${column} = ?`, v);
}

export function boolFilter(req: FastifyRequest, w: Where, param: string, column: string): void {
  const v = q(req, param);
  if (v === undefined) return;
  if (v !== 'true' && v !== 'false') throw invalid(param, 'invalid', 'Selecteer een geldige keuze.');
  w.add(`${column} = ?`, v === 'true' ? 1 : 0);
}

export function containsFilter(req: FastifyRequest, w: Where, param: string, column: string): void {
  const v = q(req, param);
  if (v !== undefined) w.add(`${column} LIKE ? ESCAPE '\\'`, `%${v.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
}

/** Detail route handler: row by uuid or 404. */
export function detailHandler<R>(deps: ApiDeps, sql: string, render: (req: FastifyRequest, base: string, r: R) => unknown) {
  return async (req: FastifyRequest<{ Params: { uuid: string } }>, reply: FastifyReply) => {
    const row = UUID_RE.test(req.params.uuid) ? (stmt(deps.db, sql).get(req.params.uuid.toLowerCase()) as R | undefined) : undefined;
    if (!row) throw notFound();
    return sendJson(reply, deps.api, 200, render(req, baseUrl(req), row));
  };
}

export function nextNummer(db: Db, table: string): string {
  const r = stmt(db, `SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`).get() as { n: number };
  return String(r.n).padStart(10, '0');
}

// The demo's own copy of Open Klant's rule (it stands alone and must not share the app's assumptions).
const TELEFOON = /^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/;
const GEWEIGERDE_PREFIXEN = ['0800', '0900', '1400', '140'];

/**
 * A telefoonnummer as Open Klant checks it, with its messages: refused prefixes first, then the
 * pattern, on the value as sent (no normalising). As open-klant: src/openklant/utils/validators.py
 * (validate_phone_number), used by api/validators.py for digitale adressen and by models/actoren.py.
 */
export function telefoonReden(value: string): string | null {
  if (GEWEIGERDE_PREFIXEN.some((prefix) => value.startsWith(prefix))) {
    return 'Het opgegeven telefoonnummer is ongeldig, telefoonnummers beginnend met 0800, 0900, 1400 of 140xx zijn niet toegestaan.';
  }
  return TELEFOON.test(value) ? null : 'Het opgegeven telefoonnummer is ongeldig.';
}

export function checkTelefoon(value: string, name: string): void {
  const reden = telefoonReden(value);
  if (reden) throw invalid(name, 'invalid', reden);
}
