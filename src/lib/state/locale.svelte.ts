/**
 * The interface's language, as Svelte state: every message (src/paraglide, compiled from
 * messages/{locale}.json) reads it through Paraglide's getLocale, which `installLocale`
 * overrides (https://paraglidejs.com/strategy, overwriteGetLocale / overwriteSetLocale). So a
 * switch re-renders every translated string at once, with no reload of the page or the map,
 * which Paraglide's own setLocale would do.
 *
 * One for the page, not a context like the other state classes: Paraglide's runtime, which
 * every message calls, is itself one per page.
 */
import { overwriteGetLocale, overwriteSetLocale } from '../../paraglide/runtime.js';
import { parseHash } from '../domain/hash.ts';
import { BASE_LOCALE, resolveLocale, type Locale } from '../domain/locales.ts';

/** Where the choice is kept: one small preference (saved work is in IndexedDB, savedStore.ts). */
export const LOCALE_KEY = 'drawdown-map/lang';

export class LocaleState {
  current = $state<Locale>(BASE_LOCALE);

  /** Shows the interface in `locale` (a link's, or the resolved one) without storing it. */
  show(locale: Locale): void {
    this.current = locale;
    // Screen readers pick their voice, and browsers their hyphenation and quotes, from it.
    document.documentElement.lang = locale;
  }

  /** The reader's own choice: shown, and kept in this browser for the next visit. */
  choose(locale: Locale): void {
    this.show(locale);
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Storage blocked (some private modes): the choice lasts this visit, and the link keeps it.
    }
  }

  /**
   * Shows the language a link names or, without one, the stored choice, else the browser's
   * languages, else English (resolveLocale). A link's language is not stored: it is the
   * sender's, and Back/Forward may bring others.
   */
  follow(link: Locale | undefined): void {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LOCALE_KEY);
    } catch {
      // As in choose().
    }
    this.show(resolveLocale({ link, stored, browser: navigator.languages }));
  }
}

export const locale = new LocaleState();

/** Makes the state Paraglide's locale and shows the link's language. Call once, before mount. */
export function installLocale(hash: string): void {
  overwriteGetLocale(() => locale.current);
  overwriteSetLocale((l) => locale.choose(l));
  locale.follow(parseHash(hash).lang);
}
