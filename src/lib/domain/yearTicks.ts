/**
 * The years along the timeline: a tick at each 1 January inside the range, and which of them
 * carry a label at the lane's width (every year where they fit, else every 2nd, 5th, 10th…).
 */
import { dayNumber, isoOfDay } from './dates.ts';

export interface YearTick {
  year: number;
  /** 1 January of the year (or the range's start, for its first year), as a day number. */
  day: number;
  /** Where the tick stands across the lane, in pixels. */
  x: number;
  /** The label's left edge in pixels (centred on the tick, kept inside the lane), or null. */
  label: number | null;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100];

/**
 * The year ticks from `min` to `max` (day numbers) on a lane `widthPx` wide, with labels
 * `labelPx` wide that keep `gap` pixels between them. The first year is ticked at `min`, so the
 * lane's left end always says its year.
 */
export function yearTicks(
  min: number,
  max: number,
  widthPx: number,
  labelPx: number,
  gap = 6,
): YearTick[] {
  if (!(max > min) || !(widthPx > 0)) return [];
  const first = Number(isoOfDay(min).slice(0, 4));
  const last = Number(isoOfDay(max).slice(0, 4));
  const ticks: Omit<YearTick, 'label'>[] = [];
  for (let year = first; year <= last; year++) {
    const day = Math.max(min, dayNumber(year, 1, 1));
    ticks.push({ year, day, x: ((day - min) / (max - min)) * widthPx });
  }
  const place = (x: number) =>
    Math.min(Math.max(x - labelPx / 2, 0), Math.max(0, widthPx - labelPx));
  // The smallest step whose labels, once kept inside the lane, leave the gap between them.
  for (const step of STEPS) {
    const shown = ticks.filter((t) => (t.year - first) % step === 0);
    const lefts = shown.map((t) => place(t.x));
    if (lefts.every((l, i) => i === 0 || l - lefts[i - 1]! >= labelPx + gap) || step === 100)
      return ticks.map((t) => ({
        ...t,
        label: (t.year - first) % step === 0 ? place(t.x) : null,
      }));
  }
  return [];
}
