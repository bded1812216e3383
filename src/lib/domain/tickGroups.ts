/**
 * Event ticks close in time drawn as one mark with a count: at a given width, ticks a few
 * pixels apart overlap and cannot be told apart or hovered one by one. Pure: the caller gives
 * the ticks' positions in pixels at the lane's current width, in ascending order.
 */

export interface TickSizes {
  /** A lone tick's width, in pixels. */
  tick: number;
  /** The least width of a group's mark (wide enough for its count), in pixels. */
  group: number;
  /** The least space kept between two marks, in pixels. */
  gap: number;
  /** The lane's width: no mark is drawn past either end. */
  width: number;
}

/** One mark on the lane: the ticks `from` (inclusive) to `to` (exclusive) of the input. */
export interface TickGroup {
  from: number;
  to: number;
  /** The mark's centre, in pixels from the lane's left end. */
  x: number;
  /** The mark's width, in pixels. */
  width: number;
}

/** The mark drawn for ticks `from`..`to` of `xs`: centred on their span, kept inside the lane. */
function mark(xs: readonly number[], from: number, to: number, s: TickSizes): TickGroup {
  const a = xs[from]!;
  const b = xs[to - 1]!;
  const width = to - from > 1 ? Math.max(s.group, b - a + s.tick) : s.tick;
  const half = width / 2;
  const x = s.width >= width ? Math.min(Math.max((a + b) / 2, half), s.width - half) : s.width / 2;
  return { from, to, x, width };
}

/**
 * The marks for ticks at `xs` (ascending pixels): neighbours whose marks would come closer than
 * `gap` are merged, again and again, so no two marks drawn overlap.
 */
export function groupTicks(xs: readonly number[], sizes: TickSizes): TickGroup[] {
  const out: TickGroup[] = [];
  for (let i = 0; i < xs.length; i++) {
    out.push(mark(xs, i, i + 1, sizes));
    // A merge widens the mark on both sides: it may now reach the one before it too.
    while (out.length > 1) {
      const b = out.at(-1)!;
      const a = out.at(-2)!;
      if (b.x - b.width / 2 - (a.x + a.width / 2) >= sizes.gap) break;
      out.splice(-2, 2, mark(xs, a.from, b.to, sizes));
    }
  }
  return out;
}
