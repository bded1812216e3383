import { describe, expect, test } from 'vitest';
import {
  legendColumns,
  legendOf,
  openSites,
  textOf,
  troopKey,
  TROOP_KEY_STEPS,
} from '../../src/lib/export/legend.ts';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { MAX_SYMBOL_PX, symbolSize } from '../../src/lib/map/layers/prepare.ts';
import {
  importedKeyContext,
  INITIAL_LAYERS,
  kindsIn,
  LAYERS,
  layerKeys,
  layersOffered,
  type ImportedKeyContext,
  type ImportedView,
  type LayerId,
} from '../../src/lib/map/layerRegistry.ts';
import type { IconMapping } from '../../src/lib/map/symbols.ts';
import { CLOSURE_STYLE, KIND_STYLE } from '../../src/lib/map/theme.ts';
import { CLOSURES, type Plan } from '../../src/lib/domain/schema.ts';
import {
  frameLayout,
  legendSize,
  PRESETS,
  presetSize,
  type LegendRow,
} from '../../src/lib/domain/frame.ts';
import { ACTOR_FAMILIES, type ActorFamily } from '../../src/lib/import/types.ts';
import { familyName, typeName } from '../../src/lib/ui/import/eventWords.ts';

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

  test('closed sites: every closure has a row and a ghost drawn its own way', () => {
    const [k] = layerKeys((id) => id === 'ghosts', { plan: 'actual', kinds: [] }, false);
    expect(k!.rows.map((r) => r.id)).toEqual([...CLOSURES, 'closing']);
    expect(k!.rows.find((r) => r.id === 'last_seen')!.text).toBe(
      'No longer seen (closing unknown)',
    );
    // Colour and line together tell each ending apart (lost also has its cross).
    const looks = CLOSURES.map((c) => `${CLOSURE_STYLE[c].color.join()} ${CLOSURE_STYLE[c].ring}`);
    expect(new Set(looks).size).toBe(CLOSURES.length);
    expect(CLOSURE_STYLE.last_seen.ring).toBe('dotted');
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
    const imported = context(view3m([dataset(['Battles'], ['state'])]));
    const keys = layerKeys(all, { plan: 'actual', kinds: ['cob'], imported }, false);
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

// Imported events: small datasets as the import leaves them (eventColumns.ts), and the state's
// display settings (importState.svelte.ts).
const WORDS = { type: typeName, family: familyName };
const fam = (f: ActorFamily) => ACTOR_FAMILIES.indexOf(f);
function dataset(types: string[], families: ActorFamily[], visible = true) {
  const n = Math.max(types.length, families.length);
  return {
    visible,
    columns: {
      n,
      eventTypes: types,
      family: Uint8Array.from({ length: n }, (_, i) => fam(families[i % families.length]!)),
    },
  };
}
const view3m = (
  datasets: ImportedView['datasets'],
  more: Partial<ImportedView> = {},
): ImportedView => ({
  datasets,
  mode: 'points',
  colourBy: 'type',
  hexBy: 'count',
  window: '3m',
  hiddenTypes: new Set(),
  hiddenFamilies: new Set(),
  ...more,
});
const context = (v: ImportedView): ImportedKeyContext => importedKeyContext(v, WORDS)!;
const importedKey = (v: ImportedView) =>
  layerKeys((id) => id === 'imported', { plan: 'actual', kinds: [], imported: context(v) }, false);
const ACLED = ['Protests', 'Battles', 'Riots', 'Violence against civilians'];

describe('the imported events key: what is drawn, as it is drawn', () => {
  test.each([
    {
      name: 'points by type: ACLED types in the palette order, each its colour',
      view: view3m([dataset(ACLED, ['state'])]),
      title: 'Events by type (3 months to the date)',
      rows: [
        ['Battles', 'dot', 'rgba(238,102,119,0.7843137254901961)'],
        ['Violence against civilians', 'dot', 'rgba(170,51,119,0.7843137254901961)'],
        ['Riots', 'dot', 'rgba(34,136,51,0.7843137254901961)'],
        ['Protests', 'dot', 'rgba(102,204,238,0.7843137254901961)'],
      ],
      note: 'A dot’s area grows with its fatalities',
    },
    {
      name: 'points by type: UCDP’s kinds of violence share ACLED’s colours for the same meaning',
      view: view3m([dataset(['One-sided violence', 'State-based violence'], ['state'])]),
      title: 'Events by type (3 months to the date)',
      rows: [
        ['State-based violence', 'dot', 'rgba(238,102,119,0.7843137254901961)'],
        ['One-sided violence', 'dot', 'rgba(170,51,119,0.7843137254901961)'],
      ],
      note: 'A dot’s area grows with its fatalities',
    },
    {
      name: 'points by type: a table’s own words share one grey row',
      view: view3m([dataset(['Battles', 'ambush', 'raid', ''], ['unknown'])]),
      title: 'Events by type (3 months to the date)',
      rows: [
        ['Battles', 'dot', 'rgba(238,102,119,0.7843137254901961)'],
        ['Other event types', 'dot', 'rgba(187,187,187,0.7843137254901961)'],
      ],
      note: 'A dot’s area grows with its fatalities',
    },
    {
      name: 'points by type: a single word of the table’s own is named',
      view: view3m([dataset(['ambush'], ['unknown'])], { window: 'all' }),
      title: 'Events by type (all up to the date)',
      rows: [['ambush', 'dot', 'rgba(187,187,187,0.7843137254901961)']],
      note: 'A dot’s area grows with its fatalities',
    },
    {
      name: 'points by family: the families present, in the families’ order',
      view: view3m([dataset(ACLED, ['rebel', 'state', 'rebel'])], {
        colourBy: 'family',
        window: '1m',
      }),
      title: 'Events by first actor (1 month to the date)',
      rows: [
        ['State forces', 'dot', 'rgba(51,34,136,0.7843137254901961)'],
        ['Rebel groups', 'dot', 'rgba(204,102,119,0.7843137254901961)'],
      ],
      note: 'A dot’s area grows with its fatalities',
    },
    {
      name: 'hexagons by count: the fixed classes, each its colour',
      view: view3m([dataset(ACLED, ['state'])], { mode: 'hexagons', window: '12m' }),
      title: 'Events per 25 km hexagon (12 months to the date)',
      rows: [
        ['1–2', 'hex', 'rgba(254,227,145,0.803921568627451)'],
        ['3–9', 'hex', 'rgba(254,196,79,0.803921568627451)'],
        ['10–29', 'hex', 'rgba(251,154,41,0.803921568627451)'],
        ['30–99', 'hex', 'rgba(236,112,20,0.803921568627451)'],
        ['100–299', 'hex', 'rgba(204,76,2,0.803921568627451)'],
        ['300–999', 'hex', 'rgba(153,52,4,0.803921568627451)'],
        ['1,000 or more', 'hex', 'rgba(102,37,6,0.803921568627451)'],
      ],
      note: 'The shown datasets are counted together: an event in two of them counts twice',
    },
  ])('$name', ({ view, title, rows, note }) => {
    const [key, ...others] = importedKey(view);
    expect(others).toEqual([]);
    expect(key!.title).toBe(title);
    expect(
      key!.rows.map((r) => [r.text, r.swatch.type, 'fill' in r.swatch && r.swatch.fill]),
    ).toEqual(rows);
    expect(key!.note).toBe(note);
  });

  test('hexagons by fatalities say so; colouring by type does not apply to them', () => {
    const [key] = importedKey(
      view3m([dataset(ACLED, ['state'])], {
        mode: 'hexagons',
        hexBy: 'fatalities',
        colourBy: 'family',
      }),
    );
    expect(key!.title).toBe('Fatalities per 25 km hexagon (3 months to the date)');
    expect(key!.rows.map((r) => r.id)).toEqual([
      'hex:0',
      'hex:1',
      'hex:2',
      'hex:3',
      'hex:4',
      'hex:5',
      'hex:6',
    ]);
  });

  test.each([
    {
      name: 'types of every shown dataset, each once; a hidden dataset’s are left out',
      view: view3m([
        dataset(['Battles', 'Riots'], ['state']),
        dataset(['Riots', 'Protests'], ['rioters']),
        dataset(['Strategic developments'], ['external'], false),
      ]),
      types: ['Battles', 'Riots', 'Protests'],
      families: ['state', 'rioters'],
    },
    {
      name: 'types and families the filters hide are left out',
      view: view3m([dataset(ACLED, ['state', 'rebel', 'civilians'])], {
        hiddenTypes: new Set(['Riots']),
        hiddenFamilies: new Set(['rebel']),
      }),
      types: ['Protests', 'Battles', 'Violence against civilians'],
      families: ['state', 'civilians'],
    },
    {
      name: 'every dataset hidden: nothing to key',
      view: view3m([dataset(ACLED, ['state'], false)]),
      types: [],
      families: [],
    },
  ])('importedKeyContext: $name', ({ view, types, families }) => {
    const c = context(view);
    expect(c.types).toEqual(types);
    expect(c.families).toEqual(families);
  });

  test('no dataset: the layer has neither toggle nor key, as the control layer at an empty date', () => {
    expect(importedKeyContext(view3m([]), WORDS)).toBeUndefined();
    const c = { plan: 'actual' as const, kinds: [] };
    expect(layersOffered(c).map((l) => l.id)).not.toContain('imported');
    expect(layerKeys(() => true, c, false).map((k) => k.layer)).not.toContain('imported');
    expect(legendOf(view(['imported']), [], false, MAPPING)).toEqual([]);
  });

  test('datasets: the toggle is offered, on at a first visit, and the key follows it', () => {
    const imported = context(view3m([dataset(['Battles'], ['state'])]));
    expect(layersOffered({ plan: 'actual', kinds: [], imported }).map((l) => l.id)).toContain(
      'imported',
    );
    expect(INITIAL_LAYERS).toContain('imported');
    const c = { plan: 'actual' as const, kinds: [], imported };
    expect(layerKeys((id) => id !== 'imported', c, false).map((k) => k.layer)).not.toContain(
      'imported',
    );
  });

  test('every shown dataset hidden or filtered out: the toggle stays, the key goes', () => {
    for (const v of [
      view3m([dataset(ACLED, ['state'], false)]),
      view3m([dataset(['Battles'], ['state'])], { hiddenTypes: new Set(['Battles']) }),
      view3m([dataset(ACLED, ['state'], false)], { mode: 'hexagons' }),
      view3m([dataset(ACLED, ['state'])], { mode: 'hexagons', hiddenFamilies: new Set(['state']) }),
      view3m([dataset(ACLED, ['rebel'])], { hiddenFamilies: new Set(['rebel']) }),
    ]) {
      const c = { plan: 'actual' as const, kinds: [], imported: context(v) };
      expect(layersOffered(c).map((l) => l.id)).toContain('imported');
      expect(layerKeys(() => true, c, false).map((k) => k.layer)).not.toContain('imported');
    }
  });

  test('the export legend shows the imported key, hexagon swatches as they are', () => {
    const imported = context(view3m([dataset(ACLED, ['state'])], { mode: 'hexagons' }));
    const rows = legendOf(view(['imported']), [], false, MAPPING, [], imported);
    expect(rows[0]).toEqual({
      kind: 'heading',
      text: 'Events per 25 km hexagon (3 months to the date)',
    });
    expect(rows[1]).toEqual({
      kind: 'item',
      text: '1–2',
      swatch: { type: 'hex', fill: 'rgba(254,227,145,0.803921568627451)' },
    });
    expect(rows).toHaveLength(8);
  });
});

describe('legendColumns: a tall legend in columns, keys kept whole where they fit', () => {
  const key = (name: string, items: number): LegendRow[] => [
    { kind: 'heading', text: name },
    ...Array.from({ length: items }, (_, i) => ({ kind: 'item' as const, text: `${name}${i}` })),
  ];
  const shape = (cols: LegendRow[][]) =>
    cols.map((c) => c.map((r) => (r.kind === 'heading' ? r.text.toUpperCase() : r.text)).join(' '));
  test.each([
    { name: 'no rows, no column', rows: [], max: 10, expected: [] },
    {
      name: 'fits: one column',
      rows: [...key('a', 2), ...key('b', 3)],
      max: 10,
      expected: ['A a0 a1 B b0 b1 b2'],
    },
    {
      name: 'a key that does not fit the rest of a column starts the next',
      rows: [...key('a', 2), ...key('b', 3)],
      max: 5,
      expected: ['A a0 a1', 'B b0 b1 b2'],
    },
    {
      name: 'a key longer than a column is split, filling the column it starts in',
      rows: [...key('a', 1), ...key('b', 6)],
      max: 5,
      expected: ['A a0 B b0 b1', 'b2 b3 b4 b5'],
    },
    {
      name: 'a long key never leaves its heading alone at a column’s foot',
      rows: [...key('a', 3), ...key('b', 6)],
      max: 5,
      expected: ['A a0 a1 a2', 'B b0 b1 b2 b3', 'b4 b5'],
    },
  ])('$name', ({ rows, max, expected }) => {
    expect(shape(legendColumns(rows, max))).toEqual(expected);
  });

  test('every row is kept, once, in order', () => {
    const rows = [...key('a', 7), ...key('b', 2), ...key('c', 11), ...key('d', 1)];
    for (const max of [2, 3, 5, 8, 13, 40]) {
      const cols = legendColumns(rows, max);
      expect(cols.flat()).toEqual(rows);
      for (const c of cols) expect(c.length).toBeLessThanOrEqual(Math.max(2, max));
    }
  });

  // The default layers, every site kind, held towns and ACLED's six types: taller than the
  // map of a 1920 × 1080 export in one column (39 rows against 33).
  const tallest = legendOf(
    { visible: (id) => INITIAL_LAYERS.includes(id), plan: 'actual' },
    (Object.keys(KIND_STYLE) as (keyof typeof KIND_STYLE)[]).map((kind) => ({ kind })),
    true,
    MAPPING,
    ['M23/AFC', 'ADF'],
    context(
      view3m([
        dataset(
          [
            'Battles',
            'Violence against civilians',
            'Explosions/Remote violence',
            'Riots',
            'Protests',
            'Strategic developments',
          ],
          ['state'],
        ),
      ]),
    ),
  );
  test('in one column it would not fit a 1920 × 1080 export: it takes two', () => {
    const f = frameLayout(1920, 1080, true);
    const { rowH, h: pad } = legendSize([], f.font.legend);
    expect(legendSize(tallest, f.font.legend).h).toBeGreaterThan(f.map.h - 2 * f.margin);
    expect(legendColumns(tallest, (f.map.h - 2 * f.margin - pad) / rowH)).toHaveLength(2);
  });

  test.each(PRESETS.map((preset) => ({ preset })))(
    'the export legend fits the map of a $preset export of a 1280 × 640 view',
    ({ preset }) => {
      const size = presetSize(preset, 1280, 640);
      const f = frameLayout(size.width, size.height, true);
      const font = f.font.legend;
      const { rowH, h: pad } = legendSize([], font);
      const cols = legendColumns(tallest, (f.map.h - 2 * f.margin - pad) / rowH);
      expect(cols.flat()).toHaveLength(tallest.length);
      for (const c of cols)
        expect(legendSize(c, font).h).toBeLessThanOrEqual(f.map.h - 2 * f.margin);
      const width = cols.reduce((w, c) => w + legendSize(c, font).w, 0);
      expect(width).toBeLessThan(f.map.w * 0.6);
    },
  );
});

describe('troopKey', () => {
  test.each([
    { locale: 'en' as const, rows: ['150 troops', '1,000 troops', '2,900 troops or more'] },
    {
      locale: 'fr' as const,
      rows: ['150 militaires', '1\u202f000 militaires', '2\u202f900 militaires ou plus'],
    },
  ])('$locale: a heading, the steps, and the smallest size for no figure', ({ locale, rows }) => {
    const key = troopKey(locale);
    expect(key[0]!.kind).toBe('heading');
    const items = key.slice(1);
    expect(items.slice(0, 3).map((r) => r.text.replace(/\u00a0/g, '\u202f'))).toEqual(rows);
    expect(items).toHaveLength(TROOP_KEY_STEPS.length + 1);
  });

  test('each circle is its symbol’s share of the largest, growing with troops', () => {
    const shares = troopKey('en')
      .slice(1)
      .map((r) => (r.swatch?.type === 'size' ? r.swatch.share : NaN));
    expect(shares.slice(0, 3)).toEqual(TROOP_KEY_STEPS.map((t) => symbolSize(t) / MAX_SYMBOL_PX));
    expect(shares[2]).toBe(1);
    expect(shares[0]!).toBeLessThan(shares[1]!);
    expect(shares[3]!).toBeLessThan(shares[0]!);
  });

  test('legendOf puts it after the sites key, only when asked', () => {
    const rows = legendOf(view(['sites', 'ghosts']), SITES, false, MAPPING, [], undefined, {
      locale: 'en',
    });
    const texts = rows.map((r) => r.text);
    const at = texts.indexOf(troopKey('en')[0]!.text);
    expect(at).toBe(texts.indexOf(textOf(KIND_STYLE.tob.label)) + 1);
    expect(legendOf(view(['sites']), SITES, false, MAPPING).map((r) => r.text)).not.toContain(
      troopKey('en')[0]!.text,
    );
    // No sites layer, no size key.
    const none = legendOf(view(['ghosts']), SITES, false, MAPPING, [], undefined, { locale: 'en' });
    expect(none.map((r) => r.text)).not.toContain(troopKey('en')[0]!.text);
  });
});

describe('openSites', () => {
  const d = (y: number, mo: number, day = 1) => dayNumber(y, mo, day);
  const at = (day: number) => ({ text: '', precision: 'day' as const, first: day, last: day });
  const span = (a: number | null, b: number | null) => ({
    opened: a === null ? null : at(a),
    closed: b === null ? null : at(b),
  });
  const SPANS = [
    { kind: 'cob' as const, ...span(d(2010, 1), d(2020, 6)) },
    { kind: 'tob' as const, ...span(d(2019, 1), null) },
    { kind: 'cob' as const, ...span(null, d(2018, 1)) },
  ];
  test.each([
    { day: d(2019, 6), expected: ['cob', 'tob'] },
    { day: d(2022, 1), expected: ['tob'] },
    { day: d(2017, 1), expected: ['cob'] },
  ])('kinds open on day $day: $expected', ({ day, expected }) => {
    expect(kindsIn(openSites(SPANS, day))).toEqual(expected);
  });
});
