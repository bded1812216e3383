/**
 * "Suggest hotspots": candidate hotspot areas drawn from the events of a window, which a user
 * may accept into a scenario as hotspots.csv rows.
 *
 * Method: dense hexagons, joined with their touching neighbours. A hexagon (25 km across by
 * default) is dense when it holds at least `factor` times as many events as the median
 * non-empty hexagon of the window, and at least `minBin` events; dense hexagons that share a
 * side form one area, and an area with fewer than `minEvents` events is dropped. We chose it
 * over DBSCAN or k-means because each step can be told to an analyst in one sentence and
 * checked on the hexagon layer they already see: the suggested area is exactly the dense
 * hexagons drawn there. The median adapts the threshold to the window (a month or ten years)
 * and, unlike the mean, is not pulled up by the very hotspots it is meant to find; uniform
 * background activity yields no candidate. The cost of a relative threshold: a file whose
 * events all lie in a few hexagons has no background to stand out from, and gives nothing
 * until `factor` is lowered (to 1, every hexagon at or above the median).
 */
import { isoOfDay } from '../domain/dates.ts';
import { haversineKm } from '../domain/impact.ts';
import type { Place } from '../domain/schema.ts';
import {
  asHotspotRow,
  newHotspotId,
  withNamedGroup,
  type HotspotRow,
} from '../domain/userScenario.ts';
import { filterMasks, passesMasks, type EventFilter } from './eventWindow.ts';
import { aggregate, binNeighbours, type BinMeasure } from './hexbin.ts';
import type { EventColumns } from './types.ts';

/** How dense a hexagon must be, how big an area, and how many to return. */
export interface SuggestOptions {
  /** What makes a hexagon dense: its events or its fatalities. */
  by: BinMeasure;
  /** Times the median non-empty hexagon's value a hexagon needs to be dense. */
  factor: number;
  /** The least value a dense hexagon holds, whatever the median. */
  minBin: number;
  /** The least events an area holds to be suggested. */
  minEvents: number;
  /** Share of an area's events its radius covers (0–1). */
  coverage: number;
  /** Most candidates returned. */
  max: number;
}

/** The defaults; see the module comment for why. */
export const SUGGEST_DEFAULTS: SuggestOptions = {
  by: 'count',
  factor: 5,
  minBin: 3,
  minEvents: 10,
  coverage: 0.9,
  max: 20,
};

/** A first actor and how many of the area's events it led. */
export interface ActorCount {
  /** Index into `EventColumns.actors`. */
  actor: number;
  /** The actor as the source wrote it. */
  name: string;
  events: number;
}

/** A suggested hotspot: where, how big, what happened there and who. */
export interface HotspotCandidate {
  /** Mean position of the area's events, [lon, lat]. */
  center: [lon: number, lat: number];
  /** Km from the centre within which `coverage` of the events lie. */
  radiusKm: number;
  /** The share of events the radius covers (SuggestOptions.coverage). */
  coverage: number;
  events: number;
  /** Summed fatalities; unknown figures count as 0. */
  fatalities: number;
  /** Events without a fatality figure. */
  unknownFatalities: number;
  firstDay: number;
  lastDay: number;
  /** The most frequent first actors, at most 3, most events first. */
  topActors: ActorCount[];
  /** The area's hexagons, ascending ids. */
  bins: Int32Array;
}

/** Accumulators of one area while its events are read. */
interface Area {
  bins: number[];
  events: number;
  fatalities: number;
  unknown: number;
  first: number;
  last: number;
  sumLon: number;
  sumLat: number;
  actors: Map<number, number>;
  dist: Float64Array;
  filled: number;
}

const RAD = Math.PI / 180;

/** The 0-based index of the nearest-rank `p` quantile among `n` values. */
const rank = (n: number, p: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));

/**
 * The k-th smallest value (0-based) by quickselect, reordering `a`: linear on average where a
 * sort of half a million distances took 55 ms.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and whatever lies between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The nearest-rank `p` quantile of the values (0 when there are none); reorders them. */
function quantile(values: Float64Array, p: number): number {
  return values.length ? select(values, rank(values.length, p)) : 0;
}

/**
 * Candidate hotspots among the events in [lo, hi) that pass the filter, `bins` being their
 * `binIndex`. Ordered by fatalities, then events, then lowest hexagon id.
 */
