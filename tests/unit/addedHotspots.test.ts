/**
 * Added hotspots read by the hotspots.csv reader (data/addedHotspots.ts): what the loader would
 * refuse, said where it is in a JSON file and in both languages; applying a scenario's hotspots
 * for the map and the impact analysis; and a suggested candidate carried through to the map.
 */
import { describe, expect, test } from 'vitest';
import {
  addedHotspotProblems,
  applyScenarioHotspots,
  readAddedHotspots,
} from '../../src/lib/data/addedHotspots.ts';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import type { Hotspot } from '../../src/lib/domain/schema.ts';
import { hotspotActiveAt } from '../../src/lib/domain/timeline.ts';
import {
  asHotspotRow,
  newHotspotId,
  parseScenarioRecord,
  withHotspot,
  withNamedGroup,
  withoutHotspot,
  type UserScenario,
} from '../../src/lib/domain/userScenario.ts';
import {
  candidateToHotspotRow,
  type HotspotCandidate,
} from '../../src/lib/import/suggestHotspots.ts';
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

const baseline = (id: string): Hotspot => ({
  id,
  group: 'M23',
  label: id,
  province_iso: 'CD-NK',
  lat: -1.5,
  lon: 29.2,
  radius_km: 20,
  from: { first: 0, last: 0, precision: 'day', text: '1970-01-01' },
  to: null,
  intensity: 3,
  intensity_basis: 'b',
  source: 's',
  confidence: 'high',
  notes: 'Baseline note.',
});

describe('what the loader would refuse', () => {
  test.each([
    {
      name: 'an empty group',
      hotspots: [row({ group: '' })],
      error:
        'scenarios.0.hotspots.0: scenario "Keep Bukavu": the added hotspot\'s column group ("") is empty; name the armed group or conflict',
    },
    {
      name: 'a province that is none',
      hotspots: [row(), row({ id: 'suggested-b', province_iso: 'CD-XX' })],
      error:
        /^scenarios\.0\.hotspots\.1: .*column province_iso \("CD-XX"\) is not the ISO 3166-2 code/,
    },
    {
      name: 'an intensity (never rated from events) that is not 1 to 3',
      hotspots: [row({ intensity: '4' })],
      error: /^scenarios\.0\.hotspots\.0: .*column intensity \("4"\)/,
    },
    {
      name: 'two rows with one id',
      hotspots: [row(), row()],
      error: /^scenarios\.0\.hotspots\.1: .*column id \("suggested-beni"\)/,
    },
    {
      name: 'a latitude off the globe',
      hotspots: [row({ lat: '91' })],
      error:
        'scenarios.0.hotspots.0: scenario "Keep Bukavu": the added hotspot\'s column lat ("91") is outside -90 to 90; give decimal degrees, e.g. -1.6741 (south is negative); leave lat and lon empty if unknown',
    },
  ])('$name', ({ hotspots, error }) => {
    const said = words(addedHotspotProblems({ ...v1, hotspots }, 'scenarios.0.'));
    expect(said).toHaveLength(1);
    if (typeof error === 'string') expect(said[0]).toBe(error);
    else expect(said[0]).toMatch(error);
  });

  test('nothing in a scenario that adds none, or whose rows pass', () => {
    expect(addedHotspotProblems(v1)).toEqual([]);
    expect(addedHotspotProblems(v2)).toEqual([]);
  });

  test('French words for the same problem', () => {
    const [p] = addedHotspotProblems({ ...v1, hotspots: [row({ group: '' })] });
    expect(say(p!, 'fr')).toBe(
      'hotspots.0\u00a0: scénario «\u00a0Keep Bukavu\u00a0»\u00a0: dans le point chaud ajouté, la colonne group («\u00a0\u00a0») est vide\u00a0; nommer le groupe armé ou le conflit',
    );
  });

  test('a line break in a cell does not shift the row a problem is said of', () => {
    const r = readAddedHotspots([
      row({ id: 'a', notes: 'one\ntwo\r\nthree' }),
      row({ id: 'b', label: '' }),
    ]);
    expect(r.records.map((h) => h.id)).toEqual(['a']);
    expect(r.records[0]!.notes).toBe('one\ntwo\r\nthree');
    expect(r.issues.map((i) => i.field)).toEqual(['label']);
    expect(r.rowOf).toEqual([1]);
  });
});

