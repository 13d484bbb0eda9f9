import { z } from 'zod';
import { FRONT_OFFICE } from '../../roles';
import { event, operation } from '../define';
import { VERWERKING } from '../verwerking-per-operatie';
import { clerkText, code, IsoDateTime } from '../schemas';

const ArticleId = z.string().min(1).max(200);
/** An article id as a call names it: a code (no control characters). */
const ArticleIdInput = code(200).min(1);
export const KennisKanaal = z.enum(['telefoon', 'balie', 'e-mail', 'chat']);
/** The contact's kanaal as the clerk chose it; mapped to the nearest answer channel by the core. */
const KanaalHint = code(50).optional();

export const KennisHit = z.object({
  id: ArticleId,
  soort: z.enum(['artikel', 'vac']),
  titel: z.string(),
  afdeling: z.string().nullable(),
  /** Snippet as plain segments; `hit` ones are the match (rendered as <mark>, never as HTML). */
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});
export type KennisHit = z.infer<typeof KennisHit>;

export const KennisArtikel = z.object({
  id: ArticleId,
  soort: z.enum(['artikel', 'vac']),
  titel: z.string(),
  samenvatting: z.string(),
  afdeling: z.string().nullable(),
  upl: z.string().nullable(),
  trefwoorden: z.array(z.string()),
  laatstBeoordeeld: z.string().nullable(),
  /** Sanitised HTML (by the core, before it was stored). */
  secties: z.array(z.object({ sleutel: z.string(), html: z.string() })),
  /** Channel-specific answers (sanitised HTML), the current contact's channel first. */
  kanaalAntwoorden: z.array(z.object({ kanaal: KennisKanaal, html: z.string() })),
});
export type KennisArtikel = z.infer<typeof KennisArtikel>;

export const KennisNieuws = z.object({
  id: z.string(),
  soort: z.enum(['nieuws', 'werkinstructie']),
  titel: z.string(),
  /** Sanitised HTML. */
  html: z.string(),
  belangrijk: z.boolean(),
  publicatieStart: z.string(),
  publicatieEind: z.string().nullable(),
  gelezen: z.boolean(),
});
export type KennisNieuws = z.infer<typeof KennisNieuws>;

export const KennisFeedback = z.object({
  id: z.string(),
  articleId: ArticleId,
  titel: z.string(),
  soort: z.enum(['fout', 'verouderd', 'ontbreekt']),
  toelichting: z.string(),
  medewerker: z.string(),
  createdAt: IsoDateTime,
});
export type KennisFeedback = z.infer<typeof KennisFeedback>;

const SynonymGroup = z.object({ groep: z.number().int().positive(), termen: z.array(z.string()) });

export const kennisOperations = {
  'kennis.search': operation({
    summary: 'Search the local kennisbank as you type (FTS5; any text is safe).',
    input: z.object({ query: clerkText(500), kanaal: KanaalHint, limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({ hits: z.array(KennisHit), total: z.number().int() }),
    roles: [...FRONT_OFFICE, 'kennisredacteur'],
  }),
  'kennis.get': operation({
    summary: 'One article with its sections and channel answers (the given kanaal first).',
    input: z.object({ id: ArticleIdInput, kanaal: KanaalHint }).strict(),
    output: KennisArtikel,
    roles: [...FRONT_OFFICE, 'kennisredacteur'],
  }),
  'kennis.used': operation({
    summary: 'Count that an article helped (added to a contact): a gentle boost in the ranking.',
    input: z.object({ id: ArticleIdInput }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: FRONT_OFFICE,
  }),
  'kennis.news': operation({
    summary: 'Current team news and werkinstructies (publication window), important first, with read marks.',
    input: z.object({}).strict().default({}),
    output: z.array(KennisNieuws),
    roles: [...FRONT_OFFICE, 'kennisredacteur'],
  }),
  'kennis.markRead': operation({
    summary: 'Mark a news item as read by the current user.',
    input: z.object({ id: ArticleIdInput }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: [...FRONT_OFFICE, 'kennisredacteur'],
  }),
  'kennis.feedback': operation({
    summary: 'Feedback on an article (wrong, outdated, missing) for the kennisredacteur.',
    input: z
      .object({
        articleId: ArticleIdInput,
        soort: z.enum(['fout', 'verouderd', 'ontbreekt']),
        toelichting: clerkText(1000)
          .transform((v) => v.trim())
          .refine((v) => v.length > 0, { message: 'Licht uw melding kort toe.' }),
      })
      .strict(),
    output: KennisFeedback,
    roles: FRONT_OFFICE,
    verwerking: VERWERKING.kennisFeedback,
  }),
  'kennis.feedbackList': operation({
    summary: 'All feedback, newest first (kennisredacteur).',
    input: z.object({}).strict().default({}),
    output: z.array(KennisFeedback),
    roles: ['kennisredacteur'],
    verwerking: VERWERKING.kennisFeedback,
  }),
  'kennis.synonyms': operation({
    summary: 'The synonym groups search expands with.',
    input: z.object({}).strict().default({}),
    output: z.array(SynonymGroup),
    roles: ['kennisredacteur'],
  }),
  'kennis.upsertSynonyms': operation({
    summary: 'Create (groep omitted) or replace a synonym group; an empty list removes it.',
    input: z.object({ groep: z.number().int().positive().optional(), termen: z.array(clerkText(80)).max(30) }).strict(),
    output: SynonymGroup,
    roles: ['kennisredacteur'],
  }),
  'kennis.syncStatus': operation({
    summary: 'When the kennisbank was last synchronised, how many articles, and the last error.',
    input: z.object({}).strict().default({}),
    output: z.object({ source: z.string(), lastSyncAt: z.string().nullable(), count: z.number().int(), error: z.string().nullable() }),
    roles: [...FRONT_OFFICE, 'kennisredacteur'],
  }),
} as const;

export const kennisEvents = {
  'kennis.updated': event({
    summary: 'The local kennisbank changed after a sync.',
    payload: z.object({ count: z.number().int() }),
  }),
} as const;
