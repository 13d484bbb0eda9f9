/**
 * Chart.js for the team leader's view: only the parts the charts use are registered (bars,
 * lines, their scales, legend and tooltip), no animation (reduced motion, and the figures
 * must be readable at once). Colours come from the app's palette; series differ by shape
 * (bars, solid line, dashed target line) and by label, never by colour alone.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartOptions, type ChartType } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export const KLEUREN = {
  accent: '#1f4e8c',
  accentLicht: '#8fb0dc',
  groen: '#1e6b3a',
  oranje: '#b7791f',
  rood: '#b42318',
  grijs: '#6b7584',
  paars: '#6b3fa0',
  teal: '#0f766e',
};

/** One colour per gespreksresultaat; unknown ones get grey. */
export const RESULTAAT_KLEUR: Record<string, string> = {
  zelfstandig_afgehandeld: KLEUREN.groen,
  doorverbonden: KLEUREN.accent,
  verwezen: KLEUREN.teal,
  terugbelverzoek: KLEUREN.oranje,
  zaak_aangemaakt: KLEUREN.paars,
  verbinding_verbroken: KLEUREN.rood,
  terugbelpoging: KLEUREN.accentLicht,
};

/** Options shared by every chart; `T` is the chart's type (ChartType for a mixed bar and line chart). */
export function basisOpties<T extends ChartType>(extra: ChartOptions<T> = {} as ChartOptions<T>): ChartOptions<T> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, color: '#1b1f24' } } },
    ...extra,
  } as ChartOptions<T>;
}

/** A value axis of whole counts, from zero. */
export const aantalAs = () => ({ beginAtZero: true, ticks: { precision: 0 } });

/** A percentage axis, 0 to 100 %. */
export const procentAs = () => ({ min: 0, max: 100, ticks: { callback: (v: number | string) => `${v}%` } });

/** The dashed target line: `doel` % at each of `punten` points (dashed and labelled, not only a colour). */
export function doelLijn(label: string, doel: number, punten: number) {
  return { type: 'line' as const, label, data: Array.from({ length: punten }, () => doel), borderColor: KLEUREN.oranje, borderDash: [6, 4], pointRadius: 0, pointStyle: 'line' as const };
}
