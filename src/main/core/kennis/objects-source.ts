/**
 * Kennisbank content from an Objects API (v2, as Maykin's objects-api serves it and as
 * municipalities publish kennisartikelen, VAC's and news): `GET {url}/objects?type=<objecttype
 * url>` pages of `{count, next, previous, results}`; each result has `uuid`, `type` and a
 * `record` with `index`, `typeVersion`, `data`, `startAt`, `endAt`, `registrationAt`,
 * `correctionFor`, `correctedBy`. Auth is `Authorization: Token <token>`.
 *
 * The Objects API has no "modified since" filter (only `data_attrs`, `date` and
 * `registrationDate`, which select record versions, not changes), so every sync lists the
 * objecttype and the fingerprint (uuid + record index + registrationAt) decides what is
 * rewritten; an object that is no longer listed is deleted locally.
 */
import { z } from 'zod';
import type { KennisKanaal, KennisSnapshot, KennisSource, SourceArtikel, SourceNieuws } from './source';

export interface ObjectsApiConfig {
  label?: string;
  /** Base URL of the Objects API, e.g. https://objecten.gemeente.nl/api/v2 */
  url: string;
  token: string;
  objecttypes: { artikel: string; vac?: string | undefined; nieuws?: string | undefined };
  pageSize?: number;
  timeoutMs?: number;
}

const Record_ = z.object({
  index: z.number(),
  typeVersion: z.number().optional(),
  data: z.record(z.string(), z.unknown()),
  startAt: z.string().nullable().optional(),
  endAt: z.string().nullable().optional(),
  registrationAt: z.string().nullable().optional(),
});
const ObjectItem = z.object({ url: z.string().optional(), uuid: z.string(), type: z.string(), record: Record_ });
const Page = z.object({ count: z.number(), next: z.string().nullable(), results: z.array(ObjectItem) });
type ObjectItem = z.infer<typeof ObjectItem>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const SECTIE_ORDER = ['inleiding', 'aanvraag', 'voorwaarden', 'kosten', 'termijn', 'bezwaar', 'bijzonderheden', 'contact'];
const sectieRank = (key: string): number => (SECTIE_ORDER.includes(key) ? SECTIE_ORDER.indexOf(key) : SECTIE_ORDER.length);

export class ObjectsApiKennisSource implements KennisSource {
  readonly label: string;
  constructor(private readonly config: ObjectsApiConfig, private readonly fetchImpl: typeof fetch = fetch) {
    this.label = config.label ?? 'Objects API';
  }

  async list(signal?: AbortSignal): Promise<KennisSnapshot> {
    const { objecttypes } = this.config;
    const [artikelen, vacs, nieuws] = await Promise.all([
      this.listType(objecttypes.artikel, signal),
      objecttypes.vac ? this.listType(objecttypes.vac, signal) : Promise.resolve([]),
      objecttypes.nieuws ? this.listType(objecttypes.nieuws, signal) : Promise.resolve([]),
    ]);
    return {
      artikelen: [...artikelen.map((o) => this.toArtikel(o, 'artikel')), ...vacs.map((o) => this.toArtikel(o, 'vac'))],
      nieuws: nieuws.map((o) => this.toNieuws(o)),
    };
  }

  private async listType(type: string, signal?: AbortSignal): Promise<ObjectItem[]> {
    const base = this.config.url.replace(/\/+$/, '');
    const params = new URLSearchParams({ type, pageSize: String(this.config.pageSize ?? 100) });
    let next: string | null = `${base}/objects?${params}`;
    const out: ObjectItem[] = [];
    for (let guard = 0; next && guard < 1000; guard++) {
      const timeout = AbortSignal.timeout(this.config.timeoutMs ?? 15_000);
      const res = await this.fetchImpl(next, {
        headers: { Authorization: `Token ${this.config.token}`, Accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!res.ok) throw new Error(`Objects API antwoordde ${res.status} op ${new URL(next).pathname}`);
      const page = Page.parse(await res.json());
      out.push(...page.results);
      next = page.next;
    }
    return out;
  }

  private fingerprint(o: ObjectItem): string {
    return `${o.uuid}:${o.record.index}:${o.record.registrationAt ?? ''}`;
  }

  private toArtikel(o: ObjectItem, soort: 'artikel' | 'vac'): SourceArtikel {
    const d = o.record.data;
    const rawSecties = (d.secties && typeof d.secties === 'object' ? d.secties : {}) as Record<string, unknown>;
    const secties = Object.entries(rawSecties)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .sort((a, b) => sectieRank(a[0]) - sectieRank(b[0]))
      .map(([sleutel, html]) => ({ sleutel, html }));
    if (soort === 'vac' && typeof d.antwoord === 'string') secties.push({ sleutel: 'antwoord', html: d.antwoord });
    const rawKanalen = (d.kanaalAntwoorden && typeof d.kanaalAntwoorden === 'object' ? d.kanaalAntwoorden : {}) as Record<string, unknown>;
    const kanaalAntwoorden: Partial<Record<KennisKanaal, string>> = {};
    for (const k of ['telefoon', 'balie', 'e-mail', 'chat'] as const) {
      if (typeof rawKanalen[k] === 'string') kanaalAntwoorden[k] = rawKanalen[k];
    }
    return {
      id: str(d.id) || o.uuid,
      soort,
      sourceUrl: o.url ?? `${this.config.url.replace(/\/+$/, '')}/objects/${o.uuid}`,
      fingerprint: this.fingerprint(o),
      titel: str(d.titel) || str(d.vraag) || '(zonder titel)',
      samenvatting: str(d.samenvatting) || (soort === 'vac' ? str(d.vraag) : ''),
      afdeling: strOrNull(d.afdeling),
      upl: strOrNull(d.upl),
      trefwoorden: strings(d.trefwoorden),
      synoniemen: strings(d.synoniemen),
      secties,
      kanaalAntwoorden,
      laatstBeoordeeld: strOrNull(d.laatstBeoordeeld),
    };
  }

  private toNieuws(o: ObjectItem): SourceNieuws {
    const d = o.record.data;
    return {
      id: str(d.id) || o.uuid,
      sourceUrl: o.url ?? `${this.config.url.replace(/\/+$/, '')}/objects/${o.uuid}`,
      fingerprint: this.fingerprint(o),
      soort: d.soort === 'werkinstructie' ? 'werkinstructie' : 'nieuws',
      titel: str(d.titel) || '(zonder titel)',
      html: str(d.tekst),
      belangrijk: d.belangrijk === true,
      publicatieStart: str(d.publicatieStart) || o.record.startAt || new Date(0).toISOString(),
      publicatieEind: strOrNull(d.publicatieEind) ?? o.record.endAt ?? null,
    };
  }
}
