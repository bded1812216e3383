/**
 * Which province an imported event lies in, from its coordinates (the file's own admin1 is not
 * kept, and its spelling varies by source and year). A point-in-polygon test per event is too
 * slow for a million events on the page's thread, so the provinces are rasterised once: a cell
 * that no border touches answers for every point in it, and only a point in a cell a border
 * crosses is tested, against the few border edges in its row of cells. The answers are exactly
 * those of an even-odd point-in-polygon test; a point on no province is NO_PROVINCE (over a
 * lake the boundaries leave out, or across the national border), never the nearest province.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PROVINCES } from '../domain/provinces.ts';
import type { EventColumns } from './types.ts';

/** The code of a point that lies in no province. */
export const NO_PROVINCE = 255;
/** A cell a border touches: its points are tested one by one. */
const MIXED = 254;
/** Cell side in degrees (about 2.2 km): a few per cent of a city's events fall in mixed cells. */
const CELL = 0.02;
/** Widens each edge's box so that rounding in a cell index never leaves a touched cell out. */
const EPS = 1e-9;

/** The provinces as a raster and border edges by row, built once from the boundaries. */
export interface ProvinceGrid {
  x0: number;
  y0: number;
  cell: number;
  nx: number;
  ny: number;
  /** Per cell (row-major): an index into PROVINCES, NO_PROVINCE, or MIXED. */
  code: Uint8Array;
  /** Edges whose latitude span meets each row: row r holds entries rowStart[r]…rowStart[r+1]. */
  rowStart: Uint32Array;
  /** x1, y1, x2, y2 of each entry. */
  edges: Float64Array;
  /** The province (index into PROVINCES) each entry bounds. */
  edgeProvince: Uint8Array;
}

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string }>;

/** Every ring edge of the provinces known to PROVINCES, with its province index. */
function ringEdges(provinces: Provinces): { xy: number[]; k: number[] } {
  const xy: number[] = [];
  const k: number[] = [];
  for (const f of provinces.features) {
    const index = PROVINCES.findIndex((p) => p.iso === f.properties.iso);
    if (index < 0) continue;
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polygons.flat())
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        if (a[0] === b[0] && a[1] === b[1]) continue;
        xy.push(a[0]!, a[1]!, b[0]!, b[1]!);
        k.push(index);
      }
  }
  return { xy, k };
}

/** The lowest set bit's index: the first province in PROVINCES order that holds the point. */
const firstBit = (mask: number) => (mask === 0 ? NO_PROVINCE : 31 - Math.clz32(mask & -mask));

