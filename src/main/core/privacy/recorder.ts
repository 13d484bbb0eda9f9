/**
 * Writes a verwerkingsactie for every successful call of an operation whose contract declares a
 * `verwerking` (src/shared/contract/define.ts). The persons are found from the declared paths:
 * input paths before the handler runs (a person being forgotten is still known then), output
 * paths after it. A local id becomes the person's BSN, or KvK-nummer for an organisation.
 */
import { randomUUID } from 'node:crypto';
import { contract, type OperationName, type UserInfo } from '../../../shared/contract';
import { isVerwerkingSpec, type VerwerkingSpec, type VerwerktObjectBron } from '../../../shared/contract/define';
import { VERWERKINGSACTIVITEITEN } from '../../../shared/contract/verwerkingsactiviteiten';
import type { VerwerkingHook } from '../dispatcher';
import type { Store } from '../store';
import type { VerwerktObject } from './chain';

export interface RecorderOptions {
  /** OIN of the municipality (VNG `uitvoerder`). */
  uitvoerder: string;
  /** VNG `systeem`, e.g. "Klantbeeld 1.4.0". */
  systeem: string;
  /** Base URL of the register of verwerkingsactiviteiten; the activiteit's id is appended. */
  activiteitenUrl: string | null;
  /** Off only for the bench's side-by-side figure. */
  enabled?: boolean;
}

const DEFAULT_GEGEVENSBRON = 'Open Klant en Open Zaak (cache in Klantbeeld)';

type Person = Pick<VerwerktObject, 'soortObjectId' | 'objectId'>;

/** `input.customerId` / `output.contacts[].customerId` → the values at that path. */
export function valuesAt(root: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path) {
    const many = segment.endsWith('[]');
    const key = many ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      if (many) {
        if (Array.isArray(child)) next.push(...(child as unknown[]));
      } else if (child !== undefined && child !== null) next.push(child);
    }
    current = next;
  }
  return current;
}

interface CompiledBron {
  bron: VerwerktObjectBron;
  side: 'input' | 'output';
  path: string[];
}

export class VerwerkingenRecorder implements VerwerkingHook {
  private readonly compiled = new Map<OperationName, { spec: VerwerkingSpec; bronnen: CompiledBron[] } | null>();
  private readonly klantStmt;
  private readonly zaakStmt;
  private readonly callbackStmt;

  constructor(
    private readonly store: Store,
    private readonly options: RecorderOptions,
  ) {
    this.klantStmt = store.db.prepare<[string], { soort: string; bsn: string | null; kvk_nummer: string | null; source_url: string }>(
      'SELECT soort, bsn, kvk_nummer, source_url FROM customers WHERE id = ?',
    );
    this.zaakStmt = store.db.prepare<[string], { customer_id: string }>('SELECT customer_id FROM zaken WHERE id = ?');
    this.callbackStmt = store.db.prepare<[string], { customer_id: string | null }>('SELECT customer_id FROM callbacks WHERE id = ?');
  }

  private compile(operation: OperationName) {
    if (!this.compiled.has(operation)) {
      const spec = (contract[operation] as { verwerking?: Parameters<typeof isVerwerkingSpec>[0] }).verwerking;
      this.compiled.set(
        operation,
        isVerwerkingSpec(spec)
          ? {
              spec,
              bronnen: spec.objecten.map((bron) => {
                const [side, ...path] = bron.pad.split('.');
                if (side !== 'input' && side !== 'output') throw new Error(`verwerking of ${operation}: pad must start with input. or output. (${bron.pad})`);
                return { bron, side, path };
              }),
            }
          : null,
      );
    }
    return this.compiled.get(operation)!;
  }

