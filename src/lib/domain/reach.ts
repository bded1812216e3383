/**
 * The reach model: how far each kind of site is assumed to protect. These radii are
 * assumptions, not facts: no source gives them. They are editable, and the UI and README show
 * each default with its reason.
 */
import { SITE_KINDS, type SiteKind } from './schema.ts';

/** Kilometres of reach for each site kind. */
export type Radii = Record<SiteKind, number>;

export interface ReachDefault {
  km: number;
  reason: string;
}

/** Defaults and why. Seed 003 (CIVIC 2022) describes "protection through projection" from HQs. */
export const REACH_DEFAULTS: Record<SiteKind, ReachDefault> = {
  mission_hq: {
    km: 0,
    reason:
      'Kinshasa headquarters: political and support functions, no troops held for protection in the west.',
  },
  force_hq: {
    km: 80,
    reason:
      'Rapidly deployable battalions project from force and sector HQs (seed 003, "protection through projection"); ~80 km is a few hours by road or one helicopter hop.',
  },
  sector_hq: {
    km: 80,
    reason: 'As force HQ: projection reach of the sector reserve.',
  },
  cob: {
    km: 25,
    reason: 'A company base: day-patrol reach on eastern DRC roads and tracks.',
  },
  tob: {
    km: 25,
    reason: 'A temporary base patrols like a company base while it stands.',
  },
  scd: {
    km: 25,
    reason: 'A standing combat deployment patrols like a company base while it stands.',
  },
  police: {
    km: 10,
    reason: 'A formed police unit: the town it is based in.',
  },
  field_office: {
    km: 0,
    reason: 'Civilian office: presence and early warning, but no physical protection.',
  },
  liaison_office: {
    km: 0,
    reason: 'Liaison office: no physical protection.',
  },
};

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
export function parseRadii(value: unknown): { radii: Radii; rejected: string[] } {
  const radii = { ...DEFAULT_RADII };
  const rejected: string[] = [];
  if (typeof value !== 'object' || value === null) return { radii, rejected: ['not an object'] };
  for (const [k, v] of Object.entries(value)) {
    if (!(SITE_KINDS as readonly string[]).includes(k)) rejected.push(`unknown kind "${k}"`);
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_REACH_KM)
      rejected.push(`${k}: ${JSON.stringify(v)} is not a distance from 0 to ${MAX_REACH_KM} km`);
    else radii[k as SiteKind] = v;
  }
  return { radii, rejected };
}
