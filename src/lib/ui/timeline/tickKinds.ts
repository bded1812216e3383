/**
 * The event ticks' colours, by kind, and what the key says of each: one table for the ticks'
 * classes (TimelineTrack.svelte) and the key (TimelineKey.svelte), so the two cannot drift.
 * Okabe–Ito colours, as the map's theme.
 */
import { m } from '../../../paraglide/messages.js';
import type { EventKind } from '../../domain/schema.ts';
import { EVENT_KIND_LABEL } from '../../domain/vocabulary.ts';

export type TickColour = 'blue' | 'vermilion' | 'green' | 'pink' | 'grey' | 'black';

/** The colour of a tick of each kind. */
export const TICK_COLOUR: Record<EventKind, TickColour> = {
  resolution: 'blue',
  armed_group: 'vermilion',
  agreement: 'green',
  deployment: 'pink',
  closure: 'grey',
  handover: 'grey',
  plan: 'black',
  protest: 'black',
  other: 'black',
};

/** The colours drawn (the ticks' former classes'). */
export const TICK_HEX: Record<TickColour, string> = {
  blue: '#0072b2',
  vermilion: '#d55e00',
  green: '#009e73',
  pink: '#cc79a7',
  grey: '#6e6e6e',
  black: '#25231f',
};

/** The key's lines: the swatch's name (its accessible name) and what it means. */
export const TICK_KEY: { colour: TickColour; swatch: () => string; meaning: () => string }[] = [
  { colour: 'blue', swatch: m.key_tick_blue, meaning: () => EVENT_KIND_LABEL.resolution() },
  {
    colour: 'vermilion',
    swatch: m.key_tick_vermilion,
    meaning: () => EVENT_KIND_LABEL.armed_group(),
  },
  { colour: 'green', swatch: m.key_tick_green, meaning: () => EVENT_KIND_LABEL.agreement() },
  { colour: 'pink', swatch: m.key_tick_pink, meaning: () => EVENT_KIND_LABEL.deployment() },
  { colour: 'grey', swatch: m.key_tick_grey, meaning: m.key_tick_closure },
  { colour: 'black', swatch: m.key_tick_black, meaning: m.key_tick_other },
];

/** A group's colour: its events' one colour, or black when they differ. */
export function groupColour(kinds: readonly EventKind[]): TickColour {
  const colours = new Set(kinds.map((k) => TICK_COLOUR[k]));
  return colours.size === 1 ? [...colours][0]! : 'black';
}
