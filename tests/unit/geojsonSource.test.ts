/** GeoJSON files as tables: point rows, areas, lines left out, geometry problems, whole-file failures. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import { genericDetected, guessColumns } from '../../src/lib/import/formats.ts';
import {
  looksLikeJson,
  MAX_GEOJSON_BYTES,
  plainNumber,
  propertyText,
  readGeoJson,
  readGeoJsonFile,
  type GeoJsonTable,
  type TableRow,
} from '../../src/lib/import/geojsonSource.ts';
import { readEventRow } from '../../src/lib/import/rowReader.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

const point = (coordinates: unknown, properties: unknown = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

/** The table of a text that must read. */
function table(text: string): GeoJsonTable {
  const r = readGeoJson(text, 'f.geojson');
  if (!r.ok) throw new Error(`not read: ${say(r.said, 'en')}`);
  return r.table;
}
const rowsOf = (t: GeoJsonTable): TableRow[] => [...t.rows];

describe('plainNumber: as JavaScript writes a number, never in exponent form', () => {
  test.each([
    { name: 'an integer', input: 3, expected: '3' },
    { name: 'a coordinate', input: -1.6792, expected: '-1.6792' },
    { name: 'a long decimal', input: 0.1 + 0.2, expected: '0.30000000000000004' },
    { name: 'a tiny one', input: 1e-7, expected: '0.0000001' },
    { name: 'a tiny one with digits', input: -1.25e-8, expected: '-0.0000000125' },
    { name: 'a huge one', input: 1.5e21, expected: '1500000000000000000000' },
    { name: 'a huge integer', input: 2e21, expected: '2000000000000000000000' },
    { name: 'minus zero', input: -0, expected: '0' },
  ])('$name', ({ input, expected }) => {
    expect(plainNumber(input)).toBe(expected);
    expect(Number(plainNumber(input))).toBe(input === 0 ? 0 : input);
  });
});

describe('propertyText: a property value as a cell', () => {
  test.each([
    { name: 'text as it is', input: ' Goma ', expected: ' Goma ' },
    { name: 'a number', input: 29.2228, expected: '29.2228' },
    { name: 'a boolean', input: false, expected: 'false' },
    { name: 'null', input: null, expected: '' },
    {
      name: 'a nested object as JSON',
      input: { name: 'Radio Okapi' },
      expected: '{"name":"Radio Okapi"}',
    },
    { name: 'an array as JSON', input: ['a', 1], expected: '["a",1]' },
  ])('$name', ({ input, expected }) => {
    expect(propertyText(input)).toBe(expected);
  });
});

describe('looksLikeJson: the first bytes of a file', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test.each([
    { name: 'an object', input: bytes('{"type":'), expected: true },
    { name: 'spaces and a BOM first', input: bytes('\uFEFF \r\n\t{'), expected: true },
    { name: 'an array', input: bytes('[{'), expected: true },
    { name: 'a CSV header', input: bytes('event_date,latitude'), expected: false },
    { name: 'nothing', input: bytes(''), expected: false },
  ])('$name → $expected', ({ input, expected }) => {
    expect(looksLikeJson(input)).toBe(expected);
  });
});

