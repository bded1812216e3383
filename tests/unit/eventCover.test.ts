/**
 * Imported events in the closure-impact analysis: the reach grid against a brute-force scan, the
 * events in and out of reach by province and first actor, unknown fatalities, the filter, the
 * window's edges, the lost cover since a comparison date, and the rows for the CSV. Fixtures lie
 * on the equator, where a degree of longitude is 111.195 km (2πR/360, R = 6371.0088 km).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { haversineKm, type Reacher } from '../../src/lib/domain/impact.ts';
import { PROVINCES } from '../../src/lib/domain/provinces.ts';
import {
  eventCover,
  eventCoverRows,
  eventLossRows,
  type EventSlice,
} from '../../src/lib/import/eventCover.ts';
import {
  indexRange,
  NO_FILTER,
  windowRange,
  type EventFilter,
} from '../../src/lib/import/eventWindow.ts';
import { NO_PROVINCE } from '../../src/lib/import/provinceGrid.ts';
import { coveringSites, isCovered, kmBetween, reachGrid } from '../../src/lib/import/reachGrid.ts';
import { indexFilter, shownFilterOf, SHOW_ALL } from '../../src/lib/import/shownFilter.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

const code = (iso: string) => PROVINCES.findIndex((p) => p.iso === iso);
const NK = code('CD-NK');
const IT = code('CD-IT');
const reacher = (id: string, lon: number, km: number, lat = 0): Reacher => ({
  id,
  name: id,
  kind: 'cob',
  lat,
  lon,
  km,
});

interface Ev {
  lon: number;
  lat?: number;
  day?: number;
  fat?: number;
  actor?: number;
  type?: number;
  province?: number;
}
const ACTORS = ['ADF', 'CODECO', 'M23', ''];
const D0 = dayNumber(2020, 1, 1);

/** Columns and their province codes from events given in day order. */
function slice(events: Ev[], filter: EventFilter = NO_FILTER): EventSlice {
  const n = events.length;
  const cols: EventColumns = {
    n,
    positions: Float32Array.from(events.flatMap((e) => [e.lon, e.lat ?? 0])),
    day: Float32Array.from(events.map((e) => e.day ?? D0)),
    fatalities: Float32Array.from(events.map((e) => e.fat ?? 0)),
    eventType: Uint8Array.from(events.map((e) => e.type ?? 0)),
    family: new Uint8Array(n),
    actor: Uint32Array.from(events.map((e) => e.actor ?? 0)),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(events, (_, i) => i + 2),
    eventTypes: ['Battles', 'Protests'],
    actors: ACTORS,
    places: [''],
  };
  const provinces = Uint8Array.from(events.map((e) => e.province ?? NK));
  return { cols, lo: 0, hi: n, filter, provinces };
}

