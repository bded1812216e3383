/**
 * Suggested hotspots: planted clusters in scattered background events are found, and nothing
 * else; touching dense hexagons merge, separate ones do not; each candidate's centre, radius,
 * totals, days and actors; the filter; the order; and the hotspots.csv row the loader accepts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { haversineKm } from '../../src/lib/domain/impact.ts';
import { readHotspots } from '../../src/lib/data/scenario.ts';
import { NO_FILTER, type EventFilter } from '../../src/lib/import/eventWindow.ts';
import {
  binCenter,
  binIndex,
  binNeighbours,
  binOf,
  DEFAULT_HEX_KM,
} from '../../src/lib/import/hexbin.ts';
import {
  acceptedHotspotRow,
  candidateToHotspotRow,
  leadingActor,
  nearestPlace,
  suggestHotspots,
  type HotspotCandidate,
  type SuggestOptions,
} from '../../src/lib/import/suggestHotspots.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

interface Ev {
  lon: number;
  lat: number;
  day: number;
  fat: number;
  family: number;
  actor: number;
}

const ACTORS = ['ADF', 'CODECO', 'M23', 'FARDC', 'Unidentified Armed Group', ''];
const D0 = dayNumber(2024, 1, 1);

function columns(events: Ev[]): EventColumns {
  const ev = [...events].sort((a, b) => a.day - b.day);
  const n = ev.length;
  return {
    n,
    positions: Float32Array.from(ev.flatMap((e) => [e.lon, e.lat])),
    day: Float32Array.from(ev.map((e) => e.day)),
    fatalities: Float32Array.from(ev.map((e) => e.fat)),
    eventType: new Uint8Array(n),
    family: Uint8Array.from(ev.map((e) => e.family)),
    actor: Uint32Array.from(ev.map((e) => e.actor)),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(ev, (_, i) => i + 2),
    eventTypes: ['Battles'],
    actors: ACTORS,
    places: [''],
  };
}

/** A small seeded generator, so each case is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` events uniformly in a disc of `km` around a point. */
function cluster(
  rnd: () => number,
  lon: number,
  lat: number,
  km: number,
  n: number,
  make: (k: number) => Partial<Ev>,
): Ev[] {
  return Array.from({ length: n }, (_, k) => {
    const r = km * Math.sqrt(rnd());
    const a = 2 * Math.PI * rnd();
    return {
      lon: lon + (r * Math.cos(a)) / (111.32 * Math.cos((lat * Math.PI) / 180)),
      lat: lat + (r * Math.sin(a)) / 110.57,
      day: D0 + Math.floor(rnd() * 365),
      fat: 0,
      family: 1,
      actor: 4,
      ...make(k),
    };
  });
}

/** `n` events scattered over the DRC's bounding box: about 0.2 to a hexagon. */
function background(rnd: () => number, n: number): Ev[] {
  return Array.from({ length: n }, () => ({
    lon: 12.2 + 19.1 * rnd(),
    lat: -13.4 + 18.7 * rnd(),
    day: D0 + Math.floor(rnd() * 365),
    fat: rnd() < 0.2 ? -1 : Math.floor(3 * rnd()),
    family: 1,
    actor: Math.floor(5 * rnd()),
  }));
}

const PLANTED = [
  // ADF leads 80 % of the Beni events: a majority.
  {
    name: 'Beni',
    lon: 29.47,
    lat: 0.49,
    km: 8,
    n: 150,
    fat: 2,
    actor: (k: number) => (k % 5 ? 0 : 3),
  },
  // CODECO leads 40 % around Bunia: a plurality only.
  {
    name: 'Bunia',
    lon: 30.25,
    lat: 1.56,
    km: 6,
    n: 100,
    fat: 1,
    actor: (k: number) => (k % 5 < 2 ? 1 : k % 5),
  },
  { name: 'Uvira', lon: 29.14, lat: -3.4, km: 5, n: 60, fat: 0, actor: () => 2 },
];

function planted(seed: number): { events: Ev[]; truth: typeof PLANTED } {
  const rnd = random(seed);
  const events = background(rnd, 1500);
  for (const p of PLANTED)
    events.push(
      ...cluster(rnd, p.lon, p.lat, p.km, p.n, (k) => ({ fat: p.fat, actor: p.actor(k) })),
    );
  return { events, truth: PLANTED };
}

