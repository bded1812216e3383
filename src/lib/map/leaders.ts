/**
 * Leader lines from a site's symbol to its name, where the name stands away from the symbol.
 *
 * Along the eastern border the bases form a chain of symbols, and a name often finds room only
 * 1.5–3 em east or west of its own symbol (nameAnchors in siteLabels.ts). There it can stand as
 * near to another symbol (a liaison office in Uganda, a neighbouring base) as to its own, and a
 * briefer cannot tell which one it names. A thin line from the symbol's edge to the name tells.
 *
 * Where MapLibre set each name is its label placement's private state. maplibre-gl is pinned
 * (5.24.1), as for frameCache.ts and sky.ts; if a part is missing, no leaders are drawn, and a
 * browser test checks that they are.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export type Px = [number, number];
/** A box on screen, in CSS pixels: left, top, right, bottom. */
export type Box = [number, number, number, number];

/** Where MapLibre set a name (its `variableOffsets` entry): the units are its own. */
export interface PlacedOffset {
  anchor: string;
  /** The offset, in 1/24 em (MapLibre lays text out at 24 px an em). */
  textOffset: [number, number];
  /** The text's collision box, in tile units at the layout size... */
  width: number;
  height: number;
  /** ...which this divides back into 1/24 em. */
  textBoxScale: number;
}

/** MapLibre's alignment of a box for an anchor: 0 left/top, 0.5 centre, 1 right/bottom. */
export function anchorAlign(anchor: string): [number, number] {
  const h = anchor.endsWith('left') ? 0 : anchor.endsWith('right') ? 1 : 0.5;
  const v = anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? 1 : 0.5;
  return [h, v];
}

/** The box of a name set at `o` around the point `at`, with the type `textPx` high. */
export function nameBox(at: Px, o: PlacedOffset, textPx: number): Box {
  const k = textPx / 24;
  const [h, v] = anchorAlign(o.anchor);
  const w = (o.width / o.textBoxScale) * k;
  const ht = (o.height / o.textBoxScale) * k;
  // The anchor's side of the box is at the offset (calculateVariableLayoutShift in MapLibre).
  const left = at[0] + o.textOffset[0] * k - h * w;
  const top = at[1] + o.textOffset[1] * k - v * ht;
  return [left, top, left + w, top + ht];
}

/**
 * How near a name stands to its symbol's edge and needs no leader, in ems of its type. The
 * nearest anchors (siteLabels.ts) leave at most 1.54 em between them (a 29 px symbol's corner
 * at zoom 8 and past), the farther ones at least 1.87 em; the tests check every size group.
 */
export const NEAR_EM = 1.7;

/**
 * The leader from a symbol `symbolPx` wide at `at` to the box of its name: from the symbol's
 * edge to the box's nearest point (the box has the name's padding, 2 px, round the letters),
 * or null if the name stands beside the symbol, within `nearPx` of its edge (NEAR_EM).
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

/** The MapLibre internals read here. */
interface SymbolInstanceLike {
  anchorX: number;
  anchorY: number;
  crossTileID: number;
}
interface TileLike {
  tileID: { canonical: { z: number; x: number; y: number }; wrap: number };
  getBucket(
    layer: unknown,
  ): { symbolInstances?: { length: number; get(i: number): SymbolInstanceLike } } | undefined;
}
interface StyleInternals {
  _layers: Record<string, unknown>;
  tileManagers?: Record<
    string,
    { getRenderableIds(symbols?: boolean): string[]; getTileByID(id: string): TileLike }
  >;
  placement?: {
    placements: Record<number, { text: boolean } | undefined>;
    variableOffsets: Record<number, PlacedOffset | undefined>;
  };
}

const EXTENT = 8192;

/** The placement MapLibre last committed, or null if this version keeps it elsewhere. */
const placementOf = (map: MapLibreMap): object | null =>
  (map as unknown as { style?: StyleInternals }).style?.placement ?? null;

