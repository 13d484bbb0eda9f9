import { kalenderBron } from '../../src/main/core/calendar';
import { KlantbeeldConfig } from '../../src/main/core/config/schema';
import { CallbackService, type CallbackUser } from '../../src/main/core/services/callbacks';
import type { SyncRig } from './sync-rig';

/** The default configuration's teams, results, vragensets and colleagues. */
export const DEFAULT_CONFIG = KlantbeeldConfig.parse({});

/** A callback service as the core wires it, on a sync rig's store, engine and adapter, for one user. */
export function callbackServiceFor(rig: SyncRig, user: CallbackUser, now?: () => Date, config: KlantbeeldConfig = DEFAULT_CONFIG): CallbackService {
  const kalender = kalenderBron(config, () => config);
  const scoped = { kanalen: config.kanalen, terugbelTeams: config.terugbelTeams, terugbellen: config.terugbellen, user };
  return new CallbackService(rig.store, scoped, rig.engine, kalender, rig.adapter, rig.events, now);
}

/** callbacks.list with the contract's defaults. */
export const openQueue = (queue: 'mine' | 'groups' | 'all') => ({ queue, status: 'open' as const, sort: 'deadline' as const, richting: 'op' as const });
