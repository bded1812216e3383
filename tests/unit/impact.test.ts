/**
 * Closure impact on small fixtures along the equator, where one degree of longitude is
 * 111.195 km (2πR/360, R = 6371.0088 km), so every distance is known by hand.
 */
import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Hotspot, Place, Site, SiteKind } from '../../src/lib/domain/schema.ts';
import {
  coverageChange,
  haversineKm,
  impactAt,
  populationOf,
  reachersAt,
  SiteGrid,
  whatIfCloses,
  type Reacher,
} from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII, parseRadii, type Radii } from '../../src/lib/domain/reach.ts';

const DEG = 111.195;
const d = (t: string) => parseFuzzyDate(t, t.length === 10 ? 'day' : 'year') as FuzzyDate;
const day = (t: string) => d(t).first;

const site = (
  id: string,
  lon: number,
  kind: SiteKind = 'cob',
  closed: string | null = null,
  lat: number | null = 0,
): Site => ({
  id,
  name: id,
  kind,
  province_iso: 'CD-NK',
  lat,
  lon: lat === null ? null : lon,
  opened: null,
  opened_basis: null,
  closed: closed ? d(closed) : null,
  closure: closed ? 'closed' : null,
  troops_estimate: null,
  contingent: '',
  source: 's',
  confidence: 'high',
  notes: '',
});
const place = (name: string, lon: number, population: number | null, iso = 'CD-NK'): Place => ({
  name,
  alt_names: [],
  province_iso: iso,
  lat: 0,
  lon,
  population,
  population_year: population === null ? null : 2015,
  source: 'GeoNames',
});
const hotspot = (id: string, lon: number, group = 'ADF', to: string | null = null): Hotspot => ({
  id,
  group,
  label: id,
  province_iso: 'CD-NK',
  lat: 0,
  lon,
  radius_km: 10,
  from: d('2019'),
  to: to ? d(to) : null,
  intensity: 2,
  intensity_basis: '',
  source: 's',
  confidence: 'high',
  notes: '',
});
const reacher = (id: string, lon: number, km: number, lat = 0): Reacher => ({
  id,
  name: id,
  kind: 'cob',
  lat,
  lon,
  km,
});
const radii: Radii = { ...DEFAULT_RADII, cob: 30, sector_hq: 80, field_office: 0 };

describe('haversineKm', () => {
  test.each([
    { a: [0, 0], b: [0, 1], km: DEG },
    { a: [0, 0], b: [1, 0], km: DEG },
    { a: [60, 0], b: [60, 1], km: DEG / 2 },
    { a: [-4, 29], b: [-4, 29], km: 0 },
  ])('$a → $b ≈ $km km', ({ a, b, km }) => {
    expect(haversineKm({ lat: a[0]!, lon: a[1]! }, { lat: b[0]!, lon: b[1]! })).toBeCloseTo(km, 0);
  });
});

