/**
 * Scenarios that add hotspots (issue 24, item 5), in the domain: the format's versions (what
 * version 1 wrote still reads; what this build writes reads back the same and is written in the
 * oldest version that holds it), the rows' shape, and editing a scenario's hotspots.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import {
  HOTSPOT_COLUMNS,
  MAX_HOTSPOT_CELL,
  MAX_HOTSPOTS,
  newHotspotId,
  parseScenarioJson,
  parseScenarioRecord,
  storeOf,
  storeVersionFor,
  withHotspot,
  withNamedGroup,
  withoutHotspot,
  type HotspotRow,
  type UserScenario,
} from '../../src/lib/domain/userScenario.ts';
import { hotspotRow as row } from './hotspotRow.ts';

const words = (list: Said[]) => list.map((x) => say(x, 'en'));

/** A scenario as version 1 wrote it: no `hotspots` key. */
const v1: UserScenario = {
  id: 's1',
  name: 'Keep Bukavu',
  created: '2026-11-22T00:00:00Z',
  changes: [{ site: 'bukavu', close: '2025-06-30' }],
};
const v2: UserScenario = { ...v1, hotspots: [row()] };

test('the columns are those of hotspots.csv, in order', () => {
  const header = readFileSync('data/scenario/hotspots.csv', 'utf8').split(/\r?\n/)[0]!.split(',');
  expect([...HOTSPOT_COLUMNS]).toEqual(header);
});

describe('format versions', () => {
  test.each([
    {
      name: 'a version-1 file (site changes only) reads, with no hotspots',
      text: JSON.stringify({ version: 1, scenarios: [v1] }),
      expected: [v1],
    },
    {
      name: 'one exported scenario without a version reads',
      text: JSON.stringify(v1),
      expected: [v1],
    },
    {
      name: 'a version-2 file with added hotspots reads them',
      text: JSON.stringify({ version: 2, scenarios: [v2] }),
      expected: [v2],
    },
    {
      name: 'an empty hotspots list reads as none, as version 1 had it',
      text: JSON.stringify({ version: 2, scenarios: [{ ...v1, hotspots: [] }] }),
      expected: [v1],
    },
  ])('$name', ({ text, expected }) => {
    const r = parseScenarioJson(text);
    expect(r.ok && r.scenarios).toEqual(expected);
  });

  test.each([
    { name: 'stored by version 1', value: v1, expected: v1 },
    { name: 'stored by this build, with hotspots', value: v2, expected: v2 },
    { name: 'stored with an empty list', value: { ...v1, hotspots: [] }, expected: v1 },
  ])('a record $name reads', ({ value, expected }) => {
    const r = parseScenarioRecord('s1', structuredClone(value));
    expect(r.ok && r.scenario).toEqual(expected);
  });

  test.each([
    { name: 'none adds hotspots: version 1', scenarios: [v1], version: 1 },
    { name: 'none at all: version 1', scenarios: [], version: 1 },
    { name: 'one adds hotspots: version 2', scenarios: [v1, { ...v2, id: 's2' }], version: 2 },
  ])('written in the oldest version that holds them ($name)', ({ scenarios, version }) => {
    expect(storeVersionFor(scenarios)).toBe(version);
    const text = JSON.stringify(storeOf(scenarios));
    expect(JSON.parse(text).version).toBe(version);
    // And read back as they were.
    const back = parseScenarioJson(text);
    expect(back.ok && back.scenarios).toEqual(scenarios);
  });

  test('a scenario without hotspots is written exactly as version 1 wrote it', () => {
    expect(Object.keys(withoutHotspot(v2, 'suggested-beni'))).toEqual(Object.keys(v1));
    expect(JSON.stringify(storeOf([withoutHotspot(v2, 'suggested-beni')]))).toBe(
      JSON.stringify({ version: 1, scenarios: [v1] }),
    );
  });
});