export function suggestHotspots(
  cols: EventColumns,
  bins: Int32Array,
  lo: number,
  hi: number,
  filter: EventFilter,
  options: Partial<SuggestOptions> = {},
): HotspotCandidate[] {
  const o = { ...SUGGEST_DEFAULTS, ...options };
  const agg = aggregate(cols, bins, lo, hi, filter, o.by);
  const median = quantile(agg.values.slice(), 0.5);
  const threshold = Math.max(o.minBin, o.factor * median);
  const dense = new Set<number>();
  for (let k = 0; k < agg.ids.length; k++) if (agg.values[k]! >= threshold) dense.add(agg.ids[k]!);

  // Areas: connected groups of dense hexagons, walked from the lowest id for a stable order.
  const areaOf = new Map<number, number>();
  const areas: Area[] = [];
  for (const start of [...dense].sort((a, b) => a - b)) {
    if (areaOf.has(start)) continue;
    const index = areas.length;
    const members: number[] = [];
    const stack = [start];
    areaOf.set(start, index);
    while (stack.length) {
      const id = stack.pop()!;
      members.push(id);
      for (const n of binNeighbours(id))
        if (dense.has(n) && !areaOf.has(n)) {
          areaOf.set(n, index);
          stack.push(n);
        }
    }
    areas.push({
      bins: members.sort((a, b) => a - b),
      events: 0,
      fatalities: 0,
      unknown: 0,
      first: Infinity,
      last: -Infinity,
      sumLon: 0,
      sumLat: 0,
      actors: new Map(),
      dist: new Float64Array(0),
      filled: 0,
    });
  }
  if (!areas.length) return [];

  const m = filterMasks(cols, filter);
  const pos = cols.positions;
  // Each event's area (−1: none), so the second pass needs no filter test or lookup.
  const areaIndex = new Int32Array(hi - lo).fill(-1);
  for (let i = lo; i < hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    const a = areaOf.get(bins[i]!);
    if (a === undefined) continue;
    areaIndex[i - lo] = a;
    const area = areas[a]!;
    area.events++;
    const f = cols.fatalities[i]!;
    if (f < 0) area.unknown++;
    else area.fatalities += f;
    const day = cols.day[i]!;
    if (day < area.first) area.first = day;
    if (day > area.last) area.last = day;
    area.sumLon += pos[2 * i]!;
    area.sumLat += pos[2 * i + 1]!;
    const actor = cols.actor[i]!;
    area.actors.set(actor, (area.actors.get(actor) ?? 0) + 1);
  }

  const kept = areas.filter((a) => a.events >= o.minEvents);
  if (!kept.length) return [];
  for (const a of kept) a.dist = new Float64Array(a.events);
  // A second pass for the distances, now that the centres are known. Locally equirectangular
  // at the centre's latitude: within 0.1 % of the great-circle distance over a few hundred km.
  const lon0 = areas.map((a) => a.sumLon / a.events);
  const lat0 = areas.map((a) => a.sumLat / a.events);
  const kx = lat0.map((lat) => Math.cos(lat * RAD) * 111.32);
  for (let i = lo; i < hi; i++) {
    const a = areaIndex[i - lo]!;
    if (a < 0) continue;
    const area = areas[a]!;
    if (area.events < o.minEvents) continue;
    const dx = (pos[2 * i]! - lon0[a]!) * kx[a]!;
    const dy = (pos[2 * i + 1]! - lat0[a]!) * 110.57;
    area.dist[area.filled++] = Math.sqrt(dx * dx + dy * dy);
  }

  return kept
    .map((a) => toCandidate(a, cols.actors, o.coverage))
    .sort((x, y) => y.fatalities - x.fatalities || y.events - x.events || x.bins[0]! - y.bins[0]!)
    .slice(0, o.max);
}

function toCandidate(a: Area, names: string[], coverage: number): HotspotCandidate {
  const topActors = [...a.actors]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, 3)
    .map(([actor, events]) => ({ actor, name: names[actor] ?? '', events }));
  return {
    center: [a.sumLon / a.events, a.sumLat / a.events],
    radiusKm: quantile(a.dist, coverage),
    coverage,
    events: a.events,
    fatalities: a.fatalities,
    unknownFatalities: a.unknown,
    firstDay: a.first,
    lastDay: a.last,
    topActors,
    bins: Int32Array.from(a.bins),
  };
}

