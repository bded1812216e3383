/**
 * Time windows over imported events: calendar-month edges (inclusive, month ends clamped),
 * binary-searched index ranges on repeated days, the event filter and window totals.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumber, isoOfDay } from '../../src/lib/domain/dates.ts';
import {
  filterMasks,
  indexRange,
  keepsAll,
  NO_FILTER,
  passes,
  passesMasks,
  windowRange,
  windowTotals,
  type EventFilter,
  type WindowId,
} from '../../src/lib/import/eventWindow.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

/** Columns from events given in day order. */
function columns(
  events: { day: number; fat?: number; type?: number; family?: number; actor?: number }[],
): EventColumns {
  const n = events.length;
  return {
    n,
    positions: new Float32Array(2 * n),
    day: Float32Array.from(events.map((e) => e.day)),
    fatalities: Float32Array.from(events.map((e) => e.fat ?? 0)),
    eventType: Uint8Array.from(events.map((e) => e.type ?? 0)),
    family: Uint8Array.from(events.map((e) => e.family ?? 0)),
    actor: Uint32Array.from(events.map((e) => e.actor ?? 0)),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(events, (_, i) => i + 2),
    eventTypes: ['Battles', 'Violence against civilians', 'Protests'],
    actors: ['ADF', 'CODECO', 'M23', 'FARDC'],
    places: [''],
  };
}

describe('windowRange', () => {
  test.each([
    {
      name: '31 March − 1 month: February is clamped',
      at: '2025-03-31',
      w: '1m',
      first: '2025-03-01',
    },
    { name: '31 March − 1 month in a leap year', at: '2024-03-31', w: '1m', first: '2024-03-01' },
    { name: '30 March − 1 month (28 Feb + 1)', at: '2025-03-30', w: '1m', first: '2025-03-01' },
    {
      name: '29 March 2024 − 1 month (29 Feb + 1)',
      at: '2024-03-29',
      w: '1m',
      first: '2024-03-01',
    },
    { name: 'mid-month', at: '2025-03-15', w: '1m', first: '2025-02-16' },
    { name: 'first of the month', at: '2025-03-01', w: '1m', first: '2025-02-02' },
    { name: 'across the new year', at: '2025-01-15', w: '1m', first: '2024-12-16' },
    { name: '31 December − 1 month (30 Nov + 1)', at: '2025-12-31', w: '1m', first: '2025-12-01' },
    { name: '31 May − 3 months (28 Feb + 1)', at: '2025-05-31', w: '3m', first: '2025-03-01' },
    { name: '31 May 2024 − 3 months (29 Feb + 1)', at: '2024-05-31', w: '3m', first: '2024-03-01' },
    { name: '3 months across the new year', at: '2025-02-15', w: '3m', first: '2024-11-16' },
    { name: '29 Feb − 12 months (28 Feb + 1)', at: '2024-02-29', w: '12m', first: '2023-03-01' },
    { name: '12 months', at: '2025-06-30', w: '12m', first: '2024-07-01' },
  ] satisfies { name: string; at: string; w: WindowId; first: string }[])(
    '$name',
    ({ at, w, first }) => {
      const [a, b] = windowRange(day(at), w);
      expect(isoOfDay(a)).toBe(first);
      expect(b).toBe(day(at));
    },
  );

  test("'all' is everything up to the day", () => {
    expect(windowRange(day('2025-06-30'), 'all')).toEqual([-Infinity, day('2025-06-30')]);
  });

  test.each([
    { w: '1m', months: 1, min: 28, max: 31 },
    { w: '3m', months: 3, min: 89, max: 92 },
    { w: '12m', months: 12, min: 365, max: 366 },
  ] satisfies { w: WindowId; months: number; min: number; max: number }[])(
    '$w: $min to $max days, starting the day after the same date $months months back',
    ({ w, months, min, max }) => {
      fc.assert(
        fc.property(fc.integer({ min: day('1990-01-01'), max: day('2040-12-31') }), (d) => {
          const [first, last] = windowRange(d, w);
          const length = last - first + 1;
          expect(length).toBeGreaterThanOrEqual(min);
          expect(length).toBeLessThanOrEqual(max);
          const before = new Date((first - 1) * 86_400_000);
          const now = new Date(d * 86_400_000);
          const monthsBack =
            (now.getUTCFullYear() - before.getUTCFullYear()) * 12 +
            now.getUTCMonth() -
            before.getUTCMonth();
          expect(monthsBack).toBe(months);
          // Same day of the month, or that month's last day when it is shorter.
          const monthEnd = new Date(
            Date.UTC(before.getUTCFullYear(), before.getUTCMonth() + 1, 0),
          ).getUTCDate();
          expect(before.getUTCDate()).toBe(Math.min(now.getUTCDate(), monthEnd));
        }),
        { seed: 24, numRuns: 300 },
      );
    },
  );
});

