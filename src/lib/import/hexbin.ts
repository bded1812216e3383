/**
 * Hexagon aggregation of imported events, ours rather than deck.gl's HexagonLayer: the time
 * window moves on every timeline step, so a million events must be re-aggregated in a few
 * milliseconds on the main thread with the same filters as the points, and the bins' numbers
 * feed the analysis (suggested hotspots) as well as the map. Each event's bin is computed once
 * per dataset (`binIndex`); a window is then one pass over an index range (`aggregate`).
 *
 * Geometry: pointy-top hexagons on a local equirectangular plane, x = lon·cos(φ0)·111.32 km,
 * y = lat·110.57 km, with φ0 = −4°, the DRC's mid-latitude (it spans about 5°N to 13.5°S).
 * The plane's east–west scale is true at ±4° and off by cos φ / cos φ0 elsewhere, so a
 * hexagon's ground area is 2.3 % smaller than nominal at −13° (Haut-Katanga), 0.14 % smaller
 * at +5° (the northern border) and at most 0.24 % larger (at the equator); its shape is
 * stretched east–west by as much. The meridian degree varies by under 0.1 % over the same
 * span. Both are small beside the bins' purpose, a 25 km grid of event counts; and the map and
 * the numbers use the same plane, so what is drawn is what is counted.
 */
import { filterMasks, passesMasks, type EventFilter } from './eventWindow.ts';
import type { EventColumns } from './types.ts';

const RAD = Math.PI / 180;
/** The projection's reference latitude (degrees). */
export const HEX_LAT0 = -4;
const KM_PER_DEG_X = Math.cos(HEX_LAT0 * RAD) * 111.32;
const KM_PER_DEG_Y = 110.57;
const SQRT3 = Math.sqrt(3);

/**
 * Default hexagon radius (centre to corner), in km: 25 km between opposite sides, so
 * neighbouring bins' centres are 25 km apart.
 */
export const DEFAULT_HEX_KM = 25 / SQRT3;

/**
 * Smallest radius accepted: ids hold the axial coordinates in 16 bits each, enough for the
 * whole globe from 1 km up.
 */
export const MIN_HEX_KM = 1;

/** What a window's bins hold: events, or summed fatalities (an unknown figure counts as 0). */
export type BinMeasure = 'count' | 'fatalities';

/** Bins holding at least one event that passes the filter, with their value and the largest. */
export interface BinValues {
  ids: Int32Array;
  values: Float64Array;
  max: number;
}

function checkSize(sizeKm: number): void {
  // A programming error, never shown to a user: the UI offers fixed sizes.
  if (!(sizeKm >= MIN_HEX_KM)) throw new RangeError(`hexagon radius ${sizeKm} km < ${MIN_HEX_KM}`);
}

/** The id of axial coordinates (q, r): q in the high 16 bits, r in the low, both signed. */
export function hexId(q: number, r: number): number {
  return (q << 16) | (r & 0xffff);
}

/** The axial coordinates [q, r] of an id. */
export function hexAxial(id: number): [q: number, r: number] {
  return [id >> 16, (id << 16) >> 16];
}

/** The id of the bin holding a point. */
export function binOf(lon: number, lat: number, sizeKm: number): number {
  checkSize(sizeKm);
  return binOfUnchecked(lon * KM_PER_DEG_X, lat * KM_PER_DEG_Y, 1 / sizeKm);
}

/** Axial hexagon of a plane point, by rounding its cube coordinates (x + y + z = 0). */
function binOfUnchecked(x: number, y: number, inv: number): number {
  const fq = ((SQRT3 / 3) * x - y / 3) * inv;
  const fr = (2 / 3) * y * inv;
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  // The coordinate that moved most in rounding is rebuilt from the other two.
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return (q << 16) | (r & 0xffff);
}

/** A bin id for every event, computed once per dataset and hexagon size. */
export function binIndex(cols: EventColumns, sizeKm: number): Int32Array {
  checkSize(sizeKm);
  const inv = 1 / sizeKm;
  const pos = cols.positions;
  const out = new Int32Array(cols.n);
  for (let i = 0; i < cols.n; i++)
    out[i] = binOfUnchecked(pos[2 * i]! * KM_PER_DEG_X, pos[2 * i + 1]! * KM_PER_DEG_Y, inv);
  return out;
}

