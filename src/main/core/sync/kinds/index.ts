import { callbackWijzigingKind } from './callback-wijziging';
import { contactverzoekKind } from './contactverzoek';
import { klantcontactKind } from './klantcontact';
import type { OutboxKind } from './types';
import { verwerkingsactiesKind } from './verwerkingsacties';
import { zaakKind } from './zaak';

/** Every kind of outbox entry the engine can deliver, by name. */
export const outboxKinds: ReadonlyMap<string, OutboxKind> = new Map<string, OutboxKind>(
  [klantcontactKind as OutboxKind, zaakKind as OutboxKind, contactverzoekKind as OutboxKind, callbackWijzigingKind as OutboxKind, verwerkingsactiesKind as OutboxKind].map((k) => [k.kind, k]),
);

export type { OutboxKind } from './types';
