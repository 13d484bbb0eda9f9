/**
 * The one contract: every operation the renderer may call and every event the core pushes.
 * IPC, the browser host (/api, /events), the typed client and the role checks all derive
 * from this declaration. Operation names are `<area>.<method>`.
 */
import { z } from 'zod';
import { EVERYONE, FRONT_OFFICE } from '../roles';
import { event, operation } from './define';
import {
  clerkText,
  ContactItem,
  CustomerPicture,
  CustomerSummary,
  IsoDateTime,
  LocalId,
  SyncState,
  SyncStatus,
  UserInfo,
} from './schemas';

export const contract = {
  'app.info': operation({
    summary: 'Who is signed in, which zaaksysteem is configured, and what the app offers.',
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      user: UserInfo,
      /** Kind and display label of the configured zaaksysteem; never URLs with secrets or credentials. */
      dataSource: z.object({ kind: z.enum(['demo', 'zgw']), label: z.string() }),
      kanalen: z.array(z.string()),
    }),
    roles: EVERYONE,
  }),
  'customers.search': operation({
    summary: 'Find cached customers by name or BSN as the clerk types.',
    input: z
      .object({
        query: clerkText(100).transform((v) => v.trim()),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(CustomerSummary) }),
    roles: FRONT_OFFICE,
  }),
  'customers.open': operation({
    summary: 'The cached picture of one customer at once; a background refresh follows as `customer.refreshed`.',
    input: z.object({ customerId: LocalId, refresh: z.boolean().default(true) }).strict(),
    output: CustomerPicture,
    roles: FRONT_OFFICE,
  }),
  'contacts.register': operation({
    summary: 'Register a klantcontact: written locally with its outbox entry in one transaction.',
    input: z
      .object({
        customerId: LocalId,
        kanaal: z.string().trim().min(1, { message: 'Kies een kanaal.' }).max(50),
        onderwerp: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
        inhoud: clerkText(1000).default(''),
      })
      .strict(),
    output: ContactItem,
    roles: FRONT_OFFICE,
  }),
  'sync.status': operation({
    summary: 'Connection to the zaaksysteem and the outbox: what is waiting, what failed.',
    input: z.object({}).strict(),
    output: SyncStatus,
    roles: EVERYONE,
  }),
} as const;

export const events = {
  'customer.refreshed': event({
    summary: 'A customer dossier was refreshed from the zaaksysteem (or the refresh failed).',
    payload: z.object({ customerId: LocalId, at: IsoDateTime, ok: z.boolean(), message: z.string().nullable() }),
  }),
  'contact.synced': event({
    summary: 'A registered contact changed sync state (acknowledged, or parked with an error).',
    payload: z.object({ customerId: LocalId, contactId: LocalId, syncState: SyncState, syncError: z.string().nullable() }),
  }),
  'sync.status': event({
    summary: 'The sync status changed.',
    payload: SyncStatus,
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Contract[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const operationNames = Object.keys(contract) as OperationName[];
export const eventNames = Object.keys(events) as EventName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export * from './schemas';
export * from './errors';
export { operation, event } from './define';
export type { OperationSpec, EventSpec } from './define';
