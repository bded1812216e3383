/** Picking an imported event: the nearest shown one in the window, within the radius. */
import { describe, expect, test } from 'vitest';
import { nearestEvent } from '../../src/lib/import/eventPick.ts';
import { EventColumnsBuilder } from '../../src/lib/import/eventColumns.ts';
import type { EventRow } from '../../src/lib/import/types.ts';

const cols = (pts: [number, number, number][]) => {
  const b = new EventColumnsBuilder();
  pts.forEach(([lon, lat, day], i) =>
    b.add(
      {
        day,
        dayEnd: day,
        datePrecision: 'day',
        lon,
        lat,
        fatalities: null,
        eventType: 'Battles',
        actor1: '',
        actor2: '',
        family: 'unknown',
        admin1: '',
        location: '',
      } satisfies EventRow,
      i,
      1,
      i + 2,
    ),
  );
  return b.finish();
};

describe('nearestEvent', () => {
  // Sorted by day: index 0 is (29, -1) on day 1, index 1 (29.1, -1) day 2, index 2 (29, -1) day 3.
  const c = cols([
    [29, -1, 1],
    [29.1, -1, 2],
    [29, -1, 3],
  ]);
  test.each([
    { name: 'nearest in the window', lo: 0, hi: 2, x: 29.09, y: -1, r: 0.05, expected: 1 },
    { name: 'nothing within the radius', lo: 0, hi: 3, x: 29.5, y: -1, r: 0.1, expected: -1 },
    { name: 'a stack: the most recent wins', lo: 0, hi: 3, x: 29, y: -1, r: 0.01, expected: 2 },
    {
      name: 'outside the window is never picked',
      lo: 1,
      hi: 2,
      x: 29,
      y: -1,
      r: 0.05,
      expected: -1,
    },
    { name: 'an empty window', lo: 2, hi: 2, x: 29, y: -1, r: 1, expected: -1 },
  ])('$name', ({ lo, hi, x, y, r, expected }) => {
    expect(nearestEvent(c, lo, hi, null, x, y, r)).toBe(expected);
  });

  test('latitude is stretched as on the map', () => {
    // 0.1° north of index 1 is out of a 0.09° radius only once stretched.
    expect(nearestEvent(c, 1, 2, null, 29.1, -1.085, 0.09, 1)).toBe(1);
    expect(nearestEvent(c, 1, 2, null, 29.1, -1.085, 0.09, 1.1)).toBe(-1);
  });

  test('a filtered-out event is never picked; the next nearest shown one is', () => {
    const shown = new Uint8Array([1, 1, 0]);
    expect(nearestEvent(c, 0, 3, shown, 29, -1, 0.2)).toBe(0);
  });
});
