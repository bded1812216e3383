/**
 * The held area's part of the map style (the control layer's MapLibre side): its source, a
 * hatched fill, its outline and its name. Apart from the layer function (layers/controlLayer.ts)
 * because the base style loads with the first paint, and this needs neither deck.gl nor turf.
 * Style spec: https://maplibre.org/maplibre-style-spec/layers/#fill-pattern
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CONTROL_STYLE, FONT } from './theme.ts';

/** The held area's MapLibre source, and its layers (shown and hidden together). */
export const CONTROL = 'control';
export const CONTROL_LAYERS = ['control-fill', 'control-line', 'control-label'] as const;
/** The hatch's image, made by hatchImage() when MapLibre first asks for it (MapView.svelte). */
export const CONTROL_HATCH = 'control-hatch';

/** Hatch period and line width, in pixels: a few lines across even a small area. */
const HATCH_PX = 10;
const HATCH_LINE_PX = 3;

/**
 * The hatch: diagonal lines of the control ink over a faint wash of it, a tile that repeats
 * without seams (a pixel is on a line when (x + y) mod the period is under the line's width).
 */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(HATCH_PX * HATCH_PX * 4);
  const [r, g, b] = CONTROL_STYLE.ink;
  for (let y = 0; y < HATCH_PX; y++)
    for (let x = 0; x < HATCH_PX; x++) {
      const i = (y * HATCH_PX + x) * 4;
      const on = (x + y) % HATCH_PX < HATCH_LINE_PX;
      data.set([r, g, b, on ? CONTROL_STYLE.hatchAlpha : CONTROL_STYLE.washAlpha], i);
    }
  return { width: HATCH_PX, height: HATCH_PX, data };
}

const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
const isLabel: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/** The held area's fill and outline: above the borders, under every label (style.ts). */
export function controlAreaLayers(): LayerSpecification[] {
  return [
    {
      id: 'control-fill',
      type: 'fill',
      source: CONTROL,
      filter: isArea,
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': CONTROL_HATCH },
    },
    {
      id: 'control-line',
      type: 'line',
      source: CONTROL,
      filter: isArea,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': CONTROL_STYLE.line, 'line-width': 2 },
    },
  ];
}

/** The area's name: its type at zoom 4 and 8 (px), its wrapping width and its gap (ems). */
const LABEL_AT_4 = 12;
const LABEL_AT_8 = 15;
export const CONTROL_LABEL_MAX_EM = 10;
export const CONTROL_LABEL_GAP_EM = 1.5;
/** The area name's type size at a zoom, as its layer's text-size sets it. */
export const CONTROL_LABEL_PX = (zoom: number) =>
  LABEL_AT_4 + Math.min(Math.max((zoom - 4) / 4, 0), 1) * (LABEL_AT_8 - LABEL_AT_4);

/**
 * The area's name, set east of it (its point is the middle of the area's eastern side), where
 * the border and the lakes leave room. One fixed anchor, so the site names' layout knows its
 * box and keeps clear of it (siteNames.ts), as it does of the province names. Always drawn:
 * the only things it may cross there are the faint rings of closed liaison offices (Kigali),
 * whose spaces would otherwise keep it off the whole-country view. The lakes' and countries'
 * names, placed after it (style.ts), give way to it.
 */
export function controlLabelLayer(): LayerSpecification {
  return {
    id: 'control-label',
    type: 'symbol',
    source: CONTROL,
    filter: isLabel,
    layout: {
      visibility: 'none',
      'text-field': ['get', 'label'],
      'text-font': [...FONT.bold],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, LABEL_AT_4, 8, LABEL_AT_8],
      'text-max-width': CONTROL_LABEL_MAX_EM,
      'text-anchor': 'left',
      'text-offset': [CONTROL_LABEL_GAP_EM, 0],
      'text-justify': 'left',
      'text-allow-overlap': true,
    },
    paint: {
      'text-color': CONTROL_STYLE.label,
      'text-halo-color': CONTROL_STYLE.halo,
      'text-halo-width': 1.5,
    },
  };
}
