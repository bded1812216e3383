import { describe, expect, test } from 'vitest';
import {
  dayNumber,
  isoOfDay,
  notBefore,
  parseFuzzyDate,
  readFuzzyDate,
  type FuzzyDate,
} from '../../src/lib/domain/dates.ts';
import { formatFuzzyDate } from '../../src/lib/domain/formatFuzzyDate.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';

const d = (text: string, p: string) => parseFuzzyDate(text, p) as FuzzyDate;

describe('parseFuzzyDate', () => {
  test.each([
    { text: '2021-06-30', precision: 'day', first: '2021-06-30', last: '2021-06-30' },
    { text: '2021-06', precision: 'month', first: '2021-06-01', last: '2021-06-30' },
    { text: '2024-02', precision: 'month', first: '2024-02-01', last: '2024-02-29' },
    { text: '2019', precision: 'year', first: '2019-01-01', last: '2019-12-31' },
    { text: '2020-12', precision: 'month', first: '2020-12-01', last: '2020-12-31' },
  ])('$text ($precision) covers $first to $last', ({ text, precision, first, last }) => {
    const r = d(text, precision);
    expect([isoOfDay(r.first), isoOfDay(r.last)]).toEqual([first, last]);
  });

  test.each([
    { text: '2021-06-31', precision: 'day', error: /does not exist/ },
    { text: '2021-13', precision: 'month', error: /month 13/ },
    { text: '30/06/2021', precision: 'day', error: /not a date/ },
    { text: '2021-06', precision: 'day', error: /written as a month but its precision says day/ },
    { text: '2021', precision: 'decade', error: /not one of day, month, year/ },
    { text: '', precision: 'day', error: /not a date/ },
  ])('rejects $text ($precision)', ({ text, precision, error }) => {
    expect(say(readFuzzyDate(text, precision) as Said, 'en')).toMatch(error);
    expect(parseFuzzyDate(text, precision)).toBe((readFuzzyDate(text, precision) as Said).code);
  });
});

describe('notBefore', () => {
  test.each([
    { a: ['2021-06-30', 'day'], b: ['2021-06-30', 'day'], expected: true },
    { a: ['2021-06-30', 'day'], b: ['2021-06-29', 'day'], expected: false },
    // A year-precise closing in the opening's year may be after it: not an error.
    { a: ['2020-04', 'month'], b: ['2020', 'year'], expected: true },
    { a: ['2021', 'year'], b: ['2020-12', 'month'], expected: false },
  ])('$b.0 not before $a.0 → $expected', ({ a, b, expected }) => {
    expect(notBefore(d(b[0]!, b[1]!), d(a[0]!, a[1]!))).toBe(expected);
  });
});

describe('formatFuzzyDate', () => {
  test.each([
    { text: '2019-06-30', precision: 'day', expected: '30 Jun 2019' },
    { text: '2020-02', precision: 'month', expected: 'Feb 2020 (month)' },
    { text: '2019', precision: 'year', expected: '2019 (year)' },
  ])('$text → $expected', ({ text, precision, expected }) => {
    expect(formatFuzzyDate(d(text, precision))).toBe(expected);
  });

  test('day numbers round-trip', () => {
    expect(isoOfDay(dayNumber(2024, 7, 5))).toBe('2024-07-05');
  });
});
