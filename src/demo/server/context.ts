import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/open';
import type { JwtIdentity } from './auth';
import type { ApiInfo } from './http';

/** What every resource module gets. */
export interface ApiDeps { db: Db; api: ApiInfo; log?: (line: string) => void }

export const API = {
  zaken: { prefix: '/zaken/api/v1', version: '1.5.1' },
  catalogi: { prefix: '/catalogi/api/v1', version: '1.3.1' },
  klantinteracties: { prefix: '/klantinteracties/api/v1', version: '0.9.0' },
} as const satisfies Record<string, ApiInfo>;

const identities = new WeakMap<FastifyRequest, JwtIdentity>();
export const setIdentity = (req: FastifyRequest, id: JwtIdentity): void => void identities.set(req, id);
export const identityOf = (req: FastifyRequest): JwtIdentity | undefined => identities.get(req);