describe('applyScenarioHotspots', () => {
  const base = [baseline('adf-beni'), baseline('m23-rutshuru')];
  test.each([
    { name: 'the baseline', scenario: null },
    { name: 'a scenario of site changes only', scenario: v1 },
    {
      name: 'a scenario whose hotspots were all removed',
      scenario: withoutHotspot(v2, 'suggested-beni'),
    },
  ])('$name: the same array', ({ scenario }) => {
    expect(applyScenarioHotspots(base, scenario)).toBe(base);
  });

  test('adds the rows as the loader reads them, after the baseline, saying so in the notes', () => {
    const out = applyScenarioHotspots(base, v2);
    expect(out.slice(0, 2)).toEqual(base);
    expect(out[2]).toMatchObject({
      id: 'suggested-beni',
      group: 'ADF',
      lat: 0.49,
      lon: 29.47,
      radius_km: 12.3,
      intensity: null,
      confidence: 'low',
      notes: 'Scenario "Keep Bukavu": added hotspot.',
    });
    expect(applyScenarioHotspots(base, v2, 'fr')[2]!.notes).toBe(
      'Scénario «\u00a0Keep Bukavu\u00a0»\u00a0: point chaud ajouté.',
    );
    // Active from the first to the last event.
    expect(hotspotActiveAt(out[2]!, dayNumber(2024, 2, 1))).toBe(true);
    expect(hotspotActiveAt(out[2]!, dayNumber(2024, 4, 1))).toBe(false);
    expect(base).toHaveLength(2);
  });

  test('an added id the baseline now holds gets a suffix, so a selection finds one', () => {
    const out = applyScenarioHotspots(base, { ...v1, hotspots: [row({ id: 'adf-beni' })] });
    expect(out.map((h) => h.id)).toEqual(['adf-beni', 'm23-rutshuru', 'adf-beni-2']);
  });
});

describe('a suggested candidate, accepted, reaches the map', () => {
  const candidate: HotspotCandidate = {
    center: [30.2512345, 1.5598765],
    radiusKm: 18.26,
    coverage: 0.9,
    events: 100,
    fatalities: 85,
    unknownFatalities: 3,
    firstDay: dayNumber(2024, 2, 2),
    lastDay: dayNumber(2024, 4, 20),
    // A plurality only: the events name no group.
    topActors: [
      { actor: 1, name: 'CODECO', events: 40 },
      { actor: 4, name: 'Unidentified Armed Group', events: 35 },
    ],
    bins: Int32Array.of(7),
  };
  const ctx = {
    fileName: 'ituri 2024.csv',
    windowFirst: dayNumber(2024, 2, 1),
    windowLast: dayNumber(2024, 4, 30),
    id: newHotspotId('Bunia', ['suggested-bunia']),
    province: 'CD-IT',
  };

  test.each([
    { name: 'without the user’s words', label: '', group: '', fields: ['group', 'label'] },
    { name: 'without a label', label: '', group: 'CODECO', fields: ['label'] },
    { name: 'without a group', label: 'Around Bunia', group: '', fields: ['group'] },
    { name: 'with both', label: 'Around Bunia', group: 'CODECO', fields: [] },
  ])('$name: the loader asks for $fields', ({ label, group, fields }) => {
    const r = withNamedGroup(
      asHotspotRow(candidateToHotspotRow(candidate, { ...ctx, label })),
      group,
    );
    expect(readAddedHotspots([r]).issues.map((i) => i.field)).toEqual(fields);
  });

  test('stored, read back and applied: the hotspot the row says, marked as derived', () => {
    const r = withNamedGroup(
      asHotspotRow(candidateToHotspotRow(candidate, { ...ctx, label: 'Around Bunia' })),
      'CODECO',
    );
    expect(readAddedHotspots([r]).issues).toEqual([]);
    const stored = JSON.parse(JSON.stringify(withHotspot(v1, r))) as unknown;
    const back = parseScenarioRecord('s1', stored);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const [h] = applyScenarioHotspots([], back.scenario);
    expect(h).toMatchObject({
      id: 'suggested-bunia-2',
      group: 'CODECO',
      label: 'Around Bunia',
      province_iso: 'CD-IT',
      lat: 1.55988,
      lon: 30.25123,
      radius_km: 18.3,
      intensity: null,
      confidence: 'low',
    });
    expect(h!.source).toBe(
      'Suggested from the imported file ituri 2024.csv, window 2024-02-01 to 2024-04-30',
    );
    expect(h!.from.text).toBe('2024-02-02');
    expect(h!.to?.text).toBe('2024-04-20');
    expect(h!.intensity_basis).toMatch(/^Not rated: 100 events with 85 fatalities, 3 without/);
    expect(h!.notes).toMatch(/Group named by the user/);
  });
});