describe('readGeoJson: features that become rows', () => {
  test.each([
    {
      name: 'a point: its properties, then longitude and latitude',
      input: collection(point([29.2228, -1.6792], { event_date: '2023-03-05', fatalities: 3 })),
      header: ['event_date', 'fatalities', 'longitude', 'latitude'],
      rows: [{ line: 1, cells: ['2023-03-05', '3', '29.2228', '-1.6792'] }],
    },
    {
      name: 'a multipoint: one row per point, each named by its feature',
      input: collection(point([29, -1], { a: 'x' }), {
        type: 'Feature',
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [30.25, 1.5667],
            [30.5, 1.75],
          ],
        },
        properties: { a: 'y' },
      }),
      header: ['a', 'longitude', 'latitude'],
      rows: [
        { line: 1, cells: ['x', '29', '-1'] },
        { line: 2, cells: ['y', '30.25', '1.5667'] },
        { line: 2, cells: ['y', '30.5', '1.75'] },
      ],
    },
    {
      name: 'the union of property names, in first-seen order; missing ones empty',
      input: collection(
        point([29, -1], { b: 1, a: 2 }),
        point([28, -2], { c: 3, a: 4 }),
        point([27, -3], null),
      ),
      header: ['b', 'a', 'c', 'longitude', 'latitude'],
      rows: [
        { line: 1, cells: ['1', '2', '', '29', '-1'] },
        { line: 2, cells: ['', '4', '3', '28', '-2'] },
        { line: 3, cells: ['', '', '', '27', '-3'] },
      ],
    },
    {
      name: 'a nested property as JSON, an altitude left out',
      input: collection(
        point([29.4731, 0.4911, 1050], { source: { name: 'Radio Okapi' }, tags: [] }),
      ),
      header: ['source', 'tags', 'longitude', 'latitude'],
      rows: [{ line: 1, cells: ['{"name":"Radio Okapi"}', '[]', '29.4731', '0.4911'] }],
    },
    {
      name: 'properties named longitude and Latitude hold the geometry, in their own place',
      input: collection(point([29.2228, -1.6792], { Latitude: 0, longitude: 0, lieu: 'Goma' })),
      header: ['Latitude', 'longitude', 'lieu'],
      rows: [{ line: 1, cells: ['-1.6792', '29.2228', 'Goma'] }],
    },
    {
      name: 'a single Feature',
      input: JSON.stringify(point([27.4794, -11.6647], { lieu: 'Lubumbashi' })),
      header: ['lieu', 'longitude', 'latitude'],
      rows: [{ line: 1, cells: ['Lubumbashi', '27.4794', '-11.6647'] }],
    },
    {
      name: 'a bare geometry, with a byte-order mark before it',
      input: '\uFEFF{"type":"Point","coordinates":[25.1911,0.5153]}',
      header: ['longitude', 'latitude'],
      rows: [{ line: 1, cells: ['25.1911', '0.5153'] }],
    },
    {
      name: 'a coordinate near zero in plain digits',
      input: collection(point([1e-7, -2.5e-7])),
      header: ['longitude', 'latitude'],
      rows: [{ line: 1, cells: ['0.0000001', '-0.00000025'] }],
    },
  ])('$name', ({ input, header, rows }) => {
    const t = table(input);
    expect(t.header).toEqual(header);
    expect(rowsOf(t)).toEqual(rows);
    expect(t.problems).toEqual([]);
  });

  test('rows can be read twice, and each row has a cell for every column', () => {
    const t = table(collection(point([29, -1], { a: 1 }), point([28, -2], { b: 2 })));
    expect(rowsOf(t)).toEqual(rowsOf(t));
    for (const r of t.rows) expect(r.cells).toHaveLength(t.header.length);
  });
});

describe('readGeoJson: areas, lines and collections', () => {
  const square = [
    [
      [29.1, -1.75],
      [29.3, -1.75],
      [29.3, -1.55],
      [29.1, -1.55],
      [29.1, -1.75],
    ],
  ];
  test.each([
    {
      name: 'a polygon is an area, with its properties',
      features: [
        point([29, -1]),
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: square },
          properties: { name: 'ZS Goma' },
        },
      ],
      counts: { features: 2, points: 1, rows: 1, areas: 1, lines: 0, collections: 0, rejected: 0 },
      areaNames: ['ZS Goma'],
      notices: [],
    },
    {
      name: 'a multipolygon is an area',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'MultiPolygon', coordinates: [square, square] },
          properties: { name: 'Beni' },
        },
      ],
      counts: { features: 1, points: 0, rows: 0, areas: 1, lines: 0, collections: 0, rejected: 0 },
      areaNames: ['Beni'],
      notices: [],
    },
    {
      name: 'lines and geometry collections are counted and said, not read',
      features: [
        point([29, -1]),
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [29, -1],
              [30, 0],
            ],
          },
          properties: {},
        },
        {
          type: 'Feature',
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [29, -1],
                [30, 0],
              ],
            ],
          },
          properties: {},
        },
        {
          type: 'Feature',
          geometry: { type: 'GeometryCollection', geometries: [] },
          properties: {},
        },
      ],
      counts: { features: 4, points: 1, rows: 1, areas: 0, lines: 2, collections: 1, rejected: 0 },
      areaNames: [],
      notices: [
        { code: 'geojson_lines_not_read', params: { count: 2 } },
        { code: 'geojson_collections_not_read', params: { count: 1 } },
      ],
    },
  ])('$name', ({ features, counts, areaNames, notices }) => {
    const t = table(collection(...features));
    expect(t.counts).toEqual(counts);
    expect(t.areas.map((a) => a.properties?.name)).toEqual(areaNames);
    expect(t.notices).toEqual(notices);
  });
});

