/**
 * The province of a point from the rasterised provinces: hand-made squares (a hole, an island,
 * a shared border, an unknown code), and the bundled boundaries against turf's point-in-polygon
 * on random points and on points a hair either side of their borders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';
import { PROVINCES } from '../../src/lib/domain/provinces.ts';
import {
  NO_PROVINCE,
  provinceCodes,
  provinceGrid,
  provinceOf,
} from '../../src/lib/import/provinceGrid.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const FIXTURE = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { iso: 'CD-NK' },
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1), square(0.4, 0.4, 0.6, 0.6)] },
    },
    {
      type: 'Feature',
      properties: { iso: 'CD-IT' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[square(1, 0, 2, 1)], [square(3, 0, 3.5, 0.5)]],
      },
    },
    {
      type: 'Feature',
      properties: { iso: 'XX-ZZ' },
      geometry: { type: 'Polygon', coordinates: [square(5, 5, 6, 6)] },
    },
  ],
} satisfies FeatureCollection<Polygon | MultiPolygon, { iso: string }>;

const isoOf = (code: number) => (code === NO_PROVINCE ? null : PROVINCES[code]!.iso);

describe('provinceOf on hand-made provinces', () => {
  // Coarse cells: borders cross most of them; fine cells: most are whole, answered by their centre.
  const grids = [0.25, 0.05, 0.013].map((cell) => provinceGrid(FIXTURE, cell));
  const g = grids[0]!;
  test.each([
    { name: 'inside the first', lon: 0.2, lat: 0.7, iso: 'CD-NK' },
    { name: 'in its hole', lon: 0.5, lat: 0.5, iso: null },
    { name: 'just inside the hole’s edge', lon: 0.41, lat: 0.5, iso: null },
    { name: 'just outside the hole’s edge', lon: 0.39, lat: 0.5, iso: 'CD-NK' },
    { name: 'across the shared border', lon: 1.01, lat: 0.5, iso: 'CD-IT' },
    { name: 'before the shared border', lon: 0.99, lat: 0.5, iso: 'CD-NK' },
    { name: 'on the second’s island', lon: 3.2, lat: 0.2, iso: 'CD-IT' },
    { name: 'between the island and the mainland', lon: 2.5, lat: 0.5, iso: null },
    { name: 'in a polygon whose code is not a DRC province', lon: 5.5, lat: 5.5, iso: null },
    { name: 'far outside the grid', lon: -40, lat: 60, iso: null },
  ])('$name', ({ lon, lat, iso }) => {
    expect(grids.map((grid) => isoOf(provinceOf(grid, lon, lat)))).toEqual([iso, iso, iso]);
  });

  test('provinceCodes gives each event its province', () => {
    const positions = Float32Array.from([0.2, 0.7, 0.5, 0.5, 1.5, 0.5]);
    const cols = { n: 3, positions } as EventColumns;
    expect([...provinceCodes(cols, g)].map(isoOf)).toEqual(['CD-NK', null, 'CD-IT']);
  });
});

describe('provinceOf on the bundled boundaries', () => {
  const FILE = 'data/boundaries/provinces.topo.json';
  const provinces = decodeProvinces(JSON.parse(readFileSync(FILE, 'utf8')) as Topology, FILE);
  const g = provinceGrid(provinces);
  const turf = (lon: number, lat: number) =>
    provinces.features.find((f) => booleanPointInPolygon([lon, lat], f))?.properties.iso ?? null;

  test.each([
    { name: 'Goma', lon: 29.22, lat: -1.68, iso: 'CD-NK' },
    { name: 'Bunia', lon: 30.25, lat: 1.56, iso: 'CD-IT' },
    { name: 'Bukavu', lon: 28.86, lat: -2.51, iso: 'CD-SK' },
    { name: 'Kinshasa', lon: 15.31, lat: -4.33, iso: 'CD-KN' },
    { name: 'Gisenyi, Rwanda, across the border from Goma', lon: 29.26, lat: -1.7, iso: null },
  ])('$name', ({ lon, lat, iso }) => {
    expect(turf(lon, lat)).toBe(iso);
    expect(isoOf(provinceOf(g, lon, lat))).toBe(iso);
  });

  test('agrees with turf on random points over the DRC and its neighbours', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const wrong: [number, number][] = [];
    for (let k = 0; k < 4000; k++) {
      const [lon, lat] = [11 + rnd() * 21, -14 + rnd() * 20];
      if (isoOf(provinceOf(g, lon, lat)) !== turf(lon, lat)) wrong.push([lon, lat]);
    }
    expect(wrong).toEqual([]);
  });

  test('agrees with turf a hair either side of the borders (where the cells are mixed)', () => {
    let seed = 9;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const wrong: [number, number][] = [];
    const rings = provinces.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
    );
    for (const ring of rings)
      for (let i = 0; i + 1 < ring.length; i += 3) {
        // A point along the edge, nudged about 10 m off it.
        const [a, b] = [ring[i]!, ring[i + 1]!];
        const t = rnd();
        const lon = a[0]! + t * (b[0]! - a[0]!) + (rnd() - 0.5) * 2e-4;
        const lat = a[1]! + t * (b[1]! - a[1]!) + (rnd() - 0.5) * 2e-4;
        if (isoOf(provinceOf(g, lon, lat)) !== turf(lon, lat)) wrong.push([lon, lat]);
      }
    expect(wrong).toEqual([]);
  });
});
