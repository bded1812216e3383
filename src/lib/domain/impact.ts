/**
 * Closure impact: which hotspots and places lie within reach of a site open at a date, which
 * lose that cover between two dates or if one site closes, and the nearest remaining site.
 * Pure functions over plain records; distances are great-circle (haversine) kilometres.
 */
import type { Hotspot, Place, Site, SiteKind } from './schema.ts';
import type { Radii } from './reach.ts';
import { hotspotActiveAt, siteOpenAt, siteSpan } from './timeline.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** A site that protects: open, located, with a reach over 0 km. */
export interface Reacher extends LatLon {
  id: string;
  name: string;
  kind: SiteKind;
  km: number;
}

/** Something that can be covered: an active hotspot's centre or a place. */
export interface Target extends LatLon {
  /** Unique across kinds: "hotspot:<id>" or "place:<name>|<province>". */
  key: string;
  kind: 'hotspot' | 'place';
  name: string;
  province_iso: string;
  /** The armed group, for hotspots. */
  group: string | null;
  population: number | null;
  population_year: number | null;
  source: string;
}

export interface Nearest {
  site: Reacher;
  km: number;
}

export interface Cover {
  target: Target;
  /** Sites whose reach includes the target, nearest first. */
  by: Reacher[];
  /** The nearest protecting site, covering or not (null: none open anywhere). */
  nearest: Nearest | null;
}

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Km per degree of latitude, a lower bound (the meridian degree is 110.57–111.69 km). */
const KM_PER_DEG_LAT = 110.57;
const kmPerDegLon = (lat: number) => 111.32 * Math.max(0.05, Math.cos(lat * RAD));

/**
 * Sites bucketed in a grid of `cell`-degree squares, so that a reach or nearest query looks
 * at nearby cells only: 10,000 places × 1,000 sites stays well under the 200 ms budget.
 */
export class SiteGrid {
  private readonly cells = new Map<string, Reacher[]>();
  private readonly maxKm: number;
  /** The sites' largest |latitude|, plus a cell. */
  private readonly maxLat: number;
  private readonly bounds: [number, number, number, number];

  constructor(
    readonly sites: Reacher[],
    private readonly cell = 0.5,
  ) {
    let maxKm = 0;
    let maxLat = 0;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of sites) {
      const [x, y] = this.cellOf(s);
      const k = `${x},${y}`;
      const list = this.cells.get(k);
      if (list) list.push(s);
      else this.cells.set(k, [s]);
      maxKm = Math.max(maxKm, s.km);
      maxLat = Math.max(maxLat, Math.abs(s.lat) + cell);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
    this.maxKm = maxKm;
    this.maxLat = maxLat;
    this.bounds = [x0, y0, x1, y1];
  }

  private cellOf(p: LatLon): [number, number] {
    return [Math.floor(p.lon / this.cell), Math.floor(p.lat / this.cell)];
  }

  private *cellsIn(x0: number, y0: number, x1: number, y1: number): Generator<Reacher> {
    const [bx0, by0, bx1, by1] = this.bounds;
    for (let y = Math.max(y0, by0); y <= Math.min(y1, by1); y++)
      for (let x = Math.max(x0, bx0); x <= Math.min(x1, bx1); x++) {
        const list = this.cells.get(`${x},${y}`);
        if (list) yield* list;
      }
  }

  /** Sites whose reach includes the point, nearest first. */
  covering(p: LatLon): Reacher[] {
    if (!this.sites.length) return [];
    const dLat = this.maxKm / KM_PER_DEG_LAT;
    const dLon = this.maxKm / kmPerDegLon(Math.min(89, Math.abs(p.lat) + dLat));
    const [x0, y0] = this.cellOf({ lat: p.lat - dLat, lon: p.lon - dLon });
    const [x1, y1] = this.cellOf({ lat: p.lat + dLat, lon: p.lon + dLon });
    const hits: [Reacher, number][] = [];
    for (const s of this.cellsIn(x0, y0, x1, y1)) {
      const km = haversineKm(p, s);
      if (km <= s.km) hits.push([s, km]);
    }
    return hits.sort((a, b) => a[1] - b[1] || a[0].id.localeCompare(b[0].id)).map((h) => h[0]);
  }

