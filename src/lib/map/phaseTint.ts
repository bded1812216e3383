/**
 * Province tints by phase: MapLibre feature-state on the base source (a province's promoted id is its ISO code),
 * so a date step changes 26 states, not the style or the data.
 * Docs: https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/#setfeaturestate
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Phase, Plan } from '../domain/schema.ts';
import { provincePhase, type ProvincePhase } from '../domain/timeline.ts';
import { PROVINCES } from '../domain/provinces.ts';
import { BASE } from './style.ts';

/** Each province's phase on the plan at the day (null: the plan does not concern it). */
export function phasesAt(
  phases: Phase[],
  plan: Plan,
  day: number,
): Map<string, ProvincePhase | null> {
  return new Map(PROVINCES.map((p) => [p.iso, provincePhase(phases, plan, p.iso, day)]));
}

/** Applies the tints, touching only provinces whose phase changed since `previous`. */
export function applyPhaseTint(
  map: MapLibreMap,
  next: Map<string, ProvincePhase | null>,
  previous: Map<string, ProvincePhase | null> | undefined,
): void {
  for (const [iso, phase] of next) {
    if (previous?.get(iso) === phase && previous.has(iso)) continue;
    map.setFeatureState({ source: BASE, id: iso }, { phase });
  }
}