/** Rasterises the provinces (26 of them: a province set fits a 32-bit mask). */
export function provinceGrid(provinces: Provinces, cell = CELL): ProvinceGrid {
  const { xy, k } = ringEdges(provinces);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]!);
    x1 = Math.max(x1, xy[i]!);
    y0 = Math.min(y0, xy[i + 1]!);
    y1 = Math.max(y1, xy[i + 1]!);
  }
  if (!xy.length) [x0, y0, x1, y1] = [0, 0, 0, 0];
  x0 = Math.floor(x0 / cell) * cell - cell;
  y0 = Math.floor(y0 / cell) * cell - cell;
  const nx = Math.ceil((x1 - x0) / cell) + 2;
  const ny = Math.ceil((y1 - y0) / cell) + 2;
  const col = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - x0) / cell)));
  const row = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - y0) / cell)));

  // Edges by row, over each edge's latitude span: every edge a horizontal ray can cross.
  const count = new Uint32Array(ny + 1);
  const n = k.length;
  const spans = new Int32Array(2 * n);
  for (let e = 0; e < n; e++) {
    const [ya, yb] = [xy[4 * e + 1]!, xy[4 * e + 3]!];
    spans[2 * e] = row(Math.min(ya, yb) - EPS);
    spans[2 * e + 1] = row(Math.max(ya, yb) + EPS);
    for (let r = spans[2 * e]!; r <= spans[2 * e + 1]!; r++) count[r + 1]!++;
  }
  for (let r = 0; r < ny; r++) count[r + 1]! += count[r]!;
  const rowStart = count.slice();
  const fill = count.slice(0, ny);
  const edges = new Float64Array(4 * rowStart[ny]!);
  const edgeProvince = new Uint8Array(rowStart[ny]!);
  for (let e = 0; e < n; e++)
    for (let r = spans[2 * e]!; r <= spans[2 * e + 1]!; r++) {
      const at = fill[r]!++;
      for (let j = 0; j < 4; j++) edges[4 * at + j] = xy[4 * e + j]!;
      edgeProvince[at] = k[e]!;
    }

  // Each cell centre's province, one scanline a row: crossings sorted, a mask toggled along.
  const code = new Uint8Array(nx * ny);
  const crossings: [x: number, k: number][] = [];
  for (let r = 0; r < ny; r++) {
    const yc = y0 + (r + 0.5) * cell;
    crossings.length = 0;
    let mask = 0;
    for (let at = rowStart[r]!; at < rowStart[r + 1]!; at++) {
      const [xa, ya, xb, yb] = [
        edges[4 * at]!,
        edges[4 * at + 1]!,
        edges[4 * at + 2]!,
        edges[4 * at + 3]!,
      ];
      if (ya > yc === yb > yc) continue;
      crossings.push([xa + ((yc - ya) * (xb - xa)) / (yb - ya), edgeProvince[at]!]);
      mask ^= 1 << edgeProvince[at]!;
    }
    crossings.sort((a, b) => a[0] - b[0]);
    // A point is inside where an odd number of crossings lie strictly to its right.
    let next = 0;
    for (let c = 0; c < nx; c++) {
      const xc = x0 + (c + 0.5) * cell;
      while (next < crossings.length && crossings[next]![0] <= xc)
        mask ^= 1 << crossings[next++]![1];
      code[r * nx + c] = firstBit(mask);
    }
  }
  // Cells an edge's box meets are tested point by point: their centre speaks for no one else.
  for (let e = 0; e < n; e++) {
    const [xa, xb] = [xy[4 * e]!, xy[4 * e + 2]!];
    const [c0, c1] = [col(Math.min(xa, xb) - EPS), col(Math.max(xa, xb) + EPS)];
    for (let r = spans[2 * e]!; r <= spans[2 * e + 1]!; r++)
      for (let c = c0; c <= c1; c++) code[r * nx + c] = MIXED;
  }
  return { x0, y0, cell, nx, ny, code, rowStart, edges, edgeProvince };
}

/** The province (index into PROVINCES) a point lies in, or NO_PROVINCE. */
export function provinceOf(g: ProvinceGrid, lon: number, lat: number): number {
  const c = Math.floor((lon - g.x0) / g.cell);
  const r = Math.floor((lat - g.y0) / g.cell);
  if (!(c >= 0 && c < g.nx && r >= 0 && r < g.ny)) return NO_PROVINCE;
  const code = g.code[r * g.nx + c]!;
  if (code !== MIXED) return code;
  // Even-odd rule, all provinces at once: only edges spanning `lat` can cross the ray.
  const e = g.edges;
  let mask = 0;
  for (let at = g.rowStart[r]!; at < g.rowStart[r + 1]!; at++) {
    const ya = e[4 * at + 1]!;
    const yb = e[4 * at + 3]!;
    if (ya > lat === yb > lat) continue;
    const xa = e[4 * at]!;
    if (lon < xa + ((lat - ya) * (e[4 * at + 2]! - xa)) / (yb - ya))
      mask ^= 1 << g.edgeProvince[at]!;
  }
  return firstBit(mask);
}

/** Each event's province code (index into PROVINCES, or NO_PROVINCE): one pass, kept per dataset. */
export function provinceCodes(cols: EventColumns, g: ProvinceGrid): Uint8Array {
  const out = new Uint8Array(cols.n);
  const p = cols.positions;
  for (let i = 0; i < cols.n; i++) out[i] = provinceOf(g, p[2 * i]!, p[2 * i + 1]!);
  return out;
}
