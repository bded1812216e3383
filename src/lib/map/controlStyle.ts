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

/**
 * The area's name, set beside its eastern edge, where the border and the lakes leave room:
 * placed after the province and site names (style.ts), so it gives way to them, and before the
 * lake and country names, which give way to it.
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
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 8, 15],
      'text-max-width': 8,
      'text-variable-anchor': ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.5,
      'text-justify': 'auto',
    },
    paint: {
      'text-color': CONTROL_STYLE.label,
      'text-halo-color': CONTROL_STYLE.halo,
      'text-halo-width': 1.5,
    },
  };
}
