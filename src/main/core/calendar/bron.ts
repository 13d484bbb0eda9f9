/**
 * The live werkdagen calendar of this installation, built from the configuration. Services get
 * a `KalenderBron` (from core/index.ts) instead of a fixed calendar, so a sluitingsdag the
 * beheerder adds counts for every deadline at once.
 */
import type { KlantbeeldConfig } from '../config/schema';
import { WerkdagenKalender } from './werkdagen';

export type KalenderConfig = Pick<KlantbeeldConfig, 'werkdagen' | 'servicenormen'>;

export function kalenderFromConfig(config: KalenderConfig): WerkdagenKalender {
  return new WerkdagenKalender({
    sluitingsdagen: config.werkdagen.sluitingsdagen,
    bevrijdingsdagVrij: config.werkdagen.bevrijdingsdagVrij,
    goedeVrijdagVrij: config.werkdagen.goedeVrijdagVrij,
    sluitTijd: config.servicenormen.sluitTijd,
  });
}

/** The callback norm in werkdagen for a team (terugbelTeams code); the general norm without one. */
export function normVoorTeam(config: Pick<KlantbeeldConfig, 'servicenormen'>, teamCode?: string | null): number {
  const { perTeam, terugbellenWerkdagen } = config.servicenormen;
  return (teamCode && Object.hasOwn(perTeam, teamCode) ? perTeam[teamCode] : undefined) ?? terugbellenWerkdagen;
}

export interface KalenderBron {
  /** The calendar as configured now. Do not keep it: ask again for each deadline. */
  get(): WerkdagenKalender;
  /** The callback norm in werkdagen for a team, as configured now. */
  norm(teamCode?: string | null): number;
  /** The servicenormen and werkdagen as configured now. */
  config(): KalenderConfig;
  /** Reads the configuration again and rebuilds the calendar; on an error the old one stays. */
  reload(): void;
  /**
   * Called after every reload with the new calendar, e.g. to recompute the stored deadlines of
   * open requests. Returns the unsubscribe function. A listener that throws does not stop others.
   */
  onReload(listener: (kalender: WerkdagenKalender) => void): () => void;
}

export function kalenderBron(eerste: KalenderConfig, lees: () => KalenderConfig, log: (line: string) => void = () => {}): KalenderBron {
  let config = eerste;
  // Built on first use: the first build in a process takes a few hundred ms (date-holidays for
  // 101 years), which need not hold up the start of the core.
  let kalender: WerkdagenKalender | null = null;
  const listeners = new Set<(kalender: WerkdagenKalender) => void>();
  return {
    get: () => (kalender ??= kalenderFromConfig(config)),
    norm: (teamCode) => normVoorTeam(config, teamCode),
    config: () => config,
    reload() {
      const volgende = lees();
      const nieuw = kalenderFromConfig(volgende);
      kalender = nieuw;
      config = volgende;
      for (const listener of listeners) {
        try {
          listener(nieuw);
        } catch (error) {
          log(`werkdagenkalender: a reload listener failed: ${(error as Error).message}`);
        }
      }
    },
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
