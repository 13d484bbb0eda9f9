/**
 * Version 10: a draft belongs to the medewerker who typed it. Drafts outlive a sign-out (nothing
 * typed is lost), so on a shared workstation the next user must not see them: `owner` is the
 * user id; only the owner lists, saves over or discards it. Drafts from before this version have
 * no owner: the first user to list drafts gets them once and owns them from then on
 * (store/drafts.ts).
 */
export const sql = /* sql */ `
ALTER TABLE drafts ADD COLUMN owner TEXT;
CREATE INDEX drafts_owner ON drafts (owner, created_at);
`;
