import type { Vraag, VoorkeurMoment } from '../../../shared/contract/areas/callbacks';
import { ServiceError } from '../errors';

/** "dinsdag 1 december 2026, ochtend": a structured voorkeursmoment as a colleague in any application reads it. */
export function voorkeurAlsTekst(moment: VoorkeurMoment): string {
  if (typeof moment === 'string') return moment;
  const datum = new Date(`${moment.datum}T12:00:00Z`).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${datum}, ${moment.dagdeel}`;
}

/**
 * The answers to a team's vragenset (the short form the beheerder defines per team), checked
 * against it: known questions only, the right type (a checkbox is yes/no, a choice one of its
 * options, short text at most 200 characters), the required ones given. Returns them as the
 * callback keeps them: the question's label and the answer as text; unanswered ones left out.
 */
export function checkAntwoorden(set: readonly Vraag[], answers: readonly { vraagId: string; antwoord: string | boolean }[]): { vraag: string; antwoord: string }[] {
  const issues: { path: string; message: string }[] = [];
  const given = new Map(answers.map((a) => [a.vraagId, a.antwoord]));
  for (const id of given.keys()) {
    if (!set.some((v) => v.id === id)) issues.push({ path: `antwoorden.${id}`, message: 'Deze vraag hoort niet bij het gekozen team.' });
  }
  const out: { vraag: string; antwoord: string }[] = [];
  for (const vraag of set) {
    const antwoord = given.get(vraag.id);
    const path = `antwoorden.${vraag.id}`;
    if (vraag.type === 'vinkje') {
      if (antwoord !== undefined && typeof antwoord !== 'boolean') issues.push({ path, message: 'Verwacht ja of nee.' });
      else if (antwoord === undefined && vraag.verplicht) issues.push({ path, message: `Beantwoord "${vraag.label}".` });
      else if (antwoord !== undefined) out.push({ vraag: vraag.label, antwoord: antwoord ? 'ja' : 'nee' });
      continue;
    }
    const text = typeof antwoord === 'string' ? antwoord.trim() : '';
    if (antwoord !== undefined && typeof antwoord !== 'string') issues.push({ path, message: 'Verwacht tekst.' });
    else if (!text && vraag.verplicht) issues.push({ path, message: `Beantwoord "${vraag.label}".` });
    else if (vraag.type === 'keuze' && text && !vraag.opties.includes(text)) issues.push({ path, message: `Kies een van: ${vraag.opties.join(', ')}.` });
    else if (vraag.type === 'kort' && text.length > 200) issues.push({ path, message: 'Maximaal 200 tekens.' });
    else if (text) out.push({ vraag: vraag.label, antwoord: text });
  }
  if (issues.length > 0) throw new ServiceError('invalid_input', 'De antwoorden op de vragen van het team kloppen niet.', issues);
  return out;
}
