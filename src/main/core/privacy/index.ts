/**
 * Privacy in the core (issue 7, docs/privacy.md): the verwerkingenlog (recorder for the
 * dispatcher, shipping to the central Verwerkingenlogging through the outbox) and the retention
 * of cached personal data (hourly and at start, all of it on sign-out).
 */
import type { KlantbeeldConfig, ZgwConnection } from '../config/schema';
import { VerwerkingenloggingClient, type VerwerkingenloggingConnection } from '../adapters/verwerkingenlogging/client';
import { privacyHandlers } from '../services/privacy';
import type { Store } from '../store';
import { enqueueVerwerkingsacties, useVerwerkingenlogging } from '../sync/kinds/verwerkingsacties';
import { VerwerkingenRecorder } from './recorder';
import { Retention, type Kalender } from './retention';

export interface PrivacyDeps {
  store: Store;
  config: Pick<KlantbeeldConfig, 'verwerkingenlogging' | 'retentie' | 'sync'>;
  /** The live werkdagen calendar (it can be reloaded by the beheerder). */
  kalender: () => Kalender;
  /** The zaaksysteem connection: its ZGW credentials serve the Verwerkingenlogging when none are configured. */
  connection: ZgwConnection;
  /** The embedded demo's Verwerkingenlogging, when the demo runs. */
  demoVerwerkingenloggingUrl: string | null;
  systeem: string;
  /** Starts an outbox flush. */
  kick: () => void;
  log: (line: string) => void;
}

/** Where the log is shipped: the configured endpoint, else the embedded demo's, else nowhere. */
export function verwerkingenloggingConnection(deps: Pick<PrivacyDeps, 'config' | 'connection' | 'demoVerwerkingenloggingUrl'>): VerwerkingenloggingConnection | null {
  const vl = deps.config.verwerkingenlogging;
  const url = vl.url ?? deps.demoVerwerkingenloggingUrl;
  if (!url) return null;
  return { url, clientId: vl.clientId ?? deps.connection.zgwClientId, secret: vl.secret ?? deps.connection.zgwSecret };
}

export function setupPrivacy(deps: PrivacyDeps) {
  const { store, config, log } = deps;
  const recorder = new VerwerkingenRecorder(store, {
    uitvoerder: config.verwerkingenlogging.uitvoerder,
    systeem: deps.systeem,
    activiteitenUrl: config.verwerkingenlogging.activiteitenUrl ?? null,
  });
  const connection = verwerkingenloggingConnection(deps);
  if (connection) useVerwerkingenlogging(store, new VerwerkingenloggingClient(connection));
  const retention = new Retention(
    store,
    { addWerkdagen: (datum, n) => deps.kalender().addWerkdagen(datum, n), lokaleDatum: (instant) => deps.kalender().lokaleDatum(instant) },
    { bewaarWerkdagen: config.retentie.bewaarWerkdagen, keepSearchIndex: config.sync.prefetchPartijen === true, logBewaarDagen: config.verwerkingenlogging.lokaalBewarenDagen },
    log,
  );
  const timers: NodeJS.Timeout[] = [];
  const ship = () => {
    if (connection && enqueueVerwerkingsacties(store, config.verwerkingenlogging.batchSize, new Date().toISOString()) > 0) deps.kick();
  };
  const purge = () =>
    void retention.purgeExpired().catch((error: unknown) => log(`retention: purge failed: ${(error as Error).message}`));

  return {
    recorder,
    retention,
    handlers: privacyHandlers(store),
    /** Starts shipping and the retention runs (one at once). */
    start() {
      purge();
      timers.push(setInterval(ship, config.verwerkingenlogging.batchSeconds * 1000), setInterval(purge, config.retentie.intervalMinuten * 60_000));
      for (const timer of timers) timer.unref();
    },
    /** For the session's sign-out hook: everything personal goes. */
    async onSignOut() {
      await retention.purgeAll();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      ship();
    },
  };
}
