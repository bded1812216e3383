import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Site } from '../../src/lib/domain/schema.ts';
import { siteOpenAt } from '../../src/lib/domain/timeline.ts';
import {
  applyScenario,
  MAX_CHANGES,
  MAX_SCENARIOS,
  newScenarioId,
  parseScenarioJson,
  parseScenarioRecord,
  withChange,
  type UserScenario,
} from '../../src/lib/domain/userScenario.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';

/** Problems in English words, as a person reads them. */
const words = (list: Said[]) => list.map((x) => say(x, 'en'));

const d = (t: string) => parseFuzzyDate(t, 'day') as FuzzyDate;
const site = (id: string, closed: string | null): Site => ({
  id,
  name: id,
  kind: 'cob',
  province_iso: 'CD-SK',
  lat: -2.5,
  lon: 28.9,
  opened: null,
  opened_basis: null,
  closed: closed ? d(closed) : null,
  closure: closed ? 'withdrawn' : null,
  troops_estimate: 100,
  contingent: '',
  source: 's',
  confidence: 'high',
  notes: 'n',
});
const sites = [site('bukavu', '2024-04-30'), site('uvira', null), site('kalemie', '2022-06-30')];
const scenario = (changes: UserScenario['changes']): UserScenario => ({
  id: 's1',
  name: 'Keep Bukavu',
  created: '2026-11-22T00:00:00Z',
  changes,
});

describe('applyScenario', () => {
  test.each([
    {
      change: { site: 'bukavu', close: '2025-06-30' },
      on: '2024-12-15',
      open: true,
      why: 'moved later',
    },
    {
      change: { site: 'bukavu', close: '2024-01-31' },
      on: '2024-03-01',
      open: false,
      why: 'moved earlier',
    },
    { change: { site: 'bukavu', close: null }, on: '2026-01-01', open: true, why: 'kept open' },
    {
      change: { site: 'uvira', close: '2023-01-01' },
      on: '2024-01-01',
      open: false,
      why: 'closed',
    },
    { change: { site: 'kalemie', close: null }, on: '2024-01-01', open: true, why: 'reopened' },
  ])('$why: $change.site open on $on = $open', ({ change, on, open }) => {
    const out = applyScenario(sites, scenario([change]));
    const s = out.find((x) => x.id === change.site)!;
    expect(siteOpenAt(s, d(on).first)).toBe(open);
    expect(s.notes).toMatch(/^Scenario "Keep Bukavu"/);
    expect(s.confidence).toBe('low');
  });

  test('keeps the closure kind, marks new closures "closed", clears it when kept open', () => {
    const out = applyScenario(
      sites,
      scenario([
        { site: 'bukavu', close: '2025-01-01' },
        { site: 'uvira', close: '2025-01-01' },
        { site: 'kalemie', close: null },
      ]),
    );
    expect(out.map((s) => s.closure)).toEqual(['withdrawn', 'closed', null]);
  });

  test('a planned closing of a site only last seen is "closed", not "last seen"', () => {
    const seen = { ...site('baraka', '2019-12-31'), closure: 'last_seen' as const };
    const [out] = applyScenario([seen], scenario([{ site: 'baraka', close: '2025-01-01' }]));
    expect(out).toMatchObject({ closure: 'closed', closed: { text: '2025-01-01' } });
  });

  test('leaves unchanged sites as the same objects, and the input untouched', () => {
    const out = applyScenario(sites, scenario([{ site: 'uvira', close: '2023-01-01' }]));
    expect(out[0]).toBe(sites[0]);
    expect(out[1]).not.toBe(sites[1]);
    expect(sites[1]!.closed).toBeNull();
    expect(applyScenario(sites, null)).toBe(sites);
  });

  test('withChange sets, replaces and removes one change', () => {
    let s = scenario([]);
    s = withChange(s, 'bukavu', '2025-01-01');
    s = withChange(s, 'bukavu', null);
    expect(s.changes).toEqual([{ site: 'bukavu', close: null }]);
    expect(withChange(s, 'bukavu', undefined).changes).toEqual([]);
  });

  test('newScenarioId avoids taken ids', () => {
    const a = newScenarioId([], 1000);
    expect(newScenarioId([a], 1000)).not.toBe(a);
  });
});

