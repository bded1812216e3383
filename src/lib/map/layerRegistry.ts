/**
 * The one registry of the map's layers: for each, its id (the URL's `layers=` word), the label
 * of its toggle, whether it is on at a first visit, and its key. The layer panel, the export
 * legend and the presentation legend are all drawn from `layerKeys()`, so a layer's key is
 * written once. Adding a layer: an entry here, its words in the catalogues (`layers_…`), and
 * its layer function (docs/contributing.md). Labels are messages, and keys are written in the
 * current language each time `layerKeys()` is called, so both follow a switch of language.
 */
import { m } from '../../paraglide/messages.js';
import type { Plan, SiteKind } from '../domain/schema.ts';
import type { Word } from '../domain/vocabulary.ts';
import { siteKind } from '../domain/siteKinds.ts';
import {
  CLOSURE_STYLE,
  COVERAGE_STYLE,
  GROUP_FAMILIES,
  KIND_STYLE,
  PHASE_STYLE,
  PLAN_LABEL,
} from './theme.ts';

const rgb = (c: readonly number[], a = 1) => `rgba(${c.join(',')},${a})`;

/** How a key row shows its symbol. `icon` names a cell of the map's icon atlas (symbols.ts). */
export type KeySwatch =
  | { type: 'icon'; icon: string }
  | { type: 'fill'; fill: string; stroke?: string }
  | { type: 'dot'; fill: string; stroke: string }
  | { type: 'ring'; stroke: string };

export interface KeyRow {
  /** Stable within its key: a site kind's id for the sites, so the panel can count them. */
  id: string;
  text: string;
  swatch: KeySwatch;
}

/** A layer's key: a title (in exports and presenting), rows, and a note for the panel. */
export interface LayerKey {
  layer: string;
  title: string;
  rows: KeyRow[];
  note?: string;
}

/**
 * What a key depends on besides its layer: the plan shown, the site kinds in the data, and the
 * armed groups holding a town at the date (control.csv): none, and the control layer has no
 * key at that date; not given, its key names no group.
 */
export interface KeyContext {
  plan: Plan;
  kinds: readonly SiteKind[];
  groups?: readonly string[];
}

export interface LayerEntry {
  id: string;
  /** The toggle's label, in the layer panel (and the toggle's accessible name). */
  label: Word;
  /** Shown at a first visit. */
  initial: boolean;
  /**
   * Its key, if it has one. Keys fold to a row of symbols to fit a short screen: `fold` orders
   * them, lowest first (the key least needed to read the map).
   */
  key?: { fold: number; rows: (c: KeyContext) => Omit<LayerKey, 'layer'> };
}

