import { describe, expect, test } from 'vitest';
import { dayNumber, isoOfDay, parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import {
  addMonths,
  countersAt,
  dayInWords,
  hotspotActiveAt,
  mandateAt,
  monthIndex,
  provincePhase,
  siteOpenAt,
  stepTowards,
} from '../../src/lib/domain/timeline.ts';
import type { Phase, Site } from '../../src/lib/domain/schema.ts';
import { loadDefaultData } from '../defaultData.ts';

const d = (t: string, p = t.length === 10 ? 'day' : t.length === 7 ? 'month' : 'year') =>
  parseFuzzyDate(t, p) as FuzzyDate;
const day = (iso: string) => d(iso, 'day').first;
const site = (opened: string | null, closed: string | null, extra: Partial<Site> = {}): Site => ({
  id: 'x',
  name: 'x',
  kind: 'cob',
  province_iso: 'CD-NK',
  lat: 0,
  lon: 0,
  opened: opened ? d(opened) : null,
  opened_basis: opened ? 'present_by' : null,
  closed: closed ? d(closed) : null,
  closure: closed ? 'closed' : null,
  troops_estimate: 150,
  contingent: '',
  source: 's',
  confidence: 'high',
  notes: '',
  ...extra,
});

describe('siteOpenAt (fuzzy dates read inclusively)', () => {
  test.each([
    { opened: null, closed: null, at: '2019-01-01', open: true },
    { opened: '2017', closed: '2020', at: '2020-12-31', open: true },
    { opened: '2017', closed: '2020', at: '2021-01-01', open: false },
    { opened: '2021-06', closed: null, at: '2021-05-31', open: false },
    { opened: '2021-06', closed: null, at: '2021-06-01', open: true },
    { opened: null, closed: '2024-02-28', at: '2024-02-28', open: true },
    { opened: null, closed: '2024-02-28', at: '2024-02-29', open: false },
    { opened: '2022-01', closed: '2024-04', at: '2024-04-30', open: true },
  ])('opened $opened, closed $closed, on $at → $open', ({ opened, closed, at, open }) => {
    expect(siteOpenAt(site(opened, closed), day(at))).toBe(open);
  });
});

describe('hotspotActiveAt', () => {
  test.each([
    { from: '2020-08', to: '2020-09', at: '2020-09-30', active: true },
    { from: '2020-08', to: '2020-09', at: '2020-10-01', active: false },
    { from: '2025-01-28', to: null, at: '2026-06-01', active: true },
    { from: '2025-01-28', to: null, at: '2025-01-27', active: false },
  ])('$from to $to, on $at → $active', ({ from, to, at, active }) => {
    expect(hotspotActiveAt({ from: d(from), to: to ? d(to) : null }, day(at))).toBe(active);
  });
});

const phase = (
  id: string,
  plan: Phase['plan'],
  provinces: string[],
  start: string | null,
  end: string | null,
  status: Phase['status'],
): Phase => ({
  id,
  plan,
  name: id,
  provinces,
  start: start ? d(start) : null,
  end: end ? d(end) : null,
  status,
  source: 's',
});
const PHASES = [
  phase('k', 'joint_strategy_2020', ['CD-KS', 'CD-KC'], '2020-10-27', '2021-06-30', 'planned'),
  phase('i', 'joint_strategy_2020', ['CD-IT'], null, null, 'undetermined'),
  phase('f', 'disengagement_plan_2023', ['CD-SK'], '2023-11-21', '2024-04-30', 'planned'),
  phase('c', 'disengagement_plan_2023', ['CD-SK'], '2023-11-21', '2024-06-30', 'planned'),
  phase('p', 'actual', ['CD-NK'], '2024-07-08', null, 'paused'),
];

describe('provincePhase', () => {
  test.each([
    { plan: 'joint_strategy_2020', iso: 'CD-KS', at: '2020-01-01', phase: 'active' },
    { plan: 'joint_strategy_2020', iso: 'CD-KC', at: '2021-03-01', phase: 'drawing_down' },
    { plan: 'joint_strategy_2020', iso: 'CD-KC', at: '2021-07-01', phase: 'withdrawn' },
    { plan: 'joint_strategy_2020', iso: 'CD-IT', at: '2025-01-01', phase: 'active' },
    { plan: 'joint_strategy_2020', iso: 'CD-SK', at: '2025-01-01', phase: null },
    // The civilian end (30 June) is later than the Force's (30 April): still drawing down in May.
    { plan: 'disengagement_plan_2023', iso: 'CD-SK', at: '2024-05-15', phase: 'drawing_down' },
    { plan: 'disengagement_plan_2023', iso: 'CD-SK', at: '2024-07-01', phase: 'withdrawn' },
    { plan: 'actual', iso: 'CD-NK', at: '2025-01-01', phase: 'active' },
  ] as const)('$plan, $iso on $at → $phase', ({ plan, iso, at, phase: expected }) => {
    expect(provincePhase(PHASES, plan, iso, day(at))).toBe(expected);
  });
});

describe('month arithmetic', () => {
  test.each([
    { from: '2021-07-15', n: 1, to: '2021-08-15' },
    { from: '2021-01-31', n: 1, to: '2021-02-28' },
    { from: '2024-03-31', n: -1, to: '2024-02-29' },
    { from: '2021-07-15', n: 12, to: '2022-07-15' },
    { from: '2021-07-15', n: -12, to: '2020-07-15' },
  ])('$from + $n months → $to', ({ from, n, to }) => {
    expect(isoOfDay(addMonths(day(from), n))).toBe(to);
  });

  test.each([
    { from: '2020-01-01', target: '2020-06-01', next: '2020-02-01', stop: false },
    { from: '2020-05-01', target: '2020-06-01', next: '2020-06-01', stop: true },
    { from: '2020-05-15', target: '2020-06-01', next: '2020-06-01', stop: true },
    { from: '2022-06-01', target: '2021-01-01', next: '2022-05-01', stop: false },
    { from: '2021-02-01', target: '2021-01-01', next: '2021-01-01', stop: true },
    { from: '2021-01-20', target: '2021-01-01', next: '2021-01-01', stop: true },
    { from: '2021-03-31', target: '2020-01-01', next: '2021-02-28', stop: false },
    { from: '2021-01-01', target: '2021-01-01', next: '2021-01-01', stop: true },
  ])('playing from $from to $target: next $next, stops $stop', ({ from, target, next, stop }) => {
    const s = stepTowards(day(from), day(target));
    expect({ day: isoOfDay(s.day), stop: s.stop }).toEqual({ day: next, stop });
  });

  test('playing back from 1 June 2022 to 1 January 2021 takes 17 ticks and ends on the target', () => {
    const seen: string[] = [];
    for (let s = { day: day('2022-06-01'), stop: false }; !s.stop && seen.length < 100;) {
      s = stepTowards(s.day, day('2021-01-01'));
      seen.push(isoOfDay(s.day));
    }
    expect(seen).toHaveLength(17);
    expect(seen.slice(0, 2)).toEqual(['2022-05-01', '2022-04-01']);
    expect(seen.at(-1)).toBe('2021-01-01');
  });

  test('monthIndex counts months from January 2019', () => {
    expect(monthIndex(day('2019-01-31'))).toBe(0);
    expect(monthIndex(day('2021-07-15'))).toBe(30);
  });

  test('dates read in words', () => {
    expect(dayInWords(dayNumber(2021, 7, 15))).toBe('15 July 2021');
  });
});

describe('counters and ceilings on the default data', () => {
  const scenario = loadDefaultData();

  test('on 15 Jul 2021 no Kasaï or Kasaï-Central site is open; on 1 Jan 2020 Kananga is', () => {
    expect(countersAt(scenario.sites, day('2021-07-15')).provinces).not.toContain('CD-KC');
    expect(countersAt(scenario.sites, day('2021-07-15')).provinces).not.toContain('CD-KS');
    expect(
      scenario.sites.filter(
        (s) => s.name.startsWith('Kananga') && siteOpenAt(s, day('2020-01-01')),
      ),
    ).toHaveLength(2);
  });

  test('the site count is the open sites', () => {
    const c = countersAt(scenario.sites, day('2020-01-01'));
    const manual = scenario.sites.filter((s) => siteOpenAt(s, day('2020-01-01')));
    expect(c.sites).toBe(manual.length);
  });

  test.each([
    { at: '2019-02-01', resolution: null },
    { at: '2019-03-29', resolution: 'S/RES/2463' },
    { at: '2024-06-30', resolution: 'S/RES/2717' },
    { at: '2024-07-01', resolution: 'S/RES/2717 from 2024-07-01' },
    { at: '2026-01-01', resolution: 'S/RES/2808' },
  ])('the ceiling in force on $at comes from $resolution', ({ at, resolution }) => {
    expect(mandateAt(scenario.mandates, day(at))?.resolution ?? null).toBe(resolution);
  });
});
