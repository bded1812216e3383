/**
 * The base map as pure functions: sources from the decoded boundaries, layers from the theme.
 * No tiles, sprite or glyphs URL: everything is inline GeoJSON, so the map works offline.
 * Style spec: https://maplibre.org/maplibre-style-spec/
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import area from '@turf/area';
import type { Boundaries } from '../data/boundaries.ts';
import { DRC_COUNTRY_ID } from '../domain/provinces.ts';
import { labelPoints } from './labels.ts';
import { COVERAGE_STYLE, FONT, PHASE_STYLE, THEME } from './theme.ts';
import {
  SITE_LABELS,
  SITE_MARKS,
  SITE_SPOTS,
  siteLabelsLayer,
  siteMarksLayer,
  siteSpotsLayer,
} from './siteLabels.ts';
import { CONTROL, controlAreaLayers, controlLabelLayer } from './controlStyle.ts';
import { TOWNS, townLayers } from './towns.ts';

/**
 * Countries, provinces, lakes, rivers and border lines share one source, told apart by `kind`.
 * MapLibre redraws its tile clipping masks each time consecutive layers switch source, and
 * under a software renderer (SwiftShader) each redraw costs about a full-screen pass.
 * Borders are drawn once from the topology's shared arcs, not as every polygon's outline.
 */
export const BASE = 'base';
export const COVERAGE = 'coverage';
export const COVERAGE_LAYERS = ['coverage-fill', 'coverage-line'] as const;
type BaseKind =
  'country' | 'ocean' | 'province' | 'lake' | 'river' | 'country-border' | 'province-border';
const kindIs = (kind: BaseKind): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/**
 * The one geometry source's data. `fid` is unique across kinds (promoteId), and a province's
 * fid is its ISO code, so its feature-state (the phase tint) is addressed by ISO code.
 */
export function baseFeatures(b: Boundaries): FeatureCollection {
  const tag = (
    fc: FeatureCollection,
    kind: BaseKind,
    fid: (p: Record<string, unknown>, i: number) => string,
  ) =>
    fc.features.map((f, i) => ({
      ...f,
      properties: { ...f.properties, kind, fid: fid(f.properties ?? {}, i) },
    }));
  return {
    type: 'FeatureCollection',
    features: [
      // Only the DRC's own outline is drawn from the countries (the national border); the
      // neighbours are the land-coloured background, their borders `country-border` lines.
      ...tag(drcOnly(b.countries), 'country', (p, i) => `country:${String(p['id'] ?? i)}`),
      ...tag(single(b.ocean), 'ocean', () => 'ocean'),
      ...tag(b.provinces, 'province', (p) => String(p['iso'])),
      ...tag(b.lakes, 'lake', (_, i) => `lake:${i}`),
      ...tag(b.rivers, 'river', (_, i) => `river:${i}`),
      ...tag(single(b.countryBorders), 'country-border', () => 'country-border'),
      ...tag(single(b.provinceBorders), 'province-border', () => 'province-border'),
    ],
  };
}

const drcOnly = (fc: Boundaries['countries']): FeatureCollection => ({
  ...fc,
  features: fc.features.filter((f) => f.properties.id === DRC_COUNTRY_ID),
});

/** One geometry as a collection of one feature. */
const single = (geometry: MultiLineString | MultiPolygon): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry, properties: {} }],
});

/** The province names' type at zoom 4 and 8, their wrapping width (ems) and padding (px). */
const PROVINCE_LABEL_AT_4 = 11.5;
const PROVINCE_LABEL_AT_8 = 18;
export const PROVINCE_LABEL_MAX_EM = 7;
export const PROVINCE_LABEL_PADDING = 1;
/** The province names' type size at a zoom, as their layer's text-size sets it. */
export const PROVINCE_LABEL_PX = (zoom: number) =>
  PROVINCE_LABEL_AT_4 +
  Math.min(Math.max((zoom - 4) / 4, 0), 1) * (PROVINCE_LABEL_AT_8 - PROVINCE_LABEL_AT_4);

/** Zoom-driven text size: readable on a projector at the whole-country view. */
const zoomed = (at4: number, at8: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  at4,
  8,
  at8,
];

/**
 * Adds `rank` (the province's area in km², rounded) to its label point, so MapLibre places the
 * labels of small provinces first, at their centre, and moves the big ones' labels around them.
 */
