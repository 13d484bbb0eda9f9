/**
 * The configuration file (`klantbeeld.config.json` in the user data folder), documented in
 * docs/configuration.md. Secrets live here (later in safeStorage) and never reach the renderer.
 */
import { z } from 'zod';
import { Role } from '../../../shared/roles';
import { Kloktijd, Sluitingsdag } from '../../../shared/kalender';

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
  /** RSIN of the municipality, used as bronorganisatie on new zaken. */
  bronorganisatie: z.string().regex(/^\d{9}$/).default('002220647'),
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
});
export type BrpConnection = z.infer<typeof BrpConnection>;

export const KlantbeeldConfig = z.object({
  adapter: z.discriminatedUnion('kind', [DemoConnection, ZgwConnection]).default({ kind: 'demo', port: 0 }),
  /** Optional; with the embedded demo the demo's BRP is used when none is configured. */
  brp: BrpConnection.optional(),
  /** The signed-in user until sign-in arrives (issue 7); user_id/user_representation in ZGW JWTs. */
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
      /** Load every partij into the cache at start (fine for the demo and mid-size municipalities). */
      prefetchPartijen: z.boolean().default(true),
      /** Seconds between outbox retries when idle, and between partijen refreshes (minutes). */
      outboxIntervalSeconds: z.number().min(0.05).max(3600).default(2),
      partijenRefreshMinutes: z.number().min(1).max(10_080).default(60),
      /** Seconds between polls of the work queues (my own and my groepen's interne taken). */
      workQueueSeconds: z.number().min(1).max(3600).default(60),
    })
    .default({ prefetchPartijen: true, outboxIntervalSeconds: 2, partijenRefreshMinutes: 60, workQueueSeconds: 60 }),
  /**
   * Screen-pop from telephony software (issue 3): `POST /screenpop` on loopback with
   * `Authorization: Bearer <secret>`. No secret: the endpoint is off. `port`: where the desktop
   * app's core listens (0 = not at all; the browser host serves it on its own port).
   */
  screenpop: z
    .object({
      secret: z.string().min(16, { message: 'Gebruik een geheim van minstens 16 tekens.' }).nullable().default(null),
      port: z.number().int().min(0).max(65535).default(0),
    })
    .default({ secret: null, port: 0 }),
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
});
export type KlantbeeldConfig = z.infer<typeof KlantbeeldConfig>;
