/**
 * WCAG AA contrast for the text axe-core cannot see: the map's labels, drawn on the canvas.
 * Each label has a halo at least a pixel wide, so the halo is the colour right behind it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { AA_TEXT, contrastRatio } from '../../src/lib/domain/contrast.ts';
import { baseStyle } from '../../src/lib/map/style.ts';
import {
  decodeContext,
  decodeProvinceBorders,
  decodeProvinces,
  type Boundaries,
} from '../../src/lib/data/boundaries.ts';

describe('contrastRatio', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#fff', '#000', 21],
  ])('%s on %s is %d:1', (a, b, want) => expect(contrastRatio(a, b)).toBeCloseTo(want, 1));
  test('a malformed colour is refused, not read as black', () => {
    expect(() => contrastRatio('rgb(0,0,0)', '#fff')).toThrow(/#rrggbb/);
  });
});

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Topology;
const boundaries: Boundaries = {
  provinces: decodeProvinces(read('data/boundaries/provinces.topo.json'), 'p'),
  provinceBorders: decodeProvinceBorders(read('data/boundaries/provinces.topo.json'), 'p'),
  ...decodeContext(read('data/boundaries/context.topo.json'), 'c'),
  attribution: [],
};

describe('map labels', () => {
  const labels = baseStyle(boundaries).layers.filter(
    (l) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined,
  );
  test('there are labels to check (names of provinces, neighbours, lakes, sites)', () => {
    expect(labels.length).toBeGreaterThanOrEqual(4);
  });
  test.each(labels.map((l) => [l.id, l] as const))(
    '%s: text on its halo at least 4.5:1, the halo at least 1 px',
    (_, layer) => {
      const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
      const text = paint['text-color'];
      const halo = paint['text-halo-color'];
      expect(typeof text).toBe('string');
      expect(typeof halo).toBe('string');
      expect(Number(paint['text-halo-width'])).toBeGreaterThanOrEqual(1);
      expect(contrastRatio(text as string, halo as string)).toBeGreaterThanOrEqual(AA_TEXT);
    },
  );
});