describe('reach grid', () => {
  const sites = [reacher('a', 0, 25), reacher('b', 0.9, 80), reacher('c', 3, 5)];
  const g = reachGrid(sites);
  test.each([
    { name: 'at a site', lon: 0, lat: 0, covering: ['a'] },
    { name: '24.98 km west of a, just inside its 25', lon: -0.2247, lat: 0, covering: ['a'] },
    { name: '25.02 km west of a, just beyond', lon: -0.225, lat: 0, covering: [] },
    { name: 'in both a (22.2 km) and b (77.8 km)', lon: 0.2, lat: 0, covering: ['a', 'b'] },
    { name: '0.5° north of b: 55.6 km, inside its 80', lon: 0.9, lat: 0.5, covering: ['b'] },
    { name: 'between b and c, in neither', lon: 2.5, lat: 0, covering: [] },
    { name: 'far outside the grid', lon: 40, lat: 10, covering: [] },
  ])('$name', ({ lon, lat, covering }) => {
    // The brute-force answer first, so the case itself is checked against impact.ts.
    expect(sites.filter((s) => haversineKm({ lat, lon }, s) <= s.km).map((s) => s.id)).toEqual(
      covering,
    );
    expect(coveringSites(g, lon, lat).map((k) => sites[k]!.id)).toEqual(covering);
    expect(isCovered(g, lon, lat)).toBe(covering.length > 0);
  });

  test('no sites, or sites with no reach: nothing is covered', () => {
    expect(isCovered(reachGrid([]), 0, 0)).toBe(false);
    expect(isCovered(reachGrid([reacher('z', 0, 0)]), 0, 0)).toBe(false);
  });

  test('kmBetween is haversineKm to the last bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -20, max: 40, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -20, max: 40, noNaN: true }),
        (lat1, lon1, lat2, lon2) =>
          kmBetween(lat1, lon1, lat2, lon2) ===
          haversineKm({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 }),
      ),
    );
  });

  test('agrees with a brute-force scan on random sites and float32 points', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (const [count, maxKm] of [
      [5, 500],
      [100, 80],
      [300, 25],
    ] as const) {
      const sites = Array.from({ length: count }, (_, i) =>
        reacher(`s${i}`, 12 + rnd() * 19, 1 + rnd() * maxKm, -13 + rnd() * 18),
      );
      const grid = reachGrid(sites);
      const point = new Float32Array(2);
      for (let k = 0; k < 3000; k++) {
        point.set([10 + rnd() * 23, -15 + rnd() * 22]);
        const [lon, lat] = [point[0]!, point[1]!];
        const inside = sites.flatMap((s, i) => (haversineKm({ lat, lon }, s) <= s.km ? [i] : []));
        expect(coveringSites(grid, lon, lat)).toEqual(inside.sort((a, b) => a - b));
        expect(isCovered(grid, lon, lat)).toBe(inside.length > 0);
      }
    }
  });

  test('points on the very edge of a reach are measured, not guessed from their cell', () => {
    const s = reacher('e', 29.2, 25, -1.7);
    const grid = reachGrid([s]);
    for (let k = 0; k < 360; k++) {
      // A point on the circle, found by bisection along a bearing; then a hair either side.
      const t = (k * Math.PI) / 180;
      let [a, b] = [0, 1];
      for (let j = 0; j < 60; j++) {
        const m = (a + b) / 2;
        const p = { lat: s.lat + m * Math.sin(t), lon: s.lon + m * Math.cos(t) };
        if (haversineKm(p, s) <= s.km) a = m;
        else b = m;
      }
      const at = (r: number) => [s.lon + r * Math.cos(t), s.lat + r * Math.sin(t)] as const;
      expect(isCovered(grid, ...at(a))).toBe(true);
      expect(isCovered(grid, ...at(b))).toBe(false);
    }
  });
});

