/**
 * The context layers drawn around and under the provinces: countries (Natural Earth via
 * world-atlas), lakes and major rivers (Natural Earth via the CoMapeo fallback map), all
 * clipped to a box around the DRC so the bundle stays small.
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
} from 'geojson';
import bboxClip from '@turf/bbox-clip';

/**
 * [west, south, east, north]: beyond the map's pan limits (MapView.svelte: the DRC's box plus
 * 16° of longitude west and 26° east, 12° of latitude south and 7° north), with room for an
 * A4 or A3 export's taller frame, so no view or export ever shows the cut edge of the context
 * layers. The limits reach far east because the country is fitted clear of the layer panel,
 * and the view then extends well east of it.
 */
export const CONTEXT_BOX: [number, number, number, number] = [-6, -28, 60, 16];

/** Rivers whose Natural Earth min_zoom is at most this are the "major" ones we keep. */
export const MAJOR_RIVER_MAX_MIN_ZOOM = 4;

type Areal = Polygon | MultiPolygon;
type Linear = LineString | MultiLineString;

function isEmpty(g: Geometry): boolean {
  return 'coordinates' in g && g.coordinates.length === 0;
}

/** Clips areal or linear features to the box and drops those left empty. */
export function clipToBox<G extends Areal | Linear, P>(
  features: Feature<G, P>[],
  box = CONTEXT_BOX,
): Feature<G, P>[] {
  return features
    .filter((f) => !crossesAntimeridian(f.geometry))
    .map((f) => bboxClip(f as Feature<G>, box) as Feature<G, P>)
    .filter((f) => f.geometry && !isEmpty(f.geometry))
    .map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: dropDegenerate(f.geometry),
    }))
    .filter((f) => !isEmpty(f.geometry)) as Feature<G, P>[];
}

/**
 * Natural Earth draws a country that straddles ±180° (Fiji) with rings jumping across the map;
 * clipped to our box, such a ring becomes a band across the whole of Africa at its latitude.
 * None of them is near the DRC, so they are left out.
 */
function crossesAntimeridian(g: Geometry): boolean {
  const rings: number[][][] =
    g.type === 'Polygon'
      ? g.coordinates
      : g.type === 'MultiPolygon'
        ? g.coordinates.flat()
        : g.type === 'LineString'
          ? [g.coordinates]
          : g.type === 'MultiLineString'
            ? g.coordinates
            : [];
  return rings.some((r) => r.some((p, i) => i > 0 && Math.abs(p[0]! - r[i - 1]![0]!) > 180));
}

/** bbox-clip can leave rings or lines of fewer than the minimum points; they are not geometry. */
function dropDegenerate<G extends Geometry>(g: G): G {
  switch (g.type) {
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.filter((r) => r.length >= 4) };
    case 'MultiPolygon':
      return {
        ...g,
        coordinates: g.coordinates
          .map((p) => p.filter((r) => r.length >= 4))
          .filter((p) => p.length > 0),
      };
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.filter((l) => l.length >= 2) };
    default:
      return g;
  }
}

export interface CountryProps {
  id: string;
  name: string;
}

/** Countries from world-atlas, minus nothing: the DRC is kept so its outline can be drawn. */
export function countriesInBox(countries: FeatureCollection): Feature<Areal, CountryProps>[] {
  const areal = countries.features.filter(
    (f): f is Feature<Areal> =>
      f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  const withProps = areal.map((f): Feature<Areal, CountryProps> => ({
    type: 'Feature',
    properties: { id: String(f.id ?? ''), name: String(f.properties?.['name'] ?? '') },
    geometry: f.geometry,
  }));
  return clipToBox(withProps).sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

export interface LakeProps {
  name: string | null;
}
export interface RiverProps {
  min_zoom: number;
  weight: number;
}

interface SmpStyle {
  sources: Record<string, { type: string; data?: FeatureCollection }>;
}

function sourceData(style: SmpStyle, id: string): Feature[] {
  const data = style.sources[id]?.data;
  if (!data) throw new Error(`fallback map style.json: no inline GeoJSON source "${id}"`);
  return data.features;
}

/** Named Natural Earth lakes inside the box. */
export function lakesInBox(style: SmpStyle): Feature<Areal, LakeProps>[] {
  const lakes = sourceData(style, 'lakes')
    .filter(
      (f): f is Feature<Areal> =>
        f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    )
    .map((f): Feature<Areal, LakeProps> => ({
      type: 'Feature',
      properties: {
        name: typeof f.properties?.['name'] === 'string' ? f.properties['name'] : null,
      },
      geometry: f.geometry,
    }));
  return clipToBox(lakes);
}

/** Natural Earth rivers inside the box whose min_zoom marks them as major. */
export function majorRiversInBox(style: SmpStyle): Feature<Linear, RiverProps>[] {
  const rivers = sourceData(style, 'rivers')
    .filter(
      (f): f is Feature<Linear> =>
        f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
    )
    .map((f): Feature<Linear, RiverProps> => ({
      type: 'Feature',
      properties: {
        min_zoom: Number(f.properties?.['min_zoom'] ?? 99),
        weight: Number(f.properties?.['strokeweig'] ?? 0.2),
      },
      geometry: f.geometry,
    }))
    .filter((f) => f.properties.min_zoom <= MAJOR_RIVER_MAX_MIN_ZOOM);
  return clipToBox(rivers);
}
