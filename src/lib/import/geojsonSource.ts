/**
 * A GeoJSON file as a table for the import: point features become rows the CSV path's row
 * reader reads (their properties as text, then `longitude` and `latitude` from the geometry),
 * polygons come back as areas, and lines are counted and left. A row's `line` is its
 * feature's number, 1-based in file order, shown to the user as "feature N".
 *
 * What GeoJSON is, from RFC 7946 (https://www.rfc-editor.org/rfc/rfc7946):
 * - §3: a GeoJSON text is one object: a FeatureCollection, a Feature or a bare geometry.
 * - §3.1.1: a position is an array of two or more numbers, longitude first, then latitude
 *   (WGS 84 decimal degrees, §4); a third is the altitude, which we leave.
 * - §3.1.2–3.1.7: Point holds one position, MultiPoint and LineString an array of them,
 *   Polygon an array of linear rings, MultiPolygon an array of polygons.
 * - §3.1.6: a linear ring is closed (its first and last positions are the same) and holds at
 *   least four positions.
 * - §3.2: a Feature's geometry may be null (an unlocated feature) and its properties any
 *   JSON object or null.
 *
 * The whole text is parsed at once (JSON.parse): a file is one value, with no record boundary
 * to stream by. Measured in Node 20 on a 2-core machine, with ACLED-like points of 20
 * properties (678 bytes a feature): 200 MB (295,000 features) took 2.6–5 s from bytes to the
 * last row (decoding 0.4–1.5 s, JSON.parse 1.5–3.5 s, rows 0.3 s) at a peak of 570 MB;
 * 340 MB (500,000 features) 5.9 s at 0.9 GB. In a module worker of headless Chromium, the
 * 200 MB file read in 1.0–1.3 s and gave its rows in 0.2–0.3 s. A file cannot pass
 * MAX_GEOJSON_BYTES: no engine makes a longer string from it.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Said } from '../domain/problems.ts';
import type { RowProblem } from './types.ts';

/** One row of a table read from a file: where the user finds it, and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A file read as a table: what the CSV path gives the row reader, from any source. */
export interface TableSource {
  header: string[];
  rows: Iterable<TableRow>;
}

/** A polygon feature of the file, with its properties, for an area layer. */
export type AreaFeature = Feature<Polygon | MultiPolygon>;

/** What the file held, by kind of feature. */
export interface GeoJsonCounts {
  features: number;
  /** Point and MultiPoint features read (a MultiPoint gives a row per point). */
  points: number;
  /** Rows those points gave. */
  rows: number;
  /** Polygon and MultiPolygon features read. */
  areas: number;
  /** LineString and MultiLineString features: not read. */
  lines: number;
  /** GeometryCollection features: not read. */
  collections: number;
  /** Features refused for their geometry (each in `problems`). */
  rejected: number;
}

/** A GeoJSON file read: its point rows as a table, its areas, and what was left out. */
export interface GeoJsonTable extends TableSource {
  areas: AreaFeature[];
  counts: GeoJsonCounts;
  /** Features refused for their geometry, by feature number (field "geometry" or "type"). */
  problems: RowProblem[];
  /** What was read but not kept (lines, geometry collections), said once for the file. */
  notices: Said[];
}

export type GeoJsonResult = { ok: true; table: GeoJsonTable } | { ok: false; said: Said };

/**
 * The largest GeoJSON file read: V8's longest string is 2^29 - 24 characters (Firefox's and
 * Safari's are longer), and UTF-8 text has no more characters than bytes.
 */
export const MAX_GEOJSON_BYTES = 2 ** 29 - 24;

/** The columns the geometry's position fills, after the properties. */
export const LONGITUDE = 'longitude';
export const LATITUDE = 'latitude';

/** RowProblem's value is cut to this many characters. */
const VALUE_MAX = 200;
/** How much of a file that is not GeoJSON the sentence quotes. */
const START_MAX = 60;

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** The coordinates each readable geometry type should have, for the nesting problem. */
const SHAPES: Readonly<Record<string, string>> = {
  Point: '[longitude, latitude]',
  MultiPoint: '[[longitude, latitude], …]',
  Polygon: '[[[longitude, latitude], …], …]',
  MultiPolygon: '[[[[longitude, latitude], …], …], …]',
};

const POSITION_FIX: Said = {
  code: 'fix_geojson_position',
  params: { example: '[29.2228, -1.6792]' },
};
const RING_FIX: Said = { code: 'fix_geojson_ring' };
const GEOMETRY_FIX: Said = {
  code: 'fix_geojson_geometry',
  params: { example: '{"type": "Point", "coordinates": [29.2228, -1.6792]}' },
};

/**
 * A number as plain digits: as JavaScript writes it, but never in exponent form (1e-7,
 * 1e+21), which the cell readers refuse as not a number.
 */
