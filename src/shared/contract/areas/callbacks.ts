import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkDate, clerkText, code, IsoDate, IsoDateTime, LocalId, SyncState } from '../schemas';
import { refineTelefoon } from '../../telefoon';

export const ActorTarget = z.object({
  soort: z.enum(['afdeling', 'groep', 'medewerker']),
  /** afdeling/groep: its code (e.g. VERG); medewerker: the e-mail address. */
  code: code(100).min(1, { message: 'Kies een team of collega.' }),
});
export type ActorTarget = z.infer<typeof ActorTarget>;

/** How urgent an open callback is against its deadline (null once handled). */
export const Urgentie = z.enum(['op_tijd', 'vandaag', 'te_laat']);
export type Urgentie = z.infer<typeof Urgentie>;

export const PogingUitkomst = z.enum(['bereikt', 'niet_bereikt', 'voicemail']);
export type PogingUitkomst = z.infer<typeof PogingUitkomst>;

export const Dagdeel = z.enum(['ochtend', 'middag', 'avond']);

/** When the customer prefers to be called: free text ("na 15:00") or a day and part of day. */
export const VoorkeurMoment = z.union([
  clerkText(100)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'Vul het voorkeursmoment in of laat het weg.' }),
  z.object({ datum: IsoDate, dagdeel: Dagdeel }).strict(),
]);
export type VoorkeurMoment = z.infer<typeof VoorkeurMoment>;
/** The same as typed: a day at most a year ahead (a past day is refused by the service, against the calendar). */
const VoorkeurMomentInvoer = z.union([VoorkeurMoment.options[0], z.object({ datum: clerkDate(), dagdeel: Dagdeel }).strict()]);

/** One question of a team's vragenset (defined by the beheerder in the configuration). */
export const Vraag = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['kort', 'lang', 'keuze', 'vinkje']),
  /** keuze: the options to choose from. */
  opties: z.array(z.string()),
  verplicht: z.boolean(),
});
export type Vraag = z.infer<typeof Vraag>;

export const CallbackItem = z.object({
  id: LocalId,
  customerId: LocalId.nullable(),
  klantNaam: z.string().nullable(),
  onderwerp: z.string().nullable(),
  vraag: z.string(),
  toelichting: z.string(),
  status: z.enum(['te_verwerken', 'verwerkt']),
  toegewezenAan: z.array(z.object({ soort: z.string(), code: z.string().nullable(), naam: z.string() })),
  toegewezenOp: IsoDateTime.nullable(),
  aangemaaktOp: IsoDateTime,
  syncState: SyncState,
  syncError: z.string().nullable(),
  /** The groep or afdeling whose queue (and servicenorm) it is in. */
  team: z.object({ code: z.string(), naam: z.string() }).nullable(),
  /** Who picked it up or it is assigned to; null: the team's. */
  medewerker: z.object({ email: z.string(), naam: z.string() }).nullable(),
  normWerkdagen: z.number().int().nonnegative().nullable(),
  /** YYYY-MM-DD: the last werkdag on which it is handled within the servicenorm. */
  deadline: IsoDate.nullable(),
  /** null once handled (or without a deadline). */
  urgentie: Urgentie.nullable(),
  /** Werkdagen since it was created (until handled, for a handled one). */
  leeftijdWerkdagen: z.number().int().nonnegative(),
  pogingen: z.number().int().nonnegative(),
  laatstePogingOp: IsoDateTime.nullable(),
  telefoonnummers: z.array(z.string()),
  emailadressen: z.array(z.string()),
  voorkeurMoment: VoorkeurMoment.nullable(),
  antwoorden: z.array(z.object({ vraag: z.string(), antwoord: z.string() })),
  resultaat: z.string().nullable(),
  afgehandeldOp: IsoDateTime.nullable(),
});
export type CallbackItem = z.infer<typeof CallbackItem>;

