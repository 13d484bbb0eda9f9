/** Periods of the team leader's view as local (Amsterdam) dates. */
import { todayInAmsterdam } from '../../lib/format';

export type Preset = 'w4' | 'w12' | 'w26' | 'jaar' | 'eigen';
export const PRESETS: readonly Preset[] = ['w4', 'w12', 'w26', 'jaar', 'eigen'];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** A preset's period: whole weeks (from the Monday n-1 weeks back) or this year, up to today. */
export function periodeVan(preset: Exclude<Preset, 'eigen'>, vandaag = todayInAmsterdam()): { van: string; tot: string } {
  if (preset === 'jaar') return { van: `${vandaag.slice(0, 4)}-01-01`, tot: vandaag };
  const weken = { w4: 4, w12: 12, w26: 26 }[preset];
  return { van: addDays(mondayOf(vandaag), -7 * (weken - 1)), tot: vandaag };
}