  /** The nearest site not in `exclude`, searching outwards ring by ring. */
  nearest(p: LatLon, exclude?: ReadonlySet<string>): Nearest | null {
    if (!this.sites.length) return null;
    const [cx, cy] = this.cellOf(p);
    const [bx0, by0, bx1, by1] = this.bounds;
    const maxRing = Math.max(cx - bx0, bx1 - cx, cy - by0, by1 - cy, 0);
    // A site in ring r is at least r - 1 whole cells away; a cell is at least this wide
    // (longitude degrees shrink towards the poles, so take the highest latitude involved).
    const cellKm =
      this.cell *
      Math.min(KM_PER_DEG_LAT, kmPerDegLon(Math.min(89, Math.max(this.maxLat, Math.abs(p.lat)))));
    let best: Nearest | null = null;
    for (let r = 0; r <= maxRing; r++) {
      if (best && (r - 1) * cellKm > best.km) break;
      for (const s of this.ring(cx, cy, r)) {
        if (exclude?.has(s.id)) continue;
        const km = haversineKm(p, s);
        if (!best || km < best.km || (km === best.km && s.id < best.site.id))
          best = { site: s, km };
      }
    }
    return best;
  }

  private *ring(cx: number, cy: number, r: number): Generator<Reacher> {
    if (r === 0) {
      yield* this.cellsIn(cx, cy, cx, cy);
      return;
    }
    yield* this.cellsIn(cx - r, cy - r, cx + r, cy - r);
    yield* this.cellsIn(cx - r, cy + r, cx + r, cy + r);
    yield* this.cellsIn(cx - r, cy - r + 1, cx - r, cy + r - 1);
    yield* this.cellsIn(cx + r, cy - r + 1, cx + r, cy + r - 1);
  }
}

/** The protecting sites on the day: open, located, with a reach over 0 km for their kind. */
export function reachersAt(sites: Site[], day: number, radii: Radii): Reacher[] {
  const out: Reacher[] = [];
  for (const s of sites) {
    const km = radii[s.kind];
    if (km > 0 && s.lat !== null && s.lon !== null && siteOpenAt(s, day))
      out.push({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon, km });
  }
  return out;
}

export function hotspotTarget(h: Hotspot & LatLon): Target {
  return {
    key: `hotspot:${h.id}`,
    kind: 'hotspot',
    name: h.label,
    province_iso: h.province_iso,
    group: h.group,
    lat: h.lat,
    lon: h.lon,
    population: null,
    population_year: null,
    source: h.source,
  };
}

export function placeTarget(p: Place): Target {
  return {
    key: `place:${p.name}|${p.province_iso}`,
    kind: 'place',
    name: p.name,
    province_iso: p.province_iso,
    group: null,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    population_year: p.population_year,
    source: p.source,
  };
}

const located = (h: Hotspot): h is Hotspot & LatLon => h.lat !== null && h.lon !== null;

/** Hotspots active on the day (with a centre) and every place. */
export function targetsAt(data: { hotspots: Hotspot[]; places: Place[] }, day: number): Target[] {
  return [
    ...data.hotspots
      .filter((h) => located(h) && hotspotActiveAt(h, day))
      .map((h) => hotspotTarget(h as Hotspot & LatLon)),
    ...data.places.map(placeTarget),
  ];
}

/** Cover of each target by the sites; `nearest` is looked up for uncovered targets only. */
export function coverOf(targets: Target[], grid: SiteGrid): Cover[] {
  return targets.map((target) => {
    const by = grid.covering(target);
    const nearest = by.length
      ? { site: by[0]!, km: haversineKm(target, by[0]!) }
      : grid.nearest(target);
    return { target, by, nearest };
  });
}

export interface ProvinceImpact {
  province_iso: string;
  hotspots: number;
  hotspotsUncovered: number;
  places: number;
  placesUncovered: number;
  /** Summed population of uncovered places whose population is known. */
  population: number;
  /** Uncovered places with no population figure. */
  populationUnknown: number;
}

