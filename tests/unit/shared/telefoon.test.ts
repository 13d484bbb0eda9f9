import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';
import { compactTelefoon, TELEFOON_ONGELDIG, TELEFOON_SERVICENUMMER, telefoonProbleem, telefoonVoorOpenKlant } from '../../../src/shared/telefoon';
import { fitMetadata, klantinteractiesCapabilities } from '../../../src/main/core/adapters/zgw/server-versions';

describe('phone numbers as Open Klant accepts them', () => {
  it('normalises what clerks type to what Open Klant stores', () => {
    expect(telefoonVoorOpenKlant('06-12345678')).toBe('0612345678');
    expect(telefoonVoorOpenKlant('+31 (0)6 1234 5678')).toBe('+31612345678');
    expect(telefoonVoorOpenKlant('(0512) 14 05 12')).toBe('0512140512');
    expect(compactTelefoon(' 0031 6.1234.5678 ')).toBe('0031612345678');
  });

  it('refuses what can never be sent, with a Dutch reason', () => {
    expect(telefoonProbleem('000000')).toBe(TELEFOON_ONGELDIG);
    expect(telefoonProbleem('061234567')).toBe(TELEFOON_ONGELDIG);
    expect(telefoonProbleem('0900-1234567')).toBe(TELEFOON_SERVICENUMMER);
    expect(telefoonProbleem('0800 0123456')).toBe(TELEFOON_SERVICENUMMER);
    expect(telefoonProbleem('14050')).toBe(TELEFOON_SERVICENUMMER);
    expect(telefoonVoorOpenKlant('')).toBeNull();
  });

  it('the contract refuses such numbers at the door, at the field (caller and callback numbers)', () => {
    const finish = contract['contacts.finish'].input;
    const base = { draftId: '0b9c1f7e-4a53-4c1e-9d61-2f0a8e6b7c11', customerId: null, kanaal: 'telefoon', startedAt: '2026-12-07T10:00:00.000Z', vragen: [{ onderwerp: 'x' }] };
    const bad = finish.safeParse({ ...base, bellerNummer: '000000' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.find((i) => i.path[0] === 'bellerNummer')?.message).toBe(TELEFOON_ONGELDIG);
    const ok = finish.safeParse({ ...base, bellerNummer: '06-12345678' });
    expect(ok.error?.issues.find((i) => i.path[0] === 'bellerNummer')).toBeUndefined();

    const create = contract['callbacks.create'].input;
    const callback = { customerId: '5d2e8a41-7c3b-4f09-8e12-6a9b0c1d2e3f', kanaal: 'telefoon', onderwerp: 'x', toegewezenAan: [{ soort: 'groep', code: 'KCC' }] };
    const service = create.safeParse({ ...callback, telefoonnummers: ['0900-8844'] });
    expect(service.error?.issues.find((i) => i.path.join('.') === 'telefoonnummers.0')?.message).toBe(TELEFOON_SERVICENUMMER);
    expect(create.safeParse({ ...callback, telefoonnummers: ['+31 6 1234 5678'] }).success).toBe(true);
  });
});

describe('Open Klant versions (API-version header)', () => {
  it('refuses writes to an Open Klant before 2.16 (no metadata) or one that says no version, for the beheerder', () => {
    for (const version of ['0.0.3', '0.6.0', null]) {
      let error: unknown = null;
      try {
        klantinteractiesCapabilities(version);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ kind: 'permanent', forBeheerder: true, message: expect.stringMatching(/Open Klant is te oud/) });
    }
  });

  it('knows the metadata limit: 100 characters in 2.16-2.17, 255 from 2.18', () => {
    expect(klantinteractiesCapabilities('0.7.0').metadataMax).toBe(100);
    expect(klantinteractiesCapabilities('0.8.0').metadataMax).toBe(100);
    expect(klantinteractiesCapabilities('0.9.0').metadataMax).toBe(255);
    expect(klantinteractiesCapabilities('0.10.0').metadataMax).toBe(255);
  });

  it('fits metadata within the limit, kennisartikelen by whole ids', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `artikel-${String(i).padStart(3, '0')}`).join(',');
    const fitted = fitMetadata({ klantbeeldKey: 'k', kennisartikelen: ids }, 100);
    expect(fitted.kennisartikelen!.length).toBeLessThanOrEqual(100);
    expect(ids.startsWith(fitted.kennisartikelen!)).toBe(true);
    expect(fitted.kennisartikelen!.split(',').every((id) => /^artikel-\d{3}$/.test(id))).toBe(true);
    expect(fitMetadata({ klantbeeldKey: 'k', kennisartikelen: ids }, 255)).toEqual({ klantbeeldKey: 'k', kennisartikelen: ids });
  });
});
