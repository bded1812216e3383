/**
 * The day, month and year of an ISO day, for DateField.svelte: the native date input writes
 * mm/dd/yyyy in an English browser whatever the app's language, so the app draws its own three
 * fields, in the language's order and with its month names (Intl).
 *
 * A day the month lacks (31 February, 31 April) is CLAMPED to the month's last day rather than
 * refused: with three separate fields, going from 31 January to February must give a date, not
 * an empty or invalid field; the field shows the day it settled on, so nothing is hidden.
 * The whole date is then clamped into the app's range, when one is given.
 */
import { LOCALE_INFO, type Locale } from './locales.ts';

export interface DateParts {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

export type PartName = keyof DateParts;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real calendar day written YYYY-MM-DD, or null. */
export function splitIso(iso: string): DateParts | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidParts(p) ? p : null;
}

/** YYYY-MM-DD of the parts (not checked: see clampParts). */
export function joinParts(p: DateParts): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** Days in a month of the proleptic Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the parts name a day that exists, in years 1–9999. */
export function isValidParts(p: DateParts): boolean {
  return (
    [p.year, p.month, p.day].every(Number.isInteger) &&
    p.year >= 1 &&
    p.year <= 9999 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month)
  );
}

/**
 * A real day from parts that may not be one: the month into 1–12, the day into the month's
 * days (31 February → 28 or 29), then the date into [min, max] (ISO days) when given.
 */
export function clampParts(p: DateParts, min?: string, max?: string): DateParts {
  const year = Math.min(9999, Math.max(1, Math.trunc(p.year) || 1));
  const month = Math.min(12, Math.max(1, Math.trunc(p.month) || 1));
  const day = Math.min(daysInMonth(year, month), Math.max(1, Math.trunc(p.day) || 1));
  const iso = joinParts({ year, month, day });
  // ISO days compare as strings.
  if (min && splitIso(min) && iso < min) return splitIso(min)!;
  if (max && splitIso(max) && iso > max) return splitIso(max)!;
  return { year, month, day };
}

/** The ISO day after one part changed, clamped as clampParts says. */
export function withPart(
  iso: string,
  part: PartName,
  value: number,
  min?: string,
  max?: string,
): string {
  const p = splitIso(iso) ?? splitIso(min ?? '') ?? { year: 2000, month: 1, day: 1 };
  return joinParts(clampParts({ ...p, [part]: value }, min, max));
}

/** The month names of the language, January first ("janvier" … "décembre"). */
export function monthNames(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(LOCALE_INFO[locale].intl, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2001, i, 1))));
}

/** The order the language writes a date's parts in: day, month, year in English and French. */
export function partOrder(locale: Locale): PartName[] {
  const parts = new Intl.DateTimeFormat(LOCALE_INFO[locale].intl, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2001, 0, 15)));
  return parts
    .map((x) => x.type)
    .filter((t): t is PartName => t === 'day' || t === 'month' || t === 'year');
}

/** The years a field offers: the range's, or ten either side of the value without one. */
export function yearsOf(iso: string, min?: string, max?: string): number[] {
  const at = splitIso(iso)?.year ?? new Date().getUTCFullYear();
  const from = splitIso(min ?? '')?.year ?? Math.min(at, at - 10);
  const to = splitIso(max ?? '')?.year ?? Math.max(at, at + 10);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