const suggest = (events: Ev[], options: Partial<SuggestOptions> = {}, filter = NO_FILTER) => {
  const cols = columns(events);
  const bins = binIndex(cols, DEFAULT_HEX_KM);
  return { cols, found: suggestHotspots(cols, bins, 0, cols.n, filter, options) };
};

describe('planted clusters', () => {
  test.each([1, 2, 3, 4, 5].map((seed) => ({ seed })))(
    'seed $seed: the three clusters are found, in order of fatalities, and nothing else',
    ({ seed }) => {
      const { events, truth } = planted(seed);
      const { found } = suggest(events);
      expect(found).toHaveLength(3);
      found.forEach((c, k) => {
        const p = truth[k]!;
        expect(haversineKm({ lon: c.center[0], lat: c.center[1] }, p)).toBeLessThan(3);
        // The dense hexagons may leave out a few events on a cluster's edge, and take in a
        // background event or two.
        expect(c.events).toBeGreaterThanOrEqual(0.9 * p.n);
        expect(c.events).toBeLessThanOrEqual(p.n + 5);
        expect(c.radiusKm).toBeGreaterThan(0.5 * p.km);
        expect(c.radiusKm).toBeLessThan(1.2 * p.km);
        expect(c.firstDay).toBeGreaterThanOrEqual(D0);
        expect(c.lastDay).toBeLessThan(D0 + 365);
        expect(c.firstDay).toBeLessThan(c.lastDay);
      });
      expect(found[0]!.topActors[0]).toMatchObject({ actor: 0, name: 'ADF' });
      expect(found[1]!.topActors[0]).toMatchObject({ actor: 1, name: 'CODECO' });
    },
  );

  test('scattered events alone give no candidate', () => {
    expect(suggest(background(random(9), 3000)).found).toEqual([]);
  });

  test('a uniform blanket, however thick, gives no candidate', () => {
    const rnd = random(10);
    const events = Array.from({ length: 20_000 }, () => ({
      lon: 28 + 2 * rnd(),
      lat: -2 + 2 * rnd(),
      day: D0,
      fat: 1,
      family: 1,
      actor: 0,
    }));
    expect(suggest(events).found).toEqual([]);
  });
});

/** `n` events at a bin's centre (plus a tiny offset so they are not all one point). */
function at(id: number, n: number, over: Partial<Ev> = {}): Ev[] {
  const [lon, lat] = binCenter(id, DEFAULT_HEX_KM);
  return Array.from({ length: n }, (_, k) => ({
    lon: lon + 0.001 * (k % 3),
    lat,
    day: D0 + k,
    fat: 1,
    family: 1,
    actor: 0,
    ...over,
  }));
}

