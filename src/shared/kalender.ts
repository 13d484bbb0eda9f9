/**
 * Shapes of the werkdagen calendar shared by the configuration (core) and the beheer contract:
 * a sluitingsdag is a date the municipality is closed, with what it is for.
 */
import { z } from 'zod';

/** The years the werkdagen calendar covers (src/main/core/calendar/werkdagen.ts). */
export const KALENDER_JAREN = { van: 2000, tot: 2100 } as const;

export const KalenderDatum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Gebruik een datum als JJJJ-MM-DD.' })
  .refine((d) => {
    const [y = 0, m = 0, dag = 0] = d.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, dag));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === dag;
  }, { message: 'Deze datum bestaat niet.' })
  .refine((d) => {
    const y = Number(d.slice(0, 4));
    return y >= KALENDER_JAREN.van && y <= KALENDER_JAREN.tot;
  }, { message: `Kies een datum tussen ${KALENDER_JAREN.van} en ${KALENDER_JAREN.tot}.` });

export const Sluitingsdag = z.object({
  datum: KalenderDatum,
  omschrijving: z
    .string()
    .trim()
    .min(1, { message: 'Geef een omschrijving, bijvoorbeeld "Vrijdag na Hemelvaart".' })
    .max(100, { message: 'De omschrijving is hooguit 100 tekens.' }),
});
export type Sluitingsdag = z.infer<typeof Sluitingsdag>;

/** 'HH:MM', 24-hour clock. */
export const Kloktijd = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Gebruik een tijd als UU:MM, bijvoorbeeld 17:00.' });
