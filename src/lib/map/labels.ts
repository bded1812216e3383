/** Label anchor points for polygons: the pole of inaccessibility, not the centroid. */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import area from '@turf/area';

function largestPolygon(g: Polygon | MultiPolygon): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  let best: Position[][] = g.coordinates[0] ?? [];
  let bestArea = -1;
  for (const coords of g.coordinates) {
    const a = area({ type: 'Polygon', coordinates: coords });
    if (a > bestArea) [best, bestArea] = [coords, a];
  }
  return best;
}

/**
 * Points already worked out, by collection and precision: the style and the site names' layout
 * both want the provinces'.
 */
const computed = new WeakMap<object, Map<number, FeatureCollection<Point, unknown>>>();

/**
 * One point per feature, inside its largest part, where a label has the most room.
 * Centroids fall outside concave shapes such as Kongo-Central; polylabel cannot.
 */
export function labelPoints<P>(
  fc: FeatureCollection<Polygon | MultiPolygon, P>,
  precision = 0.01,
): FeatureCollection<Point, P> {
  let byPrecision = computed.get(fc);
  if (!byPrecision) computed.set(fc, (byPrecision = new Map()));
  const known = byPrecision.get(precision);
  if (known) return known as FeatureCollection<Point, P>;
  const features = fc.features
    .filter((f) => f.geometry)
    .map((f): Feature<Point, P> => {
      const p = polylabel(largestPolygon(f.geometry), precision);
      return {
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'Point', coordinates: [p[0], p[1]] },
      };
    });
  const points: FeatureCollection<Point, P> = { type: 'FeatureCollection', features };
  byPrecision.set(precision, points);
  return points;
}
