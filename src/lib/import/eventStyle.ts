/**
 * How each imported event is drawn (dotStyle), worked out once per change of colouring or
 * filter, never per date step: colour by type or actor family, radius by fatalities, and
 * hidden where a filter says so. A linear pass: about 10 ms for a million events.
 */
import { ACTOR_FAMILIES, type EventColumns } from './types.ts';
import { FAMILY_COLOURS, typeColour } from '../map/eventTheme.ts';
import type { DotStyle } from '../map/layers/eventDots.ts';

/** What is shown of a dataset's events, besides the time window. */
export interface EventFilter {
  /** Event type names hidden. */
  hiddenTypes: ReadonlySet<string>;
  /** Actor families hidden. */
  hiddenFamilies: ReadonlySet<string>;
  /** Shown: at least this many fatalities; 0 shows all, unknown included. */
  minFatalities: number;
  /** Shown: first actors containing this text (any case); '' shows all. */
  actorQuery: string;
}

export const NO_FILTER: EventFilter = {
  hiddenTypes: new Set(),
  hiddenFamilies: new Set(),
  minFatalities: 0,
  actorQuery: '',
};

/** Radius in CSS pixels for a count of fatalities: area grows with the count, capped. */
export function fatalityRadius(f: number): number {
  return f <= 0 ? 2.5 : Math.min(14, 3 + 1.5 * Math.sqrt(f));
}

/** Dots' opacity (0–255): strong enough to read one, light enough to see a crowd's density. */
const ALPHA = 200;

/** Per event: 1 if it passes the filter. Per-code lookups, so the loop does no string work. */
export function shownMask(c: EventColumns, f: EventFilter): Uint8Array {
  const typeOk = c.eventTypes.map((t) => !f.hiddenTypes.has(t));
  const familyOk = ACTOR_FAMILIES.map((fam) => !f.hiddenFamilies.has(fam));
  const q = f.actorQuery.trim().toLowerCase();
  const actorOk = q ? c.actors.map((a) => a.toLowerCase().includes(q)) : null;
  const min = f.minFatalities;
  const out = new Uint8Array(c.n);
  for (let i = 0; i < c.n; i++) {
    out[i] =
      typeOk[c.eventType[i]!] &&
      familyOk[c.family[i]!] &&
      (min <= 0 || c.fatalities[i]! >= min) &&
      (!actorOk || actorOk[c.actor[i]!])
        ? 1
        : 0;
  }
  return out;
}

/** The dots' colours and radii, which a filter does not change (so they are not uploaded again). */
export function dotLook(c: EventColumns, by: 'type' | 'family'): Omit<DotStyle, 'shown'> {
  const palette =
    by === 'type'
      ? c.eventTypes.map((t) => typeColour(t))
      : ACTOR_FAMILIES.map((fam) => FAMILY_COLOURS[fam]);
  const codes = by === 'type' ? c.eventType : c.family;
  const colors = new Uint8Array(c.n * 4);
  const radii = new Float32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const rgb = palette[codes[i]!]!;
    colors[i * 4] = rgb[0];
    colors[i * 4 + 1] = rgb[1];
    colors[i * 4 + 2] = rgb[2];
    colors[i * 4 + 3] = ALPHA;
    radii[i] = fatalityRadius(c.fatalities[i]!);
  }
  return { colors, radii };
}

/** The dots' look for a dataset, filter included. */
export function dotStyle(c: EventColumns, by: 'type' | 'family', f: EventFilter): DotStyle {
  return { ...dotLook(c, by), shown: shownMask(c, f) };
}
