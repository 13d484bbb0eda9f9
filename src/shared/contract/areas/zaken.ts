import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { IsoDateTime, LocalId } from '../schemas';

export const ZaakDocument = z.object({
  /** The uuid of the enkelvoudiginformatieobject; opened with zaken.document. */
  id: z.string().uuid(),
  titel: z.string(),
  /** creatiedatum of the document. */
  datum: z.string().nullable(),
  vertrouwelijkheid: z.string().nullable(),
  formaat: z.string().nullable(),
  bestandsnaam: z.string().nullable(),
  bestandsomvang: z.number().int().nullable(),
  /** False: linked to the zaak, but Klantbeeld may not read it (vertrouwelijkheid, scope) or it is gone; shown as not available. */
  beschikbaar: z.boolean(),
});
export type ZaakDocument = z.infer<typeof ZaakDocument>;

export const ZaakDetail = z.object({
  zaakId: LocalId,
  identificatie: z.string(),
  omschrijving: z.string(),
  toelichting: z.string(),
  zaaktype: z.string(),
  vertrouwelijkheid: z.string().nullable(),
  /** Newest first. */
  statussen: z.array(z.object({ naam: z.string(), datum: IsoDateTime, toelichting: z.string() })),
  rollen: z.array(z.object({ rol: z.string(), betrokkeneType: z.string(), naam: z.string() })),
  documenten: z.array(ZaakDocument),
  fetchedAt: IsoDateTime,
  /** True: fetched live now. False: the last copy, because the zaaksysteem did not answer (see message). */
  live: z.boolean(),
  message: z.string().nullable(),
});
export type ZaakDetail = z.infer<typeof ZaakDetail>;

export const zaakOperations = {
  'zaken.detail': operation({
    summary: "A zaak's statushistorie, rollen and documents, fetched live on request (the last copy when offline).",
    input: z.object({ zaakId: LocalId }).strict(),
    output: ZaakDetail,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.zaakIngezien,
  }),
  'zaken.document': operation({
    summary: "The content of one of a zaak's documents, on request: plain text to show, anything else as a file to save.",
    input: z.object({ zaakId: LocalId, documentId: z.string().uuid() }).strict(),
    output: z.object({
      bestandsnaam: z.string(),
      formaat: z.string(),
      /** Set for text/plain: shown as text, never as HTML. */
      tekst: z.string().nullable(),
      /** The bytes, base64, for any other format: offered as a download. */
      base64: z.string().nullable(),
    }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.zaakdocumentGeopend,
  }),
} as const;
