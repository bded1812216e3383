/**
 * Dates as the sources give them: a day, a month or only a year, with the precision said
 * out loud. A fuzzy date covers a range of days; comparisons use the range, never a guess.
 */
import type { Said } from './problems.ts';

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface FuzzyDate {
  /** As written in the data: YYYY-MM-DD, YYYY-MM or YYYY. */
  text: string;
  precision: Precision;
  /** First and last day covered, as days since 1970-01-01 (UTC). */
  first: number;
  last: number;
}

const DAY_MS = 86_400_000;
const FORMAT: Record<Precision, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
};

/** Days since the epoch for a UTC calendar date (month 1–12). */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Which precision a date's text implies, or undefined if it is none of the three forms. */
export function precisionOf(text: string): Precision | undefined {
  return PRECISIONS.find((p) => FORMAT[p].test(text));
}

/**
 * Parses a date and its stated precision. Returns what is wrong, as a problem code (the words
 * are in problems.ts), when the text is malformed, not a real calendar date, or does not match
 * the stated precision.
 */
export function parseFuzzyDate(text: string, precision: string): FuzzyDate | string {
  const r = readFuzzyDate(text, precision);
  return 'code' in r ? r.code : r;
}

/** Like parseFuzzyDate, with the problem's parameters, for a data problem (scenario.ts). */
export function readFuzzyDate(text: string, precision: string): FuzzyDate | Said {
  const implied = precisionOf(text);
  if (!implied) return { code: 'date_form' };
  if (!(PRECISIONS as readonly string[]).includes(precision))
    return { code: 'date_precision_unknown', params: { precision } };
  if (implied !== precision)
    return { code: 'date_precision_mismatch', params: { written: implied, precision } };
  const [, ys, ms, ds] = FORMAT[implied].exec(text)!;
  const y = Number(ys);
  const m = ms ? Number(ms) : undefined;
  const d = ds ? Number(ds) : undefined;
  if (m !== undefined && (m < 1 || m > 12)) return { code: 'date_no_month', params: { month: m } };
  if (d !== undefined) {
    const first = dayNumber(y, m!, d);
    if (isoOfDay(first) !== text)
      return { code: 'date_no_day', params: { day: d, month: `${ys}-${ms}` } };
    return { text, precision: 'day', first, last: first };
  }
  if (m !== undefined)
    return {
      text,
      precision: 'month',
      first: dayNumber(y, m, 1),
      last: dayNumber(y, m + 1, 1) - 1,
    };
  return { text, precision: 'year', first: dayNumber(y, 1, 1), last: dayNumber(y + 1, 1, 1) - 1 };
}

/** True when b cannot be earlier than a: some day of b is on or after the first day of a. */
export function notBefore(b: FuzzyDate, a: FuzzyDate): boolean {
  return b.last >= a.first;
}