describe('added hotspots are checked for their shape', () => {
  const long = 'x'.repeat(MAX_HOTSPOT_CELL + 1);
  test.each([
    {
      name: 'a cell too long',
      hotspots: [row({ notes: long })],
      error: `scenarios.0.hotspots.0.notes: is longer than ${MAX_HOTSPOT_CELL} characters`,
    },
    {
      name: 'too many rows',
      hotspots: Array.from({ length: MAX_HOTSPOTS + 1 }, (_, i) => row({ id: `h${i}` })),
      error: `scenarios.0.hotspots: has more than ${MAX_HOTSPOTS} added hotspots`,
    },
    {
      name: 'a row lacking a column',
      hotspots: [(({ notes: _, ...r }) => r)(row()) as HotspotRow],
      error: /^scenarios\.0\.hotspots\.0\.notes: is not what was expected/,
    },
    {
      name: 'a cell that is not text',
      hotspots: [{ ...row(), lat: 0.49 } as unknown as HotspotRow],
      error: /^scenarios\.0\.hotspots\.0\.lat: is not what was expected/,
    },
  ])('an import is refused: $name', ({ hotspots, error }) => {
    const r = parseScenarioJson(JSON.stringify({ version: 2, scenarios: [{ ...v1, hotspots }] }));
    expect(r.ok).toBe(false);
    const said = !r.ok ? words(r.errors)[0] : '';
    if (typeof error === 'string') expect(said).toBe(error);
    else expect(said).toMatch(error);
  });

  test('a stored record of the wrong shape is unreadable (set aside, not shown)', () => {
    const r = parseScenarioRecord('s1', { ...v2, hotspots: 'ADF around Beni' });
    expect(r.ok).toBe(false);
    expect(!r.ok && words(r.errors).join()).toMatch(/^hotspots: is not what was expected/);
  });

  test.each([
    {
      name: 'a store',
      text: JSON.stringify({ version: 2, scenarios: [v1, v2] }),
      at: ['scenarios.0.', 'scenarios.1.'],
    },
    { name: 'one scenario', text: JSON.stringify(v2), at: [''] },
  ])('says where each scenario is in $name, for the problems found later', ({ text, at }) => {
    const r = parseScenarioJson(text);
    expect(r.ok && r.at).toEqual(at);
  });
});

describe('editing a scenario’s hotspots', () => {
  test.each([
    {
      name: 'adds to a scenario without any',
      run: () => withHotspot(v1, row()).hotspots!.map((h) => h.id),
      expected: ['suggested-beni'],
    },
    {
      name: 'replaces the row with the same id',
      run: () => withHotspot(v2, row({ label: 'Beni town' })).hotspots!.map((h) => h.label),
      expected: ['Beni town'],
    },
    {
      name: 'removes one and keeps the others',
      run: () =>
        withoutHotspot(withHotspot(v2, row({ id: 'b' })), 'suggested-beni').hotspots!.map(
          (h) => h.id,
        ),
      expected: ['b'],
    },
    {
      name: 'refuses to go past the limit (the record would not load)',
      run: () => {
        const full = {
          ...v1,
          hotspots: Array.from({ length: MAX_HOTSPOTS }, (_, i) => row({ id: `h${i}` })),
        };
        return [withHotspot(full, row({ id: 'one-more' })) === full];
      },
      expected: [true],
    },
  ])('$name', ({ run, expected }) => {
    expect(run()).toEqual(expected);
  });

  test.each([
    { label: 'ADF around Beni', taken: [], expected: 'suggested-adf-around-beni' },
    { label: 'Bunia', taken: ['suggested-bunia'], expected: 'suggested-bunia-2' },
    {
      label: 'Kiwanja–Rutshuru',
      taken: ['suggested-kiwanja-rutshuru', 'suggested-kiwanja-rutshuru-2'],
      expected: 'suggested-kiwanja-rutshuru-3',
    },
    { label: 'Île Idjwi', taken: [], expected: 'suggested-ile-idjwi' },
    { label: '  ', taken: [], expected: 'suggested-area' },
  ])('newHotspotId("$label") = $expected', ({ label, taken, expected }) => {
    const id = newHotspotId(label, taken);
    expect(id).toBe(expected);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test.each([
    {
      name: 'the events named a group: the user’s is not used',
      row: row({ group: 'ADF' }),
      group: 'CODECO',
      expected: { group: 'ADF', notes: '' },
    },
    {
      name: 'no group from the events: the user’s, said in the notes',
      row: row({ group: '', notes: 'First actors: CODECO (40).' }),
      group: '  CODECO ',
      expected: {
        group: 'CODECO',
        notes:
          'First actors: CODECO (40). Group named by the user: no first actor led a majority of the events.',
      },
    },
    {
      name: 'neither: still empty, for the loader to refuse',
      row: row({ group: '' }),
      group: ' ',
      expected: { group: '', notes: '' },
    },
  ])('withNamedGroup: $name', ({ row: r, group, expected }) => {
    expect(withNamedGroup(r, group)).toMatchObject(expected);
  });
});