/** Each name of `layerId` MapLibre has set, as where its point is and where the name went. */
function placedNames(
  map: MapLibreMap,
  layerId: string,
): { lngLat: [number, number]; offset: PlacedOffset }[] {
  const style = (map as unknown as { style?: StyleInternals }).style;
  const layer = style?._layers?.[layerId] as { source?: string } | undefined;
  const placement = style?.placement;
  const tiles = layer?.source ? style?.tileManagers?.[layer.source] : undefined;
  if (!placement?.placements || !placement.variableOffsets || !tiles?.getRenderableIds) return [];
  const out: { lngLat: [number, number]; offset: PlacedOffset }[] = [];
  const seen = new Set<number>();
  for (const id of tiles.getRenderableIds(true)) {
    const tile = tiles.getTileByID(id);
    const symbols = tile?.getBucket(layer)?.symbolInstances;
    if (!symbols) continue;
    const { z, x, y } = tile.tileID.canonical;
    const n = 2 ** z;
    for (let i = 0; i < symbols.length; i++) {
      const s = symbols.get(i);
      // A point near a tile's edge is in both tiles' buckets, with one id across them.
      if (seen.has(s.crossTileID)) continue;
      const offset = placement.variableOffsets[s.crossTileID];
      if (!placement.placements[s.crossTileID]?.text || !offset) continue;
      seen.add(s.crossTileID);
      const mx = (x + s.anchorX / EXTENT) / n;
      const my = (y + s.anchorY / EXTENT) / n;
      const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
      out.push({ lngLat: [mx * 360 - 180 + tile.tileID.wrap * 360, lat], offset });
    }
  }
  return out;
}

/** A named site's symbol: where it is, and its size in pixels (the sites layer's getSize). */
export interface NamedSymbol {
  position: [number, number];
  size: number;
}
/** A leader, as [from, to] in longitude and latitude, so it moves with the map. */
export type Leader = [[number, number], [number, number]];

/** The symbol nearest `lngLat`, within a few hundred metres (MapLibre's anchors are rounded). */
function symbolAt(symbols: readonly NamedSymbol[], [lng, lat]: [number, number]) {
  let best: NamedSymbol | null = null;
  let bestD = 0.01 ** 2;
  for (const s of symbols) {
    const d = (s.position[0] - lng) ** 2 + (s.position[1] - lat) ** 2;
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best;
}

/** The leaders the names of `layerId` need as MapLibre last set them, with type `textPx` high. */
export function leadersOf(
  map: MapLibreMap,
  layerId: string,
  textPx: number,
  symbols: readonly NamedSymbol[],
): Leader[] {
  const out: Leader[] = [];
  for (const { lngLat, offset } of placedNames(map, layerId)) {
    const s = symbolAt(symbols, lngLat);
    if (!s) continue;
    const { x, y } = map.project(s.position);
    const seg = leaderSegment([x, y], s.size, nameBox([x, y], offset, textPx), NEAR_EM * textPx);
    if (seg) out.push(seg.map((p) => map.unproject(p).toArray()) as Leader);
  }
  return out;
}

/** The leaders as one string: equal strings, same lines (to a metre or so). */
export const leadersKey = (leaders: readonly Leader[]): string =>
  leaders
    .map((l) =>
      l
        .flat()
        .map((v) => v.toFixed(5))
        .join(),
    )
    .join(';');

/**
 * Calls `onChange` with new leaders each time MapLibre commits a label placement that moves
 * them: the names are re-placed when the labels, the camera or the canvas change, never on a
 * timeline step that changes only deck.gl's layers (frameCache.ts skips placement then). A
 * frame checks one reference.
 */
export function watchLeaders(
  map: MapLibreMap,
  compute: () => Leader[],
  onChange: (leaders: Leader[], key: string) => void,
): () => void {
  let placement: object | null = null;
  let key = '';
  const onRender = () => {
    const p = placementOf(map);
    if (p === placement) return;
    placement = p;
    const leaders = compute();
    const next = leadersKey(leaders);
    if (next === key) return;
    key = next;
    onChange(leaders, key);
  };
  map.on('render', onRender);
  return () => map.off('render', onRender);
}
