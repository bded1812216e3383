/**
 * Dates and numbers as the reader's language writes them, through Intl: "15 July 2021",
 * "15 juillet 2021", "1er janvier 2024", "16 555 115" (French groups digits with the narrow
 * no-break space Intl gives). Dates are day numbers (days since 1970-01-01) read in UTC, as
 * everywhere in the app. Formatters are made once per language and kind: a timeline step
 * formats a date or two, and building an Intl.DateTimeFormat costs far more than using one.
 */
import { LOCALE_INFO, type Locale } from './locales.ts';

const DAY_MS = 86_400_000;

const KINDS = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  dayShort: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  monthShort: { month: 'short', year: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type DateKind = keyof typeof KINDS;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function dateFormat(locale: Locale, kind: DateKind): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let f = dateFormats.get(key);
  if (!f)
    dateFormats.set(key, (f = new Intl.DateTimeFormat(LOCALE_INFO[locale].intl, KINDS[kind])));
  return f;
}

/** A date with its day, the first of the month written as the language does ("1er"). */
function withDay(day: number, locale: Locale, kind: 'day' | 'dayShort'): string {
  const first = LOCALE_INFO[locale].firstOfMonth;
  const parts = dateFormat(locale, kind).formatToParts(new Date(day * DAY_MS));
  return parts
    .map((p) => (p.type === 'day' && first && Number(p.value) === 1 ? first : p.value))
    .join('');
}

/** The day in words: "15 July 2021", "1er janvier 2024". */
export function formatDay(day: number, locale: Locale): string {
  return withDay(day, locale, 'day');
}

/** The day with the month abbreviated: "30 Jun 2019", "30 juin 2019". */
export function formatDayShort(day: number, locale: Locale): string {
  return withDay(day, locale, 'dayShort');
}

/** The month of a day: "July 2021", "juillet 2021". */
export function formatMonth(day: number, locale: Locale): string {
  return dateFormat(locale, 'month').format(new Date(day * DAY_MS));
}

/** The month of a day, abbreviated: "Feb 2020", "févr. 2020". */
export function formatMonthShort(day: number, locale: Locale): string {
  return dateFormat(locale, 'monthShort').format(new Date(day * DAY_MS));
}

/** A number with the language's grouping and decimal mark: "16,555,115", "16 555 115", "0,5". */
export function formatNumber(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(LOCALE_INFO[locale].intl)));
  return f.format(n);
}
