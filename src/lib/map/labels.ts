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
 * One point per feature, inside its largest part, where a label has the most room.
 * Centroids fall outside concave shapes such as Kongo-Central; polylabel cannot.
 */
export function labelPoints<P>(
  fc: FeatureCollection<Polygon | MultiPolygon, P>,
  precision = 0.01,
): FeatureCollection<Point, P> {
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
  return { type: 'FeatureCollection', features };
}
