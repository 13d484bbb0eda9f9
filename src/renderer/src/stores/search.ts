/**
 * Search as you type: debounced customers.search on the cache; stale answers never overwrite
 * newer ones. For keys Open Klant or the registers can answer (BSN, KvK, vestigingsnummer,
 * phone, e-mail, name, postcode) the same query then goes to customers.searchRemote and its
 * matches are merged in, marked by source; the
 * cached answer is never held back for it. A BSN that fails the elfproef is explained at once,
 * without asking anyone.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { RegisterOnlyHit, SearchHit, SearchKindName } from '../../../shared/contract';
import { BSN_INVALID_MESSAGE, GEBOORTEDATUM_INVALID_MESSAGE, classifySearch } from '../../../shared/identify';
import { client } from '../api';
import { messageOf } from '../lib/errors';
import { failure, idle, loading, success, type ServiceData } from '../lib/service-data';

export const SEARCH_DEBOUNCE_MS = 120;
export const SEARCH_MIN_LENGTH = 2;
const SEARCH_LIMIT = 20;
/** Kinds Open Klant or a register (BRP, KvK) can answer; names and addresses go to the registers (issue 12). */
const REMOTE_KINDS = new Set<SearchKindName>(['bsn', 'kvk', 'vestigingsnummer', 'telefoon', 'email', 'naam-geboortedatum', 'naam', 'postcode']);

export type RemoteState = 'idle' | 'searching' | 'done' | 'failed';

export const useSearchStore = defineStore('search', () => {
  const query = ref('');
  const results = ref<ServiceData<SearchHit[]>>(idle());
  /** The last answer, kept on screen (dimmed) while the next one loads, so the list does not flicker. */
  const previous = ref<SearchHit[]>([]);
  /** What the query was understood as: `telefoon`, `postcode`, `bsn`, … */
  const kind = ref<SearchKindName>('naam');
  /** Why the query cannot be searched as typed (a failing elfproef), or null. */
  const message = ref<string | null>(null);
  /** A number still being typed: nothing to search yet (not an error). */
  const incomplete = ref(false);
  /** The zaaksysteem is being asked as well (only for keys it can answer). */
  const remote = ref<RemoteState>('idle');
  /** Persons (BRP) and organisations (KvK) without a partij in Open Klant yet: shown apart, marked by register. */
  const registers = ref<RegisterOnlyHit[]>([]);
  /** The local index is being re-read (after a sign-in): a progress line shows under the search. */
  const indexing = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;

  function cancelPending(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    sequence++;
  }

  function merge(extra: SearchHit[]): void {
    if (results.value.state !== 'success') return;
    const seen = new Set(results.value.data.map((c) => c.id));
    const added = extra.filter((c) => !seen.has(c.id));
    if (added.length === 0) return;
    const data = [...results.value.data, ...added];
    results.value = success(data);
    previous.value = data;
  }

  async function runRemote(text: string, ticket: number): Promise<void> {
    remote.value = 'searching';
    try {
      const answer = await client.customers.searchRemote({ query: text, limit: SEARCH_LIMIT });
      if (ticket !== sequence) return;
      merge(answer.results);
      registers.value = answer.registers ?? [];
      // E.g. "the BRP knows this person, but the zaaksysteem has no customer for this BSN".
      if (answer.message) message.value = answer.message;
      remote.value = 'done';
    } catch {
      if (ticket !== sequence) return;
      // The cached answer stands; the clerk sees that the zaaksysteem could not be asked.
      remote.value = 'failed';
    }
  }

  async function run(text: string, ticket: number): Promise<void> {
    try {
      const answer = await client.customers.search({ query: text, limit: SEARCH_LIMIT });
      if (ticket !== sequence) return;
      results.value = success(answer.results);
      previous.value = answer.results;
      message.value = answer.message ?? null;
    } catch (error) {
      if (ticket !== sequence) return;
      results.value = failure(messageOf(error, 'Zoeken is mislukt. Probeer het opnieuw.'));
      return;
    }
    if (REMOTE_KINDS.has(kind.value)) await runRemote(text, ticket);
  }

  function setQuery(text: string): void {
    query.value = text;
    cancelPending();
    remote.value = 'idle';
    registers.value = [];
    message.value = null;
    incomplete.value = false;
    const trimmed = text.trim();
    if (trimmed.length < SEARCH_MIN_LENGTH) {
      results.value = idle();
      previous.value = [];
      kind.value = 'naam';
      return;
    }
    kind.value = classifySearch(trimmed).kind;
    if (kind.value === 'onvolledig') {
      results.value = success([]);
      previous.value = [];
      incomplete.value = true;
      return;
    }
    if (kind.value === 'bsn-invalid' || kind.value === 'geboortedatum-invalid') {
      // Checked as you type: no call, a clear message instead of "no results".
      results.value = success([]);
      previous.value = [];
      message.value = kind.value === 'bsn-invalid' ? BSN_INVALID_MESSAGE : GEBOORTEDATUM_INVALID_MESSAGE;
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

  /** A person only the BRP knows becomes a customer (the partij follows through the outbox); their id. */
  async function createFromRegister(sleutel: string): Promise<string> {
    return (await client.customers.fromRegister({ sleutel })).customerId;
  }

  // A query typed while the index was re-read is asked again once it is ready: no retyping.
  client.events.on('customers.index', ({ state }) => {
    indexing.value = state === 'bezig';
    if (state === 'klaar' && query.value.trim().length >= SEARCH_MIN_LENGTH) setQuery(query.value);
  });

  return { query, results, previous, kind, message, incomplete, remote, registers, indexing, setQuery, clear, createFromRegister };
});
