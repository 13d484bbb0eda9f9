import type { UserInfo } from '../../../shared/contract';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import type { SyncEngine } from '../sync/engine';
import { APP_VERSION } from '../version';

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
      gespreksresultaten: deps.config.gespreksresultaten,
      afdelingen: deps.config.afdelingen,
      terugbelTeams: deps.config.terugbelTeams,
    }),
    'sync.status': () => deps.sync.status(),
  };
}
