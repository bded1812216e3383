/**
 * Hexagon bins: ids round-trip, a point's bin is its nearest hexagon centre everywhere in the
 * DRC, the outline is a closed counter-clockwise hexagon holding the point, and aggregation
 * equals a brute-force count on random events, windows and filters.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { haversineKm } from '../../src/lib/domain/impact.ts';
import {
  filterMasks,
  NO_FILTER,
  passes,
  type EventFilter,
} from '../../src/lib/import/eventWindow.ts';
import {
  aggregate,
  binCenter,
  binIndex,
  binNeighbours,
  binOf,
  binPolygon,
  DEFAULT_HEX_KM,
  HEX_LAT0,
  hexAxial,
  hexId,
  type BinMeasure,
} from '../../src/lib/import/hexbin.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

interface Ev {
  lon: number;
  lat: number;
  day: number;
  fat: number;
  type: number;
  family: number;
  actor: number;
}

/** Columns from events, sorted by day as the importer leaves them. */
function columns(events: Ev[]): EventColumns {
  const ev = [...events].sort((a, b) => a.day - b.day);
  const n = ev.length;
  return {
    n,
    positions: Float32Array.from(ev.flatMap((e) => [e.lon, e.lat])),
    day: Float32Array.from(ev.map((e) => e.day)),
    fatalities: Float32Array.from(ev.map((e) => e.fat)),
    eventType: Uint8Array.from(ev.map((e) => e.type)),
    family: Uint8Array.from(ev.map((e) => e.family)),
    actor: Uint32Array.from(ev.map((e) => e.actor)),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(ev, (_, i) => i + 2),
    eventTypes: ['Battles', 'Violence against civilians', 'Protests'],
    actors: ['ADF', 'CODECO', 'M23', 'FARDC'],
    places: [''],
  };
}

/** Km on the bins' plane (hexbin.ts): the distance the hexagon's radius is measured in. */
function planeKm(a: [number, number], b: [number, number]): number {
  const kx = Math.cos((HEX_LAT0 * Math.PI) / 180) * 111.32;
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * 110.57);
}

/** Points across the DRC and a little beyond: lon 12–31.5, lat −13.5 to 5.5. */
const drcPoint = fc.tuple(
  fc.double({ min: 12, max: 31.5, noNaN: true }),
  fc.double({ min: -13.5, max: 5.5, noNaN: true }),
);
const SIZES = [DEFAULT_HEX_KM, 1, 5, 50];

