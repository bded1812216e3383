import { describe, expect, test } from 'vitest';
import { sortByDay, windowSlice } from '../../src/lib/map/layers/eventPoints.ts';

const points = (days: number[]) => ({
  length: days.length,
  // Each event's lon is its input index, so the sort's permutation is visible.
  positions: new Float32Array(days.flatMap((_, i) => [i, -i])),
  days: new Float32Array(days),
});

describe('sortByDay', () => {
  test.each([
    { days: [], order: [] },
    { days: [5], order: [0] },
    { days: [30, 10, 20], order: [1, 2, 0] },
    // Equal days keep their input order (stable).
    { days: [7, 3, 7, 3], order: [1, 3, 0, 2] },
  ])('$days → input order $order', ({ days, order }) => {
    const s = sortByDay(points(days));
    expect(s.length).toBe(days.length);
    expect([...s.days]).toEqual(order.map((i) => days[i]));
    expect([...s.positions]).toEqual(order.flatMap((i) => [i, -i]));
  });

  test('leaves its input untouched', () => {
    const p = points([3, 1, 2]);
    sortByDay(p);
    expect([...p.days]).toEqual([3, 1, 2]);
  });
});

describe('windowSlice', () => {
  const days = new Float32Array([10, 10, 12, 15, 15.5, 20, 31]);
  test.each([
    { from: 10, to: 10, slice: [0, 2], why: 'one day, both events on it' },
    { from: 11, to: 14, slice: [2, 3], why: 'inside' },
    { from: 15, to: 15, slice: [3, 5], why: 'a time of day counts in its day' },
    { from: 0, to: 9, slice: [0, 0], why: 'before all' },
    { from: 32, to: 40, slice: [7, 7], why: 'after all' },
    { from: 0, to: 100, slice: [0, 7], why: 'all' },
    { from: 16, to: 19, slice: [5, 5], why: 'a gap: empty, at the right place' },
    { from: 20, to: 10, slice: [0, 0], why: 'reversed window: empty' },
  ])('[$from, $to] → $slice ($why)', ({ from, to, slice }) => {
    expect(windowSlice(days, from, to)).toEqual(slice);
  });

  test('matches a linear scan on random data', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 100;
    const sorted = sortByDay(points(Array.from({ length: 500 }, () => Math.floor(rnd()))));
    for (let k = 0; k < 50; k++) {
      const from = Math.floor(rnd());
      const to = from + Math.floor(rnd() / 4);
      const [a, b] = windowSlice(sorted.days, from, to);
      const inside = [...sorted.days].filter((d) => d >= from && d <= to).length;
      expect(b - a).toBe(inside);
      if (b > a) expect(sorted.days[a]! >= from && sorted.days[b - 1]! <= to).toBe(true);
    }
  });
});
