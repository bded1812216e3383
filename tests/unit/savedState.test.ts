/**
 * The planning and presentation states over the saved store (fake-indexeddb): what the screen
 * shows after a refused write, after another tab's write, and what a deck import keeps.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { describeWriteError, SavedStore } from '../../src/lib/data/savedStore.ts';
import { PlanningState } from '../../src/lib/state/planningState.svelte.ts';
import { PresentState } from '../../src/lib/state/presentState.svelte.ts';
import { SavedState } from '../../src/lib/state/savedState.svelte.ts';
import { deckJson } from '../fixtures.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';

/** A result's sentences, as the Slides panel shows them. */
const words = (said: Said[], locale: 'en' | 'fr') => said.map((x) => say(x, locale)).join(' ');

const stores: SavedStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A tab: its own store object on database `name`, and the states over it. */
async function tab(name: string) {
  const opened = await SavedStore.open({ name });
  const { store } = opened;
  stores.push(store);
  const saved = new SavedState(async () => opened);
  const planning = new PlanningState(saved);
  const present = new PresentState(saved);
  await vi.waitUntil(() => planning.loaded && present.loaded);
  return { store, saved, planning, present };
}
const fresh = () => `state-${Math.random().toString(36).slice(2)}`;
const names = (p: PlanningState) => p.store.scenarios.map((s) => s.name);

describe('a refused write', () => {
  test('regression: a full disk: the message shows, and the screen goes back to what is stored', async () => {
    const { store, planning } = await tab(fresh());
    planning.create('Kept');
    await vi.waitUntil(
      async () =>
        (await store.load('scenarios', () => ({ ok: true, value: 0 }))).records.length === 1,
    );
    vi.spyOn(store, 'write').mockResolvedValueOnce(
      describeWriteError(new DOMException('quota', 'QuotaExceededError')),
    );
    planning.create('Too much');
    // Shown at once, as any change is …
    expect(names(planning)).toEqual(['Kept', 'Too much']);
    // … then withdrawn when the store refuses it, with the reason.
    await vi.waitUntil(() => names(planning).length === 1);
    expect(names(planning)).toEqual(['Kept']);
    expect(planning.notice && say(planning.notice, 'en')).toMatch(
      /storage for the app is full\. Nothing was changed/,
    );
    expect(planning.notice && say(planning.notice, 'fr')).toMatch(/stockage .* est plein/);
  });
});

describe('another tab', () => {
  test('its scenario and its radius reach this tab without a reload', async () => {
    const name = fresh();
    const a = await tab(name);
    const b = await tab(name);
    a.planning.create('From A');
    a.planning.setRadius('cob', 42);
    await vi.waitUntil(() => names(b.planning).length === 1 && b.planning.radii.cob === 42);
    expect(names(b.planning)).toEqual(['From A']);
  });

  test('a scenario deleted there stops being the active one here', async () => {
    const name = fresh();
    const a = await tab(name);
    const b = await tab(name);
    const s = a.planning.create('Shared');
    await vi.waitUntil(() => names(b.planning).length === 1);
    b.planning.activeId = s.id;
    a.planning.remove(s.id);
    await vi.waitUntil(() => names(b.planning).length === 0);
    expect(b.planning.activeId).toBeNull();
  });
});

describe('a deck import', () => {
  const deck = (name: string, n: number) =>
    deckJson(
      name,
      Array.from({ length: n }, (_, i) => `${name} ${i + 1}`),
    );

  test('adding keeps the saved slides and their ids; replacing keeps the old deck aside', async () => {
    const { present, saved } = await tab(fresh());
    expect((await present.importJson(deck('Mine', 2), 'replace')).ok).toBe(true);
    const mine = present.deck.slides.map((s) => s.id);
    const added = await present.importJson(deck('Theirs', 2), 'add');
    expect(added.ok).toBe(true);
    expect(words(added.message, 'en')).toBe('Added 2 slides from “Theirs”.');
    expect(words(added.message, 'fr')).toBe('2 diapos ajoutées depuis «\u00a0Theirs\u00a0».');
    expect(present.deck.slides.map((s) => s.caption)).toEqual([
      'Mine 1',
      'Mine 2',
      'Theirs 1',
      'Theirs 2',
    ]);
    // The saved slides are untouched; the added ones have ids of their own.
    expect(present.deck.slides.slice(0, 2).map((s) => s.id)).toEqual(mine);
    expect(new Set(present.deck.slides.map((s) => s.id)).size).toBe(4);

    const replaced = await present.importJson(deck('Theirs', 1), 'replace', 'theirs.json');
    expect(words(replaced.message, 'en')).toMatch(
      /The deck it replaced \(4 slides\) is kept aside/,
    );
    expect(present.deck.name).toBe('Theirs');
    await vi.waitUntil(() => saved.kept.length === 1);
    expect(saved.kept[0]).toMatchObject({
      reason: 'replaced',
      why: [{ code: 'kept_why_import', params: { file: 'theirs.json' } }],
    });
    expect(await present.restore(saved.kept[0]!.id)).toBeNull();
    expect(present.deck.slides.map((s) => s.caption)).toEqual([
      'Mine 1',
      'Mine 2',
      'Theirs 1',
      'Theirs 2',
    ]);
    expect(saved.kept).toHaveLength(1);
    const why = saved.kept[0]!.why as Said[];
    expect(why[0]!.code).toBe('kept_why_restore');
    expect(words(why, 'en')).toMatch(/^replaced by restoring the deck kept on \d{1,2} \w+ \d{4}$/);
    expect(words(why, 'fr')).toMatch(
      /^remplacée par la restauration de la présentation gardée le /,
    );
  });
});

describe('issue 27 regressions', () => {
  test('an unreadable store from before is still kept after a scenario is created and one imported', async () => {
    const name = fresh();
    const text = '{"version":1,"scenarios":[{"id":"x","name":';
    const legacy = new Map([['drawdown-map/scenarios/v1', text]]);
    const opened = await SavedStore.open({
      name,
      legacy: { getItem: (k) => legacy.get(k) ?? null, removeItem: (k) => void legacy.delete(k) },
    });
    const { store } = opened;
    stores.push(store);
    const saved = new SavedState(async () => opened);
    const planning = new PlanningState(saved);
    await vi.waitUntil(() => planning.loaded);
    await vi.waitUntil(() => saved.moved.length === 1);
    planning.create('New');
    const one = JSON.stringify({ id: 'y', name: 'Imported', created: '', changes: [] });
    expect((await planning.importJson(one, new Set())).ok).toBe(true);
    await vi.waitUntil(() => names(planning).length === 2);
    expect((await store.kept()).map((k) => k.text)).toEqual([text]);
  });

  test('an import naming thousands of unknown sites lists ten of them', async () => {
    const { planning } = await tab(fresh());
    const changes = Array.from({ length: 900 }, (_, i) => ({ site: `nowhere-${i}`, close: null }));
    const r = await planning.importJson(
      JSON.stringify({ id: 'z', name: 'Far', created: '', changes }),
      new Set(['goma']),
    );
    const words = r.message.map((x) => say(x, 'en')).join(' ');
    expect(words).toMatch(/^Imported 1 scenario\. /);
    expect(words).toMatch(/no effect: nowhere-0, nowhere-1, .*nowhere-9 and 890 more\.$/);
  });
});
