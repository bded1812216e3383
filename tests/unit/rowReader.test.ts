/** One imported row to an event, or every problem in it, across every fixture format. */
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { say } from '../../src/lib/domain/problems.ts';
import {
  detectAs,
  detectFormat,
  genericDetected,
  guessColumns,
} from '../../src/lib/import/formats.ts';
import { readEventRow } from '../../src/lib/import/rowReader.ts';
import type { DateStyle, Detected, EventRow, RowProblem } from '../../src/lib/import/types.ts';
import { FIXTURES, readFixture, type FixtureName } from '../fixtures/import/read.ts';

const day = (y: number, m: number, d: number) => dayNumber(y, m, d);

/** How a fixture is read: its own format, a switch, or a mapping with a date style. */
function detectedFor(
  file: FixtureName,
  header: string[],
  as?: DateStyle | 'ucdp-candidate',
): Detected {
  if (as === 'ucdp-candidate') return detectAs(header, 'ucdp-candidate');
  if (as) return genericDetected(guessColumns(header), as);
  return detectFormat(header)!;
}

/** Every row of a fixture: the events by line, and the problems as [line, field, code]. */
function readAll(file: FixtureName, as?: DateStyle | 'ucdp-candidate') {
  const { header, rows } = readFixture(file);
  const d = detectedFor(file, header, as);
  const events = new Map<number, EventRow>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const e = readEventRow(r.cells, d, FIXTURES[file].decimalComma, r.line, header);
    if (Array.isArray(e)) problems.push(...e);
    else events.set(r.line, e);
  }
  return { events, problems };
}

describe('every fixture: rows kept, rows refused and why', () => {
  test.each([
    { file: 'acled-current.csv', ok: 12, problems: [] },
    { file: 'acled-2019.csv', ok: 9, problems: [] },
    { file: 'acled-2018.csv', ok: 6, problems: [] },
    { file: 'acled-legacy-cp1252.csv', ok: 5, problems: [] },
    { file: 'ucdp-ged.csv', ok: 6, problems: [] },
    { file: 'ucdp-candidate.csv', as: 'ucdp-candidate', ok: 5, problems: [] },
    { file: 'geopko.csv', ok: 8, problems: [] },
    { file: 'utf8-bom.csv', ok: 3, problems: [] },
    { file: 'hostile.csv', ok: 2, problems: [] },
    { file: 'french-excel.csv', as: 'dmy-slash', ok: 5, problems: [] },
    { file: 'utf16le-tab.txt', as: 'mdy-slash', ok: 4, problems: [] },
    { file: 'header-only.csv', ok: 0, problems: [] },
    {
      file: 'bad-rows.csv',
      ok: 7,
      problems: [
        [4, 'event_date', 'date_unreadable'],
        [6, 'latitude', 'number_wrong_mark'],
        [8, 'longitude', 'is_empty'],
        [10, 'fatalities', 'not_number'],
        [12, 'latitude', 'outside_range'],
      ],
    },
    {
      file: 'swapped.csv',
      as: 'iso',
      ok: 4,
      problems: [
        [3, 'latitude', 'coords_swapped'],
        [5, 'latitude', 'coords_swapped'],
        [6, 'latitude', 'null_island'],
      ],
    },
    {
      file: 'feb-31.csv',
      as: 'iso',
      ok: 3,
      problems: [
        [4, 'date', 'date_no_day'],
        [5, 'date', 'date_no_day'],
        [7, 'date', 'date_no_month'],
        [8, 'date', 'date_no_day'],
      ],
    },
  ] satisfies {
    file: FixtureName;
    as?: DateStyle | 'ucdp-candidate';
    ok: number;
    problems: [number, string, string][];
  }[])('$file', ({ file, as, ok, problems }) => {
    const r = readAll(file, as);
    expect(r.events.size).toBe(ok);
    expect(r.problems.map((p) => [p.line, p.field, p.problem.code])).toEqual(problems);
  });

  test('a refused row names its line, the column as written, the value, the problem and the fix', () => {
    const { problems } = readAll('bad-rows.csv');
    expect(problems[0]).toEqual({
      line: 4,
      field: 'event_date',
      value: 'sometime in May',
      problem: { code: 'date_unreadable', params: { form: '11 January 2020' } },
      fix: { code: 'fix_date_like', params: { form: '11 January 2020' } },
    });
    expect(say(problems[1]!.problem, 'en')).toBe(
      'has "," in it, but this file uses "." as the decimal mark',
    );
    expect(problems[1]!.value).toBe('-1,2200');
    expect(say(problems[3]!.fix, 'fr')).toContain('laisser vide');
  });
});

