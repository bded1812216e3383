/**
 * Time windows and filters over imported events. Events are sorted by day (EventColumns), so a
 * window is one index range found by binary search, and every per-step computation (points,
 * hexagons, totals, suggested hotspots) loops over that range with the same filter test.
 */
import type { EventColumns } from './types.ts';

/** The time windows a user picks: the last month, three months, twelve months, or everything. */
export type WindowId = '1m' | '3m' | '12m' | 'all';

/** The window ids in the order a picker shows them. */
export const WINDOW_IDS: readonly WindowId[] = ['1m', '3m', '12m', 'all'];

const MONTHS: Record<Exclude<WindowId, 'all'>, number> = { '1m': 1, '3m': 3, '12m': 12 };
const DAY_MS = 86_400_000;

/**
 * The first and last day (inclusive) of the window ending on `day`. For N months: the same day
 * of the month N calendar months back, clamped to that month's length, plus one day, so that the
 * window never holds the same calendar day twice (31 March − 1 month → 28 or 29 February → the
 * window starts on 1 March). 'all' starts at −Infinity: everything up to `day`.
 */
export function windowRange(day: number, w: WindowId): [first: number, last: number] {
  if (w === 'all') return [-Infinity, day];
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - MONTHS[w];
  // Day 0 of the following month is the last day of month m (Date.UTC rolls years over).
  const monthLength = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const back = Date.UTC(y, m, Math.min(date.getUTCDate(), monthLength)) / DAY_MS;
  return [Math.round(back) + 1, day];
}

/**
 * The index range [lo, hi) of the events whose day lies in [first, last]; `days` is ascending.
 * A fractional day (a time of day) counts in the day it falls on. The one binary search of the
 * app's event windows: the dots layer, hexagons, picking, impact and suggestions all use it.
 */
export function indexRange(
  days: Float32Array,
  first: number,
  last: number,
): [lo: number, hi: number] {
  const lo = lowerBound(days, Math.floor(first));
  return [lo, Math.max(lo, lowerBound(days, Math.floor(last) + 1))];
}

/** The first index whose day is ≥ `v`. */
function lowerBound(days: Float32Array, v: number): number {
  let a = 0;
  let b = days.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (days[mid]! < v) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Which events to keep: by index into `eventTypes`, ACTOR_FAMILIES and `actors` (null keeps
 * all), and at least `minFatalities` dead. An event whose fatalities are unknown passes only
 * when `minFatalities` is 0: a missing figure is not evidence of deaths.
 */
export interface EventFilter {
  types: Set<number> | null;
  families: Set<number> | null;
  actors: Set<number> | null;
  minFatalities: number;
}

/** The filter that keeps every event. */
export const NO_FILTER: EventFilter = {
  types: null,
  families: null,
  actors: null,
  minFatalities: 0,
};

/** Whether the filter keeps every event, so hot loops can skip the test. */
export function keepsAll(f: EventFilter): boolean {
  return f.types === null && f.families === null && f.actors === null && f.minFatalities <= 0;
}

/** Whether event `i` passes the filter. */
export function passes(cols: EventColumns, i: number, f: EventFilter): boolean {
  if (f.types !== null && !f.types.has(cols.eventType[i]!)) return false;
  if (f.families !== null && !f.families.has(cols.family[i]!)) return false;
  if (f.actors !== null && !f.actors.has(cols.actor[i]!)) return false;
  // −1 (unknown) is below any positive minimum, and passes a minimum of 0.
  return f.minFatalities <= 0 || cols.fatalities[i]! >= f.minFatalities;
}

/**
 * A filter as lookup tables, for hot loops: a typed-array read per test costs a fraction of
 * a Set lookup (19 ms against 6 ms to bin a million events, tmp/hexbin-bench.ts).
 */
export interface FilterMasks {
  /** 1 at each kept index; null keeps all. */
  types: Uint8Array | null;
  families: Uint8Array | null;
  actors: Uint8Array | null;
  minFatalities: number;
  /** The filter keeps every event. */
  all: boolean;
}

function mask(set: Set<number> | null, size: number): Uint8Array | null {
  if (set === null) return null;
  const m = new Uint8Array(size);
  for (const k of set) if (k >= 0 && k < size) m[k] = 1;
  return m;
}

/** The filter's lookup tables for a dataset. */
export function filterMasks(cols: EventColumns, f: EventFilter): FilterMasks {
  return {
    types: mask(f.types, 256),
    families: mask(f.families, 256),
    actors: mask(f.actors, cols.actors.length),
    minFatalities: f.minFatalities,
    all: keepsAll(f),
  };
}

/** Whether event `i` passes the filter's lookup tables; the same answer as `passes`. */
export function passesMasks(cols: EventColumns, i: number, m: FilterMasks): boolean {
  if (m.types !== null && m.types[cols.eventType[i]!] !== 1) return false;
  if (m.families !== null && m.families[cols.family[i]!] !== 1) return false;
  if (m.actors !== null && m.actors[cols.actor[i]!] !== 1) return false;
  return m.minFatalities <= 0 || cols.fatalities[i]! >= m.minFatalities;
}

/** Events and fatalities in a window; how many of those events give no fatality figure. */
export interface WindowTotals {
  events: number;
  /** Summed fatalities; an unknown figure counts as 0. */
  fatalities: number;
  /** Events whose fatalities are unknown (−1): the sum is a lower bound when this is above 0. */
  unknownFatalities: number;
}

/** Totals of the events in [lo, hi) that pass the filter. */
export function windowTotals(
  cols: EventColumns,
  lo: number,
  hi: number,
  filter: EventFilter,
): WindowTotals {
  const m = filterMasks(cols, filter);
  const fat = cols.fatalities;
  let events = 0;
  let fatalities = 0;
  let unknownFatalities = 0;
  for (let i = lo; i < hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    events++;
    const f = fat[i]!;
    if (f < 0) unknownFatalities++;
    else fatalities += f;
  }
  return { events, fatalities, unknownFatalities };
}
