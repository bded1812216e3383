/**
 * Checks that every located record lies in the province it names, allowing a tolerance for
 * coarse borders and lakeshores (the bundled provinces have vertices a few km apart).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { DataIssue } from './errors.ts';
import type { Said } from '../domain/problems.ts';

export interface Located {
  file: string;
  line: number | undefined;
  label: string;
  province_iso: string | null;
  lat: number | null;
  lon: number | null;
}

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

/** Default tolerance: about the spacing of the bundled boundary vertices. */
export const PROVINCE_TOLERANCE_KM = 5;

/** The province a point falls in, if any. */
export function provinceAt(
  provinces: Provinces,
  lon: number,
  lat: number,
): Feature<Polygon | MultiPolygon, { iso: string; name: string }> | undefined {
  return provinces.features.find((f) => booleanPointInPolygon([lon, lat], f));
}

/** Distance in km from a point to a province (0 inside). */
export function kmOutside(
  province: Feature<Polygon | MultiPolygon>,
  lon: number,
  lat: number,
): number {
  if (booleanPointInPolygon([lon, lat], province)) return 0;
  return Math.max(0, pointToPolygonDistance([lon, lat], province, { units: 'kilometers' }));
}

/** One issue per record that lies farther than the tolerance from its stated province. */
export function checkInProvince(
  items: Located[],
  provinces: Provinces,
  toleranceKm = PROVINCE_TOLERANCE_KM,
): DataIssue[] {
  const byIso = new Map(provinces.features.map((f) => [f.properties.iso, f]));
  const issues: DataIssue[] = [];
  for (const it of items) {
    if (it.lat === null || it.lon === null || !it.province_iso) continue;
    const stated = byIso.get(it.province_iso);
    if (!stated) continue;
    const km = kmOutside(stated, it.lon, it.lat);
    if (km <= toleranceKm) continue;
    const actual = provinceAt(provinces, it.lon, it.lat);
    const params = {
      label: it.label,
      lat: it.lat,
      lon: it.lon,
      // One decimal, as written in the data (a point, in every language: these are coordinates).
      km: km.toFixed(1),
      province: stated.properties.name,
    };
    const message: Said = actual
      ? {
          code: 'outside_province',
          params: { ...params, actual: actual.properties.name, actualIso: actual.properties.iso },
        }
      : { code: 'outside_province_abroad', params };
    issues.push({
      file: it.file,
      line: it.line,
      field: 'province_iso',
      value: it.province_iso,
      message,
      fix: { code: 'fix_swapped' },
    });
  }
  return issues;
}