describe('SiteGrid', () => {
  const grid = new SiteGrid([reacher('a', 0, 30), reacher('b', 1, 80), reacher('c', 3, 5)]);
  test.each([
    { lon: 0.1, covering: ['a'], nearest: 'a', km: 0.1 * DEG, why: 'inside a only' },
    {
      lon: 0.25,
      covering: ['a'],
      nearest: 'a',
      km: 0.25 * DEG,
      why: '27.8 km from a; b is 83 km off, beyond its 80',
    },
    { lon: 0.75, covering: ['b'], nearest: 'b', km: 0.25 * DEG, why: 'beyond a, inside b' },
    {
      lon: 2.2,
      covering: [],
      nearest: 'c',
      km: 0.8 * DEG,
      why: 'uncovered; c (89 km) nearer than b',
    },
    { lon: 2.99, covering: ['c'], nearest: 'c', km: 0.01 * DEG, why: 'at c' },
    { lon: 40, covering: [], nearest: 'c', km: 37 * DEG, why: 'far outside the grid' },
  ])('lon $lon: $why', ({ lon, covering, nearest, km }) => {
    const p = { lat: 0, lon };
    expect(grid.covering(p).map((s) => s.id)).toEqual(covering);
    const n = grid.nearest(p)!;
    expect(n.site.id).toBe(nearest);
    expect(n.km).toBeCloseTo(km, 0);
  });

  test('nearest can exclude sites, and is null on an empty grid', () => {
    expect(grid.nearest({ lat: 0, lon: 0.1 }, new Set(['a']))!.site.id).toBe('b');
    expect(new SiteGrid([]).nearest({ lat: 0, lon: 0 })).toBeNull();
    expect(new SiteGrid([]).covering({ lat: 0, lon: 0 })).toEqual([]);
  });

  test('agrees with a brute-force scan on random sites and points', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const sites = Array.from({ length: 300 }, (_, i) =>
      reacher(`s${i}`, 12 + rnd() * 19, 5 + rnd() * 100, -13 + rnd() * 18),
    );
    const g = new SiteGrid(sites);
    for (let k = 0; k < 300; k++) {
      const p = { lat: -15 + rnd() * 22, lon: 10 + rnd() * 23 };
      const dist = sites.map((s) => [s, haversineKm(p, s)] as const);
      const inside = dist.filter(([s, km]) => km <= s.km).map(([s]) => s.id);
      expect(
        g
          .covering(p)
          .map((s) => s.id)
          .sort(),
      ).toEqual(inside.sort());
      const best = Math.min(...dist.map(([, km]) => km));
      expect(g.nearest(p)!.km).toBeCloseTo(best, 6);
    }
  });
});

describe('reachersAt', () => {
  const sites = [
    site('open', 0),
    site('closed', 1, 'cob', '2020-06-30'),
    site('office', 2, 'field_office'),
    site('unlocated', 3, 'cob', null, null),
  ];
  test.each([
    { on: '2020-01-01', ids: ['open', 'closed'] },
    { on: '2020-06-30', ids: ['open', 'closed'], why: 'the closing day is still open' },
    { on: '2020-07-01', ids: ['open'] },
  ])('on $on: $ids (no zero-reach office, no unlocated site)', ({ on, ids }) => {
    expect(reachersAt(sites, day(on), radii).map((r) => r.id)).toEqual(ids);
  });
});

