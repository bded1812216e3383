/**
 * Imported events in the closure-impact analysis (issue 24): of one dataset's events in a time
 * window that pass the user's filter, those out of reach of every open site, by province and by
 * first actor; and those that were within reach at the comparison date and are not now, with the
 * sites that had them in reach. One pass over the window's index range, with the reach and the
 * provinces looked up in grids (reachGrid.ts, provinceGrid.ts), so a million events take tens of
 * milliseconds (tmp/eventCover-bench.ts).
 */
import { PROVINCES } from '../domain/provinces.ts';
import type { Reacher } from '../domain/impact.ts';
import { filterMasks, passesMasks, type EventFilter } from './eventWindow.ts';
import { NO_PROVINCE } from './provinceGrid.ts';
import { coverTest, sitesTest, type ReachGrid } from './reachGrid.ts';
import type { EventColumns } from './types.ts';

/** Events and their fatalities; events whose fatalities are unknown are counted apart. */
export interface Tally {
  events: number;
  /** Summed fatalities where known: a lower bound when `unknownFatalities` is above 0. */
  fatalities: number;
  /** Events whose source gives no fatality figure (−1 in EventColumns). */
  unknownFatalities: number;
}

/** A province's tally; `province_iso` is null for events that lie in no province. */
export interface ProvinceTally extends Tally {
  province_iso: string | null;
}

/** A first actor's tally ('' where the source names none). */
export interface GroupTally extends Tally {
  group: string;
}

/** A site's tally: the lost events it had in reach at the comparison date. */
export interface SiteTally extends Tally {
  site: Reacher;
}

/** What the impact panel says of one dataset's window at a date. */
export interface EventCover {
  inReach: Tally;
  outOfReach: Tally;
  /** Out of reach, by province: most events first. */
  byProvince: ProvinceTally[];
  /** Out of reach, the `top` first actors with most events. */
  groups: GroupTally[];
  /** How many first actors have events out of reach (the list may show fewer). */
  groupCount: number;
  /** Against the comparison date, when one is given. */
  loss: EventLoss | null;
}

/** Events of the window (at the current date) whose cover changed since the comparison date. */
export interface EventLoss {
  /** In reach of a site open at the comparison date, out of reach now. */
  lost: Tally;
  /** Out of reach at the comparison date, in reach now. */
  gained: Tally;
  byProvince: ProvinceTally[];
  groups: GroupTally[];
  groupCount: number;
  /** The sites that had lost events in reach, most first; an event two had counts for each. */
  causes: SiteTally[];
}

/** The window, the filter and the provinces of one dataset's events. */
export interface EventSlice {
  cols: EventColumns;
  /** The window as an index range [lo, hi) (eventWindow.ts indexRange). */
  lo: number;
  hi: number;
  filter: EventFilter;
  /** Each event's province code (provinceGrid.ts provinceCodes). */
  provinces: Uint8Array;
}

const zero = (): Tally => ({ events: 0, fatalities: 0, unknownFatalities: 0 });

function add(t: Tally, f: number): void {
  t.events++;
  if (f < 0) t.unknownFatalities++;
  else t.fatalities += f;
}

/** Per-index counters for a tally: events, fatalities, unknown, in three typed arrays. */
class Counts {
  readonly events: Uint32Array;
  readonly fatalities: Float64Array;
  readonly unknown: Uint32Array;
  constructor(size: number) {
    this.events = new Uint32Array(size);
    this.fatalities = new Float64Array(size);
    this.unknown = new Uint32Array(size);
  }
  add(i: number, f: number): void {
    this.events[i]!++;
    if (f < 0) this.unknown[i]!++;
    else this.fatalities[i]! += f;
  }
  tally(i: number): Tally {
    return {
      events: this.events[i]!,
      fatalities: this.fatalities[i]!,
      unknownFatalities: this.unknown[i]!,
    };
  }
  /** The indices with events, most events first, then most fatalities, then `name`. */
  ranked(name: (i: number) => string): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.events.length; i++) if (this.events[i]) out.push(i);
    return out.sort(
      (a, b) =>
        this.events[b]! - this.events[a]! ||
        this.fatalities[b]! - this.fatalities[a]! ||
        name(a).localeCompare(name(b)),
    );
  }
}

const isoOf = (code: number) => (code === NO_PROVINCE ? null : (PROVINCES[code]?.iso ?? null));

/** Provinces by events; the events in no province last, whatever their count. */
function provinceList(c: Counts): ProvinceTally[] {
  const ranked = c.ranked((i) => isoOf(i) ?? '');
  return [
    ...ranked.filter((i) => i !== NO_PROVINCE),
    ...ranked.filter((i) => i === NO_PROVINCE),
  ].map((i) => ({ province_iso: isoOf(i), ...c.tally(i) }));
}

function groupList(c: Counts, actors: string[], top: number): GroupTally[] {
  return c
    .ranked((i) => actors[i] ?? '')
    .slice(0, top)
    .map((i) => ({ group: actors[i] ?? '', ...c.tally(i) }));
}

function countNonZero(a: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i]) n++;
  return n;
}

/**
 * The window's events that pass the filter: in reach of a site open now or not, out of reach by
 * province and first actor. With `then` (the sites open at the comparison date), also the same
 * events' lost cover: in reach then, out of reach now, with the sites that had them. One pass:
 * an event in reach now is tested against `then` only for the count of those gained.
 */
