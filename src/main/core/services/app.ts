import type { UserInfo } from '../../../shared/contract';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import type { SyncEngine } from '../sync/engine';
import { APP_VERSION } from '../version';
import type { Role } from '../../../shared/roles';

/** The kanaal a new contact starts with (config `kanaal.standaard`); only one of the configured kanalen. */
export function standaardKanaal(config: Pick<KlantbeeldConfig, 'kanaal' | 'kanalen'>, roles: readonly Role[]): string {
  const { werkplek, rollen } = config.kanaal.standaard;
  const candidates = [werkplek, ...roles.map((r) => rollen[r]), 'telefoon'];
  return candidates.find((k): k is string => !!k && config.kanalen.includes(k)) ?? config.kanalen[0] ?? 'telefoon';
}

export function appHandlers(deps: {
  config: KlantbeeldConfig;
  /** The signed-in user (app.info runs only with one). */
  user: () => UserInfo;
  dataSourceLabel: string;
  sync: SyncEngine;
}): Pick<Handlers, 'app.info' | 'sync.status'> {
  return {
    'app.info': () => ({
      version: APP_VERSION,
      user: { id: deps.user().id, naam: deps.user().naam, roles: deps.user().roles },
      dataSource: { kind: deps.config.adapter.kind, label: deps.dataSourceLabel },
      kanalen: deps.config.kanalen,
      standaardKanaal: standaardKanaal(deps.config, deps.user().roles),
      gespreksresultaten: deps.config.gespreksresultaten,
      afdelingen: deps.config.afdelingen,
      terugbelTeams: deps.config.terugbelTeams,
    }),
    'sync.status': () => deps.sync.status(),
  };
}