describe('what a kept row holds', () => {
  test.each([
    {
      name: 'ACLED current: words for inter1',
      file: 'acled-current.csv',
      line: 2,
      expected: {
        day: day(2024, 3, 3),
        dayEnd: day(2024, 3, 3),
        datePrecision: 'day',
        lat: -1.17,
        lon: 29.45,
        fatalities: 4,
        eventType: 'Battles',
        actor1: 'M23: March 23 Movement',
        actor2: 'Military Forces of the Democratic Republic of Congo (2019-)',
        family: 'rebel',
        admin1: 'Nord-Kivu',
        location: 'Kiwanja',
      },
    },
    {
      name: 'ACLED precision 2: a week',
      file: 'acled-current.csv',
      line: 4,
      expected: { datePrecision: 'week', family: 'protesters', actor2: '' },
    },
    {
      name: 'ACLED precision 3: a month',
      file: 'acled-current.csv',
      line: 5,
      expected: { datePrecision: 'month', family: 'political_militia' },
    },
    {
      name: 'empty fatalities are unknown, not 0',
      file: 'acled-current.csv',
      line: 11,
      expected: { fatalities: null, family: 'external' },
    },
    {
      name: 'identity militia',
      file: 'acled-current.csv',
      line: 13,
      expected: { family: 'identity_militia', location: 'Minembwe' },
    },
    {
      name: 'ACLED 2019: inter1 8',
      file: 'acled-2019.csv',
      line: 9,
      expected: { family: 'external', fatalities: 1, day: day(2021, 2, 24) },
    },
    {
      name: 'ACLED 2019: inter1 6, a week',
      file: 'acled-2019.csv',
      line: 4,
      expected: { family: 'protesters', datePrecision: 'week' },
    },
    {
      name: 'ACLED 2019: inter1 4, a month',
      file: 'acled-2019.csv',
      line: 10,
      expected: { family: 'identity_militia', datePrecision: 'month' },
    },
    {
      name: 'ACLED 2018: old event types as written',
      file: 'acled-2018.csv',
      line: 3,
      expected: { eventType: 'Riots/Protests', family: 'protesters' },
    },
    {
      name: 'legacy: DD/MM/YYYY',
      file: 'acled-legacy-cp1252.csv',
      line: 2,
      expected: { day: day(2016, 8, 12), family: 'political_militia', fatalities: 4 },
    },
    {
      name: 'legacy: Windows-1252 accents',
      file: 'acled-legacy-cp1252.csv',
      line: 5,
      expected: { admin1: 'Équateur', location: 'Mbandaka' },
    },
    {
      name: 'UCDP: a government side, state-based',
      file: 'ucdp-ged.csv',
      line: 2,
      expected: {
        day: day(2021, 5, 3),
        dayEnd: day(2021, 5, 3),
        datePrecision: 'day',
        fatalities: 8,
        eventType: 'State-based conflict',
        actor1: 'Government of DR Congo (Zaire)',
        actor2: 'ADF',
        family: 'state',
        admin1: 'Nord Kivu province',
        location: 'Mayimoya village',
      },
    },
    {
      name: 'UCDP: a span, precision 2',
      file: 'ucdp-ged.csv',
      line: 3,
      expected: {
        day: day(2021, 5, 6),
        dayEnd: day(2021, 5, 9),
        datePrecision: 'week',
        eventType: 'One-sided violence',
        family: 'unknown',
        fatalities: 9,
      },
    },
    {
      name: 'UCDP: precision 4, a month',
      file: 'ucdp-ged.csv',
      line: 4,
      expected: { datePrecision: 'month', eventType: 'Non-state conflict', fatalities: 6 },
    },
    {
      name: 'UCDP: precision 5, a year',
      file: 'ucdp-ged.csv',
      line: 5,
      expected: { datePrecision: 'year', day: day(2020, 1, 1), dayEnd: day(2020, 12, 31) },
    },
    {
      name: 'UCDP: an event in Uganda stays',
      file: 'ucdp-ged.csv',
      line: 6,
      expected: { lat: 0.3163, lon: 32.5822, family: 'state' },
    },
    {
      name: 'Candidate: date-times',
      file: 'ucdp-candidate.csv',
      as: 'ucdp-candidate',
      line: 2,
      expected: { day: day(2024, 2, 7), family: 'state' },
    },
    {
      name: 'Candidate: precision 3, a week',
      file: 'ucdp-candidate.csv',
      as: 'ucdp-candidate',
      line: 4,
      expected: { datePrecision: 'week', day: day(2024, 2, 26), dayEnd: day(2024, 3, 3) },
    },
    {
      name: 'Geo-PKO: a month at a base',
      file: 'geopko.csv',
      line: 2,
      expected: {
        day: day(2019, 3, 1),
        dayEnd: day(2019, 3, 31),
        datePrecision: 'month',
        actor1: 'MONUSCO',
        location: 'Goma',
        family: 'external',
        fatalities: null,
        eventType: '',
      },
    },
    {
      name: 'Geo-PKO: December ends the year',
      file: 'geopko.csv',
      line: 9,
      expected: { day: day(2021, 6, 1), dayEnd: day(2021, 6, 30), location: 'Kananga' },
    },
    {
      name: 'BOM file',
      file: 'utf8-bom.csv',
      line: 2,
      expected: { day: day(2024, 5, 7), family: 'rebel' },
    },
    {
      name: 'French Excel: commas and accents',
      file: 'french-excel.csv',
      as: 'dmy-slash',
      line: 2,
      expected: {
        day: day(2023, 3, 5),
        lat: -1.6792,
        lon: 29.2228,
        eventType: 'Affrontement armé',
        fatalities: 3,
        family: 'unknown',
      },
    },
    {
      name: 'French Excel: no deaths given',
      file: 'french-excel.csv',
      as: 'dmy-slash',
      line: 5,
      expected: { fatalities: null, eventType: 'Émeute' },
    },
    {
      name: 'UTF-16, month/day',
      file: 'utf16le-tab.txt',
      as: 'mdy-slash',
      line: 2,
      expected: {
        day: day(2024, 3, 14),
        location: 'Kisangani',
        eventType: 'Attaque armée',
        fatalities: 2,
      },
    },
    {
      name: 'hostile text is kept as text',
      file: 'hostile.csv',
      line: 2,
      expected: { actor1: '<img src=x onerror=alert(1)>', family: 'rebel' },
    },
    {
      name: 'other countries in a table keep their place',
      file: 'swapped.csv',
      as: 'iso',
      line: 8,
      expected: { lat: 0.3163, lon: 32.5822, location: 'Kampala' },
    },
  ] satisfies {
    name: string;
    file: FixtureName;
    as?: DateStyle | 'ucdp-candidate';
    line: number;
    expected: Partial<EventRow>;
  }[])('$name', ({ file, as, line, expected }) => {
    expect(readAll(file, as).events.get(line)).toMatchObject(expected);
  });
});