describe('eventCover', () => {
  const sites = [reacher('a', 0, 25), reacher('b', 1, 25)];
  const now = reachGrid(sites);
  const tally = (events: number, fatalities: number, unknownFatalities = 0) => ({
    events,
    fatalities,
    unknownFatalities,
  });
  test.each([
    {
      name: 'events inside and outside reach',
      events: [{ lon: 0.1, fat: 3 }, { lon: 1.1, fat: 2 }, { lon: 0.5, fat: 7 }, { lon: 2 }],
      filter: NO_FILTER,
      inReach: tally(2, 5),
      outOfReach: tally(2, 7),
    },
    {
      name: 'unknown fatalities are counted apart, not as zero dead',
      events: [
        { lon: 0.5, fat: -1 },
        { lon: 0.5, fat: 4 },
        { lon: 0.1, fat: -1 },
      ],
      filter: NO_FILTER,
      inReach: tally(1, 0, 1),
      outOfReach: tally(2, 4, 1),
    },
    {
      name: 'the filter: one event type',
      events: [
        { lon: 0.5, type: 0, fat: 1 },
        { lon: 0.5, type: 1, fat: 10 },
        { lon: 0.1, type: 1 },
      ],
      filter: { ...NO_FILTER, types: new Set([0]) },
      inReach: tally(0, 0),
      outOfReach: tally(1, 1),
    },
    {
      name: 'the filter: a minimum of fatalities leaves unknown figures out',
      events: [
        { lon: 0.5, fat: -1 },
        { lon: 0.5, fat: 5 },
        { lon: 0.5, fat: 1 },
      ],
      filter: { ...NO_FILTER, minFatalities: 2 },
      inReach: tally(0, 0),
      outOfReach: tally(1, 5),
    },
    {
      name: 'the filter: by first actor',
      events: [
        { lon: 0.5, actor: 1 },
        { lon: 0.5, actor: 2 },
        { lon: 0.1, actor: 2 },
      ],
      filter: { ...NO_FILTER, actors: new Set([2]) },
      inReach: tally(1, 0),
      outOfReach: tally(1, 0),
    },
    {
      name: 'no sites open: every event is out of reach',
      events: [{ lon: 0.1 }, { lon: 1 }],
      filter: NO_FILTER,
      inReach: tally(0, 0),
      outOfReach: tally(2, 0),
      grid: reachGrid([]),
    },
  ])('$name', ({ events, filter, inReach, outOfReach, grid }) => {
    const c = eventCover(slice(events, filter), grid ?? now);
    expect(c.inReach).toEqual(inReach);
    expect(c.outOfReach).toEqual(outOfReach);
    expect(c.loss).toBeNull();
  });

  test('out of reach by province (most events first; none for points in no province)', () => {
    const c = eventCover(
      slice([
        { lon: 0.5, province: IT, fat: 1 },
        { lon: 0.6, province: NK, fat: 2 },
        { lon: 0.6, province: NK, fat: -1 },
        { lon: 0.7, province: NO_PROVINCE, fat: 9 },
        { lon: 0.1, province: IT, fat: 100 },
      ]),
      now,
    );
    expect(c.byProvince).toEqual([
      { province_iso: 'CD-NK', ...tally(2, 2, 1) },
      { province_iso: 'CD-IT', ...tally(1, 1) },
      { province_iso: null, ...tally(1, 9) },
    ]);
  });

  test('top groups by first actor, with the count of all groups out of reach', () => {
    const events = [
      { lon: 0.5, actor: 0, fat: 1 },
      { lon: 0.5, actor: 1, fat: 5 },
      { lon: 0.5, actor: 1, fat: 1 },
      { lon: 0.5, actor: 2, fat: 3 },
      { lon: 0.5, actor: 3 },
      { lon: 0.1, actor: 0, fat: 50 },
    ];
    const c = eventCover(slice(events), now, null, 2);
    expect(c.groups).toEqual([
      { group: 'CODECO', ...tally(2, 6) },
      { group: 'M23', ...tally(1, 3) },
    ]);
    expect(c.groupCount).toBe(4);
    // Ties on events go to the most fatalities, then by name; '' (no actor named) is a group.
    expect(eventCover(slice(events), now).groups.map((g) => g.group)).toEqual([
      'CODECO',
      'M23',
      'ADF',
      '',
    ]);
  });

  test.each([
    {
      name: '1 month to 15 March 2020',
      w: '1m',
      at: '2020-03-15',
      days: ['2020-02-16', '2020-03-15'],
    },
    {
      name: '3 months to 15 March 2020',
      w: '3m',
      at: '2020-03-15',
      days: ['2019-12-16', '2020-03-15'],
    },
    {
      name: 'everything to 15 March 2020',
      w: 'all',
      at: '2020-03-15',
      days: ['2019-01-01', '2020-03-15'],
    },
  ] as const)(
    'window edges, $name: the first and last day are in, the days beyond are not',
    ({ w, at, days }) => {
      const dayOf = (iso: string) => dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8));
      const [first, last] = [dayOf(days[0]), dayOf(days[1])];
      const s = slice(
        [first - 1, first, first, last, last + 1].map((day, i) => ({ lon: 0.5, day, fat: i })),
      );
      const [a, b] = windowRange(dayOf(at), w);
      if (w !== 'all') expect(a).toBe(first);
      expect(b).toBe(last);
      const [lo, hi] = indexRange(s.cols.day, a, b);
      const c = eventCover({ ...s, lo, hi }, now);
      const inWindow = w === 'all' ? [0, 1, 2, 3] : [1, 2, 3];
      expect(c.outOfReach).toEqual(
        tally(
          inWindow.length,
          inWindow.reduce((x, y) => x + y, 0),
        ),
      );
    },
  );
});

