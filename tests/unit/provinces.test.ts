import { describe, expect, test } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { matchProvince, normaliseProvinceName, PROVINCES } from '../../src/lib/domain/provinces.ts';
import { mapProvinces, ProvinceMatchError } from '../../src/pipeline/provinceSource.ts';

describe('matchProvince', () => {
  test.each([
    { raw: 'Nord-Kivu', expected: 'CD-NK' },
    { raw: 'NORD KIVU', expected: 'CD-NK' },
    { raw: 'North Kivu', expected: 'CD-NK' },
    { raw: 'cd-nk', expected: 'CD-NK' },
    { raw: 'Lower Uele', expected: 'CD-BU' },
    { raw: 'Upper Uele', expected: 'CD-HU' },
    { raw: 'Haut-Uélé', expected: 'CD-HU' },
    { raw: 'Kasaï Central', expected: 'CD-KC' },
    { raw: 'Kasai-Oriental', expected: 'CD-KE' },
    { raw: 'Kasaï', expected: 'CD-KS' },
    { raw: 'Equateur', expected: 'CD-EQ' },
    { raw: 'Maï-Ndombe', expected: 'CD-MN' },
    { raw: 'Kongo Central', expected: 'CD-BC' },
    { raw: 'Bas-Congo', expected: 'CD-BC' },
    // Pre-2015 provinces that were split have no single successor: they must not match.
    { raw: 'Orientale', expected: undefined },
    { raw: 'Katanga', expected: undefined },
    { raw: 'Kasaï-Occidental', expected: undefined },
    { raw: '', expected: undefined },
  ])('$raw → $expected', ({ raw, expected }) => {
    expect(matchProvince(raw)?.iso).toBe(expected);
  });

  test('no spelling of one province folds onto another province', () => {
    const owner = new Map<string, string>();
    for (const p of PROVINCES)
      for (const k of [p.iso, p.name, ...p.aliases].map(normaliseProvinceName)) {
        expect(owner.get(k) ?? p.iso, k).toBe(p.iso);
        owner.set(k, p.iso);
      }
  });
});

const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const feat = (props: Record<string, unknown>, x = 0): Feature<Polygon> => ({
  type: 'Feature',
  properties: props,
  geometry: square(x, 0),
});
const allProvinces = (nameOf: (i: number) => Record<string, unknown>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: PROVINCES.map((_, i) => feat(nameOf(i), i)),
});

describe('mapProvinces', () => {
  test('maps COD-AB style properties and returns the canonical order and names', () => {
    const fc = allProvinces((i) => ({
      ADM1_FR: PROVINCES[i]!.aliases[0] ?? PROVINCES[i]!.name,
      ADM1_PCODE: `CD${i}`,
    }));
    fc.features.reverse();
    const out = mapProvinces(fc, 'cod.geojson');
    expect(out.map((f) => f.properties)).toEqual(PROVINCES.map(({ iso, name }) => ({ iso, name })));
  });

  test('an ISO code in any property wins over a name', () => {
    const fc = allProvinces((i) => ({ shapeISO: PROVINCES[i]!.iso, shapeName: 'Kinshasa' }));
    expect(mapProvinces(fc, 'gb.geojson').map((f) => f.properties.iso)).toEqual(
      PROVINCES.map((p) => p.iso),
    );
  });

  test('several features of one province become one MultiPolygon', () => {
    const fc = allProvinces((i) => ({ name: PROVINCES[i]!.name }));
    fc.features.push(feat({ name: 'Kongo-Central' }, 40));
    const kc = mapProvinces(fc, 'x.geojson').find((f) => f.properties.iso === 'CD-BC')!;
    expect(kc.geometry.type).toBe('MultiPolygon');
    expect(kc.geometry.coordinates).toHaveLength(2);
  });

  test('lists every unmatched feature and every missing province, with a fix', () => {
    const fc = allProvinces((i) => ({ name: PROVINCES[i]!.name }));
    fc.features = fc.features.filter((f) => f.properties?.['name'] !== 'Ituri');
    fc.features.push(feat({ name: 'Orientale', code: 7 }));
    let err: unknown;
    try {
      mapProvinces(fc, 'old-provinces.geojson');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProvinceMatchError);
    const e = err as ProvinceMatchError;
    expect(e.missing).toEqual(['CD-IT Ituri']);
    expect(e.unmatched).toEqual(['feature #26 (name="Orientale", code=7)']);
    expect(e.message).toContain('old-provinces.geojson');
    expect(e.message).toContain('Fix:');
  });

  test('ignores point features, which are not boundaries', () => {
    const fc = allProvinces((i) => ({ name: PROVINCES[i]!.name }));
    fc.features.push({
      type: 'Feature',
      properties: { name: 'Goma' },
      geometry: { type: 'Point', coordinates: [29, -1] },
    } as never);
    expect(mapProvinces(fc, 'x.geojson')).toHaveLength(26);
  });
});