describe('hexagons into areas', () => {
  const goma = binOf(29.2285, -1.6741, DEFAULT_HEX_KM);
  const [east, , , west] = binNeighbours(goma);
  const far = binOf(27.4794, -11.6609, DEFAULT_HEX_KM);
  // One event in each of 40 hexagons far from the rest: the median non-empty hexagon is 1.
  const sparse = Array.from({ length: 40 }, (_, k) =>
    at(binOf(16 + 0.5 * k, -6, DEFAULT_HEX_KM), 1),
  ).flat();

  test.each([
    {
      name: 'touching dense hexagons are one area',
      events: [...at(goma, 12), ...at(east!, 8), ...sparse],
      expected: [{ events: 20, bins: [goma, east!].sort((a, b) => a - b) }],
    },
    {
      name: 'a chain through a middle hexagon is one area',
      events: [...at(goma, 12), ...at(east!, 8), ...at(west!, 9), ...sparse],
      expected: [{ events: 29, bins: [goma, east!, west!].sort((a, b) => a - b) }],
    },
    {
      name: 'separate dense hexagons are separate areas, most events first at equal deaths',
      events: [...at(goma, 12, { fat: 0 }), ...at(far, 20, { fat: 0 }), ...sparse],
      expected: [
        { events: 20, bins: [far] },
        { events: 12, bins: [goma] },
      ],
    },
    {
      name: 'most deaths first',
      events: [...at(goma, 12, { fat: 5 }), ...at(far, 20, { fat: 1 }), ...sparse],
      expected: [
        { events: 12, bins: [goma] },
        { events: 20, bins: [far] },
      ],
    },
    {
      name: 'an area under minEvents is dropped',
      events: [...at(goma, 12), ...at(far, 9), ...sparse],
      expected: [{ events: 12, bins: [goma] }],
    },
    {
      name: 'a hexagon under factor × median is not dense',
      events: [...at(goma, 12), ...at(far, 4), ...sparse],
      options: { minEvents: 1 },
      expected: [{ events: 12, bins: [goma] }],
    },
    {
      name: 'the most asked for',
      events: [...at(goma, 12, { fat: 5 }), ...at(far, 20, { fat: 1 }), ...sparse],
      options: { max: 1 },
      expected: [{ events: 12, bins: [goma] }],
    },
    {
      name: 'dense by fatalities',
      events: [...at(goma, 12, { fat: 0 }), ...at(far, 10, { fat: 3 }), ...sparse],
      options: { by: 'fatalities' as const },
      expected: [{ events: 10, bins: [far] }],
    },
  ])('$name', ({ events, options, expected }) => {
    const { found } = suggest(events, options);
    expect(found.map((c) => ({ events: c.events, bins: [...c.bins] }))).toEqual(expected);
  });

  test('a file whose events all lie in one hexagon has no background: found with factor 1', () => {
    const events = at(goma, 50);
    expect(suggest(events).found).toEqual([]);
    expect(suggest(events, { factor: 1 }).found.map((c) => c.events)).toEqual([50]);
  });

  test('the filter decides which events count', () => {
    const events = [...at(goma, 12, { family: 2 }), ...at(far, 20, { family: 5 }), ...sparse];
    const filter: EventFilter = { ...NO_FILTER, families: new Set([1, 2]) };
    const { found } = suggest(events, {}, filter);
    expect(found.map((c) => [...c.bins])).toEqual([[goma]]);
  });
});

describe('a candidate', () => {
  const id = binOf(29, 0, DEFAULT_HEX_KM);
  const [lon0, lat0] = binCenter(id, DEFAULT_HEX_KM);
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  // Five pairs of events 1 to 5 km east and west of the centre: distances 1,1,2,2,…,5,5.
  const pairs: Ev[] = [1, 2, 3, 4, 5].flatMap((km, k) => [
    {
      lon: lon0 + km / kx,
      lat: lat0,
      day: D0 + 2 * k,
      fat: k === 0 ? -1 : k,
      family: 1,
      actor: k % 2 ? 2 : 0,
    },
    {
      lon: lon0 - km / kx,
      lat: lat0,
      day: D0 + 2 * k + 1,
      fat: 0,
      family: 1,
      actor: k < 2 ? 1 : 0,
    },
  ]);
  const one = (options: Partial<SuggestOptions>) =>
    suggest(pairs, { factor: 1, minEvents: 1, ...options }).found[0]!;

  test.each([
    { coverage: 0.9, radius: 5 },
    { coverage: 0.8, radius: 4 },
    { coverage: 0.5, radius: 3 },
    { coverage: 0.1, radius: 1 },
    { coverage: 1, radius: 5 },
  ])('radius covering $coverage of the events: $radius km', ({ coverage, radius }) => {
    const c = one({ coverage });
    expect(c.radiusKm).toBeCloseTo(radius, 2);
    expect(c.coverage).toBe(coverage);
  });

  test('the radius is the nearest-rank quantile of the distances, on random events', () => {
    fc.assert(
      fc.property(
        // Offsets in tenths of a km, so that equal distances are common.
        fc.array(fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 })), {
          minLength: 3,
          maxLength: 80,
        }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (offsets, coverage) => {
          const events = offsets.map(([x, y], k) => ({
            lon: lon0 + x / 10 / kx,
            lat: lat0 + y / 10 / 110.57,
            day: D0 + k,
            fat: 0,
            family: 1,
            actor: 0,
          }));
          const c = suggest(events, { factor: 1, minBin: 1, minEvents: 1, coverage }).found[0]!;
          const cols = columns(events);
          const [clon, clat] = c.center;
          const kc = 111.32 * Math.cos((clat * Math.PI) / 180);
          const d = Array.from({ length: cols.n }, (_, i) =>
            Math.hypot(
              (cols.positions[2 * i]! - clon) * kc,
              (cols.positions[2 * i + 1]! - clat) * 110.57,
            ),
          ).sort((a, b) => a - b);
          const k = Math.min(d.length - 1, Math.max(0, Math.ceil(coverage * d.length) - 1));
          expect(c.radiusKm).toBeCloseTo(d[k]!, 9);
        },
      ),
      { seed: 24, numRuns: 300 },
    );
  });

  test('centre, totals, days, actors and hexagons', () => {
    const c = one({});
    expect(c.center[0]).toBeCloseTo(lon0, 5);
    expect(c.center[1]).toBeCloseTo(lat0, 5);
    expect(c).toMatchObject({
      events: 10,
      fatalities: 1 + 2 + 3 + 4,
      unknownFatalities: 1,
      firstDay: D0,
      lastDay: D0 + 9,
    });
    // ADF: k = 0, 2, 4 east and k = 2, 3, 4 west; CODECO: k = 0, 1 west; M23: k = 1, 3 east.
    expect(c.topActors).toEqual([
      { actor: 0, name: 'ADF', events: 6 },
      { actor: 1, name: 'CODECO', events: 2 },
      { actor: 2, name: 'M23', events: 2 },
    ]);
    expect([...c.bins]).toEqual([id]);
  });
});

