/** Reading one imported cell: dates in each style, numbers with either decimal mark, coordinates. */
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import {
  civilDay,
  dateFix,
  daysInMonth,
  DRC_BOX,
  guessDateStyle,
  guessDateStyleFully,
  numberFix,
  readCoordinates,
  readCoordinatesInto,
  readDate,
  readNumber,
} from '../../src/lib/import/cells.ts';
import type { DateStyle } from '../../src/lib/import/types.ts';

describe('readDate: good dates', () => {
  test.each([
    { name: 'ISO', text: '2020-01-11', style: 'iso', expected: [2020, 1, 11] },
    {
      name: 'UCDP date and time',
      text: '2020-01-11 00:00:00',
      style: 'iso',
      expected: [2020, 1, 11],
    },
    {
      name: 'UCDP with milliseconds',
      text: '2020-01-11 00:00:00.000',
      style: 'iso',
      expected: [2020, 1, 11],
    },
    {
      name: 'ISO with T and zone',
      text: '2020-01-11T00:00:00Z',
      style: 'iso',
      expected: [2020, 1, 11],
    },
    { name: 'ISO with one-digit parts', text: '2020-1-5', style: 'iso', expected: [2020, 1, 5] },
    { name: 'ACLED export', text: '11 January 2020', style: 'dmy-words', expected: [2020, 1, 11] },
    {
      name: 'ACLED, zero-padded day',
      text: '01 January 2019',
      style: 'dmy-words',
      expected: [2019, 1, 1],
    },
    {
      name: 'one-digit day, short month',
      text: '1 Jan 2020',
      style: 'dmy-words',
      expected: [2020, 1, 1],
    },
    { name: 'Excel d-MMM-yyyy', text: '11-Jan-2020', style: 'dmy-words', expected: [2020, 1, 11] },
    { name: 'upper case', text: '3 MARCH 2021', style: 'dmy-words', expected: [2021, 3, 3] },
    {
      name: 'September as Sept',
      text: '30 Sept 2022',
      style: 'dmy-words',
      expected: [2022, 9, 30],
    },
    { name: 'French month', text: '11 janvier 2020', style: 'dmy-words', expected: [2020, 1, 11] },
    {
      name: 'French abbreviation with a point',
      text: '11 janv. 2020',
      style: 'dmy-words',
      expected: [2020, 1, 11],
    },
    { name: 'French accents', text: '15 août 2021', style: 'dmy-words', expected: [2021, 8, 15] },
    {
      name: 'French capital accent',
      text: '2 DÉCEMBRE 2021',
      style: 'dmy-words',
      expected: [2021, 12, 2],
    },
    {
      name: 'spaces around',
      text: '  11 January 2020 ',
      style: 'dmy-words',
      expected: [2020, 1, 11],
    },
    {
      name: 'HDX ACLED writes ISO',
      text: '2020-08-01',
      style: 'dmy-words',
      expected: [2020, 8, 1],
    },
    { name: 'legacy ACLED', text: '21/07/2016', style: 'dmy-slash', expected: [2016, 7, 21] },
    { name: 'dashes', text: '21-07-2016', style: 'dmy-slash', expected: [2016, 7, 21] },
    { name: 'points', text: '21.07.2016', style: 'dmy-slash', expected: [2016, 7, 21] },
    {
      name: 'spreadsheet time after',
      text: '21/07/2016 00:00',
      style: 'dmy-slash',
      expected: [2016, 7, 21],
    },
    {
      name: 'one-digit day and month',
      text: '5/3/2016',
      style: 'dmy-slash',
      expected: [2016, 3, 5],
    },
    { name: 'US order', text: '07/21/2016', style: 'mdy-slash', expected: [2016, 7, 21] },
    { name: 'US order, short', text: '3/14/2024', style: 'mdy-slash', expected: [2024, 3, 14] },
    {
      name: '29 February of a leap year',
      text: '2020-02-29',
      style: 'iso',
      expected: [2020, 2, 29],
    },
    {
      name: '2000 is a leap year',
      text: '29/02/2000',
      style: 'dmy-slash',
      expected: [2000, 2, 29],
    },
    { name: 'first year allowed', text: '1900-01-01', style: 'iso', expected: [1900, 1, 1] },
    {
      name: 'last year allowed',
      text: '31 December 2100',
      style: 'dmy-words',
      expected: [2100, 12, 31],
    },
  ] satisfies { name: string; text: string; style: DateStyle; expected: number[] }[])(
    '$name: $text',
    ({ text, style, expected: [y, m, d] }) => {
      expect(readDate(text, style)).toBe(dayNumber(y!, m!, d!));
    },
  );
});

