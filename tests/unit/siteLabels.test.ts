import { describe, expect, test } from 'vitest';
import {
  labelFilter,
  nameAnchors,
  openLabelKey,
  siteSpotFeatures,
} from '../../src/lib/map/siteLabels.ts';
import type { SiteDatum } from '../../src/lib/map/layers/prepare.ts';

/** The anchor/offset pairs, as [anchor, [x, y]]. */
const pairs = (list: (string | [number, number])[]) => {
  const out: [string, [number, number]][] = [];
  for (let i = 0; i < list.length; i += 2)
    out.push([list[i] as string, list[i + 1] as [number, number]]);
  return out;
};

describe('nameAnchors: where a name may go around a symbol', () => {
  test.each([
    { size: 14, em: (7 + 4) / 11 },
    { size: 29, em: (14.5 + 4) / 11 },
    { size: 38, em: (19 + 4) / 11 },
  ])('beside a $size px symbol first, $em em away: clear of it at 11 px type', ({ size, em }) => {
    const first = pairs(nameAnchors(size)).slice(0, 4);
    expect(first).toEqual([
      ['top', [0, em]],
      ['bottom', [0, -em]],
      ['left', [em, 0]],
      ['right', [-em, 0]],
    ]);
    // The name's near edge, in pixels, is past the symbol's half-width.
    expect(em * 11).toBeGreaterThan(size / 2);
  });

  test('then at the corners, then farther east, and only then farther west', () => {
    const rest = pairs(nameAnchors(20)).slice(4);
    const d = (10 + 4) / 11;
    expect(rest.slice(0, 4).map(([a]) => a)).toEqual([
      'bottom-left',
      'top-left',
      'bottom-right',
      'top-right',
    ]);
    // A name at a corner clears the symbol's square box (its mark in placement) by a pixel
    // on each axis, at 11 px type.
    for (const [, [x, y]] of rest.slice(0, 4)) {
      expect(Math.abs(x) * 11).toBeCloseTo(20 / 2 + 1, 6);
      expect(Math.abs(y) * 11).toBeCloseTo(20 / 2 + 1, 6);
    }
    expect(rest.slice(4)).toEqual([
      ['left', [d + 1.5, 0]],
      ['left', [d + 3, 0]],
      ['right', [-d - 1.5, 0]],
      ['right', [-d - 3, 0]],
    ]);
  });
});

describe('siteSpotFeatures: the space each symbol takes', () => {
  const datum = { position: [29, -1.5] } as unknown as SiteDatum;
  test.each([
    { what: 'a site, on its point', size: 20, offset: [0, 0], expected: [0, 0] },
    // MapLibre multiplies an icon's offset by its icon-size (size / 4).
    {
      what: 'a closure mark, off its point',
      size: 18,
      offset: [14, -14],
      expected: [56 / 18, -56 / 18],
    },
  ])('$what', ({ size, offset, expected }) => {
    const [f] = siteSpotFeatures([{ datum, size, offset: offset as [number, number] }]).features;
    expect(f!.geometry.coordinates).toEqual([29, -1.5]);
    expect(f!.properties.size).toBe(size);
    expect(f!.properties.offset[0]).toBeCloseTo(expected[0]!, 9);
    expect(f!.properties.offset[1]).toBeCloseTo(expected[1]!, 9);
  });
});

describe('openLabelKey and labelFilter: the names of the sites open on the day', () => {
  const major = [
    { site: { id: 'a' }, span: [10, 20] },
    { site: { id: 'b' }, span: [15, 30] },
  ] as unknown as SiteDatum[];
  test.each([
    { day: 5, key: '', ids: [] },
    { day: 12, key: 'a', ids: ['a'] },
    { day: 18, key: 'a\nb', ids: ['a', 'b'] },
    { day: 25, key: 'b', ids: ['b'] },
  ])('day $day: $ids', ({ day, key, ids }) => {
    expect(openLabelKey(major, day)).toBe(key);
    expect(labelFilter(key)).toEqual(['in', ['get', 'id'], ['literal', ids]]);
  });
});
