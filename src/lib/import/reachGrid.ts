/**
 * The reach of the open sites as a grid, to ask of a million events whether any site covers
 * them. A cell lying wholly inside one site's reach answers "covered" for every point in it, a
 * cell no reach touches answers "not covered", and only a point in a cell a reach's edge crosses
 * is measured, against the sites touching that cell. The answers are those of impact.ts (a
 * point is covered when its haversine distance to a site is at most the site's km).
 * Longitudes are not wrapped: the mission lies far from the antimeridian.
 */
import type { Reacher } from '../domain/impact.ts';

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Km along a degree of a great circle: any move of d degrees in latitude, or in longitude at
 * any latitude, is at most d times this. */
const KM_PER_DEG = EARTH_KM * RAD;
/** Margin for rounding in the whole-cell tests (km): a borderline cell is measured point by point. */
const EPS_KM = 1e-6;
/** Cells in the grid at most: very wide reaches get coarser cells rather than more memory. */
const MAX_CELLS = 2_000_000;
/**
 * Cells along the smallest reach's radius. Finer cells leave fewer points to measure (a 25 km
 * reach: 24 % of nearby events in cells its edge crosses at 4 cells, 3 % at 16) but take longer
 * to build (1 ms against 16 ms for 100 sites); 12 keeps both small (tmp/eventCover-bench.ts).
 */
const CELLS_ACROSS = 12;

/** The great-circle distance in km, the same arithmetic as impact.ts's haversineKm. */
export function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Sites' reach bucketed by cell; see the module comment. */
export interface ReachGrid {
  reachers: readonly Reacher[];
  x0: number;
  y0: number;
  cell: number;
  nx: number;
  ny: number;
  /** Per cell (row-major): 0 no reach touches it, 1 wholly in a reach, 2 measure each point. */
  state: Uint8Array;
  /** The sites whose reach touches each cell: cell i holds list[start[i]]…list[start[i+1]]. */
  start: Uint32Array;
  list: Uint32Array;
  /** 1 where the listed site's reach holds the whole cell: no need to measure. */
  whole: Uint8Array;
}

const EMPTY: Omit<ReachGrid, 'reachers'> = {
  x0: 0,
  y0: 0,
  cell: 1,
  nx: 0,
  ny: 0,
  state: new Uint8Array(0),
  start: new Uint32Array(1),
  list: new Uint32Array(0),
  whole: new Uint8Array(0),
};

/** A reach's latitude and longitude half-spans in degrees: the spherical cap's bounding box. */
function capBox(r: Reacher): [dLat: number, dLon: number] {
  const delta = r.km / EARTH_KM;
  const dLat = delta / RAD;
  const phi = r.lat * RAD;
  // A cap that reaches a pole spans every longitude.
  if (Math.abs(phi) + delta >= Math.PI / 2) return [dLat, 180];
  return [dLat, Math.asin(Math.min(1, Math.sin(delta) / Math.cos(phi))) / RAD];
}

