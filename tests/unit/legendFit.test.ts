import { describe, expect, test } from 'vitest';
import { keysToFold, type KeySize } from '../../src/lib/ui/legendFit.ts';
import { LAYERS, type LayerEntry } from '../../src/lib/map/layerRegistry.ts';

// Sizes like the default data's: 735 px of legend with every key open.
const KEYS: KeySize[] = [
  { id: 'phases', open: 95, folded: 41 },
  { id: 'hotspots', open: 170, folded: 20 },
  { id: 'sites', open: 200, folded: 20 },
  { id: 'ghosts', open: 110, folded: 20 },
];
const ORDER = ['ghosts', 'hotspots', 'phases', 'sites'];
const FIXED = 160;
const none = new Map<string, boolean>();

describe('keysToFold: as few keys folded as make the legend fit, least needed first', () => {
  test.each([
    { what: 'a tall screen folds none', room: 900, chosen: none, expected: [] },
    { what: 'exactly enough room folds none', room: 735, chosen: none, expected: [] },
    { what: 'a little short folds the first', room: 700, chosen: none, expected: ['ghosts'] },
    { what: '1280 × 800', room: 500, chosen: none, expected: ['ghosts', 'hotspots'] },
    {
      what: 'shorter still folds the next',
      room: 450,
      chosen: none,
      expected: ['ghosts', 'hotspots', 'phases'],
    },
    {
      what: 'a small key folded before a big one opens again if that leaves room',
      room: 420,
      chosen: none,
      expected: ['hotspots', 'sites'],
    },
    {
      what: 'too short even folded: all fold, and the legend scrolls',
      room: 100,
      chosen: none,
      expected: ['ghosts', 'hotspots', 'phases', 'sites'],
    },
    {
      what: 'a key the user opened stays open: the next folds instead',
      room: 600,
      chosen: new Map([['ghosts', true]]),
      expected: ['hotspots'],
    },
    {
      what: 'a key the user folded stays folded, and counts as folded',
      room: 700,
      chosen: new Map([['sites', false]]),
      expected: ['sites'],
    },
    {
      what: 'a key the user folded stays folded on a tall screen',
      room: 900,
      chosen: new Map([['hotspots', false]]),
      expected: ['hotspots'],
    },
  ])('$what', ({ room, chosen, expected }) => {
    const folded = keysToFold({ room, fixed: FIXED, keys: KEYS, order: ORDER, chosen });
    expect([...folded].sort()).toEqual([...expected].sort());
  });

  test('a hidden layer (no key) and a key that folding would not shrink are skipped', () => {
    const keys = [
      { id: 'sites', open: 200, folded: 20 },
      { id: 'ghosts', open: 20, folded: 20 },
    ];
    const folded = keysToFold({ room: 300, fixed: 160, keys, order: ORDER, chosen: none });
    expect([...folded]).toEqual(['sites']);
  });
});

describe('with imported events, the legend still fits: their key folds early', () => {
  // The order the layer panel folds in: the registry's `fold`, lowest first.
  const REGISTRY_ORDER = (LAYERS as readonly LayerEntry[])
    .flatMap((l) => (l.key ? [[l.id, l.key.fold] as const] : []))
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
  // ACLED's six types and the size note: about as tall as the sites' key.
  const WITH_IMPORTED: KeySize[] = [...KEYS, { id: 'imported', open: 175, folded: 20 }];
  const total = (folded: Set<string>) =>
    FIXED + WITH_IMPORTED.reduce((s, k) => s + (folded.has(k.id) ? k.folded : k.open), 0);

  test('the registry folds it after closed sites and hotspots, before the phases', () => {
    expect(REGISTRY_ORDER).toEqual([
      'ghosts',
      'hotspots',
      'imported',
      'phases',
      'sites',
      'coverage',
      'control',
    ]);
  });

  test.each([
    { what: 'a tall screen folds none', room: 1000, expected: [] },
    { what: 'a little short folds closed sites', room: 850, expected: ['ghosts'] },
    {
      what: '1280 × 800: the imported key folds to its colours, the sites stay open',
      room: 500,
      expected: ['ghosts', 'hotspots', 'imported', 'phases'],
    },
  ])('$what', ({ room, expected }) => {
    const folded = keysToFold({
      room,
      fixed: FIXED,
      keys: WITH_IMPORTED,
      order: REGISTRY_ORDER,
      chosen: none,
    });
    expect([...folded].sort()).toEqual([...expected].sort());
    expect(total(folded)).toBeLessThanOrEqual(room);
  });
});
