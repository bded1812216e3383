/**
 * ImpactModel's imported-event figures, on stand-ins for the states it reads: one dataset per
 * shown file, the window and filter the map uses, the loss against the comparison date, and the
 * CSV rows. Sites lie on the equator (a degree of longitude is 111.195 km), COBs reach 25 km.
 */
import { describe, expect, test } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { dayNumber, parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import type { Site } from '../../src/lib/domain/schema.ts';
import { ImpactModel } from '../../src/lib/state/impactModel.svelte.ts';
import type { ImportState } from '../../src/lib/state/importState.svelte.ts';
import type { MapState } from '../../src/lib/state/mapState.svelte.ts';
import type { PlanningState } from '../../src/lib/state/planningState.svelte.ts';
import type { ScenarioState } from '../../src/lib/state/scenarioState.svelte.ts';
import type { TimelineState } from '../../src/lib/state/timelineState.svelte.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

const day = (iso: string) => dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8));
const site = (id: string, lon: number, closed: string | null): Site => ({
  id,
  name: id.toUpperCase(),
  kind: 'cob',
  province_iso: 'CD-NK',
  lat: 0,
  lon,
  opened: null,
  opened_basis: null,
  closed: closed ? (parseFuzzyDate(closed, 'day') as FuzzyDate) : null,
  closure: closed ? 'closed' : null,
  troops_estimate: null,
  contingent: '',
  source: 's',
  confidence: 'high',
  notes: '',
});
// a stays open; b closes on 1 June 2020.
const SITES = [site('a', 0, null), site('b', 1, '2020-06-01')];
/** Nord-Kivu, for this test: lon −1 to 1.5 along the equator. */
const PROVINCES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { iso: 'CD-NK', name: 'Nord-Kivu' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-1, -1],
            [1.5, -1],
            [1.5, 1],
            [-1, 1],
            [-1, -1],
          ],
        ],
      },
    },
  ],
} satisfies FeatureCollection<Polygon, { iso: string; name: string }>;

/** Events given in day order: [iso day, lon, fatalities, event type]. */
function columns(events: [string, number, number, number][]): EventColumns {
  const n = events.length;
  return {
    n,
    positions: Float32Array.from(events.flatMap(([, lon]) => [lon, 0])),
    day: Float32Array.from(events.map(([d]) => day(d))),
    fatalities: Float32Array.from(events.map(([, , f]) => f)),
    eventType: Uint8Array.from(events.map(([, , , t]) => t)),
    family: new Uint8Array(n),
    actor: new Uint32Array(n),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(events, (_, i) => i + 2),
    eventTypes: ['Battles', 'Protests'],
    actors: ['ADF'],
    places: [''],
  };
}
const EVENTS = columns([
  ['2020-01-10', 0.9, 50, 0], // before the 3-month window
  ['2020-08-01', 0.1, 1, 0], // a: in reach
  ['2020-09-01', 0.9, 2, 0], // b, closed since June: lost
  ['2020-09-15', 0.9, -1, 1], // the same, a protest with no figure
  ['2020-10-01', 3, 4, 0], // in reach of no site, in no province
  ['2020-10-20', 0.1, 8, 0], // after the date
]);

interface Case {
  name: string;
  window?: '1m' | '3m' | '12m' | 'all';
  hiddenTypes?: string[];
  visible?: boolean;
  out: number;
  inReach: number;
  lost: number;
  byProvince: [string | null, number][];
}

/** The states the model reads, as stand-ins: data, timeline, planning, imports, map. */
function states(c: Case) {
  const scenario = { sites: SITES, hotspots: [], places: [] };
  const data = { scenario, sites: SITES } as unknown as ScenarioState;
  const timeline = { day: day('2020-10-15') } as TimelineState;
  const planning = {
    radii: { ...DEFAULT_RADII, cob: 25 },
    compareDay: day('2020-01-01'),
    compare: false,
    active: null,
  } as unknown as PlanningState;
  const meta = { id: 'd1', name: 'acled.csv', format: 'acled' };
  const imports = {
    datasets: [{ meta, columns: EVENTS, visible: c.visible ?? true, file: null }],
    window: c.window ?? '3m',
    hiddenTypes: new Set(c.hiddenTypes ?? []),
    hiddenFamilies: new Set(),
    minFatalities: 0,
    actorQuery: '',
  } as unknown as ImportState;
  const map = { boundaries: { provinces: PROVINCES } } as unknown as MapState;
  return [data, timeline, planning, imports, map] as const;
}
const model = (c: Case) => new ImpactModel(...states(c));

