/**
 * The configuration file (`klantbeeld.config.json` in the user data folder), documented in
 * docs/configuration.md. Secrets live here (later in safeStorage) and never reach the renderer.
 */
import { z } from 'zod';
import { Role } from '../../../shared/roles';
import { isValidBsn } from '../../../shared/bsn';
import { Kloktijd, Sluitingsdag } from '../../../shared/kalender';
import { AUTH_DEFAULTS, AuthConfig } from '../auth/config';

const httpUrl = z.url({ protocol: /^https?$/, message: 'Verwacht een http(s)-adres.' });

/** Another Zaken API (with its Catalogi) whose zaken show beside the main one's. */
export const ExtraZaaksysteem = z.object({
  label: z.string().min(1),
  zakenUrl: httpUrl,
  catalogiUrl: httpUrl,
  zgwClientId: z.string().min(1),
  zgwSecret: z.string().min(1),
});
export type ExtraZaaksysteem = z.infer<typeof ExtraZaaksysteem>;

export const ZgwConnection = z.object({
  kind: z.literal('zgw'),
  /** Shown to the clerk, e.g. "Open Zaak gemeente Turfbrug". */
  label: z.string().min(1).default('Zaaksysteem'),
  zakenUrl: httpUrl,
  catalogiUrl: httpUrl,
  klantinteractiesUrl: httpUrl,
  /** Documenten API (zaak documents); default: beside zakenUrl (`…/documenten/api/v1`). */
  documentenUrl: httpUrl.optional(),
  zgwClientId: z.string().min(1),
  zgwSecret: z.string().min(1),
  klantinteractiesToken: z.string().min(1),
  /** RSIN of the municipality, used as bronorganisatie on new zaken. Required: a default registered zaken under another organisation. */
  bronorganisatie: z
    .string({ error: (issue) => (issue.input === undefined ? 'Verplicht: het RSIN van de gemeente (bronorganisatie van nieuwe zaken).' : 'Verwacht een RSIN van 9 cijfers.') })
    .refine(isValidBsn, 'Geen geldig RSIN: verwacht 9 cijfers die voldoen aan de elfproef.'),
  timeoutMs: z.number().int().min(500).max(120_000).default(15_000),
  pageSize: z.number().int().min(1).max(500).default(100),
  /** More zaaksystemen (Zaken + Catalogi): a customer's zaken are read from all in parallel. */
  extraZaaksystemen: z.array(ExtraZaaksysteem).max(5).optional(),
});
export type ZgwConnection = z.infer<typeof ZgwConnection>;

export const DemoConnection = z.object({
  kind: z.literal('demo'),
  /** Port of the embedded demo zaaksysteem; 0 picks a free one. */
  port: z.number().int().min(0).max(65535).default(0),
});

/** BRP API Personen (Haal Centraal): search by achternaam + geboortedatum. */
export const BrpConnection = z.object({
  /** Base URL up to and including `/haalcentraal/api/brp` (POST `${url}/personen`). */
  url: httpUrl,
  /** Sent as `X-API-KEY`. */
  apiKey: z.string().min(1),
  timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
  /** The municipality's gemeentecode: name and street searches ask for persons inschreven here. */
  gemeenteVanInschrijving: z.string().regex(/^[0-9]{4}$/, { message: 'Een gemeentecode heeft 4 cijfers.' }).optional(),
});
export type BrpConnection = z.infer<typeof BrpConnection>;

/** KvK Handelsregister: Zoeken API v2 and Basisprofiel API v1 (developers.kvk.nl), `apikey` header. */
export const KvkConnection = z.object({
  /** Base URL up to and including `/api` (GET `${url}/v2/zoeken`, `${url}/v1/basisprofielen/{kvkNummer}`). */
  url: httpUrl,
  apiKey: z.string().min(1),
  timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
});
export type KvkConnection = z.infer<typeof KvkConnection>;

/** One question of a team's vragenset: short text, long text, a choice, a checkbox. */
const VraagConfig = z
  .object({
    id: z.string().min(1).max(100),
    label: z.string().min(1).max(100),
    type: z.enum(['kort', 'lang', 'keuze', 'vinkje']),
    opties: z.array(z.string().min(1).max(100)).max(20).default([]),
    verplicht: z.boolean().default(false),
  })
  .refine((v) => v.type !== 'keuze' || v.opties.length > 0, { message: 'Een keuzevraag heeft opties.' });