describe('readGeoJson: a feature with bad geometry is one problem, named by its number', () => {
  test.each([
    {
      name: 'longitude out of range (a decimal point lost)',
      feature: point([288.608, -2.5083]),
      field: 'geometry',
      value: '[288.608,-2.5083]',
      problem: { code: 'geojson_out_of_range', params: { lon: '288.608', lat: '-2.5083' } },
      fix: 'fix_geojson_position',
    },
    {
      name: 'latitude out of range',
      feature: point([29.2, -91]),
      field: 'geometry',
      value: '[29.2,-91]',
      problem: { code: 'geojson_out_of_range', params: { lon: '29.2', lat: '-91' } },
      fix: 'fix_geojson_position',
    },
    {
      name: 'a point nested one level too deep',
      feature: point([[29.1947, -5.9475]]),
      field: 'geometry',
      value: '[[29.1947,-5.9475]]',
      problem: {
        code: 'geojson_not_position',
        params: { type: 'Point', shape: '[longitude, latitude]' },
      },
      fix: 'fix_geojson_position',
    },
    {
      name: 'a point with coordinates as text',
      feature: point(['29.2', '-1.6']),
      field: 'geometry',
      value: '["29.2","-1.6"]',
      problem: {
        code: 'geojson_not_position',
        params: { type: 'Point', shape: '[longitude, latitude]' },
      },
      fix: 'fix_geojson_position',
    },
    {
      name: 'a point with no coordinates',
      feature: point([]),
      field: 'geometry',
      value: '[]',
      problem: { code: 'geojson_no_coordinates', params: { type: 'Point' } },
      fix: 'fix_geojson_position',
    },
    {
      name: 'a multipoint with one position out of range',
      feature: {
        type: 'Feature',
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [29, -1],
            [29, 95],
          ],
        },
        properties: {},
      },
      field: 'geometry',
      value: '[29,95]',
      problem: { code: 'geojson_out_of_range', params: { lon: '29', lat: '95' } },
      fix: 'fix_geojson_position',
    },
    {
      name: 'a polygon with an open ring',
      feature: {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [30.2, 1.5],
              [30.3, 1.5],
              [30.3, 1.6],
            ],
          ],
        },
        properties: {},
      },
      field: 'geometry',
      value: '[[30.2,1.5],[30.3,1.5],[30.3,1.6]]',
      problem: { code: 'geojson_ring_open', params: { type: 'Polygon' } },
      fix: 'fix_geojson_ring',
    },
    {
      name: 'a multipolygon nested as a polygon',
      feature: {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [30.2, 1.5],
              [30.3, 1.5],
              [30.3, 1.6],
              [30.2, 1.5],
            ],
          ],
        },
        properties: {},
      },
      field: 'geometry',
      value: '30.2',
      problem: {
        code: 'geojson_not_position',
        params: { type: 'MultiPolygon', shape: '[[[[longitude, latitude], …], …], …]' },
      },
      fix: 'fix_geojson_position',
    },
    {
      name: 'no geometry (null)',
      feature: { type: 'Feature', geometry: null, properties: { event_date: '2023-05-02' } },
      field: 'geometry',
      value: 'null',
      problem: { code: 'geojson_no_geometry' },
      fix: 'fix_geojson_geometry',
    },
    {
      name: 'a geometry type GeoJSON does not have',
      feature: {
        type: 'Feature',
        geometry: { type: 'Circle', coordinates: [29, -1] },
        properties: {},
      },
      field: 'geometry',
      value: 'Circle',
      problem: { code: 'geojson_unknown_geometry', params: { type: 'Circle' } },
      fix: 'fix_geojson_geometry',
    },
    {
      name: 'not a Feature',
      feature: { type: 'Point', coordinates: [29, -1] },
      field: 'type',
      value: 'Point',
      problem: { code: 'geojson_not_feature' },
      fix: 'fix_geojson_geometry',
    },
  ])('$name', ({ feature, field, value, problem, fix }) => {
    const t = table(collection(point([29.2228, -1.6792], { n: 1 }), feature));
    expect(t.problems).toEqual([
      { line: 2, field, value, problem, fix: expect.objectContaining({ code: fix }) as Said },
    ]);
    expect(t.counts.rejected).toBe(1);
    expect(rowsOf(t).map((r) => r.line)).toEqual([1]);
    // Every problem and fix has words in both languages.
    expect(say(t.problems[0]!.problem, 'fr')).not.toBe('');
    expect(say(t.problems[0]!.fix, 'en')).not.toMatch(/\{\w+\}/);
  });

  test('a value is cut to 200 characters', () => {
    const long = Array.from({ length: 100 }, (_, i) => [29 + i / 100, -1]);
    long.push([29, 200]);
    const t = table(
      collection({
        type: 'Feature',
        geometry: { type: 'MultiPoint', coordinates: long },
        properties: {},
      }),
    );
    expect(t.problems[0]!.value).toBe('[29,200]');
    const t2 = table(collection(point(Array.from({ length: 100 }, () => [29.12345, -1.12345]))));
    expect(t2.problems[0]!.value).toHaveLength(200);
  });
});

