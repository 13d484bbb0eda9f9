import type { ReportContactRecord } from '../../store/reporting';
import { RemoteError } from '../types';
import type { ZgwApi } from './api';
import { pages } from './http';
import { normaliseDateTime } from './mapping';
import { Klantcontact, parseRemote } from './remote';

/**
 * Open Klant's largest page: a million contacts are 2,000 requests. Fixed, not the connection's
 * page size: the first full read resumes at a page number, which must mean the same next time.
 */
export const REPORT_PAGE_SIZE = 500;

/**
 * Every klantcontact, page by page, for the team leader's figures. Open Klant has no date
 * filter on klantcontacten (only an exact plaatsgevondenOp) and lists them newest first, so
 * the reporting poller pages from the top and stops where it already has everything. Only
 * what reporting needs is kept: never inhoud, betrokkenen or partij.
 */
export class ReportingReads {
  constructor(
    private readonly api: ZgwApi,
    private readonly actorNames: (needed: string[]) => Promise<Map<string, string>>,
  ) {}

  async klantcontactenPage(page: number): Promise<{ records: ReportContactRecord[]; total: number | null; last: boolean }> {
    const ki = this.api.klantinteracties;
    let total: number | null = null;
    // One page: the generator's second step says whether it was the last one.
    const it = pages(ki, ki.url(`/klantcontacten?page=${page}&pageSize=${REPORT_PAGE_SIZE}`), {}, 1, (count) => (total = count));
    let results: unknown[];
    try {
      const first = await it.next();
      results = first.done ? [] : first.value;
    } catch (error) {
      // Past the last page (the list shrank since the page was planned): nothing more to read.
      if (page > 1 && error instanceof RemoteError && error.status === 404) return { records: [], total: null, last: true };
      throw error;
    }
    const end = await it.next();
    const contacts = results.map((kc) => parseRemote(Klantcontact, kc, 'klantcontact'));
    const names = await this.actorNames(contacts.flatMap((kc) => (kc.hadBetrokkenActoren ?? []).map((a) => a.uuid)));
    const records = contacts.map((kc): ReportContactRecord => {
      const actor = (kc.hadBetrokkenActoren ?? []).map((a) => names.get(a.uuid)).find((n) => n !== undefined);
      return {
        sourceUrl: kc.url,
        plaatsgevondenOp: normaliseDateTime(kc.plaatsgevondenOp),
        kanaal: kc.kanaal,
        onderwerp: kc.onderwerp,
        afdeling: kc.metadata?.afdeling || null,
        gespreksresultaat: kc.metadata?.gespreksresultaat || null,
        medewerker: actor ?? null,
      };
    });
    return { records, total, last: end.done === true && end.value === true };
  }
}
