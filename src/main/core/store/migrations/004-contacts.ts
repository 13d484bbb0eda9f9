/**
 * Version 4: drafts of open contacts (autosaved as the clerk types, restored after a crash)
 * and the sync state of zaken started here (shown at once, "nog niet verzonden").
 */
export const sql = /* sql */ `
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  -- No foreign key: a draft outlives a purge of the customer cache; nothing typed is lost.
  customer_id TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

ALTER TABLE zaken ADD COLUMN sync_state TEXT NOT NULL DEFAULT 'sent' CHECK (sync_state IN ('sent', 'pending', 'failed'));
ALTER TABLE zaken ADD COLUMN sync_error TEXT;
`;
