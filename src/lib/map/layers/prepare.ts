/**
 * Per-record render data, computed once when a scenario loads: positions, time spans as
 * finite floats for the GPU filter, icon ids and sizes. Timeline steps never touch these.
 */
import { siteKind } from '../../domain/siteKinds.ts';
import type { Hotspot, Site } from '../../domain/schema.ts';
import { hotspotSpan, siteSpan } from '../../domain/timeline.ts';
import { groupFamily, INTENSITY_ALPHA, type RGB } from '../theme.ts';

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

/** Sites that have a coordinate, ready to draw. Sites without one are listed, not drawn. */
export function prepareSites(sites: Site[]): SiteDatum[] {
  return sites
    .filter((s) => s.lat !== null && s.lon !== null)
    .map((s) => ({
      site: s,
      position: [s.lon!, s.lat!],
      span: finite(siteSpan(s)),
      size: symbolSize(s.troops_estimate),
      major: siteKind(s.kind).named !== 'by-size' || (s.troops_estimate ?? 0) >= 650,
    }));
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
        fill: [...c, INTENSITY_ALPHA[h.intensity]],
        line: c,
      };
    });
}