export function plainNumber(n: number): string {
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exponent = Number(s.slice(e + 1));
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const whole = (dot < 0 ? mantissa.length : dot) + exponent;
  const body =
    whole <= 0
      ? `0.${'0'.repeat(-whole)}${digits}`
      : whole >= digits.length
        ? digits + '0'.repeat(whole - digits.length)
        : `${digits.slice(0, whole)}.${digits.slice(whole)}`;
  return negative ? `-${body}` : body;
}

/** A property value as a cell: text as is, numbers as plainNumber, objects and arrays as JSON. */
export function propertyText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  return JSON.stringify(v);
}

/** Whether the first bytes of a file look like JSON: an object or array after any BOM and spaces. */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i++;
  return head[i] === 0x7b || head[i] === 0x5b;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const cut = (s: string) => (s.length > VALUE_MAX ? s.slice(0, VALUE_MAX) : s);

/** A position's longitude and latitude, or null when it is not an array of two or more numbers. */
function position(p: unknown): [number, number] | null {
  if (!Array.isArray(p) || p.length < 2) return null;
  const [lon, lat] = p as unknown[];
  return typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat)
    ? [lon, lat]
    : null;
}

const inRange = ([lon, lat]: [number, number]) =>
  lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;

/** What is wrong with a geometry's coordinates, or null. */
type Fault = { problem: Said; fix: Said; value: unknown };

/** Checks a list of positions (a MultiPoint, a ring); `ring` asks for a closed one. */
function positionsFault(type: string, list: unknown, ring: boolean): Fault | null {
  if (!Array.isArray(list)) return nesting(type, list);
  for (const p of list) {
    const at = position(p);
    if (!at) return nesting(type, p);
    if (!inRange(at)) return outOfRange(at, p);
  }
  if (ring) {
    const first = position(list[0]);
    const last = position(list[list.length - 1]);
    if (list.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1])
      return {
        problem: { code: 'geojson_ring_open', params: { type } },
        fix: RING_FIX,
        value: list,
      };
  }
  return null;
}

const nesting = (type: string, value: unknown): Fault => ({
  problem: { code: 'geojson_not_position', params: { type, shape: SHAPES[type] ?? '' } },
  fix: POSITION_FIX,
  value,
});

const outOfRange = ([lon, lat]: [number, number], value: unknown): Fault => ({
  problem: {
    code: 'geojson_out_of_range',
    params: { lon: plainNumber(lon), lat: plainNumber(lat) },
  },
  fix: POSITION_FIX,
  value,
});

/** Checks a Point, MultiPoint, Polygon or MultiPolygon's coordinates. */
function coordinatesFault(type: string, c: unknown): Fault | null {
  if (c === undefined || c === null || (Array.isArray(c) && c.length === 0))
    return {
      problem: { code: 'geojson_no_coordinates', params: { type } },
      fix: POSITION_FIX,
      value: c,
    };
  if (!Array.isArray(c)) return nesting(type, c);
  switch (type) {
    case 'Point': {
      const at = position(c);
      if (!at) return nesting(type, c);
      return inRange(at) ? null : outOfRange(at, c);
    }
    case 'MultiPoint':
      return positionsFault(type, c, false);
    case 'Polygon':
      for (const ring of c) {
        const f = positionsFault(type, ring, true);
        if (f) return f;
      }
      return null;
    default:
      for (const polygon of c) {
        if (!Array.isArray(polygon) || polygon.length === 0) return nesting(type, polygon);
        for (const ring of polygon) {
          const f = positionsFault(type, ring, true);
          if (f) return f;
        }
      }
      return null;
  }
}

/** The file's features, or the sentence saying why it holds none we can read. */
function featuresOf(json: unknown, text: string, name: string): unknown[] | Said {
  const notGeoJson: Said = {
    code: 'file_not_geojson',
    params: { file: name, start: text.trimStart().slice(0, START_MAX) },
  };
  if (!isObject(json)) return notGeoJson;
  if (json.type === 'Topology') return { code: 'file_topojson', params: { file: name } };
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features))
      return { code: 'file_geojson_features_not_list', params: { file: name } };
    if (json.features.length === 0) return { code: 'file_geojson_empty', params: { file: name } };
    return json.features;
  }
  if (json.type === 'Feature') return [json];
  if (typeof json.type === 'string' && GEOMETRY_TYPES.has(json.type))
    return [{ type: 'Feature', geometry: json, properties: null }];
  return notGeoJson;
}

/**
 * A GeoJSON file's text as a table of its point features, its areas, and the problems of the
 * features refused; or one sentence when the file is not GeoJSON or holds nothing to read.
 * Every Point or MultiPoint feature with sound coordinates gives rows; every other feature is
 * in `areas`, `problems` or the counts.
 */
