/** Search as you type: debounced customers.search; stale answers never overwrite newer ones. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CustomerSummary } from '../../../shared/contract';
import { client } from '../api';
import { messageOf } from '../lib/errors';
import { failure, idle, loading, success, type ServiceData } from '../lib/service-data';

export const SEARCH_DEBOUNCE_MS = 120;
export const SEARCH_MIN_LENGTH = 2;
const SEARCH_LIMIT = 20;

export const useSearchStore = defineStore('search', () => {
  const query = ref('');
  const results = ref<ServiceData<CustomerSummary[]>>(idle());
  /** The last answer, kept on screen (dimmed) while the next one loads, so the list does not flicker. */
  const previous = ref<CustomerSummary[]>([]);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;

  function cancelPending(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    sequence++;
  }

  async function run(text: string, ticket: number): Promise<void> {
    try {
      const answer = await client.customers.search({ query: text, limit: SEARCH_LIMIT });
      if (ticket !== sequence) return;
      results.value = success(answer.results);
      previous.value = answer.results;
    } catch (error) {
      if (ticket !== sequence) return;
      results.value = failure(messageOf(error, 'Zoeken is mislukt. Probeer het opnieuw.'));
    }
  }

  function setQuery(text: string): void {
    query.value = text;
    cancelPending();
    const trimmed = text.trim();
    if (trimmed.length < SEARCH_MIN_LENGTH) {
      results.value = idle();
      previous.value = [];
      return;
    }
    results.value = loading();
    const ticket = sequence;
    timer = setTimeout(() => {
      timer = null;
      void run(trimmed, ticket);
    }, SEARCH_DEBOUNCE_MS);
  }

  function clear(): void {
    setQuery('');
  }

  return { query, results, previous, setQuery, clear };
});
