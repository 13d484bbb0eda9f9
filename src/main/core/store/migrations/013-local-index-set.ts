/**
 * Version 13: the workstation's working set (issue 12). The partijen this workstation's clerks
 * opened, by their Open Klant URL and the moment, so that after a sign-out (which drops every
 * personal row) the next sign-in re-reads exactly those of the last werkdagen from Open Klant
 * instead of the whole register. Only the URL (a pseudonymous key) survives the sign-out; names,
 * BSNs and addresses are read fresh. Entries older than the configured werkdagen are removed at
 * each re-read; "Vergeet deze persoon" removes the person's entry.
 */
export const sql = /* sql */ `
CREATE TABLE local_index_set (
  source_url TEXT PRIMARY KEY,
  worked_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX local_index_set_worked ON local_index_set (worked_at);
`;
