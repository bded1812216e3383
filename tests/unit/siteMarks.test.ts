import { describe, expect, test } from 'vitest';
import { NEVER_AFTER, NEVER_BEFORE, type SiteDatum } from '../../src/lib/map/layers/prepare.ts';
import {
  closingSpan,
  CLOSING_DAYS,
  marksOn,
  siteMarks,
  type MarkRole,
  type SiteMark,
} from '../../src/lib/map/layers/siteMarks.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { siteSpan, TIMELINE_START } from '../../src/lib/domain/timeline.ts';

/** Whether an entry shows on a day: the test sitesLayer.ts's GPU filter makes. */
const shownOn = (m: SiteMark, day: number) => m.span[0] <= day && day <= m.span[1];

/** A site open on days [opened, last], or still open when `last` is null. */
const site = (id: string, opened: number, last: number | null, closure: string | null = null) =>
  ({
    site: { id, kind: 'cob', closed: last === null ? null : { last }, closure },
    position: [0, 0],
    span: [opened, last ?? NEVER_AFTER],
    size: 20,
  }) as unknown as SiteDatum;

/** The fixtures' days are small numbers: their timeline starts on day 0. */
const START = 0;
const kananga = site('kananga', 100, 200, 'withdrawn');
const goma = site('goma', NEVER_BEFORE, null);
const both = { sites: true, closed: true };

/** What of each site shows on a day, as "id:role". */
const shown = (day: number, show = both) =>
  siteMarks([kananga, goma], show, START)
    .filter((m) => shownOn(m, day))
    .map((m) => `${m.datum.site.id}:${m.role}`);

describe('siteMarks: a site, its closure mark and its ghost, each shown in its own span', () => {
  test.each([
    { what: 'before it opens', day: 99, expected: ['goma:site'] },
    { what: 'the day it opens', day: 100, expected: ['kananga:site', 'goma:site'] },
    { what: 'open, long before closing', day: 150, expected: ['kananga:site', 'goma:site'] },
    {
      what: 'a month before its last day: the closure mark appears',
      day: 169,
      expected: ['kananga:closing', 'kananga:site', 'goma:site'],
    },
    {
      what: 'its last day open',
      day: 200,
      expected: ['kananga:closing', 'kananga:site', 'goma:site'],
    },
    {
      what: 'the day after: the ghost, with the mark',
      day: 201,
      expected: ['kananga:ghost', 'kananga:closing', 'goma:site'],
    },
    {
      what: 'a month after: the mark still there',
      day: 231,
      expected: ['kananga:ghost', 'kananga:closing', 'goma:site'],
    },
    { what: 'then only the ghost', day: 232, expected: ['kananga:ghost', 'goma:site'] },
    { what: 'years later', day: 5000, expected: ['kananga:ghost', 'goma:site'] },
  ])('$what (day $day)', ({ day, expected }) => {
    expect(shown(day)).toEqual(expected);
  });

  test.each([
    { show: { sites: true, closed: false }, day: 201, expected: ['goma:site'] },
    { show: { sites: true, closed: false }, day: 150, expected: ['kananga:site', 'goma:site'] },
    {
      show: { sites: false, closed: true },
      day: 201,
      expected: ['kananga:ghost', 'kananga:closing'],
    },
    { show: { sites: false, closed: false }, day: 150, expected: [] },
  ])('toggles $show on day $day', ({ show, day, expected }) => {
    expect(shown(day, show)).toEqual(expected);
  });

  test('a still-open site gets no ghost or mark; ghosts take how the site ended', () => {
    const marks = siteMarks([kananga, goma], both, START);
    const of = (id: string, role: MarkRole) =>
      marks.find((m) => m.datum.site.id === id && m.role === role);
    expect(of('goma', 'ghost')).toBeUndefined();
    expect(of('goma', 'closing')).toBeUndefined();
    expect(of('kananga', 'ghost')!.icon).toBe('ghost-withdrawn');
    expect(siteMarks([site('x', 0, 10)], both, START)[0]!.icon).toBe('ghost-closed');
    // Ghosts are faint and small; the mark sits off the site's position; the site keeps its size.
    expect(of('kananga', 'ghost')!.alpha).toBeLessThan(255);
    expect(of('kananga', 'closing')!.offset).not.toEqual([0, 0]);
    expect(of('kananga', 'site')!.size).toBe(20);
    // Only a site fades in its last month: the mark and the ghost stay as they are.
    expect(marks.filter((m) => m.fades).map((m) => m.role)).toEqual(['site', 'site']);
  });

  test('a site only last seen: its own ghost after its last day, and no closure mark', () => {
    const baraka = site('baraka', 100, 200, 'last_seen');
    const marks = siteMarks([baraka], both, START);
    expect(marks.map((m) => [m.role, m.icon])).toEqual([
      ['ghost', 'ghost-last_seen'],
      ['site', 'cob'],
    ]);
    const at = (day: number) => marks.filter((m) => shownOn(m, day)).map((m) => m.role);
    expect([at(200), at(201)]).toEqual([['site'], ['ghost']]);
  });

  test('drawing order: ghosts, then closure marks, then sites on top', () => {
    const roles = siteMarks([kananga, goma], both, START).map((m) => m.role);
    expect(roles).toEqual(['ghost', 'closing', 'site', 'site']);
  });
});

