/** The base style is offline by construction: no URL anywhere, every source inline. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { baseStyle } from '../../src/lib/map/style.ts';
import {
  decodeContext,
  decodeProvinceBorders,
  decodeProvinces,
  type Boundaries,
} from '../../src/lib/data/boundaries.ts';
import { FONT } from '../../src/lib/map/theme.ts';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Topology;
const boundaries: Boundaries = {
  provinces: decodeProvinces(read('data/boundaries/provinces.topo.json'), 'p'),
  provinceBorders: decodeProvinceBorders(read('data/boundaries/provinces.topo.json'), 'p'),
  ...decodeContext(read('data/boundaries/context.topo.json'), 'c'),
  attribution: [],
};
const style = baseStyle(boundaries);

describe('baseStyle', () => {
  test('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  test('names no URL: no glyphs, sprite, tiles or remote data', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|mapbox:|pmtiles:/);
    for (const src of Object.values(style.sources)) {
      expect(src.type).toBe('geojson');
      expect(typeof (src as { data: unknown }).data).toBe('object');
    }
  });

  test('every layer draws from a source that exists', () => {
    for (const l of style.layers)
      if ('source' in l) expect(style.sources).toHaveProperty(String(l.source));
  });

  test('labels use the self-hosted font stacks only', () => {
    const stacks = Object.values(FONT).map((f) => JSON.stringify(f));
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.map((l) => l.id)).toEqual([
      // The towns' names: placed last of all, so they give way to every other name (towns.ts).
      'town-names',
      // No text: the towns' dots, placed before their names, so no name covers a dot.
      'town-dots',
      'country-labels',
      'lake-labels',
      // The held area's name: placed after the province and site names, before the lakes'.
      'control-label',
      'site-labels',
      // No text: the space every site's symbols take, placed after the province names
      // (MapLibre places the top layer first), so they move the site names only.
      'site-spots',
      'province-labels',
      // No text: the space the labelled sites' symbols take (siteLabels.ts).
      'site-marks',
    ]);
    for (const l of symbols.filter((s) => s.layout?.['text-field']))
      expect(stacks).toContain(JSON.stringify(l.layout?.['text-font']));
    expect(symbols.at(-1)?.layout?.['text-field']).toBeUndefined();
  });

  test('puts one label point inside each of the 26 provinces', async () => {
    const { default: booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
    const labels = (
      style.sources['province-labels'] as unknown as {
        data: GeoJSON.FeatureCollection<GeoJSON.Point, { iso: string }>;
      }
    ).data;
    expect(labels.features).toHaveLength(26);
    for (const l of labels.features) {
      const province = boundaries.provinces.features.find(
        (p) => p.properties.iso === l.properties.iso,
      )!;
      expect(booleanPointInPolygon(l.geometry, province), l.properties.iso).toBe(true);
    }
  });
});

describe('layer filters', () => {
  // A filter that matches nothing hides a layer silently (country names once vanished so).
  test('every filtered layer on bundled data draws at least one feature', () => {
    const checked: string[] = [];
    for (const l of style.layers) {
      if (!('source' in l) || !('filter' in l) || !l.filter) continue;
      const data = (style.sources[String(l.source)] as { data: GeoJSON.FeatureCollection }).data;
      if (!data.features.length) continue; // filled at run time (coverage, site labels)
      const f = featureFilter(l.filter, 'filter');
      const zoom = { zoom: 5 };
      const n = data.features.filter((feat) =>
        f.filter(zoom, {
          type: feat.geometry.type === 'Point' ? 1 : feat.geometry.type.includes('Line') ? 2 : 3,
          properties: feat.properties ?? {},
        } as Parameters<typeof f.filter>[1]),
      ).length;
      expect(n, l.id).toBeGreaterThan(0);
      checked.push(l.id);
    }
    expect(checked).toEqual(
      expect.arrayContaining(['country-labels', 'ocean-fill', 'provinces-line']),
    );
  });
});
