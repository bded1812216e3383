/**
 * The planning state's added hotspots, over a real store (IndexedDB in Node: fake-indexeddb):
 * accepted into the active scenario or a new one, kept, seen by another tab, merged with its
 * changes, removed; a record the format-1 build stored still loads; exports name the version.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FORMATS, SavedStore } from '../../src/lib/data/savedStore.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';
import {
  MAX_HOTSPOTS,
  parseScenarioRecord,
  type HotspotRow,
  type UserScenario,
} from '../../src/lib/domain/userScenario.ts';
import { PlanningState } from '../../src/lib/state/planningState.svelte.ts';
import { SavedState } from '../../src/lib/state/savedState.svelte.ts';
import { hotspotRow } from './hotspotRow.ts';

const row = (id: string, over: Partial<HotspotRow> = {}): HotspotRow =>
  hotspotRow({ id, label: id, ...over });

const tabs: { store: SavedStore; planning: PlanningState }[] = [];
const byId = (list: UserScenario[]) =>
  JSON.stringify([...list].sort((a, b) => (a.id < b.id ? -1 : 1)));
afterEach(async () => {
  // Every write stored before the store closes under it.
  for (const t of tabs)
    await vi.waitUntil(
      async () => byId(await stored(t.store)) === byId(t.planning.store.scenarios),
      {
        timeout: 5000,
      },
    );
  for (const t of tabs.splice(0)) t.store.close();
});

async function tab(name: string) {
  const opened = await SavedStore.open({ name });
  const planning = new PlanningState(new SavedState(async () => opened));
  tabs.push({ store: opened.store, planning });
  await vi.waitUntil(() => planning.loaded);
  return { store: opened.store, planning };
}
const fresh = () => `hotspots-${Math.random().toString(36).slice(2)}`;

/** The scenarios as stored, read as this build reads them. */
async function stored(store: SavedStore): Promise<UserScenario[]> {
  const snap = await store.load('scenarios', (key, value) => {
    const r = parseScenarioRecord(key, value);
    return r.ok ? { ok: true, value: r.scenario } : r;
  });
  return snap.records.map((r) => r.value);
}

const ids = (s: UserScenario | null | undefined) => (s?.hotspots ?? []).map((h) => h.id);

describe('accepting suggested hotspots', () => {
  test('with no scenario active, a new one is made, holds the row and is active', async () => {
    const { store, planning } = await tab(fresh());
    const r = planning.addHotspot(row('suggested-beni'));
    expect(r.ok).toBe(true);
    expect(planning.active?.id).toBe(r.ok && r.scenario.id);
    expect(ids(planning.active)).toEqual(['suggested-beni']);
    await vi.waitUntil(async () => (await stored(store)).length === 1);
    expect(ids((await stored(store))[0])).toEqual(['suggested-beni']);
  });

  test('with one active, it goes there; removing one leaves the others, and none leaves no key', async () => {
    const { store, planning } = await tab(fresh());
    const s = planning.create('Ituri');
    planning.addHotspot(row('a'));
    planning.addHotspot(row('b'));
    expect(planning.store.scenarios).toHaveLength(1);
    expect(ids(planning.active)).toEqual(['a', 'b']);
    planning.removeHotspot(s.id, 'a');
    expect(ids(planning.active)).toEqual(['b']);
    await vi.waitUntil(async () => ids((await stored(store))[0]).join() === 'b');
    planning.removeHotspot(s.id, 'b');
    await vi.waitUntil(async () => (await stored(store))[0]!.hotspots === undefined);
    expect(planning.active).not.toHaveProperty('hotspots');
  });

  test('another tab sees the hotspot, and its change to a site keeps it', async () => {
    const name = fresh();
    const a = await tab(name);
    const b = await tab(name);
    const s = a.planning.create('Shared');
    await vi.waitUntil(() => b.planning.store.scenarios.length === 1);
    b.planning.activeId = s.id;
    a.planning.activeId = s.id;
    a.planning.addHotspot(row('suggested-bunia'));
    b.planning.setChange('bukavu', null);
    await vi.waitUntil(async () => {
      const [x] = await stored(a.store);
      return ids(x).length === 1 && x!.changes.length === 1;
    });
    await vi.waitUntil(() => ids(b.planning.active).length === 1);
    expect(b.planning.active?.changes).toEqual([{ site: 'bukavu', close: null }]);
  });

  test('past the limit, a row is refused with the reason', async () => {
    const { planning } = await tab(fresh());
    planning.create('Full');
    for (let i = 0; i < MAX_HOTSPOTS; i++) planning.addHotspot(row(`h${i}`));
    const r = planning.addHotspot(row('one-more'));
    expect(r.ok).toBe(false);
    expect(!r.ok && say(r.why, 'en')).toBe(`has more than ${MAX_HOTSPOTS} added hotspots`);
    // Replacing one it holds is not adding.
    expect(planning.addHotspot(row('h0', { label: 'Renamed' })).ok).toBe(true);
  });
});

