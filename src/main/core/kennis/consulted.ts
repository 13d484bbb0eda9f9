/**
 * The kennisbank side of a finished contact: which articles were consulted (stored locally in
 * contact_articles, shown in the timeline) and what the klantcontact carries to the zaaksysteem.
 */
import type { Db } from '../store/database';

function titles(db: Db, ids: readonly string[]): { id: string; titel: string }[] {
  const stmt = db.prepare<[string], { titel: string }>('SELECT titel FROM kennis_artikel WHERE id = ?');
  return [...new Set(ids)].map((id) => ({ id, titel: stmt.get(id)?.titel ?? id }));
}

export function linkConsulted(db: Db, contactId: string, ids: readonly string[], antwoordGevonden: boolean | null): void {
  const ins = db.prepare('INSERT OR IGNORE INTO contact_articles (contact_id, article_id, titel) VALUES (?, ?, ?)');
  for (const a of titles(db, ids)) ins.run(contactId, a.id, a.titel);
  if (antwoordGevonden !== null) db.prepare('UPDATE contacts SET antwoord_gevonden = ? WHERE id = ?').run(antwoordGevonden ? 1 : 0, contactId);
}

export function consultedPayload(
  db: Db,
  ids: readonly string[],
  antwoordGevonden: boolean | null,
): { kennisartikelen?: { id: string; titel: string }[]; antwoordGevonden?: boolean } {
  return {
    ...(ids.length > 0 ? { kennisartikelen: titles(db, ids) } : {}),
    ...(antwoordGevonden !== null ? { antwoordGevonden } : {}),
  };
}
