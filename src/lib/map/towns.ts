/**
 * The gazetteer's places (data/places.csv) as a towns layer: a small grey dot and a plain grey
 * name, the largest towns from the whole-country view and all of them from zoom 8. MapLibre's
 * collision keeps the names off the site names: the towns' layers lie below every other label
 * layer, and MapLibre places the top layer's labels first, so a town's name is set only where
 * the site, province, lake and country names have left room.
 * Style spec: https://maplibre.org/maplibre-style-spec/layers/#symbol
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { fold } from '../domain/fold.ts';
import { FONT } from './theme.ts';

export const TOWNS = 'towns';
export const TOWN_DOT = 'town-dot';
export const TOWN_DOTS = 'town-dots';
export const TOWN_NAMES = 'town-names';
export const TOWN_LAYERS = [TOWN_NAMES, TOWN_DOTS] as const;

/** Quieter than the site names (bold, near-black, 11–14 px): regular, grey, a size smaller. */
export const TOWN_INK = '#5b5750';
const TOWN_HALO = '#fbfaf7';
const TOWN_TEXT_PX: [number, number, number] = [10, 11.5, 13];
/** The towns' names at the whole-country zoom, for screenScale while presenting. */
export const TOWN_NAME_PX = TOWN_TEXT_PX[0];

/**
 * The names' text-size at a screen scale (screenScale(width, presenting, TOWN_NAME_PX)), set
 * with setLayoutProperty when it changes. The anchors' offsets are in ems: they grow with it.
 */
export const townTextSize = (scale = 1): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  TOWN_TEXT_PX[0] * scale,
  8,
  TOWN_TEXT_PX[1] * scale,
  11,
  TOWN_TEXT_PX[2] * scale,
];

/** The dots' icon-size at a screen scale: the sites' symbol factor (screenScale's default). */
export const townDotSize = (scale = 1): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  0.8 * scale,
  10,
  1.1 * scale,
];

/**
 * From which zoom a town is shown, by population: the whole country (zoom 3.x on a laptop,
 * once the fit keeps clear of the panels) names the towns of 400,000 or more; every place is
 * shown from zoom 8, those without a population figure only then. Integers: MapLibre
 * evaluates a filter's zoom per whole zoom.
 */
export function townMinZoom(population: number | null): number {
  if (population === null || population <= 0) return 8;
  if (population >= 400_000) return 3;
  if (population >= 150_000) return 5;
  if (population >= 50_000) return 6;
  return 7;
}

interface TownPlace {
  name: string;
  lat: number;
  lon: number;
  population: number | null;
}

/** The places as points: `minzoom` for the filter, `rank` so the larger towns are set first. */
export function townFeatures(
  places: readonly TownPlace[],
): FeatureCollection<Point, { name: string; minzoom: number; rank: number }> {
  return {
    type: 'FeatureCollection',
    features: places.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        name: p.name,
        minzoom: townMinZoom(p.population),
        rank: p.population ? -p.population : 0,
      },
    })),
  };
}

const shown: ExpressionSpecification = ['>=', ['zoom'], ['get', 'minzoom']];

/**
 * The names' filter: shown at their zoom, less the towns whose name a site beside them carries
 * at the moment (a "Goma" town name beside the "Goma" site name would say it twice).
 */
export function townNamesFilter(hidden: readonly string[]): FilterSpecification {
  return hidden.length
    ? ['all', shown, ['!', ['in', ['get', 'name'], ['literal', [...hidden]]]]]
    : shown;
}

/** Within this distance a site and a town of the same name are one place on the map. */
const TWIN_KM = 15;

/** Distance in km between two points, on a sphere: close enough at 15 km. */
function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  return 6371 * Math.hypot(dLat, dLon);
}

/**
 * The towns named by a site within TWIN_KM ("Bukavu (sector HQ)" at Bukavu), by site id: while
 * that site's name is drawn, the town's is not.
 */