describe('candidateToHotspotRow', () => {
  const header = readFileSync('data/scenario/hotspots.csv', 'utf8').split(/\r?\n/)[0]!.split(',');
  const base: HotspotCandidate = {
    center: [29.4712345678, 0.4898765432],
    radiusKm: 12.345,
    coverage: 0.9,
    events: 150,
    fatalities: 300,
    unknownFatalities: 4,
    firstDay: dayNumber(2024, 1, 3),
    lastDay: dayNumber(2024, 3, 28),
    topActors: [
      { actor: 0, name: 'ADF', events: 120 },
      { actor: 3, name: 'FARDC', events: 30 },
    ],
    bins: Int32Array.of(1),
  };
  const ctx = {
    fileName: 'acled-drc.csv',
    windowFirst: dayNumber(2024, 1, 1),
    windowLast: dayNumber(2024, 3, 31),
    id: 'import-beni',
  };
  const csv = (row: Record<string, string>) =>
    [header.join(','), header.map((k) => `"${(row[k] ?? '').replace(/"/g, '""')}"`).join(',')].join(
      '\n',
    );

  test('has exactly the columns of hotspots.csv, in order', () => {
    expect(Object.keys(candidateToHotspotRow(base, ctx))).toEqual(header);
  });

  test.each([
    {
      name: 'a majority actor names the group',
      c: base,
      ctx: { ...ctx, province: 'CD-NK', label: 'ADF around Beni' },
      expected: {
        id: 'import-beni',
        group: 'ADF',
        label: 'ADF around Beni',
        province_iso: 'CD-NK',
        lat: '0.48988',
        lon: '29.47123',
        radius_km: '12.3',
        from: '2024-01-03',
        from_precision: 'day',
        to: '2024-03-28',
        to_precision: 'day',
        intensity: '',
        confidence: 'low',
      },
    },
    {
      name: 'half is not a majority: no group',
      c: { ...base, topActors: [{ actor: 0, name: 'ADF', events: 75 }] },
      ctx,
      expected: { group: '', label: 'import-beni', province_iso: '' },
    },
    {
      name: 'an unnamed actor is no group',
      c: { ...base, topActors: [{ actor: 5, name: '', events: 150 }] },
      ctx,
      expected: { group: '' },
    },
    {
      name: 'events at one point: the least radius the loader accepts',
      c: { ...base, radiusKm: 0 },
      ctx,
      expected: { radius_km: '0.1' },
    },
  ])('$name', ({ c, ctx, expected }) => {
    expect(candidateToHotspotRow(c, ctx)).toMatchObject(expected);
  });

  test('source names the file and the window; the basis says it is not rated', () => {
    const row = candidateToHotspotRow(base, ctx);
    expect(row.source).toContain('acled-drc.csv');
    expect(row.source).toContain('2024-01-01 to 2024-03-31');
    expect(row.intensity_basis).toMatch(/^Not rated/);
    expect(row.intensity_basis).toContain('150 events');
    expect(row.notes).toContain('ADF (120)');
    expect(row.notes).toContain('90%');
    const all = candidateToHotspotRow(base, { ...ctx, windowFirst: -Infinity });
    expect(all.source).toContain('up to 2024-03-31');
  });

  test('the loader accepts the row once group and province are filled', () => {
    const row = candidateToHotspotRow(base, { ...ctx, province: 'CD-NK' });
    const r = readHotspots(csv(row));
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({
      id: 'import-beni',
      group: 'ADF',
      lat: 0.48988,
      lon: 29.47123,
      radius_km: 12.3,
      intensity: null,
      confidence: 'low',
    });
    expect(r.records[0]!.to?.text).toBe('2024-03-28');
  });

  test('without a province or a majority group, the loader says which cells to fill', () => {
    const row = candidateToHotspotRow({ ...base, topActors: [] }, ctx);
    const r = readHotspots(csv(row));
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => i.field).sort()).toEqual(['group', 'province_iso']);
  });
});

