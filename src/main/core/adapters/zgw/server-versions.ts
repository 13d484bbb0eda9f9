/**
 * What the Open Klant behind the Klantinteracties API can store, read from its `API-version`
 * header (open-klant: src/openklant/utils/middleware.py sets it on every API answer, from
 * KLANTINTERACTIES_API_VERSION in src/openklant/conf/api.py). Per release:
 * 2.0-2.4 → 0.0.3, 2.5 → 0.0.4, …, 2.15 → 0.6.0, 2.16 → 0.7.0, 2.17 → 0.8.0, 2.18 → 0.9.0.
 *
 * Open Zaak's `pageSize` (≥ 1.15) is not told by a header (the Zaken API stays 1.5.1 from
 * 1.13 to 1.30); older servers refuse it as an unknown parameter, which http.ts handles.
 */
import { RemoteError } from '../types';
import type { ApiClient } from './http';

/** `klantcontact.metadata` exists from Open Klant 2.16 (API 0.7.0); older servers drop it silently. */
const METADATA_SINCE = '0.7.0';
/** Open Klant 2.16-2.17 cap each metadata value at 100 characters; 2.18 (API 0.9.0) at 255. */
const METADATA_255_SINCE = '0.9.0';

export interface KlantinteractiesCapabilities {
  apiVersion: string;
  /** Longest value a `klantcontact.metadata` entry may have. */
  metadataMax: number;
}

/** -1, 0 or 1 for dotted numeric versions (`0.10.0` after `0.9.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const tooOld = (detail: string): RemoteError =>
  new RemoteError(
    `Open Klant is te oud om klantcontacten naar te schrijven (${detail}); Klantbeeld heeft Open Klant 2.16 of nieuwer nodig (2.18 aanbevolen), ` +
      'anders gaan gespreksresultaat en de bescherming tegen dubbel versturen verloren. Het bericht blijft bewaard; verstuur het opnieuw na de update.',
    'permanent',
    null,
    [],
    null,
    true,
  );

/** What a server with this `API-version` can store, or a RemoteError for the beheerder when writing would lose data. */
export function klantinteractiesCapabilities(apiVersion: string | null): KlantinteractiesCapabilities {
  if (!apiVersion) throw tooOld('het zaaksysteem meldt geen API-version');
  if (compareVersions(apiVersion, METADATA_SINCE) < 0) throw tooOld(`Klantinteracties API ${apiVersion}`);
  return { apiVersion, metadataMax: compareVersions(apiVersion, METADATA_255_SINCE) < 0 ? 100 : 255 };
}

/**
 * Checked before every klantcontact is written: the version seen on the last answer (every
 * answer carries it, so an upgraded server is noticed), or a harmless first read to learn it.
 */
export async function klantinteractiesForWriting(client: ApiClient): Promise<KlantinteractiesCapabilities> {
  const seen = client.apiVersion ?? (await client.request(client.url('/actoren?page=1'))).apiVersion;
  return klantinteractiesCapabilities(seen);
}

/** Metadata within the server's limit: the list of kennisartikelen keeps whole ids, other values are codes well within it. */
export function fitMetadata(metadata: Record<string, string>, max: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value.length <= max) out[key] = value;
    else if (key === 'kennisartikelen') out[key] = wholeIds(value, max);
    else out[key] = value.slice(0, max);
  }
  return out;
}

function wholeIds(list: string, max: number): string {
  const kept: string[] = [];
  for (const id of list.split(',')) {
    if ([...kept, id].join(',').length > max) break;
    kept.push(id);
  }
  return kept.join(',');
}
