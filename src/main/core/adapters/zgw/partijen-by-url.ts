/**
 * The bounded local index (issue 12): the partijen of the workstation's working set, read fresh
 * from Open Klant by their URL (one GET each, with their digitale adressen, a few in parallel).
 * A partij Open Klant no longer has (404) is left out.
 */
import type { CustomerRecord } from '../../store/records';
import { mapLimit } from '../../util/concurrency';
import { RemoteError } from '../types';
import { PARALLEL_REQUESTS, type ZgwApi } from './api';
import { toCustomerRecord } from './mapping';
import { Partij, parseRemote } from './remote';

export async function partijenByUrl(api: ZgwApi, urls: readonly string[], progress?: (done: number) => void): Promise<CustomerRecord[]> {
  const ki = api.klantinteracties;
  let done = 0;
  const records = await mapLimit([...urls], PARALLEL_REQUESTS, async (url) => {
    try {
      const response = await ki.request(`${url}?expand=digitaleAdressen`);
      return toCustomerRecord(parseRemote(Partij, response.body, 'partij'));
    } catch (error) {
      if (error instanceof RemoteError && error.status === 404) return null;
      throw error;
    } finally {
      progress?.(++done);
    }
  });
  return records.filter((r): r is CustomerRecord => r !== null);
}
