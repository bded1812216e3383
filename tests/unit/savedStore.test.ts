// IndexedDB in Node: fake-indexeddb's in-memory implementation of the standard API.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import {
  DB_VERSION,
  describeWriteError,
  FORMATS,
  LEGACY_KEYS,
  SavedStore,
  type Parse,
} from '../../src/lib/data/savedStore.ts';
import { parseScenarioRecord, type UserScenario } from '../../src/lib/domain/userScenario.ts';
import { slide } from '../fixtures.ts';
import { say, sayAll, type Said } from '../../src/lib/domain/problems.ts';

/** What a person reads, in English: a problem, a list of them, or text an older copy kept. */
const en = (x: Said | Said[] | string | null | undefined) =>
  x == null ? x : typeof x === 'string' ? x : Array.isArray(x) ? sayAll(x, 'en') : say(x, 'en');

const scenario = (id: string, changes: UserScenario['changes'] = []): UserScenario => ({
  id,
  name: `Scenario ${id}`,
  created: '2026-12-07T00:00:00.000Z',
  changes,
});

const readScenario: Parse<UserScenario> = (key, value) => {
  const r = parseScenarioRecord(key, value);
  return r.ok ? { ok: true, value: r.scenario, notices: r.notices } : r;
};

let n = 0;
const opened: SavedStore[] = [];
/** A store on a database of its own (one per test), as a tab would open it. */
async function open(
  name: string,
  legacy: Storage | null = null,
): Promise<{ store: SavedStore; notices: Said[] }> {
  const r = await SavedStore.open({ name, legacy });
  opened.push(r.store);
  return r;
}
const fresh = () => `test-${++n}-${Math.random().toString(36).slice(2)}`;

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** An in-memory localStorage. */
function fakeLocalStorage(
  entries: Record<string, string>,
): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries));
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

/** Puts raw values in a collection, bypassing the store, as damage or another version would. */
async function poke(name: string, store: string, entries: [IDBValidKey, unknown][]) {
  const db = await openDB(name);
  for (const [k, v] of entries) await db.put(store, v, k);
  db.close();
}