describe('ImpactModel.imported', () => {
  test.each<Case>([
    {
      name: 'the 3 months to 15 October 2020',
      out: 3,
      inReach: 1,
      lost: 2,
      byProvince: [
        ['CD-NK', 2],
        [null, 1],
      ],
    },
    {
      name: 'everything up to the date: the January event too',
      window: 'all',
      out: 4,
      inReach: 1,
      lost: 3,
      byProvince: [
        ['CD-NK', 3],
        [null, 1],
      ],
    },
    {
      name: 'the map’s filter: protests hidden',
      hiddenTypes: ['Protests'],
      out: 2,
      inReach: 1,
      lost: 1,
      byProvince: [
        ['CD-NK', 1],
        [null, 1],
      ],
    },
  ])('$name', (c) => {
    const [d] = model(c).imported;
    expect(d!.meta.name).toBe('acled.csv');
    expect(d!.last).toBe(day('2020-10-15'));
    expect(d!.cover.outOfReach.events).toBe(c.out);
    expect(d!.cover.inReach.events).toBe(c.inReach);
    expect(d!.cover.loss!.lost.events).toBe(c.lost);
    expect(d!.cover.loss!.causes.map((s) => s.site.name)).toEqual(['B']);
    expect(d!.cover.byProvince.map((p) => [p.province_iso, p.events])).toEqual(c.byProvince);
  });

  test('a hidden dataset is not counted', () => {
    expect(
      model({ name: '', visible: false, out: 0, inReach: 0, lost: 0, byProvince: [] }).imported,
    ).toEqual([]);
  });

  test('without the import state or the boundaries there is nothing to count', () => {
    const [data, timeline, planning, imports] = states({
      name: '',
      out: 0,
      inReach: 0,
      lost: 0,
      byProvince: [],
    });
    expect(new ImpactModel(data, timeline, planning, imports, null).imported).toEqual([]);
    const bare = new ImpactModel(data, timeline, planning);
    expect(bare.imported).toEqual([]);
  });

  test.each([
    { window: '3m' as const, start: '2020-07-16' },
    { window: 'all' as const, start: '' },
  ])('CSV rows name the window ($window: from “$start”)', ({ window, start }) => {
    const m = model({ name: '', window, out: 0, inReach: 0, lost: 0, byProvince: [] });
    const [cover] = m.importedCoverCsv();
    expect(cover).toMatchObject({
      dataset: 'acled.csv',
      windowStart: start,
      windowEnd: '2020-10-15',
    });
    const total = cover!.rows.reduce((n, r) => n + r.events, 0);
    const c = m.imported[0]!.cover;
    expect(total).toBe(c.inReach.events + c.outOfReach.events);
    const [loss] = m.importedLossCsv();
    expect(loss!.rows.reduce((n, r) => n + r.events, 0)).toBe(c.loss!.lost.events);
    expect(loss!.rows.every((r) => r.causes.map((s) => s.name).join() === 'B')).toBe(true);
  });
});

describe('ImpactModel.area: the headline counts the mission’s area, the country second', () => {
  const sk = { ...site('c', 1, '2020-06-01'), province_iso: 'CD-SK' };
  const place = (name: string, iso: string, lon: number, population: number) => ({
    name,
    alt_names: [],
    province_iso: iso,
    lat: 0,
    lon,
    population,
    population_year: null,
    source: 'GeoNames',
  });
  // Out of reach of a (lon 0) and of c (closed): one in each province, and one in Kinshasa.
  const places = [
    place('north', 'CD-NK', 0.5, 100),
    place('south', 'CD-SK', 1, 20),
    place('capital', 'CD-KN', 5, 5000),
  ];
  const modelAt = (compareDay: number | null, sites: Site[] = [SITES[0]!, sk]) => {
    const [, timeline, , imports, map] = states({
      name: '',
      out: 0,
      inReach: 0,
      lost: 0,
      byProvince: [],
    });
    const data = {
      scenario: { sites, hotspots: [], places },
      sites,
      hotspots: [],
    } as unknown as ScenarioState;
    const planning = {
      radii: { ...DEFAULT_RADII, cob: 25 },
      compareDay,
      compare: false,
      active: null,
    } as unknown as PlanningState;
    return new ImpactModel(data, timeline, planning, imports, map);
  };

  test.each([
    {
      name: 'compared with 1 January 2020: Sud-Kivu, left in June, counts',
      compareDay: day('2020-01-01'),
      area: [
        ['CD-NK', 'present'],
        ['CD-SK', 'left'],
      ],
      people: 120,
    },
    {
      name: 'compared with 1 July 2020: Sud-Kivu was left before, and drops out',
      compareDay: day('2020-07-01'),
      area: [['CD-NK', 'present']],
      people: 100,
    },
    {
      name: 'no comparison date: a year before the date (15 Oct 2019), Sud-Kivu counts',
      compareDay: null,
      area: [
        ['CD-NK', 'present'],
        ['CD-SK', 'left'],
      ],
      people: 120,
    },
  ])('$name', ({ compareDay, area, people }) => {
    const m = modelAt(compareDay);
    expect(m.area.map((p) => [p.province_iso, p.status])).toEqual(area);
    expect(m.areaTotals!.population.total).toBe(people);
    // Kinshasa is in the country's figure only.
    expect(m.nationalTotals!.population.total).toBe(5120);
  });

  test('with no site with a reach, there is no area: the country is the headline', () => {
    const m = modelAt(day('2020-01-01'), [{ ...SITES[0]!, kind: 'mission_hq' }]);
    expect(m.area).toEqual([]);
    expect(m.areaTotals).toBeNull();
    expect(m.nationalTotals!.places).toEqual({ out: 3, total: 3 });
  });
});
