/**
 * Deck.gl layers of the reach analysis: rings on active hotspots out of reach, and, when a
 * scenario is compared with the baseline, the reach of sites open in only one of them.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Cover, Reacher } from '../../domain/impact.ts';
import { COVERAGE_STYLE } from '../theme.ts';

/** A ring around each uncovered active hotspot, sized to stay visible at any zoom. */
export function uncoveredLayer(uncovered: Cover[]) {
  return new ScatterplotLayer<Cover>({
    id: 'uncovered-hotspots',
    data: uncovered.filter((c) => c.target.kind === 'hotspot'),
    getPosition: (c) => [c.target.lon, c.target.lat],
    getRadius: 14,
    radiusUnits: 'pixels',
    stroked: true,
    filled: false,
    getLineColor: [...COVERAGE_STYLE.uncovered, 230],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
  });
}

interface Diff {
  site: Reacher;
  gained: boolean;
}

/** Reach circles of sites open in the scenario only (gained) or the baseline only (lost). */
export function reachDiffLayer(scenario: Reacher[], baseline: Reacher[]) {
  const inScenario = new Map(scenario.map((r) => [r.id, r]));
  const inBaseline = new Map(baseline.map((r) => [r.id, r]));
  const data: Diff[] = [
    ...scenario.filter((r) => !inBaseline.has(r.id)).map((site) => ({ site, gained: true })),
    ...baseline.filter((r) => !inScenario.has(r.id)).map((site) => ({ site, gained: false })),
  ];
  return new ScatterplotLayer<Diff>({
    id: 'reach-diff',
    data,
    getPosition: (d) => [d.site.lon, d.site.lat],
    getRadius: (d) => d.site.km * 1000,
    radiusUnits: 'meters',
    stroked: true,
    filled: true,
    getFillColor: (d) => [...(d.gained ? COVERAGE_STYLE.gained : COVERAGE_STYLE.lost), 40],
    getLineColor: (d) => [...(d.gained ? COVERAGE_STYLE.gained : COVERAGE_STYLE.lost), 230],
    getLineWidth: 2.5,
    lineWidthUnits: 'pixels',
  });
}
