/** The `»` lines of a toelichting read back as history: who, when, what, reason; known by a key. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logRegels, regelMoment } from '../../../src/main/core/callbacks/log-regels';
import { afhandelRegel, appendRegel } from '../../../src/main/core/callbacks/toelichting';
import { Store } from '../../../src/main/core/store';
import { tempDir } from '../../support/tmp';

const text = [
  'Bel na vieren.',
  '--- Klantbeeld ---',
  'Voorkeursmoment: na 15:00',
  '» Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026 14:05): gaat over (een) dakkapel',
  `» ${afhandelRegel('Klant geholpen', 'Kevin Mulder', '30-06-2026 09:15')}`,
  '» Heropend (Sanne van Dijk, 01-07-2026): klant belde opnieuw',
  '» Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026 14:05): gaat over (een) dakkapel',
].join('\n');

describe('log lines as history', () => {
  it('reads who, when (Amsterdam, winter and summer time; a date alone is noon), what and the reason', () => {
    const regels = logRegels('cb-1', text);
    expect(regels.map(({ key: _key, ...r }) => r)).toEqual([
      { soort: 'doorgestuurd', door: 'Bianca de Vries', at: '2026-11-28T13:05:00.000Z', datum: '2026-11-28', naar: 'Team Vergunningen', uitkomst: null, reden: 'gaat over (een) dakkapel' },
      { soort: 'afgehandeld', door: 'Kevin Mulder', at: '2026-06-30T07:15:00.000Z', datum: '2026-06-30', naar: null, uitkomst: 'Klant geholpen', reden: '' },
      { soort: 'heropend', door: 'Sanne van Dijk', at: '2026-07-01T10:00:00.000Z', datum: '2026-07-01', naar: null, uitkomst: null, reden: 'klant belde opnieuw' },
      { soort: 'doorgestuurd', door: 'Bianca de Vries', at: '2026-11-28T13:05:00.000Z', datum: '2026-11-28', naar: 'Team Vergunningen', uitkomst: null, reden: 'gaat over (een) dakkapel' },
    ]);
    // The same line twice is two changes; the same text on another callback another key.
    expect(new Set(regels.map((r) => r.key)).size).toBe(4);
    expect(logRegels('cb-2', text)[0]!.key).not.toBe(regels[0]!.key);
    expect(logRegels('cb-1', text).map((r) => r.key)).toEqual(regels.map((r) => r.key));
    expect(regelMoment('2026-11-28T13:05:59.000Z')).toBe('28-11-2026 14:05');
  });

  it('become history lines once, and a line of a change made here claims its own history line', () => {
    const dir = tempDir();
    const store = Store.open(join(dir.path, 'kb.sqlite'));
    try {
      const id = store.transaction(() =>
        store.callbacks.addLocal({
          customerId: null, contactId: 'c-1', klantNaam: 'Bert', onderwerp: 'Paspoort', vraag: 'Terugbellen', toelichting: 'Bel na vieren.', toegewezenAan: [], aangemaaktOp: '2026-11-28T08:00:00.000Z',
          team: 'KCC', medewerker: null, normWerkdagen: 2, deadline: '2026-12-01', telefoonnummers: [], emailadressen: [], voorkeurMoment: null, antwoorden: [], queues: [], meldingen: [], door: { naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' },
        }),
      );
      // Bianca forwarded it here (her history line, its toelichting line); Kevin handled it elsewhere.
      store.callbacks.history.add({ callbackId: id, at: '2026-11-28T13:05:41.000Z', soort: 'doorgestuurd', door: { naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl' }, naar: { soort: 'groep', code: 'VERG', naam: 'Team Vergunningen' }, notitie: 'gaat over\neen dakkapel' });
      let toelichting = appendRegel('Bel na vieren.', 'Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026 14:05): gaat over\neen dakkapel');
      toelichting = appendRegel(toelichting, afhandelRegel('Klant geholpen', 'Kevin Mulder', '28-11-2026 14:05'));
      store.callbacks.history.mergeLogRegels(id, toelichting);
      store.callbacks.history.mergeLogRegels(id, toelichting);
      const rows = store.callbacks.history.list(id).map((e) => [e.soort, e.door_naam, e.at, e.uitkomst]);
      expect(rows).toEqual([
        ['aangemaakt', 'Bianca de Vries', '2026-11-28T08:00:00.000Z', null],
        ['doorgestuurd', 'Bianca de Vries', '2026-11-28T13:05:41.000Z', null],
        // "14:05" is before Bianca's forward at 14:05:41, but the line comes after hers.
        ['afgehandeld', 'Kevin Mulder', '2026-11-28T13:05:41.000Z', 'Klant geholpen'],
      ]);
    } finally {
      store.close();
      dir.remove();
    }
  });
});