describe('readGeoJson: a whole file that cannot be read is one sentence', () => {
  test.each([
    {
      name: 'not JSON (cut short)',
      input: '{ "type": "FeatureCollection", "features": [ { "type": "Feature"',
      code: 'file_not_json',
    },
    { name: 'an empty file', input: '', code: 'file_not_json' },
    { name: 'JSON, but an array', input: '[1, 2]', code: 'file_not_geojson' },
    { name: 'JSON, another object', input: '{"type": "Topologie"}', code: 'file_not_geojson' },
    {
      name: 'TopoJSON',
      input: '{"type": "Topology", "objects": {}, "arcs": []}',
      code: 'file_topojson',
    },
    {
      name: 'a FeatureCollection whose features are not a list',
      input: '{"type": "FeatureCollection", "features": {}}',
      code: 'file_geojson_features_not_list',
    },
    {
      name: 'a FeatureCollection with no features',
      input: '{"type": "FeatureCollection", "features": []}',
      code: 'file_geojson_empty',
    },
    {
      name: 'nothing but lines',
      input: collection({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [29, -1],
            [30, 0],
          ],
        },
        properties: {},
      }),
      code: 'file_geojson_nothing_read',
    },
  ])('$name → $code', ({ input, code }) => {
    const r = readGeoJson(input, 'carte.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.said.code).toBe(code);
    expect(r.said.params?.file).toBe('carte.geojson');
    expect(say(r.said, 'en')).toContain('carte.geojson');
    expect(say(r.said, 'fr')).toContain('carte.geojson');
  });

  test('not JSON keeps the parser’s words; not GeoJSON quotes how the file begins', () => {
    const notJson = readGeoJson('{"type": "Feature",', 'a.geojson');
    expect(!notJson.ok && String(notJson.said.params?.detail)).toMatch(/JSON/);
    const notGeo = readGeoJson('  {"rows": [1, 2, 3]}', 'b.json');
    expect(!notGeo.ok && notGeo.said.params?.start).toBe('{"rows": [1, 2, 3]}');
  });
});

