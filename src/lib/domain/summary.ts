/** Totals that describe a scenario: what the validator prints and the About panel shows. */
import { dayNumber, type FuzzyDate } from './dates.ts';
import type { Scenario, Site } from './schema.ts';

/** Counts of items by a key, sorted by key. */
export function countBy<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return [...m].sort((a, b) => a[0].localeCompare(b[0]));
}

/** True if the site was present at some point of the year (fuzzy dates count as possible). */
export function presentInYear(s: Pick<Site, 'opened' | 'closed'>, year: number): boolean {
  const first = dayNumber(year, 1, 1);
  const last = dayNumber(year + 1, 1, 1) - 1;
  return (s.opened?.first ?? -Infinity) <= last && (s.closed?.last ?? Infinity) >= first;
}

/** Sites present at some point of each year, inclusive. */
export function openPerYear(sites: Site[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = from; y <= to; y++) out.push([y, sites.filter((s) => presentInYear(s, y)).length]);
  return out;
}

/**
 * The latest dated fact in the scenario (an event, an opening or closure, a hotspot's dates, a
 * mandate's adoption, a strength figure, a town taken or left): the data's "as of" date, where the timeline ends. A
 * mandate's end is a date the Council set ahead, not a fact observed, so it does not count.
 */
export function latestFact(s: Scenario): FuzzyDate | null {
  const dates: FuzzyDate[] = [
    ...s.events.map((e) => e.date),
    ...(s.strength ?? []).map((f) => f.date),
    ...(s.control ?? []).flatMap((c) => [c.from, c.to]).filter((d): d is FuzzyDate => d !== null),
    ...s.sites.flatMap((x) => [x.opened, x.closed]).filter((d): d is FuzzyDate => d !== null),
    ...s.hotspots.flatMap((h) => [h.from, h.to]).filter((d): d is FuzzyDate => d !== null),
    ...s.mandates.map((m) => m.adopted),
  ];
  return dates.reduce<FuzzyDate | null>((a, d) => (a === null || d.first > a.first ? d : a), null);
}
