/**
 * The ring that marks the selected site: a blue circle a few pixels clear of its symbol, on a
 * white halo so it reads on any ground, drawn above the sites. Sized in pixels, so it is the
 * same at every zoom, and in exports (drawn in the same frame as the map). A selected hotspot
 * gets the same ring on the edge of its area, which is sized in metres and grows with the zoom.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { RGB } from '../theme.ts';
import { MIN_SYMBOL_PX } from './prepare.ts';

/** Where the ring goes and the size of the symbol it goes round, in pixels. */
export interface SelectionRing {
  position: [number, number];
  symbolPx: number;
}

/** The ring's blue: the app's focus colour (#2f6690), so a selection looks like one. */
export const RING_RGB: RGB = [47, 102, 144];
/** Pixels between the symbol's edge and the ring. */
export const RING_GAP_PX = 5;
const INK_PX = 3;
const HALO_PX = 7;

/** The ring's radius (to the middle of its ink) round a symbol of `symbolPx` pixels. */
export const ringRadiusPx = (symbolPx: number) => symbolPx / 2 + RING_GAP_PX + INK_PX / 2;

interface Stroke {
  ring: SelectionRing;
  halo: boolean;
}

/** The ring round one site (its halo first, then the ink over it). */
export function selectionRingLayer(ring: SelectionRing) {
  return new ScatterplotLayer<Stroke>({
    ...strokes(ring),
    id: 'selection-ring',
    getRadius: (s) => ringRadiusPx(s.ring.symbolPx),
    radiusUnits: 'pixels',
  });
}

/** Where a hotspot's ring goes and the radius of its area, in metres. */
export interface HotspotRing {
  position: [number, number];
  radiusM: number;
}

/**
 * An area shrinks to a few pixels at the whole-country view: its ring is then never smaller
 * than the ring round the smallest site's symbol, so it still
 * shows where the selection is.
 */
export const HOTSPOT_RING_MIN_PX = ringRadiusPx(MIN_SYMBOL_PX);

/**
 * The ring round a selected hotspot: on the edge of its area (over the area's own outline,
 * which it stands for while selected), the same blue ink on the same halo as a site's.
 */
export function hotspotRingLayer(ring: HotspotRing) {
  return new ScatterplotLayer<{ ring: HotspotRing; halo: boolean }>({
    ...strokes(ring),
    id: 'hotspot-ring',
    getRadius: (s) => s.ring.radiusM,
    radiusUnits: 'meters',
    radiusMinPixels: HOTSPOT_RING_MIN_PX,
  });
}

/** The props both rings share: the halo first, then the ink over it, in pixels, not picked. */
function strokes<R extends { position: [number, number] }>(ring: R) {
  return {
    data: [
      { ring, halo: true },
      { ring, halo: false },
    ],
    getPosition: (s: { ring: R }) => s.ring.position,
    filled: false,
    stroked: true,
    getLineColor: (s: { halo: boolean }): [number, number, number, number] =>
      s.halo ? [255, 255, 255, 230] : [...RING_RGB, 255],
    getLineWidth: (s: { halo: boolean }) => (s.halo ? HALO_PX : INK_PX),
    lineWidthUnits: 'pixels' as const,
    pickable: false,
  };
}
