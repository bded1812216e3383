/**
 * Labels of sector HQs and major sites as a MapLibre symbol layer, so MapLibre's collision
 * detection declutters them (deck.gl's collision filter draws nothing in interleaved mode
 * here). The date filter compares two numeric properties with the current day.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteDatum } from './layers/prepare.ts';
import { FONT } from './theme.ts';

export const SITE_LABELS = 'site-labels';

/** The label points, from the prepared major sites. */
export function siteLabelFeatures(
  major: SiteDatum[],
): FeatureCollection<Point, { name: string; from: number; to: number; rank: number }> {
  return {
    type: 'FeatureCollection',
    features: major.map((d) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.position },
      properties: {
        name: d.site.name.replace(/ \(.*\)$/, ''),
        from: d.span[0],
        to: d.span[1],
        // Lower sorts first: HQs, then the largest sites, win the space.
        rank:
          (d.site.kind === 'mission_hq' || d.site.kind === 'sector_hq' ? -10_000 : 0) -
          (d.site.troops_estimate ?? 0),
      },
    })),
  };
}

/** Only the labels of sites open on the day. */
export function openOn(day: number): FilterSpecification {
  const between: ExpressionSpecification = [
    'all',
    ['<=', ['get', 'from'], day],
    ['>=', ['get', 'to'], day],
  ];
  return between;
}

/** The symbol layer; placed above everything else in the base style. */
export function siteLabelsLayer(): LayerSpecification {
  return {
    id: SITE_LABELS,
    type: 'symbol',
    source: SITE_LABELS,
    filter: openOn(-1e6),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [...FONT.bold],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 14],
      'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
      'text-radial-offset': 1.3,
      'symbol-sort-key': ['get', 'rank'],
      'text-padding': 2,
    },
    paint: { 'text-color': '#1d1b18', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  };
}