describe('readDate: problems, never a rolled-over date', () => {
  test.each([
    {
      name: '31 February',
      text: '31/02/2021',
      style: 'dmy-slash',
      expected: { code: 'date_no_day', params: { day: 31, month: '2021-02' } },
    },
    {
      name: '29 February, not a leap year',
      text: '2021-02-29',
      style: 'iso',
      expected: { code: 'date_no_day', params: { day: 29, month: '2021-02' } },
    },
    {
      name: '1900 is not a leap year',
      text: '29/02/1900',
      style: 'dmy-slash',
      expected: { code: 'date_no_day', params: { day: 29, month: '1900-02' } },
    },
    {
      name: 'month 13',
      text: '2021-13-01',
      style: 'iso',
      expected: { code: 'date_no_month', params: { month: 13 } },
    },
    {
      name: 'month 0',
      text: '10/00/2021',
      style: 'dmy-slash',
      expected: { code: 'date_no_month', params: { month: 0 } },
    },
    {
      name: 'day 0',
      text: '2021-04-00',
      style: 'iso',
      expected: { code: 'date_no_day', params: { day: 0, month: '2021-04' } },
    },
    {
      name: '31 April in words',
      text: '31 April 2021',
      style: 'dmy-words',
      expected: { code: 'date_no_day', params: { day: 31, month: '2021-04' } },
    },
    {
      name: 'US order read day-first',
      text: '07/21/2016',
      style: 'dmy-slash',
      expected: { code: 'date_no_month', params: { month: 21 } },
    },
    {
      name: 'year before 1900',
      text: '1850-01-01',
      style: 'iso',
      expected: { code: 'date_year_outside', params: { year: 1850 } },
    },
    {
      name: 'year after 2100',
      text: '11 January 2202',
      style: 'dmy-words',
      expected: { code: 'date_year_outside', params: { year: 2202 } },
    },
    {
      name: 'two-digit year',
      text: '21/07/16',
      style: 'dmy-slash',
      expected: { code: 'date_year_outside', params: { year: 16 } },
    },
    { name: 'empty', text: '', style: 'iso', expected: { code: 'is_empty' } },
    { name: 'spaces only', text: '   ', style: 'dmy-words', expected: { code: 'is_empty' } },
    {
      name: 'words',
      text: 'sometime in May',
      style: 'dmy-words',
      expected: { code: 'date_unreadable', params: { form: '11 January 2020' } },
    },
    {
      name: 'slash date where ISO is expected',
      text: '11/01/2020',
      style: 'iso',
      expected: { code: 'date_unreadable', params: { form: '2020-01-11' } },
    },
    {
      name: 'mixed separators',
      text: '21/07-2016',
      style: 'dmy-slash',
      expected: { code: 'date_unreadable', params: { form: '11/01/2020' } },
    },
    {
      name: 'not a month',
      text: '11 Foo 2020',
      style: 'dmy-words',
      expected: { code: 'date_unreadable', params: { form: '11 January 2020' } },
    },
    {
      name: 'text after the date',
      text: '2020-01-11 about',
      style: 'iso',
      expected: { code: 'date_unreadable', params: { form: '2020-01-11' } },
    },
    {
      name: 'eight digits',
      text: '20200111',
      style: 'iso',
      expected: { code: 'date_unreadable', params: { form: '2020-01-11' } },
    },
  ] satisfies { name: string; text: string; style: DateStyle; expected: Said }[])(
    '$name: $text',
    ({ text, style, expected }) => {
      expect(readDate(text, style)).toEqual(expected);
    },
  );
});

