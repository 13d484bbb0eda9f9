/**
 * The toelichting of an interne taak as Klantbeeld writes it. Open Klant 2 has no field for a
 * preferred moment, a team's question set or the history of forwards, so they travel as
 * readable lines below a marker, after the clerk's own note:
 *
 *   Graag na 15:00 bellen, klant is slechthorend.
 *   --- Klantbeeld ---
 *   Voorkeursmoment: dinsdag 1 december 2026, ochtend
 *   Adres van het perceel: Dorpsstraat 12
 *   » Doorgestuurd naar Team Vergunningen (Bianca de Vries, 28-11-2026): gaat over een dakkapel
 *
 * Every machine reads the voorkeursmoment and the answers back from it; a colleague using
 * another application reads the same lines. The field holds at most 1000 characters: a change
 * that would not fit is refused, never cut.
 */
export const TOELICHTING_MAX = 1000;
export const MARKER = '--- Klantbeeld ---';
const VOORKEUR = 'Voorkeursmoment: ';
const LOG = '» ';

export interface ToelichtingDelen {
  /** The clerk's note, as typed. */
  notitie: string;
  voorkeurMoment: string | null;
  antwoorden: { vraag: string; antwoord: string }[];
  /** Log lines (forwards, results), without their prefix. */
  regels: string[];
}

/** One line of text: newlines would break the structure. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function composeToelichting(notitie: string, voorkeurMoment: string | null, antwoorden: readonly { vraag: string; antwoord: string }[]): string {
  const lines = [
    ...(voorkeurMoment ? [`${VOORKEUR}${oneLine(voorkeurMoment)}`] : []),
    ...antwoorden.map((a) => `${oneLine(a.vraag).replace(/:/g, '')}: ${oneLine(a.antwoord)}`),
  ];
  return lines.length === 0 ? notitie : [notitie.trimEnd(), MARKER, ...lines].join('\n');
}

/** The toelichting with one log line added (the marker first when there is none yet). */
export function appendRegel(toelichting: string, regel: string): string {
  const line = `${LOG}${oneLine(regel)}`;
  const hasMarker = toelichting.split('\n').includes(MARKER);
  return [toelichting.trimEnd(), ...(hasMarker ? [] : [MARKER]), line].join('\n');
}

export function parseToelichting(text: string): ToelichtingDelen {
  const lines = text.split('\n');
  const at = lines.indexOf(MARKER);
  if (at < 0) return { notitie: text, voorkeurMoment: null, antwoorden: [], regels: [] };
  const out: ToelichtingDelen = { notitie: lines.slice(0, at).join('\n'), voorkeurMoment: null, antwoorden: [], regels: [] };
  for (const line of lines.slice(at + 1)) {
    if (line.startsWith(VOORKEUR)) out.voorkeurMoment = line.slice(VOORKEUR.length).trim() || null;
    else if (line.startsWith(LOG)) out.regels.push(line.slice(LOG.length));
    else {
      const colon = line.indexOf(': ');
      if (colon > 0) out.antwoorden.push({ vraag: line.slice(0, colon), antwoord: line.slice(colon + 2) });
      else if (line.trim()) out.regels.push(line);
    }
  }
  return out;
}

/** The line `handle` adds: "Afgehandeld: Klant geholpen (Kevin Mulder, 28-11-2026)". */
export const afhandelRegel = (resultaat: string, door: string, datum: string) => `${AFGEHANDELD}${resultaat} (${door}, ${datum})`;
const AFGEHANDELD = 'Afgehandeld: ';

/** A callback handled on another machine: its result from the toelichting's last "Afgehandeld: …" line. */
export function resultaatUit(toelichting: string): string | null {
  const regel = [...parseToelichting(toelichting).regels].reverse().find((r) => r.startsWith(AFGEHANDELD));
  return regel ? regel.slice(AFGEHANDELD.length).replace(/ \([^)]*\)$/, '') : null;
}

/** What the clerk sees as the toelichting: the note and the log lines (the rest has its own fields). */
export function toelichtingVoorMedewerker(delen: ToelichtingDelen): string {
  return [delen.notitie.trimEnd(), ...delen.regels.map((r) => `${LOG}${r}`)].filter((l) => l.length > 0).join('\n');
}

/** The refusal when a toelichting would grow beyond what Open Klant 2 holds. */
export function tooLongMessage(length: number, hint = 'Maak de reden korter.'): string {
  return `De toelichting van dit terugbelverzoek zou ${length} tekens worden; het zaaksysteem bewaart er maximaal ${TOELICHTING_MAX}. ${hint}`;
}
