/**
 * One page of the events shown in a window, newest first, over several datasets: what the
 * events table lists. It reads each dataset's index range (eventWindow.ts indexRange) in place,
 * walking back from its end, so a timeline step costs a count and a page, never a copy or a sort
 * of the window's events.
 */
import { passesMasks, type FilterMasks } from './eventWindow.ts';
import type { EventColumns } from './types.ts';

/** One dataset's window: its columns, the index range [lo, hi) and the shown filter's tables. */
export interface PageSlice {
  cols: EventColumns;
  lo: number;
  hi: number;
  masks: FilterMasks;
}

/** An event on the page: which slice it is from and its index in that slice's columns. */
export interface PagedEvent {
  slice: number;
  index: number;
}

/** A page: the events shown in all, where the page starts (clamped) and its events. */
export interface EventPage {
  total: number;
  /** The offset of the page's first event, newest first; a multiple of the page size. */
  first: number;
  rows: PagedEvent[];
}

/** How many events of a slice the filter keeps. */
function shownIn(s: PageSlice): number {
  if (s.masks.all) return Math.max(0, s.hi - s.lo);
  let n = 0;
  for (let i = s.lo; i < s.hi; i++) if (passesMasks(s.cols, i, s.masks)) n++;
  return n;
}

/** The next shown index at or below `i` in a slice, or lo − 1 when none is left. */
function back(s: PageSlice, i: number): number {
  if (s.masks.all) return i;
  while (i >= s.lo && !passesMasks(s.cols, i, s.masks)) i--;
  return i;
}

/**
 * The page of `size` events starting at `offset`, newest first. Events of the same day keep
 * the reverse of their order in the file, and the earlier dataset comes first, so a page is the
 * same on every call. An offset past the end gives the last page.
 */
export function eventPage(slices: readonly PageSlice[], offset: number, size: number): EventPage {
  const total = slices.reduce((a, s) => a + shownIn(s), 0);
  const per = Math.max(1, Math.floor(size));
  const lastFirst = total === 0 ? 0 : Math.floor((total - 1) / per) * per;
  const first = Math.min(Math.max(0, Math.floor(offset / per) * per), lastFirst);
  const rows: PagedEvent[] = [];
  if (total === 0) return { total, first, rows };
  if (slices.length === 1 && slices[0]!.masks.all) {
    // One unfiltered dataset: the page is plain index arithmetic.
    const s = slices[0]!;
    for (let k = 0; k < per && first + k < total; k++)
      rows.push({ slice: 0, index: s.hi - 1 - first - k });
    return { total, first, rows };
  }
  const at = slices.map((s) => back(s, s.hi - 1));
  for (let k = 0; k < first + per; k++) {
    let best = -1;
    for (let j = 0; j < slices.length; j++) {
      if (at[j]! < slices[j]!.lo) continue;
      if (best < 0 || slices[j]!.cols.day[at[j]!]! > slices[best]!.cols.day[at[best]!]!) best = j;
    }
    if (best < 0) break;
    if (k >= first) rows.push({ slice: best, index: at[best]! });
    at[best] = back(slices[best]!, at[best]! - 1);
  }
  return { total, first, rows };
}