// Inline rows in ACLED's current format, changed one cell at a time.
const ACLED = readFixture('acled-current.csv');
const ACLED_D = detectFormat(ACLED.header)!;
const BASE = ACLED.rows[0]!.cells;
const col = (name: string) => ACLED.header.indexOf(name);
const acledRow = (change: Record<string, string | undefined>) => {
  const cells = [...BASE];
  for (const [k, v] of Object.entries(change)) if (v !== undefined) cells[col(k)] = v;
  return readEventRow(cells, ACLED_D, false, 7, ACLED.header);
};
const problemsOf = (r: EventRow | RowProblem[]) =>
  Array.isArray(r) ? r.map((p) => [p.field, p.problem.code, p.fix.code]) : r;

describe('rows changed one cell at a time', () => {
  test.each([
    {
      name: 'several problems are all said, in column order',
      change: { event_date: '30 February 2024', latitude: 'north', fatalities: '-3' },
      expected: [
        ['event_date', 'date_no_day', 'fix_real_date'],
        ['latitude', 'not_number', 'fix_lat_required'],
        ['fatalities', 'number_below_zero', 'fix_fatalities'],
      ],
    },
    {
      name: 'an unknown precision code',
      change: { time_precision: '7' },
      expected: [['time_precision', 'not_allowed', 'fix_one_of']],
    },
    {
      name: 'a two-digit year',
      change: { event_date: '03/03/24' },
      expected: [['event_date', 'date_year_outside', 'fix_four_digit_year']],
    },
    {
      name: 'an empty date',
      change: { event_date: '' },
      expected: [['event_date', 'is_empty', 'fix_date_like']],
    },
    {
      name: 'a comma in fatalities (1,200: grouping or a decimal comma?)',
      change: { fatalities: '1,200' },
      expected: [['fatalities', 'number_wrong_mark', 'fix_fatalities']],
    },
    {
      name: 'swapped coordinates in a DRC row',
      change: { latitude: '29.4500', longitude: '-1.1700' },
      expected: [['latitude', 'coords_swapped', 'fix_swap_coords']],
    },
  ] satisfies { name: string; change: Record<string, string>; expected: string[][] }[])(
    '$name',
    ({ change, expected }) => {
      expect(problemsOf(acledRow(change))).toEqual(expected);
    },
  );

  test.each([
    {
      name: 'ISO dates from HDX or the API',
      change: { event_date: '2024-03-03' },
      expected: { day: day(2024, 3, 3) },
    },
    {
      name: 'empty precision: a day',
      change: { time_precision: '' },
      expected: { datePrecision: 'day' },
    },
    {
      name: 'decimal fatalities are kept as given',
      change: { fatalities: '2.5' },
      expected: { fatalities: 2.5 },
    },
    { name: 'inter1 as a code', change: { inter1: '1' }, expected: { family: 'state' } },
    {
      name: 'inter1 as acledR writes it',
      change: { inter1: 'State Forces' },
      expected: { family: 'state' },
    },
    { name: 'inter1 plural', change: { inter1: 'Rebel groups' }, expected: { family: 'rebel' } },
    {
      name: 'inter1, external',
      change: { inter1: 'External/Other Forces' },
      expected: { family: 'external' },
    },
    {
      name: 'inter1, protestors spelled with o',
      change: { inter1: 'Protestors' },
      expected: { family: 'protesters' },
    },
    { name: 'inter1 0: no type', change: { inter1: '0' }, expected: { family: 'unknown' } },
    {
      name: 'inter1 unknown words',
      change: { inter1: 'Militia' },
      expected: { family: 'unknown' },
    },
    {
      name: 'inter1 as "constructor" finds nothing inherited',
      change: { inter1: 'constructor' },
      expected: { family: 'unknown' },
    },
    {
      name: 'a Sahel event in another country is not swapped',
      change: { latitude: '15.0', longitude: '-1.0', country: 'Mali' },
      expected: { lat: 15, lon: -1 },
    },
    {
      name: 'cells trimmed',
      change: { actor1: '  ADF  ', admin1: ' Ituri' },
      expected: { actor1: 'ADF', admin1: 'Ituri' },
    },
  ] satisfies { name: string; change: Record<string, string>; expected: Partial<EventRow> }[])(
    '$name',
    ({ change, expected }) => {
      expect(acledRow(change)).toMatchObject(expected);
    },
  );

  test('a long value is cut to 200 characters', () => {
    const r = acledRow({ event_date: 'x'.repeat(300) });
    expect(Array.isArray(r) && r[0]!.value).toBe('x'.repeat(200));
  });

  test('a short row: missing cells read as empty', () => {
    const r = readEventRow(BASE.slice(0, col('longitude')), ACLED_D, false, 9, ACLED.header);
    expect(problemsOf(r)).toEqual([['longitude', 'is_empty', 'fix_lon_required']]);
  });

  test('a header written in capitals is named as written', () => {
    const header = ACLED.header.map((h) => h.toUpperCase());
    const cells = [...BASE];
    cells[col('latitude')] = '';
    const r = readEventRow(cells, detectFormat(header)!, false, 3, header);
    expect(problemsOf(r)).toEqual([['LATITUDE', 'is_empty', 'fix_lat_required']]);
  });
});

