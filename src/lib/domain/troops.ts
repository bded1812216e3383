/**
 * Troop figures at a date, and why they differ. Three figures answer "how many troops?":
 * - the authorised ceiling (mandates.csv), the Council's maximum;
 * - the deployed strength (strength.csv), what UN sources said was there on a date;
 * - our estimate of located units (site-troops.csv): Geo-PKO's per-year figure for each open
 *   base, summed. It is built from standard unit sizes (company 150, battalion 650) and counts a
 *   base for the whole year when any of that year's maps shows it, so it runs above the
 *   deployed strength. It is never a headcount, and the UI says so whenever it strays.
 * Pure functions over days (days since 1970-01-01, UTC).
 */
import { dayNumber } from './dates.ts';
import type { Mandate, Site, SiteTroops, StrengthFigure } from './schema.ts';
import { mandateAt, siteOpenAt } from './timeline.ts';

/** Per-year figures by site, and the last year any site has one (the data's last maps). */
export interface TroopIndex {
  bySite: Map<string, Map<number, SiteTroops>>;
  lastYear: number | null;
}

export function troopIndex(rows: readonly SiteTroops[]): TroopIndex {
  const bySite = new Map<string, Map<number, SiteTroops>>();
  let lastYear: number | null = null;
  for (const r of rows) {
    let years = bySite.get(r.site);
    if (!years) bySite.set(r.site, (years = new Map()));
    years.set(r.year, r);
    if (lastYear === null || r.year > lastYear) lastYear = r.year;
  }
  return { bySite, lastYear };
}

/** Where a site's figure on a day comes from. */
export type TroopBasis =
  /** That year's figure. */
  | 'year'
  /** After the last maps: the site's figure of the last year, carried forward. */
  | 'carried'
  /** No per-year figures for the site at all: its single `troops_estimate` (an import). */
  | 'register';

export interface SiteTroopsAt {
  troops: number;
  basis: TroopBasis;
  /** The year the figure describes (null for a register figure). */
  year: number | null;
  min: number | null;
  max: number | null;
}

export const yearOf = (day: number) => new Date(day * 86_400_000).getUTCFullYear();

/** A site's troop figure on a day, or null when no figure describes that day. */
export function siteTroopsAt(
  site: Pick<Site, 'id' | 'troops_estimate'>,
  index: TroopIndex,
  day: number,
): SiteTroopsAt | null {
  const years = index.bySite.get(site.id);
  if (!years)
    return site.troops_estimate === null
      ? null
      : { troops: site.troops_estimate, basis: 'register', year: null, min: null, max: null };
  const y = yearOf(day);
  const row = years.get(y);
  if (row)
    return { troops: row.troops, basis: 'year', year: y, min: row.troops_min, max: row.troops_max };
  // Past the last maps, a base that was on them keeps its last figure, flagged as carried.
  // A base missing from its own year's maps stays unknown: the maps did not show it.
  const last = index.lastYear;
  if (last !== null && y > last) {
    const lastRow = years.get(last);
    if (lastRow)
      return {
        troops: lastRow.troops,
        basis: 'carried',
        year: last,
        min: lastRow.troops_min,
        max: lastRow.troops_max,
      };
  }
  return null;
}

export interface TroopSum {
  /** The sum of the figures of the open sites that have one. */
  troops: number;
  /** Open military sites left out for want of a figure. */
  unknown: number;
  /** Open sites whose figure is carried forward from the last maps' year. */
  carried: number;
  /** The year carried forward from, when any site is carried. */
  carriedFrom: number | null;
  /** Open sites counted from a single register figure, not a per-year one. */
  register: number;
}

