/**
 * Keyboard preferences. Single-character shortcuts (WCAG 2.1.4) can be switched off; the choice
 * is kept on this workstation (localStorage) so it survives a restart.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';

const KEY = 'klantbeeld.charShortcuts';

/** A shortcut a view offers while it is shown: keys as displayed, text an i18n key. */
export interface ShortcutRow {
  keys: readonly string[];
  text: string;
}

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export const useShortcutsStore = defineStore('shortcuts', () => {
  const charShortcuts = ref(read());
  const helpOpen = ref(false);
  watch(charShortcuts, (on) => {
    try {
      globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private mode or storage full: the choice holds for this session.
    }
  });
  /** The open views' own shortcuts, listed by the F1 help after the global ones. */
  const viewShortcuts = shallowRef<readonly ShortcutRow[]>([]);
  function register(rows: readonly ShortcutRow[]): () => void {
    viewShortcuts.value = [...viewShortcuts.value, ...rows];
    return () => {
      viewShortcuts.value = viewShortcuts.value.filter((row) => !rows.includes(row));
    };
  }
  return { charShortcuts, helpOpen, viewShortcuts, register };
});

/** Typing in a field: character keys are text there, never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}
