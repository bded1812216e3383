/**
 * Where a floating box (a tooltip, a small list) goes so that it stays inside the window and
 * above the credits line at the bottom of the map: MapLibre's attribution must stay readable,
 * and a box run off the right edge is cut. Pure: the caller measures, this only decides.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface TipRequest {
  /** The point the box belongs to (the pointer, or the top of a mark), in window pixels. */
  anchor: Point;
  /** The box's own size. */
  size: Size;
  /** The window's size. */
  viewport: Size;
  /** The top of the band the box must stay above (the credits line), in window pixels. */
  floor: number;
  /**
   * 'pointer': below and right of the pointer, flipped to the other side where it does not fit;
   * 'above': centred above a mark, as the timeline's ticks want.
   */
  side?: 'pointer' | 'above';
  /** Space between the anchor and the box. */
  gap?: number;
  /** Space kept between the box and the window's edges or the floor. */
  margin?: number;
  /**
   * Boxes over the map the tip would be hidden under (the side panels): beside a pointer, the
   * first of the four corners around it that keeps clear of them is taken, else the box is
   * slid beside one of them.
   */
  avoid?: readonly Rect[];
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/** The top-left corner of the box, in whole window pixels. */
export function placeTip(r: TipRequest): { left: number; top: number } {
  const gap = r.gap ?? 12;
  const margin = r.margin ?? 4;
  const { width: w, height: h } = r.size;
  const { x, y } = r.anchor;
  const right = r.viewport.width - margin;
  const bottom = Math.min(r.viewport.height, r.floor) - margin;
  // Whatever side is chosen, the box ends inside: a box larger than the room keeps its
  // top-left corner in sight, where reading starts.
  const inside = (left: number, top: number) => ({
    left: Math.round(Math.max(margin, clamp(left, margin, right - w))),
    top: Math.round(Math.max(margin, clamp(top, margin, bottom - h))),
  });
  if ((r.side ?? 'pointer') === 'above') {
    let top = y - gap - h;
    // No room above the mark, but room below it: below, rather than over the mark.
    if (top < margin && y + gap + h <= bottom) top = y + gap;
    return inside(x - w / 2, top);
  }
  const xs = x + gap + w <= right ? [x + gap, x - gap - w] : [x - gap - w, x + gap];
  const ys = y + gap + h <= bottom ? [y + gap, y - gap - h] : [y - gap - h, y + gap];
  // Beside the pointer first; then slid clear of a panel, to its left or right.
  // (nearest the pointer first: a box slid past a far panel would leave the pointer behind).
  const beside = (r.avoid ?? [])
    .flatMap((a) => [a.left - margin - w, a.right + margin])
    .sort((a, b) => Math.abs(a + w / 2 - x) - Math.abs(b + w / 2 - x));
  const corners = ys.flatMap((top) => [...xs, ...beside].map((left) => inside(left, top)));
  const clear = (c: { left: number; top: number }) =>
    !(r.avoid ?? []).some(
      (a) => c.left < a.right && c.left + w > a.left && c.top < a.bottom && c.top + h > a.top,
    );
  return corners.find(clear) ?? corners[0]!;
}
