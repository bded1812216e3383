/**
 * Hexagons' colour classes: fixed half-decade breaks (1, 3, 10, 30, 100, 300, 1,000), not breaks
 * fitted to the data at each date. Fitted breaks would shift as a replay runs, and the same
 * colour would mean 5 events in one month and 50 in the next; fixed ones let a briefer compare
 * any two dates, and cover a village's handful to a city's thousands.
 * Colours: Paul Tol's YlOrBr sequential scheme (colour-blind safe, readable in grey-scale),
 * less its two palest steps, which vanish on the pale provinces.
 */
export const HEX_BREAKS = [1, 3, 10, 30, 100, 300, 1000] as const;

export const HEX_COLOURS: readonly (readonly [number, number, number])[] = [
  [254, 227, 145],
  [254, 196, 79],
  [251, 154, 41],
  [236, 112, 20],
  [204, 76, 2],
  [153, 52, 4],
  [102, 37, 6],
];

/** The class of a value: the last break it reaches; -1 below the first (nothing drawn). */
export function hexClass(v: number): number {
  let k = -1;
  for (let i = 0; i < HEX_BREAKS.length; i++) if (v >= HEX_BREAKS[i]!) k = i;
  return k;
}

/** Each class's range, for the key: [from, to] with to null for the last ("1,000 or more"). */
export function hexClassRanges(): [number, number | null][] {
  return HEX_BREAKS.map((b, i) => [b, i + 1 < HEX_BREAKS.length ? HEX_BREAKS[i + 1]! - 1 : null]);
}
