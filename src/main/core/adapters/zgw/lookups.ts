import type { CustomerRecord } from '../../store/records';
import { DigitaalAdresRef, EnkelvoudigInformatieObject, Partij, Rol, StatusDetail, StatusType, Zaak, ZaakInformatieObject, ZaakType, parseRemote } from './remote';
import { RemoteError, type RemoteCustomerQuery, type ZaakDetailRecord } from '../types';
import { ZgwApi, PARALLEL_REQUESTS } from './api';
import { collect } from './http';
import { mapLimit } from '../../util/concurrency';
import { normalisePhone } from '../../../../shared/identify';
import { rolNaam, toCustomerRecord, uuidFromUrl } from './mapping';

/** Documents opened in the window; larger ones belong in the zaaksysteem's own viewer. */
const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** Live look-ups the cache does not answer: partijen by a search key, a zaak's detail and its documents. */
export class Lookups {
  constructor(private readonly api: ZgwApi) {}

  async searchCustomers(query: RemoteCustomerQuery): Promise<CustomerRecord[]> {
    const ki = this.api.klantinteracties;
    if (query.kind === 'bsn' || query.kind === 'kvk' || query.kind === 'vestigingsnummer') {
      const soort = query.kind === 'kvk' ? 'kvk_nummer' : query.kind;
      const params = new URLSearchParams({
        partijIdentificator__codeSoortObjectId: soort,
        partijIdentificator__objectId: query.value,
        expand: 'digitaleAdressen',
        pageSize: '20',
      });
      const { items } = await collect(ki, ki.url(`/partijen?${params}`), {}, 1);
      return items
        .map((p) => parseRemote(Partij, p, 'partij'))
        // Checked here too: a server that ignores an identificator filter would list other people.
        .filter((p) => (p.partijIdentificatoren ?? []).some((i) => i.partijIdentificator.codeSoortObjectId === soort && i.partijIdentificator.objectId === query.value))
        .map(toCustomerRecord)
        .filter((r): r is CustomerRecord => r !== null);
    }
    // Digitale adressen: e-mail as typed; a phone number by its last 8 digits, then compared
    // normalised, because sources write numbers in every format (06-12345678, +31 6 1234 5678).
    const params =
      query.kind === 'email'
        ? new URLSearchParams({ adres__icontains: query.value, soortDigitaalAdres: 'email', pageSize: '50' })
        : new URLSearchParams({ adres__icontains: query.value.slice(-8), soortDigitaalAdres: 'telefoonnummer', pageSize: '50' });
    const { items } = await collect(ki, ki.url(`/digitaleadressen?${params}`), {}, 1);
    const partijen = new Set<string>();
    for (const item of items) {
      const adres = parseRemote(DigitaalAdresRef, item, 'digitaal adres');
      const matches = query.kind === 'email' ? adres.adres.trim().toLowerCase() === query.value : normalisePhone(adres.adres) === query.value;
      if (matches && adres.verstrektDoorPartij?.uuid) partijen.add(adres.verstrektDoorPartij.uuid);
    }
    const records = await mapLimit([...partijen].slice(0, 20), PARALLEL_REQUESTS, async (uuid) => {
      const response = await ki.request(ki.url(`/partijen/${uuid}?expand=digitaleAdressen`));
      return toCustomerRecord(parseRemote(Partij, response.body, 'partij'));
    });
    return records.filter((r): r is CustomerRecord => r !== null);
  }

  async fetchZaakDetail(zaakUrl: string): Promise<ZaakDetailRecord> {
    const zc = this.api.zaken;
    const zaak = parseRemote(Zaak, (await zc.request(zaakUrl)).body, 'zaak');
    const query = `zaak=${encodeURIComponent(zaakUrl)}`;
    const [statussen, rollen, zios, zaaktype] = await Promise.all([
      collect(zc, zc.url(`/statussen?${query}`), {}, 5),
      collect(zc, zc.url(`/rollen?${query}`), {}, 5),
      // Not paginated: a plain array (Zaken API spec).
      zc.request(zc.url(`/zaakinformatieobjecten?${query}`)),
      this.api.cachedObject(this.api.catalogi, zaak.zaaktype, 'zaaktype', ZaakType),
    ]);
    const statusRecords = await mapLimit(
      statussen.items.map((s) => parseRemote(StatusDetail, s, 'status')),
      PARALLEL_REQUESTS,
      async (s) => ({
        naam: (await this.api.cachedObject(this.api.catalogi, s.statustype, 'statustype', StatusType)).omschrijving,
        datum: new Date(s.datumStatusGezet).toISOString(),
        toelichting: s.statustoelichting ?? '',
      }),
    );
    statusRecords.sort((a, b) => b.datum.localeCompare(a.datum));
    const links = (Array.isArray(zios.body) ? zios.body : []).map((z) => parseRemote(ZaakInformatieObject, z, 'zaakinformatieobject'));
    const documentenBase = this.api.documenten.url('/');
    const documenten = await mapLimit(
      links.filter((l) => l.informatieobject.startsWith(documentenBase)),
      PARALLEL_REQUESTS,
      async (link) => {
        const doc = parseRemote(EnkelvoudigInformatieObject, (await this.api.documenten.request(link.informatieobject)).body, 'document');
        return {
          url: doc.url,
          uuid: uuidFromUrl(doc.url),
          titel: doc.titel || link.titel || '(zonder titel)',
          datum: doc.creatiedatum ?? null,
          vertrouwelijkheid: doc.vertrouwelijkheidaanduiding ?? null,
          formaat: doc.formaat || null,
          bestandsnaam: doc.bestandsnaam || null,
          bestandsomvang: doc.bestandsomvang ?? null,
        };
      },
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

  async fetchDocumentContent(documentUrl: string): Promise<{ bytes: Buffer; contentType: string | null }> {
    if (!documentUrl.startsWith(this.api.documenten.url('/'))) {
      throw new RemoteError('Dit document staat niet in de geconfigureerde Documenten API.', 'permanent');
    }
    return this.api.documenten.requestBytes(`${documentUrl.replace(/\/$/, '')}/download`, DOCUMENT_MAX_BYTES);
  }
}
