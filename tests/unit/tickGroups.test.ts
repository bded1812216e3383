import { describe, expect, test } from 'vitest';
import { groupTicks } from '../../src/lib/domain/tickGroups.ts';

const sizes = { tick: 4, group: 14, gap: 2, width: 500 };

describe('groupTicks', () => {
  test.each([
    { name: 'no ticks: no marks', xs: [], expected: [] },
    {
      name: 'ticks far apart stay alone',
      xs: [10, 50, 90],
      expected: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    {
      name: 'six pixels apart: just clear (4 px ticks, 2 px gap)',
      xs: [100, 106],
      expected: [
        [0, 1],
        [1, 2],
      ],
    },
    { name: 'five pixels apart: one mark', xs: [100, 105], expected: [[0, 2]] },
    { name: 'a run of close ticks: one mark', xs: [100, 103, 106, 109], expected: [[0, 4]] },
    {
      name: 'a group widens to its count: a tick beside it joins',
      // 100 and 102 make a 14 px mark, 94…108: 110 is 2 px clear, 109 is not.
      xs: [100, 102, 109],
      expected: [[0, 3]],
    },
    {
      name: 'the same, one pixel further: clear',
      xs: [100, 102, 112],
      expected: [
        [0, 2],
        [2, 3],
      ],
    },
    {
      name: 'a merge reaching back joins the mark before it',
      // 80 alone (78…82); 90 and 91 alone would be clear of it, but their mark is 83.5…97.5.
      xs: [80, 90, 91],
      expected: [[0, 3]],
    },
    {
      name: 'two groups apart stay two',
      xs: [100, 101, 200, 201],
      expected: [
        [0, 2],
        [2, 4],
      ],
    },
  ])('$name', ({ xs, expected }) => {
    const marks = groupTicks(xs, sizes);
    expect(marks.map((m) => [m.from, m.to])).toEqual(expected);
    // No two marks come closer than the gap, and all are inside the lane.
    marks.forEach((m, i) => {
      expect(m.x - m.width / 2).toBeGreaterThanOrEqual(i === 0 ? -sizes.tick / 2 : 0);
      if (i > 0) {
        const prev = marks[i - 1]!;
        expect(m.x - m.width / 2 - (prev.x + prev.width / 2)).toBeGreaterThanOrEqual(sizes.gap);
      }
    });
  });

  test.each([
    { name: 'a group at the left end is kept inside the lane', xs: [0, 1], x: 7 },
    { name: 'a group at the right end is kept inside the lane', xs: [499, 500], x: 493 },
    { name: 'a lone tick keeps its own place', xs: [250], x: 250 },
    { name: 'a group is centred on its span', xs: [100, 104], x: 102 },
  ])('$name', ({ xs, x }) => {
    expect(groupTicks(xs, sizes)[0]!.x).toBe(x);
  });
});
