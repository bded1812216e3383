/**
 * Names of sector HQs and major sites as a MapLibre symbol layer (deck.gl's collision filter
 * draws nothing in interleaved mode). Where each name goes is worked out by nameLayout.ts
 * (siteNames.ts runs it), and MapLibre sets it at that anchor, so the app knows where every
 * name stands and can lead a line to it.
 */
import { siteKind } from '../domain/siteKinds.ts';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteDatum } from './layers/prepare.ts';
import type { SiteMark } from './layers/siteMarks.ts';
import { NAME_PADDING_PX, type SetName } from './nameLayout.ts';
import { FONT, SITE_NAME_INK } from './theme.ts';

export const SITE_LABELS = 'site-labels';
/**
 * The space the open labelled sites' symbols take, for MapLibre's placement of the province
 * names: deck.gl draws the symbols, so without these MapLibre would set a province's name under
 * a site's star (Kinshasa).
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

/** Site names' type at the whole-country zoom (4), and their gap from the symbol, in pixels. */
export const LABEL_TEXT_PX = 11;
const LABEL_GAP_PX = 4;
/** The type grows from LABEL_TEXT_PX at zoom 4 to this at zoom 8 (and stays outside). */
const LABEL_TEXT_PX_Z8 = 14;

/**
 * The site names' type size at a zoom, in pixels: the layer's text-size. `scale` is the screen
 * scale (screenScale.ts: above 1 only while presenting on a large screen), which grows the
 * names, their symbols and the gaps between them alike (labelTextSize).
 */
export function labelTextPx(zoom: number, scale = 1): number {
  const t = Math.min(Math.max((zoom - 4) / 4, 0), 1);
  return (LABEL_TEXT_PX + t * (LABEL_TEXT_PX_Z8 - LABEL_TEXT_PX)) * scale;
}

/**
 * The layer's text-size at a screen scale (set with setLayoutProperty when it changes). The
 * names' offsets are in ems, so they grow with it: nameAnchors gives the same ems for symbols
 * and gaps scaled alike.
 */
export const labelTextSize = (scale = 1): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  LABEL_TEXT_PX * scale,
  8,
  LABEL_TEXT_PX_Z8 * scale,
];

/**
 * The space each symbol of the sites layer takes at some date (a site, its closure mark, its
 * ghost), for the site names to keep clear of: deck.gl draws the symbols over the map's
 * labels, so a name set under a smaller base's symbol lost letters. The same for every date,
 * so a step changes nothing here. Placed after the province names, which these do not move
 * (see withSiteLabels in style.ts).
 */
export const SITE_SPOTS = 'site-spots';

/**
 * The spots, from the marks the sites layer draws (siteMarks.ts; a closure mark sits off the
 * site's centre): set anew only with the scenario or a layer toggle.
 */
export function siteSpotFeatures(
  marks: Pick<SiteMark, 'datum' | 'size' | 'offset'>[],
  scale = 1,
): FeatureCollection<Point, { size: number; offset: [number, number] }> {
  return {
    type: 'FeatureCollection',
    features: marks.map((m) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: m.datum.position },
      // MapLibre scales an icon's offset by its icon-size (size / MARK_PX): the offset in
      // pixels grows with the screen scale as the symbol does (sitesLayer).
      properties: {
        size: m.size * scale,
        offset: [(m.offset[0] * MARK_PX) / m.size, (m.offset[1] * MARK_PX) / m.size],
      },
    })),
  };
}

/**
 * Where a name may go around a symbol of `size` pixels, tried in order: beside it, then at a
 * corner, just clear of it (a fixed offset set the largest HQs' names, Goma's and Bunia's, on
 * their own symbol, so they were never placed); then farther east: along the eastern border
 * (Ituri, the Kivus) every side is another base, and east lie the border and the lakes, where
 * no base is; failing that (a base inland, west of the row), farther west.
 */