/** The centre of a bin, [lon, lat]. */
export function binCenter(id: number, sizeKm: number): [lon: number, lat: number] {
  const [q, r] = hexAxial(id);
  const x = sizeKm * SQRT3 * (q + r / 2);
  const y = sizeKm * 1.5 * r;
  return [x / KM_PER_DEG_X, y / KM_PER_DEG_Y];
}

/** A bin's outline, [lon, lat]: six corners counter-clockwise, then the first again. */
export function binPolygon(id: number, sizeKm: number): [lon: number, lat: number][] {
  const [lon, lat] = binCenter(id, sizeKm);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 6; k++) {
    // Pointy-top: corners at −30°, 30°, 90° (north)…; k = 6 closes the ring exactly.
    const a = ((60 * (k % 6) - 30) * Math.PI) / 180;
    ring.push([
      lon + (sizeKm * Math.cos(a)) / KM_PER_DEG_X,
      lat + (sizeKm * Math.sin(a)) / KM_PER_DEG_Y,
    ]);
  }
  return ring;
}

/** The ids of a bin's six neighbours. */
export function binNeighbours(id: number): number[] {
  const [q, r] = hexAxial(id);
  return [
    hexId(q + 1, r),
    hexId(q + 1, r - 1),
    hexId(q, r - 1),
    hexId(q - 1, r),
    hexId(q - 1, r + 1),
    hexId(q, r + 1),
  ];
}

/**
 * An open-addressing table from bin id to a slot, reused across calls: a generation stamp marks
 * the live slots, so a new window costs no clearing and no allocation per event.
 */
class BinTable {
  private keys = new Int32Array(0);
  private stamp = new Uint32Array(0);
  private slot = new Int32Array(0);
  private gen = 0;
  private mask = 0;
  private shift = 32;
  /** Ids in order of first sight, and their accumulated values. */
  ids = new Int32Array(0);
  values = new Float64Array(0);
  size = 0;

  /** Empties the table, sized for up to `n` distinct ids. */
  reset(n: number): void {
    let cap = 1024;
    while (cap < 2 * n) cap *= 2;
    if (cap > this.keys.length) {
      this.keys = new Int32Array(cap);
      this.stamp = new Uint32Array(cap);
      this.slot = new Int32Array(cap);
      this.gen = 0;
    }
    if (n > this.ids.length) {
      this.ids = new Int32Array(n);
      this.values = new Float64Array(n);
    }
    this.mask = this.keys.length - 1;
    this.shift = 32 - Math.log2(this.keys.length);
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.size = 0;
  }

  /** The dense index of `id`, added with value 0 if new. */
  index(id: number): number {
    const keys = this.keys;
    const stamp = this.stamp;
    const gen = this.gen;
    // Fibonacci hashing keeps the product's high bits: the low ones would see r alone.
    let h = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      if (stamp[h] !== gen) {
        stamp[h] = gen;
        keys[h] = id;
        const k = this.size++;
        this.slot[h] = k;
        this.ids[k] = id;
        this.values[k] = 0;
        return k;
      }
      if (keys[h] === id) return this.slot[h]!;
      h = (h + 1) & this.mask;
    }
  }
}

const TABLE = new BinTable();

/**
 * Per-bin totals of the events in [lo, hi) that pass the filter; only bins holding such an
 * event (so a bin of events without deaths has value 0 by fatalities). Ids come in the order of
 * their first event in the range.
 */
export function aggregate(
  cols: EventColumns,
  bins: Int32Array,
  lo: number,
  hi: number,
  filter: EventFilter,
  by: BinMeasure,
): BinValues {
  const t = TABLE;
  // Distinct bins never outnumber events; a 25 km grid over the DRC has ~4,000 cells at most.
  t.reset(Math.min(hi - lo, 65_536));
  const m = filterMasks(cols, filter);
  const fat = cols.fatalities;
  const counting = by === 'count';
  for (let i = lo; i < hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    if (t.size === t.ids.length) grow(t);
    const k = t.index(bins[i]!);
    if (counting) t.values[k]! += 1;
    else t.values[k]! += Math.max(0, fat[i]!);
  }
  const ids = t.ids.slice(0, t.size);
  const values = t.values.slice(0, t.size);
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  return { ids, values, max };
}

/** Doubles a full table, keeping its entries (only with more distinct bins than expected). */
function grow(t: BinTable): void {
  const ids = t.ids.slice(0, t.size);
  const values = t.values.slice(0, t.size);
  t.reset(2 * t.size);
  for (let k = 0; k < ids.length; k++) t.values[t.index(ids[k]!)] = values[k]!;
}