export interface Impact {
  day: number;
  sites: number;
  covers: Cover[];
  uncovered: Cover[];
  byGroup: { group: string; total: number; uncovered: number }[];
  byProvince: ProvinceImpact[];
  population: { total: number; unknown: number; years: (number | null)[] };
}

export interface ImpactData {
  sites: Site[];
  hotspots: Hotspot[];
  places: Place[];
}

/** Everything the impact panel shows at a day. */
export function impactAt(data: ImpactData, day: number, radii: Radii): Impact {
  const reachers = reachersAt(data.sites, day, radii);
  const covers = coverOf(targetsAt(data, day), new SiteGrid(reachers));
  const uncovered = covers.filter((c) => c.by.length === 0);
  const groups = new Map<string, { group: string; total: number; uncovered: number }>();
  const provinces = new Map<string, ProvinceImpact>();
  for (const c of covers) {
    const t = c.target;
    const open = c.by.length === 0 ? 1 : 0;
    const p =
      provinces.get(t.province_iso) ??
      provinces
        .set(t.province_iso, {
          province_iso: t.province_iso,
          hotspots: 0,
          hotspotsUncovered: 0,
          places: 0,
          placesUncovered: 0,
          population: 0,
          populationUnknown: 0,
        })
        .get(t.province_iso)!;
    if (t.kind === 'hotspot') {
      const g =
        groups.get(t.group!) ??
        groups.set(t.group!, { group: t.group!, total: 0, uncovered: 0 }).get(t.group!)!;
      g.total++;
      g.uncovered += open;
      p.hotspots++;
      p.hotspotsUncovered += open;
    } else {
      p.places++;
      p.placesUncovered += open;
      if (open && t.population !== null) p.population += t.population;
      if (open && t.population === null) p.populationUnknown++;
    }
  }
  const uncoveredPlaces = uncovered.filter((c) => c.target.kind === 'place');
  return {
    day,
    sites: reachers.length,
    covers,
    uncovered,
    byGroup: [...groups.values()].sort(
      (a, b) => b.uncovered - a.uncovered || a.group.localeCompare(b.group),
    ),
    byProvince: [...provinces.values()]
      .filter((p) => p.hotspotsUncovered || p.placesUncovered)
      .sort((a, b) => b.population - a.population || a.province_iso.localeCompare(b.province_iso)),
    population: populationOf(uncoveredPlaces.map((c) => c.target)),
  };
}

/** Summed known population, the count of unknown ones, and the distinct figure years. */
export function populationOf(targets: Target[]): {
  total: number;
  unknown: number;
  years: (number | null)[];
} {
  let total = 0;
  let unknown = 0;
  const years = new Set<number | null>();
  for (const t of targets)
    if (t.population === null) unknown++;
    else {
      total += t.population;
      years.add(t.population_year);
    }
  return { total, unknown, years: [...years].sort((a, b) => (a ?? 0) - (b ?? 0)) };
}

/** A target that lost cover, the sites whose closing caused it, and the nearest one left. */
export interface Loss {
  target: Target;
  causes: Reacher[];
  nearest: Nearest | null;
}

/**
 * Targets covered on `from` and not on `to` (places, and hotspots active on both days), with
 * the closures that caused it: the sites that covered them on `from`. Also those that gained
 * cover. `to` may be before `from`.
 */
export function coverageChange(
  data: ImpactData,
  from: number,
  to: number,
  radii: Radii,
): { lost: Loss[]; gained: Cover[] } {
  const then = new Map(impactAt(data, from, radii).covers.map((c) => [c.target.key, c]));
  const lost: Loss[] = [];
  const gained: Cover[] = [];
  for (const now of impactAt(data, to, radii).covers) {
    const before = then.get(now.target.key);
    if (!before) continue;
    if (before.by.length && !now.by.length)
      lost.push({ target: now.target, causes: before.by, nearest: now.nearest });
    else if (!before.by.length && now.by.length) gained.push(now);
  }
  return { lost: sortLosses(lost), gained };
}

