import { describe, expect, test } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import {
  townDotImage,
  townFeatures,
  townLayers,
  townMinZoom,
  townNamesFilter,
  townTwins,
} from '../../src/lib/map/towns.ts';

const PLACES = [
  { name: 'Kinshasa', lat: -4.32758, lon: 15.31357, population: 7_785_965 },
  { name: 'Bukavu', lat: -2.49077, lon: 28.84281, population: 225_389 },
  { name: 'Aveba', lat: 1.2132, lon: 30.0857, population: null },
];

describe('townMinZoom', () => {
  test.each([
    { name: 'a capital at any zoom', input: 7_785_965, expected: 3 },
    { name: 'a large city at the whole country', input: 463_546, expected: 3 },
    { name: 'a city just under 400,000', input: 399_999, expected: 5 },
    { name: 'a city of 225,000', input: 225_389, expected: 5 },
    { name: 'a town of 60,000', input: 60_000, expected: 6 },
    { name: 'a small town', input: 5_000, expected: 7 },
    { name: 'no population figure: from zoom 8', input: null, expected: 8 },
  ])('$name', ({ input, expected }) => {
    expect(townMinZoom(input)).toBe(expected);
  });
});

/** The names shown by a filter at a whole zoom, as MapLibre evaluates it. */
function namesAt(filter: ReturnType<typeof townNamesFilter>, zoom: number): string[] {
  const f = featureFilter(filter, 'filter');
  return townFeatures(PLACES)
    .features.filter((t) =>
      f.filter({ zoom }, { type: 1, properties: t.properties } as Parameters<typeof f.filter>[1]),
    )
    .map((t) => t.properties.name);
}

describe('the names filter', () => {
  test.each([
    { name: 'whole country', zoom: 4, hidden: [], expected: ['Kinshasa'] },
    { name: 'zoom 5 adds Bukavu', zoom: 5, hidden: [], expected: ['Kinshasa', 'Bukavu'] },
    { name: 'zoom 8: every place', zoom: 8, hidden: [], expected: ['Kinshasa', 'Bukavu', 'Aveba'] },
    { name: 'a twin gives way', zoom: 8, hidden: ['Bukavu'], expected: ['Kinshasa', 'Aveba'] },
  ])('$name', ({ zoom, hidden, expected }) => {
    expect(namesAt(townNamesFilter(hidden), zoom)).toEqual(expected);
  });

  test('larger towns are placed first', () => {
    const ranks = townFeatures(PLACES).features.map((f) => f.properties.rank);
    expect(ranks[0]).toBeLessThan(ranks[1]!);
    expect(ranks[2]).toBe(0);
  });
});

describe('townTwins', () => {
  test.each([
    {
      name: 'a site named after the town, at it',
      site: { id: 'bukavu', name: 'Bukavu (sector HQ)', position: [28.86667, -2.5] },
      expected: [['bukavu', 'Bukavu']],
    },
    {
      name: 'another name at the same place',
      site: { id: 'bukavu-office', name: 'Bukavu office', position: [28.84281, -2.49077] },
      expected: [],
    },
    {
      name: 'the same name far away',
      site: { id: 'far', name: 'Bukavu', position: [25, -2.5] },
      expected: [],
    },
  ])('$name', ({ site, expected }) => {
    expect([
      ...townTwins(PLACES, [site as { id: string; name: string; position: [number, number] }]),
    ]).toEqual(expected);
  });
});

describe('townLayers', () => {
  test('names: regular type, grey, smaller than site names, halo', () => {
    const names = townLayers().find((l) => l.type === 'symbol')!;
    expect(names.layout?.['text-font']).toEqual(['Noto Sans']);
    expect(names.paint?.['text-halo-width']).toBeGreaterThan(0);
    expect(names.layout?.['symbol-sort-key']).toEqual(['get', 'rank']);
  });
});

describe('townDotImage', () => {
  test('an opaque grey centre, a transparent corner', () => {
    const { width, height, data } = townDotImage();
    expect(data).toHaveLength(width * height * 4);
    const at = (x: number, y: number) => [
      ...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4),
    ];
    expect(at(width / 2, height / 2)).toEqual([0x5b, 0x57, 0x50, 255]);
    expect(at(0, 0)[3]).toBe(0);
  });
});