/** Builds the grid for a set of sites: about 10 ms for a hundred. */
export function reachGrid(reachers: readonly Reacher[]): ReachGrid {
  const live = reachers.filter((r) => r.km > 0);
  if (!live.length) return { reachers, ...EMPTY };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  let minKm = Infinity;
  const boxes = live.map((r) => {
    const [dLat, dLon] = capBox(r);
    x0 = Math.min(x0, r.lon - dLon);
    x1 = Math.max(x1, r.lon + dLon);
    y0 = Math.min(y0, r.lat - dLat);
    y1 = Math.max(y1, r.lat + dLat);
    minKm = Math.min(minKm, r.km);
    return [dLat, dLon] as const;
  });
  // CELLS_ACROSS cells along the smallest reach; coarser when the area would need too many.
  let cell = Math.max(0.005, minKm / KM_PER_DEG / CELLS_ACROSS);
  const area = (x1 - x0 + 2) * (y1 - y0 + 2);
  if (area / cell ** 2 > MAX_CELLS) cell = Math.sqrt(area / MAX_CELLS);
  x0 -= cell;
  y0 -= cell;
  const nx = Math.ceil((x1 - x0) / cell) + 2;
  const ny = Math.ceil((y1 - y0) / cell) + 2;
  // Farther than this from a cell's centre no point of the cell lies: half a cell along the
  // meridian, then half a cell along the parallel, each at most half a cell of a great circle.
  const reachOfCell = cell * KM_PER_DEG * (1 + 1e-9);
  const state = new Uint8Array(nx * ny);
  const pairs: number[] = [];
  live.forEach((r, i) => {
    const [dLat, dLon] = boxes[i]!;
    const index = reachers.indexOf(r);
    const c0 = Math.max(0, Math.floor((r.lon - dLon - x0) / cell) - 1);
    const c1 = Math.min(nx - 1, Math.floor((r.lon + dLon - x0) / cell) + 1);
    const r0 = Math.max(0, Math.floor((r.lat - dLat - y0) / cell) - 1);
    const r1 = Math.min(ny - 1, Math.floor((r.lat + dLat - y0) / cell) + 1);
    for (let y = r0; y <= r1; y++)
      for (let x = c0; x <= c1; x++) {
        const km = kmBetween(y0 + (y + 0.5) * cell, x0 + (x + 0.5) * cell, r.lat, r.lon);
        if (km - reachOfCell > r.km + EPS_KM) continue;
        const at = y * nx + x;
        const whole = km + reachOfCell <= r.km - EPS_KM;
        if (whole) state[at] = 1;
        else if (state[at] === 0) state[at] = 2;
        pairs.push(at, index, whole ? 1 : 0);
      }
  });
  // Pairs to lists by cell (a counting sort).
  const start = new Uint32Array(nx * ny + 1);
  for (let p = 0; p < pairs.length; p += 3) start[pairs[p]! + 1]!++;
  for (let i = 0; i < nx * ny; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nx * ny);
  const list = new Uint32Array(pairs.length / 3);
  const whole = new Uint8Array(pairs.length / 3);
  for (let p = 0; p < pairs.length; p += 3) {
    const j = fill[pairs[p]!]!++;
    list[j] = pairs[p + 1]!;
    whole[j] = pairs[p + 2]!;
  }
  return { reachers, x0, y0, cell, nx, ny, state, start, list, whole };
}

/** Whether any site's reach includes the point. */
export function isCovered(g: ReachGrid, lon: number, lat: number): boolean {
  return coverTest(g)(lon, lat);
}

/**
 * `isCovered` for one grid, with its fields held in the closure: the form the hot loops call
 * (a million events each step), where field loads and divisions add up.
 */
export function coverTest(g: ReachGrid): (lon: number, lat: number) => boolean {
  const { x0, y0, nx, ny, state, start, list, reachers } = g;
  const inv = 1 / g.cell;
  const lats = Float64Array.from(reachers, (r) => r.lat);
  const lons = Float64Array.from(reachers, (r) => r.lon);
  const kms = Float64Array.from(reachers, (r) => r.km);
  return (lon, lat) => {
    const c = Math.floor((lon - x0) * inv);
    const r = Math.floor((lat - y0) * inv);
    if (c < 0 || c >= nx || r < 0 || r >= ny) return false;
    const at = r * nx + c;
    const s = state[at]!;
    if (s !== 2) return s === 1;
    for (let j = start[at]!; j < start[at + 1]!; j++) {
      const k = list[j]!;
      if (kmBetween(lat, lon, lats[k]!, lons[k]!) <= kms[k]!) return true;
    }
    return false;
  };
}

/** The indices (into `reachers`) of the sites whose reach includes the point, in list order. */
export function coveringSites(g: ReachGrid, lon: number, lat: number): number[] {
  const out = new Uint32Array(g.reachers.length);
  return [...out.subarray(0, sitesTest(g)(lon, lat, out))];
}

/**
 * `coveringSites` for one grid, for hot loops: writes the indices into `out` (as long as the
 * sites) and returns how many, so that no array is made per event.
 */
export function sitesTest(g: ReachGrid): (lon: number, lat: number, out: Uint32Array) => number {
  const { x0, y0, nx, ny, start, list, whole, reachers } = g;
  const inv = 1 / g.cell;
  return (lon, lat, out) => {
    const c = Math.floor((lon - x0) * inv);
    const r = Math.floor((lat - y0) * inv);
    if (c < 0 || c >= nx || r < 0 || r >= ny) return 0;
    const at = r * nx + c;
    let n = 0;
    for (let j = start[at]!; j < start[at + 1]!; j++) {
      const s = reachers[list[j]!]!;
      if (whole[j] === 1 || kmBetween(lat, lon, s.lat, s.lon) <= s.km) out[n++] = list[j]!;
    }
    return n;
  };
}