describe('dateFix: the fix matches the problem', () => {
  test.each([
    {
      name: 'impossible day',
      problem: { code: 'date_no_day' },
      style: 'iso',
      expected: { code: 'fix_real_date' },
    },
    {
      name: 'impossible month',
      problem: { code: 'date_no_month' },
      style: 'iso',
      expected: { code: 'fix_real_date' },
    },
    {
      name: 'year',
      problem: { code: 'date_year_outside' },
      style: 'iso',
      expected: { code: 'fix_four_digit_year' },
    },
    {
      name: 'unreadable, ACLED',
      problem: { code: 'date_unreadable' },
      style: 'dmy-words',
      expected: { code: 'fix_date_like', params: { form: '11 January 2020' } },
    },
    {
      name: 'empty, legacy',
      problem: { code: 'is_empty' },
      style: 'dmy-slash',
      expected: { code: 'fix_date_like', params: { form: '11/01/2020' } },
    },
  ] satisfies { name: string; problem: Said; style: DateStyle; expected: Said }[])(
    '$name',
    ({ problem, style, expected }) => {
      expect(dateFix(problem, style)).toEqual(expected);
    },
  );
});

describe('civilDay agrees with dayNumber (Date.UTC)', () => {
  test.each([
    { name: '1900–1902', from: 1900, to: 1902 },
    { name: 'the epoch', from: 1969, to: 1971 },
    { name: 'around 2000', from: 1999, to: 2001 },
    { name: 'the data years', from: 2016, to: 2026 },
    { name: 'the last years', from: 2099, to: 2100 },
  ])('$name', ({ from, to }) => {
    const wrong: string[] = [];
    for (let y = from; y <= to; y++)
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= daysInMonth(y, m); d++)
          if (civilDay(y, m, d) !== dayNumber(y, m, d)) wrong.push(`${y}-${m}-${d}`);
    expect(wrong).toEqual([]);
  });
});

describe('guessDateStyle', () => {
  test.each([
    {
      name: 'ISO',
      samples: ['2020-01-11', '2020-02-03'],
      expected: { style: 'iso', assumed: null },
    },
    {
      name: 'UCDP date-times',
      samples: ['2020-01-11 00:00:00.000'],
      expected: { style: 'iso', assumed: null },
    },
    {
      name: 'ACLED words',
      samples: ['11 January 2020', '01 February 2020'],
      expected: { style: 'dmy-words', assumed: null },
    },
    {
      name: 'a first part over 12 decides day/month',
      samples: ['05/03/2016', '21/07/2016'],
      expected: { style: 'dmy-slash', assumed: null },
    },
    {
      name: 'a second part over 12 decides month/day',
      samples: ['03/05/2016', '07/21/2016'],
      expected: { style: 'mdy-slash', assumed: null },
    },
    {
      name: 'all ambiguous: day/month assumed, and said',
      samples: ['', '05/03/2016', '04/02/2016'],
      expected: {
        style: 'dmy-slash',
        assumed: { code: 'date_order_assumed', params: { example: '05/03/2016' } },
      },
    },
    {
      name: 'impossible days still show the shape',
      samples: ['31 February 2021', '30 April 2021'],
      expected: { style: 'dmy-words', assumed: null },
    },
    {
      name: 'most values win',
      samples: ['2020-01-11', '2020-01-12', '11/01/2020'],
      expected: { style: 'iso', assumed: null },
    },
    { name: 'both orders proven: no style', samples: ['21/07/2016', '07/21/2016'], expected: null },
    { name: 'nothing like a date', samples: ['foo', '', 'Goma'], expected: null },
    { name: 'no values', samples: [], expected: null },
  ] satisfies {
    name: string;
    samples: string[];
    expected: ReturnType<typeof guessDateStyleFully>;
  }[])('$name', ({ samples, expected }) => {
    expect(guessDateStyleFully(samples)).toEqual(expected);
    expect(guessDateStyle(samples)).toBe(expected?.style ?? null);
  });

  test('the assumption is worded for the user', () => {
    const guess = guessDateStyleFully(['05/03/2016']);
    expect(say(guess!.assumed!, 'en')).toContain('05/03/2016');
    expect(say(guess!.assumed!, 'fr')).toContain('jour/mois');
  });
});