describe('hexagon ids', () => {
  test.each([
    { q: 0, r: 0 },
    { q: 1, r: -1 },
    { q: -1, r: -1 },
    { q: -1, r: 0 },
    { q: 123, r: -456 },
    { q: 32767, r: -32768 },
    { q: -32768, r: 32767 },
  ])('($q, $r) round-trips', ({ q, r }) => {
    expect(hexAxial(hexId(q, r))).toEqual([q, r]);
  });

  test('distinct coordinates give distinct ids', () => {
    const ids = new Set<number>();
    for (let q = -40; q <= 40; q++) for (let r = -40; r <= 40; r++) ids.add(hexId(q, r));
    expect(ids.size).toBe(81 * 81);
  });

  test('the default hexagon is 25 km across its flats', () => {
    expect(Math.sqrt(3) * DEFAULT_HEX_KM).toBeCloseTo(25, 10);
  });

  test.each(SIZES.map((size) => ({ size })))(
    'size $size km: a point is within the radius of its bin centre, and no neighbour is nearer',
    ({ size }) => {
      fc.assert(
        fc.property(drcPoint, ([lon, lat]) => {
          const id = binOf(lon, lat, size);
          const c = binCenter(id, size);
          const d = planeKm([lon, lat], c);
          expect(d).toBeLessThanOrEqual(size * (1 + 1e-9));
          // On the ground too, within the plane's 2.4 % east–west error at −13°.
          expect(haversineKm({ lon, lat }, { lon: c[0], lat: c[1] })).toBeLessThanOrEqual(
            size * 1.025,
          );
          for (const n of binNeighbours(id))
            expect(planeKm([lon, lat], binCenter(n, size))).toBeGreaterThanOrEqual(d - 1e-9);
          expect(binOf(c[0], c[1], size)).toBe(id);
        }),
        { seed: 24, numRuns: 500 },
      );
    },
  );

  test.each([
    { name: 'Goma', lon: 29.2285, lat: -1.6741 },
    { name: 'Bunia', lon: 30.2522, lat: 1.5594 },
    { name: 'Lubumbashi', lon: 27.4794, lat: -11.6609 },
    { name: 'Kinshasa', lon: 15.3136, lat: -4.3317 },
    { name: 'Gbadolite', lon: 21.0086, lat: 4.2833 },
  ])('$name lies inside its bin outline, a closed counter-clockwise hexagon', ({ lon, lat }) => {
    const id = binOf(lon, lat, DEFAULT_HEX_KM);
    const ring = binPolygon(id, DEFAULT_HEX_KM);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    const c = binCenter(id, DEFAULT_HEX_KM);
    for (const p of ring) expect(planeKm(p, c)).toBeCloseTo(DEFAULT_HEX_KM, 9);
    let twiceArea = 0;
    for (let k = 0; k < 6; k++)
      twiceArea += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
    expect(twiceArea).toBeGreaterThan(0);
    // North corner straight above the centre: pointy-top.
    expect(ring[2]![0]).toBeCloseTo(c[0], 12);
    expect(ring[2]![1]).toBeGreaterThan(c[1]);
    const polygon = { type: 'Polygon' as const, coordinates: [ring] };
    expect(booleanPointInPolygon([lon, lat], polygon)).toBe(true);
  });

  test('neighbours share a side: centres √3 radii apart', () => {
    const id = binOf(29.2, -1.7, DEFAULT_HEX_KM);
    const c = binCenter(id, DEFAULT_HEX_KM);
    const ds = binNeighbours(id).map((n) => planeKm(c, binCenter(n, DEFAULT_HEX_KM)));
    for (const d of ds) expect(d).toBeCloseTo(25, 9);
    expect(new Set(binNeighbours(id)).size).toBe(6);
  });

  test('binIndex gives each event the bin of its position', () => {
    const cols = columns(
      [
        [29.2285, -1.6741],
        [30.2522, 1.5594],
        [29.2285, -1.6741],
        [27.4794, -11.6609],
      ].map(([lon, lat], day) => ({
        lon: lon!,
        lat: lat!,
        day,
        fat: 0,
        type: 0,
        family: 0,
        actor: 0,
      })),
    );
    const bins = binIndex(cols, DEFAULT_HEX_KM);
    expect([...bins]).toEqual(
      [0, 1, 2, 3].map((i) =>
        binOf(cols.positions[2 * i]!, cols.positions[2 * i + 1]!, DEFAULT_HEX_KM),
      ),
    );
    expect(bins[0]).toBe(bins[2]);
    expect(bins[0]).not.toBe(bins[1]);
  });

  test.each([{ size: 0.5 }, { size: 0 }, { size: Number.NaN }])(
    'a radius of $size km is refused',
    ({ size }) => {
      expect(() => binOf(29, -1, size)).toThrow(RangeError);
    },
  );
});

/** The per-bin totals by brute force. */
function bruteForce(
  cols: EventColumns,
  bins: Int32Array,
  lo: number,
  hi: number,
  filter: EventFilter,
  by: BinMeasure,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = lo; i < hi; i++) {
    if (!passes(cols, i, filter)) continue;
    const v = by === 'count' ? 1 : Math.max(0, cols.fatalities[i]!);
    out.set(bins[i]!, (out.get(bins[i]!) ?? 0) + v);
  }
  return out;
}

const asMap = (r: { ids: Int32Array; values: Float64Array }) =>
  new Map([...r.ids].map((id, k) => [id, r.values[k]!]));

