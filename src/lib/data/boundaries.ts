/**
 * Loads the bundled TopoJSON boundaries (same-origin assets) and decodes them with
 * topojson-client into typed GeoJSON, checking they are what the app expects.
 * TopoJSON spec: https://github.com/topojson/topojson-specification
 */
import type {
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
} from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, merge, mesh } from 'topojson-client';
import { DRC_COUNTRY_ID, PROVINCES } from '../domain/provinces.ts';
import { DataError } from './errors.ts';

export type Areal = Polygon | MultiPolygon;
export interface ProvinceProps {
  iso: string;
  name: string;
}
export interface Boundaries {
  provinces: FeatureCollection<Areal, ProvinceProps>;
  countries: FeatureCollection<Areal, { id: string; name: string }>;
  lakes: FeatureCollection<Areal, { name: string | null }>;
  rivers: FeatureCollection<LineString | MultiLineString, { min_zoom: number; weight: number }>;
  /** Borders between two provinces, each drawn once (polygon outlines would draw it twice). */
  provinceBorders: MultiLineString;
  /** Every arc of the neighbouring countries, borders and coasts, once; the DRC's are left to
   * the national border line. */
  countryBorders: MultiLineString;
  /** The sea inside the box (the box less all land); see `oceanOf`. */
  ocean: MultiPolygon;
  /** One line per source, from the files' own metadata, shown on the map. */
  attribution: string[];
}

type MetaTopology = Topology & { metadata?: { attribution?: string[] } };

function objectOf(
  topo: MetaTopology,
  name: string,
  file: string,
): GeometryCollection<Record<string, unknown>> {
  const o = topo.objects?.[name] as GeometryCollection<Record<string, unknown>> | undefined;
  if (!o || o.type !== 'GeometryCollection')
    throw new DataError([
      {
        file,
        field: `objects.${name}`,
        message: { code: 'topojson_missing' },
        fix: { code: 'fix_rebuild_boundaries', params: { command: '`npm run data`' } },
      },
    ]);
  return o;
}

/** Decodes provinces.topo.json and checks it holds exactly the 26 provinces, by ISO code. */
export function decodeProvinces(
  topo: MetaTopology,
  file: string,
): FeatureCollection<Areal, ProvinceProps> {
  const fc = feature(topo, objectOf(topo, 'provinces', file)) as unknown as FeatureCollection<
    Areal,
    ProvinceProps
  >;
  const seen = new Set(fc.features.map((f) => f.properties?.iso));
  const missing = PROVINCES.filter((p) => !seen.has(p.iso));
  if (missing.length || fc.features.length !== PROVINCES.length)
    throw new DataError([
      {
        file,
        field: 'objects.provinces',
        message: missing.length
          ? {
              code: 'provinces_missing',
              params: {
                found: fc.features.length,
                missing: missing.map((p) => p.iso).join(', '),
              },
            }
          : { code: 'provinces_count', params: { found: fc.features.length } },
        fix: {
          code: 'fix_rebuild_provinces',
          params: { command: '`npm run data`', option: '`--provinces`' },
        },
      },
    ]);
  return fc;
}

/** The borders shared by two provinces, from the topology's shared arcs. */
export function decodeProvinceBorders(topo: MetaTopology, file: string): MultiLineString {
  return mesh(topo, objectOf(topo, 'provinces', file), (a, b) => a !== b);
}

const isDrc = (g: { properties?: Record<string, unknown> }) =>
  g.properties?.['id'] === DRC_COUNTRY_ID;

/** Decodes context.topo.json into its three layers and the neighbours' borders. */
export function decodeContext(
  topo: MetaTopology,
  file: string,
): Pick<Boundaries, 'countries' | 'lakes' | 'rivers' | 'countryBorders' | 'ocean'> {
  const countries = objectOf(topo, 'countries', file);
  return {
    ocean: oceanOf(topo, countries),
    countries: feature(topo, countries) as Boundaries['countries'],
    countryBorders: mesh(topo, countries, (a, b) => !isDrc(a) && !isDrc(b)),
    lakes: feature(topo, objectOf(topo, 'lakes', file)) as Boundaries['lakes'],
    rivers: feature(topo, objectOf(topo, 'rivers', file)) as Boundaries['rivers'],
  };
}

type Ring = number[][];
/** Twice the signed area of a ring in lon/lat: positive when counter-clockwise. */
const signedArea = (r: Ring) =>
  r.reduce((a, p, i) => (i ? a + (r[i - 1]![0]! * p[1]! - p[0]! * r[i - 1]![1]!) : a), 0);
const wound = (r: Ring, ccw: boolean) => (signedArea(r) > 0 === ccw ? r : [...r].reverse());

/**
 * The sea: the topology's box, grown by a degree, less the land (all countries merged along
 * their shared arcs). The map's background is land-coloured and only the sea is filled, a
 * far smaller area than the neighbouring countries, which under a software renderer saves
 * ~10–15 ms a frame. The box is grown so that land cut at its edge never touches the outer
 * ring; beyond it the land colour shows, never in view (the pan limits are inside the box).
 */
export function oceanOf(
  topo: MetaTopology,
  countries: GeometryCollection<Record<string, unknown>>,
): MultiPolygon {
  const land = merge(topo, countries.geometries as Parameters<typeof merge>[1]);
  const [w, s, e, n] = (topo.bbox ?? [-180, -85, 180, 85]) as number[] as [
    number,
    number,
    number,
    number,
  ];
  const shell: Ring = [
    [w - 1, s - 1],
    [e + 1, s - 1],
    [e + 1, n + 1],
    [w - 1, n + 1],
    [w - 1, s - 1],
  ];
  // Holes run against their shell: MapLibre tells holes from outer rings by winding.
  const sea: Ring[][] = [[shell, ...land.coordinates.map((p) => wound(p[0]!, false))]];
  // Gaps inside the land (no country claims them) are sea-coloured too, as before.
  for (const p of land.coordinates) for (const hole of p.slice(1)) sea.push([wound(hole, true)]);
  return { type: 'MultiPolygon', coordinates: sea };
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<MetaTopology> {
  const res = await fetch(url, { signal });
  if (!res.ok)
    throw new DataError([
      {
        file: url,
        message: { code: 'http', params: { status: res.status, statusText: res.statusText } },
        fix: { code: 'fix_build_data', params: { folder: 'data/boundaries' } },
      },
    ]);
  return (await res.json()) as MetaTopology;
}

/** Fetches both files in parallel and returns decoded, validated boundaries. */
export async function loadBoundaries(
  urls: { provinces: string; context: string },
  signal?: AbortSignal,
): Promise<Boundaries> {
  const [p, c] = await Promise.all([
    fetchJson(urls.provinces, signal),
    fetchJson(urls.context, signal),
  ]);
  return {
    provinces: decodeProvinces(p, 'provinces.topo.json'),
    provinceBorders: decodeProvinceBorders(p, 'provinces.topo.json'),
    ...decodeContext(c, 'context.topo.json'),
    attribution: [...(p.metadata?.attribution ?? []), ...(c.metadata?.attribution ?? [])],
  };
}
