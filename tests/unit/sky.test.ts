import { describe, expect, test } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { skipSky } from '../../src/lib/map/sky.ts';

const sky = (_painter: unknown, _sky: unknown) => {};
const fill = () => {};
const fake = (maxPitch: number, painter?: unknown) =>
  ({ getMaxPitch: () => maxPitch, painter }) as unknown as MapLibreMap;

describe('skipSky', () => {
  test.each([
    { case: 'a flat map with a painter', maxPitch: 0, painter: true, skipped: true },
    { case: 'a map that can tilt (the sky may show)', maxPitch: 60, painter: true, skipped: false },
    { case: 'no painter (a later MapLibre)', maxPitch: 0, painter: false, skipped: false },
  ])('$case', ({ maxPitch, painter, skipped }) => {
    const shared = { sky, fill };
    const p = painter ? { drawFunctions: shared } : undefined;
    expect(skipSky(fake(maxPitch, p))).toBe(skipped);
    if (p) {
      expect(p.drawFunctions.sky !== sky).toBe(skipped);
      expect(p.drawFunctions.fill).toBe(fill);
    }
    // The shared table itself is never changed.
    expect(shared.sky).toBe(sky);
  });
});
