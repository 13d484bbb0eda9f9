/** The kennisbank service: search, articles, news, feedback, synonyms; and its contract handlers. */
import type { KennisArtikel, KennisFeedback, KennisHit, KennisNieuws } from '../../../shared/contract/areas/kennis';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import { KennisSearch, snippetSegments } from './search';
import { KENNIS_KANALEN, type KennisKanaal } from './source';
import type { FeedbackRow, KennisStore } from './store';

/** The contact's kanaal → the answer channel that fits it best. */
export function answerChannel(kanaal: string | undefined): KennisKanaal | null {
  switch (kanaal) {
    case 'telefoon':
    case 'balie':
    case 'e-mail':
    case 'chat':
      return kanaal;
    case 'social media':
      return 'chat';
    case 'brief':
    case 'contactformulier':
      return 'e-mail';
    default:
      return null;
  }
}

const toFeedback = (r: FeedbackRow): KennisFeedback => ({
  id: r.id,
  articleId: r.article_id,
  titel: r.titel,
  soort: r.soort,
  toelichting: r.toelichting,
  medewerker: r.medewerker,
  createdAt: r.created_at,
});

export class KennisService {
  readonly search: KennisSearch;

  constructor(
    readonly store: KennisStore,
    readonly sourceLabel: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.search = new KennisSearch(store.db);
  }

  find(query: string, limit = 10): { hits: KennisHit[]; total: number } {
    const hits = this.search.search(query, limit).map((h) => ({
      id: h.id,
      soort: h.soort,
      titel: h.titel,
      afdeling: h.afdeling,
      snippet: snippetSegments(h.snippet),
    }));
    return { hits, total: hits.length };
  }

  get(id: string, kanaal?: string): KennisArtikel {
    const row = this.store.getArtikel(id);
    if (!row) throw new ServiceError('not_found', 'Dit artikel staat niet (meer) in de kennisbank.');
    const antwoorden = JSON.parse(row.kanaal_antwoorden) as Partial<Record<KennisKanaal, string>>;
    const first = answerChannel(kanaal);
    const order = first ? [first, ...KENNIS_KANALEN.filter((k) => k !== first)] : [...KENNIS_KANALEN];
    return {
      id: row.id,
      soort: row.soort,
      titel: row.titel,
      samenvatting: row.samenvatting,
      afdeling: row.afdeling,
      upl: row.upl,
      trefwoorden: JSON.parse(row.trefwoorden) as string[],
      laatstBeoordeeld: row.laatst_beoordeeld,
      secties: JSON.parse(row.secties) as { sleutel: string; html: string }[],
      kanaalAntwoorden: order.filter((k) => antwoorden[k]).map((k) => ({ kanaal: k, html: antwoorden[k]! })),
    };
  }

  used(id: string): void {
    if (!this.store.getArtikel(id)) throw new ServiceError('not_found', 'Dit artikel staat niet (meer) in de kennisbank.');
    this.store.recordUsage(id, this.now().toISOString());
  }

  news(userId: string): KennisNieuws[] {
    return this.store.currentNieuws(userId, this.now().toISOString()).map((n) => ({
      id: n.id,
      soort: n.soort,
      titel: n.titel,
      html: n.html,
      belangrijk: n.belangrijk === 1,
      publicatieStart: n.publicatie_start,
      publicatieEind: n.publicatie_eind,
      gelezen: n.gelezen_op !== null,
    }));
  }

  markRead(userId: string, id: string): void {
    if (!this.store.markRead(userId, id, this.now().toISOString())) throw new ServiceError('not_found', 'Dit bericht bestaat niet (meer).');
  }

  feedback(input: { articleId: string; soort: 'fout' | 'verouderd' | 'ontbreekt'; toelichting: string }, medewerker: string): KennisFeedback {
    const row = this.store.getArtikel(input.articleId);
    if (!row) throw new ServiceError('not_found', 'Dit artikel staat niet (meer) in de kennisbank.');
    return toFeedback(
      this.store.addFeedback({
        article_id: row.id,
        titel: row.titel,
        soort: input.soort,
        toelichting: input.toelichting,
        medewerker,
        created_at: this.now().toISOString(),
      }),
    );
  }

  feedbackList(): KennisFeedback[] {
    return this.store.listFeedback().map(toFeedback);
  }

  upsertSynonyms(groep: number | undefined, termen: string[]): { groep: number; termen: string[] } {
    const id = this.store.upsertSynonymGroup(groep ?? null, termen);
    this.search.invalidate();
    return this.store.synonymGroups().find((g) => g.groep === id) ?? { groep: id, termen: [] };
  }

  syncStatus(): { source: string; lastSyncAt: string | null; count: number; error: string | null } {
    const s = this.store.syncState('kennis');
    return { source: this.sourceLabel, lastSyncAt: s?.last_sync_at ?? null, count: this.store.countArtikelen(), error: s?.error ?? null };
  }
}

type KennisOps =
  | 'kennis.search'
  | 'kennis.get'
  | 'kennis.used'
  | 'kennis.news'
  | 'kennis.markRead'
  | 'kennis.feedback'
  | 'kennis.feedbackList'
  | 'kennis.synonyms'
  | 'kennis.upsertSynonyms'
  | 'kennis.syncStatus';

export function kennisHandlers(service: KennisService): Pick<Handlers, KennisOps> {
  return {
    'kennis.search': (input) => service.find(input.query, input.limit),
    'kennis.get': (input) => service.get(input.id, input.kanaal),
    'kennis.used': (input) => {
      service.used(input.id);
      return { ok: true as const };
    },
    'kennis.news': (_input, ctx) => service.news(ctx.user.id),
    'kennis.markRead': (input, ctx) => {
      service.markRead(ctx.user.id, input.id);
      return { ok: true as const };
    },
    'kennis.feedback': (input, ctx) => service.feedback(input, ctx.user.naam),
    'kennis.feedbackList': () => service.feedbackList(),
    'kennis.synonyms': () => service.store.synonymGroups(),
    'kennis.upsertSynonyms': (input) => service.upsertSynonyms(input.groep, input.termen),
    'kennis.syncStatus': () => service.syncStatus(),
  };
}
