import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Site } from '../../src/lib/domain/schema.ts';
import { siteOpenAt } from '../../src/lib/domain/timeline.ts';
import {
  applyScenario,
  emptyStore,
  newScenarioId,
  parseScenarioJson,
  withChange,
  type UserScenario,
} from '../../src/lib/domain/userScenario.ts';
import {
  CORRUPT_SUFFIX,
  loadRadii,
  loadScenarios,
  RADII_KEY,
  resetScenarios,
  saveRadii,
  saveScenarios,
  SCENARIOS_KEY,
  type StorageLike,
} from '../../src/lib/data/localStore.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';

const d = (t: string) => parseFuzzyDate(t, 'day') as FuzzyDate;
const site = (id: string, closed: string | null): Site => ({
  id,
  name: id,
  kind: 'cob',
  province_iso: 'CD-SK',
  lat: -2.5,
  lon: 28.9,
  opened: null,
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
    { text: '{"version":2,"scenarios":[]}', ok: false, error: /version: is not version 1/ },
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
    else expect(r.errors.join('\n')).toMatch(error!);
  });

  test('reports changes that name no known site', () => {
    const r = parseScenarioJson(
      JSON.stringify(scenario([{ site: 'atlantis', close: null }])),
      new Set(['bukavu']),
    );
    expect(r.ok && r.unknownSites).toEqual(['atlantis']);
  });
});

/** An in-memory Storage, optionally failing on write like a full or private-mode browser. */
function fakeStorage(full = false): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

describe('local storage round trip', () => {
  test('scenarios survive a save and load', () => {
    const st = fakeStorage();
    const store = {
      ...emptyStore(),
      scenarios: [scenario([{ site: 'bukavu', close: '2025-06-30' }])],
    };
    expect(saveScenarios(st, store)).toBeNull();
    expect(loadScenarios(st)).toEqual({ value: store, error: null });
  });

  test('nothing stored: empty, no error', () => {
    expect(loadScenarios(fakeStorage())).toEqual({ value: emptyStore(), error: null });
    expect(loadScenarios(null).error).toBeNull();
  });

  test.each([
    { stored: '{"version":1,"scenarios":[{"id":"x"}]', why: 'truncated JSON' },
    {
      stored:
        '{"version":1,"scenarios":[{"id":"x","name":"a","created":"","changes":[{"site":"b","close":"soon"}]}]}',
      why: 'a bad date',
    },
    { stored: '"hello"', why: 'not an object' },
  ])(
    'corrupt ($why): empty store, a message, and a reset that keeps the old text aside',
    ({ stored }) => {
      const st = fakeStorage();
      st.data.set(SCENARIOS_KEY, stored);
      const r = loadScenarios(st);
      expect(r.value).toEqual(emptyStore());
      expect(r.error).toBeTruthy();
      expect(resetScenarios(st)).toBeNull();
      expect(st.data.get(SCENARIOS_KEY)).toBeUndefined();
      expect(st.data.get(SCENARIOS_KEY + CORRUPT_SUFFIX)).toBe(stored);
      expect(loadScenarios(st)).toEqual({ value: emptyStore(), error: null });
    },
  );

  test('a full storage reports an error instead of throwing', () => {
    expect(saveScenarios(fakeStorage(true), emptyStore())).toMatch(/could not save/);
    expect(saveRadii(fakeStorage(true), DEFAULT_RADII)).toMatch(/could not save/);
  });

  test('radii round-trip; bad stored radii fall back with a message', () => {
    const st = fakeStorage();
    saveRadii(st, { ...DEFAULT_RADII, cob: 40 });
    expect(loadRadii(st)).toEqual({ value: { ...DEFAULT_RADII, cob: 40 }, error: null });
    st.data.set(RADII_KEY, '{"cob":-3}');
    expect(loadRadii(st).value.cob).toBe(DEFAULT_RADII.cob);
    expect(loadRadii(st).error).toMatch(/cob/);
    st.data.set(RADII_KEY, '{');
    expect(loadRadii(st).error).toMatch(/not JSON/);
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
    expect(r).toEqual({
      ok: false,
      errors: [
        'scenarios.0.changes.2: scenario "Keep Bukavu" changes the site "bukavu" again (first in change 0); keep one change per site',
      ],
    });
  });

  test('regression: a stored scenario with two changes to one site loads with the last, and a notice', () => {
    const st = fakeStorage();
    st.data.set(SCENARIOS_KEY, JSON.stringify({ version: 1, scenarios: [twice] }));
    const r = loadScenarios(st);
    expect(r.error).toBeNull();
    expect(r.value.scenarios[0]!.changes).toEqual([
      { site: 'bukavu', close: '2026-01-31' },
      { site: 'uvira', close: null },
    ]);
    expect(r.notice).toMatch(/changes the site "bukavu" again.*the last change is kept/);
    // What the map showed before the repair is what it shows after.
    expect(applyScenario(sites, r.value.scenarios[0]!)).toEqual(applyScenario(sites, twice));
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
      expect(r.ok && r.notices).toEqual([
        'scenarios.1: the id "s1" is repeated; this copy is now "s1-2"',
      ]);
    },
  );

  test('stored scenarios with repeated ids load (no blank panel)', () => {
    const st = fakeStorage();
    st.data.set(SCENARIOS_KEY, two(scenario([]), scenario([])));
    const r = loadScenarios(st);
    expect(r.error).toBeNull();
    expect(new Set(r.value.scenarios.map((s) => s.id)).size).toBe(2);
    expect(r.notice).toMatch(/repaired/);
  });
});
