/**
 * Briefing slides: an ordered deck of saved map states (date, view, layers, plan, selection,
 * scenario, caption), each of which may play on to a later date, or back to an earlier one, when
 * entered. Pure functions; the JSON is versioned and validated (valibot) on import and on load
 * from storage.
 */
import * as v from 'valibot';
import { m } from '../../paraglide/messages.js';
import type { Said } from './problems.ts';
import { code, describeIssues, isoDay, readJsonObject } from './jsonFile.ts';
import type { SavedView } from './savedView.ts';
import { PLANS } from './schema.ts';

export const DECK_VERSION = 1;

/** A slide: a saved view (the same a link holds), with a caption and a date to play on to. */
export interface Slide extends SavedView {
  id: string;
  caption: string;
  /** Play on (or back) to this date when the slide is entered, or null. */
  playTo: string | null;
  /** Texts pointed at sites or places while the slide is shown; absent in decks made before. */
  callouts?: Callout[];
}

/** A short text anchored to a site or a place, drawn with a leader line to its label. */
export interface Callout {
  id: string;
  /** At most 80 characters. */
  text: string;
  /** The anchor, [lon, lat]: a site's or a place's position when made. */
  at: [number, number];
  /** The site it names, when anchored to a site. */
  siteId?: string;
  /** The label box's offset from the anchor in CSS pixels at scale 1, e.g. [40, -30]. */
  offset: [number, number];
}

/** The longest callout text: a short line an audience reads at a glance. */
export const MAX_CALLOUT_TEXT = 80;
/** The most callouts a slide may carry: more would hide the map they point at. */
export const MAX_CALLOUTS = 12;
/** The farthest a label box may stand from its anchor, in CSS pixels at scale 1. */
export const MAX_CALLOUT_OFFSET = 400;
/**
 * Where an anchor may be: the map's reach (its maxBounds in MapView.svelte, about 4°W–57°E and
 * 26°S–12°N) with a margin; a point beyond is a mistake (a swapped or projected coordinate).
 */
const ANCHOR_BOX = { west: -20, east: 60, south: -35, north: 25 };

export interface SlideDeck {
  version: typeof DECK_VERSION;
  name: string;
  slides: Slide[];
}

/**
 * The most slides a deck may hold. A briefing has tens; a file with thousands is not a deck
 * anyone presents, and its list would freeze the panel that draws it.
 */
export const MAX_SLIDES = 500;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const pair = v.tuple([v.number(), v.number()]);
const CalloutSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID, code('not_callout_id'))),
  text: v.pipe(
    v.string(),
    v.check((t) => t.trim() !== '', code('callout_empty')),
    v.maxLength(MAX_CALLOUT_TEXT, code('callout_long')),
  ),
  at: v.pipe(
    pair,
    v.check(
      ([lon, lat]) =>
        Number.isFinite(lon) &&
        Number.isFinite(lat) &&
        lon >= ANCHOR_BOX.west &&
        lon <= ANCHOR_BOX.east &&
        lat >= ANCHOR_BOX.south &&
        lat <= ANCHOR_BOX.north,
      code('callout_not_at'),
    ),
  ),
  siteId: v.optional(v.pipe(v.string(), v.regex(ID, code('not_feature_id')))),
  offset: v.pipe(
    pair,
    v.check(
      (o) => o.every((x) => Number.isFinite(x) && Math.abs(x) <= MAX_CALLOUT_OFFSET),
      code('callout_not_offset'),
    ),
  ),
});
const SlideSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(code('empty_id'))),
  caption: v.pipe(v.string(), v.maxLength(300, code('caption_long'))),
  date: isoDay,
  playTo: v.nullable(isoDay),
  view: v.nullable(
    v.pipe(
      v.tuple([v.number(), v.number(), v.number()]),
      v.check(
        ([lon, lat, z]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && z >= 0 && z <= 24,
        code('not_view'),
      ),
    ),
  ),
  layers: v.array(v.pipe(v.string(), v.regex(ID, code('not_layer_id')))),
  plan: v.picklist(PLANS, code('not_plan')),
  sel: v.nullable(v.pipe(v.string(), v.regex(ID, code('not_feature_id')))),
  scn: v.nullable(v.pipe(v.string(), v.regex(ID, code('not_scenario_id')))),
  callouts: v.optional(
    v.pipe(v.array(CalloutSchema), v.maxLength(MAX_CALLOUTS, code('too_many_callouts'))),
  ),
});
const DeckSchema = v.object({
  version: v.literal(DECK_VERSION, code('not_version')),
  name: v.pipe(v.string(), v.maxLength(120, code('name_long'))),
  slides: v.pipe(v.array(SlideSchema), v.maxLength(MAX_SLIDES, code('too_many_slides'))),
});

