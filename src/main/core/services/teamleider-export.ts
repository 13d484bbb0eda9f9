/**
 * CSV of one table of the team leader's view, exactly the figures on screen. Semicolons and
 * decimal commas, with a BOM: what a Dutch spreadsheet opens as is. Cells that a spreadsheet
 * would run as a formula (=, +, -, @ at the start, e.g. in a free-text onderwerp) are escaped.
 * Aggregates only: no BSN, no citizen's name or contact text is ever in the overview.
 */
import { stringify } from 'csv-stringify/sync';
import type { TeamleiderOverzicht, TeamleiderTabel } from '../../../shared/contract/areas/teamleider';

type Cel = string | number | null;

const getal = (n: number | null): Cel => (n === null ? '' : String(n).replace('.', ','));
const onbekend = (waarde: string): string => (waarde === '' ? '(niet vastgelegd)' : waarde);

function tabel(naam: TeamleiderTabel, o: TeamleiderOverzicht): { kop: string[]; rijen: Cel[][] } {
  switch (naam) {
    case 'tegels': {
      const t = o.tegels;
      const d = o.contacten.directBeantwoord;
      return {
        kop: ['cijfer', 'waarde'],
        rijen: [
          ['Open terugbelverzoeken', t.open],
          ['Vandaag uiterlijk', t.vandaagUiterlijk],
          ['Te laat', t.teLaat],
          [`Afgehandeld met deadline sinds ${t.normVanaf}`, t.afgehandeldMetDeadline],
          [`Binnen de norm afgehandeld sinds ${t.normVanaf}`, t.binnenNorm],
          ['% binnen de norm (4 weken)', getal(t.binnenNormPercentage)],
          ['Mediaan afhandeltijd (werkdagen, 4 weken)', getal(t.mediaanWerkdagen)],
          [`Klantcontacten ${o.periode.van} t/m ${o.periode.tot}`, o.contacten.totaal],
          ['% direct beantwoord', getal(d.percentage)],
          ['Ambitie % direct beantwoord', getal(d.doel)],
        ],
      };
    }
    case 'groepen':
      return {
        kop: ['team', 'naam', 'open', 'vandaag uiterlijk', 'te laat', 'afgehandeld deze week'],
        rijen: o.groepen.map((g) => [g.code, g.naam, g.open, g.vandaagUiterlijk, g.teLaat, g.afgehandeldDezeWeek]),
      };
    case 'medewerkers':
      return {
        kop: ['team', 'medewerker', 'naam', 'open', 'vandaag uiterlijk', 'te laat', 'afgehandeld deze week'],
        rijen: o.medewerkers.map((m) => [m.team, m.code, m.naam, m.open, m.vandaagUiterlijk, m.teLaat, m.afgehandeldDezeWeek]),
      };
    case 'weken':
      return {
        kop: ['week vanaf', 'weeknummer', 'aangemaakt', 'afgehandeld', 'afgehandeld met deadline', 'binnen de norm', '% binnen de norm'],
        rijen: o.weken.map((w) => [w.week, w.weeknummer, w.aangemaakt, w.afgehandeld, w.afgehandeldMetDeadline, w.binnenNorm, getal(w.binnenNormPercentage)]),
      };
    case 'achterstand':
      return {
        kop: ['deadline', 'urgentie', 'werkdagen te laat', 'onderwerp', 'team', 'medewerker', 'aangemaakt op'],
        rijen: o.achterstand.map((a) => [a.deadline, a.urgentie === 'te_laat' ? 'te laat' : 'vandaag', a.werkdagenTeLaat, a.onderwerp, a.teamNaam, a.medewerkerNaam, a.aangemaaktOp]),
      };
    case 'kanalen':
      return { kop: ['kanaal', 'aantal'], rijen: o.contacten.kanalen.map((k) => [k.waarde, k.aantal]) };
    case 'onderwerpen':
      return {
        kop: ['onderwerp', 'aantal'],
        rijen: [...o.contacten.onderwerpen.map((k): Cel[] => [k.waarde, k.aantal]), ['(overige onderwerpen)', o.contacten.overigeOnderwerpen]],
      };
    case 'afdelingen':
      return { kop: ['afdeling', 'aantal'], rijen: o.contacten.afdelingen.map((k) => [onbekend(k.waarde), k.aantal]) };
    case 'gespreksresultaten':
      return { kop: ['week vanaf', 'gespreksresultaat', 'aantal'], rijen: o.contacten.resultaten.map((r) => [r.week, onbekend(r.resultaat), r.aantal]) };
  }
}

export function teamleiderCsv(naam: TeamleiderTabel, overzicht: TeamleiderOverzicht): string {
  const { kop, rijen } = tabel(naam, overzicht);
  return stringify([kop, ...rijen], { delimiter: ';', bom: true, escape_formulas: true, record_delimiter: 'windows' });
}
