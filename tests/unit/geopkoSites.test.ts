/**
 * Geo-PKO rows turned into sites (geopkoSites.ts): one site per place, opened the first year it
 * is on the maps, "last seen" in its last year when the file's later maps do not show it, the
 * kind from the HQ code or the most modest one the evidence allows, troops as per-year rows, and
 * every rejected row named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';
import { provinceFinder } from '../../src/lib/data/registerRead.ts';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { say } from '../../src/lib/domain/problems.ts';
import { siteOpenAt } from '../../src/lib/domain/timeline.ts';
import {
  csvTable,
  geopkoSites,
  kmBetween,
  placeId,
  yearRuns,
  type GeopkoResult,
} from '../../src/lib/import/geopkoSites.ts';
import { sniff } from '../../src/lib/import/sniff.ts';
import { fixtureBytes } from '../fixtures/import/read.ts';

const provinces = decodeProvinces(
  JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology,
  'p',
);
const provinceOf = provinceFinder(provinces);

/** A CSV text read as the page reads a kept Geo-PKO file. */
function convert(text: string | Uint8Array, file = 'geopko.csv'): GeopkoResult {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const s = sniff(bytes, true);
  return geopkoSites(csvTable(bytes, s), {
    file,
    provinceOf,
    locale: 'en',
    decimalComma: s.decimalComma,
  });
}

const HEAD = 'mission,year,month,location,latitude,longitude,no.troops,hq,unpol.dummy,nameoftcc_1';
const csv = (...rows: string[]) => [HEAD, ...rows].join('\n');

describe('the fixture (8 MONUSCO rows, 2019 and 2021)', () => {
  const r = convert(fixtureBytes('geopko.csv'));
  const site = (id: string) => r.sites.find((s) => s.id === id)!;

  test('one site per place: Goma, on two maps, is one site', () => {
    expect(r.sites.map((s) => s.id)).toEqual([
      'goma',
      'beni',
      'bunia',
      'bukavu',
      'kalemie',
      'uvira',
      'kananga',
    ]);
    expect({ rows: r.rows, rejected: r.rejected, problems: r.problems, failed: r.failed }).toEqual({
      rows: 8,
      rejected: 0,
      problems: [],
      failed: null,
    });
    expect(r.lastYear).toBe(2021);
  });

  test.each([
    { id: 'goma', kind: 'sector_hq', province: 'CD-NK', confidence: 'low' },
    { id: 'beni', kind: 'cob', province: 'CD-NK', confidence: 'low' },
    { id: 'bunia', kind: 'sector_hq', province: 'CD-IT', confidence: 'low' },
    { id: 'bukavu', kind: 'sector_hq', province: 'CD-SK', confidence: 'low' },
    { id: 'kalemie', kind: 'cob', province: 'CD-TA', confidence: 'low' },
    { id: 'uvira', kind: 'cob', province: 'CD-SK', confidence: 'low' },
    // No troops in 2021, UN police: police; on the file's last maps: medium.
    { id: 'kananga', kind: 'police', province: 'CD-KC', confidence: 'medium' },
  ])('$id: $kind in $province, confidence $confidence', ({ id, kind, province, confidence }) => {
    expect(site(id)).toMatchObject({ kind, province_iso: province, confidence });
  });

  test('opened: present by the first year, precision year; last seen 2019, not closed', () => {
    expect(site('goma')).toMatchObject({
      opened: { text: '2019', precision: 'year' },
      opened_basis: 'present_by',
      closed: { text: '2019', precision: 'year' },
      closure: 'last_seen',
      troops_estimate: null,
      source: 'Geo-PKO v2.x, geopko.csv',
    });
    expect(site('kananga')).toMatchObject({ closed: null, closure: null });
  });

  test('a place missing from the last year says when it was last seen; one on it does not', () => {
    expect(site('goma').notes).toContain(
      'Last seen on Geo-PKO\u2019s 2019 maps; the file\u2019s maps run to 2021.',
    );
    expect(site('kananga').notes).not.toContain('Last seen');
    expect(site('kananga').notes).toContain('On Geo-PKO\u2019s maps in 2021.');
  });

  test('troops: the mean of the year\u2019s maps, with the smallest and largest', () => {
    expect(r.siteTroops.filter((t) => t.site === 'goma')).toEqual([
      expect.objectContaining({ year: 2019, troops: 1575, troops_min: 1500, troops_max: 1650 }),
    ]);
    expect(r.siteTroops.find((t) => t.site === 'kananga')).toMatchObject({ year: 2021, troops: 0 });
  });

  test('contingents: the last year\u2019s troop contributors', () => {
    expect(site('goma').contingent).toBe('India; South Africa');
    expect(site('kananga').contingent).toBe('');
  });
});

