/**
 * What the map shows at a date, as facts a sentence can be made of: the accessible description
 * of the map (src/lib/ui/MapDescription.svelte), which a screen reader reads when the map gets
 * focus. The same counts as the legend and the timeline's counters, from the same functions.
 */
import { heldAt, heldOn, type HeldArea } from './control.ts';
import type { FuzzyDate } from './dates.ts';
import { PROVINCES } from './provinces.ts';
import type { ControlPeriod, Hotspot, Phase, Plan, Site, SiteKind } from './schema.ts';
import { SITE_KINDS } from './schema.ts';
import {
  countersAt,
  hotspotActiveAt,
  provincePhase,
  siteOpenAt,
  type ProvincePhase,
} from './timeline.ts';

export interface MapFacts {
  /** Open sites by kind, in the legend's order, kinds with none left out. */
  sitesByKind: [SiteKind, number][];
  sites: number;
  /** Province names by phase on the plan, in the registry's order; provinces the plan does not concern are left out. */
  provinces: Record<ProvincePhase, string[]>;
  hotspots: number;
  /** Towns held at the date, by group, in the file's order. */
  held: { group: string; towns: string[] }[];
  /** Open sites in a held area at the date, and since when, in the sites' order. */
  heldSites: { name: string; group: string; since: FuzzyDate }[];
}

/**
 * The facts at a day. `control` is the held towns' file and the held areas at that day (as
 * ControlState works them out); without it, nothing is said of control.
 */
export function mapFacts(
  input: {
    sites: Site[];
    hotspots: Hotspot[];
    phases: Phase[];
    control?: { periods: readonly ControlPeriod[]; areas: readonly HeldArea[] };
  },
  plan: Plan,
  day: number,
): MapFacts {
  const counters = countersAt(input.sites, day);
  const sitesByKind = SITE_KINDS.flatMap((k): [SiteKind, number][] => {
    const n = counters.byKind[k] ?? 0;
    return n ? [[k, n]] : [];
  });
  const provinces: Record<ProvincePhase, string[]> = {
    active: [],
    drawing_down: [],
    withdrawn: [],
  };
  for (const p of PROVINCES) {
    const phase = provincePhase(input.phases, plan, p.iso, day);
    if (phase) provinces[phase].push(p.name);
  }
  const held = new Map<string, string[]>();
  for (const p of heldOn(input.control?.periods ?? [], day))
    held.set(p.group, [...(held.get(p.group) ?? []), p.town]);
  const areas = input.control?.areas ?? [];
  const heldSites = areas.length
    ? input.sites.flatMap((s) => {
        if (s.lat === null || s.lon === null || !siteOpenAt(s, day)) return [];
        const h = heldAt({ lat: s.lat, lon: s.lon }, areas);
        return h ? [{ name: s.name, group: h.group, since: h.since }] : [];
      })
    : [];
  return {
    sitesByKind,
    sites: counters.sites,
    provinces,
    hotspots: input.hotspots.filter((h) => hotspotActiveAt(h, day)).length,
    held: [...held].map(([group, towns]) => ({ group, towns })),
    heldSites,
  };
}
