/**
 * Where each site name goes, worked out here rather than by MapLibre's variable anchors, so the
 * app knows where every name stands and can draw a leader line to the ones set away from their
 * symbols (MapLibre keeps its choice in private placement state).
 *
 * Along the eastern border the bases form a chain of symbols, and a name often finds room only
 * 1.5–3 em east or west of its own symbol (nameAnchors in siteLabels.ts). There it can stand as
 * near to another symbol (a liaison office in Uganda, a neighbouring base) as to its own, and a
 * briefer cannot tell which one it names. A thin line from the symbol's edge to the name tells.
 *
 * Pure: screen positions and text widths come in, anchors and leaders go out.
 */

export type Px = [number, number];
/** A box on screen, in CSS pixels: left, top, right, bottom. */
export type Box = [number, number, number, number];

/** A name to set: its symbol's screen position and size, its text's size, its priority. */
export interface NameToSet {
  id: string;
  at: Px;
  /** The symbol's width in pixels (the sites layer's getSize). */
  size: number;
  /** The text's width and height in pixels, without padding. */
  width: number;
  height: number;
  /** Lower goes first (siteLabelFeatures' rank). */
  rank: number;
  /** Candidate anchors with their offsets in ems, tried in order (nameAnchors). */
  anchors: readonly (readonly [string, readonly [number, number]])[];
}

/**
 * Where a name was set: MapLibre's text-anchor and text-offset (ems), the box it keeps clear
 * (its letters and padding), and its leader, if any.
 */
export interface SetName {
  id: string;
  anchor: string;
  offset: [number, number];
  box: Box;
  leader: [Px, Px] | null;
}

/** Pixels kept clear round a name's letters (the layer's text-padding). */
export const NAME_PADDING_PX = 2;

/** How MapLibre aligns a text box to its anchor: 0 left/top, 0.5 centre, 1 right/bottom. */
export function anchorAlign(anchor: string): [number, number] {
  const h = anchor.endsWith('left') ? 0 : anchor.endsWith('right') ? 1 : 0.5;
  const v = anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? 1 : 0.5;
  return [h, v];
}

/**
 * The box of a `w` × `h` name set at `anchor` with `offset` (ems of `textPx`) round `at`: the
 * anchor's side of the box lies at the offset, as MapLibre sets text-anchor with text-offset.
 */
export function nameBox(
  at: Px,
  anchor: string,
  offset: readonly [number, number],
  w: number,
  h: number,
  textPx: number,
): Box {
  const [ah, av] = anchorAlign(anchor);
  const left = at[0] + offset[0] * textPx - ah * w;
  const top = at[1] + offset[1] * textPx - av * h;
  return [left, top, left + w, top + h];
}

/** Whether two boxes overlap (touching edges do not). */
export const overlaps = (a: Box, b: Box) =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** A box grown by `px` on every side. */
export const grow = (b: Box, px: number): Box => [b[0] - px, b[1] - px, b[2] + px, b[3] + px];

/**
 * How near a name stands to its symbol's edge and needs no leader, in ems of its type. The
 * nearest anchors (siteLabels.ts) leave at most 1.54 em between them (a 29 px symbol's corner
 * at zoom 8 and past), the farther ones at least 1.87 em; the tests check every size.
 */
export const NEAR_EM = 1.7;

/**
 * The leader from a symbol `symbolPx` wide at `at` to the box of its name: from the symbol's
 * edge to the box's nearest point, or null if the name stands beside the symbol, within
 * `nearPx` of its edge (NEAR_EM).
 */
export function leaderSegment(at: Px, symbolPx: number, box: Box, nearPx: number): [Px, Px] | null {
  const p: Px = [
    Math.min(Math.max(at[0], box[0]), box[2]),
    Math.min(Math.max(at[1], box[1]), box[3]),
  ];
  const dx = p[0] - at[0];
  const dy = p[1] - at[1];
  const d = Math.hypot(dx, dy);
  const r = symbolPx / 2;
  if (d - r <= nearPx) return null;
  const ux = dx / d;
  const uy = dy / d;
  return [[at[0] + ux * r, at[1] + uy * r], p];
}

/**
 * Ids in code-unit order. Not localeCompare: its order follows the browser's language (how it
 * weighs a hyphen, say), so two readers of one link, or one reader after switching the
 * browser's language, could see names of equal rank win their space in another order.
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether box `b` lies wholly inside `within`. */
export const inside = (b: Box, within: Box) =>
  b[0] >= within[0] && b[1] >= within[1] && b[2] <= within[2] && b[3] <= within[3];

/**
 * Sets the names in rank order, each at its first anchor whose letters lie inside `bounds`
 * (the map, when given) and whose padded box overlaps neither a name already set nor an
 * obstacle (the symbols' squares, the province names, the panels over the map); a name with no
 * free anchor is left out. `textPx` is the names' type size. The same input gives the same
 * layout whatever the order of `names` (ties in rank go by id).
 */
export function layoutNames(
  names: readonly NameToSet[],
  obstacles: readonly Box[],
  textPx: number,
  bounds?: Box,
): SetName[] {
  const taken: Box[] = [...obstacles];
  const out: SetName[] = [];
  const order = [...names].sort((a, b) => a.rank - b.rank || byCodeUnits(a.id, b.id));
  for (const n of order) {
    for (const [anchor, offset] of n.anchors) {
      const letters = nameBox(n.at, anchor, offset, n.width, n.height, textPx);
      if (bounds && !inside(letters, bounds)) continue;
      const box = grow(letters, NAME_PADDING_PX);
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      out.push({
        id: n.id,
        anchor,
        offset: [offset[0], offset[1]],
        box,
        // To the letters, not to the padding round them.
        leader: leaderSegment(n.at, n.size, letters, NEAR_EM * textPx),
      });
      break;
    }
  }
  return out;
}

/** A symbol's square box, `size` pixels wide, at `at` moved by `offset` pixels. */
export function squareBox(at: Px, size: number, offset: readonly [number, number] = [0, 0]): Box {
  const x = at[0] + offset[0];
  const y = at[1] + offset[1];
  return [x - size / 2, y - size / 2, x + size / 2, y + size / 2];
}

/**
 * The lines a label of `words` takes when wrapped at `maxWidth` pixels, as MapLibre wraps
 * (at spaces and hyphens): greedy, a hyphen stays with the word before it. `measure` gives a
 * string's width.
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  measure: (s: string) => number,
): string[] {
  const parts = text.match(/[^\s-]+-?|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line + part;
    if (line.trim() && measure(next.trim()) > maxWidth) {
      lines.push(line.trim());
      line = part.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