describe('the saved store', () => {
  test('records round-trip, one by one', async () => {
    const name = fresh();
    const { store } = await open(name);
    expect(await store.write('scenarios', (t) => t.add('a', scenario('a')))).toBeNull();
    expect(await store.write('scenarios', (t) => t.add('b', scenario('b')))).toBeNull();
    expect(await store.write('scenarios', (t) => t.delete('a'))).toBeNull();
    const snap = await store.load('scenarios', readScenario);
    expect(snap.records).toEqual([{ key: 'b', value: scenario('b') }]);
    expect(snap).toMatchObject({ readOnly: null, moved: [], notices: [] });
  });

  test.each([
    { what: 'a bad date', stored: { format: 1, value: { ...scenario('x'), created: 3 } } },
    { what: 'not a record', stored: 'hello' },
    { what: 'no format', stored: { value: scenario('x') } },
  ])(
    'an unreadable record ($what) is set aside on load, before any write, and the rest load',
    async ({ stored }) => {
      const name = fresh();
      const { store } = await open(name);
      await store.write('scenarios', (t) => t.add('good', scenario('good')));
      await poke(name, 'scenarios', [['bad', stored]]);
      const snap = await store.load('scenarios', readScenario);
      expect(snap.records.map((r) => r.key)).toEqual(['good']);
      expect(snap.moved).toHaveLength(1);
      expect(snap.moved[0]).toMatchObject({ collection: 'scenarios', key: 'bad' });
      // The copy is the stored value itself, so a download can be mended and imported.
      const value = typeof stored === 'object' && 'format' in stored ? stored.value : stored;
      expect(JSON.parse(snap.moved[0]!.text)).toEqual(value);
      const kept = await store.kept();
      expect(kept.map((k) => k.key)).toEqual(['bad']);
      // Moved, not copied: the next load is clean, and the copy stays until deleted.
      expect((await store.load('scenarios', readScenario)).moved).toEqual([]);
      expect(await store.removeKept(kept[0]!.id)).toBeNull();
      expect(await store.kept()).toEqual([]);
    },
  );

  test('regression: a collection a newer version wrote is read-only and never overwritten', async () => {
    const name = fresh();
    const { store } = await open(name);
    await store.write('scenarios', (t) => t.add('a', scenario('a')));
    const future = { format: FORMATS.scenarios + 1, value: { shape: 'unknown to us' } };
    await poke(name, 'scenarios', [['future', future]]);
    const snap = await store.load('scenarios', readScenario);
    expect(en(snap.readOnly)).toMatch(
      /newer version of Drawdown Map \(format 3; this one reads up to 2\)/,
    );
    // Shown as far as it can be read; the newer record is neither shown nor moved.
    expect(snap.records.map((r) => r.key)).toEqual(['a']);
    expect(snap.moved).toEqual([]);
    const refused = await store.write('scenarios', (t) => t.put('a', scenario('a', [])));
    expect(en(refused)).toMatch(/^Not saved\. .*newer version/);
    const db = await openDB(name);
    expect(await db.get('scenarios', 'future')).toEqual(future);
    db.close();
    // Other collections are not affected.
    expect(await store.write('radii', (t) => t.put('cob', 40))).toBeNull();
  });

  test('a newer format in the collection’s meta (written since the load) is refused on write', async () => {
    const name = fresh();
    const { store } = await open(name);
    await store.load('slides', () => ({ ok: false, errors: [] }));
    await poke(name, 'meta', [['slides', { format: 9 }]]);
    expect(en(await store.write('slides', (t) => t.setMeta({ name: 'x' })))).toMatch(/format 9/);
    expect(en(store.refusal('slides'))).toMatch(/format 9/);
  });

  test('a database from a newer version is opened read-only', async () => {
    const name = fresh();
    const first = await open(name);
    await first.store.write('scenarios', (t) => t.add('a', scenario('a')));
    first.store.close();
    const db = await openDB(name, DB_VERSION + 1, {
      upgrade: (d) => void d.createObjectStore('imports'),
    });
    db.close();
    const { store } = await open(name);
    expect(en(store.readOnly)).toMatch(/newer version of Drawdown Map \(storage version 2/);
    const snap = await store.load('scenarios', readScenario);
    expect(snap.records.map((r) => r.key)).toEqual(['a']);
    expect(en(await store.write('scenarios', (t) => t.delete('a')))).toMatch(/^Not saved/);
  });

  test('a newer version opened in another tab gets the database, and this tab stops saving', async () => {
    const name = fresh();
    const { store } = await open(name);
    await store.write('scenarios', (t) => t.add('a', scenario('a')));
    // The newer tab's upgrade goes through: this one closed its connection when asked.
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (d) => void d.createObjectStore('imports'),
    });
    newer.close();
    expect(en(await store.write('scenarios', (t) => t.add('b', scenario('b'))))).toMatch(
      /newer version of Drawdown Map was opened in another tab\. Reload this tab/,
    );
    const snap = await store.load('scenarios', readScenario);
    expect(snap.failed).toBe(true);
    expect(en(snap.readOnly)).toMatch(/Reload this tab/);
  });

  test('without IndexedDB: empty, and writes say why they are refused', async () => {
    const { store } = await SavedStore.open({ indexedDb: false, channel: false });
    expect((await store.load('slides', () => ({ ok: false, errors: [] }))).records).toEqual([]);
    expect(en(await store.write('slides', (t) => t.put('a', 1)))).toMatch(
      /does not let the app store/,
    );
  });

  test('a write that fails half-way leaves nothing of it stored', async () => {
    const name = fresh();
    const { store } = await open(name);
    const error = await store.write('scenarios', async (t) => {
      await t.add('a', scenario('a'));
      // Cannot be stored (structured clone refuses functions): the write fails here.
      await t.put('b', { f: () => 0 });
    });
    expect(en(error)).toMatch(/^Not saved/);
    expect((await store.load('scenarios', readScenario)).records).toEqual([]);
    // A throw of the caller's own aborts it too.
    const thrown = await store.write('scenarios', async (t) => {
      await t.add('a', scenario('a'));
      throw new Error('stop');
    });
    expect(en(thrown)).toMatch(/stop/);
    expect((await store.load('scenarios', readScenario)).records).toEqual([]);
  });

  test.each([
    { name: 'QuotaExceededError', out: /storage for the app is full\. Nothing was changed/ },
    { name: 'ConstraintError', out: /another tab added a record with the same id/ },
    { name: 'UnknownError', out: /^Not saved: the browser refused to store it/ },
  ])('a $name says what happened and that nothing changed', ({ name, out }) => {
    expect(en(describeWriteError(new DOMException('x', name)))).toMatch(out);
  });
});