describe('lost cover since the comparison date', () => {
  // Then: a, b, c and d open. Now: b and c have closed, e has opened.
  const then = reachGrid([
    reacher('a', 0, 25),
    reacher('b', 1, 25),
    reacher('c', 1.3, 25),
    reacher('d', 3, 25),
  ]);
  const now = reachGrid([reacher('a', 0, 25), reacher('d', 3, 25), reacher('e', 5, 25)]);
  const events: Ev[] = [
    { lon: 0.1, fat: 1 }, // a, still open: not lost
    { lon: 0.9, fat: 2, actor: 2, province: IT }, // b only: lost with b
    { lon: 1.15, fat: -1, actor: 2 }, // b and c (16.7 km from each): lost with both
    { lon: 1.45, fat: 4, actor: 1 }, // c only
    { lon: 2.5, fat: 8 }, // never covered: out of reach, not lost
    { lon: 5.1, fat: 16 }, // e, opened since: gained
  ];
  const c = eventCover(slice(events), now, then);
  const loss = c.loss!;

  test.each([
    { name: 'lost: in reach then, out of reach now', got: loss.lost, events: 3, fat: 6, unk: 1 },
    {
      name: 'gained: out of reach then, in reach now',
      got: loss.gained,
      events: 1,
      fat: 16,
      unk: 0,
    },
    {
      name: 'out of reach now includes those never covered',
      got: c.outOfReach,
      events: 4,
      fat: 14,
      unk: 1,
    },
  ])('$name', ({ got, events, fat, unk }) => {
    expect(got).toEqual({ events, fatalities: fat, unknownFatalities: unk });
  });

  test('the sites that had the lost events (most events, then most dead, first); an event two had counts for each', () => {
    expect(
      loss.causes.map((s) => [s.site.id, s.events, s.fatalities, s.unknownFatalities]),
    ).toEqual([
      ['c', 2, 4, 1],
      ['b', 2, 2, 1],
    ]);
  });

  test('lost events by province and first actor', () => {
    expect(loss.byProvince.map((p) => [p.province_iso, p.events])).toEqual([
      ['CD-NK', 2],
      ['CD-IT', 1],
    ]);
    expect(loss.groups.map((g) => [g.group, g.events])).toEqual([
      ['M23', 2],
      ['CODECO', 1],
    ]);
    expect(loss.groupCount).toBe(2);
  });

  test('the same sites at both dates: nothing lost or gained', () => {
    const same = eventCover(slice(events), now, now).loss!;
    expect([same.lost.events, same.gained.events, same.causes]).toEqual([0, 0, []]);
  });

  test('rows for the CSV: by province, first actor and the sites that had them', () => {
    const rows = eventLossRows(slice(events), now, then);
    expect(rows.map((r) => [r.province_iso, r.group, r.causes.map((s) => s.id), r.events])).toEqual(
      [
        ['CD-IT', 'M23', ['b'], 1],
        ['CD-NK', 'CODECO', ['c'], 1],
        ['CD-NK', 'M23', ['b', 'c'], 1],
      ],
    );
  });
});

describe('eventCoverRows', () => {
  test('one row per (in reach or not, province, first actor); their sums are the totals', () => {
    const s = slice([
      { lon: 0.1, actor: 0, fat: 1 },
      { lon: 0.1, actor: 0, fat: -1 },
      { lon: 0.5, actor: 0, fat: 2, province: IT },
      { lon: 0.5, actor: 1, fat: 3 },
      { lon: 0.5, actor: 1, fat: 4 },
      { lon: 0.5, actor: 1, fat: 5, province: NO_PROVINCE },
    ]);
    const grid = reachGrid([reacher('a', 0, 25)]);
    const rows = eventCoverRows(s, grid);
    expect(rows.map((r) => [r.covered, r.province_iso, r.group, r.events, r.fatalities])).toEqual([
      [false, 'CD-IT', 'ADF', 1, 2],
      [false, 'CD-NK', 'CODECO', 2, 7],
      [false, null, 'CODECO', 1, 5],
      [true, 'CD-NK', 'ADF', 2, 1],
    ]);
    const c = eventCover(s, grid);
    const sum = (covered: boolean) =>
      rows.filter((r) => r.covered === covered).reduce((n, r) => n + r.events, 0);
    expect([sum(true), sum(false)]).toEqual([c.inReach.events, c.outOfReach.events]);
  });
});

describe('shownFilterOf and indexFilter', () => {
  const cols = slice([{ lon: 0 }]).cols;
  test.each([
    { name: 'everything shown', set: SHOW_ALL, expected: NO_FILTER },
    {
      name: 'a hidden type, in the dataset’s codes',
      set: { ...SHOW_ALL, hiddenTypes: new Set(['Protests']) },
      expected: { ...NO_FILTER, types: new Set([0]) },
    },
    {
      name: 'an actor query, any case',
      set: { ...SHOW_ALL, actorQuery: ' m2 ' },
      expected: { ...NO_FILTER, actors: new Set([2]) },
    },
    {
      name: 'a cleared number field reads as 0',
      set: { ...SHOW_ALL, minFatalities: Number.NaN },
      expected: NO_FILTER,
    },
  ])('$name', ({ set, expected }) => {
    expect(indexFilter(cols, shownFilterOf(set))).toEqual(expected);
  });
});
