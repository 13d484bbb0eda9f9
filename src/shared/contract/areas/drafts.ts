/**
 * Drafts of open contacts: the whole contact form, autosaved as the clerk types and restored
 * after a crash, a restart, a dropped call or a locked screen. Several can be open (two chats).
 * Limits here are generous on purpose: a draft keeps even text that is still too long to send.
 */
import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { IsoDateTime, LocalId } from '../schemas';

const draftText = (max: number) => z.string().max(max, { message: `Maximaal ${max} tekens.` });

export const DraftVraag = z
  .object({
    /** Local key of the vraag inside the draft (stable while the clerk edits). */
    key: z.string().min(1).max(64),
    onderwerp: draftText(2_000),
    inhoud: draftText(20_000),
    gespreksresultaat: draftText(100),
    afdeling: draftText(100),
    zaakIds: z.array(LocalId).max(50),
    /** Registered as a terugbelverzoek already (its own klantcontact): not registered again on finishing. */
    callbackId: LocalId.optional(),
  })
  .strict();
export type DraftVraag = z.infer<typeof DraftVraag>;

export const DraftContent = z
  .object({
    id: LocalId,
    customerId: LocalId.nullable(),
    /** Shown on the tab; the customer may not be in the cache any more after a purge. */
    customerNaam: draftText(300).nullable(),
    kanaal: draftText(50),
    /** Unknown caller (no partij): name and number only. */
    bellerNaam: draftText(200),
    bellerNummer: draftText(80),
    startedAt: IsoDateTime,
    vragen: z.array(DraftVraag).min(1).max(20),
  })
  .strict();
export type DraftContent = z.infer<typeof DraftContent>;

export const ContactDraft = DraftContent.extend({ updatedAt: IsoDateTime });
export type ContactDraft = z.infer<typeof ContactDraft>;

export const draftOperations = {
  'drafts.save': operation({
    summary: 'Autosave an open contact (the whole form); creates or replaces the draft.',
    input: DraftContent,
    output: z.object({ id: LocalId, updatedAt: IsoDateTime }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.concept,
  }),
  'drafts.list': operation({
    summary: 'Every open contact draft, oldest first: restored on start.',
    input: z.object({}).strict(),
    output: z.array(ContactDraft),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.concept,
  }),
  'drafts.discard': operation({
    summary: 'Close an open contact without registering it (the clerk confirmed).',
    input: z.object({ id: LocalId }).strict(),
    output: z.object({ id: LocalId, discarded: z.boolean() }),
    roles: FRONT_OFFICE,
  }),
} as const;