describe('indexRange', () => {
  const days = Float32Array.from([1, 1, 2, 2, 2, 5, 7, 7]);
  test.each([
    { name: 'repeated days at both ends are all in', first: 2, last: 5, expected: [2, 6] },
    { name: 'a single repeated day', first: 7, last: 7, expected: [6, 8] },
    { name: 'a gap between days', first: 3, last: 4, expected: [5, 5] },
    { name: 'before every event', first: -10, last: 0, expected: [0, 0] },
    { name: 'after every event', first: 8, last: 10, expected: [8, 8] },
    { name: 'everything', first: -Infinity, last: 7, expected: [0, 8] },
    { name: 'the first day only', first: 1, last: 1, expected: [0, 2] },
    { name: 'an inverted window is empty', first: 5, last: 2, expected: [5, 5] },
  ])('$name', ({ first, last, expected }) => {
    expect(indexRange(days, first, last)).toEqual(expected);
  });

  test('empty days', () => {
    expect(indexRange(new Float32Array(0), 0, 10)).toEqual([0, 0]);
  });

  test('equals a linear scan on random sorted days', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: -2, max: 42 }),
        fc.integer({ min: 0, max: 20 }),
        (raw, first, span) => {
          const days = Float32Array.from(raw.sort((a, b) => a - b));
          const last = first + span;
          const [lo, hi] = indexRange(days, first, last);
          const inside = [...days.keys()].filter((i) => days[i]! >= first && days[i]! <= last);
          expect(hi - lo).toBe(inside.length);
          if (inside.length) expect([lo, hi - 1]).toEqual([inside[0], inside.at(-1)]);
        },
      ),
      { seed: 24, numRuns: 300 },
    );
  });
});

describe('passes', () => {
  const cols = columns([
    { day: 0, fat: 3, type: 0, family: 1, actor: 0 },
    { day: 0, fat: 0, type: 1, family: 3, actor: 1 },
    { day: 0, fat: -1, type: 2, family: 5, actor: 2 },
  ]);
  const f = (over: Partial<EventFilter>): EventFilter => ({ ...NO_FILTER, ...over });
  test.each([
    { name: 'no filter keeps all', filter: NO_FILTER, expected: [true, true, true] },
    { name: 'by type', filter: f({ types: new Set([0, 2]) }), expected: [true, false, true] },
    {
      name: 'an empty set keeps none',
      filter: f({ types: new Set() }),
      expected: [false, false, false],
    },
    { name: 'by family', filter: f({ families: new Set([3]) }), expected: [false, true, false] },
    { name: 'by actor', filter: f({ actors: new Set([1, 2]) }), expected: [false, true, true] },
    {
      name: 'at least 1 dead: unknown fails',
      filter: f({ minFatalities: 1 }),
      expected: [true, false, false],
    },
    { name: 'at least 3 dead', filter: f({ minFatalities: 3 }), expected: [true, false, false] },
    {
      name: 'at least 0 dead keeps unknown',
      filter: f({ minFatalities: 0 }),
      expected: [true, true, true],
    },
    {
      name: 'all conditions together',
      filter: f({ types: new Set([0, 1]), families: new Set([1, 3]), actors: new Set([1]) }),
      expected: [false, true, false],
    },
  ])('$name', ({ filter, expected }) => {
    expect([0, 1, 2].map((i) => passes(cols, i, filter))).toEqual(expected);
    const m = filterMasks(cols, filter);
    expect([0, 1, 2].map((i) => passesMasks(cols, i, m))).toEqual(expected);
  });

  test.each([
    { name: 'no filter', filter: NO_FILTER, expected: true },
    { name: 'minimum 0', filter: f({ minFatalities: 0 }), expected: true },
    { name: 'minimum 1', filter: f({ minFatalities: 1 }), expected: false },
    {
      name: 'a set, even holding everything',
      filter: f({ families: new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]) }),
      expected: false,
    },
  ])('keepsAll: $name', ({ filter, expected }) => {
    expect(keepsAll(filter)).toBe(expected);
  });

  test('the lookup tables answer as the sets do, on random events and filters', () => {
    const set = (max: number) =>
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength: max + 1 }), {
        nil: null,
      });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.constant(0),
            fat: fc.integer({ min: -1, max: 5 }),
            type: fc.integer({ min: 0, max: 2 }),
            family: fc.integer({ min: 0, max: 8 }),
            actor: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 20 },
        ),
        set(2),
        set(8),
        set(3),
        fc.integer({ min: 0, max: 4 }),
        (events, types, families, actors, minFatalities) => {
          const cols = columns(events);
          const filter: EventFilter = {
            types: types && new Set(types),
            families: families && new Set(families),
            actors: actors && new Set(actors),
            minFatalities,
          };
          const m = filterMasks(cols, filter);
          for (let i = 0; i < cols.n; i++)
            expect(passesMasks(cols, i, m)).toBe(passes(cols, i, filter));
        },
      ),
      { seed: 24, numRuns: 200 },
    );
  });
});

describe('windowTotals', () => {
  const cols = columns([
    { day: 1, fat: 2, family: 1 },
    { day: 2, fat: -1, family: 1 },
    { day: 2, fat: 5, family: 3 },
    { day: 3, fat: 0, family: 1 },
    { day: 4, fat: -1, family: 3 },
  ]);
  test.each([
    {
      name: 'everything',
      lo: 0,
      hi: 5,
      filter: NO_FILTER,
      expected: { events: 5, fatalities: 7, unknownFatalities: 2 },
    },
    {
      name: 'a range',
      lo: 1,
      hi: 3,
      filter: NO_FILTER,
      expected: { events: 2, fatalities: 5, unknownFatalities: 1 },
    },
    {
      name: 'empty range',
      lo: 2,
      hi: 2,
      filter: NO_FILTER,
      expected: { events: 0, fatalities: 0, unknownFatalities: 0 },
    },
    {
      name: 'filtered by family',
      lo: 0,
      hi: 5,
      filter: { ...NO_FILTER, families: new Set([1]) },
      expected: { events: 3, fatalities: 2, unknownFatalities: 1 },
    },
    {
      name: 'at least 1 dead leaves out unknown figures',
      lo: 0,
      hi: 5,
      filter: { ...NO_FILTER, minFatalities: 1 },
      expected: { events: 2, fatalities: 7, unknownFatalities: 0 },
    },
  ])('$name', ({ lo, hi, filter, expected }) => {
    expect(windowTotals(cols, lo, hi, filter)).toEqual(expected);
  });
});
