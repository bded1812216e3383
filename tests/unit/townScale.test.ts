/** The towns' names and dots while presenting: grown with the screen as the sites' are. */
import { describe, expect, test } from 'vitest';
import { screenScale } from '../../src/lib/domain/screenScale.ts';
import { TOWN_NAME_PX, townDotSize, townLayers, townTextSize } from '../../src/lib/map/towns.ts';

/** An interpolation's [zoom, value] stops. */
const stops = (expr: unknown[]) => {
  const flat = expr.slice(3) as number[];
  return flat.flatMap((v, i) => (i % 2 ? [] : [[v, flat[i + 1]!] as const]));
};

describe('screenScale from the towns’ own size', () => {
  test.each([
    { name: 'not presenting at 1920', width: 1920, presenting: false, expected: 1 },
    { name: 'presenting at 1024 (never smaller)', width: 1024, presenting: true, expected: 1 },
    { name: 'presenting at 1280', width: 1280, presenting: true, expected: 1.233 },
    { name: 'presenting at 1920', width: 1920, presenting: true, expected: 1.85 },
    { name: 'presenting at 3840 (capped)', width: 3840, presenting: true, expected: 2.5 },
  ])('$name', ({ width, presenting, expected }) => {
    expect(screenScale(width, presenting, TOWN_NAME_PX)).toBeCloseTo(expected, 3);
  });
  test('a 1920-px projector shows the largest towns, at the whole-country zoom, at 18 px or more', () => {
    const [[, px]] = stops(townTextSize(screenScale(1920, true, TOWN_NAME_PX))) as [
      [number, number],
    ];
    expect(px).toBeGreaterThanOrEqual(18);
  });
});

describe('townTextSize and townDotSize', () => {
  test.each([1, 1.5, 2.5])('at a scale of %s every stop grows by it', (scale) => {
    for (const [make, base] of [
      [townTextSize, townTextSize()],
      [townDotSize, townDotSize()],
    ] as const) {
      const grown = stops(make(scale));
      expect(grown.map(([z]) => z)).toEqual(stops(base).map(([z]) => z));
      grown.forEach(([, v], i) => expect(v).toBeCloseTo(stops(base)[i]![1] * scale, 6));
    }
  });
  test('the layers start at a scale of 1', () => {
    const [names, dots] = townLayers() as unknown as [
      { layout: Record<string, unknown> },
      { layout: Record<string, unknown> },
    ];
    expect(names.layout['text-size']).toEqual(townTextSize());
    expect(dots.layout['icon-size']).toEqual(townDotSize());
  });
});
