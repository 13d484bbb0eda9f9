/**
 * The team leader's view (issue 5): tiles, per groep and medewerker, weekly series, the
 * achterstand and the contact volumes of a period, all counted from local rows: callbacks
 * (as the callback lifecycle keeps them) and every klantcontact without personal data (the
 * reporting poller). Nothing here asks the zaaksysteem; the view opens from the store.
 */
import type {
  Achterstand,
  TeamleiderOverzicht,
  TeamleiderRij,
  TeamleiderTabel,
  TeamleiderWeek,
} from '../../../shared/contract/areas/teamleider';
import type { KalenderBron, WerkdagenKalender } from '../calendar';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import type { Store } from '../store';
import { teamKey } from '../store/callbacks';
import type { HandledCounts, HandledRow } from '../store/teamleider';
import { beginVan, maandagVan, mediaan, percentage, plusDagen, weeknummer, wekenVan } from './teamleider-periode';
import { teamleiderCsv } from './teamleider-export';

/** Onderwerpen shown by name; the rest is one "overig" figure. */
export const TOP_ONDERWERPEN = 10;
const ACHTERSTAND_MAX = 100;
const DIRECT = 'zelfstandig_afgehandeld';
/** Contacts the municipality starts (a call-back attempt) are no question asked: not in "% direct beantwoord". */
const UITGAAND = new Set(['terugbelpoging']);

export interface Periode {
  van: string;
  tot: string;
  teams?: string[];
}

type Config = Pick<KlantbeeldConfig, 'terugbelTeams' | 'teamleider'>;