describe('what a suggestion card shows and adds', () => {
  const candidate = (topActors: HotspotCandidate['topActors'], events = 10): HotspotCandidate => ({
    center: [28.7352, -3.7722],
    radiusKm: 4.2,
    coverage: 0.9,
    events,
    fatalities: 12,
    unknownFatalities: 0,
    firstDay: dayNumber(2024, 2, 1),
    lastDay: dayNumber(2024, 2, 20),
    topActors,
    bins: Int32Array.of(7),
  });

  test.each([
    { name: 'a majority leads', actors: [{ actor: 2, name: 'M23', events: 6 }], expected: 'M23' },
    { name: 'half does not', actors: [{ actor: 2, name: 'M23', events: 5 }], expected: null },
    {
      name: 'an unnamed actor does not',
      actors: [{ actor: 5, name: '', events: 9 }],
      expected: null,
    },
    { name: 'no actor at all', actors: [], expected: null },
  ])('leadingActor: $name', ({ actors, expected }) => {
    expect(leadingActor(candidate(actors))?.name ?? null).toBe(expected);
  });

  const places = [
    { name: 'Minembwe', lat: -3.772171, lon: 28.735151 },
    { name: 'Uvira', lat: -3.3953, lon: 29.1378 },
  ];
  test.each([
    { name: 'at the place', at: [28.735151, -3.772171], km: 10, expected: 'Minembwe' },
    { name: 'the nearer of two in reach', at: [28.9, -3.6], km: 100, expected: 'Minembwe' },
    { name: 'none within reach', at: [27.0, -2.0], km: 10, expected: null },
  ])('nearestPlace: $name', ({ at, km, expected }) => {
    const found = nearestPlace(places, at[0]!, at[1]!, km);
    expect(found?.name ?? null).toBe(expected);
    if (found) {
      const p = places.find((x) => x.name === found.name)!;
      expect(found.km).toBeCloseTo(haversineKm({ lat: at[1]!, lon: at[0]! }, p), 9);
      expect(found.km).toBeLessThanOrEqual(km);
    }
  });

  const ctx = {
    fileName: 'acled-cluster.csv',
    windowFirst: dayNumber(2024, 1, 1),
    windowLast: dayNumber(2024, 3, 31),
    province: 'CD-SK',
  };
  test.each([
    {
      name: 'the events name the group: what the user typed is not used',
      c: candidate([{ actor: 1, name: 'Twirwaneho', events: 8 }]),
      given: { label: '  Hauts Plateaux ', group: 'Someone else', taken: [] as string[] },
      expected: { id: 'suggested-hauts-plateaux', label: 'Hauts Plateaux', group: 'Twirwaneho' },
    },
    {
      name: 'no majority: the group the user typed, said so in the notes',
      c: candidate([{ actor: 1, name: 'Twirwaneho', events: 4 }]),
      given: { label: 'Minembwe', group: ' Red Tabara ', taken: ['suggested-minembwe'] },
      expected: { id: 'suggested-minembwe-2', label: 'Minembwe', group: 'Red Tabara' },
    },
  ])('acceptedHotspotRow: $name', ({ c, given, expected }) => {
    const row = acceptedHotspotRow(c, { ...ctx, ...given });
    expect(row).toMatchObject({ ...expected, province_iso: 'CD-SK', confidence: 'low' });
    expect(row.notes.includes('Group named by the user')).toBe(leadingActor(c) === null);
    expect(row.source).toContain('acled-cluster.csv');
  });
});