/** The layers, in the panel's order, which is also the legends' order and the URL's. */
export const LAYERS = [
  {
    id: 'phases',
    label: m.layers_phases,
    initial: true,
    key: {
      fold: 2,
      rows: (c) => ({
        title: m.layers_key_phases({ plan: PLAN_LABEL[c.plan] }),
        rows: Object.entries(PHASE_STYLE).map(([id, p]) => ({
          id,
          text: p.label(),
          swatch: { type: 'fill', fill: p.color, stroke: '#8f8a82' },
        })),
      }),
    },
  },
  {
    id: 'coverage',
    label: m.layers_coverage,
    // An analysis layer, opened from the impact panel.
    initial: false,
    key: {
      fold: 4,
      rows: () => ({
        title: m.layers_key_coverage(),
        rows: [
          {
            id: 'reach',
            text: m.layers_reach_within(),
            swatch: { type: 'fill', fill: COVERAGE_STYLE.fill, stroke: COVERAGE_STYLE.line },
          },
          {
            id: 'uncovered',
            text: m.layers_reach_uncovered(),
            swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.uncovered) },
          },
        ],
        note: m.layers_reach_note(),
      }),
    },
  },
  {
    id: 'hotspots',
    label: m.layers_hotspots,
    initial: true,
    key: {
      fold: 1,
      rows: () => ({
        title: m.layers_hotspots(),
        rows: GROUP_FAMILIES.map((g) => ({
          id: g.id,
          text: g.label(),
          swatch: { type: 'dot', fill: rgb(g.color, 0.45), stroke: rgb(g.color) },
        })),
        note: m.layers_hotspots_note(),
      }),
    },
  },
  {
    id: 'control',
    label: m.layers_control,
    // The 2025 story: M23's hold on Goma and Bukavu must show at a glance (issue 23).
    initial: true,
    key: {
      // Folds last: at the whole-country view it is the one key that explains a hatch.
      fold: 5,
      rows: (c) => ({
        title: m.layers_control(),
        // Nothing held at the date: no key, and the legends keep their room for the rest.
        rows:
          c.groups?.length === 0
            ? []
            : [
                ...(c.groups?.length
                  ? c.groups.map((group) => ({
                      id: `town:${group}`,
                      text: m.layers_control_town({ group }),
                      swatch: { type: 'icon' as const, icon: 'held' },
                    }))
                  : [
                      {
                        id: 'town',
                        text: m.layers_control_town_any(),
                        swatch: { type: 'icon' as const, icon: 'held' },
                      },
                    ]),
                {
                  id: 'area',
                  text: m.layers_control_area(),
                  swatch: { type: 'icon', icon: 'held-area' },
                },
              ],
        note: m.layers_control_note(),
      }),
    },
  },
  {
    id: 'sites',
    label: m.layers_sites,
    initial: true,
    key: {
      fold: 3,
      rows: (c) => ({
        title: m.layers_key_sites(),
        rows: c.kinds.map((k) => ({
          id: k,
          text: siteKind(k).label(),
          swatch: { type: 'icon', icon: k },
        })),
      }),
    },
  },
  {
    id: 'ghosts',
    label: m.layers_ghosts,
    initial: true,
    key: {
      fold: 0,
      rows: () => ({
        title: m.layers_ghosts(),
        rows: [
          ...Object.entries(CLOSURE_STYLE).map(([id, s]) => ({
            id,
            text: s.label(),
            swatch: { type: 'icon' as const, icon: `ghost-${id}` },
          })),
          // The mark a site shows in the month it closes comes with the closed sites' layer.
          { id: 'closing', text: m.layers_closing(), swatch: { type: 'icon', icon: 'closing' } },
        ],
      }),
    },
  },
  // Names have no key: they explain themselves.
  { id: 'labels', label: m.layers_labels, initial: true },
] as const satisfies readonly LayerEntry[];

export type LayerId = (typeof LAYERS)[number]['id'];
export const LAYER_IDS: readonly LayerId[] = LAYERS.map((l) => l.id);
export const INITIAL_LAYERS: readonly LayerId[] = LAYERS.filter((l) => l.initial).map((l) => l.id);
export const layerEntry = (id: LayerId): LayerEntry => LAYERS.find((l) => l.id === id)!;

/** The comparison's key: not a layer of its own, shown while a scenario is compared. */
const comparisonKey = (): LayerKey => ({
  layer: 'comparison',
  title: m.layers_key_comparison(),
  rows: [
    {
      id: 'gained',
      text: m.layers_reach_gained(),
      swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.gained) },
    },
    {
      id: 'lost',
      text: m.layers_reach_lost(),
      swatch: { type: 'ring', stroke: rgb(COVERAGE_STYLE.lost) },
    },
  ],
});

/**
 * The keys of the map as shown, in the current language: one per visible layer that has a key
 * with rows at this context, in the registry's order, then the comparison's if a scenario is
 * compared.
 */
export function layerKeys(
  visible: (id: LayerId) => boolean,
  c: KeyContext,
  comparing: boolean,
): LayerKey[] {
  const keys: LayerKey[] = [];
  for (const l of LAYERS as readonly LayerEntry[]) {
    if (!l.key || !visible(l.id as LayerId)) continue;
    const key = l.key.rows(c);
    if (key.rows.length) keys.push({ layer: l.id, ...key });
  }
  if (comparing) keys.push(comparisonKey());
  return keys;
}

/** The site kinds among `sites`, in the registry's (KIND_STYLE's) order, each once. */
export const kindsIn = (sites: readonly { kind: SiteKind }[]): SiteKind[] =>
  (Object.keys(KIND_STYLE) as SiteKind[]).filter((k) => sites.some((s) => s.kind === k));
