/**
 * The drawdown at a date: which sites are open, which hotspots active, each province's phase
 * on a plan, the counters and the authorised ceiling. Dates are day numbers (days since
 * 1970-01-01, UTC). Fuzzy dates are read inclusively: a site closed "2020 (year)" may have
 * been there until 31 Dec 2020, one opened "2017 (year)" from 1 Jan 2017.
 */
import { dayNumber } from './dates.ts';
import { formatDay, formatMonth } from './format.ts';
import type { Locale } from './locales.ts';
import type { Hotspot, Mandate, Phase, Plan, Site, SiteKind } from './schema.ts';

/** The timeline's first day: the product covers the drawdown from 2019. */
export const TIMELINE_START = dayNumber(2019, 1, 1);

/** First and last day a site may have been open (±Infinity where unknown). */
export function siteSpan(s: Pick<Site, 'opened' | 'closed'>): [number, number] {
  return [s.opened?.first ?? -Infinity, s.closed?.last ?? Infinity];
}

/** First and last day a hotspot is active (Infinity while still active). */
export function hotspotSpan(h: Pick<Hotspot, 'from' | 'to'>): [number, number] {
  return [h.from.first, h.to?.last ?? Infinity];
}

/** True if the site may be open on the day. */
export function siteOpenAt(s: Pick<Site, 'opened' | 'closed'>, day: number): boolean {
  const [a, b] = siteSpan(s);
  return a <= day && day <= b;
}

/** True if the hotspot is active on the day. */
export function hotspotActiveAt(h: Pick<Hotspot, 'from' | 'to'>, day: number): boolean {
  const [a, b] = hotspotSpan(h);
  return a <= day && day <= b;
}

export type ProvincePhase = 'active' | 'drawing_down' | 'withdrawn';

/**
 * A province's phase on a plan at a day, or null if the plan does not concern it.
 * Withdrawn once every dated phase for it has ended; drawing down while one is under way;
 * active before, or when its phases are undetermined or paused.
 */
export function provincePhase(
  phases: Phase[],
  plan: Plan,
  iso: string,
  day: number,
): ProvincePhase | null {
  const mine = phases.filter((p) => p.plan === plan && p.provinces.includes(iso));
  if (!mine.length) return null;
  // A paused or undated phase keeps the province active; only dated, running phases move it.
  const moving = (p: Phase) => p.status !== 'paused' && p.end !== null;
  if (mine.every(moving) && mine.every((p) => day > p.end!.last)) return 'withdrawn';
  if (mine.some((p) => moving(p) && (p.start?.first ?? -Infinity) <= day && day <= p.end!.last))
    return 'drawing_down';
  return 'active';
}

/** A month step from a day, keeping the day of the month where it exists (31 Jan → 28 Feb). */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000);
}

/**
 * One tick of playback towards a target day: a month on, or a month back if the target is
 * earlier (a slide may play back to a date), and whether playback stops. It stops on the target
 * itself, never past it: a month's step from the 15th would jump over a target on the 1st.
 */
export function stepTowards(day: number, target: number): { day: number; stop: boolean } {
  const back = target < day;
  const next = addMonths(day, back ? -1 : 1);
  return (back ? next <= target : next >= target)
    ? { day: target, stop: true }
    : { day: next, stop: false };
}

/** Whole months from the timeline start to the day's month (the slider's position). */
export function monthIndex(day: number, start = TIMELINE_START): number {
  const a = new Date(start * 86_400_000);
  const b = new Date(day * 86_400_000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** Keeps a day inside [min, max]. */
export function clampDay(day: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, day));
}

export interface Counters {
  byKind: Partial<Record<SiteKind, number>>;
  sites: number;
  provinces: string[];
}

/** What is open on the day: sites by kind, provinces with presence. Troops: troops.ts. */
export function countersAt(sites: Site[], day: number): Counters {
  const open = sites.filter((s) => siteOpenAt(s, day));
  const byKind: Partial<Record<SiteKind, number>> = {};
  for (const s of open) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
  const provinces = [
    ...new Set(open.map((s) => s.province_iso).filter((p): p is string => !!p)),
  ].sort();
  return { byKind, sites: open.length, provinces };
}

/** The mandate whose ceilings are in force on the day, or null before the first one. */
export function mandateAt(mandates: Mandate[], day: number): Mandate | null {
  let best: Mandate | null = null;
  for (const m of mandates)
    if (
      m.in_force_from.first <= day &&
      (!best || m.in_force_from.first >= best.in_force_from.first)
    )
      best = m;
  return best;
}

/** The date in words, for screen readers and the large date stamp: "15 July 2021". */
export function dayInWords(day: number, locale: Locale = 'en'): string {
  return formatDay(day, locale);
}

/** "July 2021": the month the slider shows. */
export function monthInWords(day: number, locale: Locale = 'en'): string {
  return formatMonth(day, locale);
}
