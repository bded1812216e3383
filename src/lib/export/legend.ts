/**
 * The snapshot's legend: exactly the visible layers, in the map's symbols and colours, with
 * the site kinds present in the data. Icons are cut from the map's own atlas.
 */
import type { IconMapping } from '../map/symbols.ts';
import {
  CLOSURE_STYLE,
  COVERAGE_STYLE,
  GROUP_FAMILIES,
  KIND_STYLE,
  PHASE_STYLE,
  PLAN_LABEL,
} from '../map/theme.ts';
import type { Plan, SiteKind } from '../domain/schema.ts';
import type { LayerId } from '../state/viewState.svelte.ts';
import type { LegendItem } from './snapshot.ts';

const rgb = (c: readonly number[], a = 1) => `rgba(${c.join(',')},${a})`;

export function legendRows(
  visible: (id: string) => boolean,
  planLabel: string,
  kinds: SiteKind[],
  mapping: IconMapping,
  comparing: boolean,
): LegendItem[] {
  const rows: LegendItem[] = [];
  const icon = (id: string) => ({ type: 'icon' as const, x: mapping[id]?.x ?? 0 });
  if (visible('phases')) {
    rows.push({ kind: 'heading', text: `Province phase (${planLabel})` });
    for (const p of Object.values(PHASE_STYLE))
      rows.push({
        kind: 'item',
        text: p.label,
        swatch: { type: 'fill', fill: p.color, stroke: '#8f8a82' },
      });
  }
  if (visible('sites')) {
    rows.push({ kind: 'heading', text: 'Sites open at the date' });
    for (const k of kinds) rows.push({ kind: 'item', text: KIND_STYLE[k].label, swatch: icon(k) });
  }
  if (visible('ghosts')) {
    rows.push({ kind: 'heading', text: 'Closed sites' });
    for (const [c, s] of Object.entries(CLOSURE_STYLE))
      rows.push({ kind: 'item', text: s.label, swatch: icon(`ghost-${c}`) });
    // The mark a site shows in the month it closes comes with the closed sites' layer.
    rows.push({ kind: 'item', text: 'Closing this month', swatch: icon('closing') });
  }
  if (visible('hotspots')) {
    rows.push({ kind: 'heading', text: 'Armed-group hotspots' });
    for (const g of GROUP_FAMILIES)
      rows.push({
        kind: 'item',
        text: g.label,
        swatch: { type: 'dot', fill: rgb(g.color, 0.45), stroke: rgb(g.color) },
      });
  }
  if (visible('coverage')) {
    rows.push({ kind: 'heading', text: 'Reach (assumed radii)' });
    rows.push({
      kind: 'item',
      text: 'Within reach of an open site',
      swatch: { type: 'fill', fill: COVERAGE_STYLE.fill, stroke: COVERAGE_STYLE.line },
    });
    rows.push({
      kind: 'item',
      text: 'Active hotspot out of reach',
      swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.uncovered) },
    });
  }
  if (comparing) {
    rows.push({ kind: 'heading', text: 'Scenario against baseline' });
    rows.push({
      kind: 'item',
      text: 'Reach gained',
      swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.gained) },
    });
    rows.push({
      kind: 'item',
      text: 'Reach lost',
      swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.lost) },
    });
  }
  return rows;
}

/** The site kinds among `sites`, in the legend's order. */
export const kindsIn = (sites: readonly { kind: SiteKind }[]): SiteKind[] =>
  (Object.keys(KIND_STYLE) as SiteKind[]).filter((k) => sites.some((s) => s.kind === k));

/**
 * The legend of the map as shown: its visible layers and plan, the kinds among its sites, and
 * the comparison if one is on. The PNG export and the presentation both show it.
 */
export function legendOf(
  view: { visible(id: LayerId): boolean; plan: Plan },
  sites: readonly { kind: SiteKind }[],
  comparing: boolean,
  mapping: IconMapping,
): LegendItem[] {
  return legendRows(
    (id) => view.visible(id as LayerId),
    PLAN_LABEL[view.plan],
    kindsIn(sites),
    mapping,
    comparing,
  );
}