function withAreaRank<P extends { iso: string }>(
  points: FeatureCollection<Point, P>,
  polygons: FeatureCollection<Polygon | MultiPolygon, P>,
): FeatureCollection<Point, P & { rank: number }> {
  const areas = new Map(
    polygons.features.map((f) => [f.properties.iso, Math.round(area(f) / 1e6)]),
  );
  return {
    ...points,
    features: points.features.map((f) => ({
      ...f,
      properties: { ...f.properties, rank: areas.get(f.properties.iso) ?? 0 },
    })),
  };
}

/** Inline GeoJSON sources, including label points computed once here. */
export function baseSources(b: Boundaries): Record<string, SourceSpecification> {
  const named = { ...b.lakes, features: b.lakes.features.filter((f) => f.properties?.name) };
  return {
    // Simplified to 1 px at each zoom (MapLibre's default is 0.375): the same picture, with
    // less than half the vertices. Under a software renderer each triangle has a cost of its
    // own, and this cut a frame by ~14 ms on the benchmark machine.
    [BASE]: { type: 'geojson', data: baseFeatures(b), promoteId: 'fid', tolerance: 1 },
    'country-labels': { type: 'geojson', data: labelPoints(b.countries, 0.05) },
    'province-labels': {
      type: 'geojson',
      data: withAreaRank(labelPoints(b.provinces), b.provinces),
    },
    'lake-labels': { type: 'geojson', data: labelPoints(named) },
    // The merged reach of open sites, filled on demand (DataLayers.svelte).
    [COVERAGE]: {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      tolerance: 1,
    },
    // Armed-group control: the held area, set when the held towns change (DataLayers.svelte).
    [CONTROL]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    // Filled when a scenario loads (DataLayers.svelte).
    [SITE_LABELS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [SITE_SPOTS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [SITE_MARKS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    // The gazetteer's places, set when the data loads (TownsLayer.svelte).
    [TOWNS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

/** The base layers, bottom to top. Data layers (deck.gl) interleave above province borders. */
export function baseLayers(): LayerSpecification[] {
  return [
    // No background layer: the land colour is the map element's CSS background (MapView),
    // seen through the canvas wherever nothing is drawn; exports paint it under the map
    // (MAP_BACKGROUND). A background layer is one more full-canvas pass per frame, ~8 ms under
    // a software renderer. The sea is the smaller area, so it is the one filled (boundaries.ts).
    {
      id: 'ocean-fill',
      type: 'fill',
      source: BASE,
      filter: kindIs('ocean'),
      // No antialiased outline: the coast lines cover the edges, and under a software
      // renderer the outlines of every fill cost several ms a frame.
      paint: { 'fill-color': THEME.sea, 'fill-antialias': false },
    },
    {
      id: 'provinces-fill',
      type: 'fill',
      source: BASE,
      filter: kindIs('province'),
      // Tinted by phase on the chosen plan, through feature-state set at each date (phaseTint.ts).
      paint: {
        'fill-color': [
          'match',
          ['coalesce', ['feature-state', 'phase'], 'none'],
          'active',
          PHASE_STYLE.active.color,
          'drawing_down',
          PHASE_STYLE.drawing_down.color,
          'withdrawn',
          PHASE_STYLE.withdrawn.color,
          THEME.provinceFill,
        ],
        'fill-antialias': false,
      },
    },
    {
      id: 'rivers',
      type: 'line',
      source: BASE,
      filter: kindIs('river'),
      // Plain joins and caps: round ones add triangles at every vertex, unseen at 0.6–2 px.
      paint: {
        'line-color': THEME.waterLine,
        'line-width': ['interpolate', ['linear'], ['get', 'weight'], 0.15, 0.6, 1.2, 2],
      },
    },
    {
      id: 'lakes-fill',
      type: 'fill',
      source: BASE,
      filter: kindIs('lake'),
      paint: { 'fill-color': THEME.water },
    },
    {
      id: 'neighbours-line',
      type: 'line',
      source: BASE,
      filter: kindIs('country-border'),
      paint: { 'line-color': THEME.neighbourLine, 'line-width': 0.8 },
    },
    {
      id: 'provinces-line',
      type: 'line',
      source: BASE,
      // Shared borders once, not each province's outline: half the triangles.
      filter: kindIs('province-border'),
      paint: { 'line-color': THEME.provinceLine, 'line-width': zoomed(0.8, 1.6) },
    },
    {
      id: 'drc-border',
      type: 'line',
      source: BASE,
      // The DRC's own outline: the only country left in the source (baseFeatures).
      filter: kindIs('country'),
      paint: { 'line-color': THEME.nationalBorder, 'line-width': zoomed(1.4, 2.6) },
    },
    // Reach of open sites: above the borders (one source switch, not two), under every label.
    {
      id: 'coverage-fill',
      type: 'fill',
      source: COVERAGE,
      layout: { visibility: 'none' },
      paint: { 'fill-color': COVERAGE_STYLE.fill },
    },
    {
      id: 'coverage-line',
      type: 'line',
      source: COVERAGE,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': COVERAGE_STYLE.line, 'line-width': 1.5 },
    },
    // The area held by an armed group: over the reach, which it qualifies, under every label.
    ...controlAreaLayers(),
    // Under every other label layer: MapLibre places the top layer's labels first, so a town's
    // name takes only the room the site, province, lake and country names leave (towns.ts).
    ...townLayers(),
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'country-labels',
      // Label points carry the country's properties but no `kind`.
      filter: ['!=', ['get', 'id'], DRC_COUNTRY_ID],
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [...FONT.regular],
        'text-size': zoomed(11, 15),
        'text-letter-spacing': 0.12,
        'text-max-width': 8,
      },
      paint: {
        'text-color': THEME.neighbourLabel,
        'text-halo-color': THEME.neighbourFill,
        'text-halo-width': 1,
      },
    },
    {
      id: 'lake-labels',
      type: 'symbol',
      source: 'lake-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONT.italic],
        'text-size': zoomed(10, 14),
        'text-max-width': 6,
      },
      paint: {
        'text-color': THEME.waterLabel,
        'text-halo-color': THEME.water,
        'text-halo-width': 1,
      },
    },
    // Placed after the province and site names, before the lakes' and countries' (MapLibre
    // places the top layer's labels first): see controlLabelLayer.
    controlLabelLayer(),
    {
      id: 'province-labels',
      type: 'symbol',
      source: 'province-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONT.bold],
        'text-size': zoomed(PROVINCE_LABEL_AT_4, PROVINCE_LABEL_AT_8),
        'text-max-width': PROVINCE_LABEL_MAX_EM,
        // Every province must stay named at the whole-country view. Small ones are placed first
        // at their centre; a large neighbour's label slides off-centre rather than overlap.
        'symbol-sort-key': ['get', 'rank'],
        'text-variable-anchor': [
          'center',
          'top',
          'bottom',
          'left',
          'right',
          'top-left',
          'top-right',
          'bottom-left',
          'bottom-right',
        ],
        'text-radial-offset': 0.8,
        'text-padding': PROVINCE_LABEL_PADDING,
      },
      paint: {
        'text-color': THEME.provinceLabel,
        'text-halo-color': THEME.provinceLabelHalo,
        'text-halo-width': 1.5,
      },
    },
  ];
}

/**
 * Site labels go just under the province labels: MapLibre places the top layer's labels first,
 * and the 26 province names must never give way to a site's (the site names' own layout keeps
 * clear of them, siteNames.ts). The open labelled sites' marks go on top, so no province name
 * is set under their symbols; every site's spot goes under the province names, so the lakes'
 * and countries' names below keep clear of all the symbols while the province names are not
 * moved or dropped by them (siteLabels.ts).
 */
function withSiteLabels(layers: LayerSpecification[]): LayerSpecification[] {
  const i = layers.findIndex((l) => l.id === 'province-labels');
  return [
    ...layers.slice(0, i),
    siteLabelsLayer(),
    siteSpotsLayer(),
    ...layers.slice(i),
    siteMarksLayer(),
  ];
}

/** The whole style. No `glyphs`: MapLibre renders labels locally from the self-hosted font. */
export function baseStyle(b: Boundaries): StyleSpecification {
  return {
    version: 8,
    name: 'Drawdown Map base',
    sources: baseSources(b),
    layers: withSiteLabels(baseLayers()),
  };
}