/** What closing one site on the day would uncover: targets it alone covers. */
export function whatIfCloses(data: ImpactData, day: number, radii: Radii, siteId: string): Loss[] {
  const reachers = reachersAt(data.sites, day, radii);
  const site = reachers.find((r) => r.id === siteId);
  if (!site) return [];
  const grid = new SiteGrid(reachers);
  const without = new Set([siteId]);
  const lost: Loss[] = [];
  for (const target of targetsAt(data, day)) {
    if (haversineKm(target, site) > site.km) continue;
    const by = grid.covering(target);
    if (by.length === 1 && by[0]!.id === siteId)
      lost.push({ target, causes: [site], nearest: grid.nearest(target, without) });
  }
  return sortLosses(lost);
}

/** Hotspots first, then places by population (largest first), then by name. */
function sortLosses(l: Loss[]): Loss[] {
  return l.sort(
    (a, b) =>
      (a.target.kind === 'hotspot' ? 0 : 1) - (b.target.kind === 'hotspot' ? 0 : 1) ||
      (b.target.population ?? -1) - (a.target.population ?? -1) ||
      a.target.name.localeCompare(b.target.name),
  );
}

/** Why a province is in the mission's area: a protecting site there now, or only in the window. */
export type AreaStatus = 'present' | 'left';

/** A province of the mission's area (missionArea). */
export interface AreaProvince {
  province_iso: string;
  status: AreaStatus;
}

/**
 * The mission's area at `day`: the provinces with a protecting site open on the day
 * ('present'), or with one open at some day from `from` to `day` and none on the day ('left').
 * A province whose last such site closed before `from` is not in it; with `from` on or after
 * `day` there is no window, and only presence on the day counts. Sorted by ISO code.
 *
 * A protecting site is one whose kind has a reach over 0 km in `radii`, the same sites the
 * cover is worked out from (reachersAt), so the area is where the mission protects, not where
 * it merely has a desk: by default the mission HQ (Kinshasa), the civilian field offices and
 * the liaison offices have no reach, and a province holding only one of them is left out.
 * Liaison offices abroad have no province at all (schema.ts). A planner who gives offices a
 * reach counts them as protecting, and their provinces join the area. A site with no
 * coordinate still counts: its province is known.
 */
export function missionArea(
  sites: readonly Pick<Site, 'kind' | 'province_iso' | 'opened' | 'closed'>[],
  day: number,
  from: number,
  radii: Radii,
): AreaProvince[] {
  const status = new Map<string, AreaStatus>();
  for (const s of sites) {
    if (s.province_iso === null || !(radii[s.kind] > 0)) continue;
    if (siteOpenAt(s, day)) status.set(s.province_iso, 'present');
    else if (from < day && !status.has(s.province_iso)) {
      const [a, b] = siteSpan(s);
      if (a <= day && b >= from) status.set(s.province_iso, 'left');
    }
  }
  return [...status]
    .map(([province_iso, st]) => ({ province_iso, status: st }))
    .sort((a, b) => a.province_iso.localeCompare(b.province_iso));
}

/** Headline counts over some provinces: targets out of reach, of all, and their people. */
export interface Totals {
  hotspots: { out: number; total: number };
  places: { out: number; total: number };
  population: { total: number; unknown: number; years: (number | null)[] };
}

/** The headline counts of the covers in `provinces` (null: the whole country). */
export function totalsIn(covers: readonly Cover[], provinces: ReadonlySet<string> | null): Totals {
  const t: Totals = {
    hotspots: { out: 0, total: 0 },
    places: { out: 0, total: 0 },
    population: { total: 0, unknown: 0, years: [] },
  };
  const outPlaces: Target[] = [];
  for (const c of covers) {
    if (provinces && !provinces.has(c.target.province_iso)) continue;
    const out = c.by.length === 0;
    const n = c.target.kind === 'hotspot' ? t.hotspots : t.places;
    n.total++;
    if (out) n.out++;
    if (out && c.target.kind === 'place') outPlaces.push(c.target);
  }
  t.population = populationOf(outPlaces);
  return t;
}
