/** Bundled into the benchmark page: the impact recompute the panel runs, and synthetic data. */
import { coverageChange, impactAt, type ImpactData } from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import type { Place, Site } from '../../src/lib/domain/schema.ts';
import { addMonths } from '../../src/lib/domain/timeline.ts';

/** Milliseconds of each of `runs` recomputes: impact at the day, and its 12-month change. */
export function time(
  data: ImpactData,
  day: number,
  runs: number,
): { impact: number[]; full: number[] } {
  const impact: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    impactAt(data, day, DEFAULT_RADII);
    const t1 = performance.now();
    coverageChange(data, addMonths(day, -12), day, DEFAULT_RADII);
    impact.push(t1 - t0);
    full.push(performance.now() - t0);
  }
  return { impact, full };
}

/** `nSites` open COBs and sector HQs and `nPlaces` places over the eastern DRC, seeded. */
export function synthetic(nSites: number, nPlaces: number): ImpactData {
  let seed = 11;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const sites: Site[] = Array.from({ length: nSites }, (_, i) => ({
    id: `s${i}`,
    name: `s${i}`,
    kind: i % 10 === 0 ? 'sector_hq' : 'cob',
    province_iso: 'CD-NK',
    lat: -12 + rnd() * 16,
    lon: 18 + rnd() * 13,
    opened: null,
    opened_basis: null,
    closed: null,
    closure: null,
    troops_estimate: null,
    contingent: '',
    source: 'synthetic',
    confidence: 'low',
    notes: '',
  }));
  const places: Place[] = Array.from({ length: nPlaces }, (_, i) => ({
    name: `p${i}`,
    alt_names: [],
    province_iso: 'CD-NK',
    lat: -12 + rnd() * 16,
    lon: 18 + rnd() * 13,
    population: i % 3 ? Math.round(rnd() * 1e5) : null,
    population_year: null,
    source: 'synthetic',
  }));
  return { sites, hotspots: [], places };
}
