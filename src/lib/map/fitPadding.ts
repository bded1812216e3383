/**
 * The padding that fits the country into the part of the map no panel covers. The title,
 * toolbar and layer panel float over the full-window map; fitted to the whole window, the
 * eastern provinces (where the mission is) lay under the layer panel on a tall window, and the
 * northern border under the title on a wide one.
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
export const MIN_FREE_SHARE = 0.4;

/** How much smaller the country may be drawn to clear a strip along the top or bottom. */
export const MAX_STRIP_SHRINK = 0.15;

/**
 * For a map of `width` × `height`, the boxes over it (in the map's own pixels) and a country
 * whose box is `aspect` times as wide as high on screen, the padding of each side to fit it
 * with. Every box is cleared from the side where that costs the least room (a wide, short
 * title from the top, a tall panel from the right), plus `margin`:
 * - a panel at a side always: under it lies a whole region (the east, where the mission is);
 * - a strip along the top or bottom only if that draws the country at most MAX_STRIP_SHRINK
 *   smaller: under it lies at most the country's rim, and on a short window (a 1280 × 800
 *   projector) clearing the title shrank the country by a fifth and lost province names.
 *   (At 1920 × 1080 it costs 14%, at 1280 × 1100 also 14%: cleared.)
 * - a box marked `always` whatever it costs.
 * Each box is cleared by `margin` more, or by its own `gap`; no side gets less than `margin`.
 * If clearing the strips as well would leave less than MIN_FREE_SHARE of either dimension,
 * only the side panels are cleared; if even that would (a phone, a panel open wide), none
 * are: a country under a panel is better than no country.
 */
export function fitPadding(
  width: number,
  height: number,
  boxes: Box[],
  margin: number,
  aspect: number,
): Padding {
  const all = clearing(width, height, boxes, margin);
  const sides = clearing(width, height, boxes, margin, ['left', 'right']);
  const scale = (p: Padding) =>
    Math.min((width - p.left - p.right) / aspect, height - p.top - p.bottom);
  if (all && (!sides || scale(all) >= (1 - MAX_STRIP_SHRINK) * scale(sides))) return all;
  return sides ?? { top: margin, right: margin, bottom: margin, left: margin };
}

/**
 * The padding that clears `boxes`, each from its cheapest side, of those in `from`; null if
 * it would leave less than MIN_FREE_SHARE of the map.
 */
function clearing(
  width: number,
  height: number,
  boxes: Box[],
  margin: number,
  from: (keyof Padding)[] = ['top', 'right', 'bottom', 'left'],
): Padding | null {
  const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  for (const b of boxes) {
    const box = {
      left: Math.max(0, b.left),
      top: Math.max(0, b.top),
      right: Math.min(width, b.right),
      bottom: Math.min(height, b.bottom),
    };
    // Outside the map, or empty (a hidden panel measures 0 × 0).
    if (box.right <= box.left || box.bottom <= box.top) continue;
    const costs: [keyof Padding, number][] = [
      ['top', box.bottom],
      ['right', width - box.left],
      ['bottom', height - box.top],
      ['left', box.right],
    ];
    const [side, cost] = costs.reduce((a, c) => (c[1] < a[1] ? c : a));
    if (b.always || from.includes(side)) pad[side] = Math.max(pad[side], cost + (b.gap ?? margin));
  }
  const freeW = width - pad.left - pad.right;
  const freeH = height - pad.top - pad.bottom;
  return freeW < width * MIN_FREE_SHARE || freeH < height * MIN_FREE_SHARE ? null : pad;
}

/** How many times as wide as high the box [west, south, east, north] is on a Mercator map. */
export function mercatorAspect(west: number, south: number, east: number, north: number): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return ((east - west) * Math.PI) / 180 / (y(north) - y(south));
}
