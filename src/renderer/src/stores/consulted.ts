/**
 * Kennisbank articles consulted per open contact (by draft id), and the clerk's "antwoord
 * gevonden in de kennisbank: ja/nee". The kennisbank panel adds to it; the contact form shows
 * the chips; finishing the contact sends them along (contacts.finish) and clears them.
 */
import { defineStore } from 'pinia';
import { reactive, watch } from 'vue';

/** Kept across a reload or restart of the window, like the draft it belongs to (article ids and titles only). */
const STORAGE_KEY = 'klantbeeld.kennis.consulted';

function restore(): { byContact: Record<string, ConsultedArticle[]>; found: Record<string, boolean | null> } {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (parsed && typeof parsed === 'object' && 'byContact' in parsed && 'found' in parsed) {
      return parsed as { byContact: Record<string, ConsultedArticle[]>; found: Record<string, boolean | null> };
    }
  } catch {
    // Unreadable: start empty.
  }
  return { byContact: {}, found: {} };
}

export interface ConsultedArticle {
  id: string;
  titel: string;
}

export const useConsultedStore = defineStore('consulted', () => {
  const saved = restore();
  const byContact = reactive<Record<string, ConsultedArticle[]>>(saved.byContact);
  const found = reactive<Record<string, boolean | null>>(saved.found);
  watch([byContact, found], () => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ byContact, found }));
    } catch {
      // Storage full or unavailable: the list still works for this session.
    }
  }, { deep: true });

  function list(contactId: string): ConsultedArticle[] {
    return byContact[contactId] ?? [];
  }
  function has(contactId: string, articleId: string): boolean {
    return list(contactId).some((a) => a.id === articleId);
  }
  /** Adds an article once; returns false when it was already there. */
  function add(contactId: string, article: ConsultedArticle): boolean {
    if (has(contactId, article.id)) return false;
    byContact[contactId] = [...list(contactId), { id: article.id, titel: article.titel }];
    if (found[contactId] === undefined || found[contactId] === null) found[contactId] = true;
    return true;
  }
  function remove(contactId: string, articleId: string): void {
    byContact[contactId] = list(contactId).filter((a) => a.id !== articleId);
  }
  function antwoordGevonden(contactId: string): boolean | null {
    return found[contactId] ?? null;
  }
  function setAntwoordGevonden(contactId: string, value: boolean | null): void {
    found[contactId] = value;
  }
  /** What contacts.finish carries. */
  function forFinish(contactId: string): { geraadpleegdeArtikelen: string[]; antwoordGevonden: boolean | null } {
    return { geraadpleegdeArtikelen: list(contactId).map((a) => a.id), antwoordGevonden: antwoordGevonden(contactId) };
  }
  function clear(contactId: string): void {
    delete byContact[contactId];
    delete found[contactId];
  }
  /** Forgets contacts that are no longer open (discarded elsewhere, finished in another window). */
  function prune(openIds: readonly string[]): void {
    for (const id of new Set([...Object.keys(byContact), ...Object.keys(found)])) if (!openIds.includes(id)) clear(id);
  }

  return { list, has, add, remove, antwoordGevonden, setAntwoordGevonden, forFinish, clear, prune };
});
