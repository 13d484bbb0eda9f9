/**
 * The hash chain of the verwerkingenlog. Every action is serialised canonically (keys sorted at
 * every level, JSON without whitespace, so the same content always gives the same bytes) with
 * the hash of the action before it, and hashed with SHA-256. Changing, removing or inserting a
 * row breaks the link to the next one; `verifyChain` finds the first broken link.
 */
import { createHash } from 'node:crypto';

/** The hash before the first action (and before the first kept action when none was pruned). */
export const GENESIS_HASH = '0'.repeat(64);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

export interface VerwerktObject {
  objecttype: 'persoon';
  soortObjectId: string;
  objectId: string;
  betrokkenheid: string;
  verwerkteSoortenGegevens: { soortGegeven: string }[];
}

/** One verwerkingsactie as the VNG Verwerkingenlogging API names its fields, plus its place in the chain. */
export interface Verwerkingsactie {
  seq: number;
  actieId: string;
  actieNaam: string;
  handelingNaam: string;
  verwerkingNaam: string;
  verwerkingId: string;
  verwerkingsactiviteitId: string;
  verwerkingsactiviteitUrl: string | null;
  vertrouwelijkheid: 'normaal' | 'vertrouwelijk' | 'opgeheven';
  bewaartermijn: string;
  uitvoerder: string;
  systeem: string;
  gebruiker: string;
  gegevensbron: string;
  tijdstip: string;
  tijdstipRegistratie: string;
  verwerkteObjecten: VerwerktObject[];
  prevHash: string;
}

export function hashActie(actie: Verwerkingsactie): string {
  return createHash('sha256').update(canonicalJson(actie as unknown as Json)).digest('hex');
}

export interface ChainLink {
  actie: Verwerkingsactie;
  /** The hash stored with the row (null: never sealed). */
  hash: string | null;
}

export type ChainBreak = { seq: number; reden: 'gewijzigd' | 'ontbrekend' | 'verbroken' | 'niet_verzegeld' };

/**
 * Walks the links in seq order from `start` (the anchor, or genesis) and returns the first
 * broken link: a row whose content no longer matches its hash (gewijzigd), a gap in seq (the
 * first missing seq: ontbrekend), a prev_hash that is not the hash of the row before it
 * (verbroken: that row was changed and re-hashed, or replaced), or a row without hash.
 */
export function verifyChain(links: Iterable<ChainLink>, start: { seq: number; hash: string }): { checked: number; broken: ChainBreak | null } {
  let expectedSeq = start.seq + 1;
  let previous = start.hash;
  let checked = 0;
  for (const { actie, hash } of links) {
    if (actie.seq !== expectedSeq) return { checked, broken: { seq: expectedSeq, reden: 'ontbrekend' } };
    if (hash === null) return { checked, broken: { seq: actie.seq, reden: 'niet_verzegeld' } };
    if (hashActie(actie) !== hash) return { checked, broken: { seq: actie.seq, reden: 'gewijzigd' } };
    if (actie.prevHash !== previous) return { checked, broken: { seq: actie.seq, reden: 'verbroken' } };
    previous = hash;
    expectedSeq = actie.seq + 1;
    checked += 1;
  }
  return { checked, broken: null };
}
