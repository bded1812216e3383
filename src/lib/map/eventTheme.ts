/**
 * Colours of imported events, by event type or by the first actor's family. Paul Tol's
 * colour-blind-safe qualitative schemes (https://personal.sron.nl/~pault/, "bright" for types,
 * "muted" for families), distinct from the Okabe–Ito colours the hotspots' armed groups use, so
 * an event is never read as a hotspot. ACLED's and UCDP's kinds of violence share a colour where
 * they mean the same: armed clashes red, violence against civilians purple.
 */
import type { ActorFamily } from '../import/types.ts';

export type RGB = readonly [number, number, number];

/**
 * Opacity (0–255) of event dots, strong enough to read one and light enough to see a crowd's
 * density; and of hexagons, which must let the borders and names under them show.
 */
export const DOT_ALPHA = 200;
export const HEX_ALPHA = 205;

/** Imported areas (a GeoJSON file's polygons): Tol's dark blue, apart from every fill we draw. */
export const AREA_COLOUR = '#332288';

const BRIGHT = {
  blue: [68, 119, 170],
  cyan: [102, 204, 238],
  green: [34, 136, 51],
  yellow: [204, 187, 68],
  red: [238, 102, 119],
  purple: [170, 51, 119],
  grey: [187, 187, 187],
} as const satisfies Record<string, RGB>;

/** Known event types, as ACLED and UCDP write them (case as in their exports). */
export const TYPE_COLOURS: Readonly<Record<string, RGB>> = {
  Battles: BRIGHT.red,
  'Violence against civilians': BRIGHT.purple,
  'Explosions/Remote violence': BRIGHT.yellow,
  Riots: BRIGHT.green,
  Protests: BRIGHT.cyan,
  'Strategic developments': BRIGHT.blue,
  'State-based violence': BRIGHT.red,
  'Non-state violence': BRIGHT.yellow,
  'One-sided violence': BRIGHT.purple,
};
/** Any other type (a generic table's own words). */
export const OTHER_TYPE: RGB = BRIGHT.grey;

/** A type's colour; legacy ACLED types ("Battle-No change of territory") by their first word. */
export function typeColour(type: string): RGB {
  const known = TYPE_COLOURS[type];
  if (known) return known;
  if (/^Battle/i.test(type)) return BRIGHT.red;
  if (/^Violence against civilians/i.test(type)) return BRIGHT.purple;
  if (/^Remote violence/i.test(type)) return BRIGHT.yellow;
  if (/^Riots/i.test(type)) return BRIGHT.green;
  if (/^Protests/i.test(type)) return BRIGHT.cyan;
  if (/^(Strategic|Headquarters|Non-violent)/i.test(type)) return BRIGHT.blue;
  return OTHER_TYPE;
}

export const FAMILY_COLOURS: Readonly<Record<ActorFamily, RGB>> = {
  state: [51, 34, 136],
  rebel: [204, 102, 119],
  political_militia: [136, 34, 85],
  identity_militia: [221, 204, 119],
  rioters: [17, 119, 51],
  protesters: [136, 204, 238],
  civilians: [68, 170, 153],
  external: [153, 153, 51],
  unknown: [187, 187, 187],
};
