/** The answer layers (issue 25): the selected site's ring, and the drawn losses. */
import { describe, expect, test } from 'vitest';
import type { LossLine } from '../../src/lib/domain/lossLines.ts';
import { lossLayers } from '../../src/lib/map/layers/lossLayers.ts';
import {
  RING_GAP_PX,
  ringRadiusPx,
  selectionRingLayer,
} from '../../src/lib/map/layers/selectionRing.ts';

const line = (key: string, linked: boolean): LossLine => ({
  key,
  kind: 'place',
  name: key,
  target: [29, 0],
  site: linked ? [29.5, 0.5] : null,
  siteName: linked ? 'S' : null,
  km: linked ? 78 : null,
  middle: linked ? [29.25, 0.25] : null,
});
const km = (n: number) => `${n} km`;

describe('selectionRingLayer', () => {
  test.each([
    { name: 'the smallest symbol', symbolPx: 14 },
    { name: 'the largest symbol', symbolPx: 38 },
  ])('$name: clear of the symbol, not picked', ({ symbolPx }) => {
    const layer = selectionRingLayer({ position: [29, 0], symbolPx });
    expect(ringRadiusPx(symbolPx)).toBeGreaterThan(symbolPx / 2 + RING_GAP_PX);
    expect(layer.id).toBe('selection-ring');
    expect(layer.props.radiusUnits).toBe('pixels');
    expect(layer.props.filled).toBe(false);
    expect(layer.props.pickable).toBe(false);
  });
});

describe('lossLayers', () => {
  test.each([
    { name: 'nothing lost', lines: [], under: [], over: [], linked: 0 },
    {
      name: 'lines under the sites, rings and words over them',
      lines: [line('a', true), line('b', false)],
      under: ['loss-lines-halo', 'loss-lines'],
      over: ['loss-targets', 'loss-names', 'loss-distances'],
      linked: 1,
    },
  ])('$name', ({ lines, under, over, linked }) => {
    const layers = lossLayers(lines, null, km);
    expect(layers.under.map((l) => l.id)).toEqual(under);
    expect(layers.over.map((l) => l.id)).toEqual(over);
    // Only a target with a site left has a line and a distance; every target has its ring.
    if (lines.length) {
      expect((layers.under[1]!.props.data as unknown[]).length).toBe(linked);
      expect((layers.over[0]!.props.data as unknown[]).length).toBe(lines.length);
      expect((layers.over[2]!.props.data as unknown[]).length).toBe(linked);
    }
  });
});
