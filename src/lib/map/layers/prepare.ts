/**
 * Per-record render data, computed once when a scenario loads: positions, time spans as
 * finite floats for the GPU filter, icon ids and sizes. Timeline steps never touch these.
 */
import { siteKind } from '../../domain/siteKinds.ts';
import type { Hotspot, Site } from '../../domain/schema.ts';
import { hotspotSpan, siteSpan } from '../../domain/timeline.ts';
import type { TroopIndex } from '../../domain/troops.ts';
import { groupFamily, INTENSITY_ALPHA, UNRATED_FILL, type RGB } from '../theme.ts';

/** Stand-ins for ±infinity that float32 holds exactly, far outside any day number. */
export const NEVER_BEFORE = -1e6;
export const NEVER_AFTER = 1e6;
const finite = ([a, b]: [number, number]): [number, number] => [
  Math.max(a, NEVER_BEFORE),
  Math.min(b, NEVER_AFTER),
];

export interface SiteDatum {
  site: Site;
  position: [number, number];
  /** [first day open, last day open]. */
  span: [number, number];
  /** The size class's troops (sizeTroops): ranks the names too. */
  troops: number | null;
  size: number;
  major: boolean;
}

export interface HotspotDatum {
  hotspot: Hotspot;
  position: [number, number];
  span: [number, number];
  fill: [number, number, number, number];
  line: RGB;
}

/** The largest troop estimate in the data sets the top of the size scale. */
export const TROOPS_AT_MAX_SIZE = 2900;
export const MIN_SYMBOL_PX = 14;
export const MAX_SYMBOL_PX = 38;

/** Symbol size by troop estimate: area grows with troops (sqrt scale); unknown gets the minimum. */
export function symbolSize(troops: number | null): number {
  if (!troops) return MIN_SYMBOL_PX;
  const t = Math.min(1, Math.sqrt(troops / TROOPS_AT_MAX_SIZE));
  return MIN_SYMBOL_PX + (MAX_SYMBOL_PX - MIN_SYMBOL_PX) * t;
}

/**
 * A site's size class: its largest yearly estimate (troops.ts), or its single register figure.
 * One size for the whole timeline, so a step never rebuilds the symbols; the counters and the
 * details give the year's own figure.
 */
export function sizeTroops(s: Site, index: TroopIndex | null): number | null {
  const years = index?.bySite.get(s.id);
  if (!years) return s.troops_estimate;
  return Math.max(...[...years.values()].map((r) => r.troops));
}

/** Sites that have a coordinate, ready to draw. Sites without one are listed, not drawn. */
export function prepareSites(sites: Site[], index: TroopIndex | null = null): SiteDatum[] {
  return sites
    .filter((s) => s.lat !== null && s.lon !== null)
    .map((s) => {
      const troops = sizeTroops(s, index);
      return {
        site: s,
        position: [s.lon!, s.lat!],
        span: finite(siteSpan(s)),
        troops,
        size: symbolSize(troops),
        major: siteKind(s.kind).named !== 'by-size' || (troops ?? 0) >= 650,
      };
    });
}

/** Hotspots that have a coordinate, with colour by group family and opacity by intensity. */
export function prepareHotspots(hotspots: Hotspot[]): HotspotDatum[] {
  return hotspots
    .filter((h) => h.lat !== null && h.lon !== null)
    .map((h) => {
      const c = groupFamily(h.group).color;
      return {
        hotspot: h,
        position: [h.lon!, h.lat!],
        span: finite(hotspotSpan(h)),
        // Unrated: a neutral grey fill, the group's colour kept on the outline only.
        fill: h.intensity === null ? [...UNRATED_FILL] : [...c, INTENSITY_ALPHA[h.intensity]],
        line: c,
      };
    });
}
