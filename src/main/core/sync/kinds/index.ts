import { callbackWijzigingKind } from './callback-wijziging';
import { contactverzoekKind } from './contactverzoek';
import { klantcontactKind } from './klantcontact';
import { partijKind } from './partij';
import type { OutboxKind } from './types';
import { verwerkingsactiesKind } from './verwerkingsacties';
import { zaakKind } from './zaak';

/** Every kind of outbox entry the engine can deliver, by name. */
export const outboxKinds: ReadonlyMap<string, OutboxKind> = new Map<string, OutboxKind>(
  [klantcontactKind as OutboxKind, zaakKind as OutboxKind, contactverzoekKind as OutboxKind, callbackWijzigingKind as OutboxKind, verwerkingsactiesKind as OutboxKind, partijKind as OutboxKind].map((k) => [k.kind, k]),
);

/** Kinds the clerk neither counts nor reviews (see OutboxKind.forBeheer). */
export const BEHEER_KINDS: readonly string[] = [...outboxKinds.values()].filter((k) => k.forBeheer).map((k) => k.kind);

export type { OutboxKind } from './types';
