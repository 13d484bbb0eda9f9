import type { KalenderOverzicht } from '../../../shared/contract/areas/beheer';
import { KALENDER_JAREN, type Sluitingsdag } from '../../../shared/kalender';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { KalenderBron } from '../calendar';
import { KlantbeeldConfig } from '../config/schema';
import { updateConfigFile } from '../config/write';

type Team = KlantbeeldConfig['terugbelTeams'][number];
/** "vrijdag 15 mei 2026": how the beheerder reads a date in a message. */
const leesbaar = (datum: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${datum}T00:00:00Z`));

/**
 * The beheerder's werkdagen calendar. Sluitingsdagen live in klantbeeld.config.json (the
 * beheerder's file, which a municipality rolls out to every machine); a change is written there
 * and the live calendar is rebuilt from the file, so the next deadline already counts it.
 */
export class BeheerService {
  constructor(
    private readonly dataDir: string,
    private readonly kalender: KalenderBron,
    private readonly teams: readonly Team[],
    /** The machine-wide configuration file that locks the sluitingsdagen (config/machine-config.ts), if one does. */
    private readonly sluitingsdagenVastIn: string | null = null,
  ) {}

  overzicht(jaar: number): KalenderOverzicht {
    const kalender = this.kalender.get();
    const config = this.kalender.config();
    let werkdagen = 0;
    for (let t = Date.UTC(jaar, 0, 1); t < Date.UTC(jaar + 1, 0, 1); t += 86_400_000) {
      if (kalender.isWerkdag(new Date(t).toISOString().slice(0, 10))) werkdagen++;
    }
    const naam = (code: string) => this.teams.find((t) => t.code === code)?.naam ?? code;
    return {
      jaar,
      dagen: kalender.feestdagen(jaar),
      werkdagen,
      bevrijdingsdagVrij: config.werkdagen.bevrijdingsdagVrij,
      goedeVrijdagVrij: config.werkdagen.goedeVrijdagVrij,
      normen: {
        terugbellenWerkdagen: config.servicenormen.terugbellenWerkdagen,
        sluitTijd: config.servicenormen.sluitTijd,
        perTeam: Object.entries(config.servicenormen.perTeam).map(([code, werkdagen]) => ({ code, naam: naam(code), werkdagen })),
      },
      bereik: { van: KALENDER_JAREN.van, tot: KALENDER_JAREN.tot },
    };
  }

  toevoegen(dag: Sluitingsdag): KalenderOverzicht {
    const feestdag = this.kalender.get().feestdagen(jaarVan(dag.datum)).find((d) => d.datum === dag.datum && d.soort === 'feestdag');
    if (feestdag) throw new ServiceError('invalid_input', `${leesbaar(dag.datum)} is al een feestdag (${feestdag.naam}) en dus geen werkdag.`);
    const weekdag = new Date(`${dag.datum}T00:00:00Z`).getUTCDay();
    if (weekdag === 0 || weekdag === 6) throw new ServiceError('invalid_input', `${leesbaar(dag.datum)} valt in het weekend en is dus al geen werkdag.`);
    this.wijzig((lijst) => {
      const bestaand = lijst.find((d) => d.datum === dag.datum);
      if (bestaand) throw new ServiceError('conflict', `${leesbaar(dag.datum)} is al een sluitingsdag (${bestaand.omschrijving}).`);
      return [...lijst, { datum: dag.datum, omschrijving: dag.omschrijving }];
    });
    return this.overzicht(jaarVan(dag.datum));
  }

  verwijderen(datum: string): KalenderOverzicht {
    this.wijzig((lijst) => {
      if (!lijst.some((d) => d.datum === datum)) throw new ServiceError('not_found', `${leesbaar(datum)} is geen sluitingsdag.`);
      return lijst.filter((d) => d.datum !== datum);
    });
    return this.overzicht(jaarVan(datum));
  }

  /**
   * Changes the sluitingsdagen in the file (validated with the schema; every other key stays as
   * it was), then rebuilds the live calendar from it.
   */
  private wijzig(change: (lijst: Sluitingsdag[]) => Sluitingsdag[]): void {
    if (this.sluitingsdagenVastIn) {
      throw new ServiceError('conflict', `De sluitingsdagen worden centraal vastgelegd (${this.sluitingsdagenVastIn}); wijzig ze daar.`);
    }
    const schema = KlantbeeldConfig.shape.werkdagen;
    updateConfigFile(this.dataDir, (raw) => {
      // Without a list of its own the user file starts from the one in force (a machine file's, or none).
      const werkdagen = { sluitingsdagen: this.kalender.config().werkdagen.sluitingsdagen, ...objectOf(raw.werkdagen) };
      const huidig = schema.safeParse(werkdagen);
      if (!huidig.success) throw new ServiceError('conflict', 'De werkdagen in klantbeeld.config.json zijn ongeldig; herstel het bestand eerst.');
      const lijst = change(huidig.data.sluitingsdagen).sort((a, b) => (a.datum < b.datum ? -1 : 1));
      const volgende = schema.safeParse({ ...werkdagen, sluitingsdagen: lijst });
      if (!volgende.success) throw new ServiceError('invalid_input', volgende.error.issues[0]?.message ?? 'Ongeldige sluitingsdag.');
      return { ...raw, werkdagen: { ...werkdagen, sluitingsdagen: volgende.data.sluitingsdagen } };
    });
    try {
      this.kalender.reload();
    } catch (error) {
      throw new ServiceError('unavailable', `De wijziging is opgeslagen, maar de configuratie kon niet opnieuw worden gelezen: ${(error as Error).message}`);
    }
  }
}

const jaarVan = (datum: string) => Number(datum.slice(0, 4));
const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export function beheerHandlers(service: BeheerService): Pick<Handlers, 'beheer.kalender' | 'beheer.sluitingsdagToevoegen' | 'beheer.sluitingsdagVerwijderen'> {
  return {
    'beheer.kalender': ({ jaar }) => service.overzicht(jaar),
    'beheer.sluitingsdagToevoegen': (dag) => service.toevoegen(dag),
    'beheer.sluitingsdagVerwijderen': ({ datum }) => service.verwijderen(datum),
  };
}
