import { describe, expect, test } from 'vitest';
import { checkMilestones, mayBeOpenAfter, MILESTONES } from '../../src/lib/domain/milestones.ts';
import { parseFuzzyDate, dayNumber, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Site } from '../../src/lib/domain/schema.ts';

const d = (t: string, p: string) => parseFuzzyDate(t, p) as FuzzyDate;
const site = (
  id: string,
  province_iso: string,
  kind: Site['kind'],
  closed: FuzzyDate | null,
): Site => ({
  id,
  name: id,
  kind,
  province_iso,
  lat: null,
  lon: null,
  opened: null,
  opened_basis: null,
  closed,
  closure: closed ? 'closed' : null,
  troops_estimate: null,
  contingent: '',
  source: 'test',
  confidence: 'high',
  notes: '',
});

describe('mayBeOpenAfter', () => {
  const june30 = dayNumber(2021, 6, 30);
  test.each([
    { closed: null, expected: true },
    { closed: d('2021-06-30', 'day'), expected: false },
    { closed: d('2021-06', 'month'), expected: false },
    // A closing known only to the year may fall after 30 June: it does not prove the milestone.
    { closed: d('2021', 'year'), expected: true },
    { closed: d('2021-07-01', 'day'), expected: true },
  ])('closed $closed.text → $expected', ({ closed, expected }) => {
    expect(mayBeOpenAfter({ closed }, june30)).toBe(expected);
  });
});

describe('checkMilestones', () => {
  test.each([
    {
      name: 'a Kasaï site closed on time',
      s: site('k', 'CD-KS', 'cob', d('2021-06-30', 'day')),
      milestone: 'kasai-2021',
      violations: 0,
    },
    {
      name: 'a Kasaï-Central site still open',
      s: site('k', 'CD-KC', 'field_office', null),
      milestone: 'kasai-2021',
      violations: 1,
    },
    {
      name: 'a Tanganyika site closed in 2022 (year only)',
      s: site('t', 'CD-TA', 'cob', d('2022', 'year')),
      milestone: 'tanganyika-2022',
      violations: 1,
    },
    {
      name: 'Bendera, a named exception',
      s: site('bendera', 'CD-TA', 'cob', null),
      milestone: 'tanganyika-2022',
      violations: 0,
    },
    {
      name: 'a Sud-Kivu office open after July 2024 (not military)',
      s: site('o', 'CD-SK', 'field_office', null),
      milestone: 'sud-kivu-2024',
      violations: 0,
    },
    {
      name: 'a Sud-Kivu base open after July 2024',
      s: site('b', 'CD-SK', 'cob', null),
      milestone: 'sud-kivu-2024',
      violations: 1,
    },
    {
      name: 'Uvira with no closing date (no exception since the sources were checked)',
      s: site('uvira', 'CD-SK', 'cob', null),
      milestone: 'sud-kivu-2024',
      violations: 1,
    },
    {
      name: 'a Sud-Kivu base handed over on 11 July 2024 (Minembwe, Mikenge)',
      s: site('minembwe', 'CD-SK', 'cob', d('2024-07-11', 'day')),
      milestone: 'sud-kivu-2024',
      violations: 0,
    },
    {
      name: 'a Sud-Kivu base closed in July 2024 (month only)',
      s: site('b', 'CD-SK', 'cob', d('2024-07', 'month')),
      milestone: 'sud-kivu-2024',
      violations: 1,
    },
  ])('$name → $violations violation(s)', ({ s, milestone, violations }) => {
    const r = checkMilestones([s]).find((x) => x.milestone.id === milestone)!;
    expect(r.violations).toHaveLength(violations);
  });

  test('Sud-Kivu has no exception: none was built on a primary source', () => {
    expect(MILESTONES.find((m) => m.id === 'sud-kivu-2024')!.exceptions).toEqual([]);
  });

  test('every exception cites a source', () => {
    for (const m of MILESTONES)
      for (const e of m.exceptions) expect(e.source.length).toBeGreaterThan(10);
  });
});
