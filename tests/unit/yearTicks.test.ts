import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { yearTicks } from '../../src/lib/domain/yearTicks.ts';

const START = dayNumber(2019, 1, 1);
const AS_OF = dayNumber(2026, 2, 23);

describe('yearTicks', () => {
  test.each([
    {
      name: 'the app at 1024 px (a 550 px lane): every year 2019…2026 labelled',
      input: { min: START, max: AS_OF, width: 550, label: 28 },
      expected: { years: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], labelled: 8 },
    },
    {
      name: 'a narrow lane: every second year',
      input: { min: START, max: AS_OF, width: 220, label: 28 },
      expected: { years: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], labelled: 4 },
    },
    {
      name: 'thirty years on 300 px: every fifth',
      input: { min: dayNumber(1990, 1, 1), max: dayNumber(2019, 6, 1), width: 300, label: 28 },
      expected: { years: Array.from({ length: 30 }, (_, i) => 1990 + i), labelled: 6 },
    },
    {
      name: 'a range starting mid-year: its first year ticked at the start',
      input: { min: dayNumber(2019, 7, 1), max: dayNumber(2021, 7, 1), width: 400, label: 28 },
      expected: { years: [2019, 2020, 2021], labelled: 3 },
    },
    {
      name: 'an empty range: nothing',
      input: { min: START, max: START, width: 550, label: 28 },
      expected: { years: [], labelled: 0 },
    },
  ])('$name', ({ input, expected }) => {
    const ticks = yearTicks(input.min, input.max, input.width, input.label);
    expect(ticks.map((t) => t.year)).toEqual(expected.years);
    const labels = ticks.filter((t) => t.label !== null);
    expect(labels.length).toBe(expected.labelled);
    // Every label inside the lane, none over the next.
    labels.forEach((t, i) => {
      expect(t.label).toBeGreaterThanOrEqual(0);
      expect(t.label! + input.label).toBeLessThanOrEqual(input.width);
      if (i > 0) expect(t.label! - labels[i - 1]!.label!).toBeGreaterThanOrEqual(input.label + 6);
    });
    if (ticks.length) expect(ticks[0]!.x).toBe(0);
  });

  test('the last year, a few weeks long, is labelled inside the lane, left of its end', () => {
    const ticks = yearTicks(START, AS_OF, 550, 28);
    const last = ticks.at(-1)!;
    expect(last.x).toBeGreaterThan(530);
    expect(last.label).toBe(550 - 28);
  });
});
