import type { FastifyInstance } from 'fastify';
import { setAutorisaties, verifyZgwJwt, type ZgwClient } from '../../server/auth';
import { setIdentity, type ApiDeps } from '../../server/context';
import { registerZaakSubresources } from './sub';
import { registerZaken } from './zaken';

/** Registers a ZGW API (Zaken, Catalogi, Documenten) behind Open Zaak's JWT authentication and the client's autorisaties. */
export function zgwAuthHook(app: FastifyInstance, clients: ReadonlyMap<string, ZgwClient>): void {
  const secrets = new Map([...clients].map(([id, c]) => [id, c.secret]));
  app.addHook('onRequest', async (req) => {
    const identity = await verifyZgwJwt(req, secrets);
    setIdentity(req, identity);
    const client = clients.get(identity.clientId);
    if (client) setAutorisaties(req, client);
  });
}

export function registerZakenApi(app: FastifyInstance, deps: ApiDeps): void {
  registerZaken(app, deps);
  registerZaakSubresources(app, deps);
}
