import { describe, expect, test } from 'vitest';
import {
  HEX_COLOURS,
  HEX_BREAKS,
  hexClass,
  hexClassRanges,
} from '../../src/lib/import/hexClasses.ts';

describe('hexClass', () => {
  test.each([
    { v: 0, k: -1 },
    { v: 0.5, k: -1 },
    { v: 1, k: 0 },
    { v: 2, k: 0 },
    { v: 3, k: 1 },
    { v: 29, k: 2 },
    { v: 30, k: 3 },
    { v: 999, k: 5 },
    { v: 1000, k: 6 },
    { v: 1e6, k: 6 },
  ])('$v → class $k', ({ v, k }) => expect(hexClass(v)).toBe(k));

  test('a colour for each class, darkening', () => {
    expect(HEX_COLOURS).toHaveLength(HEX_BREAKS.length);
    const lum = HEX_COLOURS.map(([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b);
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1]!);
  });

  test('the ranges meet end to end', () => {
    expect(hexClassRanges()).toEqual([
      [1, 2],
      [3, 9],
      [10, 29],
      [30, 99],
      [100, 299],
      [300, 999],
      [1000, null],
    ]);
  });
});
