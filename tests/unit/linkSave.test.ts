/**
 * What a link carried is shown, not saved, until Save (linkState.svelte.ts): over a real store
 * (IndexedDB in Node: fake-indexeddb), a link's scenario can be edited in memory and is stored
 * only by Save, under its own id unless one is taken; a link's deck is presented without
 * touching this browser's deck, and Save adds its slides after them, pointed at the scenarios'
 * saved ids.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SavedStore } from '../../src/lib/data/savedStore.ts';
import { parseScenarioRecord, type UserScenario } from '../../src/lib/domain/userScenario.ts';
import { parseSlideRecord, type Slide } from '../../src/lib/domain/slideDeck.ts';
import { PlanningState } from '../../src/lib/state/planningState.svelte.ts';
import { PresentState } from '../../src/lib/state/presentState.svelte.ts';
import { SavedState } from '../../src/lib/state/savedState.svelte.ts';
import { links } from '../../src/lib/state/linkState.svelte.ts';
import { deckOf, scenarioOf } from '../fixtures/shareDecks.ts';

const stores: SavedStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  links.offer = null;
  links.saved = null;
});

async function browserTab() {
  const opened = await SavedStore.open({ name: `links-${Math.random().toString(36).slice(2)}` });
  stores.push(opened.store);
  const saved = new SavedState(async () => opened);
  const planning = new PlanningState(saved);
  const present = new PresentState(saved);
  await vi.waitUntil(() => planning.loaded && present.loaded);
  return { store: opened.store, planning, present };
}

async function storedScenarios(store: SavedStore): Promise<UserScenario[]> {
  const snap = await store.load('scenarios', (key, value) => {
    const r = parseScenarioRecord(key, value);
    return r.ok ? { ok: true, value: r.scenario } : r;
  });
  return snap.records.map((r) => r.value);
}

async function storedSlides(store: SavedStore): Promise<Slide[]> {
  const snap = await store.load('slides', (key, value) => {
    const r = parseSlideRecord(key, value);
    return r.ok ? { ok: true, value: r.slide } : r;
  });
  return snap.records.map((r) => r.value);
}

describe("a link's scenario", () => {
  test('is shown and edited in memory, and stored, as edited, only on Save', async () => {
    const { store, planning, present } = await browserTab();
    const s = scenarioOf('smk2f9a1x', 'From a link');
    planning.linked = [s];
    planning.activeId = s.id;
    links.offer = { kind: 'scenario', scenario: s };
    expect(planning.active).toBe(s);
    expect(planning.holds(s.id)).toBe(true);
    planning.setChange('kalemie', null);
    expect(planning.active!.changes.map((c) => c.site)).toEqual([
      ...s.changes.map((c) => c.site),
      'kalemie',
    ]);
    expect(planning.store.scenarios).toEqual([]);
    expect(await storedScenarios(store)).toEqual([]);

    await links.save(planning, present);
    expect(links.offer).toBeNull();
    expect(links.saved).toEqual({ text: 'scenario', name: 'From a link', count: 1 });
    const kept = await storedScenarios(store);
    expect(kept.map((x) => [x.id, x.changes.length])).toEqual([['smk2f9a1x', 4]]);
    // Listed once, though the store reloads after the write (a repeated key breaks the panel).
    expect(planning.store.scenarios.map((x) => x.id)).toEqual(['smk2f9a1x']);
    expect(planning.linked).toEqual([]);
    expect(planning.isLinked()).toBe(false);
    expect(planning.activeId).toBe('smk2f9a1x');
  });

  test('whose id this browser holds is saved under a fresh one', async () => {
    const { store, planning, present } = await browserTab();
    const mine = planning.create('Mine');
    const s = scenarioOf(mine.id, 'From a link');
    planning.linked = [s];
    planning.activeId = s.id;
    // The link's wins while shown: it is what the link showed.
    expect(planning.active!.name).toBe('From a link');
    links.offer = { kind: 'scenario', scenario: s };
    await links.save(planning, present);
    const kept = await storedScenarios(store);
    expect(kept.map((x) => x.name).sort()).toEqual(['From a link', 'Mine']);
    const saved = kept.find((x) => x.name === 'From a link')!;
    expect(saved.id).not.toBe(mine.id);
    expect(planning.activeId).toBe(saved.id);
    expect(planning.active!.name).toBe('From a link');
  });
});

describe("a link's deck", () => {
  test('is presented without touching this browser’s deck; Save adds its slides after them', async () => {
    const { store, planning, present } = await browserTab();
    present.add({
      caption: 'Mine',
      date: '2021-07-15',
      playTo: null,
      view: null,
      layers: [],
      plan: 'actual',
      sel: null,
      scn: null,
    });
    await vi.waitUntil(async () => (await storedSlides(store)).length === 1);
    const mine = present.deck;
    const { deck, scenarios } = deckOf(3);
    const used = scenarios.filter((s) => deck.slides.some((x) => x.scn === s.id));
    planning.linked = used;
    present.presentLinked(deck, 1);
    expect(present.presentingLinked).toBe(true);
    expect(present.deck).toBe(deck);
    expect(present.current).toBe(deck.slides[1]);
    present.stop();
    // Stopped, the Slides panel shows this browser's deck again, and nothing was written.
    expect(present.deck).toBe(mine);
    expect((await storedSlides(store)).map((s) => s.caption)).toEqual(['Mine']);
    expect(await storedScenarios(store)).toEqual([]);

    present.presentLinked(deck, 2);
    links.offer = { kind: 'deck', deck, scenarios: used };
    await links.save(planning, present);
    expect(links.saved).toEqual({ text: 'deck', name: deck.name, count: 3 });
    expect(present.deck.slides.map((s) => s.caption)).toEqual([
      'Mine',
      ...deck.slides.map((s) => s.caption),
    ]);
    // The presentation goes on at the same slide, now one of this browser's.
    expect(present.presentingLinked).toBe(false);
    expect(present.current!.caption).toBe(deck.slides[2]!.caption);
    expect(present.deck.name).toBe(mine.name);
    await vi.waitUntil(async () => (await storedSlides(store)).length === 4);
    expect((await storedScenarios(store)).map((s) => s.id)).toEqual(used.map((s) => s.id));
    const slides = await storedSlides(store);
    expect(slides.filter((s) => s.scn).map((s) => s.scn)).toEqual(
      deck.slides.filter((s) => s.scn).map((s) => s.scn),
    );
  });
});