describe('UCDP and Geo-PKO rows changed', () => {
  const UCDP = readFixture('ucdp-ged.csv');
  const ucdpD = detectFormat(UCDP.header)!;
  const ucdpRow = (change: Record<string, string>) => {
    const cells = [...UCDP.rows[0]!.cells];
    for (const [k, v] of Object.entries(change)) cells[UCDP.header.indexOf(k)] = v;
    return readEventRow(cells, ucdpD, false, 2, UCDP.header);
  };
  const GEO = readFixture('geopko.csv');
  const geoD = detectFormat(GEO.header)!;
  const geoRow = (change: Record<string, string>) => {
    const cells = [...GEO.rows[0]!.cells];
    for (const [k, v] of Object.entries(change)) cells[GEO.header.indexOf(k)] = v;
    return readEventRow(cells, geoD, false, 2, GEO.header);
  };

  test.each([
    {
      name: 'UCDP end before start',
      row: () => ucdpRow({ date_end: '2021-05-01' }),
      expected: [['date_end', 'date_before', 'fix_check_dates']],
    },
    {
      name: 'UCDP unknown date_prec',
      row: () => ucdpRow({ date_prec: '9' }),
      expected: [['date_prec', 'not_allowed', 'fix_one_of']],
    },
    {
      name: 'UCDP DRC row swapped',
      row: () => ucdpRow({ latitude: '29.548', longitude: '0.765' }),
      expected: [['latitude', 'coords_swapped', 'fix_swap_coords']],
    },
    {
      name: 'Geo-PKO month 13',
      row: () => geoRow({ month: '13' }),
      expected: [['month', 'date_no_month', 'fix_month_number']],
    },
    {
      name: 'Geo-PKO two-digit year',
      row: () => geoRow({ year: '19' }),
      expected: [['year', 'date_year_outside', 'fix_four_digit_year']],
    },
    {
      name: 'Geo-PKO year as text',
      row: () => geoRow({ year: 'NA' }),
      expected: [['year', 'not_number', 'fix_four_digit_year']],
    },
  ])('$name', ({ row, expected }) => {
    expect(problemsOf(row())).toEqual(expected);
  });

  test('the precision fix lists the codebook codes', () => {
    const r = ucdpRow({ date_prec: '9' }) as RowProblem[];
    expect(r[0]!.fix).toEqual({ code: 'fix_one_of', params: { options: '1, 2, 3, 4, 5' } });
    expect(r[0]!.value).toBe('9');
  });

  test('UCDP date_end before start names the start', () => {
    const r = ucdpRow({ date_end: '2021-05-01' }) as RowProblem[];
    expect(r[0]!.problem).toEqual({
      code: 'date_before',
      params: { start: 'date_start', text: '2021-05-03' },
    });
  });

  test('Geo-PKO without a month column: the year', () => {
    const header = GEO.header.filter((h) => h !== 'month');
    const cells = GEO.rows[0]!.cells.filter((_, i) => GEO.header[i] !== 'month');
    expect(readEventRow(cells, detectFormat(header)!, false, 2, header)).toMatchObject({
      day: day(2019, 1, 1),
      dayEnd: day(2019, 12, 31),
      datePrecision: 'year',
    });
  });

  test('two headers read in turn each keep their own plan', () => {
    const a = ucdpRow({});
    const b = acledRow({});
    const c = ucdpRow({});
    expect([a, b, c].map((r) => (Array.isArray(r) ? 'problems' : r.eventType))).toEqual([
      'State-based conflict',
      'Battles',
      'State-based conflict',
    ]);
  });
});

describe('speed: a million-row file', () => {
  test('100,000 realistic ACLED rows well inside the budget (1M in ≤ 1.5 s)', () => {
    const rows = ACLED.rows.map((r) => r.cells);
    const n = 100_000;
    let kept = 0;
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const r = readEventRow(rows[i % rows.length]!, ACLED_D, false, i + 2, ACLED.header);
      if (!Array.isArray(r)) kept++;
    }
    const ms = performance.now() - t;
    expect(kept).toBe(n);
    // A tenth of the file in a tenth of the budget, on a shared 2-core machine.
    expect(ms).toBeLessThan(150 * 3);
  });
});
