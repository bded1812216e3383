/**
 * The merged reach area of open sites: one circle per site (great-circle radius), unioned, so
 * the map shows one outline rather than a pile of overlapping discs. Computed only when the
 * set of open sites or a radius changes, not on every date step.
 */
import circle from '@turf/circle';
import union from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Reacher } from '../domain/impact.ts';

/** A key that changes exactly when the area would. */
export function coverageKey(reachers: Reacher[]): string {
  return reachers.map((r) => `${r.id}:${r.km}`).join('|');
}

/** The union of the sites' reach circles (48 segments each; ~1% short of the true radius). */
export function coverageArea(reachers: Reacher[]): FeatureCollection<Polygon | MultiPolygon> {
  const discs = reachers.map((r) =>
    circle([r.lon, r.lat], r.km, { steps: 48, units: 'kilometers' }),
  );
  if (discs.length < 2) return featureCollection(discs);
  const merged = union(featureCollection(discs)) as Feature<Polygon | MultiPolygon> | null;
  return featureCollection(merged ? [merged] : []);
}
