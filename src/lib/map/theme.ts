/**
 * The one theme: base-map colours and fonts, shared by the MapLibre style and (later) the
 * deck.gl layers and exports. Muted, projector-safe neutrals so data colours carry meaning.
 */
import { m } from '../../paraglide/messages.js';
import type { Closure, Plan } from '../domain/schema.ts';
import { SITE_KIND_REGISTRY, type SiteKind, type SymbolShape } from '../domain/siteKinds.ts';
import { CLOSURE_LABEL, PLAN_NAME, PROVINCE_PHASE_LABEL, type Word } from '../domain/vocabulary.ts';
export const THEME = {
  sea: '#dfe5ea',
  neighbourFill: '#eceae6',
  neighbourLine: '#b8b4ad',
  // Text colours at least 4.5:1 on their halos (WCAG AA; tests/unit/contrast.test.ts).
  neighbourLabel: '#65605a',
  provinceFill: '#fbfaf7',
  provinceLine: '#8f8a82',
  provinceLabel: '#3b3833',
  provinceLabelHalo: '#fbfaf7',
  nationalBorder: '#4a4640',
  water: '#a9cbe6',
  waterLine: '#7fb0d8',
  waterLabel: '#1f4e74',
} as const;

/** Site names' ink (siteLabels.ts), and their leader lines' (leaders.ts): the same, fainter. */
export const SITE_NAME_INK = '#1d1b18';
export const LEADER_RGBA: [number, number, number, number] = [29, 27, 24, 200];

/** What shows where the map draws nothing (it has no background layer): the land colour. */
export const MAP_BACKGROUND = THEME.neighbourFill;

/**
 * Font stacks for MapLibre's local glyph rendering: with no `glyphs` URL, MapLibre ≥ 5.11 draws
 * each glyph with TinySDF in the CSS family named here, and sniffs weight/style from the first
 * name. "Noto Sans" is self-hosted (src/fonts.ts), so labels need no network.
 */
export const FONT = {
  regular: ['Noto Sans'],
  bold: ['Noto Sans Bold', 'Noto Sans'],
  italic: ['Noto Sans Italic', 'Noto Sans'],
} as const;

/** RGB triple for deck.gl accessors. */
export type RGB = [number, number, number];

/**
 * Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008). Kinds also differ by shape,
 * so colour is never the only cue.
 */
export const OKABE_ITO = {
  black: [0, 0, 0],
  orange: [230, 159, 0],
  skyBlue: [86, 180, 233],
  green: [0, 158, 115],
  yellow: [240, 228, 66],
  blue: [0, 114, 178],
  vermillion: [213, 94, 0],
  purple: [204, 121, 167],
  grey: [110, 110, 110],
} as const satisfies Record<string, RGB>;

export type { SymbolShape } from '../domain/siteKinds.ts';

/**
 * How each kind of site is drawn, from the site-kind registry (siteKinds.ts), in its order.
 * `label` is the kind's name as text in the current language, read when shown (a getter over
 * the registry's message), for components that show it as is.
 */
export const KIND_STYLE = Object.fromEntries(
  SITE_KIND_REGISTRY.map((k) => [
    k.id,
    {
      get label(): string {
        return k.label();
      },
      shape: k.symbol.shape,
      color: OKABE_ITO[k.symbol.colour],
      hollow: k.symbol.hollow,
    },
  ]),
) as Record<SiteKind, { readonly label: string; shape: SymbolShape; color: RGB; hollow: boolean }>;

/** A ghost's ring: drawn whole, in dashes, or in dots. */
export type RingLine = 'solid' | 'dashed' | 'dotted';

/**
 * How a closed site's ghost is ringed, by how it ended; `label` is the vocabulary's word. The
 * three greys differ by line: solid for a known closing, dashed for a withdrawal, and sparse dots
 * for `last_seen`, the one ending that is not known, drawn as the faintest, broken-up mark.
 */
export const CLOSURE_STYLE = {
  closed: { label: CLOSURE_LABEL.closed, color: OKABE_ITO.grey, ring: 'solid' },
  handed_over_fardc: {
    label: CLOSURE_LABEL.handed_over_fardc,
    color: OKABE_ITO.green,
    ring: 'solid',
  },
  handed_over_pnc: {
    label: CLOSURE_LABEL.handed_over_pnc,
    color: OKABE_ITO.skyBlue,
    ring: 'solid',
  },
  withdrawn: { label: CLOSURE_LABEL.withdrawn, color: OKABE_ITO.grey, ring: 'dashed' },
  lost: { label: CLOSURE_LABEL.lost, color: OKABE_ITO.vermillion, ring: 'solid' },
  last_seen: { label: CLOSURE_LABEL.last_seen, color: OKABE_ITO.grey, ring: 'dotted' },
} as const satisfies Record<Closure, { label: Word; color: RGB; ring: RingLine }>;