/** What a candidate's row says about where it came from. */
export interface HotspotRowContext {
  /** The imported file's name, as the user chose it. */
  fileName: string;
  /** The window the candidate was drawn from (windowFirst is −Infinity for 'all'). */
  windowFirst: number;
  windowLast: number;
  /** The new hotspot's id (lowercase letters, digits and hyphens). */
  id: string;
  /** ISO 3166-2 code of the province holding the centre, if the caller looked it up. */
  province?: string;
  /** The area's name, if the user gave one; the id stands in otherwise. */
  label?: string;
}

/**
 * The first actor that led most of the candidate's events, or null: the group its row names. A
 * plurality among many would put one group's name on others' violence.
 */
export function leadingActor(c: HotspotCandidate): ActorCount | null {
  const top = c.topActors[0];
  return top && top.name && top.events > c.events / 2 ? top : null;
}

/** The place nearest a point within `km` of it, and how far it is; null when none is. */
export function nearestPlace(
  places: readonly Pick<Place, 'name' | 'lat' | 'lon'>[],
  lon: number,
  lat: number,
  km: number,
): { name: string; km: number } | null {
  let best: { name: string; km: number } | null = null;
  for (const p of places) {
    const d = haversineKm({ lat, lon }, p);
    if (d <= km && (!best || d < best.km)) best = { name: p.name, km: d };
  }
  return best;
}

/** Rounds to `d` decimals without trailing zeros. */
const fixed = (x: number, d: number) => String(Number(x.toFixed(d)));

/** The hotspots.csv row (data-format.md) of an accepted candidate; confidence low, not rated. */
export function candidateToHotspotRow(
  c: HotspotCandidate,
  ctx: HotspotRowContext,
): Record<string, string> {
  const group = leadingActor(c)?.name ?? '';
  const from = isoOfDay(c.firstDay);
  const to = isoOfDay(c.lastDay);
  const window = Number.isFinite(ctx.windowFirst)
    ? `${isoOfDay(ctx.windowFirst)} to ${isoOfDay(ctx.windowLast)}`
    : `up to ${isoOfDay(ctx.windowLast)}`;
  const unknown = c.unknownFatalities ? `, ${c.unknownFatalities} without a figure` : '';
  const actors = c.topActors.map((a) => `${a.name || '(none)'} (${a.events})`).join('; ');
  return {
    id: ctx.id,
    group,
    label: ctx.label ?? ctx.id,
    province_iso: ctx.province ?? '',
    lat: fixed(c.center[1], 5),
    lon: fixed(c.center[0], 5),
    // The loader's least radius is 0.1 km (events all at one point have a radius of 0).
    radius_km: fixed(Math.max(0.1, c.radiusKm), 1),
    from,
    from_precision: 'day',
    to,
    to_precision: 'day',
    intensity: '',
    intensity_basis: `Not rated: ${c.events} events with ${c.fatalities} fatalities${unknown} from ${from} to ${to} in the imported file; no source was read to rate it`,
    source: `Suggested from the imported file ${ctx.fileName}, window ${window}`,
    confidence: 'low',
    notes: `Centre: mean position of the events; radius: ${Math.round(100 * c.coverage)}% of them lie within it. First actors: ${actors}. From and to are the first and last event in the window.`,
  };
}

/** What the user gave an accepted candidate, and the hotspot ids already in use. */
export interface AcceptedContext extends Omit<HotspotRowContext, 'id' | 'label'> {
  /** The area's name as typed (trimmed in the row). */
  label: string;
  /** The armed group as typed, kept only when no first actor led most events. */
  group: string;
  /** Ids of the scenario's hotspots, which the new one must not take. */
  taken: Iterable<string>;
}

/** The hotspots.csv row added for an accepted candidate: a fresh id, the user's names. */
export function acceptedHotspotRow(c: HotspotCandidate, ctx: AcceptedContext): HotspotRow {
  const { label, group, taken, ...where } = ctx;
  return withNamedGroup(
    asHotspotRow(
      candidateToHotspotRow(c, { ...where, id: newHotspotId(label, taken), label: label.trim() }),
    ),
    group,
  );
}
