import type { ContactDraft, DraftContent } from '../../../shared/contract/areas/drafts';
import { ContactDraft as ContactDraftSchema } from '../../../shared/contract/areas/drafts';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';

/**
 * Open contacts as typed: every autosave replaces the draft row (one small write, WAL). A draft
 * disappears only when its contact is finished (same transaction) or the clerk discards it. It
 * belongs to the medewerker who typed it: drafts outlive a sign-out, and the next user on the
 * workstation must not see them.
 */
export class DraftService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  save(draft: DraftContent, owner: string): { id: string; updatedAt: string } {
    const updatedAt = this.now().toISOString();
    if (!this.store.drafts.save(draft.id, owner, draft.customerId, draft, updatedAt)) {
      throw new ServiceError('conflict', 'Dit contact is door een andere medewerker begonnen; begin een nieuw contact.');
    }
    return { id: draft.id, updatedAt };
  }

  /** The user's open drafts; a row that no longer matches the schema is skipped, never thrown away. */
  list(owner: string): ContactDraft[] {
    return this.store.drafts.list(owner).flatMap((row) => {
      const parsed = ContactDraftSchema.safeParse({ ...(row.data as object), updatedAt: row.updatedAt });
      return parsed.success ? [parsed.data] : [];
    });
  }

  discard(id: string, owner: string): { id: string; discarded: boolean } {
    return { id, discarded: this.store.drafts.delete(id, owner) };
  }
}

export function draftHandlers(service: DraftService): Pick<Handlers, 'drafts.save' | 'drafts.list' | 'drafts.discard'> {
  return {
    'drafts.save': (input, ctx) => service.save(input, ctx.user.id),
    'drafts.list': (_input, ctx) => service.list(ctx.user.id),
    'drafts.discard': (input, ctx) => service.discard(input.id, ctx.user.id),
  };
}
