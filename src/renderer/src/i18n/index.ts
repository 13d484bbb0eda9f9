/**
 * vue-i18n, Dutch first. Messages are plain strings compiled by vue-i18n's JIT compiler, which
 * builds an AST and needs no eval, so the app runs under a CSP without 'unsafe-eval'.
 */
import { createI18n } from 'vue-i18n';
import en from './en';
import nl, { type Messages } from './nl';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
const STORAGE_KEY = 'klantbeeld.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage may be unavailable; Dutch it is.
  }
  return 'nl';
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'nl',
  messages: { nl, en },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered; harmless.
  }
}

document.documentElement.lang = i18n.global.locale.value;
