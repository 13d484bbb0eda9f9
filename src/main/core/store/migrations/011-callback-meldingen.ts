/**
 * Version 11: callback notices per user, and a quick count of open callbacks.
 * - The notices given (callback.notify) are kept per user (the session user's e-mail), so a
 *   second user signing in on the same machine still hears of callbacks announced to the first;
 *   so is the moment the user's notices started on this machine: what was open before that is
 *   not announced one by one (docs/zaaksysteem.md).
 * - Counting a queue's open callbacks read every callback row of the queue for its status; the
 *   partial index of open ids answers it without touching the rows (docs/benchmarks.md).
 */
export const sql = /* sql */ `
CREATE TABLE callback_meldingen (
  gebruiker TEXT NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
  soort TEXT NOT NULL,
  PRIMARY KEY (gebruiker, callback_id, soort)
) STRICT, WITHOUT ROWID;
CREATE INDEX callback_meldingen_callback ON callback_meldingen (callback_id);
-- Since when a user hears of callbacks on this machine (their first poll here).
CREATE TABLE callback_melding_gebruikers (
  gebruiker TEXT PRIMARY KEY,
  sinds TEXT NOT NULL
) STRICT;
CREATE INDEX callbacks_open_ids ON callbacks (id) WHERE status = 'te_verwerken';
`;
