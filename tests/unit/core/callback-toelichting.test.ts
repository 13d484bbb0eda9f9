/** The toelichting lines Klantbeeld writes into an interne taak, and reading them back. */
import { describe, expect, it } from 'vitest';
import { afhandelRegel, appendRegel, composeToelichting, MARKER, parseToelichting, resultaatUit, toelichtingVoorMedewerker } from '../../../src/main/core/callbacks/toelichting';
import { voorkeurAlsTekst } from '../../../src/main/core/callbacks/vragenset';

describe('the toelichting of a callback', () => {
  it('is the note alone when there is nothing structured', () => {
    expect(composeToelichting('Bel na vieren.', null, [])).toBe('Bel na vieren.');
    expect(parseToelichting('Bel na vieren.')).toEqual({ notitie: 'Bel na vieren.', voorkeurMoment: null, antwoorden: [], regels: [] });
  });

  it('reads back the voorkeursmoment, the answers and the log lines it wrote, whatever the note holds', () => {
    const note = 'Klant zegt: "bel me: na vieren".\nTweede regel.';
    let text = composeToelichting(note, 'na 15:00\n(liefst)', [
      { vraag: 'Adres: perceel', antwoord: 'Dorpsstraat 1' },
      { vraag: 'Spoed', antwoord: 'ja' },
    ]);
    text = appendRegel(text, 'Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026): gaat\nover een dakkapel');
    text = appendRegel(text, afhandelRegel('Klant geholpen', 'Kevin Mulder', '30-11-2026'));
    expect(text.split('\n').filter((l) => l === MARKER)).toHaveLength(1);
    const delen = parseToelichting(text);
    expect(delen).toEqual({
      notitie: note,
      voorkeurMoment: 'na 15:00 (liefst)',
      antwoorden: [
        { vraag: 'Adres perceel', antwoord: 'Dorpsstraat 1' },
        { vraag: 'Spoed', antwoord: 'ja' },
      ],
      regels: ['Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026): gaat over een dakkapel', 'Afgehandeld: Klant geholpen (Kevin Mulder, 30-11-2026)'],
    });
    expect(toelichtingVoorMedewerker(delen)).toBe(`${note}\n» Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026): gaat over een dakkapel\n» Afgehandeld: Klant geholpen (Kevin Mulder, 30-11-2026)`);
    expect(resultaatUit(text)).toBe('Klant geholpen');
  });

  it('adds the marker before the first log line of a taak written elsewhere', () => {
    expect(appendRegel('Van een ander systeem.', 'Heropend (Bianca de Vries, 01-12-2026): klant belt terug')).toBe(
      `Van een ander systeem.\n${MARKER}\n» Heropend (Bianca de Vries, 01-12-2026): klant belt terug`,
    );
    expect(resultaatUit('Van een ander systeem.')).toBeNull();
  });

  it('takes the last result after a reopen and a second handling', () => {
    let text = appendRegel('', afhandelRegel('Vraag beantwoord', 'Kevin Mulder', '30-11-2026'));
    text = appendRegel(text, 'Heropend (Bianca de Vries, 01-12-2026): klant belt terug');
    text = appendRegel(text, afhandelRegel('Doorverwezen', 'Bianca de Vries', '02-12-2026'));
    expect(resultaatUit(text)).toBe('Doorverwezen');
  });

  it('writes a structured voorkeursmoment as Dutch words', () => {
    expect(voorkeurAlsTekst({ datum: '2026-12-01', dagdeel: 'ochtend' })).toBe('dinsdag 1 december 2026, ochtend');
    expect(voorkeurAlsTekst('na 15:00')).toBe('na 15:00');
  });
});
