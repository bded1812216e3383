import { describe, expect, test } from 'vitest';
import { settler } from '../../src/lib/map/layers/settledDay.ts';

/** What a filter shows on `day`: the records with first <= day <= last, and how far faded. */
const shown = (spans: [number, number][], fade: number[], day: number) =>
  spans.map(([first, last], i) => {
    if (!(first <= day && day <= last)) return 'hidden';
    const f = fade[i] ?? 0;
    return f > 0 && day > last - f ? `fading ${last - day}` : 'shown';
  });

const SPANS: [number, number][] = [
  [10, 20],
  [15, Infinity],
  [-Infinity, 30],
  [40, 40],
];

describe('settler: the same picture as the date, with fewer distinct values', () => {
  test.each([
    { day: 0, expected: 9 },
    { day: 10, expected: 10 },
    { day: 14, expected: 10 },
    { day: 15, expected: 15 },
    { day: 20, expected: 15 },
    { day: 21, expected: 21 },
    { day: 31, expected: 31 },
    { day: 39, expected: 31 },
    { day: 40, expected: 40 },
    { day: 41, expected: 41 },
    { day: 1000, expected: 41 },
  ])('day $day settles on $expected', ({ day, expected }) => {
    expect(settler({ spans: SPANS }).settle(day)).toBe(expected);
  });

  test('every day from -5 to 50 shows exactly what its settled day shows', () => {
    const fade = [0, 0, 5, 0];
    const s = settler({ spans: SPANS, fade });
    for (let day = -5; day <= 50; day++)
      expect(shown(SPANS, fade, s.settle(day)), `day ${day}`).toEqual(shown(SPANS, fade, day));
  });

  test.each([
    { day: 25, expected: 25 },
    { day: 30, expected: 30 },
    { day: 24, expected: 21 },
    { day: 31, expected: 31 },
  ])('while a record fades, the date itself: day $day → $expected', ({ day, expected }) => {
    expect(settler({ spans: SPANS, fade: [0, 0, 6, 0] }).settle(day)).toBe(expected);
  });

  test('quiet steps give one value: a month of days with no change settles on one day', () => {
    const s = settler({ spans: SPANS });
    expect(new Set([22, 23, 24, 25, 26, 27, 28, 29, 30].map((d) => s.settle(d))).size).toBe(1);
  });

  test('no records: the date itself', () => {
    expect(settler({ spans: [] }).settle(123)).toBe(123);
  });
});
