/**
 * What the map shows at a date, as facts a sentence can be made of: the accessible description
 * of the map (src/lib/ui/MapDescription.svelte), which a screen reader reads when the map gets
 * focus. The same counts as the legend and the timeline's counters, from the same functions.
 */
import { PROVINCES } from './provinces.ts';
import type { Hotspot, Phase, Plan, Site, SiteKind } from './schema.ts';
import { SITE_KINDS } from './schema.ts';
import { countersAt, hotspotActiveAt, provincePhase, type ProvincePhase } from './timeline.ts';

export interface MapFacts {
  /** Open sites by kind, in the legend's order, kinds with none left out. */
  sitesByKind: [SiteKind, number][];
  sites: number;
  /** Province names by phase on the plan, in the registry's order; provinces the plan does not concern are left out. */
  provinces: Record<ProvincePhase, string[]>;
  hotspots: number;
}

export function mapFacts(
  input: { sites: Site[]; hotspots: Hotspot[]; phases: Phase[] },
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
  return {
    sitesByKind,
    sites: counters.sites,
    provinces,
    hotspots: input.hotspots.filter((h) => hotspotActiveAt(h, day)).length,
  };
}
