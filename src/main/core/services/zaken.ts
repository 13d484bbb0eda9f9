import type { OperationOutput, ZaakDetail } from '../../../shared/contract';
import { RemoteError, type ZaakDetailRecord, type ZaaksysteemAdapter } from '../adapters/types';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import { ZaakDetailStore } from '../store/zaak-details';

/** A detail younger than this is shown from the cache without asking again (the clerk clicks twice). */
const DETAIL_FRESH_MS = 30_000;

/** Formats a document may be shown in as text; everything else is offered as a file. */
const TEXT_FORMATS = new Set(['text/plain']);

/**
 * The zaak detail: statushistorie, rollen and documents, fetched live on request through the
 * adapter (this is not part of the cached picture: it is read only when a clerk opens a zaak),
 * with the last copy kept for when the zaaksysteem does not answer.
 */
export class ZaakService {
  private readonly details: ZaakDetailStore;

  constructor(
    store: Store,
    private readonly adapter: ZaaksysteemAdapter,
  ) {
    this.details = new ZaakDetailStore(store.db);
  }

  async detail(zaakId: string): Promise<ZaakDetail> {
    const zaak = this.details.zaak(zaakId);
    if (!zaak) throw new ServiceError('not_found', 'Deze zaak staat niet (meer) in Klantbeeld.');
    const cached = this.details.get(zaak.sourceUrl);
    if (cached && Date.now() - Date.parse(cached.fetchedAt) < DETAIL_FRESH_MS) return toDetail(zaakId, cached.detail, cached.fetchedAt, true, null);
    if (!this.adapter.fetchZaakDetail) throw new ServiceError('unavailable', 'Dit zaaksysteem levert geen zaakdetails.');
    try {
      const detail = await this.adapter.fetchZaakDetail(zaak.sourceUrl);
      const at = new Date().toISOString();
      this.details.put(zaak.sourceUrl, detail, at);
      return toDetail(zaakId, detail, at, true, null);
    } catch (error) {
      const message = error instanceof RemoteError || error instanceof Error ? error.message : String(error);
      if (cached) return toDetail(zaakId, cached.detail, cached.fetchedAt, false, message);
      throw new ServiceError('unavailable', `De zaak kon niet worden opgehaald: ${message}`);
    }
  }

  async document(zaakId: string, documentId: string): Promise<OperationOutput<'zaken.document'>> {
    const zaak = this.details.zaak(zaakId);
    if (!zaak) throw new ServiceError('not_found', 'Deze zaak staat niet (meer) in Klantbeeld.');
    // Only documents the zaak itself lists (as last fetched) can be opened: no arbitrary URLs.
    const doc = this.details.get(zaak.sourceUrl)?.detail.documenten.find((d) => d.uuid === documentId);
    if (!doc) throw new ServiceError('not_found', 'Dit document hoort niet (meer) bij deze zaak. Open de zaak opnieuw.');
    if (doc.beschikbaar === false) throw new ServiceError('unavailable', 'Dit document is niet beschikbaar: Klantbeeld heeft er geen toegang toe in het zaaksysteem.');
    if (!this.adapter.fetchDocumentContent) throw new ServiceError('unavailable', 'Dit zaaksysteem levert geen documenten.');
    let content;
    try {
      content = await this.adapter.fetchDocumentContent(doc.url);
    } catch (error) {
      throw new ServiceError('unavailable', `Het document kon niet worden geopend: ${(error as Error).message}`);
    }
    const formaat = (doc.formaat ?? content.contentType ?? 'application/octet-stream').split(';')[0]?.trim().toLowerCase() ?? 'application/octet-stream';
    const bestandsnaam = doc.bestandsnaam ?? `${doc.titel}.bin`;
    if (TEXT_FORMATS.has(formaat)) return { bestandsnaam, formaat, tekst: content.bytes.toString('utf8'), base64: null };
    return { bestandsnaam, formaat, tekst: null, base64: content.bytes.toString('base64') };
  }
}

function toDetail(zaakId: string, d: ZaakDetailRecord, fetchedAt: string, live: boolean, message: string | null): ZaakDetail {
  return {
    zaakId,
    identificatie: d.identificatie,
    omschrijving: d.omschrijving,
    toelichting: d.toelichting,
    zaaktype: d.zaaktype,
    vertrouwelijkheid: d.vertrouwelijkheid,
    statussen: d.statussen,
    rollen: d.rollen,
    documenten: d.documenten.map(({ url: _url, uuid, beschikbaar, ...rest }) => ({ id: uuid, ...rest, beschikbaar: beschikbaar ?? true })),
    fetchedAt,
    live,
    message,
  };
}

export function zaakHandlers(service: ZaakService): Pick<Handlers, 'zaken.detail' | 'zaken.document'> {
  return {
    'zaken.detail': ({ zaakId }) => service.detail(zaakId),
    'zaken.document': ({ zaakId, documentId }) => service.document(zaakId, documentId),
  };
}
