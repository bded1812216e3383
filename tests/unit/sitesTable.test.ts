import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import {
  filterRows,
  OUTSIDE_DRC,
  siteRows,
  sitesCsv,
  sortRows,
  type SiteRow,
  type Sort,
  type TableFilter,
} from '../../src/lib/domain/sitesTable.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { Site } from '../../src/lib/domain/schema.ts';
import { troopIndex } from '../../src/lib/domain/troops.ts';

const date = (text: string, precision: string) => parseFuzzyDate(text, precision) as FuzzyDate;
const day = (iso: string) => Date.parse(iso) / 86_400_000;

const site = (id: string, name: string, extra: Partial<Site> = {}): Site => ({
  id,
  name,
  kind: 'cob',
  province_iso: 'CD-SK',
  lat: -2.5,
  lon: 28.9,
  opened: date('2010', 'year'),
  opened_basis: 'opened',
  closed: null,
  closure: null,
  troops_estimate: null,
  contingent: '',
  source: 'test',
  confidence: 'high',
  notes: '',
  ...extra,
});

const SITES: Site[] = [
  site('bukavu', 'Bukavu (sector HQ)', {
    kind: 'sector_hq',
    opened: date('2010', 'year'),
    opened_basis: 'present_by',
  }),
  site('tshikapa', 'Tshikapa', { province_iso: 'CD-KS', opened: date('2017-03', 'month') }),
  site('kananga', 'Kananga', { province_iso: 'CD-KC', opened: null, opened_basis: null }),
  site('kigali', 'Kigali liaison', {
    kind: 'liaison_office',
    province_iso: null,
    troops_estimate: 4,
  }),
  site('closed', 'Closed before', { closed: date('2015-01-01', 'day'), closure: 'closed' }),
  // A name a spreadsheet would run as a formula.
  site('formula', '=HYPERLINK("http://x")', { province_iso: 'CD-NK' }),
];
const TROOPS = troopIndex([
  {
    site: 'bukavu',
    year: 2021,
    troops: 850,
    troops_min: 800,
    troops_max: 900,
    unit_types: '',
    source: '',
    notes: '',
  },
  {
    site: 'tshikapa',
    year: 2021,
    troops: 150,
    troops_min: null,
    troops_max: null,
    unit_types: '',
    source: '',
    notes: '',
  },
]);
const JULY_2021 = day('2021-07-15');
const ROWS = siteRows(SITES, TROOPS, JULY_2021, 'en');
const names = (rows: SiteRow[]) => rows.map((r) => r.name);

describe('siteRows: the open sites at the date, in the details panel’s words', () => {
  test('a closed site is left out; the rest come by name', () => {
    expect(names(ROWS)).toEqual([
      '=HYPERLINK("http://x")',
      'Bukavu (sector HQ)',
      'Kananga',
      'Kigali liaison',
      'Tshikapa',
    ]);
  });
  test.each([
    { id: 'bukavu', opened: 'present by 2010 (year) (first shown by the source; may be older)' },
    { id: 'kananga', opened: 'unknown: before the data begins' },
    { id: 'tshikapa', opened: 'Mar 2017 (month)' },
  ])('$id opened: $opened', ({ id, opened }) => {
    expect(ROWS.find((r) => r.id === id)!.opened).toBe(opened);
  });
  test('province and troops: outside the DRC said so; a register figure used', () => {
    const kigali = ROWS.find((r) => r.id === 'kigali')!;
    expect(kigali.province).toBe('outside the DRC');
    expect(kigali.troops).toBe(4);
    expect(ROWS.find((r) => r.id === 'kananga')!.troops).toBeNull();
  });
  test('a figure carried past the last maps says from which year', () => {
    const later = siteRows(SITES, TROOPS, day('2023-07-15'), 'en');
    expect(later.find((r) => r.id === 'bukavu')).toMatchObject({ troops: 850, carriedFrom: 2021 });
  });
});

