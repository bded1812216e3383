/**
 * The one registry of the map's layers: for each, its id (the URL's `layers=` word), the label
 * of its toggle, whether it is on at a first visit, and its key. The layer panel, the export
 * legend and the presentation legend are all drawn from `layerKeys()`, so a layer's key is
 * written once. Adding a layer: an entry here, its words in the catalogues (`layers_…`), and
 * its layer function (docs/contributing.md). Labels are messages, and keys are written in the
 * current language each time `layerKeys()` is called, so both follow a switch of language.
 */
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { formatNumber } from '../domain/format.ts';
import type { Plan, SiteKind } from '../domain/schema.ts';
import type { Word } from '../domain/vocabulary.ts';
import { siteKind } from '../domain/siteKinds.ts';
import type { WindowId } from '../import/eventWindow.ts';
import { DEFAULT_HEX_KM, type BinMeasure } from '../import/hexbin.ts';
import { HEX_COLOURS, hexClassRanges } from '../import/hexClasses.ts';
import { ACTOR_FAMILIES, type ActorFamily, type EventColumns } from '../import/types.ts';
import {
  DOT_ALPHA,
  FAMILY_COLOURS,
  HEX_ALPHA,
  OTHER_TYPE,
  TYPE_COLOURS,
  typeColour,
  type RGB,
} from './eventTheme.ts';
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
  | { type: 'ring'; stroke: string }
  /** A pointy-top hexagon, as imported events' bins are drawn. */
  | { type: 'hex'; fill: string };

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
 * The names of imported event types and actor families in the reader's language. The UI's own
 * (ui/import/eventWords.ts), handed in: the registry lies below the UI and cannot import them.
 */
export interface EventWords {
  type: (t: string) => string;
  family: (f: ActorFamily) => string;
}

/** What the imported events' key shows: how they are drawn, and what is drawn. */
export interface ImportedKeyContext {
  mode: 'points' | 'hexagons';
  colourBy: 'type' | 'family';
  hexBy: BinMeasure;
  window: WindowId;
  /** How many datasets are shown (their own toggles in the import panel). */
  shown: number;
  /** Event types in the shown datasets, as the files write them, less those filtered out. */
  types: readonly string[];
  /** First actors' families in the shown datasets, less those filtered out. */
  families: readonly ActorFamily[];
  words: EventWords;
}

/**
 * What a key depends on besides its layer: the plan shown, the site kinds in the data, and the
 * armed groups holding a town at the date (control.csv): none, and the control layer has no
 * key at that date; not given, its key names no group. `imported` describes the user's imported
 * events; without it there are none, and their layer is neither offered nor keyed.
 */
export interface KeyContext {
  plan: Plan;
  kinds: readonly SiteKind[];
  groups?: readonly string[];
  imported?: ImportedKeyContext;
}

