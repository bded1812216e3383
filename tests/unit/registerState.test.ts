/**
 * Registers in force (fake-indexeddb): the store keeps them across a reload, and the scenario
 * every panel reads (ScenarioState's `scenario` and `sites`) follows the register the user puts
 * in force, added or in place of the bundled sites, until it is removed.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';
import { RegisterStore } from '../../src/lib/data/registerStore.ts';
import type { Register } from '../../src/lib/data/registers.ts';
import { detectFormat } from '../../src/lib/import/formats.ts';
import { RegisterState } from '../../src/lib/state/registerState.svelte.ts';
import { ScenarioState } from '../../src/lib/state/scenarioState.svelte.ts';
import { fixtureBytes } from '../fixtures/import/read.ts';
import { loadDefaultData } from '../defaultData.ts';

const provinces = decodeProvinces(
  JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology,
  'p',
);
const BUNDLED = loadDefaultData();

const HEAD =
  'id,name,kind,province_iso,lat,lon,opened,opened_precision,opened_basis,closed,closed_precision,closure,troops_estimate,contingent,source,confidence,notes';
const WALIKALE =
  'walikale,Walikale,cob,CD-NK,-1.42,28.05,2019,year,present_by,,,,650,,my notes,medium,';
// Goma is a bundled id: added, this row takes the bundled one's place.
const GOMA =
  'goma,Goma (my count),sector_hq,CD-NK,-1.68,29.23,2010,year,present_by,,,,2700,,my notes,medium,';
const BAD = 'pinga,Pinga,base,CD-NK,-0.99,28.69,2019,year,present_by,,,,,,my notes,low,';
const FILE = [HEAD, WALIKALE, GOMA, BAD].join('\n');

const opened: RegisterStore[] = [];
let n = 0;
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A page: the scenario state with the bundled data, and its register state on `db`. */
async function page(db: string) {
  const data = new ScenarioState();
  data.provinces = provinces;
  data.bundled = BUNDLED;
  const registers = new RegisterState(data, async () => {
    const s = await RegisterStore.open(db);
    opened.push(s);
    return s;
  });
  await registers.load();
  return { data, registers };
}

const table = (text: string, name = 'my-sites.csv') => ({
  name,
  detected: detectFormat(text.split('\n')[0]!.split(','))!,
  text,
});
const ids = (data: ScenarioState) => data.scenario!.sites.map((s) => s.id);

