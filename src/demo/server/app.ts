import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/open';
import { BRP_API, registerBrp } from '../api/brp';
import { DEMO_KVK_API_KEY, KVK_API, registerKvk } from '../api/kvk';
import { registerCatalogi } from '../api/catalogi';
import { DOCUMENTEN_API, registerDocumenten, registerZaakInformatieObjecten } from '../api/documenten';
import { ensureDocumenten } from '../api/documenten/seed';
import { registerKennisObjects } from '../api/kennis-objects';
import { registerKlantinteracties } from '../api/klantinteracties';
import { registerVerwerkingenlogging, VERWERKINGENLOGGING_API } from '../api/verwerkingenlogging';
import { registerZakenApi, zgwAuthHook } from '../api/zaken';
import { clientsOf, verifyToken, type ZgwClient } from './auth';
import { API } from './context';
import { installErrorHandling } from './http';
import { installFaults, type Faults } from './faults';

export interface Credentials {
  zgwClientId: string; zgwSecret: string; klantinteractiesToken: string; brpApiKey?: string;
  /** More ZGW clients with their own autorisaties (the configured one gets what Klantbeeld needs). */
  zgwClients?: readonly ZgwClient[];
}

/** The demo BRP's X-API-KEY when the credentials name none. */
export const DEMO_BRP_API_KEY = 'turfbrug-demo-brp-key';

/** Builds the Fastify app with the three APIs, each as an encapsulated plugin with its own auth and errors. */
export function buildApp(db: Db, credentials: Credentials, log?: (line: string) => void, faults?: Faults): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576, trustProxy: false });
  if (faults) installFaults(app, faults);
  const clients = clientsOf(credentials);
  const tokens = new Set([credentials.klantinteractiesToken]);

  app.register(async (z) => {
    z.removeContentTypeParser('text/plain');
    installErrorHandling(z, API.zaken, log);
    zgwAuthHook(z, clients);
    registerZakenApi(z, { db, api: API.zaken, log });
    registerZaakInformatieObjecten(z, { db, api: API.zaken, log });
  }, { prefix: API.zaken.prefix });

  app.register(async (c) => {
    c.removeContentTypeParser('text/plain');
    installErrorHandling(c, API.catalogi, log);
    zgwAuthHook(c, clients);
    registerCatalogi(c, { db, api: API.catalogi, log });
  }, { prefix: API.catalogi.prefix });

  // Documenten API (issue 3): documents of the zaken, seeded once.
  ensureDocumenten(db);
  app.register(async (d) => {
    d.removeContentTypeParser('text/plain');
    installErrorHandling(d, DOCUMENTEN_API, log);
    zgwAuthHook(d, clients);
    registerDocumenten(d, { db, api: DOCUMENTEN_API, log });
  }, { prefix: DOCUMENTEN_API.prefix });

  app.register(async (k) => {
    k.removeContentTypeParser('text/plain');
    installErrorHandling(k, API.klantinteracties, log);
    k.addHook('onRequest', async (req) => verifyToken(req, tokens));
    registerKlantinteracties(k, { db, api: API.klantinteracties, log });
  }, { prefix: API.klantinteracties.prefix });

  // BRP API Personen (Haal Centraal), X-API-KEY auth, own problem bodies.
  app.register(async (b) => registerBrp(b, { db, apiKey: credentials.brpApiKey ?? DEMO_BRP_API_KEY, log }), { prefix: BRP_API.prefix });
  app.register(async (k) => registerKvk(k, { db, apiKey: DEMO_KVK_API_KEY }), { prefix: KVK_API.prefix });

  // Verwerkingenlogging API (VNG), ZGW JWT auth: where Klantbeeld ships its verwerkingenlog.
  app.register(async (v) => {
    v.removeContentTypeParser('text/plain');
    installErrorHandling(v, VERWERKINGENLOGGING_API, log);
    zgwAuthHook(v, clients);
    registerVerwerkingenlogging(v, db);
  }, { prefix: VERWERKINGENLOGGING_API.prefix });

  registerKennisObjects(app, db);

  app.setNotFoundHandler((_req, reply) => reply.code(404).type('application/json').send(JSON.stringify({ detail: 'Niet gevonden.' })));
  return app;
}
