/** The sites stacked under a click, each once and with its state at the day. */
import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Closure, Site } from '../../src/lib/domain/schema.ts';
import type { SiteDatum } from '../../src/lib/map/layers/prepare.ts';
import type { MarkRole, SiteMark } from '../../src/lib/map/layers/siteMarks.ts';
import { stackEntries, stackState } from '../../src/lib/map/stack.ts';

const d = (t: string) => parseFuzzyDate(t, t.length === 10 ? 'day' : 'year') as FuzzyDate;
const day = (t: string) => d(t).first;

const site = (id: string, closed: string | null = null, closure: Closure | null = null) =>
  ({
    id,
    name: id,
    kind: 'cob',
    opened: d('2010'),
    closed: closed ? d(closed) : null,
    closure: closed ? (closure ?? 'closed') : null,
  }) as Site;
const mark = (s: Site, role: MarkRole = 'site') =>
  ({ datum: { site: s } as SiteDatum, role }) as SiteMark;

describe('stackState', () => {
  test.each([
    { name: 'open, no closing known', s: site('a'), on: '2024-07-01', expected: 'open' },
    {
      name: 'open, closing next year',
      s: site('a', '2025-12-31'),
      on: '2024-07-01',
      expected: 'open',
    },
    {
      name: 'open, in its last month',
      s: site('a', '2024-07-20'),
      on: '2024-07-01',
      expected: 'closing',
    },
    {
      name: 'its last day open',
      s: site('a', '2024-07-01'),
      on: '2024-07-01',
      expected: 'closing',
    },
    { name: 'the day after', s: site('a', '2024-07-01'), on: '2024-07-02', expected: 'closed' },
    {
      name: 'only last seen: never "closing", and gone after',
      s: site('a', '2024-07-20', 'last_seen'),
      on: '2024-07-01',
      expected: 'open',
    },
    {
      name: 'only last seen, after that',
      s: site('a', '2021', 'last_seen'),
      on: '2024-07-01',
      expected: 'last_seen',
    },
  ])('$name', ({ s, on, expected }) => {
    expect(stackState(s, day(on))).toBe(expected);
  });
});

describe('stackEntries', () => {
  const beni = site('beni');
  const mavivi = site('mavivi');
  const kasinga = site('kasinga', '2021');
  test.each([
    { name: 'nothing picked', picked: [], expected: [] },
    { name: 'one site', picked: [mark(beni)], expected: ['beni:open'] },
    {
      name: 'in picking order, the top first',
      picked: [mark(mavivi), mark(beni)],
      expected: ['mavivi:open', 'beni:open'],
    },
    {
      name: 'a site picked through its symbol and its closure mark is listed once',
      picked: [mark(kasinga, 'closing'), mark(beni), mark(kasinga, 'ghost')],
      expected: ['kasinga:closed', 'beni:open'],
    },
  ])('$name', ({ picked, expected }) => {
    expect(stackEntries(picked, day('2024-07-01')).map((e) => `${e.site.id}:${e.state}`)).toEqual(
      expected,
    );
  });
});
