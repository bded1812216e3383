/** Armed-group control at a date: held towns, held areas, points in them and since when. */
import { describe, expect, test } from 'vitest';
import area from '@turf/area';
import { polygon } from '@turf/helpers';
import {
  CLUSTER_KM,
  clusters,
  convexHull,
  groupsIn,
  heldAt,
  heldKey,
  heldOn,
  heldSets,
  heldPlaces,
  TOWN_BUFFER_KM,
  TOWN_CORE_KM,
} from '../../src/lib/domain/control.ts';
import { heldAreaFeatures, heldAreas } from '../../src/lib/domain/heldArea.ts';
import { dayNumber, parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { haversineKm } from '../../src/lib/domain/impact.ts';
import type { ControlPeriod, Place } from '../../src/lib/domain/schema.ts';

const d = (text: string, p = 'day') => parseFuzzyDate(text, p) as FuzzyDate;
const day = (iso: string) => d(iso).first;
const town = (
  id: string,
  lat: number,
  lon: number,
  from: string,
  to: string | null = null,
  group = 'M23/AFC',
): ControlPeriod => ({
  id,
  town: id[0]!.toUpperCase() + id.slice(1),
  group,
  province_iso: 'CD-NK',
  lat,
  lon,
  from: d(from),
  to: to ? d(to) : null,
  source: 'test',
  confidence: 'high',
  notes: '',
});

// The bundled rows' points (GeoNames), and towns the real file is expected to hold.
const GOMA = town('goma', -1.67409, 29.22845, '2025-01-28');
const BUKAVU = town('bukavu', -2.49077, 28.84281, '2025-02-14');
const SAKE = town('sake', -1.57386, 29.04339, '2025-01-23');
const WALIKALE = town('walikale', -1.42, 28.05, '2025-03-19', '2025-04-04');
const BUNAGANA = town('bunagana', -1.2833, 29.6, '2022-06-13');

describe('heldOn: the towns held on a day, ends inclusive', () => {
  const all = [GOMA, BUKAVU, WALIKALE];
  test.each([
    { iso: '2024-12-01', held: [] },
    { iso: '2025-01-27', held: [] },
    { iso: '2025-01-28', held: ['goma'] },
    { iso: '2025-02-13', held: ['goma'] },
    { iso: '2025-03-01', held: ['goma', 'bukavu'] },
    { iso: '2025-04-04', held: ['goma', 'bukavu', 'walikale'] },
    { iso: '2025-04-05', held: ['goma', 'bukavu'] },
  ])('$iso: $held', ({ iso, held }) => {
    expect(heldOn(all, day(iso)).map((t) => t.id)).toEqual(held);
  });

  test('a period known to the month is held through the whole month', () => {
    const t = { ...WALIKALE, to: d('2025-04', 'month') };
    expect(heldOn([t], day('2025-04-30'))).toHaveLength(1);
    expect(heldOn([t], day('2025-05-01'))).toHaveLength(0);
  });
});

describe('heldSets: every distinct set of held towns, in date order', () => {
  test('one set per change, none for days nothing is held, a set seen again not repeated', () => {
    const a = town('a', -1, 29, '2022-06-13', '2022-12-31');
    const b = town('b', -1.2, 29.2, '2022-10-29');
    const c = town('c', -1.3, 29.3, '2023-01-01', '2023-03-31');
    const ids = heldSets([a, b, c]).map((s) => s.map((p) => p.id).join('+'));
    expect(ids).toEqual(['a', 'a+b', 'b+c', 'b']);
    // Every set a day can show is among them.
    for (const iso of ['2022-07-01', '2022-11-01', '2023-02-01', '2024-01-01'])
      expect(ids).toContain(
        heldOn([a, b, c], day(iso))
          .map((p) => p.id)
          .join('+'),
      );
  });

  test('nothing held, no sets', () => {
    expect(heldSets([])).toEqual([]);
  });
});

describe('heldKey: changes exactly with the set of held towns', () => {
  test.each([
    { a: [GOMA, BUKAVU], b: [BUKAVU, GOMA], same: true },
    { a: [GOMA], b: [GOMA, BUKAVU], same: false },
    { a: [], b: [], same: true },
    { a: [GOMA], b: [{ ...GOMA, id: 'goma-2012' }], same: false },
  ])('%#', ({ a, b, same }) => {
    expect(heldKey(a) === heldKey(b)).toBe(same);
  });
});

describe('clusters: a group’s towns in chains of neighbours at most CLUSTER_KM apart', () => {
  test('the distances the constant is chosen for', () => {
    // Goma to Bukavu along the lake is one area; Walikale, 140 km from Sake, is not.
    expect(haversineKm(GOMA, BUKAVU)).toBeLessThan(CLUSTER_KM);
    expect(haversineKm(SAKE, WALIKALE)).toBeGreaterThan(CLUSTER_KM);
    // A town's buffer takes in its outskirts, not the next town.
    expect(haversineKm(GOMA, SAKE)).toBeGreaterThan(TOWN_BUFFER_KM);
  });
  test.each([
    { towns: [GOMA, BUKAVU], expected: [['goma', 'bukavu']] },
    { towns: [GOMA, WALIKALE], expected: [['goma'], ['walikale']] },
    // Bunagana links to Goma (85 km), Goma to Bukavu: one chain, though Bunagana–Bukavu is far.
    { towns: [BUNAGANA, BUKAVU, GOMA], expected: [['bunagana', 'bukavu', 'goma']] },
    {
      towns: [GOMA, { ...SAKE, group: 'Wazalendo' }],
      expected: [['goma'], ['sake']],
    },
    { towns: [], expected: [] },
  ])('$expected', ({ towns, expected }) => {
    expect(clusters(towns).map((c) => c.map((t) => t.id))).toEqual(expected);
  });
});

describe('convexHull', () => {
  test.each([
    {
      name: 'a square with a point inside',
      points: [
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
      ],
      expected: [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    },
    {
      name: 'points on a line, and a repeat',
      points: [
        [0, 0],
        [1, 1],
        [1, 1],
        [3, 3],
        [0, 3],
      ],
      expected: [
        [0, 0],
        [3, 3],
        [0, 3],
        [0, 0],
      ],
    },
  ])('$name', ({ points, expected }) => {
    expect(convexHull(points)).toEqual(expected);
  });
});

describe('heldAreas and heldAt', () => {
  const disc = Math.PI * TOWN_BUFFER_KM ** 2;
  const km2 = (f: Parameters<typeof area>[0]) => area(f) / 1e6;

  test('a lone town is a small disc around it', () => {
    const [a] = heldAreas([GOMA]);
    expect(km2(a!.shape)).toBeGreaterThan(disc * 0.97);
    expect(km2(a!.shape)).toBeLessThan(disc * 1.01);
  });

  test('Goma and Bukavu read as one area, the ground between them held', () => {
    const areas = heldAreas([GOMA, BUKAVU]);
    expect(areas).toHaveLength(1);
    expect(areas[0]!.towns.map((t) => t.id)).toEqual(['goma', 'bukavu']);
    // Halfway, on the lake's west shore: in the hull, in neither town's disc.
    const mid = { lat: (GOMA.lat + BUKAVU.lat) / 2, lon: (GOMA.lon + BUKAVU.lon) / 2 };
    expect(heldAt(mid, areas)).not.toBeNull();
    expect(km2(areas[0]!.shape)).toBeGreaterThan(2 * disc);
  });

  test('a lone far town stays a disc: nothing between it and the rest is held', () => {
    const areas = heldAreas([GOMA, SAKE, WALIKALE]);
    expect(areas.map((a) => a.towns.map((t) => t.id))).toEqual([['goma', 'sake'], ['walikale']]);
    const between = { lat: -1.5, lon: 28.55 };
    expect(heldAt(between, areas)).toBeNull();
    expect(heldAt({ lat: -1.42, lon: 28.1 }, areas)?.since.text).toBe('2025-03-19');
  });

  test('clipped to the country, but for the towns’ cores the outline is too coarse to place', () => {
    // A stand-in border 0.9 km west of Goma's point, as coarse as the real outline there.
    const drc = polygon([
      [
        [27, -3],
        [29.22, -3],
        [29.22, -1],
        [27, -1],
        [27, -3],
      ],
    ]);
    const clipped = heldAreas([GOMA], drc);
    // 8 km east, across the border: in the unclipped disc, not in the clipped area.
    const rwanda = { lat: -1.69, lon: 29.3 };
    expect(heldAt(rwanda, heldAreas([GOMA]))).not.toBeNull();
    expect(heldAt(rwanda, clipped)).toBeNull();
    // The town itself and the base 1 km from it stay held; so does the ground west of them.
    expect(heldAt({ lat: GOMA.lat, lon: GOMA.lon }, clipped)).not.toBeNull();
    expect(heldAt({ lat: -1.68333, lon: 29.23333 }, clipped)).not.toBeNull();
    expect(heldAt({ lat: -1.67, lon: 29.14 }, clipped)).not.toBeNull();
    // About half the disc, and the core's half beyond the border.
    expect(km2(clipped[0]!.shape)).toBeGreaterThan(disc * 0.5);
    expect(km2(clipped[0]!.shape)).toBeLessThan(disc * 0.7);
    expect(TOWN_CORE_KM).toBeLessThan(TOWN_BUFFER_KM);
  });

  test('a town far inside the outline: the clipped area is the whole disc', () => {
    const drc = polygon([
      [
        [27, -3],
        [30, -3],
        [30, -0.5],
        [27, -0.5],
        [27, -3],
      ],
    ]);
    const [a] = heldAreas([SAKE], drc);
    const [b] = heldAreas([SAKE]);
    expect(km2(a!.shape)).toBeCloseTo(km2(b!.shape), 0);
  });

  test.each([
    // The MONUSCO base in Goma, 1 km from the town's point.
    { name: 'a site in Goma', at: { lat: -1.68333, lon: 29.23333 }, since: '2025-01-28' },
    // In Bukavu's disc only.
    { name: 'a site in Bukavu', at: { lat: -2.5, lon: 28.86667 }, since: '2025-02-14' },
    // Between Goma and Sake, in both discs: the earlier, Sake's.
    { name: 'in two towns’ discs', at: { lat: -1.62, lon: 29.13 }, since: '2025-01-23' },
    // In the hull only, nearer Bukavu than Goma: Bukavu's date.
    { name: 'between towns, nearer Bukavu', at: { lat: -2.25, lon: 28.96 }, since: '2025-02-14' },
    { name: 'Kinshasa', at: { lat: -4.32, lon: 15.31 }, since: null },
  ])('since when: $name', ({ at, since }) => {
    const areas = heldAreas([GOMA, SAKE, BUKAVU]);
    const h = heldAt(at, areas);
    expect(h?.since.text ?? null).toBe(since);
    if (h) expect(h.group).toBe('M23/AFC');
  });

  test('of two groups’ areas over a point, the one held longer', () => {
    const other = { ...GOMA, id: 'goma-x', group: 'Other', from: d('2024-05-01') };
    const h = heldAt({ lat: GOMA.lat, lon: GOMA.lon }, heldAreas([GOMA, other]));
    expect(h).toMatchObject({ group: 'Other', since: { text: '2024-05-01' } });
  });

  test('the map gets one feature per group, with its name', () => {
    const areas = heldAreas([GOMA, WALIKALE, { ...BUKAVU, group: 'Other' }]);
    const fc = heldAreaFeatures(areas);
    expect(fc.features.map((f) => f.properties.group)).toEqual(['M23/AFC', 'Other']);
    expect(fc.features[0]!.geometry.type).toBe('MultiPolygon');
  });
});

describe('heldPlaces: places and people in held areas', () => {
  const place = (name: string, lat: number, lon: number, population: number | null): Place => ({
    name,
    alt_names: [],
    province_iso: 'CD-NK',
    lat,
    lon,
    population,
    population_year: null,
    source: 'test',
  });
  const PLACES = [
    place('Goma', -1.67409, 29.22845, 144124),
    place('Bukavu', -2.49077, 28.84281, 225389),
    place('Kalehe', -2.1, 28.92, null),
    place('Sake', -1.57386, 29.04339, 17151),
    place('Kinshasa', -4.32, 15.31, 7785965),
  ];
  test.each([
    { held: [], places: [], total: 0, unknown: 0 },
    { held: [GOMA], places: ['Goma'], total: 144124, unknown: 0 },
    {
      held: [GOMA, BUKAVU],
      places: ['Goma', 'Bukavu', 'Kalehe'],
      total: 144124 + 225389,
      unknown: 1,
    },
  ])('$places', ({ held, places, total, unknown }) => {
    const r = heldPlaces(PLACES, heldAreas(held));
    expect(r.places.map((p) => p.name)).toEqual(places);
    expect(r.population.total).toBe(total);
    expect(r.population.unknown).toBe(unknown);
  });
});

test('groupsIn: each group once, in the file’s order', () => {
  expect(groupsIn([GOMA, { ...SAKE, group: 'Other' }, BUKAVU])).toEqual(['M23/AFC', 'Other']);
  expect(groupsIn([])).toEqual([]);
});

test('the day numbers the tests use are the calendar’s', () => {
  expect(day('2025-03-01')).toBe(dayNumber(2025, 3, 1));
});
