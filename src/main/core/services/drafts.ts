import type { ContactDraft, DraftContent } from '../../../shared/contract/areas/drafts';
import { ContactDraft as ContactDraftSchema } from '../../../shared/contract/areas/drafts';
import type { Handlers } from '../dispatcher';
import type { Store } from '../store';

/**
 * Open contacts as typed: every autosave replaces the draft row (one small write, WAL). A draft
 * disappears only when its contact is finished (same transaction) or the clerk discards it.
 */
export class DraftService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  save(draft: DraftContent): { id: string; updatedAt: string } {
    const updatedAt = this.now().toISOString();
    this.store.drafts.save(draft.id, draft.customerId, draft, updatedAt);
    return { id: draft.id, updatedAt };
  }

  /** Every open draft; a row that no longer matches the schema is skipped, never thrown away. */
  list(): ContactDraft[] {
    return this.store.drafts.list().flatMap((row) => {
      const parsed = ContactDraftSchema.safeParse({ ...(row.data as object), updatedAt: row.updatedAt });
      return parsed.success ? [parsed.data] : [];
    });
  }

  discard(id: string): { id: string; discarded: boolean } {
    return { id, discarded: this.store.drafts.delete(id) };
  }
}

export function draftHandlers(service: DraftService): Pick<Handlers, 'drafts.save' | 'drafts.list' | 'drafts.discard'> {
  return {
    'drafts.save': (input) => service.save(input),
    'drafts.list': () => service.list(),
    'drafts.discard': (input) => service.discard(input.id),
  };
}