describe('rows the hotspots.csv reader refuses', () => {
  const scenario = (hotspots: HotspotRow[]) => ({
    id: 's',
    name: 'Imported',
    created: '2026-01-01T00:00:00.000Z',
    changes: [],
    hotspots,
  });

  test.each([
    {
      name: 'a good row: added with its scenario',
      hotspots: [row('suggested-a')],
      ok: true,
      said: /^Imported 1 scenario\.$/,
    },
    {
      name: 'an empty group: refused, saying where and what to do',
      hotspots: [row('suggested-a'), row('suggested-b', { group: '' })],
      ok: false,
      said: /^Not imported: scenarios\.0\.hotspots\.1: scenario "Imported": the added hotspot's column group \(""\) is empty; name the armed group or conflict/,
    },
  ])('an import: $name', async ({ hotspots, ok, said }) => {
    const { planning } = await tab(fresh());
    const text = JSON.stringify({ version: 2, scenarios: [scenario(hotspots)] });
    const r = await planning.importJson(text, new Set());
    expect(r.ok).toBe(ok);
    expect(r.message.map((x) => say(x, 'en')).join(' ')).toMatch(said);
    expect(planning.store.scenarios.map((s) => ids(s))).toEqual(ok ? [['suggested-a']] : []);
  });

  test('a stored record with one is set aside whole (downloadable), not shown', async () => {
    const name = fresh();
    (await SavedStore.open({ name, channel: false })).store.close();
    const db = await openDB(name);
    const bad = scenario([row('suggested-a', { lat: '91' })]);
    await db.put('scenarios', { format: FORMATS.scenarios, value: bad }, 's');
    db.close();
    const { store, planning } = await tab(name);
    expect(planning.store.scenarios).toEqual([]);
    const [kept] = await store.kept();
    expect(kept).toMatchObject({ collection: 'scenarios', key: 's', reason: 'unreadable' });
    expect(JSON.parse(kept!.text)).toEqual(bad);
    expect(say((kept!.why as Said[])[0]!, 'en')).toMatch(/hotspots\.0: .*column lat \("91"\)/);
  });
});

describe('versions', () => {
  test('a record the format-1 build stored loads, and takes a hotspot', async () => {
    const name = fresh();
    // As the build before added hotspots wrote it: format 1, no hotspots key.
    const old = {
      id: 'old',
      name: 'From before',
      created: '2026-01-01T00:00:00.000Z',
      changes: [{ site: 'uvira', close: '2025-01-31' }],
    };
    // The database as that build left it (opened once, so its stores exist).
    (await SavedStore.open({ name, channel: false })).store.close();
    const db = await openDB(name);
    await db.put('scenarios', { format: 1, value: old }, 'old');
    db.close();
    const { store, planning } = await tab(name);
    expect(planning.store.scenarios).toEqual([old]);
    planning.activeId = 'old';
    planning.addHotspot(row('suggested-uvira'));
    await vi.waitUntil(async () => ids((await stored(store))[0]).length === 1);
    expect((await stored(store))[0]).toEqual({ ...old, hotspots: [row('suggested-uvira')] });
  });

  test.each([
    { name: 'no hotspots: version 1, as older builds import', add: false, version: 1 },
    { name: 'with hotspots: version 2', add: true, version: 2 },
  ])('an export names its version ($name)', async ({ add, version }) => {
    const { planning } = await tab(fresh());
    const s = planning.create('Export');
    if (add) planning.addHotspot(row('x'));
    for (const text of [planning.exportJson(), planning.exportJson(s.id)]) {
      const json = JSON.parse(text) as { version: number; scenarios: UserScenario[] };
      expect(json.version).toBe(version);
      expect(ids(json.scenarios[0])).toEqual(add ? ['x'] : []);
    }
  });
});