const DEFAULT_RESULTATEN = ['Klant geholpen', 'Vraag beantwoord', 'Doorverwezen', 'Klant niet bereikt na pogingen', 'Niet meer nodig'];
const DEFAULT_VRAGENSETS: Record<string, z.output<typeof VraagConfig>[]> = {
  VERG: [
    { id: 'adres', label: 'Adres van het perceel', type: 'kort', opties: [], verplicht: false },
    { id: 'soort', label: 'Soort vergunning', type: 'keuze', opties: ['Bouwen', 'Kappen', 'Evenement', 'Anders'], verplicht: false },
    { id: 'aanvraag', label: 'Aanvraag al ingediend', type: 'vinkje', opties: [], verplicht: false },
  ],
  WMO: [
    { id: 'spoed', label: 'Zorg of veiligheid in het geding', type: 'vinkje', opties: [], verplicht: false },
    { id: 'situatie', label: 'Situatie in het kort', type: 'lang', opties: [], verplicht: false },
  ],
};
const DEFAULT_MEDEWERKERS = [
  { email: 'bianca.de.vries@turfbrug.nl', naam: 'Bianca de Vries', groepen: ['KCC'] },
  { email: 'kevin.mulder@turfbrug.nl', naam: 'Kevin Mulder', groepen: ['KCC'] },
  { email: 'marloes.kuipers@turfbrug.nl', naam: 'Marloes Kuipers', groepen: ['KCC'] },
  { email: 'sanne.van.dijk@turfbrug.nl', naam: 'Sanne van Dijk', groepen: ['KCC'] },
  { email: 'fatima.bouzid@turfbrug.nl', naam: 'Fatima Bouzid', groepen: ['BALIE'] },
];