describe('readGeoJsonFile', () => {
  test('reads a Blob', async () => {
    const r = await readGeoJsonFile(new Blob([collection(point([29, -1]))]), 'x.geojson');
    expect(r.ok && [...r.table.rows]).toEqual([{ line: 1, cells: ['29', '-1'] }]);
  });
  test('refuses a file over the limit before reading it', async () => {
    const huge = {
      size: MAX_GEOJSON_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    const r = await readGeoJsonFile(huge, 'gros.geojson');
    expect(!r.ok && r.said).toEqual({
      code: 'file_geojson_too_large',
      params: { file: 'gros.geojson', size: MAX_GEOJSON_BYTES + 1, limit: MAX_GEOJSON_BYTES },
    });
    expect(!r.ok && say(r.said, 'en')).toMatch(
      /^gros\.geojson is 536\.9 MB, more than the 536\.9 MB /,
    );
  });
});

describe('the fixtures', () => {
  test('events.geojson: points and a multipoint read, areas kept, a line left, four features refused', () => {
    const t = table(fixture('events.geojson'));
    expect(t.header).toEqual([
      'event_date',
      'event_type',
      'actor1',
      'fatalities',
      'admin1',
      'source',
      'verified',
      'tags',
      'longitude',
      'latitude',
    ]);
    expect(rowsOf(t)).toEqual([
      {
        line: 1,
        cells: [
          '2023-03-05',
          'Battles',
          'M23: March 23 Movement',
          '3',
          '',
          '',
          '',
          '',
          '29.2228',
          '-1.6792',
        ],
      },
      {
        line: 2,
        cells: [
          '2023-03-21',
          'Violence against civilians',
          '',
          '7',
          'Nord-Kivu',
          '{"name":"Radio Okapi","scale":"National"}',
          'true',
          '',
          '29.4731',
          '0.4911',
        ],
      },
      {
        line: 3,
        cells: [
          '2023-04-02',
          'Protests',
          '',
          '0',
          '',
          '',
          '',
          '["crowd size=dozens"]',
          '30.25',
          '1.5667',
        ],
      },
      {
        line: 3,
        cells: [
          '2023-04-02',
          'Protests',
          '',
          '0',
          '',
          '',
          '',
          '["crowd size=dozens"]',
          '30.5167',
          '1.7833',
        ],
      },
    ]);
    expect(t.counts).toEqual({
      features: 11,
      points: 3,
      rows: 4,
      areas: 2,
      lines: 1,
      collections: 0,
      rejected: 5,
    });
    expect(t.areas.map((a) => a.properties?.name)).toEqual(['Zone de santé de Goma', 'Beni']);
    expect(t.problems.map((p) => [p.line, p.field, p.problem.code])).toEqual([
      [6, 'geometry', 'geojson_out_of_range'],
      [7, 'geometry', 'geojson_no_coordinates'],
      [8, 'geometry', 'geojson_not_position'],
      [9, 'geometry', 'geojson_no_geometry'],
      [11, 'geometry', 'geojson_ring_open'],
    ]);
    expect(t.notices).toEqual([{ code: 'geojson_lines_not_read', params: { count: 1 } }]);
  });

  test('single-feature.geojson: one row', () => {
    expect(rowsOf(table(fixture('single-feature.geojson')))).toEqual([
      { line: 1, cells: ['2024-02-07', 'Lubumbashi', 'Manifestation', '0', '27.4794', '-11.6647'] },
    ]);
  });

  test('empty-collection.geojson: nothing to map', () => {
    const r = readGeoJson(fixture('empty-collection.geojson'), 'empty-collection.geojson');
    expect(!r.ok && r.said.code).toBe('file_geojson_empty');
  });

  test('the point rows go through the CSV path’s column guess and row reader', () => {
    const t = table(fixture('events.geojson'));
    const d = genericDetected(guessColumns(t.header), 'iso');
    expect(d.missing).toEqual([]);
    const events = rowsOf(t).map((r) => readEventRow(r.cells, d, false, r.line, t.header));
    expect(events.map((e) => (Array.isArray(e) ? e : [e.lon, e.lat, e.fatalities]))).toEqual([
      [29.2228, -1.6792, 3],
      [29.4731, 0.4911, 7],
      [30.25, 1.5667, 0],
      [30.5167, 1.7833, 0],
    ]);
  });
});
