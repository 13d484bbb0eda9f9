/** The kanaal a new contact starts with follows the workstation, then the role (issue 13). */
import { describe, expect, it } from 'vitest';
import { KlantbeeldConfig } from '../../../src/main/core/config/schema';
import { standaardKanaal } from '../../../src/main/core/services/app';

describe('standaardKanaal', () => {
  it('gives a balie clerk "balie" and a KCC agent "telefoon" by default', () => {
    const config = KlantbeeldConfig.parse({});
    expect(standaardKanaal(config, ['balie'])).toBe('balie');
    expect(standaardKanaal(config, ['kcc'])).toBe('telefoon');
    expect(standaardKanaal(config, ['teamleider'])).toBe('telefoon');
  });

  it('lets the workstation win over the role, and ignores a kanaal that is not configured', () => {
    const desk = KlantbeeldConfig.parse({ kanaal: { standaard: { werkplek: 'balie' } } });
    expect(standaardKanaal(desk, ['kcc'])).toBe('balie');
    const odd = KlantbeeldConfig.parse({ kanalen: ['telefoon', 'e-mail'], kanaal: { standaard: { werkplek: 'balie', rollen: { kcc: 'e-mail' } } } });
    expect(standaardKanaal(odd, ['kcc'])).toBe('e-mail');
    expect(standaardKanaal(odd, ['balie'])).toBe('telefoon');
  });

  it('refuses a role the app does not know', () => {
    expect(KlantbeeldConfig.safeParse({ kanaal: { standaard: { rollen: { baliemedewerker: 'balie' } } } }).success).toBe(false);
  });
});