describe('parseScenarioJson', () => {
  const good = JSON.stringify({
    version: 1,
    scenarios: [scenario([{ site: 'bukavu', close: '2025-06-30' }])],
  });
  test.each([
    { text: good, ok: true, n: 1 },
    { text: JSON.stringify(scenario([])), ok: true, n: 1, why: 'one exported scenario' },
    { text: '{"version":1,"scenarios":[]}', ok: true, n: 0 },
    { text: 'not json', ok: false, error: /not JSON/ },
    { text: '{"version":2,"scenarios":[]}', ok: true, n: 0, why: 'version 2 (added hotspots)' },
    {
      text: '{"version":3,"scenarios":[]}',
      ok: false,
      error: /version: is not a version this version of Drawdown Map can read \(it reads 1 and 2\)/,
    },
    {
      text: JSON.stringify({
        version: 1,
        scenarios: [scenario([{ site: 'bukavu', close: '2025-02-30' }])],
      }),
      ok: false,
      error: /scenarios\.0\.changes\.0\.close: is not a real calendar date/,
    },
    {
      text: JSON.stringify({ version: 1, scenarios: [{ ...scenario([]), name: '  ' }] }),
      ok: false,
      error: /scenarios\.0\.name: has an empty name/,
    },
    { text: '[1,2]', ok: false, error: /the file/ },
  ])('$text → ok $ok', ({ text, ok, n, error }) => {
    const r = parseScenarioJson(text);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.scenarios).toHaveLength(n!);
    else expect(words(r.errors).join('\n')).toMatch(error!);
  });

  test('reports changes that name no known site', () => {
    const r = parseScenarioJson(
      JSON.stringify(scenario([{ site: 'atlantis', close: null }])),
      new Set(['bukavu']),
    );
    expect(r.ok && r.unknownSites).toEqual(['atlantis']);
  });
});

describe('duplicates (issue 27)', () => {
  const two = (a: UserScenario, b: UserScenario) =>
    JSON.stringify({ version: 1, scenarios: [a, b] });
  const twice = scenario([
    { site: 'bukavu', close: '2025-06-30' },
    { site: 'uvira', close: null },
    { site: 'bukavu', close: '2026-01-31' },
  ]);

  test('regression: two changes to one site are refused on import, naming the site and where', () => {
    const r = parseScenarioJson(JSON.stringify({ version: 1, scenarios: [twice] }));
    expect(r.ok).toBe(false);
    expect(!r.ok && words(r.errors)).toEqual([
      'scenarios.0.changes.2: scenario "Keep Bukavu" changes the site "bukavu" again (first in change 0); keep one change per site',
    ]);
    expect(!r.ok && say(r.errors[0]!, 'fr')).toBe(
      'scenarios.0.changes.2\u00a0: le scénario «\u00a0Keep Bukavu\u00a0» modifie de nouveau le site «\u00a0bukavu\u00a0» (d’abord dans la modification 0)\u202f; garder une seule modification par site',
    );
  });

  test('regression: a stored scenario with two changes to one site loads with the last, and a notice', () => {
    const r = parseScenarioRecord('kept-id', twice);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.id).toBe('kept-id');
    expect(r.scenario.changes).toEqual([
      { site: 'bukavu', close: '2026-01-31' },
      { site: 'uvira', close: null },
    ]);
    expect(words(r.notices)).toEqual([
      'scenario "Keep Bukavu" changed the site "bukavu" twice (changes 0 and 2); the last change is kept',
    ]);
    // What the map showed before the repair is what it shows after.
    expect(applyScenario(sites, r.scenario)).toEqual(
      applyScenario(sites, { ...twice, id: 'kept-id' }),
    );
  });

  test.each([
    { value: { ...twice, name: '' }, error: /name: has an empty name/ },
    { value: { ...twice, changes: [{ site: 'b', close: 'soon' }] }, error: /changes\.0\.close/ },
    { value: 'hello', error: /the file/ },
    { value: null, error: /the file/ },
  ])('a stored scenario that cannot be read gives its problems ($error)', ({ value, error }) => {
    const r = parseScenarioRecord('x', value);
    expect(r.ok).toBe(false);
    expect(!r.ok && words(r.errors).join('; ')).toMatch(error);
  });

  test.each([
    { from: 'import' as const, ids: ['s1', 's1-2'] },
    { from: 'storage' as const, ids: ['s1', 's1-2'] },
  ])(
    'regression: a repeated scenario id is made unique ($from), with a notice',
    ({ from, ids }) => {
      const r = parseScenarioJson(
        two(scenario([]), { ...scenario([]), name: 'Other' }),
        undefined,
        from,
      );
      expect(r.ok && r.scenarios.map((s) => s.id)).toEqual(ids);
      expect(r.ok && words(r.notices)).toEqual([
        'scenarios.1: the id "s1" is repeated; this copy is now "s1-2"',
      ]);
    },
  );
});

test.each([
  {
    what: 'too many changes',
    file: {
      ...scenario([]),
      changes: Array.from({ length: MAX_CHANGES + 1 }, (_, i) => ({ site: `s${i}`, close: null })),
    },
    error: `changes: has more than ${MAX_CHANGES} changes`,
  },
  {
    what: 'too many scenarios',
    file: { version: 1, scenarios: Array.from({ length: MAX_SCENARIOS + 1 }, () => scenario([])) },
    error: `scenarios: has more than ${MAX_SCENARIOS} scenarios`,
  },
])('regression: a file with $what is refused, saying so', ({ file, error }) => {
  const r = parseScenarioJson(JSON.stringify(file));
  expect(r.ok).toBe(false);
  expect(!r.ok && words(r.errors)).toEqual([error]);
});
