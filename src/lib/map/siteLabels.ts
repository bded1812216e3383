/**
 * Labels of sector HQs and major sites as a MapLibre symbol layer, so MapLibre's collision
 * detection declutters them (deck.gl's collision filter draws nothing in interleaved mode
 * here). The filter lists the open sites' ids, and is replaced only when that list changes:
 * each setFilter re-lays out the labels in MapLibre's worker, which most month steps need not.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteDatum } from './layers/prepare.ts';
import { FONT } from './theme.ts';

export const SITE_LABELS = 'site-labels';
/**
 * The space the labelled sites' symbols take, for MapLibre's label placement: deck.gl draws the
 * symbols, so without these MapLibre would set a province's name under a site's star (Kinshasa).
 */
export const SITE_MARKS = 'site-marks';
export const MARK_IMAGE = 'site-mark';
const MARK_PX = 4;
/** A transparent square: a mark takes space in placement and shows nothing. */
export const markImage = () => ({
  width: MARK_PX,
  height: MARK_PX,
  data: new Uint8Array(MARK_PX * MARK_PX * 4),
});

/** The label points, from the prepared major sites. */
export function siteLabelFeatures(
  major: SiteDatum[],
): FeatureCollection<Point, { id: string; name: string; rank: number; size: number }> {
  return {
    type: 'FeatureCollection',
    features: major.map((d) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.position },
      properties: {
        id: d.site.id,
        name: d.site.name.replace(/ \(.*\)$/, ''),
        // Lower sorts first: HQs, then the largest sites, win the space.
        rank:
          (d.site.kind === 'mission_hq' || d.site.kind === 'sector_hq' ? -10_000 : 0) -
          (d.site.troops_estimate ?? 0),
        // The deck.gl symbol's size in pixels (sitesLayer's getSize).
        size: d.size,
      },
    })),
  };
}

/** The ids of the labelled sites open on the day, as one string: equal strings, same filter. */
export function openLabelKey(major: SiteDatum[], day: number): string {
  return major
    .filter((d) => d.span[0] <= day && day <= d.span[1])
    .map((d) => d.site.id)
    .join('\n');
}

/** Only the labels of the sites in the key (openLabelKey). */
export function labelFilter(key: string): FilterSpecification {
  const ids: ExpressionSpecification = ['literal', key ? key.split('\n') : []];
  return ['in', ['get', 'id'], ids];
}

/** The symbol layer; placed above everything else in the base style. */
export function siteLabelsLayer(): LayerSpecification {
  return {
    id: SITE_LABELS,
    type: 'symbol',
    source: SITE_LABELS,
    filter: labelFilter(''),
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

/**
 * The marks: above every label layer, since MapLibre places the top layer first, and always
 * placed themselves; the labels under them move to another anchor or give way.
 */
export function siteMarksLayer(): LayerSpecification {
  return {
    id: SITE_MARKS,
    type: 'symbol',
    source: SITE_LABELS,
    filter: labelFilter(''),
    layout: {
      'icon-image': MARK_IMAGE,
      'icon-size': ['/', ['get', 'size'], MARK_PX],
      'icon-allow-overlap': true,
      'icon-padding': 0,
    },
  };
}