/** A new deck, named in the interface's language (the name is then the user's, kept as is). */
export const emptyDeck = (): SlideDeck => ({
  version: DECK_VERSION,
  name: m.slides_default_deck_name(),
  slides: [],
});

/**
 * A deck from JSON text, or the problems with where they are. Slides that repeat an id are
 * renumbered, with a notice: nothing points at a slide id from outside the deck, so a new one
 * is harmless, while two slides with one id break the panel's keyed list on every load.
 */
export function parseDeckJson(
  text: string,
): { ok: true; deck: SlideDeck; notices: Said[] } | { ok: false; errors: Said[] } {
  const read = readJsonObject(text, 'not_deck_object');
  return read.ok ? parseDeckValue(read.json) : read;
}

/** A deck from a value already read (a file's JSON, or a link's: shareLink.ts), or its problems. */
export function parseDeckValue(
  json: unknown,
): { ok: true; deck: SlideDeck; notices: Said[] } | { ok: false; errors: Said[] } {
  const r = v.safeParse(DeckSchema, json);
  if (!r.success) return { ok: false, errors: describeIssues(r.issues) };
  return { ok: true, ...uniqueSlideIds(r.output as SlideDeck) };
}

/** The deck with each repeated slide id replaced by a fresh one, and a notice for each. */
export function uniqueSlideIds(deck: SlideDeck): { deck: SlideDeck; notices: Said[] } {
  const taken = new Set(deck.slides.map((s) => s.id));
  const seen = new Set<string>();
  const notices: Said[] = [];
  let n = deck.slides.length;
  const slides = deck.slides.map((s, i) => {
    if (!seen.has(s.id)) {
      seen.add(s.id);
      return s;
    }
    let id = `slide-${++n}`;
    while (taken.has(id)) id = `slide-${++n}`;
    taken.add(id);
    seen.add(id);
    notices.push({ code: 'slide_id_repeated', params: { n: i + 1, id: s.id, newId: id } });
    return { ...s, id };
  });
  return notices.length ? { deck: { ...deck, slides }, notices } : { deck, notices };
}

/** The deck with slide `from` moved to position `to` (clamped). */
export function moveSlide(deck: SlideDeck, from: number, to: number): SlideDeck {
  const slides = [...deck.slides];
  if (from < 0 || from >= slides.length) return deck;
  const [s] = slides.splice(from, 1);
  slides.splice(Math.max(0, Math.min(slides.length, to)), 0, s!);
  return { ...deck, slides };
}

/**
 * A slide id not yet in the deck. From the clock rather than a count: two tabs adding a slide
 * to one deck would both pick "slide-4", and the second would be refused by the store.
 */
export function newSlideId(deck: SlideDeck, now = Date.now()): string {
  const taken = new Set(deck.slides.map((s) => s.id));
  const base = `slide-${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** One slide as stored in this browser, under `id` (the key is the truth), or its problems. */
export function parseSlideRecord(
  id: string,
  value: unknown,
): { ok: true; slide: Slide } | { ok: false; errors: Said[] } {
  const r = v.safeParse(SlideSchema, value);
  return r.success
    ? { ok: true, slide: { ...(r.output as Slide), id } }
    : { ok: false, errors: describeIssues(r.issues) };
}

/**
 * The slides' order: the stored order's ids that still exist, then any others (written by a
 * tab that failed before saving the order, or by an older copy) in key order. Never loses a
 * slide and never repeats one.
 */
export function orderedIds(
  order: readonly string[] | undefined,
  keys: readonly string[],
): string[] {
  const present = new Set(keys);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of order ?? [])
    if (present.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  for (const id of [...keys].sort()) if (!seen.has(id)) out.push(id);
  return out;
}

/**
 * A callout id not yet on the slide; from the clock, as slide ids are (newSlideId), so two
 * tabs editing one slide do not both make "callout-2".
 */
export function newCalloutId(slide: Pick<Slide, 'callouts'>, now = Date.now()): string {
  const taken = new Set((slide.callouts ?? []).map((c) => c.id));
  const base = `callout-${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The slide's callouts with `callout` put in place of the one with its id, or added last. */
export function withCallout(callouts: readonly Callout[] | undefined, callout: Callout): Callout[] {
  const list = callouts ?? [];
  return list.some((c) => c.id === callout.id)
    ? list.map((c) => (c.id === callout.id ? callout : c))
    : [...list, callout];
}

/** The index after a key press: next, previous, or null (not a slide key). */
export function slideKey(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ')
    return Math.min(count - 1, index + 1);
  if (key === 'ArrowLeft' || key === 'PageUp') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
