/**
 * Turns any admin-1 GeoJSON of the DRC (the bundled ECharts file, OCHA COD-AB, geoBoundaries…)
 * into exactly 26 features keyed by ISO 3166-2 code, or fails naming what it could not match.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { PROVINCES, matchProvince, type ProvinceRef } from '../lib/domain/provinces.ts';

export type ProvinceFeature = Feature<Polygon | MultiPolygon, { iso: string; name: string }>;

/** Thrown when the input cannot be mapped onto the 26 provinces; the message lists every problem. */
export class ProvinceMatchError extends Error {
  constructor(
    readonly file: string,
    readonly unmatched: string[],
    readonly missing: string[],
  ) {
    const lines = [`${file}: cannot map the features onto the 26 provinces of 2015.`];
    if (unmatched.length)
      lines.push(
        `  Features matching no province (by ISO code or name in any property):`,
        ...unmatched.map((u) => `    - ${u}`),
      );
    if (missing.length)
      lines.push(`  Provinces with no feature:`, ...missing.map((m) => `    - ${m}`));
    lines.push(
      '  Fix: use an admin-1 file of the 26 provinces (e.g. OCHA COD-AB cod_admbnda_adm1 or ' +
        'geoBoundaries COD ADM1), or rename the features so a property holds the French name or ISO code.',
    );
    super(lines.join('\n'));
    this.name = 'ProvinceMatchError';
  }
}

function describe(f: Feature, i: number): string {
  const props = Object.entries(f.properties ?? {})
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .slice(0, 6)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  return `feature #${i + 1} (${props || 'no properties'})`;
}

/** Picks the province a feature stands for: an ISO code in any property wins over a name. */
export function provinceOfFeature(f: Feature): ProvinceRef | undefined {
  const values = Object.values(f.properties ?? {}).filter(
    (v): v is string => typeof v === 'string',
  );
  const byIso = values.map((v) => v.trim().toUpperCase()).find((v) => /^CD-[A-Z]{2}$/.test(v));
  if (byIso) {
    const p = PROVINCES.find((q) => q.iso === byIso);
    if (p) return p;
  }
  for (const v of values) {
    const p = matchProvince(v);
    if (p) return p;
  }
  return undefined;
}

function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * Maps features onto the 26 provinces, merging several features of one province into a
 * MultiPolygon, and returns them in the canonical order of PROVINCES.
 */
export function mapProvinces(fc: FeatureCollection, file: string): ProvinceFeature[] {
  const parts = new Map<string, Position[][][]>();
  const unmatched: string[] = [];
  fc.features.forEach((f, i) => {
    const polys = polygonsOf(f);
    if (!polys.length) return; // points or lines in an admin file are not boundaries
    const p = provinceOfFeature(f);
    if (!p) {
      unmatched.push(describe(f, i));
      return;
    }
    parts.set(p.iso, [...(parts.get(p.iso) ?? []), ...polys]);
  });
  const missing = PROVINCES.filter((p) => !parts.has(p.iso)).map((p) => `${p.iso} ${p.name}`);
  if (unmatched.length || missing.length) throw new ProvinceMatchError(file, unmatched, missing);
  return PROVINCES.map((p): ProvinceFeature => {
    const polys = parts.get(p.iso) ?? [];
    const geometry: Polygon | MultiPolygon =
      polys.length === 1 && polys[0]
        ? { type: 'Polygon', coordinates: polys[0] }
        : { type: 'MultiPolygon', coordinates: polys };
    return { type: 'Feature', properties: { iso: p.iso, name: p.name }, geometry };
  });
}