  begin(operation: OperationName, input: unknown, user: UserInfo): ((output: unknown) => void) | null {
    if (this.options.enabled === false) return null;
    const compiled = this.compile(operation);
    if (!compiled) return null;
    const tijdstip = new Date().toISOString();
    const objecten = new Map<string, VerwerktObject>();
    const collect = (side: 'input' | 'output', root: unknown) => {
      for (const { bron, path } of compiled.bronnen.filter((b) => b.side === side)) {
        for (const value of valuesAt(root, path)) {
          for (const person of this.resolve(bron.soort, value)) {
            const key = `${person.soortObjectId}:${person.objectId}`;
            const existing = objecten.get(key);
            const soorten = bron.soortenGegevens.map((soortGegeven) => ({ soortGegeven }));
            if (existing) {
              const known = new Set(existing.verwerkteSoortenGegevens.map((s) => s.soortGegeven));
              existing.verwerkteSoortenGegevens.push(...soorten.filter((s) => !known.has(s.soortGegeven)));
            } else {
              objecten.set(key, { objecttype: 'persoon', ...person, betrokkenheid: bron.betrokkenheid, verwerkteSoortenGegevens: soorten });
            }
          }
        }
      }
    };
    collect('input', input);
    return (output) => {
      collect('output', output);
      if (objecten.size === 0) return;
      this.write(compiled.spec, [...objecten.values()], user, tijdstip);
    };
  }

  /** A question to a basisregistratie (a BRP query, issue 12) outside the operations' declarations: the persons it returned, by BSN. */
  recordQuery(spec: VerwerkingSpec, bsns: readonly string[], soortenGegevens: readonly string[], user: UserInfo): void {
    if (this.options.enabled === false || bsns.length === 0) return;
    const verwerkteSoortenGegevens = soortenGegevens.map((soortGegeven) => ({ soortGegeven }));
    const objecten = [...new Set(bsns)].map((objectId): VerwerktObject => ({ objecttype: 'persoon', soortObjectId: 'BSN', objectId, betrokkenheid: 'klant', verwerkteSoortenGegevens }));
    this.write(spec, objecten, user, new Date().toISOString());
  }

  private write(spec: VerwerkingSpec, objecten: VerwerktObject[], user: UserInfo, tijdstip: string): void {
    const activiteit = VERWERKINGSACTIVITEITEN[spec.activiteit];
    this.store.verwerkingen.append({
      actieId: randomUUID(),
      actieNaam: spec.actie,
      handelingNaam: spec.handeling,
      verwerkingNaam: activiteit.naam,
      verwerkingId: randomUUID(),
      verwerkingsactiviteitId: activiteit.id,
      verwerkingsactiviteitUrl: this.options.activiteitenUrl ? `${this.options.activiteitenUrl.replace(/\/$/, '')}/${activiteit.id}` : null,
      vertrouwelijkheid: spec.vertrouwelijkheid,
      bewaartermijn: spec.bewaartermijn,
      uitvoerder: this.options.uitvoerder,
      systeem: this.options.systeem,
      gebruiker: user.id,
      gegevensbron: spec.gegevensbron ?? DEFAULT_GEGEVENSBRON,
      tijdstip,
      tijdstipRegistratie: new Date().toISOString(),
      verwerkteObjecten: objecten,
    });
  }

  /** A local id → the person(s) it is about, as the Verwerkingenlogging identifies them. */
  private resolve(soort: VerwerktObjectBron['soort'], value: unknown): Person[] {
    if (soort === 'verwerkingsactie') {
      return typeof value === 'number' ? (this.store.verwerkingen.get(value)?.verwerkteObjecten ?? []).map(({ soortObjectId, objectId }) => ({ soortObjectId, objectId })) : [];
    }
    if (typeof value !== 'string') return [];
    if (soort === 'bsn') return [{ soortObjectId: 'BSN', objectId: value }];
    if (soort === 'klant') return this.klant(value);
    if (soort === 'zaak') {
      const zaak = this.zaakStmt.get(value);
      return zaak ? this.klant(zaak.customer_id) : [];
    }
    const callback = this.callbackStmt.get(value);
    if (!callback) return [];
    // An unknown caller has no BSN: the terugbelverzoek itself identifies whom it was about.
    return callback.customer_id ? this.klant(callback.customer_id) : [{ soortObjectId: 'KLANTBEELD_TERUGBELVERZOEK', objectId: value }];
  }

  private klant(customerId: string): Person[] {
    const row = this.klantStmt.get(customerId);
    if (!row) return [];
    if (row.bsn) return [{ soortObjectId: 'BSN', objectId: row.bsn }];
    if (row.kvk_nummer) return [{ soortObjectId: 'KVK', objectId: row.kvk_nummer }];
    // Neither: the partij's uuid in Open Klant (the last part of its URL; objectId holds at most 40 characters).
    return [{ soortObjectId: 'OPENKLANT_PARTIJ', objectId: row.source_url.split('/').filter(Boolean).at(-1)!.slice(0, 40) }];
  }
}