export function eventCover(
  s: EventSlice,
  now: ReachGrid,
  then: ReachGrid | null = null,
  top = 10,
): EventCover {
  const { cols, filter, provinces } = s;
  const m = filterMasks(cols, filter);
  const pos = cols.positions;
  const fat = cols.fatalities;
  const actor = cols.actor;
  const [inReach, outOfReach, lost, gained] = [zero(), zero(), zero(), zero()];
  const out = { province: new Counts(256), actor: new Counts(cols.actors.length) };
  const gone = then && {
    province: new Counts(256),
    actor: new Counts(cols.actors.length),
    site: new Counts(then.reachers.length),
  };
  const coveredNow = coverTest(now);
  const coveredThen = then ? coverTest(then) : null;
  const sitesThen = then ? sitesTest(then) : null;
  const found = new Uint32Array(then?.reachers.length ?? 0);
  for (let i = s.lo; i < s.hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    const lon = pos[2 * i]!;
    const lat = pos[2 * i + 1]!;
    const f = fat[i]!;
    if (coveredNow(lon, lat)) {
      add(inReach, f);
      if (coveredThen && !coveredThen(lon, lat)) add(gained, f);
      continue;
    }
    add(outOfReach, f);
    out.province.add(provinces[i]!, f);
    out.actor.add(actor[i]!, f);
    if (!gone) continue;
    const n = sitesThen!(lon, lat, found);
    if (n === 0) continue;
    add(lost, f);
    gone.province.add(provinces[i]!, f);
    gone.actor.add(actor[i]!, f);
    for (let j = 0; j < n; j++) gone.site.add(found[j]!, f);
  }
  return {
    inReach,
    outOfReach,
    byProvince: provinceList(out.province),
    groups: groupList(out.actor, cols.actors, top),
    groupCount: countNonZero(out.actor.events),
    loss: gone && {
      lost,
      gained,
      byProvince: provinceList(gone.province),
      groups: groupList(gone.actor, cols.actors, top),
      groupCount: countNonZero(gone.actor.events),
      causes: gone.site
        .ranked((i) => then!.reachers[i]!.name)
        .map((i) => ({ site: then!.reachers[i]!, ...gone.site.tally(i) })),
    },
  };
}

/** One row of the coverage table for imported events: a province and first actor, in reach or not. */
export interface EventCoverRow extends Tally {
  covered: boolean;
  province_iso: string | null;
  group: string;
}

/** One row of the lost-cover table for imported events: a province, a first actor, the same sites. */
export interface EventLossRow extends Tally {
  province_iso: string | null;
  group: string;
  /** The sites open at the comparison date that had these events in reach. */
  causes: Reacher[];
}

/** By province (no province last), then most events, then first actor. */
const byRow = (
  a: { province_iso: string | null; group: string; events: number },
  b: { province_iso: string | null; group: string; events: number },
) =>
  Number(a.province_iso === null) - Number(b.province_iso === null) ||
  (a.province_iso ?? '').localeCompare(b.province_iso ?? '') ||
  b.events - a.events ||
  a.group.localeCompare(b.group);

/** The window's events as table rows by (in reach or not, province, first actor), for a CSV. */
export function eventCoverRows(s: EventSlice, reach: ReachGrid): EventCoverRow[] {
  const { cols, filter, provinces } = s;
  const m = filterMasks(cols, filter);
  const pos = cols.positions;
  const rows = new Map<number, EventCoverRow>();
  const inReach = coverTest(reach);
  for (let i = s.lo; i < s.hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    const covered = inReach(pos[2 * i]!, pos[2 * i + 1]!);
    const key = (cols.actor[i]! * 256 + provinces[i]!) * 2 + (covered ? 1 : 0);
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = {
          covered,
          province_iso: isoOf(provinces[i]!),
          group: cols.actors[cols.actor[i]!] ?? '',
          ...zero(),
        }),
      );
    add(row, cols.fatalities[i]!);
  }
  return [...rows.values()].sort((a, b) => Number(a.covered) - Number(b.covered) || byRow(a, b));
}

/** The window's lost events as table rows by (province, first actor, sites that had them). */
export function eventLossRows(s: EventSlice, now: ReachGrid, then: ReachGrid): EventLossRow[] {
  const { cols, filter, provinces } = s;
  const m = filterMasks(cols, filter);
  const pos = cols.positions;
  const rows = new Map<string, EventLossRow>();
  const coveredNow = coverTest(now);
  const sitesThen = sitesTest(then);
  const found = new Uint32Array(then.reachers.length);
  for (let i = s.lo; i < s.hi; i++) {
    if (!m.all && !passesMasks(cols, i, m)) continue;
    const lon = pos[2 * i]!;
    const lat = pos[2 * i + 1]!;
    if (coveredNow(lon, lat)) continue;
    const sites = found.subarray(0, sitesThen(lon, lat, found)).sort();
    if (!sites.length) continue;
    const key = `${cols.actor[i]!}|${provinces[i]!}|${sites.join(',')}`;
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = {
          province_iso: isoOf(provinces[i]!),
          group: cols.actors[cols.actor[i]!] ?? '',
          causes: [...sites].map((k) => then.reachers[k]!),
          ...zero(),
        }),
      );
    add(row, cols.fatalities[i]!);
  }
  return [...rows.values()].sort(byRow);
}
