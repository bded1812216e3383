import { describe, expect, test } from 'vitest';
import { kindsIn, legendRows } from '../../src/lib/export/legend.ts';
import type { IconMapping } from '../../src/lib/map/symbols.ts';

const MAPPING: IconMapping = Object.fromEntries(
  ['cob', 'tob', 'ghost-closed', 'closing'].map((id, i) => [
    id,
    { x: i * 64, y: 0, width: 64, height: 64, anchorY: 32, mask: false },
  ]),
);
const headings = (layers: string[], comparing = false) =>
  legendRows((id) => layers.includes(id), 'What happened', ['cob', 'tob'], MAPPING, comparing)
    .filter((r) => r.kind === 'heading')
    .map((r) => r.text);

describe('legendRows: the export and presentation legend shows exactly the visible layers', () => {
  test.each([
    { layers: [], comparing: false, expected: [] },
    {
      layers: ['phases', 'hotspots', 'sites', 'ghosts', 'labels'],
      comparing: false,
      expected: [
        'Province phase (What happened)',
        'Sites open at the date',
        'Closed sites',
        'Armed-group hotspots',
      ],
    },
    { layers: ['sites'], comparing: false, expected: ['Sites open at the date'] },
    {
      layers: ['coverage'],
      comparing: true,
      expected: ['Reach (assumed radii)', 'Scenario against baseline'],
    },
  ])('$layers (comparing: $comparing)', ({ layers, comparing, expected }) => {
    expect(headings(layers, comparing)).toEqual(expected);
  });

  test('sites list the kinds in the data, each with its own symbol', () => {
    const rows = legendRows((id) => id === 'sites', '', ['cob', 'tob'], MAPPING, false);
    expect(rows.slice(1)).toEqual([
      { kind: 'item', text: 'Company operating base (COB)', swatch: { type: 'icon', x: 0 } },
      { kind: 'item', text: 'Temporary operating base (TOB)', swatch: { type: 'icon', x: 64 } },
    ]);
  });

  test('closed sites include the mark a site shows in the month it closes', () => {
    const rows = legendRows((id) => id === 'ghosts', '', [], MAPPING, false);
    expect(rows.at(-1)).toEqual({
      kind: 'item',
      text: 'Closing this month',
      swatch: { type: 'icon', x: 192 },
    });
  });
});

describe('kindsIn: the kinds among the sites, in the legend order, each once', () => {
  test.each([
    { sites: [], expected: [] },
    { sites: ['tob', 'cob', 'tob'], expected: ['cob', 'tob'] },
    { sites: ['police', 'mission_hq'], expected: ['mission_hq', 'police'] },
  ])('$sites', ({ sites, expected }) => {
    expect(kindsIn(sites.map((kind) => ({ kind }) as { kind: never }))).toEqual(expected);
  });
});
