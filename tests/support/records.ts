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