export const CallbackEventItem = z.object({
  soort: z.enum(['aangemaakt', 'opgepakt', 'vrijgegeven', 'poging', 'doorgestuurd', 'afgehandeld', 'heropend', 'gecorrigeerd']),
  at: IsoDateTime,
  /** The name of who did it. */
  door: z.string(),
  /** poging: bereikt | niet_bereikt | voicemail; afgehandeld: the resultaat. */
  uitkomst: z.string().nullable(),
  /** doorgestuurd, gecorrigeerd: the new assignee. */
  naar: z.object({ soort: z.string(), code: z.string().nullable(), naam: z.string() }).nullable(),
  notitie: z.string(),
  syncState: SyncState,
});
export type CallbackEventItem = z.infer<typeof CallbackEventItem>;

const byId = z.object({ id: LocalId }).strict();
const reden = (what: string) =>
  clerkText(200)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: `Vul de reden ${what} in.` });

export const CallbackList = z.object({
  items: z.array(CallbackItem),
  /** How many match the filters (items holds at most 500). */
  total: z.number().int().nonnegative(),
  /** Open callbacks per queue for the navigation; all: null unless teamleider. */
  counts: z.object({ mine: z.number().int().nonnegative(), groups: z.number().int().nonnegative(), all: z.number().int().nonnegative().nullable() }),
  refreshedAt: IsoDateTime.nullable(),
});
export type CallbackList = z.infer<typeof CallbackList>;

export const CallbackOptions = z.object({
  /** Where a callback can go: the configured afdelingen and groepen. */
  teams: z.array(z.object({ soort: z.enum(['afdeling', 'groep']), code: z.string(), naam: z.string() })),
  /** Colleagues in my groepen (all known ones for a teamleider), for the forward picker. */
  collegas: z.array(z.object({ email: z.string(), naam: z.string(), groepen: z.array(z.string()) })),
  /** The results a callback can be handled with. */
  resultaten: z.array(z.string()),
  /** Per team code: the short form asked when a callback goes to that team. */
  vragensets: z.array(z.object({ team: z.string(), vragen: z.array(Vraag) })),
});
export type CallbackOptions = z.infer<typeof CallbackOptions>;

