/**
 * The briefing deck and presentation mode: slides saved in this browser, which one is shown,
 * and whether the app is presenting. Applying a slide to the map is Presenter.svelte's job.
 */
import { createContext } from 'svelte';
import { innerWidth } from 'svelte/reactivity/window';
import { screenScale } from '../domain/screenScale.ts';
import { parseOffThread } from '../data/parseOffThread.ts';
import { say, type Said } from '../domain/problems.ts';
import type { Snapshot, Txn } from '../data/savedStore.ts';
import {
  DECK_VERSION,
  emptyDeck,
  moveSlide,
  newSlideId,
  orderedIds,
  parseDeckJson,
  parseSlideRecord,
  withCallout,
  type Callout,
  type Slide,
  type SlideDeck,
} from '../domain/slideDeck.ts';
import { getSavedState, SyncedCollection, type SavedState } from './savedState.svelte.ts';

/** How an imported deck joins the saved one. */
export type ImportMode = 'add' | 'replace';

export class PresentState {
  /** This browser's deck. */
  #own = $state.raw<SlideDeck>(emptyDeck());
  /**
   * A deck a link carried (shareLink.ts): presented as it is, not saved until the user says so
   * (saveLinked). It stays off the Slides panel, whose edits are saved.
   */
  linked = $state.raw<SlideDeck | null>(null);
  /** Whether the deck being presented is the link's. */
  #fromLink = $state(false);

  /** The deck shown: the link's while presenting it, else this browser's. */
  get deck(): SlideDeck {
    return this.#fromLink && this.linked ? this.linked : this.#own;
  }
  set deck(deck: SlideDeck) {
    this.#own = deck;
  }

  /** Whether the app is presenting the deck a link carried. */
  get presentingLinked(): boolean {
    return this.presenting && this.#fromLink && this.linked !== null;
  }

  /** Whether the saved deck has been read (a `#present=1` link waits for it). */
  loaded = $state(false);
  notice = $state<string | null>(null);
  presenting = $state(false);
  index = $state(0);
  showPanel = $state(false);
  /** Whether the legend shows while presenting (L toggles it); kept from slide to slide. */
  legend = $state(true);
  /**
   * The slide whose callouts the map shows while not presenting (the Slides panel's "Show on
   * map", or a callout just edited), so a briefer sees them and a PNG export includes them.
   */
  shown = $state<string | null>(null);

  readonly #slides: SyncedCollection<Slide>;
  readonly #saved: SavedState;

