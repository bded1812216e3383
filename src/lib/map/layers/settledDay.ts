/**
 * Fewer frames: a timeline step that changes nothing a layer shows should not redraw the map.
 * A GPU date filter shows a record while `first <= day <= last`, so its picture changes only on
 * a record's first day and on the day after its last. Handing the filter the latest such day at
 * or before the date (not the date itself) gives the same picture, and the same props from one
 * quiet step to the next: deck.gl then has nothing to redraw, and asks the map for no frame.
 * Under a software renderer a frame of this map costs several milliseconds of main thread.
 * A record that fades over its last days (a soft range) changes on every day of its fade: on
 * those days the date itself is used.
 */

/** What a layer's filter shows: each record's first and last day, and the days it fades. */
export interface Spans {
  spans: readonly (readonly [number, number])[];
  /** Days before `last` over which a record fades (0 or absent: none). */
  fade?: readonly number[];
}

export interface Settler {
  /** The day to give the filter for `day`: the same picture, and the same value all quiet. */
  settle(day: number): number;
}

/** The days the picture changes on, sorted, and the fading intervals, merged. */
export function settler({ spans, fade }: Spans): Settler {
  const days = new Set<number>();
  const fading: [number, number][] = [];
  spans.forEach(([first, last], i) => {
    if (Number.isFinite(first)) days.add(first);
    if (Number.isFinite(last)) days.add(last + 1);
    const f = fade?.[i] ?? 0;
    // Fading from `last - f` (exclusive) to `last`: every day in between looks different.
    if (f > 0 && Number.isFinite(last)) fading.push([last - f, last]);
  });
  const changes = Float64Array.from(days).sort();
  fading.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of fading) {
    const top = merged.at(-1);
    if (top && w[0] <= top[1]) top[1] = Math.max(top[1], w[1]);
    else merged.push([...w]);
  }
  /** The index of the last entry of `a` at or below `x` (by its key), or -1. */
  const below = <T>(a: ArrayLike<T>, x: number, key: (t: T) => number) => {
    let lo = 0;
    let hi = a.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (key(a[mid]!) <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return {
    settle(day) {
      const w = merged[below(merged, day, (m) => m[0])];
      if (w && day > w[0] && day <= w[1]) return day;
      const i = below(changes, day, (d) => d);
      // Before every change: the picture is that of the earliest day; any day before it will do.
      return i < 0 ? (changes.length ? changes[0]! - 1 : day) : changes[i]!;
    },
  };
}