describe('closingSpan: a closing wholly before the timeline starts is closed at the start', () => {
  const fuzzy = (t: string) =>
    parseFuzzyDate(t, t.length === 10 ? 'day' : t.length === 7 ? 'month' : 'year') as FuzzyDate;
  test.each([
    { name: 'year precision, 2018 (before 1 Jan 2019)', closed: '2018', mark: false },
    { name: 'month precision, December 2018', closed: '2018-12', mark: false },
    { name: 'day precision, 31 December 2018', closed: '2018-12-31', mark: false },
    { name: 'day precision, the timeline’s first day', closed: '2019-01-01', mark: true },
    {
      name: 'year precision, 2019 (its span reaches into the timeline)',
      closed: '2019',
      mark: true,
    },
    { name: 'month precision, June 2024', closed: '2024-06', mark: true },
  ])('$name: mark $mark', ({ closed, mark }) => {
    const c = fuzzy(closed);
    const last = siteSpan({ opened: null, closed: c })[1];
    const span = closingSpan(c, 'withdrawn', last, TIMELINE_START);
    expect(span).toEqual(mark ? [last - CLOSING_DAYS, last + CLOSING_DAYS] : null);
  });

  test('a site only last seen never gets a mark', () => {
    const c = fuzzy('2024-06');
    expect(closingSpan(c, 'last_seen', c.last, TIMELINE_START)).toBeNull();
  });

  test('on the first screen a 2018 closure shows its ghost, not a closure mark', () => {
    const c = fuzzy('2018');
    const d = {
      site: { id: 'kisangani', kind: 'sector_hq', closed: c, closure: 'withdrawn' },
      position: [0, 0],
      span: [NEVER_BEFORE, c.last],
      size: 20,
    } as unknown as SiteDatum;
    const roles = siteMarks([d], both)
      .filter((m) => shownOn(m, TIMELINE_START))
      .map((m) => m.role);
    expect(roles).toEqual(['ghost']);
  });
});

describe('marksOn: the marks drawn on a day, for the names to keep clear of', () => {
  const m = (a: number, b: number) => ({ span: [a, b] as [number, number] });
  const marks = [m(0, 10), m(5, 20), m(15, 30)];
  test.each([
    { day: -1, shown: [] },
    { day: 0, shown: [0] },
    { day: 7, shown: [0, 1] },
    { day: 15, shown: [1, 2] },
    { day: 30, shown: [2] },
    { day: 31, shown: [] },
  ])('day $day shows marks $shown', ({ day, shown }) => {
    expect(marksOn(marks, day)).toEqual(shown.map((i) => marks[i]));
  });
  test('the same marks shown give back the same array: nothing to lay out anew', () => {
    const first = marksOn(marks, 7);
    expect(marksOn(marks, 8, first)).toBe(first);
    expect(marksOn(marks, 16, first)).not.toBe(first);
  });
});