test('the last-seen fixture: Shabunda last seen 2020, Uvira open despite its 2020 gap', () => {
  const r = convert(readFileSync('tests/fixtures/import/geopko-last-seen.csv'));
  expect(r.lastYear).toBe(2022);
  expect(r.sites.map((s) => [s.id, s.closed?.text ?? null, s.closure])).toEqual([
    ['shabunda', '2020', 'last_seen'],
    ['uvira', null, null],
    ['kalemie', null, null],
  ]);
});

interface Case {
  name: string;
  text: string;
  sites: string[];
  /** [line, field, problem code, fix code] of each rejected row. */
  problems?: [number, string, string, string][];
  failed?: string;
}

describe('geopkoSites', () => {
  test.each<Case>([
    {
      name: 'other missions are left out, MONUC is read',
      text: csv(
        'MINUSMA,2019,1,Gao,16.27,-0.04,650,2,0,France',
        'MONUC,2005,1,Bunia,1.5667,30.25,850,2,0,Bangladesh',
      ),
      sites: ['bunia'],
    },
    {
      name: 'one name within 5 km is one site; 20 km off, a second',
      text: csv(
        'MONUSCO,2018,1,Butembo,0.1143,29.3014,650,0,0,India',
        'MONUSCO,2019,1,Butembo,0.15,29.2833,650,0,0,India',
        'MONUSCO,2019,1,Butembo,0.30,29.2833,150,0,0,India',
      ),
      sites: ['butembo', 'butembo-2'],
    },
    {
      name: 'NA coordinates, a bad year, a bad HQ code and bad troops are rejected, each named',
      text: csv(
        'MONUSCO,2019,1,Goma,NA,29.2228,650,2,0,India',
        'MONUSCO,19,1,Beni,0.4911,29.4731,650,1,0,Nepal',
        'MONUSCO,2019,1,Bunia,1.5667,30.25,650,4,0,Nepal',
        'MONUSCO,2019,1,Uvira,-3.3953,29.1378,about 600,0,0,Pakistan',
        'MONUSCO,2019,1,Kalemie,-5.9475,29.1947,650,0,0,Bangladesh',
      ),
      sites: ['kalemie'],
      problems: [
        [2, 'latitude', 'is_empty', 'fix_lat_required'],
        [3, 'year', 'outside_range', 'fix_year'],
        [4, 'hq', 'not_allowed', 'fix_empty_or_one_of'],
        [5, 'no.troops', 'not_whole_number', 'fix_geopko_troops'],
      ],
    },
    {
      name: 'a place outside the DRC\u2019s provinces: every row of it rejected',
      text: csv(
        'MONUSCO,2018,1,Kigali,-1.9441,30.0619,0,0,0,NA',
        'MONUSCO,2019,1,Kigali,-1.9441,30.0619,0,0,0,NA',
        'MONUSCO,2019,1,Goma,-1.6792,29.2228,650,2,0,India',
      ),
      sites: ['goma'],
      problems: [
        [2, 'latitude', 'geopko_outside_drc', 'fix_geopko_outside_drc'],
        [3, 'latitude', 'geopko_outside_drc', 'fix_geopko_outside_drc'],
      ],
    },
    {
      name: 'v1.x capitals and a French spreadsheet (";", decimal commas) read the same',
      text: 'Mission;Year;Location;Latitude;Longitude;No.troops;HQ\nMONUSCO;2019;Goma;-1,6792;29,2228;650;2\n',
      sites: ['goma'],
    },
    {
      name: 'a file without a location column cannot be read',
      text: 'mission,year,latitude,longitude\nMONUSCO,2019,-1.6792,29.2228',
      sites: [],
      failed: 'geopko_lacks',
    },
    {
      name: 'a file with no MONUSCO or MONUC row',
      text: csv('UNMISS,2019,1,Juba,4.85,31.58,650,3,0,India'),
      sites: [],
      failed: 'geopko_no_mission',
    },
  ])('$name', ({ text, sites, problems = [], failed }) => {
    const r = convert(text);
    expect(r.sites.map((s) => s.id)).toEqual(sites);
    expect(r.problems.map((p) => [p.line, p.field, p.problem.code, p.fix.code])).toEqual(problems);
    expect(r.failed?.code).toBe(failed);
    for (const p of r.problems) expect(say(p.fix, 'en')).not.toBe('');
  });

  test('other missions are counted by name', () => {
    const r = convert(
      csv(
        'MINUSMA,2019,1,Gao,16.27,-0.04,650,2,0,France',
        'MINUSMA,2019,1,Kidal,18.44,1.41,650,0,0,Chad',
        'UNMISS,2019,1,Juba,4.85,31.58,650,3,0,India',
        'MONUSCO,2019,1,Goma,-1.6792,29.2228,650,2,0,India',
      ),
    );
    expect(r.otherMissions).toEqual([
      { mission: 'MINUSMA', rows: 2 },
      { mission: 'UNMISS', rows: 1 },
    ]);
    expect(r.rows).toBe(1);
  });

  test.each([
    {
      name: 'HQ 3 anywhere: mission HQ',
      rows: ['0', '3'],
      troops: '650',
      police: '0',
      kind: 'mission_hq',
    },
    {
      name: 'HQ 2 then 0 (reduced): still the sector HQ site',
      rows: ['2', '0'],
      troops: '650',
      police: '0',
      kind: 'sector_hq',
    },
    {
      name: 'HQ 1 with troops: company base',
      rows: ['1', '1'],
      troops: '650',
      police: '0',
      kind: 'cob',
    },
    {
      name: 'no HQ, no troops, police',
      rows: ['NA', '0'],
      troops: '0',
      police: '1',
      kind: 'police',
    },
    {
      name: 'no HQ, troops unknown, no police',
      rows: ['NA', 'NA'],
      troops: 'NA',
      police: '0',
      kind: 'field_office',
    },
  ])('kind: $name', ({ rows, troops, police, kind }) => {
    const r = convert(
      csv(
        ...rows.map(
          (hq, i) => `MONUSCO,${2018 + i},1,Goma,-1.6792,29.2228,${troops},${hq},${police},NA`,
        ),
      ),
    );
    expect(r.sites[0]?.kind).toBe(kind);
  });

  test.each([
    {
      name: 'seen to the file\u2019s last year: open',
      years: [2017, 2018, 2019],
      closed: null,
      closure: null,
      confidence: 'medium',
    },
    {
      name: 'last seen before the file\u2019s last year: last seen that year',
      years: [2010, 2011],
      closed: '2011',
      closure: 'last_seen',
      confidence: 'low',
    },
    {
      name: 'a gap (2010\u20132012, 2015) does not close it: last seen 2015',
      years: [2010, 2011, 2012, 2015],
      closed: '2015',
      closure: 'last_seen',
      confidence: 'low',
    },
  ])('closing: $name', ({ years, closed, closure, confidence }) => {
    // Kalemie runs to 2019, so the file's maps end in 2019.
    const r = convert(
      csv(
        ...years.map((y) => `MONUSCO,${y},1,Uvira,-3.3953,29.1378,650,0,0,Pakistan`),
        'MONUSCO,2019,1,Kalemie,-5.9475,29.1947,650,0,0,Bangladesh',
      ),
    );
    const uvira = r.sites.find((s) => s.id === 'uvira')!;
    expect(uvira.closed && { text: uvira.closed.text, precision: uvira.closed.precision }).toEqual(
      closed && { text: closed, precision: 'year' },
    );
    expect({ closure: uvira.closure, confidence: uvira.confidence }).toEqual({
      closure,
      confidence,
    });
    // Open through 31 December of the last year seen, and not after it (siteSpan, timeline.ts).
    const last = Math.max(...years);
    expect(siteOpenAt(uvira, dayNumber(last, 12, 31))).toBe(true);
    expect(siteOpenAt(uvira, dayNumber(last + 1, 1, 1))).toBe(closed === null);
    expect(uvira.notes.includes('Last seen')).toBe(closed !== null);
  });

  test('different names within 1 km: both say so in their notes', () => {
    const r = convert(
      csv(
        'MONUSCO,2019,1,Kanyabayonga,-0.7167,29.1833,650,0,0,India',
        'MONUSCO,2019,1,Kanja-bayonga,-0.7167,29.1833,650,0,0,India',
      ),
    );
    expect(r.sites.map((s) => s.id)).toEqual(['kanyabayonga', 'kanja-bayonga']);
    expect(r.sites[0]!.notes).toContain('Within 0 km of Kanja-bayonga');
    expect(r.sites[1]!.notes).toContain('Within 0 km of Kanyabayonga');
  });

  test('the latest map gives the name as written and the point', () => {
    const r = convert(
      csv(
        'MONUSCO,2018,1,butembo,0.1143,29.3014,650,0,0,India',
        'MONUSCO,2019,1,Butembo,0.15,29.2833,650,0,0,India',
      ),
    );
    expect(r.sites[0]).toMatchObject({ name: 'Butembo', lat: 0.15, lon: 29.2833 });
    expect(r.sites[0]!.notes).toContain('On Geo-PKO\u2019s maps in 2018–2019.');
  });
});

describe('helpers', () => {
  test.each([
    { years: [2013, 2014, 2017, 2018, 2019], expected: '2013–2014, 2017–2019' },
    { years: [2020], expected: '2020' },
    { years: [2019, 2019, 2010], expected: '2010, 2019' },
  ])('yearRuns($years) = $expected', ({ years, expected }) => {
    expect(yearRuns(years)).toBe(expected);
  });

  test.each([
    { name: 'Goma', expected: 'goma' },
    { name: 'Kanja-bayonga', expected: 'kanja-bayonga' },
    { name: '  Kasaï  Central ', expected: 'kasai-central' },
    { name: '???', expected: 'site' },
  ])('placeId($name) = $expected', ({ name, expected }) => {
    expect(placeId(name)).toBe(expected);
  });

  test('kmBetween: a degree of longitude on the equator is 111.2 km', () => {
    expect(kmBetween({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
  });
});
