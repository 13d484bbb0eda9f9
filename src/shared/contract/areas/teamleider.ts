/**
 * The team leader's view (issue 5): where follow-up of terugbelverzoeken slips, and what the
 * contacts of a period were about. Every number is a count over local rows (callbacks, and the
 * personal-data-free copy of every klantcontact); the tests recount them by brute force.
 */
import { z } from 'zod';
import type { Role } from '../../roles';
import { operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { code, IsoDate, IsoDateTime, LocalId } from '../schemas';

const TEAMLEIDER: readonly Role[] = ['teamleider'];

/** A period of local (Europe/Amsterdam) dates, both inclusive; at most about two years. */
const periodeVelden = {
  van: IsoDate,
  tot: IsoDate,
  /** Only the callbacks of these teams (groep/afdeling codes); absent: every team. */
  teams: z.array(code(100).min(1)).max(50).optional(),
};
const geldigePeriode = <T extends z.ZodType<{ van: string; tot: string }>>(schema: T) =>
  schema
    .refine((p) => p.van <= p.tot, { message: 'De begindatum ligt na de einddatum.', path: ['tot'] })
    .refine((p) => Date.parse(p.tot) - Date.parse(p.van) <= 800 * 86_400_000, { message: 'Kies een periode van hoogstens twee jaar.', path: ['van'] });

const Aantal = z.number().int().nonnegative();
/** A share in percent with one decimal; null when there is nothing to divide by. */
const Percentage = z.number().min(0).max(100).nullable();

export const TeamleiderTegels = z.object({
  open: Aantal,
  vandaagUiterlijk: Aantal,
  teLaat: Aantal,
  /** Callbacks handled in the rolling four weeks (from `normVanaf` up to now) that had a deadline. */
  afgehandeldMetDeadline: Aantal,
  binnenNorm: Aantal,
  binnenNormPercentage: Percentage,
  /** Median werkdagen from receipt to handling over the same four weeks; null when none was handled. */
  mediaanWerkdagen: z.number().nonnegative().nullable(),
  normVanaf: IsoDate,
});

export const TeamleiderRij = z.object({
  /** groep/afdeling code, or the medewerker's e-mail; '' for callbacks not (yet) with anyone. */
  code: z.string(),
  naam: z.string(),
  open: Aantal,
  vandaagUiterlijk: Aantal,
  teLaat: Aantal,
  afgehandeldDezeWeek: Aantal,
});
export type TeamleiderRij = z.infer<typeof TeamleiderRij>;

export const TeamleiderMedewerkerRij = TeamleiderRij.extend({ team: z.string() });

export const TeamleiderWeek = z.object({
  /** Monday of the week (clipped to the period: the first day of it in the period). */
  week: IsoDate,
  weeknummer: z.number().int().min(1).max(53),
  aangemaakt: Aantal,
  afgehandeld: Aantal,
  /** Of the handled ones with a deadline, those handled on or before it. */
  afgehandeldMetDeadline: Aantal,
  binnenNorm: Aantal,
  binnenNormPercentage: Percentage,
});
export type TeamleiderWeek = z.infer<typeof TeamleiderWeek>;

export const Achterstand = z.object({
  id: LocalId,
  onderwerp: z.string().nullable(),
  team: z.string(),
  teamNaam: z.string(),
  medewerker: z.string().nullable(),
  medewerkerNaam: z.string().nullable(),
  aangemaaktOp: IsoDateTime,
  deadline: IsoDate,
  urgentie: z.enum(['vandaag', 'te_laat']),
  /** Werkdagen past the deadline (0: due today). */
  werkdagenTeLaat: Aantal,
});
export type Achterstand = z.infer<typeof Achterstand>;

const Telling = z.object({ waarde: z.string(), aantal: Aantal });

export const TeamleiderContacten = z.object({
  totaal: Aantal,
  kanalen: z.array(Telling),
  /** The most frequent onderwerpen; the rest summed in `overigeOnderwerpen`. */
  onderwerpen: z.array(Telling),
  overigeOnderwerpen: Aantal,
  afdelingen: z.array(Telling),
  /** Gespreksresultaten per week ('' = not recorded). */
  resultaten: z.array(z.object({ week: IsoDate, resultaat: z.string(), aantal: Aantal })),
  directBeantwoord: z.object({
    /** Contacts with gespreksresultaat zelfstandig_afgehandeld. */
    aantal: Aantal,
    /** Contacts with a recorded gespreksresultaat, call-back attempts (terugbelpoging) left out: no question was asked. */
    van: Aantal,
    percentage: Percentage,
    doel: z.number().min(0).max(100),
    /** The same per week of the period. */
    perWeek: z.array(z.object({ week: IsoDate, aantal: Aantal, van: Aantal, percentage: Percentage })),
  }),
  /** When the klantcontacten were last read from the zaaksysteem; false while the first full read runs. */
  bijgewerktOp: IsoDateTime.nullable(),
  volledig: z.boolean(),
  /** Klantcontacten left out of the figures: a moment the werkdagen calendar cannot place (year 1, 9999). */
  overgeslagen: Aantal.default(0),
});

export const TeamleiderOverzicht = z.object({
  periode: z.object({ van: IsoDate, tot: IsoDate }),
  vandaag: IsoDate,
  tegels: TeamleiderTegels,
  groepen: z.array(TeamleiderRij),
  medewerkers: z.array(TeamleiderMedewerkerRij),
  weken: z.array(TeamleiderWeek),
  doelBinnenNorm: z.number().min(0).max(100),
  achterstand: z.array(Achterstand),
  contacten: TeamleiderContacten,
});
export type TeamleiderOverzicht = z.infer<typeof TeamleiderOverzicht>;

/** Every table of the view, as the CSV export knows it. */
export const TEAMLEIDER_TABELLEN = ['tegels', 'groepen', 'medewerkers', 'weken', 'achterstand', 'kanalen', 'onderwerpen', 'afdelingen', 'gespreksresultaten'] as const;
export const TeamleiderTabel = z.enum(TEAMLEIDER_TABELLEN);
export type TeamleiderTabel = z.infer<typeof TeamleiderTabel>;

export const teamleiderOperations = {
  'teamleider.overzicht': operation({
    summary: 'The team leader overview of a period: tiles, per groep and medewerker, weekly series, achterstand and contact volumes.',
    input: geldigePeriode(z.object(periodeVelden).strict()),
    output: TeamleiderOverzicht,
    roles: TEAMLEIDER,
    verwerking: VERWERKING.sturing,
  }),
  'teamleider.export': operation({
    summary: 'One table of the overview as CSV (semicolon-separated, for Dutch spreadsheets); aggregates, never a BSN.',
    input: geldigePeriode(z.object({ tabel: TeamleiderTabel, ...periodeVelden }).strict()),
    output: z.object({ bestandsnaam: z.string(), csv: z.string() }),
    roles: TEAMLEIDER,
    verwerking: VERWERKING.sturing,
  }),
} as const;