export function nameAnchors(size: number): [string, [number, number]][] {
  const d = (size / 2 + LABEL_GAP_PX) / LABEL_TEXT_PX;
  // At a corner the name's box must clear the symbol's square box: at d·√½ on each axis (as
  // far as the sides) a name at a corner fell inside any symbol of 20 px or more. A pixel past
  // the square's corner; a round or pointed symbol leaves more room there.
  const c = (size / 2 + 1) / LABEL_TEXT_PX;
  return [
    ['top', [0, d]],
    ['bottom', [0, -d]],
    ['left', [d, 0]],
    ['right', [-d, 0]],
    ['bottom-left', [c, -c]],
    ['top-left', [c, c]],
    ['bottom-right', [-c, -c]],
    ['top-right', [-c, c]],
    ['left', [d + 1.5, 0]],
    ['left', [d + 3, 0]],
    ['right', [-d - 1.5, 0]],
    ['right', [-d - 3, 0]],
  ];
}

/** A site's name as shown on the map: without a parenthesised qualifier. */
export const shortName = (d: SiteDatum) => d.site.name.replace(/ \(.*\)$/, '');

/** Lower sorts first: HQs, then the largest sites, win the space. */
export const nameRank = (d: SiteDatum) =>
  (siteKind(d.site.kind).named === 'first' ? -10_000 : 0) - (d.troops ?? 0);

/** The labelled sites open on the day. */
export const openNamed = (major: SiteDatum[], day: number) =>
  major.filter((d) => d.span[0] <= day && day <= d.span[1]);

/** The names as set (nameLayout.ts), as points for the layer: anchor and offset per name. */
export function nameFeatures(
  set: readonly SetName[],
  byId: ReadonlyMap<string, SiteDatum>,
): FeatureCollection<
  Point,
  { id: string; name: string; anchor: string; offset: [number, number] }
> {
  return {
    type: 'FeatureCollection',
    features: set.flatMap((n) => {
      const d = byId.get(n.id);
      if (!d) return [];
      return [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: d.position },
          properties: { id: n.id, name: shortName(d), anchor: n.anchor, offset: n.offset },
        },
      ];
    }),
  };
}

/** The open labelled sites' marks: a `size`-pixel square each (siteMarksLayer). */
export function markFeatures(
  open: readonly SiteDatum[],
  scale = 1,
): FeatureCollection<Point, { id: string; size: number }> {
  return {
    type: 'FeatureCollection',
    features: open.map((d) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.position },
      properties: { id: d.site.id, size: d.size * scale },
    })),
  };
}

/**
 * The names, each at the anchor and offset nameLayout.ts chose for it. Drawn even where
 * MapLibre's own test finds a collision: the layout already kept every name clear of the
 * symbols, the other names and the province names, and a name MapLibre dropped would leave its
 * leader pointing at nothing. It still blocks the lake and country names placed after it.
 */
export function siteLabelsLayer(): LayerSpecification {
  return {
    id: SITE_LABELS,
    type: 'symbol',
    source: SITE_LABELS,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [...FONT.bold],
      'text-size': labelTextSize(),
      'text-anchor': ['get', 'anchor'] as ExpressionSpecification,
      'text-offset': ['get', 'offset'] as ExpressionSpecification,
      'text-allow-overlap': true,
      'text-padding': NAME_PADDING_PX,
    },
    paint: { 'text-color': SITE_NAME_INK, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  };
}

/**
 * An invisible symbol layer that takes, in MapLibre's placement, the space of deck.gl's
 * symbols: a `size`-pixel square (markImage) at each point, or `offset` from it, always placed.
 */
function spaceLayer(
  id: string,
  source: string,
  o: { offset?: ExpressionSpecification },
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: {
      'icon-image': MARK_IMAGE,
      'icon-size': ['/', ['get', 'size'], MARK_PX],
      ...(o.offset ? { 'icon-offset': o.offset } : {}),
      'icon-allow-overlap': true,
      'icon-padding': 0,
    },
  };
}

/**
 * The marks: above every label layer, since MapLibre places the top layer first; the labels
 * under them move to another anchor or give way.
 */
export const siteMarksLayer = () => spaceLayer(SITE_MARKS, SITE_MARKS, {});

/** The spots, each at its mark's offset. */
export const siteSpotsLayer = () =>
  spaceLayer(SITE_SPOTS, SITE_SPOTS, { offset: ['get', 'offset'] });