describe('two tabs', () => {
  test('regression: each adds a scenario from a stale view; both are kept', async () => {
    const name = fresh();
    const a = (await open(name)).store;
    const b = (await open(name)).store;
    // Both loaded an empty store; each then adds its own.
    await a.load('scenarios', readScenario);
    await b.load('scenarios', readScenario);
    await a.write('scenarios', (t) => t.add('from-a', scenario('from-a')));
    await b.write('scenarios', (t) => t.add('from-b', scenario('from-b')));
    for (const s of [a, b])
      expect((await s.load('scenarios', readScenario)).records.map((r) => r.key)).toEqual([
        'from-a',
        'from-b',
      ]);
  });

  test('changes to two sites of one scenario, one per tab, are both kept', async () => {
    const name = fresh();
    const a = (await open(name)).store;
    const b = (await open(name)).store;
    await a.write('scenarios', (t) => t.add('s', scenario('s')));
    const change =
      (site: string) => async (t: Parameters<Parameters<SavedStore['write']>[1]>[0]) => {
        const r = parseScenarioRecord('s', await t.get('s'));
        if (r.ok)
          await t.put('s', {
            ...r.scenario,
            changes: [...r.scenario.changes, { site, close: null }],
          });
      };
    await Promise.all([
      a.write('scenarios', change('bukavu')),
      b.write('scenarios', change('uvira')),
    ]);
    const [s] = (await a.load('scenarios', readScenario)).records;
    expect(s!.value.changes.map((c) => c.site).sort()).toEqual(['bukavu', 'uvira']);
  });

  test('a write is announced to the other tab', async () => {
    const name = fresh();
    const a = (await open(name)).store;
    const b = (await open(name)).store;
    const heard = new Promise<string>((resolve) => b.onChange(resolve));
    await a.write('slides', (t) => t.setMeta({ name: 'Brief' }));
    expect(await heard).toBe('slides');
  });

  test('two tabs adding one id: the second is refused, not overwriting', async () => {
    const name = fresh();
    const a = (await open(name)).store;
    const b = (await open(name)).store;
    expect(await a.write('scenarios', (t) => t.add('same', scenario('same')))).toBeNull();
    expect(
      en(await b.write('scenarios', (t) => t.add('same', { ...scenario('same'), name: 'B' }))),
    ).toMatch(/same id/);
    const [s] = (await a.load('scenarios', readScenario)).records;
    expect(s!.value.name).toBe('Scenario same');
  });
});

describe('work saved by earlier versions (localStorage)', () => {
  const twice = {
    ...scenario('dup'),
    changes: [
      { site: 'bukavu', close: '2025-06-30' },
      { site: 'bukavu', close: '2026-01-31' },
    ],
  };

  test('is brought in once: readable records added, the rest kept aside, the keys removed', async () => {
    const ls = fakeLocalStorage({
      [LEGACY_KEYS.scenarios]: JSON.stringify({
        version: 1,
        scenarios: [scenario('a'), twice, scenario('a')],
      }),
      [LEGACY_KEYS.slides]: JSON.stringify({
        version: 1,
        name: 'Brief',
        slides: [slide('x'), slide('x')],
      }),
      [LEGACY_KEYS.radii]: '{"cob":40,"tob":-3}',
      [`${LEGACY_KEYS.scenarios}/unreadable`]: '{"version":1,"scenarios":[',
    });
    const name = fresh();
    const { store, notices } = await open(name, ls);
    expect(ls.data.size).toBe(0);
    const scenarios = await store.load('scenarios', readScenario);
    // Repeated ids made unique; two changes to one site: the last kept.
    expect(scenarios.records.map((r) => r.key)).toEqual(['a', 'a-2', 'dup']);
    expect(scenarios.records[2]!.value.changes).toEqual([{ site: 'bukavu', close: '2026-01-31' }]);
    const slides = await store.load('slides', (key, value) => ({
      ok: true,
      value: { key, value },
    }));
    expect(slides.meta).toMatchObject({ name: 'Brief', order: ['x', 'slide-3'] });
    const radii = await store.load('radii', (key, value) => ({ ok: true, value }));
    expect(radii.records).toEqual([{ key: 'cob', value: 40 }]);
    expect(en(notices)).toMatch(/repeated.*slide 2 repeated the id "x"/s);
    const kept = await store.kept();
    expect(kept.map((k) => [k.collection, en(k.why)])).toEqual([
      ['scenarios', 'set aside by an earlier version after it could not be read'],
      ['radii', expect.stringMatching(/tob: -3 is not a distance/)],
    ]);
    expect(kept[0]!.text).toBe('{"version":1,"scenarios":[');
    // A second opening finds nothing more to bring in, and nothing is doubled.
    store.close();
    const again = await open(name, ls);
    expect((await again.store.load('scenarios', readScenario)).records).toHaveLength(3);
    expect(await again.store.kept()).toHaveLength(2);
  });

  test.each([
    { what: 'truncated JSON', text: '{"version":1,"scenarios":[{"id":"x"}]', why: /^not JSON/ },
    {
      what: 'a future version',
      text: '{"version":3,"scenarios":[]}',
      why: /version: is not a version this version of Drawdown Map can read/,
    },
    { what: 'not an object', text: '"hello"', why: /JSON object/ },
  ])('an unreadable value ($what) is kept aside whole, never dropped', async ({ text, why }) => {
    const ls = fakeLocalStorage({ [LEGACY_KEYS.scenarios]: text });
    const { store } = await open(fresh(), ls);
    const [k] = await store.kept();
    expect(k).toMatchObject({ collection: 'scenarios', key: null, reason: 'unreadable', text });
    expect(en(k!.why)).toMatch(why);
    expect((await store.load('scenarios', readScenario)).records).toEqual([]);
  });
});
