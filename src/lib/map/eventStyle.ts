/**
 * How each imported event is drawn (dotStyle), worked out once per change of colouring or
 * filter, never per date step: colour by type or actor family, radius by fatalities, and
 * hidden where a filter says so. A linear pass: about 10 ms for a million events.
 */
import { ACTOR_FAMILIES, type EventColumns } from '../import/types.ts';
import { filterMasks, passesMasks, type EventFilter } from '../import/eventWindow.ts';
import { indexFilter, type ShownFilter } from '../import/shownFilter.ts';
import { DOT_ALPHA, FAMILY_COLOURS, typeColour } from './eventTheme.ts';
import type { DotStyle } from './layers/eventDots.ts';

/** Radius in CSS pixels for a count of fatalities: area grows with the count, capped. */
export function fatalityRadius(f: number): number {
  return f <= 0 ? 2.5 : Math.min(14, 3 + 1.5 * Math.sqrt(f));
}

/** Per event: 1 if it passes the filter (the dots' `shown` attribute). */
export function shownMask(c: EventColumns, f: EventFilter): Uint8Array {
  const out = new Uint8Array(c.n);
  const m = filterMasks(c, f);
  if (m.all) return out.fill(1);
  for (let i = 0; i < c.n; i++) out[i] = passesMasks(c, i, m) ? 1 : 0;
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
    colors[i * 4 + 3] = DOT_ALPHA;
    radii[i] = fatalityRadius(c.fatalities[i]!);
  }
  return { colors, radii };
}

/** The dots' look for a dataset, filter included. */
export function dotStyle(c: EventColumns, by: 'type' | 'family', f: ShownFilter): DotStyle {
  return { ...dotLook(c, by), shown: shownMask(c, indexFilter(c, f)) };
}