describe('aggregate', () => {
  const ev = (lon: number, lat: number, day: number, fat: number, family = 0): Ev => ({
    lon,
    lat,
    day,
    fat,
    type: 0,
    family,
    actor: 0,
  });
  const cols = columns([
    ev(29.2285, -1.6741, 0, 3),
    ev(29.23, -1.675, 1, -1),
    ev(30.2522, 1.5594, 1, 0, 2),
    ev(29.2285, -1.6741, 2, 10, 2),
    ev(27.4794, -11.6609, 3, 1),
  ]);
  const bins = binIndex(cols, DEFAULT_HEX_KM);
  const goma = bins[0]!;
  const bunia = bins[2]!;
  const lubumbashi = bins[4]!;
  test.each([
    {
      name: 'count, all',
      lo: 0,
      hi: 5,
      filter: NO_FILTER,
      by: 'count',
      expected: [
        [goma, 3],
        [bunia, 1],
        [lubumbashi, 1],
      ],
      max: 3,
    },
    {
      name: 'fatalities, all: unknown counts 0, a bin without deaths stays',
      lo: 0,
      hi: 5,
      filter: NO_FILTER,
      by: 'fatalities',
      expected: [
        [goma, 13],
        [bunia, 0],
        [lubumbashi, 1],
      ],
      max: 13,
    },
    {
      name: 'a window',
      lo: 1,
      hi: 3,
      filter: NO_FILTER,
      by: 'count',
      expected: [
        [goma, 1],
        [bunia, 1],
      ],
      max: 1,
    },
    {
      name: 'a filter',
      lo: 0,
      hi: 5,
      filter: { ...NO_FILTER, families: new Set([2]) },
      by: 'fatalities',
      expected: [
        [bunia, 0],
        [goma, 10],
      ],
      max: 10,
    },
    { name: 'an empty window', lo: 2, hi: 2, filter: NO_FILTER, by: 'count', expected: [], max: 0 },
  ] satisfies {
    name: string;
    lo: number;
    hi: number;
    filter: EventFilter;
    by: BinMeasure;
    expected: [number, number][];
    max: number;
  }[])('$name', ({ lo, hi, filter, by, expected, max }) => {
    const r = aggregate(cols, bins, lo, hi, filter, by);
    expect([...r.ids].map((id, k) => [id, r.values[k]])).toEqual(expected);
    expect(r.max).toBe(max);
  });

  test('equals a brute-force count on random events, windows and filters', () => {
    const evArb = fc.record({
      lon: fc.double({ min: 28.5, max: 30, noNaN: true }),
      lat: fc.double({ min: -2, max: 0, noNaN: true }),
      day: fc.integer({ min: 0, max: 30 }),
      fat: fc.integer({ min: -1, max: 8 }),
      type: fc.integer({ min: 0, max: 2 }),
      family: fc.integer({ min: 0, max: 8 }),
      actor: fc.integer({ min: 0, max: 3 }),
    });
    const setArb = (max: number) =>
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength: 3 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(evArb, { maxLength: 300 }),
        fc.constantFrom(...SIZES),
        fc.nat(),
        fc.nat(),
        setArb(2),
        setArb(8),
        setArb(3),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<BinMeasure>('count', 'fatalities'),
        (events, size, a, b, types, families, actors, minFatalities, by) => {
          const cols = columns(events);
          const bins = binIndex(cols, size);
          const lo = cols.n ? a % (cols.n + 1) : 0;
          const hi = cols.n ? lo + (b % (cols.n - lo + 1)) : 0;
          const filter: EventFilter = {
            types: types && new Set(types),
            families: families && new Set(families),
            actors: actors && new Set(actors),
            minFatalities,
          };
          const r = aggregate(cols, bins, lo, hi, filter, by);
          const expected = bruteForce(cols, bins, lo, hi, filter, by);
          expect(asMap(r)).toEqual(expected);
          expect(r.ids.length).toBe(expected.size);
          expect(r.max).toBe(Math.max(0, ...expected.values()));
          expect(filterMasks(cols, filter).all).toBe(
            !types && !families && !actors && minFatalities === 0,
          );
        },
      ),
      { seed: 24, numRuns: 300 },
    );
  });

  test('more distinct bins than the table first holds (70,000 one-km bins)', () => {
    const events: Ev[] = [];
    for (let i = 0; i < 70_000; i++)
      events.push(ev(20 + (i % 350) * 0.03, -10 + Math.floor(i / 350) * 0.03, 0, i % 3));
    const cols = columns(events);
    const bins = binIndex(cols, 1);
    const r = aggregate(cols, bins, 0, cols.n, NO_FILTER, 'fatalities');
    const expected = bruteForce(cols, bins, 0, cols.n, NO_FILTER, 'fatalities');
    expect(r.ids.length).toBe(70_000);
    expect(asMap(r)).toEqual(expected);
    // The table is reused: a small window afterwards is not polluted by the big one.
    const small = aggregate(cols, bins, 5, 8, NO_FILTER, 'count');
    expect(asMap(small)).toEqual(bruteForce(cols, bins, 5, 8, NO_FILTER, 'count'));
  });
});
