/** The ring round a selected hotspot: on its area's edge, never smaller than a site's ring. */
import { describe, expect, test } from 'vitest';
import {
  HOTSPOT_RING_MIN_PX,
  hotspotRingLayer,
  ringRadiusPx,
  selectionRingLayer,
} from '../../src/lib/map/layers/selectionRing.ts';
import { MIN_SYMBOL_PX } from '../../src/lib/map/layers/prepare.ts';

type Stroke = { ring: { radiusM: number }; halo: boolean };

describe('hotspotRingLayer', () => {
  test.each([
    { name: 'a small area', radiusM: 15_000 },
    { name: 'a large area', radiusM: 90_000 },
  ])('$name: on the edge, in metres, not picked', ({ radiusM }) => {
    const layer = hotspotRingLayer({ position: [29, 1], radiusM });
    expect(layer.id).toBe('hotspot-ring');
    expect(layer.props.radiusUnits).toBe('meters');
    const data = layer.props.data as Stroke[];
    const getRadius = layer.props.getRadius as unknown as (s: Stroke) => number;
    expect(data.map((s) => getRadius(s))).toEqual([radiusM, radiusM]);
    expect(layer.props.filled).toBe(false);
    expect(layer.props.pickable).toBe(false);
  });
  test('never smaller than the ring round the smallest site', () => {
    const layer = hotspotRingLayer({ position: [29, 1], radiusM: 1000 });
    expect(HOTSPOT_RING_MIN_PX).toBe(ringRadiusPx(MIN_SYMBOL_PX));
    expect(layer.props.radiusMinPixels).toBe(HOTSPOT_RING_MIN_PX);
  });
  test('drawn as a site’s ring is: the same halo, then the same ink', () => {
    const site = selectionRingLayer({ position: [29, 1], symbolPx: 20 });
    const area = hotspotRingLayer({ position: [29, 1], radiusM: 30_000 });
    const look = (l: typeof site | typeof area) => {
      const data = l.props.data as Stroke[];
      const color = l.props.getLineColor as unknown as (s: Stroke) => number[];
      const width = l.props.getLineWidth as unknown as (s: Stroke) => number;
      return data.map((s) => [s.halo, color(s), width(s)]);
    };
    expect(look(area)).toEqual(look(site));
    expect(area.props.lineWidthUnits).toBe('pixels');
  });
});
