import type { z } from 'zod';
import type { Role } from '../roles';
import type { VerwerkingsactiviteitKey } from './verwerkingsactiviteiten';

/**
 * Where the person(s) a verwerking is about are found: a path into the call's input or output
 * (`input.customerId`, `output.contacts[].customerId`) and what kind of local id it holds. The
 * core resolves it (a klant → its BSN or KvK-nummer) and writes one verwerkt object per person.
 */
export interface VerwerktObjectBron {
  pad: string;
  soort: 'klant' | 'zaak' | 'terugbelverzoek' | 'verwerkingsactie' | 'bsn';
  /** VNG `betrokkenheid`: in which capacity the person was involved, e.g. "klant", "beller". */
  betrokkenheid: string;
  /** VNG `verwerkteSoortenGegevens`: which kinds of data of the person were processed. */
  soortenGegevens: readonly string[];
}

/**
 * An operation that processes personal data declares it here; the dispatcher writes the
 * verwerkingsactie (VNG Verwerkingenlogging) after a successful call. A refused or failed call
 * writes nothing.
 */
export interface VerwerkingSpec {
  /** VNG `actieNaam`, e.g. "Klantbeeld geopend". */
  actie: string;
  /** VNG `handelingNaam`: raadplegen, registreren, wijzigen, verwijderen, exporteren. */
  handeling: 'Raadplegen' | 'Registreren' | 'Wijzigen' | 'Verwijderen' | 'Exporteren';
  /** The verwerkingsactiviteit (with its doel) from the register in verwerkingsactiviteiten.ts. */
  activiteit: VerwerkingsactiviteitKey;
  vertrouwelijkheid: 'normaal' | 'vertrouwelijk';
  /** ISO 8601 duration, e.g. P10Y. */
  bewaartermijn: string;
  /** VNG `gegevensbron`; default: the cached Open Klant / Open Zaak data. */
  gegevensbron?: string;
  objecten: readonly VerwerktObjectBron[];
}

/** An operation that processes no personal data says so, with the reason (checked by the contract test). */
export interface GeenVerwerking {
  geen: string;
}

/** One operation the renderer may call: its schemas and who may call it. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Role[];
  /** Callable without a signed-in, unlocked session: only sign-in itself (areas/auth.ts). */
  beforeSignIn?: true;
  /** Verwerkingenlogging (issue 7); see docs/privacy.md. */
  verwerking?: VerwerkingSpec | GeenVerwerking;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

export function isVerwerkingSpec(value: OperationSpec['verwerking']): value is VerwerkingSpec {
  return value !== undefined && 'actie' in value;
}

/** A push from the core to the renderer (IPC event or server-sent event). */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
  /**
   * Pushed also while nobody is signed in or the screen is locked (only auth.changed: the lock
   * screen follows it). Every other event is held back then: it may carry personal data, and the
   * window re-reads what it shows after unlocking.
   */
  beforeSignIn?: true;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}
