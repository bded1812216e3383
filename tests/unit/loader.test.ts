/** The validating loader on small fixtures: good rows load, each bad row is named and kept out. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { readEvents, readHotspots, readMandates, readSites } from '../../src/lib/data/scenario.ts';
import { checkInProvince } from '../../src/lib/data/locations.ts';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { say } from '../../src/lib/domain/problems.ts';

const HEAD =
  'id,name,kind,province_iso,lat,lon,opened,opened_precision,opened_basis,closed,closed_precision,closure,troops_estimate,contingent,source,confidence,notes';
const GOOD =
  'goma,Goma,sector_hq,CD-NK,-1.68,29.23,2010,year,present_by,,,,2700,,Geo-PKO v2.3,high,';
const sites = (...rows: string[]) => readSites([HEAD, ...rows].join('\n'), 'sites.csv');

describe('readSites', () => {
  test('loads a valid row with typed values', () => {
    const r = sites(GOOD);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({
      id: 'goma',
      kind: 'sector_hq',
      lat: -1.68,
      troops_estimate: 2700,
      closed: null,
      closure: null,
    });
    expect(r.records[0]!.opened?.precision).toBe('year');
  });

  test.each([
    {
      name: 'a bad enum',
      row: GOOD.replace('sector_hq', 'base'),
      field: 'kind',
      value: 'base',
      fix: /use one of: mission_hq/,
    },
    {
      name: 'a bad date',
      row: GOOD.replace('2010,year', '2010-02-30,day'),
      field: 'opened',
      value: '2010-02-30',
      fix: /YYYY-MM-DD/,
    },
    {
      name: 'a date that contradicts its precision',
      row: GOOD.replace('2010,year', '2010,month'),
      field: 'opened',
      value: '2010',
      fix: /precision/,
    },
    {
      name: 'a missing source',
      row: GOOD.replace('Geo-PKO v2.3', ''),
      field: 'source',
      value: '',
      fix: /cite the source/,
    },
    {
      name: 'a missing precision',
      row: GOOD.replace('2010,year', '2010,'),
      field: 'opened_precision',
      value: '',
      fix: /precision/,
    },
    {
      name: 'a bad province code',
      row: GOOD.replace('CD-NK', 'North Kivu'),
      field: 'province_iso',
      value: 'North Kivu',
      fix: /CD-NK/,
    },
    {
      name: 'a latitude out of range',
      row: GOOD.replace('-1.68', '-100'),
      field: 'lat',
      value: '-100',
      fix: /decimal degrees/,
    },
    {
      name: 'one coordinate only',
      row: GOOD.replace('-1.68', ''),
      field: 'lat',
      value: '',
      fix: /both lat and lon/,
    },
    {
      name: 'a closing date before the opening',
      row: GOOD.replace(',,,,2700', ',2009,year,closed,2700'),
      field: 'closed',
      value: '2009',
      fix: /check both dates/,
    },
    {
      name: 'a closing date without closure',
      row: GOOD.replace(',,,,2700', ',2020,year,,2700'),
      field: 'closure',
      value: '',
      fix: /say how it ended/,
    },
    {
      name: 'a closure without closing date',
      row: GOOD.replace(',,,,2700', ',,,lost,2700'),
      field: 'closure',
      value: 'lost',
      fix: /leave closure empty/,
    },
    {
      name: 'troops written with a comma',
      row: GOOD.replace('2700', '"2,700"'),
      field: 'troops_estimate',
      value: '2,700',
      fix: /digits only/,
    },
  ])(
    'rejects $name, naming file, line, column, value and fix; keeps the good row',
    ({ row, field, value, fix }) => {
      const r = sites(GOOD.replace('goma', 'goma-ok'), row);
      expect(r.records.map((s) => s.id)).toEqual(['goma-ok']);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ file: 'sites.csv', line: 3, field, value });
      expect(say(r.issues[0]!.fix, 'en')).toMatch(fix);
    },
  );

  test('a closure last seen loads like any closing: a date and how it ended', () => {
    const r = sites(GOOD.replace(',,,,2700', ',2019,year,last_seen,2700'));
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({
      closed: { text: '2019', precision: 'year' },
      closure: 'last_seen',
    });
    // Without its date it is refused as any closure is; the fix lists it among the endings.
    const bare = sites(GOOD.replace(',,,,2700', ',2019,year,,2700'));
    expect(say(bare.issues[0]!.fix, 'en')).toContain('last_seen');
  });

  test('rejects a repeated id', () => {
    const r = sites(GOOD, GOOD);
    expect(r.records).toHaveLength(1);
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'sites.csv, line 3, column id ("goma"): repeats the id of line 2. Fix: give every row its own id',
    );
    // Said by code, so the reader's language is chosen where it is shown.
    expect(r.issues[0]).toMatchObject({
      message: { code: 'id_repeated', params: { line: 2 } },
      fix: { code: 'fix_unique_id' },
    });
    expect(formatIssue(r.issues[0]!, 'fr')).toBe(
      'sites.csv, ligne 3, colonne id ("goma")\u00a0: reprend l’identifiant de la ligne 2. Correction\u00a0: donner à chaque ligne son propre identifiant',
    );
  });

  test('reports a row with an unquoted comma by its cell count', () => {
    const r = sites(GOOD.replace('Geo-PKO v2.3', 'Geo-PKO, v2.3'));
    expect(r.records).toEqual([]);
    expect(say(r.issues[0]!.message, 'en')).toBe('has 18 cells but the header has 17');
  });

  test('a file written before opened_basis still loads, its openings without a basis', () => {
    const old = HEAD.replace('opened_basis,', '');
    const r = readSites(`${old}\n${GOOD.replace('present_by,', '')}`, 'sites.csv');
    expect(r.issues).toEqual([]);
    expect(r.records[0]!.opened_basis).toBeNull();
  });

  test('a basis without an opening date is refused, by its column', () => {
    const r = sites(GOOD.replace('2010,year,present_by', ',,present_by'));
    expect(r.issues[0]).toMatchObject({ field: 'opened_basis', value: 'present_by' });
  });

  test('a missing column stops the file with the header it needs', () => {
    const r = readSites('id,name\ngoma,Goma', 'sites.csv');
    expect(r.records).toEqual([]);
    expect(r.issues[0]).toMatchObject({ line: 1 });
    expect(say(r.issues[0]!.message, 'en')).toContain('kind');
    expect(say(r.issues[0]!.fix, 'en')).toContain(HEAD);
  });

  test('a province may be empty only for a liaison office', () => {
    expect(sites(GOOD.replace('sector_hq,CD-NK', 'liaison_office,')).issues).toEqual([]);
    expect(sites(GOOD.replace('CD-NK', '')).issues[0]!.field).toBe('province_iso');
  });
});

describe('checkInProvince', () => {
  const provinces = decodeProvinces(
    JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology,
    'p',
  );
  const at = (province_iso: string, lat: number, lon: number) => ({
    file: 'sites.csv',
    line: 7,
    label: 'x',
    province_iso,
    lat,
    lon,
  });

  test.each([
    { name: 'Goma in Nord-Kivu', item: at('CD-NK', -1.674, 29.228), issues: 0 },
    { name: 'Bukavu on the lakeshore, in Sud-Kivu', item: at('CD-SK', -2.491, 28.843), issues: 0 },
    { name: 'Bunia stated as Nord-Kivu', item: at('CD-NK', 1.559, 30.252), issues: 1 },
    { name: 'Kinshasa stated as Sud-Kivu', item: at('CD-SK', -4.328, 15.314), issues: 1 },
    { name: 'swapped lat and lon', item: at('CD-NK', 29.228, -1.674), issues: 1 },
  ])('$name → $issues issue(s)', ({ item, issues }) => {
    expect(checkInProvince([item], provinces)).toHaveLength(issues);
  });

  test('names where the point really is', () => {
    const [issue] = checkInProvince([at('CD-NK', 1.559, 30.252)], provinces);
    expect(say(issue!.message, 'en')).toMatch(/outside Nord-Kivu \(in Ituri, CD-IT\)/);
    expect(say(issue!.fix, 'en')).toMatch(/swapped/);
  });
});

describe('other files', () => {
  test('hotspots: intensity is 1 to 3, and an empty "to" means active', () => {
    const head =
      'id,group,label,province_iso,lat,lon,radius_km,from,from_precision,to,to_precision,intensity,source,confidence,notes';
    const r = readHotspots(
      [
        head,
        'a,ADF,ADF,CD-NK,0.49,29.47,30,2019,year,,,3,seed 000 para 44,high,',
        'b,ADF,ADF,CD-NK,0.49,29.47,30,2019,year,,,4,seed 000,high,',
      ].join('\n'),
    );
    expect(r.records.map((h) => [h.id, h.to, h.intensity])).toEqual([['a', null, 3]]);
    expect(r.issues[0]).toMatchObject({ line: 3, field: 'intensity', value: '4' });
  });

  test('events: provinces are ISO codes separated by ";"', () => {
    const head = 'date,date_precision,title,description,provinces,kind,source';
    const r = readEvents(
      [
        head,
        '2021-06-30,day,Left the Kasais,,CD-KS;CD-KC,closure,seed 000',
        '2021-06-30,day,X,,Kasai,closure,seed 000',
      ].join('\n'),
    );
    expect(r.records[0]!.provinces).toEqual(['CD-KS', 'CD-KC']);
    expect(r.issues[0]).toMatchObject({ line: 3, field: 'provinces', value: 'Kasai' });
  });

  test('mandates: a ceiling step takes effect on its own date', () => {
    const head =
      'resolution,adopted,mandate_until,troops,military_observers_staff,individual_police,formed_police,source';
    const r = readMandates(
      [
        head,
        'S/RES/2717 from 2024-07-01,2023-12-19,2024-12-20,11500,600,443,1270,press.un.org',
        'Res 2717,2023-12-19,2024-12-20,1,1,1,1,x',
      ].join('\n'),
    );
    expect(r.records[0]!.in_force_from.text).toBe('2024-07-01');
    expect(r.records[0]!.adopted.text).toBe('2023-12-19');
    expect(r.issues[0]).toMatchObject({ line: 3, field: 'resolution' });
  });
});