export function townTwins(
  places: readonly TownPlace[],
  sites: readonly { id: string; name: string; position: [number, number] }[],
): Map<string, string> {
  const byName = new Map<string, TownPlace[]>();
  for (const p of places) {
    const k = fold(p.name);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  const twins = new Map<string, string>();
  for (const s of sites) {
    const k = fold(s.name.replace(/\s*\(.*\)\s*$/, ''));
    const twin = byName.get(k)?.find((p) => km([p.lon, p.lat], s.position) <= TWIN_KM);
    if (twin) twins.set(s.id, twin.name);
  }
  return twins;
}

/**
 * Ems from the dot: beside it; then clear of a site's symbol of up to 24 px over the town; then
 * clear of the ghosts of closed sites round it (Bukavu's sector HQ and office, 2025).
 */
const RINGS_EM = [0.5, 1.3, 2.2];

/** Where a town's name may go, tried in order: each side and corner, nearest ring first. */
export function townAnchors(): (string | [number, number])[] {
  const pairs = RINGS_EM.flatMap((d): [string, [number, number]][] => {
    const c = d * Math.SQRT1_2;
    return [
      ['left', [d, 0]],
      ['right', [-d, 0]],
      ['top', [0, d]],
      ['bottom', [0, -d]],
      ['top-left', [c, c]],
      ['bottom-left', [c, -c]],
      ['top-right', [-c, c]],
      ['bottom-right', [-c, -c]],
    ];
  });
  return pairs.flatMap(([anchor, offset]) => [anchor, offset]);
}

const DOT_PX = 6;
const DOT_RATIO = 2;

/**
 * The dot, drawn here rather than from a sprite (the style loads nothing): a grey disc with a
 * pale rim, DOT_PX CSS pixels across, at twice the resolution, edges smoothed by coverage.
 */
export function townDotImage(): { width: number; height: number; data: Uint8Array } {
  const n = DOT_PX * DOT_RATIO;
  const data = new Uint8Array(n * n * 4);
  const ink = [0x5b, 0x57, 0x50];
  const rim = [0xfb, 0xfa, 0xf7];
  const r = n / 2;
  const inner = r - DOT_RATIO;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const d = Math.hypot(x + 0.5 - r, y + 0.5 - r);
      const c = d < inner ? ink : rim;
      const alpha = Math.min(Math.max(r - d, 0), 1);
      data.set([c[0]!, c[1]!, c[2]!, Math.round(alpha * 255)], (y * n + x) * 4);
    }
  return { width: n, height: n, data };
}
export const TOWN_DOT_RATIO = DOT_RATIO;

/** The towns' names, then their dots above them; hidden until the towns are loaded. */
export function townLayers(): LayerSpecification[] {
  return [
    {
      id: TOWN_NAMES,
      type: 'symbol',
      source: TOWNS,
      filter: shown,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONT.regular],
        'text-size': townTextSize(),
        // The larger towns first; one without a population figure (0) last.
        'symbol-sort-key': ['get', 'rank'],
        // Beside its dot on whichever side is free (a site's name often takes one); failing
        // that, a little farther out, clear of a symbol the sites layer draws on the town.
        'text-variable-anchor-offset': townAnchors(),
        'text-justify': 'auto',
        'text-padding': 2,
        'text-max-width': 8,
      },
      paint: {
        'text-color': TOWN_INK,
        'text-halo-color': TOWN_HALO,
        'text-halo-width': 1.5,
      },
    },
    {
      // Placed before the names (MapLibre places the top layer first), so no town's name is
      // set over another town's dot. Always drawn, even under a site's symbol (a town is often
      // a base's site): a dot whose name found no room still marks the town.
      id: TOWN_DOTS,
      type: 'symbol',
      source: TOWNS,
      filter: shown,
      layout: {
        'icon-image': TOWN_DOT,
        'icon-size': townDotSize(),
        'icon-allow-overlap': true,
        'icon-padding': 0,
      },
    },
  ];
}