export const callbackOperations = {
  'callbacks.create': operation({
    summary: 'Register a terugbelverzoek: the klantcontact and the interne taak for colleagues, sent through the outbox.',
    input: z
      .object({
        /** null: an unknown caller; then bellerNaam and a number are needed. */
        customerId: LocalId.nullable(),
        bellerNaam: clerkText(200).optional(),
        kanaal: code(50).min(1, { message: 'Kies een kanaal.' }),
        onderwerp: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul het onderwerp in.' }),
        inhoud: clerkText(1000).default(''),
        vraag: clerkText(200)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Vul in wat de collega moet doen.' })
          .default('Contact opnemen met betrokkene'),
        /** The internal note for the colleague; never shown to the customer. */
        toelichting: clerkText(1000).default(''),
        toegewezenAan: z.array(ActorTarget).min(1, { message: 'Kies voor wie het terugbelverzoek is.' }).max(5),
        telefoonnummers: z.array(z.string().trim().max(20, { message: 'Maximaal 20 tekens.' }).superRefine(refineTelefoon)).max(3).default([]),
        emailadressen: z.array(z.email({ message: 'Ongeldig e-mailadres.' }).max(80)).max(3).default([]),
        voorkeurMoment: VoorkeurMomentInvoer.nullable().default(null),
        /** Answers to the vragenset of the team it goes to (checked against the set by the core). */
        antwoorden: z
          .array(z.object({ vraagId: code(100).min(1), antwoord: z.union([clerkText(1000), z.boolean()]) }).strict())
          .max(30)
          .default([]),
      })
      .strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelVastgelegd,
  }),
  'callbacks.list': operation({
    summary: 'A work queue: mine (assigned to me), my groepen, or all (teamleider); open or handled, filtered and sorted, with counts.',
    input: z
      .object({
        queue: z.enum(['mine', 'groups', 'all']).default('groups'),
        status: z.enum(['open', 'afgehandeld']).default('open'),
        /** A groep or afdeling code. */
        team: code(100).min(1).optional(),
        /** A medewerker's e-mail address. */
        medewerker: code(200).min(1).optional(),
        urgentie: Urgentie.optional(),
        sort: z.enum(['deadline', 'aangemaakt', 'klant']).default('deadline'),
        richting: z.enum(['op', 'af']).default('op'),
      })
      .strict(),
    output: CallbackList,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.werkvoorraad,
  }),
  'callbacks.get': operation({
    summary: 'One callback with its history; attempts logged on other machines are fetched from the zaaksysteem first.',
    input: byId,
    output: z.object({
      item: CallbackItem,
      history: z.array(CallbackEventItem),
      /** Set when the zaaksysteem could not be asked: the history is what this machine knows. */
      remoteError: z.string().nullable(),
    }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelIngezien,
  }),
  'callbacks.pickUp': operation({
    summary: 'Take a callback from a groep queue: it is assigned to me.',
    input: byId,
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.release': operation({
    summary: 'Give a picked-up callback back to its team.',
    input: byId,
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.logAttempt': operation({
    summary: 'Log a call attempt (bereikt, niet bereikt, voicemail) with a note.',
    input: z.object({ id: LocalId, uitkomst: PogingUitkomst, notitie: clerkText(1000).default('') }).strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.handle': operation({
    summary: 'Handle (afhandelen) a callback with a result from the configured list.',
    input: z.object({ id: LocalId, resultaat: code(100).min(1, { message: 'Kies een resultaat.' }), notitie: clerkText(1000).default('') }).strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.forward': operation({
    summary: 'Forward a callback to another afdeling, groep or colleague, with a reason.',
    input: z.object({ id: LocalId, naar: ActorTarget, reden: reden('van het doorsturen') }).strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.reopen': operation({
    summary: 'Reopen a handled callback, with a reason.',
    input: z.object({ id: LocalId, reden: reden('van het heropenen') }).strict(),
    output: CallbackItem,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelGewijzigd,
  }),
  'callbacks.reassign': operation({
    summary: 'Team leader: reassign callbacks (1..200) to a groep, afdeling or colleague, with a reason.',
    input: z.object({ ids: z.array(LocalId).min(1).max(200), naar: ActorTarget, reden: reden('van het toewijzen') }).strict(),
    output: z.object({ items: z.array(CallbackItem) }),
    roles: ['teamleider'],
    verwerking: VERWERKING.terugbelToegewezen,
  }),
  'callbacks.options': operation({
    summary: 'What the callback forms offer: teams, colleagues, results and the per-team vragensets.',
    input: z.object({}).strict(),
    output: CallbackOptions,
    roles: FRONT_OFFICE,
  }),
  'callbacks.forCustomer': operation({
    summary: 'The open terugbelverzoeken of one customer: the ones registered here and the ones seen in the work queues.',
    input: z.object({ customerId: LocalId }).strict(),
    output: z.object({ items: z.array(CallbackItem) }),
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.terugbelBijKlant,
  }),
} as const;

export const callbackEvents = {
  'callback.synced': event({
    summary: 'A registered terugbelverzoek was acknowledged, or parked with an error.',
    payload: z.object({ callbackId: LocalId, customerId: LocalId.nullable(), syncState: SyncState, syncError: z.string().nullable() }),
  }),
  'callbacks.changed': event({
    summary: 'Callbacks changed: a poll of the work queues, a change made here, or a change acknowledged by the zaaksysteem.',
    payload: z.object({ at: IsoDateTime, reason: z.enum(['poll', 'change', 'sync']) }),
  }),
  'callback.notify': event({
    summary: 'Tell the clerk: a callback newly assigned to me or my groep, or one of mine due today or overdue (once per callback per kind).',
    payload: z.object({
      callbackId: LocalId,
      soort: z.enum(['toegewezen_aan_mij', 'toegewezen_aan_groep', 'vandaag', 'te_laat']),
      klantNaam: z.string().nullable(),
      vraag: z.string(),
    }),
  }),
} as const;
