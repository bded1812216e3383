import { describe, expect, test } from 'vitest';
import { dayNumber, parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import {
  formatDay,
  formatDayShort,
  formatMonth,
  formatMonthShort,
  formatNumber,
} from '../../src/lib/domain/format.ts';
import { formatFuzzyDate, formatFuzzyDateShort } from '../../src/lib/domain/formatFuzzyDate.ts';
import type { Locale } from '../../src/lib/domain/locales.ts';
import { dayInWords, monthInWords } from '../../src/lib/domain/timeline.ts';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
};
/** The narrow no-break space French groups digits with (U+202F), as Intl writes it. */
const NNBSP = '\u202f';

describe('formatDay: the day in words', () => {
  test.each<{ iso: string; locale: Locale; expected: string }>([
    { iso: '2021-07-15', locale: 'en', expected: '15 July 2021' },
    { iso: '2021-07-15', locale: 'fr', expected: '15 juillet 2021' },
    { iso: '2024-01-01', locale: 'en', expected: '1 January 2024' },
    // French writes the first of the month as an ordinal, and only the first.
    { iso: '2024-01-01', locale: 'fr', expected: '1er janvier 2024' },
    { iso: '2024-01-11', locale: 'fr', expected: '11 janvier 2024' },
    { iso: '2024-01-21', locale: 'fr', expected: '21 janvier 2024' },
    { iso: '2021-08-01', locale: 'fr', expected: '1er août 2021' },
    { iso: '2019-12-31', locale: 'fr', expected: '31 décembre 2019' },
    { iso: '2025-12-19', locale: 'en', expected: '19 December 2025' },
  ])('$iso in $locale → $expected', ({ iso, locale, expected }) => {
    expect(formatDay(day(iso), locale)).toBe(expected);
  });

  test('the day is read in UTC whatever the time zone (day numbers are UTC days)', () => {
    expect(formatDay(day('2019-01-01'), 'en')).toBe('1 January 2019');
  });
});

describe('formatMonth and the short forms', () => {
  test.each<{ iso: string; locale: Locale; month: string; monthShort: string; dayShort: string }>([
    {
      iso: '2021-07-15',
      locale: 'en',
      month: 'July 2021',
      monthShort: 'Jul 2021',
      dayShort: '15 Jul 2021',
    },
    {
      iso: '2021-07-15',
      locale: 'fr',
      month: 'juillet 2021',
      monthShort: 'juil. 2021',
      dayShort: '15 juil. 2021',
    },
    {
      iso: '2020-02-01',
      locale: 'fr',
      month: 'février 2020',
      monthShort: 'févr. 2020',
      dayShort: '1er févr. 2020',
    },
    {
      iso: '2019-06-30',
      locale: 'en',
      month: 'June 2019',
      monthShort: 'Jun 2019',
      dayShort: '30 Jun 2019',
    },
  ])('$iso in $locale', ({ iso, locale, month, monthShort, dayShort }) => {
    expect(formatMonth(day(iso), locale)).toBe(month);
    expect(formatMonthShort(day(iso), locale)).toBe(monthShort);
    expect(formatDayShort(day(iso), locale)).toBe(dayShort);
  });
});

describe('formatNumber: grouping and decimal mark of the language', () => {
  test.each<{ n: number; locale: Locale; expected: string }>([
    { n: 16_555_115, locale: 'en', expected: '16,555,115' },
    { n: 16_555_115, locale: 'fr', expected: `16${NNBSP}555${NNBSP}115` },
    { n: 1234, locale: 'en', expected: '1,234' },
    { n: 1234, locale: 'fr', expected: `1${NNBSP}234` },
    { n: 650, locale: 'fr', expected: '650' },
    { n: 0, locale: 'fr', expected: '0' },
    { n: 0.5, locale: 'en', expected: '0.5' },
    { n: 0.5, locale: 'fr', expected: '0,5' },
  ])('$n in $locale → $expected', ({ n, locale, expected }) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });
});

describe('formatFuzzyDate: the precision said in the language', () => {
  const d = (text: string, p: string) => parseFuzzyDate(text, p) as FuzzyDate;
  test.each<{ text: string; precision: string; locale: Locale; expected: string }>([
    { text: '2019-06-30', precision: 'day', locale: 'en', expected: '30 Jun 2019' },
    { text: '2020-02', precision: 'month', locale: 'en', expected: 'Feb 2020 (month)' },
    { text: '2019', precision: 'year', locale: 'en', expected: '2019 (year)' },
    { text: '2019-06-30', precision: 'day', locale: 'fr', expected: '30 juin 2019' },
    { text: '2024-03-01', precision: 'day', locale: 'fr', expected: '1er mars 2024' },
    { text: '2020-02', precision: 'month', locale: 'fr', expected: 'févr. 2020 (au mois près)' },
    { text: '2019', precision: 'year', locale: 'fr', expected: '2019 (à l’année près)' },
  ])('$text ($precision) in $locale → $expected', ({ text, precision, locale, expected }) => {
    expect(formatFuzzyDate(d(text, precision), locale)).toBe(expected);
  });
});

describe('formatFuzzyDateShort: the form alone carries the precision', () => {
  const d = (text: string, p: string) => parseFuzzyDate(text, p) as FuzzyDate;
  test.each<{ text: string; precision: string; locale: Locale; expected: string }>([
    { text: '2019-10-03', precision: 'day', locale: 'en', expected: '3 Oct 2019' },
    { text: '2025-10', precision: 'month', locale: 'en', expected: 'Oct 2025' },
    { text: '2019', precision: 'year', locale: 'en', expected: '2019' },
    { text: '2025-10', precision: 'month', locale: 'fr', expected: 'oct. 2025' },
  ])('$text ($precision) in $locale → $expected', ({ text, precision, locale, expected }) => {
    expect(formatFuzzyDateShort(d(text, precision), locale)).toBe(expected);
  });
});

describe('the timeline words go through the same functions, English by default', () => {
  test.each([
    { iso: '2021-07-15', words: '15 July 2021', month: 'July 2021' },
    { iso: '2024-01-01', words: '1 January 2024', month: 'January 2024' },
  ])('$iso', ({ iso, words, month }) => {
    expect(dayInWords(day(iso))).toBe(words);
    expect(monthInWords(day(iso))).toBe(month);
    expect(dayInWords(day(iso), 'fr')).toBe(formatDay(day(iso), 'fr'));
  });
});