describe('readNumber', () => {
  test.each([
    { name: 'decimal point', text: '29.4664', comma: false, expected: 29.4664 },
    { name: 'spaces and a sign', text: ' -1.5 ', comma: false, expected: -1.5 },
    { name: 'plus sign', text: '+2', comma: false, expected: 2 },
    { name: 'Unicode minus', text: '\u22123.5', comma: false, expected: -3.5 },
    { name: 'integer', text: '0', comma: false, expected: 0 },
    { name: 'leading point', text: '.5', comma: false, expected: 0.5 },
    { name: 'decimal comma in a comma file', text: '-1,6792', comma: true, expected: -1.6792 },
    { name: 'integer in a comma file', text: '12', comma: true, expected: 12 },
    { name: 'empty', text: '', comma: false, expected: { code: 'is_empty' } },
    { name: 'blank', text: ' \u00a0', comma: true, expected: { code: 'is_empty' } },
    { name: 'words', text: 'about 10', comma: false, expected: { code: 'not_number' } },
    { name: 'exponent', text: '1e5', comma: false, expected: { code: 'not_number' } },
    { name: 'a sign alone', text: '-', comma: false, expected: { code: 'not_number' } },
    { name: 'a point alone', text: '.', comma: false, expected: { code: 'not_number' } },
    {
      name: 'comma in a point file',
      text: '1,5',
      comma: false,
      expected: { code: 'number_wrong_mark', params: { found: ',', expected: '.' } },
    },
    {
      name: 'point in a comma file',
      text: '1.5',
      comma: true,
      expected: { code: 'number_wrong_mark', params: { found: '.', expected: ',' } },
    },
    {
      name: 'space as thousands separator',
      text: '1 234',
      comma: false,
      expected: { code: 'number_grouped' },
    },
    {
      name: 'no-break space as separator',
      text: '1\u00a0234',
      comma: true,
      expected: { code: 'number_grouped' },
    },
    {
      name: 'apostrophe separator',
      text: "1'234",
      comma: false,
      expected: { code: 'number_grouped' },
    },
    {
      name: 'comma thousands and point',
      text: '1,234.5',
      comma: false,
      expected: { code: 'number_grouped' },
    },
    { name: 'two points', text: '1.234.567', comma: false, expected: { code: 'number_grouped' } },
    {
      name: 'point thousands and comma',
      text: '1.234,5',
      comma: true,
      expected: { code: 'number_grouped' },
    },
    { name: 'two commas', text: '1,234,567', comma: false, expected: { code: 'number_grouped' } },
  ] satisfies { name: string; text: string; comma: boolean; expected: number | Said }[])(
    '$name: "$text"',
    ({ text, comma, expected }) => {
      expect(readNumber(text, comma)).toEqual(expected);
    },
  );

  test.each([
    {
      name: 'empty: fill it in',
      problem: { code: 'is_empty' },
      comma: false,
      expected: { code: 'fix_fill_in' },
    },
    {
      name: 'point file',
      problem: { code: 'number_grouped' },
      comma: false,
      expected: { code: 'fix_plain_number', params: { example: '1234.5' } },
    },
    {
      name: 'comma file: the example too',
      problem: { code: 'not_number' },
      comma: true,
      expected: { code: 'fix_plain_number', params: { example: '1234,5' } },
    },
  ] satisfies { name: string; problem: Said; comma: boolean; expected: Said }[])(
    'numberFix: $name',
    ({ problem, comma, expected }) => {
      expect(numberFix(problem, comma, '1234.5')).toEqual(expected);
    },
  );
});

