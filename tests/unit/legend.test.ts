import { describe, expect, test } from 'vitest';
import { legendOf, textOf } from '../../src/lib/export/legend.ts';
import { kindsIn, LAYERS, layerKeys, type LayerId } from '../../src/lib/map/layerRegistry.ts';
import type { IconMapping } from '../../src/lib/map/symbols.ts';
import type { Plan } from '../../src/lib/domain/schema.ts';

const MAPPING: IconMapping = Object.fromEntries(
  ['cob', 'tob', 'ghost-closed', 'closing'].map((id, i) => [
    id,
    { x: i * 64, y: 0, width: 64, height: 64, anchorY: 32, mask: false },
  ]),
);
const view = (layers: string[], plan: Plan = 'actual') => ({
  visible: (id: LayerId) => layers.includes(id),
  plan,
});
const SITES = [{ kind: 'cob' as const }, { kind: 'tob' as const }];
const headings = (layers: string[], comparing = false) =>
  legendOf(view(layers), SITES, comparing, MAPPING)
    .filter((r) => r.kind === 'heading')
    .map((r) => r.text);

describe('legendOf: the export and presentation legend shows exactly the visible layers', () => {
  test.each([
    { layers: [], comparing: false, expected: [] },
    {
      layers: ['phases', 'hotspots', 'sites', 'ghosts', 'labels'],
      comparing: false,
      expected: [
        'Province phase (What happened)',
        'Armed-group hotspots',
        'Sites open at the date',
        'Closed sites',
      ],
    },
    { layers: ['sites'], comparing: false, expected: ['Sites open at the date'] },
    { layers: ['labels'], comparing: false, expected: [] },
    {
      layers: ['coverage'],
      comparing: true,
      expected: ['Reach (assumed radii)', 'Scenario against baseline'],
    },
    { layers: [], comparing: true, expected: ['Scenario against baseline'] },
  ])('$layers (comparing: $comparing)', ({ layers, comparing, expected }) => {
    expect(headings(layers, comparing)).toEqual(expected);
  });

  test('sites list the kinds in the data, each with its own symbol from the atlas', () => {
    const rows = legendOf(view(['sites']), SITES, false, MAPPING);
    expect(rows.slice(1)).toEqual([
      { kind: 'item', text: 'Company operating base (COB)', swatch: { type: 'icon', x: 0 } },
      { kind: 'item', text: 'Temporary operating base (TOB)', swatch: { type: 'icon', x: 64 } },
    ]);
  });

  test('closed sites include the mark a site shows in the month it closes', () => {
    const rows = legendOf(view(['ghosts']), [], false, MAPPING);
    expect(rows.at(-1)).toEqual({
      kind: 'item',
      text: 'Closing this month',
      swatch: { type: 'icon', x: 192 },
    });
  });

  test('the phases heading names the plan shown', () => {
    expect(headings(['phases']).length).toBe(1);
    expect(legendOf(view(['phases'], 'joint_strategy_2020'), [], false, MAPPING)[0]!.text).toBe(
      'Province phase (2020 joint strategy)',
    );
  });
});

describe('the layer registry', () => {
  test('ids are unique, URL-safe words', () => {
    const ids = LAYERS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('labels are unique (they name the toggles)', () => {
    const labels = LAYERS.map((l) => l.label());
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('keys fold in a strict order, each key its own rank', () => {
    const folds = LAYERS.flatMap((l) => ('key' in l ? [l.key.fold] : []));
    expect(new Set(folds).size).toBe(folds.length);
  });

  test('every visible keyed layer has exactly one key, in the registry order', () => {
    const all = (id: LayerId) => Boolean(id);
    const keys = layerKeys(all, { plan: 'actual', kinds: ['cob'] }, false);
    expect(keys.map((k) => k.layer)).toEqual(LAYERS.filter((l) => 'key' in l).map((l) => l.id));
    for (const k of keys) expect(k.rows.length).toBeGreaterThan(0);
  });

  test('the sites key counts by kind: its rows are keyed by the kind ids', () => {
    const [k] = layerKeys(
      (id) => id === 'sites',
      { plan: 'actual', kinds: ['cob', 'police'] },
      false,
    );
    expect(k!.rows.map((r) => r.id)).toEqual(['cob', 'police']);
  });
});

describe('kindsIn: the kinds among the sites, in the registry order, each once', () => {
  test.each([
    { sites: [], expected: [] },
    { sites: ['tob', 'cob', 'tob'], expected: ['cob', 'tob'] },
    { sites: ['police', 'mission_hq'], expected: ['mission_hq', 'police'] },
  ])('$sites', ({ sites, expected }) => {
    expect(kindsIn(sites.map((kind) => ({ kind }) as { kind: never }))).toEqual(expected);
  });
});

test('a registry label is read as text, or called if it is a message', () => {
  expect(textOf('Sites open at the date')).toBe('Sites open at the date');
  expect(textOf(() => 'Sites ouverts à la date')).toBe('Sites ouverts à la date');
});

describe('the control key', () => {
  const rows = (groups?: string[]) =>
    layerKeys(
      (id) => id === 'control',
      { plan: 'actual', kinds: [], ...(groups ? { groups } : {}) },
      false,
    )[0]!.rows.map((r) => [r.text, r.swatch]);
  test.each([
    {
      groups: ['M23/AFC'],
      expected: [
        ['Held town (M23/AFC)', { type: 'icon', icon: 'held' }],
        ['Held area, approximate', { type: 'icon', icon: 'held-area' }],
      ],
    },
    {
      groups: undefined,
      expected: [
        ['Town held by an armed group', { type: 'icon', icon: 'held' }],
        ['Held area, approximate', { type: 'icon', icon: 'held-area' }],
      ],
    },
  ])('groups $groups', ({ groups, expected }) => {
    expect(rows(groups)).toEqual(expected);
  });

  test('nothing held at the date: no control key, the other keys as before', () => {
    const keys = layerKeys(
      (id) => id === 'control' || id === 'hotspots',
      { plan: 'actual', kinds: [], groups: [] },
      false,
    );
    expect(keys.map((k) => k.layer)).toEqual(['hotspots']);
    expect(legendOf(view(['control']), [], false, MAPPING, [])).toEqual([]);
  });

  test('the export legend names the groups it is given, its icons found in the atlas', () => {
    const mapping: IconMapping = {
      ...MAPPING,
      held: { x: 256, y: 0, width: 64, height: 64, anchorY: 58, mask: false },
      'held-area': { x: 320, y: 0, width: 64, height: 64, anchorY: 32, mask: false },
    };
    expect(legendOf(view(['control']), [], false, mapping, ['M23/AFC'])).toEqual([
      { kind: 'heading', text: 'Armed-group control' },
      { kind: 'item', text: 'Held town (M23/AFC)', swatch: { type: 'icon', x: 256 } },
      { kind: 'item', text: 'Held area, approximate', swatch: { type: 'icon', x: 320 } },
    ]);
  });
});
