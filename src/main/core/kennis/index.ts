/**
 * Wires the kennisbank into the core: the source from config (or the embedded demo's Objects
 * API), the store, the search service and the periodic sync. startCore calls this once.
 */
import type { KlantbeeldConfig } from '../config/schema';
import type { EventBus } from '../events';
import type { Store } from '../store';
import { DEMO_KENNIS_OBJECTTYPES, DEMO_KENNIS_TOKEN } from './demo-defaults';
import { ObjectsApiKennisSource, type ObjectsApiConfig } from './objects-source';
import { KennisService } from './service';
import { KennisStore } from './store';
import { KennisSync } from './sync';

export { KennisService, kennisHandlers } from './service';

export interface Kennis {
  service: KennisService;
  sync: KennisSync | null;
  start(): void;
  stop(): Promise<void>;
}

/** The Objects API connection: configured, or the embedded demo's when the demo runs. */
export function kennisConnection(config: Pick<KlantbeeldConfig, 'kennisbank'>, demoUrl: string | null): (ObjectsApiConfig & { refreshMinutes: number }) | null {
  const k = config.kennisbank;
  if (k) {
    return { label: k.label, url: k.url, token: k.token, objecttypes: { artikel: k.objecttype, vac: k.vacObjecttype, nieuws: k.nieuwsObjecttype }, refreshMinutes: k.refreshMinutes };
  }
  if (!demoUrl) return null;
  const types = `${demoUrl}/objecttypes/api/v2/objecttypes`;
  return {
    label: 'Kennisbank demo-zaaksysteem Turfbrug',
    url: `${demoUrl}/objecten/api/v2`,
    token: DEMO_KENNIS_TOKEN,
    objecttypes: {
      artikel: `${types}/${DEMO_KENNIS_OBJECTTYPES.kennisartikel}`,
      vac: `${types}/${DEMO_KENNIS_OBJECTTYPES.vac}`,
      nieuws: `${types}/${DEMO_KENNIS_OBJECTTYPES.nieuwsbericht}`,
    },
    refreshMinutes: 15,
  };
}

export function setupKennis(
  store: Store,
  config: Pick<KlantbeeldConfig, 'kennisbank'>,
  demoUrl: string | null,
  events: EventBus,
  log: (line: string) => void,
): Kennis {
  const kennisStore = new KennisStore(store.db);
  const connection = kennisConnection(config, demoUrl);
  const service = new KennisService(kennisStore, connection?.label ?? 'geen bron ingesteld');
  const sync = connection
    ? new KennisSync(kennisStore, new ObjectsApiKennisSource(connection), () => {
        service.search.invalidate();
        events.emit('kennis.updated', { count: kennisStore.countArtikelen() });
      }, log)
    : null;
  return {
    service,
    sync,
    start: () => sync?.start(connection!.refreshMinutes),
    stop: async () => sync?.stop(),
  };
}
