import type { CustomerRecord } from '../../store/records';
import { DigitaalAdresRef, Partij, parseRemote } from './remote';
import type { RemoteCustomerQuery } from '../types';
import { ZgwApi, PARALLEL_REQUESTS } from './api';
import { collect } from './http';
import { mapLimit } from '../../util/concurrency';
import { normalisePhone } from '../../../../shared/identify';
import { toCustomerRecord } from './mapping';

/** Live look-ups the cache does not answer: partijen by a search key. */
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
}
