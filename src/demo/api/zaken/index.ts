import type { FastifyInstance } from 'fastify';
import { verifyZgwJwt } from '../../server/auth';
import { setIdentity, type ApiDeps } from '../../server/context';
import { registerZaakSubresources } from './sub';
import { registerZaken } from './zaken';

/** Registers a ZGW API (Zaken or Catalogi) behind Open Zaak's JWT authentication. */
export function zgwAuthHook(app: FastifyInstance, secrets: ReadonlyMap<string, string>): void {
  app.addHook('onRequest', async (req) => {
    setIdentity(req, await verifyZgwJwt(req, secrets));
  });
}

export function registerZakenApi(app: FastifyInstance, deps: ApiDeps): void {
  registerZaken(app, deps);
  registerZaakSubresources(app, deps);
}