/** The summed estimate of located units on the day, with what it leaves out or carries. */
export function troopSumAt(
  sites: readonly Pick<Site, 'id' | 'troops_estimate' | 'opened' | 'closed' | 'kind'>[],
  index: TroopIndex,
  day: number,
  isMilitary: (kind: Site['kind']) => boolean,
): TroopSum {
  const sum: TroopSum = { troops: 0, unknown: 0, carried: 0, carriedFrom: null, register: 0 };
  for (const s of sites) {
    if (!siteOpenAt(s, day)) continue;
    const t = siteTroopsAt(s, index, day);
    if (!t) {
      if (isMilitary(s.kind)) sum.unknown++;
      continue;
    }
    sum.troops += t.troops;
    if (t.basis === 'carried') {
      sum.carried++;
      sum.carriedFrom = t.year;
    } else if (t.basis === 'register') sum.register++;
  }
  return sum;
}

/** The troops a strength figure gives: contingent troops, else none (police are apart). */
export const deployedTroops = (f: StrengthFigure): number | null => f.troops;

/**
 * A figure the counters may quote: it gives troops, and its source is better than weak. Weak
 * reports ("about 16,000 troops" in a wire story) are drawn on the chart as such, never quoted
 * as the deployed strength.
 */
export const quotable = (f: StrengthFigure): boolean =>
  deployedTroops(f) !== null && f.confidence !== 'low';

/**
 * The latest quotable deployed-strength figure on or before the day. A figure describes its
 * own date; carried to later days it is shown with that date, never as current.
 */
export function strengthAt(figures: readonly StrengthFigure[], day: number): StrengthFigure | null {
  let best: StrengthFigure | null = null;
  for (const f of figures)
    if (quotable(f) && f.date.first <= day && (!best || f.date.first > best.date.first)) best = f;
  return best;
}

/** True if a figure is too old to describe the day (STALE_DAYS): shown as the last one known. */
export const isStale = (f: StrengthFigure, day: number) => day - f.date.last > STALE_DAYS;

/** Why the estimate and the other figures disagree on a day; empty when they agree. */
export type TroopNote =
  /** The estimate is above the ceiling. */
  | 'above_ceiling'
  /** The estimate is more than 10% above the deployed strength. */
  | 'above_deployed'
  /** The estimate is more than 10% below the deployed strength. */
  | 'below_deployed'
  /** Some figures are carried forward past the last maps. */
  | 'carried'
  /** Some open military sites have no figure. */
  | 'unknown';

/** How far apart the estimate and the deployed strength may be before the UI explains. */
export const DISAGREEMENT = 0.1;

/** A deployed figure older than this (days) no longer describes the day: shown as dated. */
export const STALE_DAYS = 400;

export interface TroopPicture {
  ceiling: number | null;
  /** The resolution that set the ceiling in force. */
  mandate: Mandate | null;
  deployed: StrengthFigure | null;
  estimate: TroopSum;
  notes: TroopNote[];
}

/** Everything the counters and the chart say about troops on a day. */
export function troopPicture(
  input: {
    sites: readonly Site[];
    index: TroopIndex;
    strength: readonly StrengthFigure[];
    mandates: readonly Mandate[];
  },
  day: number,
  isMilitary: (kind: Site['kind']) => boolean,
): TroopPicture {
  const mandate = mandateAt(input.mandates as Mandate[], day);
  const ceiling = mandate?.troops ?? null;
  const deployed = strengthAt(input.strength, day);
  const estimate = troopSumAt(input.sites, input.index, day, isMilitary);
  const notes: TroopNote[] = [];
  if (ceiling !== null && estimate.troops > ceiling) notes.push('above_ceiling');
  const d = deployed ? deployedTroops(deployed) : null;
  if (d && !isStale(deployed!, day)) {
    if (estimate.troops > d * (1 + DISAGREEMENT)) notes.push('above_deployed');
    else if (estimate.troops < d * (1 - DISAGREEMENT)) notes.push('below_deployed');
  }
  if (estimate.carried) notes.push('carried');
  if (estimate.unknown) notes.push('unknown');
  return { ceiling, mandate, deployed, estimate, notes };
}

/** The first day of a year, for tests and the chart. */
export const startOfYear = (y: number) => dayNumber(y, 1, 1);
