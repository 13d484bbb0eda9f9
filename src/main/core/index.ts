/**
 * The core: plain Node, no Electron. The same core runs in Electron's utilityProcess, in the
 * browser host and under vitest. `startCore` wires config → store → adapter → sync → services
 * → dispatcher.
 */
import { join } from 'node:path';
import { ZgwAdapter } from './adapters/zgw/adapter';
import type { Core, CoreOptions } from './api';
import { loadConfig } from './config/load';
import { lockedBy } from './config/machine-config';
import { kalenderBron, type KalenderBron } from './calendar';
import type { KlantbeeldConfig, ZgwConnection } from './config/schema';
import { Dispatcher, type Handlers } from './dispatcher';
import { BrpClient } from './adapters/brp/client';
import { KvkClient } from './adapters/kvk/client';
import { BRP_BEVRAGING } from './privacy/brp-bevraging';
import { RegisterSearch, type BrpLog } from './services/register-search';
import { startEmbeddedDemo } from './embedded-demo';
import { EventBus } from './events';
import { appHandlers } from './services/app';
import { OutboxService, outboxHandlers } from './services/outbox';
import { CallbackService, callbackHandlers } from './services/callbacks';
import { deriveCallback } from './callbacks/derive';
import { startCallbackNotices } from './callbacks/notices';
import { ContactService, contactHandlers } from './services/contacts';
import { DraftService, draftHandlers } from './services/drafts';
import { gateEvents } from './event-gate';
import { ZaakStartService, zaakStartHandlers } from './services/zaak-start';
import { CustomerService, customerHandlers } from './services/customers';
import { ZaakService, zaakHandlers } from './services/zaken';
import { startScreenPopEndpoint } from './screenpop';
import { setupKennis, kennisHandlers } from './kennis';
import { Store } from './store';
import { cacheKeyFor } from './store/cache-key';
import { lockDataFolder, prepareDataFolder } from './data-folder';
import { SyncEngine } from './sync/engine';
import { freshCacheForSource, sourceIdentity } from './sync/cache-source';
import { LocalIndex, recentSince, withPrefetchDecided } from './sync/local-index';
import { withQueuePartijen } from './sync/queue-partijen';
import { ZgwApi } from './adapters/zgw/api';
import { partijenByUrl } from './adapters/zgw/partijen-by-url';
import { LocalIndexSet } from './store/local-index-set';
import { followSession, liveMedewerker, setupAuth, withSessionUser, workQueuesOfSession } from './auth';
import { ReportingPoller } from './sync/reporting';
import { TeamleiderService, teamleiderHandlers } from './services/teamleider';
import { setupPrivacy } from './privacy';
import { APP_VERSION } from './version';
import { BeheerService, beheerHandlers } from './services/beheer';
import { safeLog } from './log-line';

export const STORE_FILE = 'klantbeeld.sqlite';

export interface StartedCore extends Core {
  config: KlantbeeldConfig;
  /** Base URL of the embedded demo zaaksysteem, when it runs. */
  demoUrl: string | null;
  store: Store;
  sync: SyncEngine;
  /** The live werkdagen calendar and servicenormen (reloaded when the beheerder changes them). */
  kalender: KalenderBron;
}

