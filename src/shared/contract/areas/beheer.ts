/**
 * Beheer (functioneel beheer): the werkdagen calendar of the municipality. The beheerder sees
 * a year's holidays, closures and servicenormen and maintains the sluitingsdagen; they are
 * stored in klantbeeld.config.json and count for every deadline at once.
 */
import { z } from 'zod';
import type { Role } from '../../roles';
import { KALENDER_JAREN, KalenderDatum, Kloktijd, Sluitingsdag } from '../../kalender';
import { operation } from '../define';

const BEHEERDER: readonly Role[] = ['beheerder'];
const GEEN_PERSOONSGEGEVENS = { geen: 'Werkdagenkalender en servicenormen van de gemeente; geen persoonsgegevens.' } as const;

export const KalenderDagItem = z.object({
  datum: KalenderDatum,
  naam: z.string(),
  soort: z.enum(['feestdag', 'sluitingsdag']),
});
export type KalenderDagItem = z.infer<typeof KalenderDagItem>;

export const KalenderOverzicht = z.object({
  jaar: z.number().int(),
  /** Days off in the year by date: public holidays (date-holidays) and the municipality's closures. */
  dagen: z.array(KalenderDagItem),
  /** Werkdagen in the year (Monday–Friday minus the days off). */
  werkdagen: z.number().int(),
  bevrijdingsdagVrij: z.boolean(),
  goedeVrijdagVrij: z.boolean(),
  normen: z.object({
    terugbellenWerkdagen: z.number().int(),
    sluitTijd: Kloktijd,
    /** Teams whose norm differs, with their name from terugbelTeams when known. */
    perTeam: z.array(z.object({ code: z.string(), naam: z.string(), werkdagen: z.number().int() })),
  }),
  bereik: z.object({ van: z.number().int(), tot: z.number().int() }),
});
export type KalenderOverzicht = z.infer<typeof KalenderOverzicht>;

const Jaar = z
  .number({ message: 'Kies een jaar.' })
  .int({ message: 'Kies een jaar.' })
  .min(KALENDER_JAREN.van, { message: `Kies een jaar vanaf ${KALENDER_JAREN.van}.` })
  .max(KALENDER_JAREN.tot, { message: `Kies een jaar tot en met ${KALENDER_JAREN.tot}.` });

export const beheerOperations = {
  'beheer.kalender': operation({
    summary: 'The werkdagen calendar of a year: holidays, sluitingsdagen and the servicenormen.',
    input: z.object({ jaar: Jaar }).strict(),
    output: KalenderOverzicht,
    roles: BEHEERDER,
    verwerking: GEEN_PERSOONSGEGEVENS,
  }),
  'beheer.sluitingsdagToevoegen': operation({
    summary: 'Add a day the municipality is closed; deadlines count without it at once. Answers with that year.',
    input: Sluitingsdag.strict(),
    output: KalenderOverzicht,
    roles: BEHEERDER,
    verwerking: GEEN_PERSOONSGEGEVENS,
  }),
  'beheer.sluitingsdagVerwijderen': operation({
    summary: 'Remove a sluitingsdag: the day is a werkdag again (unless a weekend or holiday). Answers with that year.',
    input: z.object({ datum: KalenderDatum }).strict(),
    output: KalenderOverzicht,
    roles: BEHEERDER,
    verwerking: GEEN_PERSOONSGEGEVENS,
  }),
} as const;
