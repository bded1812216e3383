/** Saved-work files the tests build: slides and decks as the app writes them. */
import type { Slide, SlideDeck } from '../src/lib/domain/slideDeck.ts';

/** A slide of the whole country on 15 July 2021, sites only. */
export const slide = (id: string, caption = ''): Slide => ({
  id,
  caption,
  date: '2021-07-15',
  view: null,
  layers: ['sites'],
  plan: 'actual',
  sel: null,
  scn: null,
  playTo: null,
});

/** A deck file's text: one slide per caption, ids s1, s2, … */
export const deckJson = (name: string, captions: string[]): string =>
  JSON.stringify({
    version: 1,
    name,
    slides: captions.map((c, i) => slide(`s${i + 1}`, c)),
  } satisfies SlideDeck);
