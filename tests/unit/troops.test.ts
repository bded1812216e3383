import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Mandate, Site, SiteTroops, StrengthFigure } from '../../src/lib/domain/schema.ts';
import {
  siteTroopsAt,
  strengthAt,
  troopIndex,
  troopPicture,
  troopSumAt,
} from '../../src/lib/domain/troops.ts';

const d = (t: string) =>
  parseFuzzyDate(t, t.length === 10 ? 'day' : t.length === 7 ? 'month' : 'year') as FuzzyDate;
const day = (iso: string) => d(iso).first;
const site = (
  id: string,
  opened: string | null,
  closed: string | null,
  troops: number | null = null,
): Site => ({
  id,
  name: id,
  kind: 'cob',
  province_iso: 'CD-NK',
  lat: 0,
  lon: 0,
  opened: opened ? d(opened) : null,
  opened_basis: opened ? 'present_by' : null,
  closed: closed ? d(closed) : null,
  closure: closed ? 'closed' : null,
  troops_estimate: troops,
  contingent: '',
  source: 's',
  confidence: 'high',
  notes: '',
});
const row = (s: string, year: number, troops: number, min = troops, max = troops): SiteTroops => ({
  site: s,
  year,
  troops,
  troops_min: min,
  troops_max: max,
  unit_types: '',
  source: 'Geo-PKO',
  notes: '',
});
const military = () => true;

const index = troopIndex([
  row('a', 2020, 650, 150, 650),
  row('a', 2021, 300),
  row('a', 2024, 150),
  row('b', 2020, 950),
  row('b', 2023, 450),
]);

describe('siteTroopsAt', () => {
  test.each([
    { what: "that year's figure", id: 'a', at: '2021-07-01', troops: 300, basis: 'year' },
    { what: 'another year', id: 'a', at: '2020-01-01', troops: 650, basis: 'year' },
    {
      what: 'after the last maps, carried from them',
      id: 'a',
      at: '2025-03-01',
      troops: 150,
      basis: 'carried',
    },
    {
      what: 'a year the maps do not show the site',
      id: 'a',
      at: '2022-05-01',
      troops: null,
      basis: null,
    },
    {
      what: 'not on the last maps: not carried',
      id: 'b',
      at: '2025-03-01',
      troops: null,
      basis: null,
    },
  ])('$what', ({ id, at, troops, basis }) => {
    const t = siteTroopsAt(site(id, null, null), index, day(at));
    expect(t?.troops ?? null).toBe(troops);
    expect(t?.basis ?? null).toBe(basis);
  });

  test('a site with no per-year rows falls back on its single register figure', () => {
    const t = siteTroopsAt(site('imported', null, null, 420), index, day('2021-01-01'));
    expect(t).toEqual({ troops: 420, basis: 'register', year: null, min: null, max: null });
  });
});

describe('troopSumAt', () => {
  const sites = [site('a', null, null), site('b', null, '2023-06-30'), site('c', '2021', null)];
  test.each([
    { at: '2020-06-01', troops: 1600, unknown: 0, carried: 0 },
    // c opens in 2021 and has no figure: left out and counted as unknown.
    { at: '2021-06-01', troops: 300, unknown: 2, carried: 0 },
    { at: '2023-03-01', troops: 450, unknown: 2, carried: 0 },
    // b closed; a carried from 2024.
    { at: '2025-03-01', troops: 150, unknown: 1, carried: 1 },
  ])('$at', ({ at, troops, unknown, carried }) => {
    const s = troopSumAt(sites, index, day(at), military);
    expect([s.troops, s.unknown, s.carried]).toEqual([troops, unknown, carried]);
  });

  test('sites that are not military are not counted as unknown', () => {
    const office = { ...site('office', null, null), kind: 'field_office' as const };
    expect(
      troopSumAt([office], index, day('2021-01-01'), (k) => k !== 'field_office').unknown,
    ).toBe(0);
  });
});

const figure = (
  date: string,
  troops: number | null,
  confidence: StrengthFigure['confidence'] = 'high',
): StrengthFigure => ({
  date: d(date),
  troops,
  military_observers_staff: null,
  police_individual: null,
  police_formed: null,
  police_total: troops === null ? 1000 : null,
  uniformed_total: null,
  figure: 'exact',
  source: 's',
  confidence,
  notes: '',
});

describe('strengthAt', () => {
  const figures = [
    figure('2020-12', 12500),
    figure('2022-11-18', 12531),
    figure('2023-06', null),
    figure('2024-03', 16000, 'low'),
  ];
  test.each([
    { at: '2020-06-01', date: null },
    { at: '2020-12-15', date: '2020-12' },
    { at: '2022-11-17', date: '2020-12' },
    // A figure without troops (police only) is not a troop figure.
    { at: '2024-01-01', date: '2022-11-18' },
    // A weak report is not quoted as the deployed strength.
    { at: '2024-06-01', date: '2022-11-18' },
  ])('$at', ({ at, date }) => {
    const f = strengthAt(figures, day(at));
    expect(f ? f.date.first : null).toBe(date ? d(date).first : null);
  });
});

describe('troopPicture explains a disagreement', () => {
  const mandate = (from: string, troops: number): Mandate => ({
    resolution: 'S/RES/x',
    adopted: d(from),
    mandate_until: d('2030'),
    in_force_from: d(from),
    troops,
    military_observers_staff: 0,
    individual_police: 0,
    formed_police: 0,
    source: 's',
  });
  const base = { index, mandates: [mandate('2019-01-01', 1000)] };
  test.each([
    {
      what: 'agrees',
      sites: [site('a', null, null)],
      strength: [figure('2021-01-01', 290)],
      at: '2021-06-01',
      notes: [],
    },
    {
      what: 'above the ceiling and the deployed strength',
      sites: [site('a', null, null), site('b', null, null)],
      strength: [figure('2020-01-01', 1000)],
      at: '2020-06-01',
      notes: ['above_ceiling', 'above_deployed'],
    },
    {
      what: 'below the deployed strength',
      sites: [site('a', null, null)],
      strength: [figure('2021-01-01', 900)],
      at: '2021-06-01',
      notes: ['below_deployed'],
    },
    {
      what: 'a stale deployed figure is not compared',
      sites: [site('a', null, null)],
      strength: [figure('2019-01-01', 900)],
      at: '2021-06-01',
      notes: [],
    },
    {
      what: 'carried past the last maps',
      sites: [site('a', null, null)],
      strength: [],
      at: '2025-06-01',
      notes: ['carried'],
    },
  ])('$what', ({ sites, strength, at, notes }) => {
    expect(troopPicture({ ...base, sites, strength }, day(at), military).notes).toEqual(notes);
  });
});
