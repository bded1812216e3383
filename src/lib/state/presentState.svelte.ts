/**
 * The briefing deck and presentation mode: slides saved in this browser, which one is shown,
 * and whether the app is presenting. Applying a slide to the map is Presenter.svelte's job.
 */
import { createContext } from 'svelte';
import { loadDeck, saveDeck, type StorageLike } from '../data/localStore.ts';
import {
  DECK_VERSION,
  emptyDeck,
  moveSlide,
  newSlideId,
  parseDeckJson,
  type Slide,
  type SlideDeck,
} from '../domain/slideDeck.ts';

export class PresentState {
  deck = $state.raw<SlideDeck>(emptyDeck());
  notice = $state<string | null>(null);
  presenting = $state(false);
  index = $state(0);
  showPanel = $state(false);
  /** Whether the legend shows while presenting (L toggles it); kept from slide to slide. */
  legend = $state(true);

  constructor(private readonly storage: StorageLike | null) {
    const r = loadDeck(storage);
    this.deck = r.value;
    this.notice = r.error ?? r.notice ?? null;
  }

  get current(): Slide | null {
    return this.deck.slides[this.index] ?? null;
  }

  private save(deck: SlideDeck) {
    this.deck = deck;
    this.notice = saveDeck(this.storage, deck);
  }

  add(slide: Omit<Slide, 'id'>): void {
    this.save({
      ...this.deck,
      slides: [...this.deck.slides, { ...slide, id: newSlideId(this.deck) }],
    });
  }

  update(id: string, patch: Partial<Omit<Slide, 'id'>>): void {
    this.save({
      ...this.deck,
      slides: this.deck.slides.map((s) => (s.id === id ? { ...s, ...patch } : s)),
    });
  }

  remove(id: string): void {
    this.save({ ...this.deck, slides: this.deck.slides.filter((s) => s.id !== id) });
    this.index = Math.min(this.index, Math.max(0, this.deck.slides.length - 1));
  }

  move(from: number, to: number): void {
    this.save(moveSlide(this.deck, from, to));
  }

  rename(name: string): void {
    this.save({ ...this.deck, name });
  }

  importJson(text: string): { ok: boolean; message: string } {
    const r = parseDeckJson(text);
    if (!r.ok) return { ok: false, message: `Not imported: ${r.errors.join('; ')}` };
    this.save(r.deck);
    this.index = 0;
    const renamed = r.notices.length ? ` Renumbered: ${r.notices.join('; ')}.` : '';
    return {
      ok: true,
      message: `Imported "${r.deck.name}": ${r.deck.slides.length} slides.${renamed}`,
    };
  }

  exportJson(): string {
    return JSON.stringify({ ...this.deck, version: DECK_VERSION }, null, 2);
  }

  start(index = 0): void {
    if (!this.deck.slides.length) return;
    this.index = Math.max(0, Math.min(index, this.deck.slides.length - 1));
    this.presenting = true;
  }

  stop(): void {
    this.presenting = false;
  }
}

const [get, set] = createContext<PresentState>();

export function preparePresentState(storage: StorageLike | null): PresentState {
  return set(new PresentState(storage));
}

export const getPresentState = get;
