/**
 * The ring that marks the selected site: a blue circle a few pixels clear of its symbol, on a
 * white halo so it reads on any ground, drawn above the sites. Sized in pixels, so it is the
 * same at every zoom, and in exports (drawn in the same frame as the map).
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { RGB } from '../theme.ts';

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
    id: 'selection-ring',
    data: [
      { ring, halo: true },
      { ring, halo: false },
    ],
    getPosition: (s) => s.ring.position,
    getRadius: (s) => ringRadiusPx(s.ring.symbolPx),
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: (s) => (s.halo ? [255, 255, 255, 230] : [...RING_RGB, 255]),
    getLineWidth: (s) => (s.halo ? HALO_PX : INK_PX),
    lineWidthUnits: 'pixels',
    pickable: false,
  });
}
