/**
 * The padding that fits the country into the part of the map no panel covers. The title,
 * toolbar and layer panel float over the map; fitted to the whole map, the eastern provinces
 * (where the mission is) lay under the layer panel, and the northern border under the title.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Cleared whatever it costs: a slide's caption must hide none of the country. */
  always?: boolean;
  /**
   * The room left beyond this box instead of the margin: a strip along the map's edge (the
   * credits) needs no margin's breathing room, only to cover none of the country.
   */
  gap?: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Below this share of the map's width or height left free, panels are ignored: see below. */
export const MIN_FREE_SHARE = 0.3;

/**
 * For a map of `width` × `height`, the boxes over it (in the map's own pixels) and a country
 * whose box is `aspect` times as wide as high on screen, the padding of each side to fit it
 * with. Every box is cleared from one side, plus `margin` (one for all sides, or one each) or
 * its own `gap` (no side gets less than its margin), the sides chosen together so that the country is drawn largest: a wide title
 * from the top; a column of panels from its side, which on a wide, short window costs nothing
 * (the country is as high as the map allows anyway). So nothing a panel covers is the country,
 * at any size: not the east (where the mission is) under the layer panel, nor the north under
 * the title. If that would leave less than MIN_FREE_SHARE of either dimension, only the boxes
 * nearer a side than the top or bottom (and those marked `always`) are cleared; if even that
 * would (a phone, a panel open wide), none are: a country under a panel is better than none.
 */
export function fitPadding(
  width: number,
  height: number,
  boxes: Box[],
  margin: number | Padding,
  aspect: number,
): Padding {
  const m =
    typeof margin === 'number'
      ? { top: margin, right: margin, bottom: margin, left: margin }
      : margin;
  return (
    clearing(width, height, boxes, m, aspect, false) ??
    clearing(width, height, boxes, m, aspect, true) ?? { ...m }
  );
}

/** Above this many boxes, each is cleared in turn rather than all choices tried together. */
const MAX_SEARCHED = 8;

/**
 * The padding that clears `boxes` (only those nearer a side, and those `always`, if
 * `sidesOnly`), with the sides that leave the country largest, and between equals the least
 * padding; null if it would leave less than MIN_FREE_SHARE of the map.
 */
function clearing(
  width: number,
  height: number,
  boxes: Box[],
  margin: Padding,
  aspect: number,
  sidesOnly: boolean,
): Padding | null {
  const scale = (p: Padding) =>
    Math.min((width - p.left - p.right) / aspect, height - p.top - p.bottom);
  const total = (p: Padding) => p.top + p.right + p.bottom + p.left;
  /** Whether `a` leaves the country larger than `b`, or as large with less padding. */
  const better = (a: Padding, b: Padding) => {
    const d = scale(a) - scale(b);
    return d > 1e-9 || (Math.abs(d) <= 1e-9 && total(a) < total(b));
  };
  // Each box's choices: the padding it needs on each side it may be cleared from.
  const choices: [keyof Padding, number][][] = [];
  for (const b of boxes) {
    const box = {
      left: Math.max(0, b.left),
      top: Math.max(0, b.top),
      right: Math.min(width, b.right),
      bottom: Math.min(height, b.bottom),
    };
    // Outside the map, or empty (a hidden panel measures 0 × 0).
    if (box.right <= box.left || box.bottom <= box.top) continue;
    const gap = (side: keyof Padding) => b.gap ?? margin[side];
    const all: [keyof Padding, number][] = [
      ['top', box.bottom + gap('top')],
      ['right', width - box.left + gap('right')],
      ['bottom', height - box.top + gap('bottom')],
      ['left', box.right + gap('left')],
    ];
    if (!sidesOnly || b.always) choices.push(all);
    else {
      const across = all.filter(([s]) => s === 'left' || s === 'right');
      const along = all.filter(([s]) => s === 'top' || s === 'bottom');
      const least = (cs: [keyof Padding, number][]) => Math.min(...cs.map(([, c]) => c));
      if (least(across) <= least(along)) choices.push(across);
    }
  }
  const start: Padding = { ...margin };
  const clear = (p: Padding, [side, need]: [keyof Padding, number]): Padding => ({
    ...p,
    [side]: Math.max(p[side], need),
  });
  let best: Padding;
  if (choices.length <= MAX_SEARCHED) {
    // Every combination: a box's best side depends on the others (a title cleared from the
    // left costs nothing until the layer panel takes the rest of the width).
    best = { top: height, right: width, bottom: height, left: width };
    const search = (i: number, p: Padding) => {
      if (i === choices.length) {
        if (better(p, best)) best = p;
        return;
      }
      for (const c of choices[i]!) search(i + 1, clear(p, c));
    };
    search(0, start);
  } else {
    best = choices.reduce(
      (p, cs) => cs.map((c) => clear(p, c)).reduce((a, q) => (better(q, a) ? q : a)),
      start,
    );
  }
  const freeW = width - best.left - best.right;
  const freeH = height - best.top - best.bottom;
  return freeW < width * MIN_FREE_SHARE || freeH < height * MIN_FREE_SHARE ? null : best;
}

/** How many times as wide as high the box [west, south, east, north] is on a Mercator map. */
export function mercatorAspect(west: number, south: number, east: number, north: number): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return ((east - west) * Math.PI) / 180 / (y(north) - y(south));
}
