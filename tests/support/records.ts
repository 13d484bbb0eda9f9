import type { CustomerRecord } from '../../src/main/core/store/records';

export function person(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    sourceUrl: `http://zs.test/klantinteracties/api/v1/partijen/${Math.random().toString(16).slice(2)}`,
    soort: 'persoon',
    naam: 'Bert Burger',
    bsn: '999993653',
    kvkNummer: null,
    vestigingsnummer: null,
    adres: 'Turfstraat 12, 9999 AA Turfbrug',
    telefoonnummers: ['0612345678'],
    emailadressen: ['bert.burger@example.nl'],
    geheimhouding: false,
    ...overrides,
  };
}

/** A half-typed contact draft (drafts.save input) of an unknown caller, one vraag with this inhoud. */
export const draftInput = (id: string, inhoud: string) => ({
  id,
  customerId: null,
  customerNaam: null,
  kanaal: 'telefoon',
  bellerNaam: 'Onbekende beller',
  bellerNummer: '0612345678',
  startedAt: new Date().toISOString(),
  vragen: [{ key: 'v1', onderwerp: 'Afval', inhoud, gespreksresultaat: '', afdeling: '', zaakIds: [] }],
});
