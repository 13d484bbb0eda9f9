import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../server/context';
import { registerKlantcontacten } from './klantcontacten';
import { registerPartijen } from './partijen';
import { registerTaken } from './taken';

/** Klantinteracties API 0.9 subset (Open Klant 2). */
export function registerKlantinteracties(app: FastifyInstance, deps: ApiDeps): void {
  registerPartijen(app, deps);
  registerKlantcontacten(app, deps);
  registerTaken(app, deps);
}
