import { EnkelvoudigInformatieObject, Rol, StatusDetail, StatusType, Zaak, ZaakInformatieObject, ZaakType, parseRemote } from './remote';
import { RemoteError, type ZaakDetailRecord } from '../types';
import { ZgwApi, PARALLEL_REQUESTS, type ZaakSource } from './api';
import { collect } from './http';
import { mapLimit } from '../../util/concurrency';
import { rolNaam, uuidFromUrl } from './mapping';
import { accessDenied } from './permissions';

/** Documents opened in the window; larger ones belong in the zaaksysteem's own viewer. */
const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

type ZaakDocumentRecord = ZaakDetailRecord['documenten'][number];

/**
 * A zaak's detail (statussen, rollen, documents) and a document's content, each read from the
 * zaaksysteem the zaak or document belongs to, with that system's own credentials.
 */
export class ZaakDetailReads {
  constructor(private readonly api: ZgwApi) {}

  async fetchZaakDetail(zaakUrl: string): Promise<ZaakDetailRecord> {
    const source = this.api.sourceOfZaak(zaakUrl);
    if (!source) throw new RemoteError('Deze zaak staat niet in een geconfigureerd zaaksysteem.', 'permanent');
    const zc = source.zaken;
    const zaak = parseRemote(Zaak, (await accessDenied.rethrow(zc.request(zaakUrl), 'zaak')).body, 'zaak');
    const query = `zaak=${encodeURIComponent(zaakUrl)}`;
    const [statussen, rollen, zios, zaaktype] = await Promise.all([
      collect(zc, zc.url(`/statussen?${query}`), {}, 5),
      collect(zc, zc.url(`/rollen?${query}`), {}, 5),
      // Not paginated: a plain array (Zaken API spec).
      zc.request(zc.url(`/zaakinformatieobjecten?${query}`)),
      this.api.cachedObject(source.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
    ]);
    const statusRecords = await mapLimit(
      statussen.items.map((s) => parseRemote(StatusDetail, s, 'status')),
      PARALLEL_REQUESTS,
      async (s) => ({
        naam: (await this.api.cachedObject(source.catalogi, s.statustype, 'statustype', StatusType)).omschrijving,
        datum: new Date(s.datumStatusGezet).toISOString(),
        toelichting: s.statustoelichting ?? '',
      }),
    );
    statusRecords.sort((a, b) => b.datum.localeCompare(a.datum));
    const links = (Array.isArray(zios.body) ? zios.body : []).map((z) => parseRemote(ZaakInformatieObject, z, 'zaakinformatieobject'));
    const documentenBase = source.documenten.url('/');
    const documenten = await mapLimit(
      links.filter((l) => l.informatieobject.startsWith(documentenBase)),
      PARALLEL_REQUESTS,
      (link) => this.document(source, link),
    );
    documenten.sort((a, b) => (b.datum ?? '').localeCompare(a.datum ?? ''));
    return {
      identificatie: zaak.identificatie,
      omschrijving: zaak.omschrijving ?? '',
      toelichting: typeof zaak.toelichting === 'string' ? zaak.toelichting : '',
      zaaktype: zaaktype.omschrijving,
      vertrouwelijkheid: typeof zaak.vertrouwelijkheidaanduiding === 'string' ? zaak.vertrouwelijkheidaanduiding : null,
      statussen: statusRecords,
      rollen: rollen.items
        .map((r) => parseRemote(Rol, r, 'rol'))
        .map((r) => ({ rol: r.omschrijving || r.omschrijvingGeneriek || r.betrokkeneType, betrokkeneType: r.betrokkeneType, naam: rolNaam(r) })),
      documenten,
    };
  }

  /**
   * One linked document. A document this client may not read (Open Zaak answers 403 above the
   * maximum vertrouwelijkheidaanduiding of the Applicatie, or without documenten.lezen for its
   * informatieobjecttype) or that is gone (404) is listed as not available; the rest of the zaak
   * still shows.
   */
  private async document(source: ZaakSource, link: { informatieobject: string; titel?: string | undefined }): Promise<ZaakDocumentRecord> {
    try {
      const doc = parseRemote(EnkelvoudigInformatieObject, (await source.documenten.request(link.informatieobject)).body, 'document');
      return {
        url: doc.url,
        uuid: uuidFromUrl(doc.url),
        titel: doc.titel || link.titel || '(zonder titel)',
        datum: doc.creatiedatum ?? null,
        vertrouwelijkheid: doc.vertrouwelijkheidaanduiding ?? null,
        formaat: doc.formaat || null,
        bestandsnaam: doc.bestandsnaam || null,
        bestandsomvang: doc.bestandsomvang ?? null,
        beschikbaar: true,
      };
    } catch (error) {
      if (!(error instanceof RemoteError) || (error.status !== 403 && error.status !== 404)) throw error;
      return {
        url: link.informatieobject,
        uuid: uuidFromUrl(link.informatieobject),
        titel: link.titel || '(zonder titel)',
        datum: null,
        vertrouwelijkheid: null,
        formaat: null,
        bestandsnaam: null,
        bestandsomvang: null,
        beschikbaar: false,
      };
    }
  }

  async fetchDocumentContent(documentUrl: string): Promise<{ bytes: Buffer; contentType: string | null }> {
    const source = this.api.sourceOfDocument(documentUrl);
    if (!source) throw new RemoteError('Dit document staat niet in de geconfigureerde Documenten API.', 'permanent');
    return accessDenied.rethrow(source.documenten.requestBytes(`${documentUrl.replace(/\/$/, '')}/download`, DOCUMENT_MAX_BYTES), 'document');
  }
}