export async function startCore(options: CoreOptions): Promise<StartedCore> {
  // Every core log line is escaped, trimmed and BSN-masked: lines may carry input (log-line.ts).
  const log = safeLog(options.log ?? ((line: string) => process.stderr.write(`${line}\n`)));
  prepareDataFolder(options.dataDir);
  // One core per data folder: a second one is refused before it reads or writes anything.
  const folderLock = lockDataFolder(options.dataDir);
  let config: ReturnType<typeof withPrefetchDecided>;
  let store: Store;
  try {
    config = withPrefetchDecided(loadConfig(options.dataDir, options.env ?? process.env, log));
    store = Store.open(join(options.dataDir, STORE_FILE), { key: cacheKeyFor(options.dataDir, options.env ?? process.env) });
  } catch (error) {
    folderLock.release();
    throw error;
  }
  // Services ask this for the calendar on every deadline; beheer.* reloads it from the config file.
  const kalender = kalenderBron(config, () => loadConfig(options.dataDir, options.env ?? process.env), log);
  // Another zaaksysteem in the configuration: a fresh cache, unsent work kept (sync/cache-source.ts).
  freshCacheForSource(store, sourceIdentity(config.adapter), log);
  const events = new EventBus();
  let connection: ZgwConnection;
  let demo: Awaited<ReturnType<typeof startEmbeddedDemo>> | null = null;
  try {
    if (config.adapter.kind === 'demo') {
      demo = await startEmbeddedDemo(options.dataDir, config.adapter.port, log);
      connection = demo.connection;
    } else {
      connection = config.adapter;
    }
  } catch (error) {
    store.close();
    folderLock.release();
    throw error;
  }
  // Who works here now: everything below reads the user from the session, never from the config.
  const auth = setupAuth(config, events, log);
  const { session } = auth;
  const asUser = withSessionUser(config, session);
  const adapter = new ZgwAdapter(connection, liveMedewerker(session), store.remoteCache);
  const indexApi = new ZgwApi(connection, liveMedewerker(session), store.remoteCache);
  const workingSet = new LocalIndexSet(store.db);
  // Without the full copy, the work queues' partijen join the bounded index as the callbacks arrive.
  const queueAdapter = config.sync.prefetchPartijen
    ? adapter
    : withQueuePartijen(adapter, {
        cached: (url) => store.customers.idBySourceUrl(url) !== null,
        read: (urls) => partijenByUrl(indexApi, urls),
        upsert: (records) => store.customers.upsertMany(records, new Date().toISOString()),
      });
  const sync = new SyncEngine(store, queueAdapter, events, {
    prefetchPartijen: config.sync.prefetchPartijen,
    prefetchMaxPartijen: config.sync.prefetchMaxPartijen,
    outboxIntervalMs: config.sync.outboxIntervalSeconds * 1000,
    partijenRefreshMs: config.sync.partijenRefreshMinutes * 60_000,
    log,
    workQueues: () => workQueuesOfSession(session),
    workQueueMs: config.sync.workQueueSeconds * 1000,
    alleTaken: () => session.current()?.roles.includes('teamleider') ?? false,
    deriveCallback: deriveCallback(kalender),
  });
  // After a shift change the search works at once: what it needs locally is re-read at sign-in.
  new LocalIndex(sync, events, {
    prefetchPartijen: config.sync.prefetchPartijen,
    readRecent: (progress) =>
      partijenByUrl(indexApi, workingSet.since(recentSince(kalender.get(), config.sync.lokaleIndexWerkdagen).toISOString(), config.sync.prefetchMaxPartijen), progress),
    upsert: (records) => store.customers.upsertMany(records, new Date().toISOString()),
    log,
  }).follow(session);
  // Not while locked: a notice would be marked as given but held back (event-gate.ts), so never seen.
  startCallbackNotices(events, store, kalender, () => ('refused' in session.caller() ? null : session.current()));
  const brpConfig = config.brp ?? demo?.brp;
  const kvkConfig = config.kvk ?? demo?.kvk;
  // Every BRP question in the verwerkingenlog, with its doelbinding (the privacy recorder is set up below).
  let logBrp: BrpLog = () => {};
  const registers = new RegisterSearch(brpConfig ? new BrpClient(brpConfig) : undefined, kvkConfig ? new KvkClient(kvkConfig) : undefined, (bsns, soorten) => logBrp(bsns, soorten));
  const customers = new CustomerService(store, sync, adapter, events, registers, workingSet);
  const zaken = new ZaakService(store, adapter);
  const contacts = new ContactService(store, asUser, () => sync.kick());
  const kennis = setupKennis(store, config, demo?.server.url ?? null, events, log);
  const drafts = new DraftService(store);
  const zaakStart = new ZaakStartService(store, adapter, () => sync.kick());
  // Verwerkingenlogging and retention (issue 7): the dispatcher logs, the purge runs hourly and on sign-out.
  const privacy = setupPrivacy({
    store, config, kalender: () => kalender.get(), connection, demoVerwerkingenloggingUrl: demo?.verwerkingenloggingUrl ?? null,
    systeem: `Klantbeeld ${APP_VERSION}`, kick: () => sync.kick(), log,
  });
  session.onSignOut(() => privacy.onSignOut());
  logBrp = (bsns, soorten) => {
    const user = session.current();
    if (user) privacy.recorder.recordQuery(BRP_BEVRAGING, bsns, soorten, { id: user.id, naam: user.naam, roles: user.roles });
  };

  const callbacks = new CallbackService(store, asUser, sync, kalender, adapter, events);
  // Each area contributes the handlers of its operations; the type demands all of them.
  const handlers: Handlers = {
    ...auth.handlers,
    ...appHandlers({ config, user: () => session.requireUser(), dataSourceLabel: connection.label, sync }),
    ...customerHandlers(customers),
    ...zaakHandlers(zaken),
    ...contactHandlers(contacts),
    ...kennisHandlers(kennis.service),
    ...draftHandlers(drafts),
    ...zaakStartHandlers(zaakStart),
    ...outboxHandlers(new OutboxService(store, () => sync.kick(), (payload, steps, fix) => callbacks.correctParked(payload, steps, fix))),
    ...callbackHandlers(callbacks),
    ...teamleiderHandlers(new TeamleiderService(store, kalender, config)),
    ...privacy.handlers,
    ...beheerHandlers(new BeheerService(options.dataDir, kalender, config.terugbelTeams, lockedBy(options.env ?? process.env, 'werkdagen.sluitingsdagen'))),
  };
  const dispatcher = new Dispatcher(handlers, () => session.caller(), log, privacy.recorder);
  sync.start();
  kennis.start();
  privacy.start();
  // Every klantcontact (without personal data) for the team leader's figures: only while a teamleider is signed in.
  const reporting = new ReportingPoller(store, adapter, kalender, { intervalMs: config.teamleider.contactenMinuten * 60_000, log, progress: (p) => sync.showProgress(p) });
  followSession(session, (user) => user.roles.includes('teamleider'), reporting);
  // The desktop app's screen-pop endpoint for telephony software (off unless configured).
  const dispatch = (operation: string, input: unknown) => dispatcher.dispatch(operation, input);
  const screenpop = await startScreenPopEndpoint({ dispatch }, { config: config.screenpop, dataDir: options.dataDir, log });

  return {
    config,
    demoUrl: demo?.server.url ?? null,
    store,
    sync,
    kalender,
    dispatch: (operation, input) => dispatcher.dispatch(operation, input),
    // Nothing personal is pushed while signed out or locked (event-gate.ts).
    onEvent: (listener) => events.on(gateEvents(listener, () => !('refused' in session.caller()))),
    async close() {
      await screenpop?.close();
      await kennis.stop();
      auth.close();
      await reporting.stop();
      await privacy.stop();
      await sync.stop();
      store.close();
      await demo?.server.close();
      folderLock.release();
    },
  };
}

export type { Core, CoreOptions } from './api';
