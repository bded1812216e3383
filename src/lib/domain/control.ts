/**
 * Armed-group control at a date: which towns are held (control.csv), the area held around
 * them, and whether a point (a site, a place) lies in it and since when. The area is an
 * approximation drawn from towns, not a front line: no source maps one, so the app says so
 * wherever it shows the area. Pure functions over plain records. The areas themselves are
 * drawn by heldArea.ts, apart because its polygon clipping is loaded only when needed.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { FuzzyDate } from './dates.ts';
import { haversineKm, placeTarget, populationOf, type LatLon } from './impact.ts';
import type { ControlPeriod, Place } from './schema.ts';

/**
 * The ground around a held town counted as held: its built-up area and the first stretch of the
 * roads out of it, where a group that holds a town sets its checkpoints. Goma's built-up area
 * runs about 10 km from the lake shore; 12 km takes in its outskirts, not the next town (Sake
 * is 21 km away, and is listed on its own when a source says it was taken).
 */
export const TOWN_BUFFER_KM = 12;

/**
 * The core of a held town, kept in its area even where the country's outline cuts it off: that
 * outline (Natural Earth 1:10m) runs 0.3 km west of Goma's GeoNames point and puts the MONUSCO
 * base there 1.3 km outside the country. The loader allows points 5 km outside their province
 * for the same reason (locations.ts). Beyond the core, the area stops at the border.
 */
export const TOWN_CORE_KM = 5;

/**
 * Held towns of one group this close to one another (one to the next, in a chain) are read as
 * one held area: the convex hull of their buffers. The sources report M23's advances as the
 * roads between captured towns (Goma to Bukavu along Lake Kivu's west shore, Minova, Kalehe,
 * about 100 km as the crow flies); a town farther than this from every other held town is
 * drawn as its own small disc, since nothing says the ground in between is held.
 */
export const CLUSTER_KM = 110;

/** First and last day a town is held (Infinity while still held at the last source). */
export function controlSpan(p: Pick<ControlPeriod, 'from' | 'to'>): [number, number] {
  return [p.from.first, p.to?.last ?? Infinity];
}

/**
 * Every distinct set of towns held at some day, in date order: the sets change only on a day a
 * period begins or the day after one ends. What the held areas can be, so they can be worked
 * out ahead of a replay.
 */
export function heldSets(periods: readonly ControlPeriod[]): ControlPeriod[][] {
  const days = [
    ...new Set(
      periods.flatMap((p) => {
        const [a, b] = controlSpan(p);
        return Number.isFinite(b) ? [a, b + 1] : [a];
      }),
    ),
  ].sort((x, y) => x - y);
  const seen = new Set<string>();
  const out: ControlPeriod[][] = [];
  for (const d of days) {
    const held = heldOn(periods, d);
    const key = heldKey(held);
    if (held.length && !seen.has(key)) {
      seen.add(key);
      out.push(held);
    }
  }
  return out;
}

/** The towns held on the day, in the file's order. */
export function heldOn(periods: readonly ControlPeriod[], day: number): ControlPeriod[] {
  return periods.filter((p) => {
    const [a, b] = controlSpan(p);
    return a <= day && day <= b;
  });
}

/** The groups that hold a town at some date, each once, in the file's order (for the keys). */
export function groupsIn(periods: readonly Pick<ControlPeriod, 'group'>[]): string[] {
  return [...new Set(periods.map((p) => p.group))];
}

/** A key that changes exactly when the held area would: the held periods' ids. */
export function heldKey(held: readonly ControlPeriod[]): string {
  return held
    .map((p) => p.id)
    .sort()
    .join('|');
}

/** One held area: a group's towns that lie close together, and the ground drawn around them. */
export interface HeldArea {
  group: string;
  towns: ControlPeriod[];
  shape: Feature<Polygon | MultiPolygon>;
}

/** Groups the towns into chains of towns at most CLUSTER_KM apart, one group at a time. */
export function clusters(held: readonly ControlPeriod[]): ControlPeriod[][] {
  const parent = held.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < held.length; i++)
    for (let j = i + 1; j < held.length; j++)
      if (held[i]!.group === held[j]!.group && haversineKm(held[i]!, held[j]!) <= CLUSTER_KM)
        parent[root(j)] = root(i);
  const out = new Map<number, ControlPeriod[]>();
  held.forEach((p, i) => {
    const r = root(i);
    const list = out.get(r);
    if (list) list.push(p);
    else out.set(r, [p]);
  });
  return [...out.values()];
}

/** The convex hull of points (Andrew's monotone chain), as a closed ring, counter-clockwise. */
export function convexHull(points: readonly Position[]): Position[] {
  const p = [...points].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  const cross = (o: Position, a: Position, b: Position) =>
    (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const half = (list: Position[]) => {
    const h: Position[] = [];
    for (const q of list) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  const ring = [...half(p), ...half([...p].reverse())];
  return [...ring, ring[0]!];
}

/** A point in a held area: the group, and since when it has been held (see heldAt). */
export interface Held {
  group: string;
  since: FuzzyDate;
}

/**
 * Whether a point lies in a held area, and since when: the earliest `from` of the held towns
 * whose TOWN_BUFFER_KM disc covers it; a point between towns (in the hull only) takes the date
 * of the nearest held town of its area. Of two areas over the point, the one held longer.
 */
export function heldAt(point: LatLon, areas: readonly HeldArea[]): Held | null {
  let best: Held | null = null;
  for (const a of areas) {
    if (!booleanPointInPolygon([point.lon, point.lat], a.shape)) continue;
    const km = a.towns.map((t) => haversineKm(point, t));
    const near = a.towns.filter((_, i) => km[i]! <= TOWN_BUFFER_KM);
    const since = near.length
      ? near.reduce((x, t) => (t.from.first < x.first ? t.from : x), near[0]!.from)
      : a.towns[km.indexOf(Math.min(...km))]!.from;
    if (!best || since.first < best.since.first) best = { group: a.group, since };
  }
  return best;
}

/** The places in held areas, and their people (known populations summed, unknown counted). */
export function heldPlaces(
  places: readonly Place[],
  areas: readonly HeldArea[],
): { places: Place[]; population: ReturnType<typeof populationOf> } {
  const inside = areas.length ? places.filter((p) => heldAt(p, areas) !== null) : [];
  return {
    places: inside,
    population: populationOf(inside.map(placeTarget)),
  };
}
