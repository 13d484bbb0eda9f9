/**
 * The bounded local index (issue 12): the partijen with a klantcontact since a moment (the last
 * N werkdagen). Open Klant has no date range filter on klantcontacten (only an exact
 * plaatsgevondenOp) and lists them newest first, so this pages from the top with the
 * betrokkenen expanded and stops at the first contact before `since`; then each partij is read
 * once by uuid with its digitale adressen.
 */
import { z } from 'zod';
import type { CustomerRecord } from '../../store/records';
import { mapLimit } from '../../util/concurrency';
import { PARALLEL_REQUESTS, type ZgwApi } from './api';
import { pages } from './http';
import { toCustomerRecord } from './mapping';
import { Partij, parseRemote } from './remote';

const PAGE_SIZE = 100;

const RecentContact = z
  .object({
    plaatsgevondenOp: z.string(),
    _expand: z
      .object({ hadBetrokkenen: z.array(z.object({ wasPartij: z.object({ uuid: z.string() }).loose().nullable().optional() }).loose()).optional() })
      .loose()
      .optional(),
  })
  .loose();

export interface RecentPartijenOptions {
  /** At most this many partijen (the index stays bounded on a very busy day). */
  max: number;
  /** Told how many contacts were read so far, for the progress line. */
  progress?: (contacts: number) => void;
}

export async function recentPartijen(api: ZgwApi, since: Date, options: RecentPartijenOptions): Promise<CustomerRecord[]> {
  const ki = api.klantinteracties;
  const uuids = new Set<string>();
  let read = 0;
  const params = new URLSearchParams({ expand: 'hadBetrokkenen', pageSize: String(PAGE_SIZE) });
  outer: for await (const page of pages(ki, ki.url(`/klantcontacten?${params}`))) {
    for (const item of page) {
      const contact = parseRemote(RecentContact, item, 'klantcontact');
      if (new Date(contact.plaatsgevondenOp) < since) break outer;
      for (const betrokkene of contact._expand?.hadBetrokkenen ?? []) if (betrokkene.wasPartij?.uuid) uuids.add(betrokkene.wasPartij.uuid);
      if (uuids.size >= options.max) break outer;
    }
    read += page.length;
    options.progress?.(read);
  }
  const records = await mapLimit([...uuids], PARALLEL_REQUESTS, async (uuid) => {
    const response = await ki.request(ki.url(`/partijen/${uuid}?expand=digitaleAdressen`));
    return toCustomerRecord(parseRemote(Partij, response.body, 'partij'));
  });
  return records.filter((r): r is CustomerRecord => r !== null);
}