describe('readNumber gives the double Number() gives', () => {
  // Its fast path divides the digits by a power of ten; both exact, so the quotient is the
  // correctly rounded value. Checked over coordinates as sources write them.
  test.each([
    { name: 'four decimals, DRC latitudes', from: -14, to: 6, step: 0.0137, digits: 4 },
    { name: 'six decimals, longitudes', from: 12, to: 32, step: 0.0213, digits: 6 },
    { name: 'UCDP-like, up to 15 digits', from: -90, to: 90, step: 0.977, digits: 12 },
    { name: 'beyond 15 digits, the slow path', from: 100, to: 101, step: 0.0071, digits: 16 },
  ])('$name', ({ from, to, step, digits }) => {
    const differ: string[] = [];
    for (let x = from; x <= to; x += step) {
      const text = x.toFixed(digits);
      const comma = text.replace('.', ',');
      if (readNumber(text, false) !== Number(text)) differ.push(text);
      if (readNumber(comma, true) !== Number(text)) differ.push(comma);
    }
    expect(differ).toEqual([]);
  });
});

const latFix = (example = '-1.6792'): Said => ({ code: 'fix_lat_required', params: { example } });
const lonFix = (example = '29.2228'): Said => ({ code: 'fix_lon_required', params: { example } });

describe('readCoordinates', () => {
  test.each([
    {
      name: 'Goma',
      lat: '-1.6792',
      lon: '29.2228',
      comma: false,
      check: true,
      expected: { lat: -1.6792, lon: 29.2228 },
    },
    {
      name: 'decimal commas',
      lat: '-1,6792',
      lon: '29,2228',
      comma: true,
      check: true,
      expected: { lat: -1.6792, lon: 29.2228 },
    },
    {
      name: 'Kampala: outside the box, not a mirror of it',
      lat: '0.3163',
      lon: '32.5822',
      comma: false,
      check: true,
      expected: { lat: 0.3163, lon: 32.5822 },
    },
    {
      name: 'Syria: another country stays valid',
      lat: '35.763369',
      lon: '36.558974',
      comma: false,
      check: true,
      expected: { lat: 35.763369, lon: 36.558974 },
    },
    {
      name: 'south-west corner of the box',
      lat: String(DRC_BOX.latMin),
      lon: String(DRC_BOX.lonMin),
      comma: false,
      check: true,
      expected: { lat: -14, lon: 12 },
    },
    {
      name: 'swapped: Goma the other way round',
      lat: '29.2228',
      lon: '-1.6792',
      comma: false,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'coords_swapped', params: { lat: '29.2228', lon: '-1.6792' } },
            fix: { code: 'fix_swap_coords', params: { lat: '-1.6792', lon: '29.2228' } },
          },
        ],
      },
    },
    {
      name: 'swapped, with decimal commas and spaces',
      lat: ' 28,8608',
      lon: '-2,5083 ',
      comma: true,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'coords_swapped', params: { lat: '28,8608', lon: '-2,5083' } },
            fix: { code: 'fix_swap_coords', params: { lat: '-2,5083', lon: '28,8608' } },
          },
        ],
      },
    },
    // A Sahel point mirrors into the box: with no country to say otherwise it is flagged,
    // so rows that name their country (UCDP, ACLED) turn the check off.
    {
      name: 'Sahel point, no country',
      lat: '15.0',
      lon: '-1.0',
      comma: false,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'coords_swapped', params: { lat: '15.0', lon: '-1.0' } },
            fix: { code: 'fix_swap_coords', params: { lat: '-1.0', lon: '15.0' } },
          },
        ],
      },
    },
    {
      name: 'Sahel point, its country named',
      lat: '15.0',
      lon: '-1.0',
      comma: false,
      check: false,
      expected: { lat: 15, lon: -1 },
    },
    {
      name: 'null island',
      lat: '0',
      lon: '0',
      comma: false,
      check: true,
      expected: {
        problems: [
          { field: 'lat', problem: { code: 'null_island' }, fix: { code: 'fix_null_island' } },
        ],
      },
    },
    {
      name: 'null island, written otherwise',
      lat: '0.0',
      lon: '-0',
      comma: false,
      check: false,
      expected: {
        problems: [
          { field: 'lat', problem: { code: 'null_island' }, fix: { code: 'fix_null_island' } },
        ],
      },
    },
    {
      name: 'latitude over 90',
      lat: '95.5',
      lon: '29.2',
      comma: false,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'outside_range', params: { min: -90, max: 90 } },
            fix: latFix(),
          },
        ],
      },
    },
    {
      name: 'both out of range',
      lat: '-100',
      lon: '200',
      comma: true,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'outside_range', params: { min: -90, max: 90 } },
            fix: latFix('-1,6792'),
          },
          {
            field: 'lon',
            problem: { code: 'outside_range', params: { min: -180, max: 180 } },
            fix: lonFix('29,2228'),
          },
        ],
      },
    },
    {
      name: 'unreadable and empty: both said',
      lat: 'abc',
      lon: '',
      comma: false,
      check: true,
      expected: {
        problems: [
          { field: 'lat', problem: { code: 'not_number' }, fix: latFix() },
          { field: 'lon', problem: { code: 'is_empty' }, fix: lonFix() },
        ],
      },
    },
    {
      name: 'a comma in a point file',
      lat: '-1,2200',
      lon: '28.98',
      comma: false,
      check: true,
      expected: {
        problems: [
          {
            field: 'lat',
            problem: { code: 'number_wrong_mark', params: { found: ',', expected: '.' } },
            fix: latFix(),
          },
        ],
      },
    },
  ] satisfies {
    name: string;
    lat: string;
    lon: string;
    comma: boolean;
    check: boolean;
    expected: ReturnType<typeof readCoordinates>;
  }[])('$name', ({ lat, lon, comma, check, expected }) => {
    expect(readCoordinates(lat, lon, comma, check)).toEqual(expected);
  });

  test('the box and its mirror image do not overlap, so a pair and its swap are never both in', () => {
    const mirror = {
      latMin: DRC_BOX.lonMin,
      latMax: DRC_BOX.lonMax,
      lonMin: DRC_BOX.latMin,
      lonMax: DRC_BOX.latMax,
    };
    const overlap =
      mirror.latMin <= DRC_BOX.latMax &&
      mirror.latMax >= DRC_BOX.latMin &&
      mirror.lonMin <= DRC_BOX.lonMax &&
      mirror.lonMax >= DRC_BOX.lonMin;
    expect(overlap).toBe(false);
  });

  test('the swap is worded with both values the right way round', () => {
    const r = readCoordinates('29.2228', '-1.6792', false);
    expect('problems' in r).toBe(true);
    if (!('problems' in r)) return;
    expect(say(r.problems[0]!.fix, 'en')).toBe(
      'swap the two values: latitude -1.6792, longitude 29.2228',
    );
  });
});

describe('readCoordinatesInto, the row reader’s form', () => {
  test.each([
    {
      name: 'good: written into the pair, no problems',
      lat: '-1.6792',
      lon: '29.2228',
      problems: null,
      at: { lat: -1.6792, lon: 29.2228 },
    },
    {
      name: 'bad: the pair untouched',
      lat: '0',
      lon: '0',
      problems: ['null_island'],
      at: { lat: 7, lon: 7 },
    },
  ])('$name', ({ lat, lon, problems, at }) => {
    const place = { lat: 7, lon: 7 };
    const r = readCoordinatesInto(lat, lon, false, true, place);
    expect(r?.map((p) => p.problem.code) ?? null).toEqual(problems);
    expect(place).toEqual(at);
  });
});