export function readGeoJson(text: string, name: string): GeoJsonResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // The engine's own words (English) are kept as a detail: they say where the text breaks.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, said: { code: 'file_not_json', params: { file: name, detail } } };
  }
  const found = featuresOf(json, text, name);
  if (!Array.isArray(found)) return { ok: false, said: found };
  const features: unknown[] = found;

  const counts: GeoJsonCounts = {
    features: features.length,
    points: 0,
    rows: 0,
    areas: 0,
    lines: 0,
    collections: 0,
    rejected: 0,
  };
  const problems: RowProblem[] = [];
  const areas: AreaFeature[] = [];
  // The features that give rows, by index, and the union of their property names.
  const points: number[] = [];
  const columns = new Map<string, number>();
  const header: string[] = [];
  const refuse = (i: number, field: string, f: Fault) => {
    counts.rejected++;
    problems.push({
      line: i + 1,
      field,
      value: cut(typeof f.value === 'string' ? f.value : (JSON.stringify(f.value) ?? '')),
      problem: f.problem,
      fix: f.fix,
    });
  };

  features.forEach((feature, i) => {
    if (!isObject(feature) || feature.type !== 'Feature') {
      const type = isObject(feature) ? feature.type : feature;
      return refuse(i, 'type', {
        problem: { code: 'geojson_not_feature' },
        fix: GEOMETRY_FIX,
        value: type,
      });
    }
    const g = feature.geometry;
    if (!isObject(g))
      return refuse(i, 'geometry', {
        problem: { code: 'geojson_no_geometry' },
        fix: GEOMETRY_FIX,
        value: g ?? null,
      });
    const type = typeof g.type === 'string' ? g.type : '';
    if (type === 'LineString' || type === 'MultiLineString') return void counts.lines++;
    if (type === 'GeometryCollection') return void counts.collections++;
    if (!SHAPES[type])
      return refuse(i, 'geometry', {
        problem: { code: 'geojson_unknown_geometry', params: { type: String(g.type) } },
        fix: GEOMETRY_FIX,
        value: g.type ?? null,
      });
    const fault = coordinatesFault(type, g.coordinates);
    if (fault) return refuse(i, 'geometry', fault);
    if (type === 'Polygon' || type === 'MultiPolygon') {
      counts.areas++;
      areas.push(feature as unknown as AreaFeature);
      return;
    }
    counts.points++;
    counts.rows += type === 'Point' ? 1 : (g.coordinates as unknown[]).length;
    points.push(i);
    if (isObject(feature.properties))
      for (const key of Object.keys(feature.properties))
        if (!columns.has(key)) {
          columns.set(key, header.length);
          header.push(key);
        }
  });

  if (counts.points === 0 && counts.areas === 0 && counts.rejected === 0)
    return {
      ok: false,
      said: {
        code: 'file_geojson_nothing_read',
        params: {
          file: name,
          count: counts.features,
          lines: counts.lines,
          collections: counts.collections,
        },
      },
    };

  // A property already named longitude or latitude is where the geometry's value goes: the
  // geometry is what the map draws, and two columns of one name would leave one unread.
  const lonAt = columnNamed(header, LONGITUDE);
  const latAt = columnNamed(header, LATITUDE);
  if (lonAt < 0) header.push(LONGITUDE);
  if (latAt < 0) header.push(LATITUDE);
  const lonColumn = lonAt < 0 ? header.length - (latAt < 0 ? 2 : 1) : lonAt;
  const latColumn = latAt < 0 ? header.length - 1 : latAt;

  const notices: Said[] = [];
  if (counts.lines > 0)
    notices.push({ code: 'geojson_lines_not_read', params: { count: counts.lines } });
  if (counts.collections > 0)
    notices.push({ code: 'geojson_collections_not_read', params: { count: counts.collections } });

  function* each(): Generator<TableRow> {
    for (const i of points) {
      const feature = features[i] as {
        geometry: { type: string; coordinates: unknown };
        properties: unknown;
      };
      const base: string[] = new Array<string>(header.length).fill('');
      if (isObject(feature.properties))
        for (const [key, v] of Object.entries(feature.properties))
          base[columns.get(key)!] = propertyText(v);
      const { type, coordinates } = feature.geometry;
      const list = (type === 'Point' ? [coordinates] : coordinates) as [number, number][];
      for (let k = 0; k < list.length; k++) {
        const cells = k === list.length - 1 ? base : base.slice();
        cells[lonColumn] = plainNumber(list[k]![0]);
        cells[latColumn] = plainNumber(list[k]![1]);
        yield { line: i + 1, cells };
      }
    }
  }

  // An iterable, not an iterator: each pass starts from the first point again.
  const rows: Iterable<TableRow> = { [Symbol.iterator]: each };
  return { ok: true, table: { header, rows, areas, counts, problems, notices } };
}

/** The index of the header name that reads as `name` (case and spaces aside), or -1. */
function columnNamed(header: readonly string[], name: string): number {
  return header.findIndex((h) => h.trim().toLowerCase() === name);
}

/** A dropped GeoJSON file read whole (readGeoJson), or why not: too large, not JSON, not GeoJSON. */
export async function readGeoJsonFile(file: Blob, name: string): Promise<GeoJsonResult> {
  if (file.size > MAX_GEOJSON_BYTES)
    return {
      ok: false,
      said: {
        code: 'file_geojson_too_large',
        params: { file: name, size: file.size, limit: MAX_GEOJSON_BYTES },
      },
    };
  return readGeoJson(await file.text(), name);
}