export const KlantbeeldConfig = z.object({
  adapter: z.discriminatedUnion('kind', [DemoConnection, ZgwConnection]).default({ kind: 'demo', port: 0 }),
  /** Optional; with the embedded demo the demo's BRP is used when none is configured. */
  brp: BrpConnection.optional(),
  kvk: KvkConnection.optional(),
  /** Sign-in and the idle lock (issue 7; docs/configuration.md). */
  auth: AuthConfig.default(AUTH_DEFAULTS),
  /** The fixed user of the development mode `auth.mode: 'vast'` only (tests, development). */
  user: z
    .object({
      id: z.string().min(1),
      naam: z.string().min(1),
      email: z.string().min(3),
      roles: z.array(Role).min(1),
      /** Recorded on the user's Actor in Open Klant (both required there). */
      functie: z.string().min(1).max(40).optional(),
      telefoonnummer: z.string().regex(/^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/, { message: 'Telefoonnummer als 0612345678 of +31612345678.' }).optional(),
      /** Codes of the groepen whose work queue (interne taken) this user works from. */
      groepen: z.array(z.string().min(1).max(40)).optional(),
    })
    .default({
      id: 'bianca.de.vries',
      naam: 'Bianca de Vries',
      email: 'bianca.de.vries@turfbrug.nl',
      roles: ['kcc'],
      functie: 'Klantcontactmedewerker',
      telefoonnummer: '0512140512',
      groepen: ['KCC'],
    }),
  kanalen: z
    .array(z.string().min(1).max(50))
    .min(1)
    .default(['telefoon', 'balie', 'e-mail', 'chat', 'social media', 'brief', 'contactformulier']),
  /**
   * The kanaal a new contact starts with: this workstation's (a balie desk) before the role's
   * (the first of the user's roles that names one); telefoon when neither does (issue 13).
   */
  kanaal: z
    .object({
      standaard: z
        .object({
          werkplek: z.string().min(1).max(50).optional(),
          rollen: z.partialRecord(Role, z.string().min(1).max(50)).default({ balie: 'balie', kcc: 'telefoon' }),
        })
        .default({ rollen: { balie: 'balie', kcc: 'telefoon' } }),
    })
    .default({ standaard: { rollen: { balie: 'balie', kcc: 'telefoon' } } }),
  /** Outcomes of a contact, stored as klantcontact.metadata.gespreksresultaat (the Turfbrug codes). */
  gespreksresultaten: z
    .array(z.string().min(1).max(100))
    .min(1)
    .default(['zelfstandig_afgehandeld', 'doorverbonden', 'verwezen', 'terugbelverzoek', 'zaak_aangemaakt', 'verbinding_verbroken']),
  /** Where a terugbelverzoek from the contact form can go: Open Klant actors (afdeling `afd` / groep `grp`, by code). */
  terugbelTeams: z
    .array(z.object({ soort: z.enum(['afdeling', 'groep']), code: z.string().min(1).max(100), naam: z.string().min(1).max(200) }))
    .default([
      { soort: 'groep', code: 'KCC', naam: 'Klantcontactcentrum' },
      { soort: 'groep', code: 'BALIE', naam: 'Balie Burgerzaken' },
      { soort: 'groep', code: 'VERG', naam: 'Team Vergunningen' },
      { soort: 'groep', code: 'WIJK', naam: 'Team Wijkbeheer' },
      { soort: 'groep', code: 'WMO', naam: 'Team Wmo en Jeugd' },
      { soort: 'groep', code: 'INK', naam: 'Team Werk en Inkomen' },
      { soort: 'afdeling', code: 'BF', naam: 'Belastingen en Financiën' },
    ]),
  /** The life of a terugbelverzoek (docs/callbacks.md): results, per-team question sets, colleagues to forward to. */
  terugbellen: z
    .object({
      /** The results a callback can be handled with. */
      resultaten: z.array(z.string().min(1).max(100)).min(1).default(DEFAULT_RESULTATEN),
      /** Per team code (terugbelTeams): a short form asked when a callback goes to that team. */
      vragensets: z.record(z.string().min(1).max(100), z.array(VraagConfig).max(20)).default(DEFAULT_VRAGENSETS),
      /** Colleagues a callback can be forwarded to, with their groepen (who sees whom). */
      medewerkers: z
        .array(z.object({ email: z.string().min(3).max(200), naam: z.string().min(1).max(200), groepen: z.array(z.string().min(1).max(40)).default([]) }))
        .default(DEFAULT_MEDEWERKERS),
    })
    .default({ resultaten: DEFAULT_RESULTATEN, vragensets: DEFAULT_VRAGENSETS, medewerkers: DEFAULT_MEDEWERKERS }),
  /** "Afgehandeld voor": the afdelingen a question can be for (klantcontact.metadata.afdeling). */
  afdelingen: z
    .array(z.string().min(1).max(100))
    .min(1)
    .default(['Burgerzaken', 'Dienstverlening', 'Belastingen', 'Vergunningen', 'Parkeren', 'Openbare Ruimte', 'Afval en Reiniging', 'Sociaal Domein']),
  /** The kennisbank source (docs/kennisbank.md); absent: the embedded demo's, when the demo runs. */
  kennisbank: z
    .object({
      kind: z.literal('objects').default('objects'),
      label: z.string().min(1).default('Kennisbank'),
      /** Objects API base URL, e.g. https://objecten.gemeente.nl/api/v2 */
      url: httpUrl,
      token: z.string().min(1),
      /** Objecttype URL of the kennisartikelen; VAC's and news are optional. */
      objecttype: httpUrl,
      vacObjecttype: httpUrl.optional(),
      nieuwsObjecttype: httpUrl.optional(),
      refreshMinutes: z.number().min(1).max(10_080).default(15),
    })
    .optional(),
  sync: z
    .object({
      /**
       * Copy the whole partij register to every workstation (issue 12: off by default; a small
       * municipality may switch it on, see docs/privacy.md for what that means for the DPIA).
       * Off: a bounded local index (the workstation's working set, work queues) plus the registers.
       * Absent: off, except with the embedded demo (Turfbrug, 550 partijen: a small municipality).
       */
      prefetchPartijen: z.boolean().optional(),
      /** The prefetch refuses a register larger than this (partijen): past it, the bounded index is the only way. */
      prefetchMaxPartijen: z.number().int().min(1).max(500_000).default(50_000),
      /** The bounded index holds the partijen with a klantcontact in the last this many werkdagen. */
      lokaleIndexWerkdagen: z.number().int().min(0).max(60).default(5),
      /** Seconds between outbox retries when idle, and between partijen refreshes (minutes). */
      outboxIntervalSeconds: z.number().min(0.05).max(3600).default(2),
      partijenRefreshMinutes: z.number().min(1).max(10_080).default(60),
      /** Seconds between polls of the work queues (my own and my groepen's interne taken). */
      workQueueSeconds: z.number().min(1).max(3600).default(60),
    })
    .default({ prefetchMaxPartijen: 50_000, lokaleIndexWerkdagen: 5, outboxIntervalSeconds: 2, partijenRefreshMinutes: 60, workQueueSeconds: 60 }),
  /**
   * Screen-pop from telephony software (issue 3): `POST /screenpop` on loopback with
   * `Authorization: Bearer <secret>`. No secret: the endpoint is off. `port`: where the desktop
   * app's core listens (0 = not at all; the browser host serves it on its own port).
   */
  screenpop: z
    .object({
      secret: z.string().min(16, { message: 'Gebruik een geheim van minstens 16 tekens.' }).nullable().default(null),
      port: z.number().int().min(0).max(65535).default(0),
      /**
       * Terminal servers (several users on one machine): each user's desktop core listens on a
       * free port of its own with a secret of its own, both written to klantbeeld.screenpop.json
       * in that user's data folder (docs/configuration.md, "Terminal servers"). `port` and
       * `secret` are then not used.
       */
      perUser: z.boolean().default(false),
    })
    .default({ secret: null, port: 0, perUser: false }),
  /** Servicenormen (docs/configuration.md): callback within N werkdagen, per team when it differs. */
  servicenormen: z
    .object({
      terugbellenWerkdagen: z.number().int().min(1).max(30).default(2),
      /** Team code (terugbelTeams) → werkdagen, for the teams whose norm differs. */
      perTeam: z.record(z.string().min(1).max(100), z.number().int().min(1).max(30)).default({}),
      /** A request received at or after this time (Europe/Amsterdam) counts from the next werkdag. */
      sluitTijd: Kloktijd.default('17:00'),
    })
    .default({ terugbellenWerkdagen: 2, perTeam: {}, sluitTijd: '17:00' }),
  /** The werkdagen calendar: Dutch holidays come from date-holidays; the municipality adds its closures. */
  werkdagen: z
    .object({
      sluitingsdagen: z
        .array(Sluitingsdag)
        .max(1000)
        .refine((lijst) => new Set(lijst.map((s) => s.datum)).size === lijst.length, { message: 'Elke sluitingsdag mag maar één keer voorkomen.' })
        .default([]),
      /** Bevrijdingsdag (5 mei) is a day off every year (domain.md); false makes it a werkdag. */
      bevrijdingsdagVrij: z.boolean().default(true),
      /** Goede Vrijdag is a day off (domain.md); false makes it a werkdag. */
      goedeVrijdagVrij: z.boolean().default(true),
    })
    .default({ sluitingsdagen: [], bevrijdingsdagVrij: true, goedeVrijdagVrij: true }),
  /** The team leader's view (docs/teamleider.md): ambitions shown as target lines, and how often every klantcontact is read. */
  teamleider: z
    .object({
      /** "% direct beantwoord" (gespreksresultaat zelfstandig_afgehandeld) the KCC aims for. */
      doelDirectBeantwoord: z.number().min(0).max(100).default(80),
      /** Share of callbacks handled within the servicenorm the teams aim for. */
      doelBinnenNorm: z.number().min(0).max(100).default(90),
      /** Minutes between reads of new klantcontacten (only for a teamleider). */
      contactenMinuten: z.number().min(1).max(1440).default(15),
    })
    .default({ doelDirectBeantwoord: 80, doelBinnenNorm: 90, contactenMinuten: 15 }),
  /**
   * Verwerkingenlogging (issue 7, docs/privacy.md): where the local log of verwerkingsacties is
   * shipped (VNG Verwerkingenlogging API, ZGW JWT). No url: with the embedded demo the demo's,
   * otherwise the log stays local only.
   */
  verwerkingenlogging: z
    .object({
      url: httpUrl.optional(),
      clientId: z.string().min(1).optional(),
      secret: z.string().min(1).optional(),
      /** OIN of the municipality (VNG `uitvoerder`). */
      uitvoerder: z.string().regex(/^\d{20}$/, { message: 'Verwacht een OIN van 20 cijfers.' }).default('00000001002220647000'),
      /** Register of verwerkingsactiviteiten; the activiteit's id is appended (`verwerkingsactiviteitUrl`). */
      activiteitenUrl: httpUrl.optional(),
      /** Seconds between handing new actions to the outbox, and actions per outbox entry. */
      batchSeconds: z.number().min(1).max(3600).default(10),
      batchSize: z.number().int().min(1).max(500).default(100),
      /** Days the local log keeps actions the central log acknowledged; null: keep them all. */
      lokaalBewarenDagen: z.number().int().min(1).max(3650).nullable().default(90),
    })
    .default({ uitvoerder: '00000001002220647000', batchSeconds: 10, batchSize: 100, lokaalBewarenDagen: 90 }),
  /** Retention of cached personal data (issue 7, docs/privacy.md). */
  retentie: z
    .object({
      /** A dossier goes at the end of this many werkdagen after the day it was last opened (0: that same day). */
      bewaarWerkdagen: z.number().int().min(0).max(60).default(1),
      /** Minutes between purge runs (one also runs at start). */
      intervalMinuten: z.number().min(1).max(1440).default(60),
    })
    .default({ bewaarWerkdagen: 1, intervalMinuten: 60 }),
});
export type KlantbeeldConfig = z.infer<typeof KlantbeeldConfig>;