export interface LayerEntry {
  id: string;
  /** The toggle's label, in the layer panel (and the toggle's accessible name). */
  label: Word;
  /** Shown at a first visit. */
  initial: boolean;
  /** Whether its toggle is offered at this context; always, when not given. */
  offered?: (c: KeyContext) => boolean;
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
      fold: 3,
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
      fold: 5,
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
      fold: 6,
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
    id: 'imported',
    label: m.layers_imported,
    // The user brought these to see them; with no dataset there is nothing to toggle.
    initial: true,
    offered: (c) => c.imported !== undefined,
    key: {
      // Folds early: its colours are named in the import panel's filters too.
      fold: 2,
      rows: (c) =>
        c.imported ? importedKey(c.imported) : { title: m.layers_imported(), rows: [] },
    },
  },
  {
    id: 'sites',
    label: m.layers_sites,
    initial: true,
    key: {
      fold: 4,
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
  // The gazetteer's places (towns.ts): a grey dot and name explain themselves, as names do.
  { id: 'towns', label: m.layers_towns, initial: true },
] as const satisfies readonly LayerEntry[];

export type LayerId = (typeof LAYERS)[number]['id'];
export const LAYER_IDS: readonly LayerId[] = LAYERS.map((l) => l.id);
export const INITIAL_LAYERS: readonly LayerId[] = LAYERS.filter((l) => l.initial).map((l) => l.id);
export const layerEntry = (id: LayerId): LayerEntry => LAYERS.find((l) => l.id === id)!;

/** The layers whose toggles are offered at this context, in the registry's order. */
export const layersOffered = (c: KeyContext): LayerEntry[] =>
  (LAYERS as readonly LayerEntry[]).filter((l) => l.offered?.(c) ?? true);

const DOT_OPACITY = DOT_ALPHA / 255;
const HEX_OPACITY = HEX_ALPHA / 255;
/** The rim of a large dot: its colour darkened as eventDots.ts's shader does. */
const rim = (c: RGB) => rgb(c.map((v) => Math.round(v * 0.55)));
const dot = (c: RGB): KeySwatch => ({ type: 'dot', fill: rgb(c, DOT_OPACITY), stroke: rim(c) });

const WINDOW_WORDS: Record<WindowId, () => string> = {
  '1m': m.layers_imported_window_1m,
  '3m': m.layers_imported_window_3m,
  '12m': m.layers_imported_window_12m,
  all: m.layers_imported_window_all,
};

/** The colours of the known types, in the order their rows are listed (battles first). */
const COLOUR_ORDER = [...new Set(Object.values(TYPE_COLOURS).map((c) => c.join()))];

/**
 * One row per type, in the palette's order. Every type the palette does not know is drawn in
 * the same grey, so a generic table's many words of its own share one row: a row each would
 * name several things with one colour.
 */
function typeRows(types: readonly string[], words: EventWords): KeyRow[] {
  const rank = (t: string) => {
    const i = COLOUR_ORDER.indexOf(typeColour(t).join());
    return i < 0 ? COLOUR_ORDER.length : i;
  };
  const sorted = [...types].sort((a, b) => rank(a) - rank(b));
  const other = sorted.filter((t) => typeColour(t) === OTHER_TYPE);
  const rows: KeyRow[] = sorted
    .filter((t) => other.length < 2 || typeColour(t) !== OTHER_TYPE)
    .map((t) => ({ id: `type:${t}`, text: words.type(t), swatch: dot(typeColour(t)) }));
  if (other.length > 1)
    rows.push({ id: 'type:other', text: m.layers_imported_other_types(), swatch: dot(OTHER_TYPE) });
  return rows;
}

/** The imported events' key: their colours as drawn now (points by type or family, or bins). */
function importedKey(k: ImportedKeyContext): Omit<LayerKey, 'layer'> {
  const window = WINDOW_WORDS[k.window]();
  // Every dataset hidden, or every type or family filtered out: nothing drawn, nothing keyed.
  const drawn = k.shown > 0 && k.types.length > 0 && k.families.length > 0;
  if (k.mode === 'hexagons') {
    const n = (v: number) => formatNumber(v, getLocale());
    // Across the flats: the distance between neighbouring bins' centres (hexbin.ts).
    const km = n(Math.round(DEFAULT_HEX_KM * Math.sqrt(3)));
    const title = (
      k.hexBy === 'count' ? m.layers_imported_key_hex_count : m.layers_imported_key_hex_fatalities
    )({ km, window });
    return {
      title,
      rows: drawn
        ? hexClassRanges().map(([from, to], i) => ({
            id: `hex:${i}`,
            text:
              to === null
                ? m.layers_imported_hex_last({ from: n(from) })
                : m.layers_imported_hex_range({ from: n(from), to: n(to) }),
            swatch: { type: 'hex', fill: rgb(HEX_COLOURS[i]!, HEX_OPACITY) },
          }))
        : [],
      note: m.layers_imported_hex_note(),
    };
  }
  if (k.colourBy === 'family')
    return {
      title: m.layers_imported_key_families({ window }),
      rows: (drawn ? k.families : []).map((f) => ({
        id: `family:${f}`,
        text: k.words.family(f),
        swatch: dot(FAMILY_COLOURS[f]),
      })),
      note: m.layers_imported_size_note(),
    };
  return {
    title: m.layers_imported_key_types({ window }),
    rows: drawn ? typeRows(k.types, k.words) : [],
    note: m.layers_imported_size_note(),
  };
}

/** What importedKeyContext reads of the import state (ImportState, importState.svelte.ts). */
export interface ImportedView {
  datasets: readonly {
    visible: boolean;
    columns: Pick<EventColumns, 'n' | 'eventTypes' | 'family'>;
  }[];
  mode: ImportedKeyContext['mode'];
  colourBy: ImportedKeyContext['colourBy'];
  hexBy: BinMeasure;
  window: WindowId;
  hiddenTypes: ReadonlySet<string>;
  hiddenFamilies: ReadonlySet<string>;
}

/** Which families occur in a dataset: a pass over its events, once per dataset. */
const familiesOf = new WeakMap<object, boolean[]>();
function familiesIn(c: Pick<EventColumns, 'n' | 'family'>): boolean[] {
  let seen = familiesOf.get(c);
  if (!seen) {
    seen = ACTOR_FAMILIES.map(() => false);
    for (let i = 0; i < c.n; i++) seen[c.family[i]!] = true;
    familiesOf.set(c, seen);
  }
  return seen;
}

/** The imported events' key context from the import state; undefined when there are none. */
export function importedKeyContext(
  s: ImportedView,
  words: EventWords,
): ImportedKeyContext | undefined {
  if (s.datasets.length === 0) return undefined;
  const shown = s.datasets.filter((d) => d.visible);
  const types = [...new Set(shown.flatMap((d) => d.columns.eventTypes))].filter(
    (t) => !s.hiddenTypes.has(t),
  );
  const families = ACTOR_FAMILIES.filter(
    (f, i) => !s.hiddenFamilies.has(f) && shown.some((d) => familiesIn(d.columns)[i]),
  );
  return {
    mode: s.mode,
    colourBy: s.colourBy,
    hexBy: s.hexBy,
    window: s.window,
    shown: shown.length,
    types,
    families,
    words,
  };
}

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
    if (!l.key || !visible(l.id as LayerId) || !(l.offered?.(c) ?? true)) continue;
    const key = l.key.rows(c);
    if (key.rows.length) keys.push({ layer: l.id, ...key });
  }
  if (comparing) keys.push(comparisonKey());
  return keys;
}

/** The site kinds among `sites`, in the registry's (KIND_STYLE's) order, each once. */
export const kindsIn = (sites: readonly { kind: SiteKind }[]): SiteKind[] =>
  (Object.keys(KIND_STYLE) as SiteKind[]).filter((k) => sites.some((s) => s.kind === k));
