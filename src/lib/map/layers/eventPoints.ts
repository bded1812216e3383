/**
 * Dated point events (imported ACLED or UCDP rows, or the benchmark's synthetic ones), kept
 * sorted by day so that the events inside a time window are one contiguous slice. Pure
 * functions; the layer (eventDots.ts) draws only that slice.
 */
import { indexRange } from '../../import/eventWindow.ts';

export interface EventPoints {
  length: number;
  /** lon, lat pairs. */
  positions: Float32Array;
  /** Day numbers (days since 1970-01-01), one per event. */
  days: Float32Array;
}

/** The events sorted by day (stable: equal days keep their input order). Copies; O(n log n). */
export function sortByDay(points: EventPoints): EventPoints {
  const n = points.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const days = points.days;
  // A typed-array sort with a comparator is stable in every engine we target (ES2019+).
  order.sort((a, b) => days[a]! - days[b]! || a - b);
  const positions = new Float32Array(n * 2);
  const sorted = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    sorted[k] = days[i]!;
    positions[k * 2] = points.positions[i * 2]!;
    positions[k * 2 + 1] = points.positions[i * 2 + 1]!;
  }
  return { length: n, positions, days: sorted };
}

/**
 * The half-open index range [start, end) of events with `from ≤ day ≤ to`, in `days` sorted
 * ascending (eventWindow.ts indexRange). Fractional days (a time of day) count in the day they
 * fall on.
 */
export function windowSlice(days: Float32Array, from: number, to: number): [number, number] {
  return to < from ? [0, 0] : indexRange(days, from, to);
}
