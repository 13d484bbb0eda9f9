/** Version 5: a person can review parked outbox entries: resend them or discard them, on record. */
export const sql = /* sql */ `
ALTER TABLE outbox ADD COLUMN discarded_at TEXT;
ALTER TABLE outbox ADD COLUMN discarded_by TEXT;
CREATE INDEX outbox_review ON outbox (state, id) WHERE discarded_at IS NULL;
`;
