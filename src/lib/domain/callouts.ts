/**
 * Where a slide's callout is drawn: its label box beside the anchor, at the offset the briefer
 * chose, and the leader line from the box's nearest edge to the anchor. Pure, in pixels of
 * whatever surface draws it (the screen while presenting, the PNG or a vector export), so every
 * output puts the box and line in the same place relative to the map.
 */
import type { Callout } from './slideDeck.ts';

export type Px = [number, number];
/** Left, top, right, bottom. */
export type PxBox = [number, number, number, number];

/** The callout's type size, its box's padding and its widest line, in CSS pixels at scale 1. */
export const CALLOUT_FONT_PX = 15;
export const CALLOUT_PAD_PX: Px = [8, 5];
export const CALLOUT_MAX_WIDTH_PX = 260;
/** A line of the callout's type is this many ems high. */
export const CALLOUT_LINE_EM = 1.25;
/** The dot at the anchor and the leader's width, in CSS pixels at scale 1. */
export const CALLOUT_DOT_PX = 3.5;
export const CALLOUT_LINE_PX = 1.5;
/** The box's fill and the ink of its text, border, leader and dot: dark on near-white. */
export const CALLOUT_FILL = 'rgba(255,255,255,0.95)';
export const CALLOUT_INK = '#1d1b18';

/** The four sides a label box can stand at, as offsets from its anchor at scale 1. */
export const CALLOUT_SIDES = {
  'up-right': [44, -40],
  'up-left': [-44, -40],
  'down-right': [44, 40],
  'down-left': [-44, 40],
} as const satisfies Record<string, Px>;
export type CalloutSide = keyof typeof CALLOUT_SIDES;

/** The side nearest an offset (an imported deck's may be any): by the signs of its axes. */
export function sideOf(offset: readonly [number, number]): CalloutSide {
  return `${offset[1] > 0 ? 'down' : 'up'}-${offset[0] < 0 ? 'left' : 'right'}`;
}

/** A callout placed: its box, its leader from the box's edge to the anchor, and its type. */
export interface PlacedCallout {
  box: PxBox;
  /** [on the box's edge, at the anchor]; both ends equal when the box covers the anchor. */
  line: [Px, Px];
  fontPx: number;
  /**
   * Each line's text, and where it starts: its left, and the middle of its line's height (a
   * canvas's 'middle' baseline, an SVG's 'central'), one line under the other.
   */
  lines: { text: string; at: Px }[];
}

/**
 * The box of a `w` × `h` label whose nearest corner (or side, for a zero offset) stands at
 * `offset` × `scale` from `anchor`: a box up and right of its anchor has its lower-left corner
 * there, so it grows away from the anchor whatever its text.
 */
export function calloutBox(
  anchor: Px,
  offset: readonly [number, number],
  scale: number,
  [w, h]: Px,
): PxBox {
  const x = anchor[0] + offset[0] * scale;
  const y = anchor[1] + offset[1] * scale;
  const left = offset[0] > 0 ? x : offset[0] < 0 ? x - w : x - w / 2;
  const top = offset[1] > 0 ? y : offset[1] < 0 ? y - h : y - h / 2;
  return [left, top, left + w, top + h];
}

/**
 * `box` moved as little as it takes to lie inside `within` (on each axis where it fits): a box
 * beside an anchor near the legend went under it in an export, text and all.
 */
export function keepInside(box: PxBox, within: PxBox): PxBox {
  const shift = (lo: number, hi: number, min: number, max: number) =>
    hi - lo > max - min ? 0 : lo < min ? min - lo : hi > max ? max - hi : 0;
  const dx = shift(box[0], box[2], within[0], within[2]);
  const dy = shift(box[1], box[3], within[1], within[3]);
  return [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy];
}

/** The leader: from the point of `box` nearest the anchor, to the anchor. */
export function leaderLine(anchor: Px, box: PxBox): [Px, Px] {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return [[clamp(anchor[0], box[0], box[2]), clamp(anchor[1], box[1], box[3])], anchor];
}

/**
 * `text` in lines no wider than `max` at the measure's type, broken at ordinary spaces only
 * (French puts no-break spaces before ":" and inside « »); a single word wider stays whole.
 */
export function wrapText(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/[ \t\n]+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A callout laid out at `anchor` (its `at` projected to the surface's pixels) and `scale`
 * (the screen scale while presenting; the output's pixel ratio in an export). `measure` gives
 * a text's width at `px` in the app's typeface (a canvas's measureText, or the vector
 * library's own). `within`, if given, is the part of the surface the box must stay inside
 * (an export's map, less its legend): the box moves in, the leader follows.
 */
export function placeCallout(
  c: Pick<Callout, 'text' | 'offset'>,
  anchor: Px,
  scale: number,
  measure: (text: string, px: number) => number,
  within?: PxBox,
): PlacedCallout {
  const fontPx = CALLOUT_FONT_PX * scale;
  const [padX, padY] = [CALLOUT_PAD_PX[0] * scale, CALLOUT_PAD_PX[1] * scale];
  const lineH = CALLOUT_LINE_EM * fontPx;
  const texts = wrapText(c.text, CALLOUT_MAX_WIDTH_PX * scale, (s) => measure(s, fontPx));
  const w = Math.max(0, ...texts.map((t) => measure(t, fontPx))) + 2 * padX;
  const h = texts.length * lineH + 2 * padY;
  const placed = calloutBox(anchor, c.offset, scale, [w, h]);
  const box = within ? keepInside(placed, within) : placed;
  return {
    box,
    line: leaderLine(anchor, box),
    fontPx,
    lines: texts.map((text, i) => ({
      text,
      at: [box[0] + padX, box[1] + padY + (i + 0.5) * lineH],
    })),
  };
}