describe('impactAt', () => {
  const data = {
    sites: [site('cob', 0), site('hq', 1, 'sector_hq', '2021-06-30')],
    hotspots: [
      hotspot('h-near', 0.1),
      hotspot('h-far', 2, 'M23'),
      hotspot('h-ended', 0.1, 'ADF', '2019-12-31'),
    ],
    places: [
      place('A', 0.2, 1000),
      place('B', 1.5, 5000),
      place('C', 3, null, 'CD-SK'),
      place('D', 0.9, 200),
    ],
  };
  test('before the HQ closes', () => {
    const r = impactAt(data, day('2021-01-01'), radii);
    expect(r.sites).toBe(2);
    expect(r.uncovered.map((c) => c.target.name).sort()).toEqual(['C', 'h-far']);
    expect(r.byGroup).toEqual([
      { group: 'M23', total: 1, uncovered: 1 },
      { group: 'ADF', total: 1, uncovered: 0 },
    ]);
    expect(r.population).toEqual({ total: 0, unknown: 1, years: [] });
  });
  test('after it closes: B and D lose cover; population and provinces add up', () => {
    const r = impactAt(data, day('2021-07-01'), radii);
    expect(r.uncovered.map((c) => c.target.name).sort()).toEqual(['B', 'C', 'D', 'h-far']);
    expect(r.population).toEqual({ total: 5200, unknown: 1, years: [2015] });
    expect(r.byProvince).toEqual([
      expect.objectContaining({
        province_iso: 'CD-NK',
        hotspotsUncovered: 1,
        placesUncovered: 2,
        population: 5200,
      }),
      expect.objectContaining({
        province_iso: 'CD-SK',
        placesUncovered: 1,
        population: 0,
        populationUnknown: 1,
      }),
    ]);
    const b = r.uncovered.find((c) => c.target.name === 'B')!;
    expect(b.nearest!.site.id).toBe('cob');
    expect(b.nearest!.km).toBeCloseTo(1.5 * DEG, 0);
  });

  test('coverageChange names the closure that caused each loss', () => {
    const c = coverageChange(data, day('2021-01-01'), day('2021-07-15'), radii);
    expect(c.lost.map((l) => [l.target.name, l.causes.map((s) => s.id)])).toEqual([
      ['B', ['hq']],
      ['D', ['hq']],
    ]);
    expect(c.gained).toEqual([]);
    // Backwards in time, the same targets are gained.
    const back = coverageChange(data, day('2021-07-15'), day('2021-01-01'), radii);
    expect(back.gained.map((g) => g.target.name).sort()).toEqual(['B', 'D']);
  });

  test('a hotspot active on only one of the two days is neither lost nor gained', () => {
    const c = coverageChange(data, day('2019-06-01'), day('2021-07-15'), radii);
    expect(c.lost.map((l) => l.target.name)).not.toContain('h-ended');
  });

  test('whatIfCloses lists only what the site alone covers, with the nearest other site', () => {
    const on = day('2021-01-01');
    // B is 56 km from the HQ, D 11 km; both are beyond the COB's 30 km. Largest town first.
    const hq = whatIfCloses(data, on, radii, 'hq');
    expect(hq.map((l) => l.target.name)).toEqual(['B', 'D']);
    expect(hq[0]!.nearest!.site.id).toBe('cob');
    expect(hq[0]!.nearest!.km).toBeCloseTo(1.5 * DEG, 0);
    // h-near (11 km) and A (22 km) are 100 and 89 km from the HQ: beyond its 80 km. Hotspots first.
    const cob = whatIfCloses(data, on, radii, 'cob');
    expect(cob.map((l) => l.target.name)).toEqual(['h-near', 'A']);
    expect(cob.every((l) => l.nearest?.site.id === 'hq')).toBe(true);
    // A site that is closed, or unknown, uncovers nothing.
    expect(whatIfCloses(data, day('2021-07-01'), radii, 'hq')).toEqual([]);
    expect(whatIfCloses(data, on, radii, 'nope')).toEqual([]);
  });
});

describe('populationOf', () => {
  test.each([
    { pops: [], total: 0, unknown: 0 },
    { pops: [10, null, 5], total: 15, unknown: 1 },
    { pops: [null, null], total: 0, unknown: 2 },
  ])('$pops → $total, $unknown unknown', ({ pops, total, unknown }) => {
    const r = populationOf(pops.map((p, i) => ({ ...placeT(i), population: p })));
    expect([r.total, r.unknown]).toEqual([total, unknown]);
  });
});
function placeT(i: number) {
  return {
    key: `p${i}`,
    kind: 'place' as const,
    name: `p${i}`,
    province_iso: 'CD-NK',
    group: null,
    lat: 0,
    lon: 0,
    population: null as number | null,
    population_year: 2015,
    source: '',
  };
}

describe('parseRadii', () => {
  test.each([
    { input: { cob: 12 }, cob: 12, rejected: 0 },
    { input: { cob: -1 }, cob: DEFAULT_RADII.cob, rejected: 1 },
    { input: { cob: 'x', tob: 1e9 }, cob: DEFAULT_RADII.cob, rejected: 2 },
    { input: { spaceship: 3 }, cob: DEFAULT_RADII.cob, rejected: 1 },
    { input: null, cob: DEFAULT_RADII.cob, rejected: 1 },
  ])('$input → cob $cob, $rejected rejected', ({ input, cob, rejected }) => {
    const r = parseRadii(input);
    expect(r.radii.cob).toBe(cob);
    expect(r.rejected).toHaveLength(rejected);
  });
});

describe('README', () => {
  test('states every default reach and its reason, as the code has them', async () => {
    const { readFileSync } = await import('node:fs');
    const { REACH_DEFAULTS } = await import('../../src/lib/domain/reach.ts');
    const readme = readFileSync('README.md', 'utf8');
    for (const [kind, r] of Object.entries(REACH_DEFAULTS)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${kind}\``));
      expect(row, kind).toBeDefined();
      expect(row).toContain(`${r.km} km`);
      expect(row).toContain(r.reason);
    }
  });
});
