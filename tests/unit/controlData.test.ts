/** The reader of control.csv: good rows load typed, each bad row is named and kept out. */
import { describe, expect, test } from 'vitest';
import { readControl } from '../../src/lib/data/control.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { SCENARIO_FILES } from '../../src/lib/data/files.ts';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { validateDefaultData } from '../defaultData.ts';

const HEAD =
  'id,town,group,province_iso,lat,lon,from,from_precision,to,to_precision,source,confidence,notes';
// The two rows the bundled file holds (the research branch keeps them unchanged).
const GOMA =
  'goma-2025,Goma,M23/AFC,CD-NK,-1.67409,29.22845,2025-01-28,day,,,"S/RES/2773 (unscr.com/en/resolutions/2773): the Council dates M23\'s control of Goma to 28 Jan 2025",high,Coordinate: GeoNames (places.csv).';
const BUKAVU =
  'bukavu-2025,Bukavu,M23/AFC,CD-SK,-2.49077,28.84281,2025-02-14,day,,,"S/RES/2773 (unscr.com/en/resolutions/2773): control of Bukavu from 14 Feb 2025",high,Coordinate: GeoNames (places.csv).';
const read = (...rows: string[]) => readControl([HEAD, ...rows].join('\n'), 'control.csv');

describe('readControl', () => {
  test('loads good rows with typed values; an empty "to" means still held', () => {
    const r = read(GOMA, BUKAVU);
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([2, 3]);
    expect(r.records[0]).toMatchObject({
      id: 'goma-2025',
      town: 'Goma',
      group: 'M23/AFC',
      province_iso: 'CD-NK',
      lat: -1.67409,
      lon: 29.22845,
      to: null,
      confidence: 'high',
    });
    expect(r.records[0]!.from).toMatchObject({ precision: 'day', first: dayNumber(2025, 1, 28) });
    expect(r.records[1]!.source).toContain('14 Feb 2025');
  });

  test('a group the app has never heard of is fine: groups rename and ally', () => {
    const r = read(GOMA.replace('M23/AFC', 'Wazalendo coalition'));
    expect(r.issues).toEqual([]);
    expect(r.records[0]!.group).toBe('Wazalendo coalition');
  });

  test('a period with an end, to the month, loads with that end', () => {
    const r = read(GOMA.replace('2025-01-28,day,,', '2025-01-28,day,2025-06,month'));
    expect(r.issues).toEqual([]);
    expect(r.records[0]!.to).toMatchObject({ precision: 'month', last: dayNumber(2025, 6, 30) });
  });

  test.each([
    {
      name: 'a date that is not in the calendar',
      row: GOMA.replace('2025-01-28', '2025-02-30'),
      field: 'from',
      value: '2025-02-30',
      says: /day 30 does not exist in 2025-02/,
    },
    {
      name: 'a date that contradicts its precision',
      row: GOMA.replace('2025-01-28,day', '2025-01-28,month'),
      field: 'from',
      value: '2025-01-28',
      says: /precision/,
    },
    {
      name: 'no "from" at all',
      row: GOMA.replace('2025-01-28,day', ','),
      field: 'from',
      value: '',
      says: /is empty/,
    },
    {
      name: '"to" before "from"',
      row: GOMA.replace('2025-01-28,day,,', '2025-01-28,day,2024-12-01,day'),
      field: 'to',
      value: '2024-12-01',
      says: /is before from \(2025-01-28\).*check both dates/,
    },
    {
      name: 'a missing latitude',
      row: GOMA.replace('-1.67409', ''),
      field: 'lat',
      value: '',
      says: /not a number \(required\).*town’s point in decimal degrees/,
    },
    {
      name: 'a missing longitude',
      row: GOMA.replace('29.22845', ''),
      field: 'lon',
      value: '',
      says: /not a number \(required\).*cannot be drawn/,
    },
    {
      name: 'no source',
      row: GOMA.replace(/"S\/RES[^"]*"/, ''),
      field: 'source',
      value: '',
      says: /cite the source/,
    },
    {
      name: 'no group',
      row: GOMA.replace('M23/AFC', ''),
      field: 'group',
      value: '',
      says: /name the armed group/,
    },
  ])('$name: named by file, line and column, with its fix', ({ row, field, value, says }) => {
    const r = read(BUKAVU, row);
    expect(r.records.map((t) => t.id)).toEqual(['bukavu-2025']);
    expect(r.issues).toHaveLength(1);
    const [i] = r.issues;
    expect(i).toMatchObject({ file: 'control.csv', line: 3, field, value });
    const text = formatIssue(i!, 'en');
    expect(text).toMatch(/^control\.csv, line 3, column /);
    expect(text).toMatch(says);
  });

  test('a repeated id keeps the first row and names the second', () => {
    const r = read(GOMA, GOMA.replace('Goma,', 'Goma (again),'));
    expect(r.records.map((t) => t.town)).toEqual(['Goma']);
    expect(r.issues).toMatchObject([{ line: 3, field: 'id', value: 'goma-2025' }]);
  });

  test('French readers get the fix in French', () => {
    const [i] = read(GOMA.replace('-1.67409', '')).issues;
    expect(formatIssue(i!, 'fr')).toMatch(/colonne lat.*degrés décimaux/);
  });
});

describe('the bundled control.csv', () => {
  const v = validateDefaultData();
  test('loads with no problem, Goma and Bukavu among its towns, inside their provinces', () => {
    expect(v.issues.filter((i) => i.file === SCENARIO_FILES.control)).toEqual([]);
    expect(v.rowsRead.control).toBe(v.scenario.control.length);
    expect(v.scenario.control.map((t) => t.id)).toEqual(
      expect.arrayContaining(['goma-2025', 'bukavu-2025']),
    );
  });
});
