/**
 * The one contract: every operation the renderer may call and every event the core pushes.
 * IPC, the browser host (/api, /events), the typed client and the role checks all derive
 * from this declaration. Operation names are `<area>.<method>`; each area declares its own
 * operations and events in areas/<area>.ts and is listed here once.
 */
import type { z } from 'zod';
import { appEvents, appOperations } from './areas/app';
import { authEvents, authOperations } from './areas/auth';
import { contactEvents, contactOperations } from './areas/contacts';
import { customerEvents, customerOperations } from './areas/customers';
import { outboxOperations } from './areas/outbox';
import { callbackEvents, callbackOperations } from './areas/callbacks';
import { kennisEvents, kennisOperations } from './areas/kennis';
import { zaakOperations } from './areas/zaken';
import { draftOperations } from './areas/drafts';
import { zaakStartEvents, zaakStartOperations } from './areas/zaak-start';
import { verwerkingenOperations } from './areas/verwerkingen';
import { teamleiderOperations } from './areas/teamleider';
import { beheerOperations } from './areas/beheer';

export const contract = {
  ...authOperations,
  ...callbackOperations,
  ...outboxOperations,
  ...appOperations,
  ...customerOperations,
  ...zaakOperations,
  ...contactOperations,
  ...kennisOperations,
  ...draftOperations,
  ...zaakStartOperations,
  ...verwerkingenOperations,
  ...teamleiderOperations,
  ...beheerOperations,
} as const;

export const events = {
  ...authEvents,
  ...callbackEvents,
  ...appEvents,
  ...customerEvents,
  ...contactEvents,
  ...kennisEvents,
  ...zaakStartEvents,
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
export * from './areas/customers';
export * from './areas/zaken';
export * from './areas/verwerkingen';
export * from './areas/auth';
export { operation, event } from './define';
export type { OperationSpec, EventSpec } from './define';
