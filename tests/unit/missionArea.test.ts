/**
 * The mission's area (which provinces the impact headline counts) and the headline's totals
 * over an area: table tests on small fixtures.
 */
import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Site, SiteKind } from '../../src/lib/domain/schema.ts';
import {
  missionArea,
  totalsIn,
  type Cover,
  type Reacher,
  type Target,
} from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';

const fuzzy = (t: string) =>
  parseFuzzyDate(t, t.length === 10 ? 'day' : t.length === 7 ? 'month' : 'year') as FuzzyDate;
const day = (t: string) => fuzzy(t).first;

type AreaSite = Pick<Site, 'kind' | 'province_iso' | 'opened' | 'closed'>;
const site = (
  province_iso: string | null,
  opened: string | null,
  closed: string | null,
  kind: SiteKind = 'cob',
): AreaSite => ({
  kind,
  province_iso,
  opened: opened ? fuzzy(opened) : null,
  closed: closed ? fuzzy(closed) : null,
});

const DAY = day('2024-07-01');
const FROM = day('2023-07-01');

describe('missionArea: the provinces the headline counts', () => {
  test.each([
    {
      name: 'a base open on the day',
      sites: [site('CD-NK', '2010', null)],
      expected: [['CD-NK', 'present']],
    },
    {
      name: 'a province left inside the window counts, as left',
      sites: [site('CD-SK', '2010', '2024-04-30')],
      expected: [['CD-SK', 'left']],
    },
    {
      name: 'left the day the window opens: still counts',
      sites: [site('CD-SK', '2010', '2023-07-01')],
      expected: [['CD-SK', 'left']],
    },
    {
      name: 'a province left before the window does not',
      sites: [site('CD-KC', '2010', '2023-06-30')],
      expected: [],
    },
    {
      name: 'a closing at year precision ends on 31 December: 2022 is before the window',
      sites: [site('CD-TA', '2010', '2022')],
      expected: [],
    },
    {
      name: 'a closing at month precision in the window counts',
      sites: [site('CD-SK', '2010', '2024-06')],
      expected: [['CD-SK', 'left']],
    },
    {
      name: 'a base not yet open on the day does not count',
      sites: [site('CD-MA', '2025', null)],
      expected: [],
    },
    {
      name: 'one base present and one left: present wins, whatever their order',
      sites: [site('CD-SK', '2010', '2024-04-30'), site('CD-SK', '2010', null)],
      expected: [['CD-SK', 'present']],
    },
    {
      name: 'the same, the other way round',
      sites: [site('CD-SK', '2010', null), site('CD-SK', '2010', '2024-04-30')],
      expected: [['CD-SK', 'present']],
    },
    {
      name: 'only the mission HQ (no reach): Kinshasa is not in the area',
      sites: [site('CD-KN', '2010', null, 'mission_hq')],
      expected: [],
    },
    {
      name: 'only a field office (no reach): not in the area',
      sites: [site('CD-IT', '2010', null, 'field_office')],
      expected: [],
    },
    {
      name: 'a liaison office abroad has no province',
      sites: [site(null, '2010', null, 'liaison_office')],
      expected: [],
    },
    {
      name: 'a police unit has a reach: its province counts',
      sites: [site('CD-NK', '2010', null, 'police')],
      expected: [['CD-NK', 'present']],
    },
    {
      name: 'sorted by code',
      sites: [site('CD-TA', '2010', null), site('CD-IT', '2010', null), site('CD-NK', null, null)],
      expected: [
        ['CD-IT', 'present'],
        ['CD-NK', 'present'],
        ['CD-TA', 'present'],
      ],
    },
  ])('$name', ({ sites, expected }) => {
    expect(
      missionArea(sites, DAY, FROM, DEFAULT_RADII).map((p) => [p.province_iso, p.status]),
    ).toEqual(expected);
  });

  test.each([
    { name: 'no window (from = day): a province left earlier is out', from: DAY, expected: [] },
    { name: 'a comparison date after the day: no window', from: day('2024-12-01'), expected: [] },
    { name: 'a longer window takes it in', from: day('2024-01-01'), expected: [['CD-SK', 'left']] },
  ])('$name', ({ from, expected }) => {
    const sites = [site('CD-SK', '2010', '2024-04-30')];
    expect(
      missionArea(sites, DAY, from, DEFAULT_RADII).map((p) => [p.province_iso, p.status]),
    ).toEqual(expected);
  });

  test('a planner who gives offices a reach brings their provinces in', () => {
    const sites = [site('CD-IT', '2010', null, 'field_office')];
    const radii = { ...DEFAULT_RADII, field_office: 5 };
    expect(missionArea(sites, DAY, FROM, radii)).toEqual([
      { province_iso: 'CD-IT', status: 'present' },
    ]);
  });
});

describe('totalsIn: the headline counts over an area', () => {
  const target = (kind: Target['kind'], iso: string, population: number | null): Target => ({
    key: `${kind}:${iso}:${population}`,
    kind,
    name: 'x',
    province_iso: iso,
    group: kind === 'hotspot' ? 'ADF' : null,
    lat: 0,
    lon: 0,
    population,
    population_year: population === null ? null : 2015,
    source: 's',
  });
  const by = [{ id: 'a' } as Reacher];
  const covers: Cover[] = [
    { target: target('place', 'CD-KN', 1_000_000), by: [], nearest: null },
    { target: target('place', 'CD-NK', 500), by: [], nearest: null },
    { target: target('place', 'CD-NK', null), by: [], nearest: null },
    { target: target('place', 'CD-NK', 900), by, nearest: null },
    { target: target('hotspot', 'CD-NK', null), by: [], nearest: null },
    { target: target('hotspot', 'CD-MN', null), by: [], nearest: null },
  ];
  test.each([
    {
      name: 'the whole country',
      provinces: null,
      expected: {
        hotspots: { out: 2, total: 2 },
        places: { out: 3, total: 4 },
        population: { total: 1_000_500, unknown: 1, years: [2015] },
      },
    },
    {
      name: 'Nord-Kivu only: Kinshasa and Mai-Ndombe drop out',
      provinces: new Set(['CD-NK']),
      expected: {
        hotspots: { out: 1, total: 1 },
        places: { out: 2, total: 3 },
        population: { total: 500, unknown: 1, years: [2015] },
      },
    },
    {
      name: 'an empty area counts nothing',
      provinces: new Set<string>(),
      expected: {
        hotspots: { out: 0, total: 0 },
        places: { out: 0, total: 0 },
        population: { total: 0, unknown: 0, years: [] },
      },
    },
  ])('$name', ({ provinces, expected }) => {
    expect(totalsIn(covers, provinces)).toEqual(expected);
  });
});
