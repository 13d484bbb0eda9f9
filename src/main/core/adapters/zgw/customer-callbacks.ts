/**
 * Every interne taak of one customer, whoever it is assigned to: the klantcontacten of the
 * partij with the taken they led to (`expand=leiddeTotInterneTaken`) and their betrokkenen. The
 * work-queue poll only sees the queues of the user signed in here; a caller asking "I am still
 * waiting for a call back" needs all of them.
 */
import { z } from 'zod';
import type { CallbackRecord } from '../types';
import type { ZgwApi } from './api';
import { betrokkenPartijen } from './reads';
import { type DirectoryActor, InterneTaak, KLANTCONTACT_EXPAND, KlantcontactMetBetrokkenen, toCallbackRecord } from './callbacks';
import { collect } from './http';
import { uuidFromUrl } from './mapping';
import { parseRemote } from './remote';

/** The customer's contacts never need more than this many pages for the open taken of today. */
const MAX_PAGES = 10;

const MetTaken = z.object({ _expand: z.object({ leiddeTotInterneTaken: z.array(z.unknown()).optional() }).loose().optional() }).loose();

export async function takenOfPartij(
  api: ZgwApi,
  partijUrl: string,
  directory: (force?: boolean) => Promise<ReadonlyMap<string, DirectoryActor>>,
): Promise<CallbackRecord[]> {
  const ki = api.klantinteracties;
  const partijUuid = uuidFromUrl(partijUrl);
  // Filters and expansions the Klantinteracties API defines (open-klant: klantinteracties/api/filterset/klantcontacten.py).
  const query = new URLSearchParams({
    hadBetrokkene__wasPartij__uuid: partijUuid,
    expand: `leiddeTotInterneTaken,${KLANTCONTACT_EXPAND}`,
    pageSize: String(api.conn.pageSize),
  });
  const { items } = await collect(ki, ki.url(`/klantcontacten?${query}`), {}, MAX_PAGES);
  const pairs = items
    .filter((kc) => betrokkenPartijen(kc).includes(partijUuid.toLowerCase()))
    .flatMap((raw) => {
      const kc = parseRemote(KlantcontactMetBetrokkenen, raw, 'klantcontact');
      const taken = parseRemote(MetTaken, raw, 'klantcontact')._expand?.leiddeTotInterneTaken ?? [];
      return taken.map((t) => ({ taak: parseRemote(InterneTaak, t, 'interne taak'), kc }));
    });
  if (pairs.length === 0) return [];
  let actors = await directory();
  // An actor created since the directory was read (a new team): read it again, once.
  if (pairs.some(({ taak }) => (taak.toegewezenAanActoren ?? []).some((a) => !actors.has(a.uuid)))) actors = await directory(true);
  return pairs.map(({ taak, kc }) => toCallbackRecord(taak, kc, actors));
}