  constructor(saved: SavedState) {
    this.#saved = saved;
    this.#slides = new SyncedCollection(
      saved,
      'slides',
      (key, value) => {
        const r = parseSlideRecord(key, value);
        return r.ok ? { ok: true, value: r.slide } : r;
      },
      (snap) => this.#show(snap),
      (m) => (this.notice = say(m)),
    );
    void this.#slides.reload().then(() => (this.loaded = true));
  }

  #show(snap: Snapshot<Slide>): void {
    // A lookup for this function, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byId = new Map(snap.records.map((r) => [r.key, r.value]));
    const slides = orderedIds(snap.meta.order, [...byId.keys()]).map((id) => byId.get(id)!);
    this.deck = { version: DECK_VERSION, name: snap.meta.name ?? emptyDeck().name, slides };
    if (!this.presentingLinked) this.index = Math.min(this.index, Math.max(0, slides.length - 1));
  }

  get current(): Slide | null {
    return this.deck.slides[this.index] ?? null;
  }

  /** How much larger names, symbols and callouts are drawn on this screen (screenScale.ts). */
  get scale(): number {
    return screenScale(innerWidth.current ?? 0, this.presenting);
  }

  /** The callouts on the map now: the current slide's while presenting, else the shown one's. */
  get callouts(): readonly Callout[] {
    const slide = this.presenting
      ? this.current
      : this.deck.slides.find((s) => s.id === this.shown);
    return slide?.callouts ?? [];
  }

  /** Adds `callout` to slide `id`, or puts it in place of the one with its id. */
  setCallout(id: string, callout: Callout): void {
    const slide = this.deck.slides.find((s) => s.id === id);
    if (slide) this.update(id, { callouts: withCallout(slide.callouts, callout) });
  }

  /** Takes callout `calloutId` off slide `id`. */
  removeCallout(id: string, calloutId: string): void {
    const slide = this.deck.slides.find((s) => s.id === id);
    if (slide)
      this.update(id, { callouts: (slide.callouts ?? []).filter((c) => c.id !== calloutId) });
  }

  /** The order as stored, with `f` applied to it. */
  static async #reorder(t: Txn, f: (order: string[]) => string[]): Promise<void> {
    const order = orderedIds((await t.meta()).order, await t.keys());
    await t.setMeta({ order: f(order) });
  }

  add(slide: Omit<Slide, 'id'>): void {
    const s = { ...slide, id: newSlideId(this.deck) };
    this.deck = { ...this.deck, slides: [...this.deck.slides, s] };
    void this.#slides.write(async (t) => {
      await t.add(s.id, s);
      await PresentState.#reorder(t, (o) => [...o.filter((id) => id !== s.id), s.id]);
    });
  }

  update(id: string, patch: Partial<Omit<Slide, 'id'>>): void {
    this.deck = {
      ...this.deck,
      slides: this.deck.slides.map((s) => (s.id === id ? { ...s, ...patch } : s)),
    };
    void this.#slides.write(async (t) => {
      const r = parseSlideRecord(id, await t.get(id));
      if (r.ok) await t.put(id, { ...r.slide, ...patch });
    });
  }

  remove(id: string): void {
    if (this.shown === id) this.shown = null;
    this.deck = { ...this.deck, slides: this.deck.slides.filter((s) => s.id !== id) };
    this.index = Math.min(this.index, Math.max(0, this.deck.slides.length - 1));
    void this.#slides.write(async (t) => {
      await t.delete(id);
      await PresentState.#reorder(t, (o) => o.filter((x) => x !== id));
    });
  }

  move(from: number, to: number): void {
    const id = this.deck.slides[from]?.id;
    if (id === undefined) return;
    this.deck = moveSlide(this.deck, from, to);
    const at = this.deck.slides.findIndex((s) => s.id === id);
    void this.#slides.write((t) =>
      PresentState.#reorder(t, (o) => {
        const rest = o.filter((x) => x !== id);
        rest.splice(Math.min(at, rest.length), 0, id);
        return rest;
      }),
    );
  }

  rename(name: string): void {
    this.deck = { ...this.deck, name };
    void this.#slides.write((t) => t.setMeta({ name }));
  }

  /** Sets the deck aside in the kept copies, as JSON a deck import reads. */
  static async #keepDeck(t: Txn, why: Said[]): Promise<number> {
    const keys = await t.keys();
    const meta = await t.meta();
    const slides: Slide[] = [];
    for (const id of orderedIds(meta.order, keys)) {
      const r = parseSlideRecord(id, await t.get(id));
      if (r.ok) slides.push(r.slide);
    }
    if (!slides.length) return 0;
    const deck: SlideDeck = { version: DECK_VERSION, name: meta.name ?? emptyDeck().name, slides };
    await t.keep({ key: null, reason: 'replaced', why, text: JSON.stringify(deck, null, 2) });
    return slides.length;
  }

  /**
   * Reads a deck file and adds its slides after the saved ones (under fresh ids, so nothing
   * saved is touched), or replaces the saved deck, which is first set aside in the kept copies,
   * where it can be restored.
   */
  async importJson(
    text: string,
    mode: ImportMode,
    file = 'the file',
  ): Promise<{ ok: boolean; message: Said[] }> {
    const r = await parseOffThread({ kind: 'deck', text });
    if (!r.ok)
      return { ok: false, message: [{ code: 'slides_not_imported', params: { why: r.errors } }] };
    const renamed: Said[] = r.notices.length
      ? [{ code: 'slides_renumbered', params: { list: r.notices } }]
      : [];
    const n = r.deck.slides.length;
    if (mode === 'add') {
      const taken = { ...this.deck, slides: [...this.deck.slides] };
      const now = Date.now();
      const slides = r.deck.slides.map((s, i) => {
        const fresh = { ...s, id: newSlideId(taken, now + i) };
        taken.slides.push(fresh);
        return fresh;
      });
      this.deck = taken;
      const error = await this.#write(async (t) => {
        for (const s of slides) await t.add(s.id, s);
        await PresentState.#reorder(t, (o) => [...o, ...slides.map((s) => s.id)]);
      });
      if (error)
        return { ok: false, message: [{ code: 'slides_not_imported', params: { why: error } }] };
      return {
        ok: true,
        message: [{ code: 'slides_added', params: { count: n, name: r.deck.name } }, ...renamed],
      };
    }
    this.deck = r.deck;
    this.index = 0;
    let kept = 0;
    const error = await this.#write(async (t) => {
      kept = await PresentState.#keepDeck(t, [{ code: 'kept_why_import', params: { file } }]);
      await t.clear();
      for (const s of r.deck.slides) await t.put(s.id, s);
      await t.setMeta({ name: r.deck.name, order: r.deck.slides.map((s) => s.id) });
    });
    if (error)
      return { ok: false, message: [{ code: 'slides_not_imported', params: { why: error } }] };
    const aside: Said[] = kept ? [{ code: 'slides_replaced_kept', params: { count: kept } }] : [];
    return {
      ok: true,
      message: [
        { code: 'slides_imported', params: { count: n, name: r.deck.name } },
        ...renamed,
        ...aside,
      ],
    };
  }

  /** Puts a kept deck back in place of the saved one, which is kept aside in turn. */
  async restore(keptId: number): Promise<Said | null> {
    const copy = this.#saved.kept.find((k) => k.id === keptId);
    if (!copy) return { code: 'kept_gone' };
    const r = parseDeckJson(copy.text);
    if (!r.ok) return { code: 'kept_unreadable_deck', params: { why: r.errors } };
    const error = await this.#write(async (t) => {
      await PresentState.#keepDeck(t, [
        { code: 'kept_why_restore', params: { date: copy.at.slice(0, 10) } },
      ]);
      await t.clear();
      for (const s of r.deck.slides) await t.put(s.id, s);
      await t.setMeta({ name: r.deck.name, order: r.deck.slides.map((s) => s.id) });
    });
    if (error) return error;
    this.index = 0;
    return await this.#saved.removeKept(keptId);
  }

  /** A write whose outcome the caller reports itself. */
  #write(f: (t: Txn) => Promise<void>): Promise<Said | null> {
    return this.#slides.write(f);
  }

  exportJson(): string {
    return JSON.stringify({ ...this.deck, version: DECK_VERSION }, null, 2);
  }

  /** Presents a deck a link carried, from slide `index`, without saving it. */
  presentLinked(deck: SlideDeck, index = 0): void {
    if (!deck.slides.length) return;
    this.linked = deck;
    this.#fromLink = true;
    this.index = Math.max(0, Math.min(index, deck.slides.length - 1));
    this.presenting = true;
  }

  /**
   * Adds the link's slides (`deck`: the link's, its scenarios pointed at their saved ids) after
   * this browser's, under fresh ids, or makes them the deck, with its name, when this browser
   * has none. A presentation of the link's deck goes on, from the saved slides.
   */
  async saveLinked(deck: SlideDeck): Promise<Said | null> {
    const own = this.#own;
    const taken = { ...own, slides: [...own.slides] };
    const now = Date.now();
    const slides = deck.slides.map((s, i) => {
      const fresh = { ...s, id: newSlideId(taken, now + i) };
      taken.slides.push(fresh);
      return fresh;
    });
    const name = own.slides.length ? own.name : deck.name;
    const error = await this.#write(async (t) => {
      for (const s of slides) await t.add(s.id, s);
      await PresentState.#reorder(t, (o) => [...o, ...slides.map((s) => s.id)]);
      if (!own.slides.length) await t.setMeta({ name });
    });
    if (error) return error;
    this.#own = { ...taken, name };
    if (this.presentingLinked) this.index += own.slides.length;
    this.#fromLink = false;
    this.linked = null;
    return null;
  }

  start(index = 0): void {
    this.#fromLink = false;
    if (!this.deck.slides.length) return;
    this.index = Math.max(0, Math.min(index, this.deck.slides.length - 1));
    this.presenting = true;
  }

  stop(): void {
    this.presenting = false;
    this.#fromLink = false;
  }
}

const [get, set] = createContext<PresentState>();

export function preparePresentState(): PresentState {
  return set(new PresentState(getSavedState()));
}

export const getPresentState = get;