export class TeamleiderService {
  constructor(
    private readonly store: Store,
    private readonly bron: Pick<KalenderBron, 'get'>,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The calendar as configured now (a sluitingsdag added by the beheerder counts at once). */
  private get kalender(): WerkdagenKalender {
    return this.bron.get();
  }

  overzicht({ van, tot, teams: gekozen }: Periode): TeamleiderOverzicht {
    // Team codes are kept upper-case on callbacks.
    const teams = gekozen?.map(teamKey);
    const nu = this.now();
    const vandaag = this.kalender.lokaleDatum(nu);
    const morgen = beginVan(this.kalender, plusDagen(vandaag, 1));
    const normVanaf = plusDagen(vandaag, -27);
    const rolling = this.store.teamleider.handledBetween(beginVan(this.kalender, normVanaf), morgen, teams);
    const norm = this.binnenNorm(rolling);
    const { groepen, medewerkers } = this.perGroep(vandaag, teams);
    return {
      periode: { van, tot },
      vandaag,
      tegels: {
        open: sum(groepen, 'open'),
        vandaagUiterlijk: sum(groepen, 'vandaagUiterlijk'),
        teLaat: sum(groepen, 'teLaat'),
        afgehandeldMetDeadline: norm.metDeadline,
        binnenNorm: norm.binnen,
        binnenNormPercentage: percentage(norm.binnen, norm.metDeadline),
        mediaanWerkdagen: mediaan(rolling.flatMap((r) => this.werkdagen(r))),
        normVanaf,
      },
      groepen,
      medewerkers,
      weken: this.weken(van, tot, teams),
      doelBinnenNorm: this.config.teamleider.doelBinnenNorm,
      achterstand: this.achterstand(vandaag, nu, teams),
      contacten: this.contacten(van, tot),
    };
  }

  export(tabel: TeamleiderTabel, periode: Periode): { bestandsnaam: string; csv: string } {
    const csv = teamleiderCsv(tabel, this.overzicht(periode));
    return { bestandsnaam: `klantbeeld-${tabel}-${periode.van}-${periode.tot}.csv`, csv };
  }

  /**
   * Werkdagen from created to handled; none for a row the calendar cannot place (a moment
   * typed elsewhere with a wrong clock): it leaves the median instead of failing the view.
   */
  private werkdagen(r: Pick<HandledRow, 'aangemaakt_op' | 'afgehandeld_op'>): number[] {
    try {
      return [this.kalender.werkdagenTussen(r.aangemaakt_op, r.afgehandeld_op)];
    } catch (error) {
      if (error instanceof RangeError) return [];
      throw error;
    }
  }

  /** Handled on or before the deadline (the local date of handling counts); null: it had no deadline. */
  private opTijd(r: Pick<HandledRow, 'afgehandeld_op' | 'deadline'>): boolean | null {
    return r.deadline === null ? null : this.kalender.lokaleDatum(r.afgehandeld_op) <= r.deadline;
  }

  private binnenNorm(rows: readonly HandledRow[]): { metDeadline: number; binnen: number } {
    let metDeadline = 0;
    let binnen = 0;
    for (const r of rows) {
      const opTijd = this.opTijd(r);
      if (opTijd === null) continue;
      metDeadline++;
      if (opTijd) binnen++;
    }
    return { metDeadline, binnen };
  }

  private perGroep(vandaag: string, teams: string[] | undefined): { groepen: TeamleiderRij[]; medewerkers: (TeamleiderRij & { team: string })[] } {
    const groepen = new Map<string, TeamleiderRij>();
    const medewerkers = new Map<string, TeamleiderRij & { team: string }>();
    const rijVan = (team: string | null, medewerker: string | null) => {
      const t = team ?? '';
      let g = groepen.get(t);
      if (!g) groepen.set(t, (g = leeg(t, this.teamNaam(t))));
      const key = `${t}\n${medewerker ?? ''}`;
      let m = medewerkers.get(key);
      if (!m) medewerkers.set(key, (m = { ...leeg(medewerker ?? '', ''), team: t }));
      return [g, m] as const;
    };
    for (const o of this.store.teamleider.openGroups(vandaag, teams)) {
      for (const rij of rijVan(o.team, o.medewerker)) {
        rij.open += o.open;
        rij.vandaagUiterlijk += o.vandaag;
        rij.teLaat += o.teLaat;
      }
    }
    for (const h of this.store.teamleider.handledGroups(beginVan(this.kalender, maandagVan(vandaag)), teams)) {
      for (const rij of rijVan(h.team, h.medewerker)) rij.afgehandeldDezeWeek += h.afgehandeld;
    }
    const namen = this.medewerkerNamen([...medewerkers.values()].map((m) => m.code).filter((c) => c !== ''));
    for (const m of medewerkers.values()) m.naam = m.code === '' ? '' : (namen.get(m.code) ?? m.code);
    const slipt = (a: TeamleiderRij, b: TeamleiderRij) => b.teLaat - a.teLaat || b.vandaagUiterlijk - a.vandaagUiterlijk || b.open - a.open || a.naam.localeCompare(b.naam, 'nl');
    return {
      groepen: [...groepen.values()].sort(slipt),
      // Who slips most first, whatever the team: that is where the team leader looks.
      medewerkers: [...medewerkers.values()].sort((a, b) => slipt(a, b) || a.team.localeCompare(b.team, 'nl')),
    };
  }

  /** Per week of the period: counted in the store, without reading the callbacks. */
  private weken(van: string, tot: string, teams: string[] | undefined): TeamleiderWeek[] {
    const { starts } = wekenVan(van, tot);
    const grenzen = starts.map((week, i) => [beginVan(this.kalender, week), beginVan(this.kalender, starts[i + 1] ?? plusDagen(tot, 1))] as const);
    const aangemaakt = this.store.teamleider.createdCounts(grenzen, teams);
    const afgehandeld = this.store.teamleider.handledCounts(grenzen, teams);
    return starts.map((week, i) => {
      const handled = afgehandeld[i] as HandledCounts;
      const binnenNorm = handled.zeker + handled.twijfel.filter((r) => this.opTijd(r)).length;
      return {
        week,
        weeknummer: weeknummer(week),
        aangemaakt: aangemaakt[i] ?? 0,
        afgehandeld: handled.afgehandeld,
        afgehandeldMetDeadline: handled.metDeadline,
        binnenNorm,
        binnenNormPercentage: percentage(binnenNorm, handled.metDeadline),
      };
    });
  }

  private achterstand(vandaag: string, nu: Date, teams: string[] | undefined): Achterstand[] {
    const rows = this.store.teamleider.achterstand(vandaag, ACHTERSTAND_MAX, teams);
    return rows.map((r) => {
      const team = r.team ?? '';
      return {
        id: r.id,
        onderwerp: r.onderwerp,
        team,
        teamNaam: this.teamNaam(team),
        medewerker: r.medewerker,
        medewerkerNaam: r.medewerker ? (naamIn(r.toegewezen_aan, r.medewerker) ?? r.medewerker) : null,
        aangemaaktOp: r.aangemaakt_op,
        deadline: r.deadline,
        urgentie: r.deadline === vandaag ? 'vandaag' : 'te_laat',
        werkdagenTeLaat: this.kalender.werkdagenTussen(beginVan(this.kalender, r.deadline), nu.toISOString()),
      };
    });
  }

  private contacten(van: string, tot: string): TeamleiderOverzicht['contacten'] {
    const reporting = this.store.reporting;
    const { kanaal, onderwerp, afdeling, gespreksresultaat } = reporting.totals(van, tot);
    const resultaten = reporting.perWeek('gespreksresultaat', van, tot);
    const sync = reporting.syncState();
    return {
      totaal: kanaal.reduce((n, k) => n + k.aantal, 0),
      kanalen: kanaal,
      onderwerpen: onderwerp.slice(0, TOP_ONDERWERPEN),
      overigeOnderwerpen: onderwerp.slice(TOP_ONDERWERPEN).reduce((n, o) => n + o.aantal, 0),
      afdelingen: afdeling,
      resultaten: resultaten.map(({ week, waarde, aantal }) => ({ week, resultaat: waarde, aantal })),
      directBeantwoord: {
        ...directBeantwoord(gespreksresultaat),
        doel: this.config.teamleider.doelDirectBeantwoord,
        perWeek: wekenVan(van, tot).starts.map((week) => ({ week, ...directBeantwoord(resultaten.filter((r) => r.week === week)) })),
      },
      bijgewerktOp: sync.lastReadAt,
      volledig: sync.backfillPage === null,
      overgeslagen: reporting.skippedCount(),
    };
  }

  private teamNaam(code: string): string {
    return this.config.terugbelTeams.find((t) => t.code.toLowerCase() === code.toLowerCase())?.naam ?? code;
  }

  private medewerkerNamen(emails: string[]): Map<string, string> {
    const namen = new Map<string, string>();
    for (const [email, json] of this.store.teamleider.assigneesOf(emails)) {
      const naam = naamIn(json, email);
      if (naam) namen.set(email, naam);
    }
    return namen;
  }
}

/** "% direct beantwoord": zelfstandig afgehandeld of the contacts with a recorded gespreksresultaat that were a question. */
function directBeantwoord(tellingen: readonly { waarde: string; aantal: number }[]): { aantal: number; van: number; percentage: number | null } {
  const aantal = tellingen.filter((r) => r.waarde === DIRECT).reduce((n, r) => n + r.aantal, 0);
  const van = tellingen.filter((r) => r.waarde !== '' && !UITGAAND.has(r.waarde)).reduce((n, r) => n + r.aantal, 0);
  return { aantal, van, percentage: percentage(aantal, van) };
}

const leeg = (code: string, naam: string): TeamleiderRij => ({ code, naam, open: 0, vandaagUiterlijk: 0, teLaat: 0, afgehandeldDezeWeek: 0 });

const sum = (rows: readonly TeamleiderRij[], key: 'open' | 'vandaagUiterlijk' | 'teLaat') => rows.reduce((n, r) => n + r[key], 0);

/** The name of a medewerker in a callback's toegewezen_aan JSON ([{soort, code, naam}]). */
function naamIn(json: string, email: string): string | null {
  try {
    const actors = JSON.parse(json) as { soort?: string; code?: string | null; naam?: string }[];
    const hit = actors.find((a) => a.soort === 'medewerker' && a.code?.toLowerCase() === email.toLowerCase());
    return hit?.naam ?? null;
  } catch {
    return null;
  }
}

export function teamleiderHandlers(service: TeamleiderService): Pick<Handlers, 'teamleider.overzicht' | 'teamleider.export'> {
  return {
    'teamleider.overzicht': (periode) => service.overzicht(periode),
    'teamleider.export': ({ tabel, ...periode }) => service.export(tabel, periode),
  };
}
