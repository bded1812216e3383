import { describe, expect, test } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cacheBaseFrames, layerRuns } from '../../src/lib/map/frameCache.ts';

/** A layer order written as a string: `m` a MapLibre layer, `c` a custom (deck.gl) one. */
const runsOf = (order: string) =>
  layerRuns(order.length, (i) => order[i] === 'c').map((r) => ({ base: r.base, custom: r.custom }));

describe('layerRuns', () => {
  test.each([
    { order: '', runs: [{ base: [], custom: [] }] },
    { order: 'mmm', runs: [{ base: [0, 1, 2], custom: [] }] },
    { order: 'mmc', runs: [{ base: [0, 1], custom: [2] }] },
    {
      order: 'cmm',
      runs: [
        { base: [], custom: [0] },
        { base: [1, 2], custom: [] },
      ],
    },
    {
      // The app's order: sea and provinces, hotspots, rivers to labels, sites.
      order: 'mmcmmmmc',
      runs: [
        { base: [0, 1], custom: [2] },
        { base: [3, 4, 5, 6], custom: [7] },
      ],
    },
    {
      order: 'mccmcc',
      runs: [
        { base: [0], custom: [1, 2] },
        { base: [3], custom: [4, 5] },
      ],
    },
  ])('$order', ({ order, runs }) => {
    expect(runsOf(order)).toEqual(runs);
  });
});

describe('cacheBaseFrames', () => {
  test.each([
    { case: 'no painter (a later MapLibre)', map: {} },
    { case: 'a painter without the hooks', map: { painter: {}, _render: () => {}, style: {} } },
  ])('leaves the map alone on $case', ({ map }) => {
    const before = { ...map };
    expect(cacheBaseFrames(map as unknown as MapLibreMap)).toBeNull();
    expect(map).toEqual(before);
  });
});
