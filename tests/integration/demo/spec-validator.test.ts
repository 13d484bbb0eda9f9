import { describe, expect, it } from 'vitest';
import { expectValidAgainstSpec, expectValidRequest } from '../../support/spec-validator';

const u = 'http://127.0.0.1:1/klantinteracties/api/v1';
const fk = (coll: string) => ({ uuid: '7d5f3f55-1b0e-4c51-9a7a-0d4e8a6f0c11', url: `${u}/${coll}/7d5f3f55-1b0e-4c51-9a7a-0d4e8a6f0c11` });

describe('spec validator catches what it should', () => {
  it('rejects a request body without required fields, accepts one without readOnly fields', () => {
    expect(() => expectValidRequest('klantinteracties', 'POST', '/klantcontacten', { onderwerp: 'x' })).toThrow(/kanaal/);
    expect(() => expectValidRequest('klantinteracties', 'POST', '/klantcontacten', { kanaal: 'telefoon', onderwerp: 'x', taal: 'nld', vertrouwelijk: false })).not.toThrow();
  });
  it('enforces maxLength, formats and nullable', () => {
    expect(() => expectValidRequest('klantinteracties', 'POST', '/klantcontacten', { kanaal: 'telefoon', onderwerp: 'x'.repeat(201), taal: 'nld', vertrouwelijk: false })).toThrow();
    expect(() => expectValidRequest('klantinteracties', 'POST', '/betrokkenen', { hadKlantcontact: { uuid: 'geen-uuid' }, rol: 'klant', initiator: true })).toThrow(/uuid/);
    expect(() => expectValidRequest('klantinteracties', 'POST', '/betrokkenen', { hadKlantcontact: fk('klantcontacten'), wasPartij: null, rol: 'klant', initiator: true })).not.toThrow();
  });
  it('uses the discriminator of polymorphic schemas', () => {
    const base = { ...fk('partijen'), betrokkenen: [], categorieRelaties: [], vertegenwoordigden: [], indicatieActief: true };
    expect(() => expectValidAgainstSpec('klantinteracties', 'GET', '/partijen/x', 200, { ...base, soortPartij: 'persoon', partijIdentificatie: { contactnaam: null } })).toThrow(/volledigeNaam/);
    expect(() => expectValidAgainstSpec('klantinteracties', 'GET', '/partijen/x', 200, { ...base, soortPartij: 'persoon', partijIdentificatie: { contactnaam: null, volledigeNaam: '' } })).not.toThrow();
    expect(() => expectValidAgainstSpec('klantinteracties', 'GET', '/partijen/x', 200, { ...base, soortPartij: 'bedrijf' })).toThrow();
  });
  it('checks problem bodies of ZGW errors, also undeclared ones, against Fout', () => {
    const fout = { type: 'x', code: 'not_found', title: 'Niet gevonden.', status: 404, detail: 'Niet gevonden.', instance: 'urn:uuid:1' };
    expect(expectValidAgainstSpec('zaken', 'GET', '/zaken/abc', 404, fout)).toBe('declared');
    expect(expectValidAgainstSpec('zaken', 'GET', '/zaken', 404, fout)).toBe('generic-problem');
    expect(() => expectValidAgainstSpec('zaken', 'POST', '/zaken', 400, fout)).toThrow(/invalidParams/);
    expect(expectValidAgainstSpec('klantinteracties', 'GET', '/partijen', 401, fout)).toBe('undeclared');
    expect(() => expectValidAgainstSpec('zaken', 'GET', '/zaken', 299, {})).toThrow();
  });
});
