/**
 * The kennisbank panel's state: the query and its hits (answers as you type; an older answer
 * never overwrites a newer one), the open article, and the news list.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { KennisArtikel, KennisHit, KennisNieuws } from '../../../shared/contract/areas/kennis';
import { client } from '../api';
import { messageOf } from '../lib/errors';

export const SEARCH_DELAY_MS = 80;

export const useKennisStore = defineStore('kennis', () => {
  const query = ref('');
  const hits = ref<KennisHit[]>([]);
  const searched = ref('');
  const searching = ref(false);
  const searchError = ref<string | null>(null);
  const article = ref<KennisArtikel | null>(null);
  const articleError = ref<string | null>(null);
  const news = ref<KennisNieuws[]>([]);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function runSearch(q: string): Promise<void> {
    const mine = ++seq;
    if (!q.trim()) {
      hits.value = [];
      searched.value = '';
      searching.value = false;
      return;
    }
    searching.value = true;
    try {
      const result = await client.kennis.search({ query: q, limit: 10 });
      if (mine !== seq) return;
      hits.value = result.hits;
      searched.value = q;
      searchError.value = null;
    } catch (error) {
      if (mine !== seq) return;
      searchError.value = messageOf(error, 'Zoeken in de kennisbank is mislukt.');
    } finally {
      if (mine === seq) searching.value = false;
    }
  }

  function setQuery(q: string): void {
    query.value = q;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runSearch(q), SEARCH_DELAY_MS);
  }

  /** Enter: search now (no waiting for the debounce) and return the best hit. */
  async function searchNow(): Promise<KennisHit | null> {
    if (timer) clearTimeout(timer);
    if (searched.value !== query.value || searching.value) await runSearch(query.value);
    return hits.value[0] ?? null;
  }

  async function open(id: string, kanaal?: string): Promise<void> {
    try {
      article.value = await client.kennis.get({ id, ...(kanaal ? { kanaal } : {}) });
      articleError.value = null;
    } catch (error) {
      articleError.value = messageOf(error, 'Dit artikel kon niet worden geopend.');
    }
  }

  function close(): void {
    article.value = null;
    articleError.value = null;
  }

  async function loadNews(): Promise<void> {
    try {
      news.value = await client.kennis.news({});
    } catch {
      // News is a nice-to-have; the search keeps working.
    }
  }

  async function markRead(id: string): Promise<void> {
    await client.kennis.markRead({ id });
    news.value = news.value.map((n) => (n.id === id ? { ...n, gelezen: true } : n));
  }

  return { query, hits, searched, searching, searchError, article, articleError, news, setQuery, searchNow, open, close, loadNews, markRead };
});