/**
 * Armed-group families for hotspot colours; the legend names the groups in each. Two families
 * are one group each, named as the sources do; the others' names are messages.
 */
export const GROUP_FAMILIES = [
  { id: 'adf', label: () => 'ADF', color: OKABE_ITO.vermillion, match: /^ADF/ },
  { id: 'm23', label: () => 'M23', color: OKABE_ITO.purple, match: /^M23/ },
  {
    id: 'ituri',
    label: m.layers_group_ituri,
    color: OKABE_ITO.orange,
    match: /^(CODECO|FPIC|FRPI)/,
  },
  { id: 'maimai', label: m.layers_group_maimai, color: OKABE_ITO.green, match: /^(Mai-Mai|NDC)/ },
  {
    id: 'foreign',
    label: m.layers_group_foreign,
    color: OKABE_ITO.blue,
    match: /^(FDLR|Red-Tabara)/,
  },
  {
    id: 'selfdefence',
    label: m.layers_group_selfdefence,
    color: OKABE_ITO.skyBlue,
    match: /^Twirwaneho/,
  },
  {
    id: 'other',
    label: m.layers_group_other,
    color: OKABE_ITO.grey,
    match: /./,
  },
] as const satisfies readonly { id: string; label: Word; color: RGB; match: RegExp }[];

/** The family a group belongs to (the last family catches the rest). */
export function groupFamily(group: string): (typeof GROUP_FAMILIES)[number] {
  return (
    GROUP_FAMILIES.find((f) => f.match.test(group)) ?? GROUP_FAMILIES[GROUP_FAMILIES.length - 1]!
  );
}

/** Hotspot fill opacity (0–255) by intensity 1–3. */
export const INTENSITY_ALPHA = { 1: 45, 2: 80, 3: 120 } as const;
/** An unrated hotspot's fill: grey, as light as intensity 1, so it claims no severity. */
export const UNRATED_FILL = [...OKABE_ITO.grey, 45] as const;

/** Province tints by phase on the chosen plan; lightness differs too, for grey-scale prints. */
export const PHASE_STYLE = {
  active: { label: PROVINCE_PHASE_LABEL.active, color: '#cfe1ee' },
  drawing_down: { label: PROVINCE_PHASE_LABEL.drawing_down, color: '#f5d68f' },
  withdrawn: { label: PROVINCE_PHASE_LABEL.withdrawn, color: '#d9cfbf' },
} as const;

/**
 * The reach (coverage) analysis: a light blue wash with a firm outline for what open sites
 * reach; a dark red ring for an active hotspot out of reach; green and red for what a
 * scenario gains or loses against the baseline.
 */
export const COVERAGE_STYLE = {
  fill: 'rgba(0, 114, 178, 0.12)',
  line: '#0072b2',
  uncovered: [176, 0, 32] as RGB,
  gained: [0, 140, 90] as RGB,
  lost: [200, 40, 20] as RGB,
};

/**
 * Armed-group control (the control layer): a deep plum, the M23 family's hue darkened, so it
 * reads as that group's yet stands apart from the pastel province tints, the hotspots'
 * translucent discs and the reach's blue wash. The area is hatched over a faint wash rather
 * than filled flat, the one hatched thing on the map; its outline and name are the same ink.
 */
export const CONTROL_STYLE = {
  ink: [110, 24, 84] as RGB,
  line: '#6e1854',
  /** The hatch's lines and the wash between them, as alpha (0–255) of the ink. */
  hatchAlpha: 190,
  washAlpha: 40,
  label: '#6e1854',
  halo: '#ffffff',
};

/**
 * The plans' names: in full (legend, plan menu, exports) and short (the timeline's narrow row
 * labels). Both follow the interface's language: PLAN_SHORT holds messages, to call where shown
 * (as does PLAN_NAME, domain/vocabulary.ts); PLAN_LABEL reads PLAN_NAME's as text each time it
 * is read (getters), for code that shows it as is.
 */
export const PLAN_LABEL: Readonly<Record<Plan, string>> = {
  get joint_strategy_2020() {
    return PLAN_NAME.joint_strategy_2020();
  },
  get disengagement_plan_2023() {
    return PLAN_NAME.disengagement_plan_2023();
  },
  get actual() {
    return PLAN_NAME.actual();
  },
};
export const PLAN_SHORT: Record<Plan, () => string> = {
  joint_strategy_2020: m.plan_short_joint_strategy_2020,
  disengagement_plan_2023: m.plan_short_disengagement_plan_2023,
  actual: m.plan_short_actual,
};
