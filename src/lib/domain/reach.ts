/**
 * The reach model: how far each kind of site is assumed to protect. These radii are
 * assumptions, not facts: no source gives them. They are editable, and the UI and README show
 * each default with its reason (kept with each kind in siteKinds.ts).
 */
import type { Said } from './problems.ts';
import { SITE_KIND_REGISTRY, SITE_KINDS, type SiteKind } from './siteKinds.ts';

/** Kilometres of reach for each site kind. */
export type Radii = Record<SiteKind, number>;

export interface ReachDefault {
  km: number;
  reason: string;
}

/** Defaults and why, from the site-kind registry (siteKinds.ts). */
export const REACH_DEFAULTS = Object.fromEntries(
  SITE_KIND_REGISTRY.map((k) => [k.id, k.reach]),
) as Record<SiteKind, ReachDefault>;

export const DEFAULT_RADII: Radii = Object.fromEntries(
  SITE_KINDS.map((k) => [k, REACH_DEFAULTS[k].km]),
) as Radii;

/** Largest radius anyone may set: beyond it "reach" stops meaning protection. */
export const MAX_REACH_KM = 500;

/**
 * Radii from stored or imported JSON: known kinds with finite numbers in [0, MAX_REACH_KM]
 * are kept, anything else falls back to the default. Returns what was rejected, so the UI
 * can say so.
 */
export function parseRadii(value: unknown): { radii: Radii; rejected: Said[] } {
  const radii = { ...DEFAULT_RADII };
  const rejected: Said[] = [];
  if (typeof value !== 'object' || value === null)
    return { radii, rejected: [{ code: 'reach_not_object' }] };
  for (const [k, v] of Object.entries(value)) {
    if (!(SITE_KINDS as readonly string[]).includes(k))
      rejected.push({ code: 'reach_unknown_kind', params: { kind: k } });
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_REACH_KM)
      rejected.push({
        code: 'reach_not_distance',
        params: { value: JSON.stringify(v) ?? String(v), max: MAX_REACH_KM },
        path: k,
      });
    else radii[k as SiteKind] = v;
  }
  return { radii, rejected };
}
