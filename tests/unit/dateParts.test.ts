/** DateField's pure part: splitting an ISO day, clamping a day the month lacks, the range. */
import { describe, expect, test } from 'vitest';
import {
  clampParts,
  daysInMonth,
  isValidParts,
  joinParts,
  monthNames,
  partOrder,
  splitIso,
  withPart,
  yearsOf,
} from '../../src/lib/domain/dateParts.ts';

describe('splitIso and joinParts', () => {
  test.each([
    { iso: '2021-07-15', parts: { year: 2021, month: 7, day: 15 } },
    { iso: '2024-02-29', parts: { year: 2024, month: 2, day: 29 } },
    { iso: '0999-01-01', parts: { year: 999, month: 1, day: 1 } },
    { iso: '2023-02-29', parts: null },
    { iso: '2021-13-01', parts: null },
    { iso: '2021-7-15', parts: null },
    { iso: '', parts: null },
  ])('$iso → $parts', ({ iso, parts }) => {
    expect(splitIso(iso)).toEqual(parts);
    if (parts) expect(joinParts(parts)).toBe(iso);
  });
});

describe('daysInMonth and isValidParts', () => {
  test.each([
    { year: 2021, month: 2, days: 28 },
    { year: 2024, month: 2, days: 29 },
    { year: 1900, month: 2, days: 28 },
    { year: 2000, month: 2, days: 29 },
    { year: 2021, month: 4, days: 30 },
    { year: 2021, month: 12, days: 31 },
  ])('$year-$month has $days days', ({ year, month, days }) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(isValidParts({ year, month, day: days })).toBe(true);
    expect(isValidParts({ year, month, day: days + 1 })).toBe(false);
  });
});

describe('clampParts: a day the month lacks becomes its last day, then the range applies', () => {
  test.each([
    { name: '31 February 2021', p: { year: 2021, month: 2, day: 31 }, out: '2021-02-28' },
    { name: '31 February 2024 (leap)', p: { year: 2024, month: 2, day: 31 }, out: '2024-02-29' },
    { name: '31 April', p: { year: 2021, month: 4, day: 31 }, out: '2021-04-30' },
    { name: 'month 13', p: { year: 2021, month: 13, day: 5 }, out: '2021-12-05' },
    { name: 'day 0', p: { year: 2021, month: 3, day: 0 }, out: '2021-03-01' },
    {
      name: 'before min',
      p: { year: 1999, month: 6, day: 1 },
      min: '2010-01-01',
      out: '2010-01-01',
    },
    {
      name: 'after max',
      p: { year: 2031, month: 6, day: 1 },
      max: '2027-12-31',
      out: '2027-12-31',
    },
    {
      name: 'in range',
      p: { year: 2021, month: 6, day: 1 },
      min: '2010-01-01',
      max: '2027-12-31',
      out: '2021-06-01',
    },
  ])('$name → $out', ({ p, min, max, out }) => {
    expect(joinParts(clampParts(p, min, max))).toBe(out);
  });
});

describe('withPart', () => {
  test.each([
    { iso: '2021-01-31', part: 'month', v: 2, out: '2021-02-28' },
    { iso: '2024-02-29', part: 'year', v: 2023, out: '2023-02-28' },
    { iso: '2021-07-15', part: 'day', v: 3, out: '2021-07-03' },
    { iso: '2021-07-15', part: 'year', v: 2009, min: '2010-01-01', out: '2010-01-01' },
    { iso: '', part: 'day', v: 9, min: '2012-05-01', out: '2012-05-09' },
  ] as const)('$iso, $part = $v → $out', ({ iso, part, v, out, ...range }) => {
    const { min, max } = range as { min?: string; max?: string };
    expect(withPart(iso, part, v, min, max)).toBe(out);
  });
});

describe('month names and order follow the language', () => {
  test.each([
    { locale: 'en', first: 'January', last: 'December' },
    { locale: 'fr', first: 'janvier', last: 'décembre' },
  ] as const)('$locale: $first … $last', ({ locale, first, last }) => {
    const names = monthNames(locale);
    expect(names).toHaveLength(12);
    expect([names[0], names[11]]).toEqual([first, last]);
  });

  test.each(['en', 'fr'] as const)('%s writes day, month, year', (locale) => {
    expect(partOrder(locale)).toEqual(['day', 'month', 'year']);
  });
});

describe('yearsOf', () => {
  test('the range when given', () => {
    expect(yearsOf('2021-07-15', '2019-01-01', '2022-12-31')).toEqual([2019, 2020, 2021, 2022]);
  });
  test('ten years either side without one', () => {
    const ys = yearsOf('2021-07-15');
    expect([ys[0], ys.at(-1), ys.length]).toEqual([2011, 2031, 21]);
  });
});
