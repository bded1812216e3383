/**
 * The user's registers (registers.ts): read by the bundled files' readers with each rejected row
 * named; a French spreadsheet's semicolons read as commas; merged into the bundled scenario by
 * Add (an id already shown is replaced in place, and listed) or Replace (the bundled records set
 * aside); troop figures follow the site they describe; and credited by file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';
import { commaSeparated, geopkoRegister, readRegister } from '../../src/lib/data/registerRead.ts';
import {
  clashes,
  keepsBundled,
  mergeRegisters,
  registerCredits,
  type Register,
  type RegisterContent,
  type RegisterMode,
} from '../../src/lib/data/registers.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type {
  Hotspot,
  Scenario,
  ScenarioEvent,
  Site,
  SiteTroops,
} from '../../src/lib/domain/schema.ts';
import { csvTable } from '../../src/lib/import/geopkoSites.ts';
import { sniff } from '../../src/lib/import/sniff.ts';
import { fixtureBytes } from '../fixtures/import/read.ts';

const provinces = decodeProvinces(
  JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology,
  'p',
);

const SITES_HEAD =
  'id,name,kind,province_iso,lat,lon,opened,opened_precision,opened_basis,closed,closed_precision,closure,troops_estimate,contingent,source,confidence,notes';
const HOTSPOTS_HEAD =
  'id,group,label,province_iso,lat,lon,radius_km,from,from_precision,to,to_precision,intensity,intensity_basis,source,confidence,notes';
const EVENTS_HEAD = 'date,date_precision,title,description,provinces,kind,source';

const date = (text: string, p: 'day' | 'month' | 'year' = 'day') =>
  parseFuzzyDate(text, p) as FuzzyDate;
const site = (id: string, extra: Partial<Site> = {}): Site => ({
  id,
  name: id,
  kind: 'cob',
  province_iso: 'CD-NK',
  lat: -1,
  lon: 29,
  opened: null,
  opened_basis: null,
  closed: null,
  closure: null,
  troops_estimate: null,
  contingent: '',
  source: 'bundled',
  confidence: 'high',
  notes: '',
  ...extra,
});
const hotspot = (id: string): Hotspot => ({
  id,
  group: 'ADF',
  label: id,
  province_iso: 'CD-NK',
  lat: 0.5,
  lon: 29.5,
  radius_km: 20,
  from: date('2020', 'year'),
  to: null,
  intensity: null,
  intensity_basis: '',
  source: 's',
  confidence: 'medium',
  notes: '',
});
const milestone = (day: string, title: string): ScenarioEvent => ({
  date: date(day),
  title,
  description: '',
  provinces: [],
  kind: 'other',
  source: 's',
});
const troops = (s: string, year: number, n: number): SiteTroops => ({
  site: s,
  year,
  troops: n,
  troops_min: null,
  troops_max: null,
  unit_types: '',
  source: 's',
  notes: '',
});

const BUNDLED: Scenario = {
  places: [],
  sites: [site('goma'), site('beni'), site('bunia')],
  hotspots: [hotspot('adf-beni')],
  phases: [],
  events: [milestone('2020-01-01', 'first'), milestone('2022-01-01', 'last')],
  mandates: [],
  siteTroops: [troops('goma', 2020, 1000), troops('beni', 2020, 650)],
  strength: [],
  control: [],
};

let serial = 0;
const register = (mode: RegisterMode, content: RegisterContent, name = 'mine.csv'): Register => ({
  id: `r${++serial}`,
  name,
  format:
    content.kind === 'sites'
      ? 'ours-sites'
      : content.kind === 'hotspots'
        ? 'ours-hotspots'
        : 'ours-events',
  mode,
  added: `2026-01-0${serial % 9}`,
  content,
  rows: 0,
  rejected: 0,
});
const sitesOf = (list: Site[], t: SiteTroops[] = []): RegisterContent => ({
  kind: 'sites',
  sites: list,
  siteTroops: t,
});

describe('mergeRegisters: sites', () => {
  const mine = site('goma', { source: 'mine', troops_estimate: 1200 });
  const walikale = site('walikale', { source: 'mine' });

  test.each([
    {
      name: 'no register: the bundled scenario as it is',
      registers: () => [],
      ids: ['goma', 'beni', 'bunia'],
      gomaSource: 'bundled',
      troopSites: ['goma', 'beni'],
      replaced: [],
    },
    {
      name: 'add: new ids join, a clashing id is replaced in place and listed',
      registers: () => [register('add', sitesOf([mine, walikale]))],
      ids: ['goma', 'beni', 'bunia', 'walikale'],
      gomaSource: 'mine',
      // Goma's bundled per-year figures describe the bundled record, not the user's.
      troopSites: ['beni'],
      replaced: [['goma']],
    },
    {
      name: 'replace: only the register\u2019s sites, no bundled troop figure',
      registers: () => [register('replace', sitesOf([mine, walikale]))],
      ids: ['goma', 'walikale'],
      gomaSource: 'mine',
      troopSites: [],
      replaced: [[]],
    },
    {
      name: 'two registers added: the later one wins a shared id, listed against it',
      registers: () => [
        register('add', sitesOf([site('walikale', { source: 'first' })])),
        register('add', sitesOf([walikale])),
      ],
      ids: ['goma', 'beni', 'bunia', 'walikale'],
      gomaSource: 'bundled',
      troopSites: ['goma', 'beni'],
      replaced: [[], ['walikale']],
    },
  ])('$name', ({ registers, ids, gomaSource, troopSites, replaced }) => {
    const list = registers();
    const r = mergeRegisters(BUNDLED, list);
    expect(r.scenario.sites.map((s) => s.id)).toEqual(ids);
    expect(r.scenario.sites.find((s) => s.id === 'goma')?.source).toBe(gomaSource);
    expect(r.scenario.siteTroops.map((t) => t.site)).toEqual(troopSites);
    expect(list.map((x) => r.replaced[x.id])).toEqual(replaced);
  });

  test('a Geo-PKO register brings its own per-year troops for the sites it shows', () => {
    const r = mergeRegisters(BUNDLED, [
      register('add', sitesOf([site('goma', { source: 'geopko' })], [troops('goma', 2019, 1575)])),
    ]);
    expect(r.scenario.siteTroops).toEqual([troops('beni', 2020, 650), troops('goma', 2019, 1575)]);
  });

  test('the rest of the scenario is the bundled one', () => {
    const r = mergeRegisters(BUNDLED, [register('replace', sitesOf([mine]))]);
    expect(r.scenario.hotspots).toBe(BUNDLED.hotspots);
    expect(r.scenario.events).toEqual(BUNDLED.events);
  });
});

describe('mergeRegisters: hotspots and milestones', () => {
  test.each([
    { mode: 'add' as const, ids: ['adf-beni', 'codeco-djugu'] },
    { mode: 'replace' as const, ids: ['codeco-djugu'] },
  ])('hotspots, $mode', ({ mode, ids }) => {
    const r = mergeRegisters(BUNDLED, [
      register(mode, { kind: 'hotspots', hotspots: [hotspot('codeco-djugu')] }),
    ]);
    expect(r.scenario.hotspots.map((h) => h.id)).toEqual(ids);
  });

  test.each([
    { mode: 'add' as const, titles: ['first', 'mine', 'last'] },
    { mode: 'replace' as const, titles: ['mine'] },
  ])('milestones, $mode: put among the others by date', ({ mode, titles }) => {
    const r = mergeRegisters(BUNDLED, [
      register(mode, { kind: 'milestones', events: [milestone('2021-06-30', 'mine')] }),
    ]);
    expect(r.scenario.events.map((e) => e.title)).toEqual(titles);
  });
});

describe('clashes and keepsBundled', () => {
  test('the ids of a register already shown', () => {
    expect(clashes(BUNDLED, sitesOf([site('beni'), site('kiwanja')]))).toEqual(['beni']);
    expect(
      clashes(BUNDLED, { kind: 'milestones', events: [milestone('2021-01-01', 'x')] }),
    ).toEqual([]);
  });

  test.each([
    { modes: [] as RegisterMode[], kept: true },
    { modes: ['add'] as RegisterMode[], kept: true },
    { modes: ['add', 'replace'] as RegisterMode[], kept: false },
  ])('sites registers $modes: bundled sites kept = $kept', ({ modes, kept }) => {
    const list = modes.map((mode) => register(mode, sitesOf([site('x')])));
    expect(keepsBundled(list, 'sites')).toBe(kept);
    expect(keepsBundled(list, 'hotspots')).toBe(true);
  });
});

describe('readRegister', () => {
  const GOOD =
    'walikale,Walikale,cob,CD-NK,-1.42,28.05,2019,year,present_by,,,,650,,my notes,medium,';

  test('a valid sites file: every row kept, no problem', () => {
    const r = readRegister('mine.csv', 'ours-sites', [SITES_HEAD, GOOD].join('\n'), provinces);
    expect(r).toMatchObject({ rows: 1, rejected: 0, problems: [], failed: null });
    expect(r.content).toMatchObject({
      kind: 'sites',
      sites: [{ id: 'walikale', troops_estimate: 650 }],
    });
  });

  test.each([
    {
      name: 'a bad kind',
      row: GOOD.replace(',cob,', ',base,'),
      field: 'kind',
      code: 'not_allowed',
    },
    {
      name: 'a point outside its stated province',
      row: GOOD.replace('CD-NK', 'CD-KN'),
      field: 'province_iso',
      code: 'outside_province',
    },
    {
      name: 'a closing date without how it closed',
      row: GOOD.replace(',,,,650', ',2024,year,,650'),
      field: 'closure',
      code: 'closure_missing',
    },
  ])('$name: the row is rejected and named, the good row kept', ({ row, field, code }) => {
    const text = [SITES_HEAD, GOOD.replace('walikale', 'pinga'), row].join('\n');
    const r = readRegister('mine.csv', 'ours-sites', text, provinces);
    expect({ rows: r.rows, rejected: r.rejected }).toEqual({ rows: 2, rejected: 1 });
    expect(r.content.kind === 'sites' && r.content.sites.map((s) => s.id)).toEqual(['pinga']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, field });
    expect(r.problems[0]!.problem.code).toBe(code);
  });

  test('a file with no good row cannot be used', () => {
    const r = readRegister(
      'mine.csv',
      'ours-sites',
      [SITES_HEAD, GOOD.replace(',cob,', ',x,')].join('\n'),
      provinces,
    );
    expect(r.failed).toEqual({ code: 'register_no_valid_rows', params: { name: 'mine.csv' } });
  });

  test('a header lacking a column: named on line 1, nothing used', () => {
    const r = readRegister('mine.csv', 'ours-sites', 'id,name\nx,X', provinces);
    expect(r.problems[0]).toMatchObject({ line: 1 });
    expect(r.problems[0]!.problem.code).toBe('header_lacks');
    expect(r.failed?.code).toBe('register_no_valid_rows');
  });

  test('hotspots and milestones', () => {
    const h = readRegister(
      'h.csv',
      'ours-hotspots',
      [
        HOTSPOTS_HEAD,
        'codeco-djugu,CODECO,CODECO around Djugu,CD-IT,1.92,30.5,30,2019,year,,,2,,s,medium,',
      ].join('\n'),
      provinces,
    );
    expect(h.content).toMatchObject({
      kind: 'hotspots',
      hotspots: [{ id: 'codeco-djugu', radius_km: 30 }],
    });
    const e = readRegister(
      'e.csv',
      'ours-events',
      [
        EVENTS_HEAD,
        '2021-06-30,day,Kananga closed,,CD-KC,closure,s',
        '2021-13-01,day,Bad,,,other,s',
      ].join('\n'),
      provinces,
    );
    expect(e).toMatchObject({ rows: 2, rejected: 1 });
    expect(e.content).toMatchObject({ kind: 'milestones', events: [{ title: 'Kananga closed' }] });
  });

  test('a French spreadsheet\u2019s file (";", decimal commas) reads as the comma file', () => {
    const semicolons = [SITES_HEAD, GOOD]
      .map((l) => l.replaceAll(',', ';'))
      .join('\r\n')
      .replace('-1.42;28.05', '-1,42;28,05');
    const r = readRegister('mine.csv', 'ours-sites', semicolons, provinces);
    expect(r.problems).toEqual([]);
    expect(r.content).toMatchObject({ sites: [{ id: 'walikale', lat: -1.42, lon: 28.05 }] });
  });
});

describe('commaSeparated', () => {
  test.each([
    { name: 'comma text as it is', input: 'a,b\n1,"x, y"\n', expected: 'a,b\n1,"x, y"\n' },
    { name: 'semicolons', input: 'a;b\n1;2\n', expected: 'a,b\n1,2\n' },
    {
      name: 'a comma in a plain cell is quoted',
      input: 'a;b\nx, y;2\n',
      expected: 'a,b\n"x, y",2\n',
    },
    {
      name: 'a quoted cell is kept',
      input: 'a;b\n"x; ""y""";2\n',
      expected: 'a,b\n"x; ""y""",2\n',
    },
    { name: 'tabs, CRLF, an empty last cell', input: 'a\tb\r\n1\t\r\n', expected: 'a,b\r\n1,\r\n' },
    {
      name: 'decimal commas only in lat, lon and radius_km',
      input: 'id;lat;notes\nx;-1,5;2,5\ny;-2,25;z\n',
      expected: 'id,lat,notes\nx,-1.5,"2,5"\ny,-2.25,z\n',
    },
    {
      name: 'line numbers hold: a quoted line break stays',
      input: 'a;b\n"one\ntwo";2\n3;4\n',
      expected: 'a,b\n"one\ntwo",2\n3,4\n',
    },
  ])('$name', ({ input, expected }) => {
    expect(commaSeparated(input)).toBe(expected);
  });
});

describe('geopkoRegister', () => {
  test('the fixture as a sites register, with other missions said once', () => {
    const bytes = fixtureBytes('geopko.csv');
    const r = geopkoRegister('geopko.csv', csvTable(bytes, sniff(bytes, true)), {
      provinces,
      locale: 'en',
    });
    expect(r).toMatchObject({ format: 'geopko', rows: 8, rejected: 0, failed: null, notice: null });
    expect(r.content.kind === 'sites' && r.content.sites).toHaveLength(7);
    const other = new TextEncoder().encode(
      'mission,year,location,latitude,longitude\nMINUSMA,2019,Gao,16.27,-0.04\nMONUSCO,2019,Goma,-1.6792,29.2228\n',
    );
    const o = geopkoRegister('mixed.csv', csvTable(other, sniff(other, true)), {
      provinces,
      locale: 'en',
    });
    expect(o.notice).toEqual({
      code: 'register_geopko_other_missions',
      params: { count: 1, missions: 'MINUSMA' },
    });
  });
});

describe('registerCredits', () => {
  test.each([
    {
      name: 'sites added',
      list: () => [register('add', sitesOf([site('x')]), 'sites-2025.csv')],
      expected: ['Sites: the user\u2019s register sites-2025.csv, added to the bundled sites'],
    },
    {
      name: 'hotspots in place of the bundled ones',
      list: () => [register('replace', { kind: 'hotspots', hotspots: [] }, 'h.csv')],
      expected: ['Hotspots: the user\u2019s register h.csv, in place of the bundled hotspots'],
    },
    {
      name: 'Geo-PKO: the authors\u2019 citation too',
      list: () => [
        {
          ...register('replace', sitesOf([site('x')]), 'Geo_PKO_v.2.3.csv'),
          format: 'geopko' as const,
        },
      ],
      expected: [
        'Geo-PKO, Cil et al. 2020 (Geo_PKO_v.2.3.csv)',
        'Sites: the user\u2019s register Geo_PKO_v.2.3.csv, in place of the bundled sites',
      ],
    },
  ])('$name', ({ list, expected }) => {
    expect(registerCredits(list(), 'en')).toEqual(expected);
  });

  test('in French', () => {
    expect(registerCredits([register('add', sitesOf([]), 's.csv')], 'fr')).toEqual([
      'Sites\u00a0: registre de l\u2019utilisateur s.csv, ajouté aux sites fournis',
    ]);
  });
});