describe('filterRows', () => {
  const none: TableFilter = { kind: '', province: '', text: '' };
  test.each([
    { what: 'no filter: every row', filter: none, expected: names(ROWS) },
    {
      what: 'text, any case: the name',
      filter: { ...none, text: 'BUKAVU' },
      expected: ['Bukavu (sector HQ)'],
    },
    {
      what: 'text without its accent: the province Kasaï',
      filter: { ...none, text: 'kasai' },
      expected: ['Kananga', 'Tshikapa'],
    },
    {
      what: 'two words: both must match',
      filter: { ...none, text: 'kasai central' },
      expected: ['Kananga'],
    },
    {
      what: 'a hyphen parts words as a space does',
      filter: { ...none, text: 'Central-Kasaï' },
      expected: ['Kananga'],
    },
    {
      what: 'text matching the kind',
      filter: { ...none, text: 'sector' },
      expected: ['Bukavu (sector HQ)'],
    },
    {
      what: 'kind',
      filter: { ...none, kind: 'liaison_office' as const },
      expected: ['Kigali liaison'],
    },
    {
      what: 'province',
      filter: { ...none, province: 'CD-KS' },
      expected: ['Tshikapa'],
    },
    {
      what: 'outside the DRC',
      filter: { ...none, province: OUTSIDE_DRC },
      expected: ['Kigali liaison'],
    },
    {
      what: 'filters together: nothing left',
      filter: { kind: 'sector_hq' as const, province: 'CD-KS', text: '' },
      expected: [],
    },
  ])('$what', ({ filter, expected }) => {
    expect(names(filterRows(ROWS, filter))).toEqual(expected);
  });
});

describe('sortRows: by any column, either way; rows with no value last', () => {
  test.each<{ sort: Sort; expected: string[] }>([
    {
      sort: { key: 'name', descending: true },
      expected: [
        'Tshikapa',
        'Kigali liaison',
        'Kananga',
        'Bukavu (sector HQ)',
        '=HYPERLINK("http://x")',
      ],
    },
    {
      sort: { key: 'troops', descending: true },
      expected: [
        'Bukavu (sector HQ)',
        'Tshikapa',
        'Kigali liaison',
        '=HYPERLINK("http://x")',
        'Kananga',
      ],
    },
    {
      sort: { key: 'troops', descending: false },
      expected: [
        'Kigali liaison',
        'Tshikapa',
        'Bukavu (sector HQ)',
        '=HYPERLINK("http://x")',
        'Kananga',
      ],
    },
    {
      sort: { key: 'opened', descending: false },
      expected: [
        '=HYPERLINK("http://x")',
        'Bukavu (sector HQ)',
        'Kigali liaison',
        'Tshikapa',
        'Kananga',
      ],
    },
    {
      sort: { key: 'province', descending: false },
      expected: [
        'Tshikapa',
        'Kananga',
        '=HYPERLINK("http://x")',
        'Bukavu (sector HQ)',
        'Kigali liaison',
      ],
    },
  ])('$sort.key, descending: $sort.descending', ({ sort, expected }) => {
    expect(names(sortRows(ROWS, sort, 'en'))).toEqual(expected);
  });
});

describe('sitesCsv: the rows as shown, under the table’s headers', () => {
  const csv = sitesCsv(sortRows(ROWS, { key: 'troops', descending: true }, 'en'), 2021, 'en');
  const parsed = Papa.parse<string[]>(csv.trim()).data;
  test('the header, then one line per row in the order shown', () => {
    expect(parsed[0]).toEqual([
      'Name',
      'Kind',
      'Province',
      'Opened',
      'Troops (est., 2021)',
      'Estimate carried from (year)',
    ]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual([
      'Bukavu (sector HQ)',
      'Tshikapa',
      'Kigali liaison',
      `'=HYPERLINK("http://x")`,
      'Kananga',
    ]);
  });
  test('a formula-like cell is defused; figures stay numbers; nothing is blank that is known', () => {
    expect(parsed[1]).toEqual([
      'Bukavu (sector HQ)',
      'Sector HQ',
      'Sud-Kivu',
      'present by 2010 (year) (first shown by the source; may be older)',
      '850',
      '',
    ]);
    expect(parsed[4]![0]!.startsWith("'=")).toBe(true);
  });
  test('in French, the headers and words are French', () => {
    const fr = Papa.parse<string[]>(sitesCsv(ROWS.slice(0, 1), 2021, 'fr').trim()).data;
    expect(fr[0]![0]).toBe('Nom');
    expect(fr[1]![2]).toBe('Nord-Kivu');
  });
});
