/** The format registry: recognising a header, guessing columns, saying why a file is unreadable. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import {
  ALTERNATIVES,
  describeUnreadable,
  detectAs,
  detectFormat,
  FORMATS,
  genericDetected,
  guessColumns,
  headerKey,
  isHashtagRow,
  type Unreadable,
} from '../../src/lib/import/formats.ts';
import type { ColumnMap, FormatId } from '../../src/lib/import/types.ts';
import { rawHeader, readFixture, type FixtureName } from '../fixtures/import/read.ts';

const firstLine = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/)[0]!.split(',');
const ACLED = readFixture('acled-current.csv').header;
const UCDP = readFixture('ucdp-ged.csv').header;
const without = (header: string[], ...names: string[]) => header.filter((h) => !names.includes(h));

describe('detectFormat: the fixtures and our own files', () => {
  test.each([
    { name: 'ACLED current (31 columns)', file: 'acled-current.csv', format: 'acled' },
    { name: 'ACLED 2019–2022', file: 'acled-2019.csv', format: 'acled-2019' },
    { name: 'ACLED 2018', file: 'acled-2018.csv', format: 'acled-2018' },
    { name: 'ACLED legacy, Windows-1252', file: 'acled-legacy-cp1252.csv', format: 'acled-legacy' },
    { name: 'UCDP GED', file: 'ucdp-ged.csv', format: 'ucdp-ged' },
    // Same columns as GED (the Candidate codebook says so): read as GED, switchable.
    { name: 'UCDP Candidate', file: 'ucdp-candidate.csv', format: 'ucdp-ged' },
    { name: 'Geo-PKO v2.x', file: 'geopko.csv', format: 'geopko' },
    { name: 'header only', file: 'header-only.csv', format: 'acled' },
    { name: 'French Excel table', file: 'french-excel.csv', format: null },
    { name: 'UTF-16 table', file: 'utf16le-tab.txt', format: null },
    { name: 'a table with coordinates', file: 'swapped.csv', format: null },
  ] satisfies { name: string; file: FixtureName; format: FormatId | null }[])(
    '$name → $format',
    ({ file, format }) => {
      const d = detectFormat(readFixture(file).header);
      expect(d?.format ?? null).toBe(format);
      if (d) expect(d.missing).toEqual([]);
    },
  );

  test('a byte-order mark on the first name does not hide the format', () => {
    const header = rawHeader('utf8-bom.csv');
    expect(header[0]!.charCodeAt(0)).toBe(0xfeff);
    expect(detectFormat(header)).toMatchObject({
      format: 'acled',
      missing: [],
      columns: { id: 0 },
    });
  });

  test.each([
    { name: 'sites.csv', path: 'data/scenario/sites.csv', format: 'ours-sites', kind: 'sites' },
    {
      name: 'hotspots.csv',
      path: 'data/scenario/hotspots.csv',
      format: 'ours-hotspots',
      kind: 'hotspots',
    },
    {
      name: 'events.csv',
      path: 'data/scenario/events.csv',
      format: 'ours-events',
      kind: 'milestones',
    },
  ] as const)('our $name → $format', ({ path, format, kind }) => {
    expect(detectFormat(firstLine(path))).toMatchObject({ format, kind, missing: [] });
  });
});

describe('detectFormat: by distinctive columns, not by count or order', () => {
  test.each([
    { name: 'columns reversed', header: [...ACLED].reverse(), format: 'acled', missing: [] },
    {
      name: 'upper case and spaces',
      header: ACLED.map((h) => ` ${h.toUpperCase()} `),
      format: 'acled',
      missing: [],
    },
    {
      name: 'extra columns',
      header: [...ACLED, 'my_note', 'checked_by'],
      format: 'acled',
      missing: [],
    },
    {
      name: 'without tags (two of three new columns)',
      header: without(ACLED, 'tags'),
      format: 'acled',
      missing: [],
    },
    {
      name: 'ACLED without latitude: named',
      header: without(ACLED, 'latitude'),
      format: 'acled',
      missing: ['latitude'],
    },
    {
      name: 'ACLED without date and coordinates',
      header: without(ACLED, 'event_date', 'latitude', 'longitude'),
      format: 'acled',
      missing: ['event_date', 'latitude', 'longitude'],
    },
    {
      name: 'UCDP without date_start',
      header: without(UCDP, 'date_start'),
      format: 'ucdp-ged',
      missing: ['date_start'],
    },
    {
      name: 'Geo-PKO v1.x capitals',
      header: [
        'Source',
        'Mission',
        'year',
        'month',
        'location',
        'country',
        'latitude',
        'longitude',
        'No.troops',
        'No.TCC',
        'name.of.TCC1',
        'UNPOL..dummy.',
        'HQ',
      ],
      format: 'geopko',
      missing: [],
    },
    {
      name: 'sites.csv written before opened_basis',
      header: without(firstLine('data/scenario/sites.csv'), 'opened_basis'),
      format: 'ours-sites',
      missing: [],
    },
    {
      name: 'sites.csv without closure',
      header: without(firstLine('data/scenario/sites.csv'), 'closure'),
      format: 'ours-sites',
      missing: ['closure'],
    },
    {
      name: '31 columns of something else',
      header: Array.from({ length: 31 }, (_, i) => `col${i}`),
      format: null,
      missing: [],
    },
    { name: 'date, lat, lon', header: ['date', 'lat', 'lon'], format: null, missing: [] },
    { name: 'empty header', header: [], format: null, missing: [] },
  ] satisfies { name: string; header: string[]; format: FormatId | null; missing: string[] }[])(
    '$name → $format',
    ({ header, format, missing }) => {
      const d = detectFormat(header);
      expect(d?.format ?? null).toBe(format);
      if (d) expect(d.missing).toEqual(missing);
    },
  );

  test('the column map points at the right columns, in any order', () => {
    const d = detectFormat(ACLED)!;
    expect(d.columns).toMatchObject({
      id: 0,
      date: 1,
      datePrecision: 3,
      inter1: 9,
      lat: 22,
      lon: 23,
      fatalities: 28,
    });
    const reversed = [...ACLED].reverse();
    const r = detectFormat(reversed)!;
    expect(reversed[r.columns.lat!]).toBe('latitude');
    expect(reversed[r.columns.date!]).toBe('event_date');
    expect(r.columns.subEventType).toBe(reversed.indexOf('sub_event_type'));
  });

  test.each([
    { name: 'ACLED writes words', file: 'acled-current.csv', style: 'dmy-words', kind: 'events' },
    {
      name: 'legacy ACLED writes DD/MM/YYYY',
      file: 'acled-legacy-cp1252.csv',
      style: 'dmy-slash',
      kind: 'events',
    },
    { name: 'UCDP writes ISO', file: 'ucdp-ged.csv', style: 'iso', kind: 'events' },
  ] satisfies { name: string; file: FixtureName; style: string; kind: string }[])(
    'date style: $name',
    ({ file, style, kind }) => {
      expect(detectFormat(readFixture(file).header)).toMatchObject({ dateStyle: style, kind });
    },
  );

  test('UCDP Candidate is offered as the alternative to a GED-shaped file', () => {
    expect(ALTERNATIVES['ucdp-ged']).toContain('ucdp-candidate');
    expect(detectAs(readFixture('ucdp-candidate.csv').header, 'ucdp-candidate')).toMatchObject({
      format: 'ucdp-candidate',
      missing: [],
      columns: { date: 38, dateEnd: 39, datePrecision: 37, fatalities: 44 },
    });
  });
});

describe('the registry', () => {
  test.each(Object.entries(FORMATS))('%s: its id and name, and its names as keys', (id, spec) => {
    expect(spec.id).toBe(id);
    expect(say({ code: spec.label }, 'en').length).toBeGreaterThan(3);
    expect(say({ code: spec.label }, 'fr').length).toBeGreaterThan(3);
    for (const n of [...spec.identify, ...spec.required, ...Object.values(spec.fields)])
      expect(n).toBe(headerKey(n));
  });

  test.each([
    { format: 'acled', words: 'acleddata.com' },
    { format: 'acled-legacy', words: 'acleddata.com' },
    { format: 'ucdp-ged', words: 'Sundberg' },
    { format: 'ucdp-candidate', words: 'Hegre' },
    { format: 'geopko', words: 'Cil' },
  ] satisfies { format: FormatId; words: string }[])(
    '$format asks for its citation in both languages',
    ({ format, words }) => {
      const terms = FORMATS[format].terms!;
      expect(say({ code: terms }, 'en')).toContain(words);
      expect(say({ code: terms }, 'fr')).toContain(words);
    },
  );

  test('our own formats and generic tables carry no terms', () => {
    const none = (['ours-sites', 'ours-hotspots', 'ours-events', 'generic'] as const).map(
      (f) => FORMATS[f].terms,
    );
    expect(none).toEqual([null, null, null, null]);
  });
});

describe('guessColumns', () => {
  test.each([
    {
      name: 'French Excel',
      header: ['date', 'latitude', 'longitude', 'type', 'morts'],
      expected: { date: 0, lat: 1, lon: 2, eventType: 3, fatalities: 4 },
    },
    {
      name: 'capitals and French',
      header: ['Date', 'Latitude', 'Longitude', 'Type', 'Victimes', 'Lieu'],
      expected: { date: 0, lat: 1, lon: 2, eventType: 3, fatalities: 4, location: 5 },
    },
    {
      name: 'abbreviations with points',
      header: ['Lat.', 'Long.', 'Date début', 'Acteur', 'Tués'],
      expected: { lat: 0, lon: 1, date: 2, actor1: 3, fatalities: 4 },
    },
    {
      name: 'x and y',
      header: ['id', 'x', 'y', 'jour'],
      expected: { id: 0, lon: 1, lat: 2, date: 3 },
    },
    {
      name: 'lng and deaths',
      header: ['event_date', 'lat', 'lng', 'deaths', 'event_type', 'actor'],
      expected: { date: 0, lat: 1, lon: 2, fatalities: 3, eventType: 4, actor1: 5 },
    },
    {
      name: 'a precision column is not the date',
      header: ['date_precision', 'date', 'latitude', 'longitude'],
      expected: { datePrecision: 0, date: 1, lat: 2, lon: 3 },
    },
    {
      name: 'names that contain the word',
      header: [
        'GPS Latitude (WGS84)',
        'GPS Longitude (WGS84)',
        "Date de l'incident (jour)",
        'Nombre de morts',
      ],
      expected: { lat: 0, lon: 1, date: 2, fatalities: 3 },
    },
    {
      name: 'an end date is not the start',
      header: ['date_fin', 'date_debut', 'lat', 'lon'],
      expected: { dateEnd: 0, date: 1, lat: 2, lon: 3 },
    },
    { name: 'nothing to guess', header: ['name', 'length', 'surface'], expected: { location: 0 } },
    { name: 'no header', header: [], expected: {} },
  ] satisfies { name: string; header: string[]; expected: ColumnMap }[])(
    '$name',
    ({ header, expected }) => {
      expect(guessColumns(header)).toEqual(expected);
    },
  );

  test.each([
    { name: 'all there', columns: { date: 0, lat: 1, lon: 2 }, missing: [] },
    { name: 'no coordinates', columns: { date: 0 }, missing: ['lat', 'lon'] },
    { name: 'nothing', columns: {}, missing: ['date', 'lat', 'lon'] },
  ] satisfies { name: string; columns: ColumnMap; missing: string[] }[])(
    'genericDetected: $name',
    ({ columns, missing }) => {
      expect(genericDetected(columns, 'dmy-slash')).toEqual({
        format: 'generic',
        kind: 'events',
        columns,
        dateStyle: 'dmy-slash',
        missing,
      });
    },
  );
});

describe('isHashtagRow: the HXL row of HDX exports', () => {
  test.each([
    {
      name: 'HDX ACLED tags',
      cells: ['', '', '#event+code', '', '#date+occurred', '#geo+lat', '#geo+lon', ''],
      expected: true,
    },
    { name: 'a data row', cells: ['DRC1', '03 March 2024', '-1.17', '29.45'], expected: false },
    { name: 'a note starting with #', cells: ['#1', 'Goma', '-1.67'], expected: false },
    { name: 'all empty', cells: ['', ' ', ''], expected: false },
  ])('$name → $expected', ({ cells, expected }) => {
    expect(isHashtagRow(cells)).toBe(expected);
  });
});

describe('describeUnreadable', () => {
  test.each([
    {
      name: 'empty file',
      header: null,
      reason: 'empty',
      expected: { code: 'file_empty', params: { file: 'x.csv' } },
    },
    {
      name: 'binary file',
      header: null,
      reason: 'binary',
      expected: { code: 'file_binary', params: { file: 'x.csv' } },
    },
    {
      name: 'header only',
      header: ['date', 'lat', 'lon'],
      reason: 'header-only',
      expected: { code: 'file_header_only', params: { file: 'x.csv', columns: 'date, lat, lon' } },
    },
    {
      name: 'no date or coordinates',
      header: ['\uFEFFname', 'length ', 'surface'],
      reason: 'no-date-or-coordinates',
      expected: {
        code: 'file_no_date_coordinates',
        params: { file: 'x.csv', columns: 'name, length, surface' },
      },
    },
    {
      name: 'a long header is cut',
      header: Array.from({ length: 15 }, (_, i) => `c${i}`),
      reason: 'no-date-or-coordinates',
      expected: {
        code: 'file_no_date_coordinates',
        params: {
          file: 'x.csv',
          columns: 'c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, … (+3)',
        },
      },
    },
    {
      name: 'a format lacking columns',
      header: without(ACLED, 'latitude', 'longitude'),
      reason: 'lacks',
      expected: {
        code: 'file_format_lacks',
        params: {
          file: 'x.csv',
          format: { code: 'import_format_acled' },
          columns: 'latitude, longitude',
        },
      },
    },
    {
      name: 'lacks, but no format',
      header: ['a', 'b'],
      reason: 'lacks',
      expected: { code: 'file_no_date_coordinates', params: { file: 'x.csv', columns: 'a, b' } },
    },
  ] satisfies { name: string; header: string[] | null; reason: Unreadable; expected: Said }[])(
    '$name',
    ({ header, reason, expected }) => {
      expect(describeUnreadable(header, 'x.csv', reason)).toEqual(expected);
    },
  );

  test('one clear sentence: what the file has and what we read', () => {
    const said = describeUnreadable(
      ['name', 'length', 'surface'],
      'routes.csv',
      'no-date-or-coordinates',
    );
    expect(say(said, 'en')).toBe(
      'routes.csv has the columns name, length, surface but no date or coordinates. We read ACLED, UCDP and Geo-PKO exports, and tables with a date, a latitude and a longitude.',
    );
    const lacks = describeUnreadable(without(UCDP, 'latitude'), 'ged.csv', 'lacks');
    expect(say(lacks, 'en')).toContain(
      '"UCDP Georeferenced Event Dataset (GED)" but lacks the columns latitude',
    );
    expect(say(lacks, 'fr')).toContain('il lui manque les colonnes latitude');
  });
});