describe('RegisterState over ScenarioState', () => {
  test('a sites file waits for the choice, with its rejected row and the ids it would replace', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    const read = (await registers.offer(table(FILE)))!;
    expect(read).toMatchObject({ format: 'ours-sites', rows: 3, rejected: 1, failed: null });
    expect(read.problems.map((p) => [p.line, p.field])).toEqual([[4, 'kind']]);
    expect(registers.clashes).toEqual(['goma']);
    // Nothing changes before the choice.
    expect(data.scenario!.sites).toBe(BUNDLED.sites);
  });

  test('Add: the scenario and the drawn sites follow; Goma is the register\u2019s', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    await registers.offer(table(FILE));
    await registers.choose('add');
    expect(registers.pending).toBeNull();
    expect(ids(data)).toHaveLength(BUNDLED.sites.length + 1);
    expect(ids(data)).toContain('walikale');
    expect(data.sites.find((s) => s.id === 'goma')?.name).toBe('Goma (my count)');
    expect(data.merged!.replaced[registers.list[0]!.id]).toEqual(['goma']);
    // Goma's bundled per-year figures left with the bundled record: its own figure counts.
    expect(data.troops.bySite.has('goma')).toBe(false);
    expect(data.troops.bySite.has('bunia')).toBe(true);
  });

  test('Replace: only the register\u2019s sites; removed, the bundled sites are back', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    await registers.offer(table(FILE));
    await registers.choose('replace');
    expect(ids(data)).toEqual(['walikale', 'goma']);
    expect(data.sites.map((s) => s.id)).toEqual(['walikale', 'goma']);
    await registers.remove(registers.list[0]!.id);
    expect(data.scenario!.sites).toBe(BUNDLED.sites);
  });

  test('the choice and the register survive a reload; removal too', async () => {
    const db = `reg-${++n}`;
    const first = await page(db);
    await first.registers.offer(table(FILE));
    await first.registers.choose('replace');
    const again = await page(db);
    expect(ids(again.data)).toEqual(['walikale', 'goma']);
    expect(again.registers.list[0]).toMatchObject({ name: 'my-sites.csv', mode: 'replace' });
    await again.registers.remove(again.registers.list[0]!.id);
    const third = await page(db);
    expect(third.registers.list).toEqual([]);
    expect(third.data.scenario!.sites).toBe(BUNDLED.sites);
  });

  test('a new copy of a file takes the place of the register read from it before', async () => {
    const db = `reg-${++n}`;
    const { data, registers } = await page(db);
    await registers.offer(table([HEAD, WALIKALE].join('\n')));
    await registers.choose('add');
    await registers.offer(table([HEAD, GOMA].join('\n')));
    expect(registers.renewing?.name).toBe('my-sites.csv');
    await registers.choose('add');
    expect(registers.list).toHaveLength(1);
    expect(ids(data)).not.toContain('walikale');
    expect((await page(db)).registers.list).toHaveLength(1);
  });

  test('a file that cannot be used is not offered a choice', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    await registers.offer(table([HEAD, BAD].join('\n')));
    expect(registers.pending?.failed?.code).toBe('register_no_valid_rows');
    await registers.choose('add');
    expect(registers.list).toEqual([]);
    expect(data.scenario!.sites).toBe(BUNDLED.sites);
  });

  test('a Geo-PKO file becomes sites with their own troops, used as a register', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    const read = await registers.fromGeopko(
      'geopko.csv',
      new Blob([new Uint8Array(fixtureBytes('geopko.csv'))]),
    );
    expect(read?.content.kind === 'sites' && read.content.sites).toHaveLength(7);
    await registers.choose('replace');
    expect(ids(data)).toEqual(['goma', 'beni', 'bunia', 'bukavu', 'kalemie', 'uvira', 'kananga']);
    expect(data.troops.bySite.get('goma')?.get(2019)?.troops).toBe(1575);
  });

  test('hotspots and milestones registers', async () => {
    const { data, registers } = await page(`reg-${++n}`);
    await registers.offer(
      table(
        'id,group,label,province_iso,lat,lon,radius_km,from,from_precision,to,to_precision,intensity,intensity_basis,source,confidence,notes\n' +
          'codeco-test,CODECO,CODECO test area,CD-IT,1.92,30.5,30,2019,year,,,2,,s,medium,',
        'h.csv',
      ),
    );
    await registers.choose('add');
    await registers.offer(
      table(
        'date,date_precision,title,description,provinces,kind,source\n2030-01-01,day,My milestone,,,other,s',
        'e.csv',
      ),
    );
    await registers.choose('add');
    expect(data.scenario!.hotspots.map((h) => h.id)).toContain('codeco-test');
    expect(data.scenario!.hotspots).toHaveLength(BUNDLED.hotspots.length + 1);
    expect(data.scenario!.events.at(-1)?.title).toBe('My milestone');
  });
});

describe('RegisterStore', () => {
  const reg = (id: string, added: string): Register => ({
    id,
    name: `${id}.csv`,
    format: 'ours-events',
    mode: 'add',
    added,
    content: { kind: 'milestones', events: [] },
    rows: 0,
    rejected: 0,
  });

  test('kept in order added; a record it cannot read is named and left in place', async () => {
    const db = `store-${++n}`;
    const s = await RegisterStore.open(db);
    opened.push(s);
    expect(await s.put(reg('b', '2026-02-01'))).toBeNull();
    expect(await s.put(reg('a', '2026-01-01'))).toBeNull();
    const raw = await openDB(db);
    await raw.put('registers', { ...reg('c', '2026-03-01'), version: 99 }, 'c');
    raw.close();
    const listed = await s.list();
    expect(listed.registers.map((r) => r.id)).toEqual(['a', 'b']);
    expect(listed.registers[0]).not.toHaveProperty('version');
    expect(listed.unreadable).toEqual(['c.csv']);
    expect(await s.remove('a')).toBeNull();
    expect((await s.list()).registers.map((r) => r.id)).toEqual(['b']);
    const raw2 = await openDB(db);
    expect(await raw2.count('registers')).toBe(2);
    raw2.close();
  });

  test('a state reading back an unreadable record says so', async () => {
    const db = `store-${++n}`;
    const s = await RegisterStore.open(db);
    opened.push(s);
    const raw = await openDB(db);
    await raw.put('registers', { id: 'x', name: 'old.csv', version: 0 }, 'x');
    raw.close();
    const { registers } = await page(db);
    expect(registers.notice).toEqual({ code: 'import_lost', params: { name: 'old.csv' } });
  });
});
