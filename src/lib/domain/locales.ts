/**
 * The one registry of the interface's languages: what Intl needs to write dates and numbers in
 * each. The language list itself is project.inlang/settings.json's (Paraglide's `Locale` type
 * is made from it), so a language added there without an entry here fails the type check.
 * Words are not here: each language's name and every message are in its catalogue,
 * messages/{locale}.json.
 */
import type { Locale } from '../../paraglide/runtime.js';

export type { Locale };

export interface LocaleInfo {
  /** The BCP 47 tag Intl formats with: English writes day, month, year ("15 July 2021"). */
  intl: string;
  /** How the first of the month is written, where it is not the plain "1" ("1er" in French). */
  firstOfMonth?: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  en: { intl: 'en-GB' },
  fr: { intl: 'fr-FR', firstOfMonth: '1er' },
};

/** The languages, the first being the base (what a link without `lang=` was written in). */
export const LOCALES = Object.keys(LOCALE_INFO) as Locale[];
export const BASE_LOCALE: Locale = 'en';

/** True for a language of the interface ("fr"), not a regional tag ("fr-CD"). */
export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as string[]).includes(s);
}

/** The interface language for a browser language tag: "fr-CD" → "fr"; undefined if none. */
export function localeOfTag(tag: string): Locale | undefined {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/**
 * Which language to show: the link's `lang=`, else the choice stored in this browser, else the
 * first of the browser's languages the interface has, else English. A value that is not a
 * language of the interface (an old stored value, `lang=de`) is passed over.
 */
export function resolveLocale(from: {
  link?: string | null | undefined;
  stored?: string | null | undefined;
  browser?: readonly string[];
}): Locale {
  if (isLocale(from.link)) return from.link;
  if (isLocale(from.stored)) return from.stored;
  for (const tag of from.browser ?? []) {
    const l = localeOfTag(tag);
    if (l) return l;
  }
  return BASE_LOCALE;
}
