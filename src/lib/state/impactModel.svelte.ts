/**
 * Closure impact derived from the data, the date, the reach radii and the active scenario.
 * Each figure is a lazy $derived: computed only while a panel or map layer reads it, and then
 * once per change of its inputs. Imported events (issue 24) are counted over the window and
 * filter the map shows them with.
 */
import { createContext } from 'svelte';
import type { DatasetMeta } from '../data/datasetStore.ts';
import { isoOfDay } from '../domain/dates.ts';
import type { EventCoverCsv, EventLossCsv } from '../domain/impactCsv.ts';
import {
  eventCover,
  eventCoverRows,
  eventLossRows,
  type EventCover,
  type EventSlice,
} from '../import/eventCover.ts';
import { indexRange, windowRange, type EventFilter, type WindowId } from '../import/eventWindow.ts';
import { provinceCodes, provinceGrid, type ProvinceGrid } from '../import/provinceGrid.ts';
import { reachGrid, type ReachGrid } from '../import/reachGrid.ts';
import { indexFilter, shownFilterOf, SHOW_ALL } from '../import/shownFilter.ts';
import type { EventColumns } from '../import/types.ts';
import type { ImportState } from './importState.svelte.ts';
import type { MapState } from './mapState.svelte.ts';
import {
  coverageChange,
  impactAt,
  missionArea,
  reachersAt,
  totalsIn,
  whatIfCloses,
  type AreaProvince,
  type Impact,
  type ImpactData,
  type Loss,
  type Reacher,
  type Totals,
} from '../domain/impact.ts';
import { addMonths } from '../domain/timeline.ts';
import type { PlanningState } from './planningState.svelte.ts';
import type { ScenarioState } from './scenarioState.svelte.ts';
import type { TimelineState } from './timelineState.svelte.ts';

/** One shown dataset's imported events at the date: the window, and who is in reach. */
export interface ImportedCover {
  meta: DatasetMeta;
  window: WindowId;
  /** The window's first day (−Infinity for everything) and last day (the date). */
  first: number;
  last: number;
  /** What was counted, to count it again by row for the CSV. */
  slice: EventSlice;
  /** In and out of reach now, and (`loss`) against the comparison date. */
  cover: EventCover;
}

export class ImpactModel {
  /**
   * `imports` and `map` (for the province boundaries) bring imported events in; without them
   * the panel shows the scenario's hotspots and places only.
   */
  constructor(
    private readonly data: ScenarioState,
    private readonly timeline: TimelineState,
    private readonly planning: PlanningState,
    private readonly imports: ImportState | null = null,
    private readonly map: MapState | null = null,
  ) {}

  /** The data as the active scenario has it. */
  readonly input = $derived.by((): ImpactData | null => {
    const s = this.data.scenario;
    return s ? { sites: this.data.sites, hotspots: this.data.hotspots, places: s.places } : null;
  });

  /** The same, without any scenario. */
  readonly baselineInput = $derived.by((): ImpactData | null => {
    const s = this.data.scenario;
    return s ? { sites: s.sites, hotspots: s.hotspots, places: s.places } : null;
  });

  readonly reachers = $derived.by((): Reacher[] =>
    this.input ? reachersAt(this.input.sites, this.timeline.day, this.planning.radii) : [],
  );

  readonly now = $derived.by((): Impact | null =>
    this.input ? impactAt(this.input, this.timeline.day, this.planning.radii) : null,
  );

  /** The baseline at the same date, while comparing a scenario with it. */
  readonly baseline = $derived.by((): Impact | null =>
    this.planning.compare && this.planning.active && this.baselineInput
      ? impactAt(this.baselineInput, this.timeline.day, this.planning.radii)
      : null,
  );

  readonly baselineReachers = $derived.by((): Reacher[] =>
    this.planning.compare && this.planning.active && this.baselineInput
      ? reachersAt(this.baselineInput.sites, this.timeline.day, this.planning.radii)
      : [],
  );

  readonly compareFrom = $derived.by(
    () => this.planning.compareDay ?? addMonths(this.timeline.day, -12),
  );

  readonly change = $derived.by(() =>
    this.input
      ? coverageChange(this.input, this.compareFrom, this.timeline.day, this.planning.radii)
      : { lost: [], gained: [] },
  );

  /**
   * The mission's area, which the headline counts: the provinces with a site with a reach open
   * at the date, or at some point since the comparison date (missionArea).
   */
  readonly area = $derived.by((): AreaProvince[] =>
    this.input
      ? missionArea(this.input.sites, this.timeline.day, this.compareFrom, this.planning.radii)
      : [],
  );

  /** The headline over the mission's area (null with no area: the whole country is all). */
  readonly areaTotals = $derived.by((): Totals | null =>
    this.now && this.area.length
      ? // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never changed
        totalsIn(this.now.covers, new Set(this.area.map((p) => p.province_iso)))
      : null,
  );

  /** The headline over the whole country, shown second. */
  readonly nationalTotals = $derived.by((): Totals | null =>
    this.now ? totalsIn(this.now.covers, null) : null,
  );

  /** The sites open at the comparison date. */
  readonly compareReachers = $derived.by((): Reacher[] =>
    this.input ? reachersAt(this.input.sites, this.compareFrom, this.planning.radii) : [],
  );

  /** The reach now and at the comparison date, as grids a million events can be asked of. */
  readonly reachNow = $derived(this.#gridOf(this.reachers));
  readonly reachThen = $derived(this.#gridOf(this.compareReachers));

  /**
   * Grids of the last few sets of open sites: a timeline step mostly leaves the set as it was,
   * and a grid takes ~10 ms to build.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
  #grids = new Map<string, ReachGrid>();
  #gridOf(reachers: Reacher[]): ReachGrid {
    const key = JSON.stringify(reachers.map((r) => [r.id, r.name, r.kind, r.lat, r.lon, r.km]));
    let g = this.#grids.get(key);
    if (!g) {
      this.#grids.set(key, (g = reachGrid(reachers)));
      if (this.#grids.size > 3) this.#grids.delete(this.#grids.keys().next().value!);
    }
    return g;
  }

  /** The provinces as a grid, once the boundaries are in. */
  readonly provinceGrid = $derived.by((): ProvinceGrid | null =>
    this.map?.boundaries ? provinceGrid(this.map.boundaries.provinces) : null,
  );

  /** Each dataset's province codes, worked out the first time they are needed (~40 ms a million). */
  #codes = new WeakMap<EventColumns, { grid: ProvinceGrid; codes: Uint8Array }>();
  #codesOf(cols: EventColumns, grid: ProvinceGrid): Uint8Array {
    let c = this.#codes.get(cols);
    if (c?.grid !== grid) this.#codes.set(cols, (c = { grid, codes: provinceCodes(cols, grid) }));
    return c.codes;
  }

  /** The user's filter in each dataset's codes, by dataset id: what the map shows. */
  readonly eventFilters = $derived.by((): ReadonlyMap<string, EventFilter> => {
    const shown = this.imports ? shownFilterOf(this.imports) : SHOW_ALL;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- derived, replaced whole, never changed
    return new Map(
      (this.imports?.datasets ?? []).map((d) => [d.meta.id, indexFilter(d.columns, shown)]),
    );
  });

  /** The shown datasets' events in the window ending at the date: in reach, out, and lost. */
  readonly imported = $derived.by((): ImportedCover[] => {
    const imports = this.imports;
    const grid = this.provinceGrid;
    if (!imports || !grid || !this.input) return [];
    const window = imports.window;
    const [first, last] = windowRange(this.timeline.day, window);
    const [now, then] = [this.reachNow, this.reachThen];
    return imports.datasets
      .filter((d) => d.visible)
      .map((d) => {
        const [lo, hi] = indexRange(d.columns.day, first, last);
        const filter = this.eventFilters.get(d.meta.id) ?? indexFilter(d.columns, SHOW_ALL);
        const slice = {
          cols: d.columns,
          lo,
          hi,
          filter,
          provinces: this.#codesOf(d.columns, grid),
        };
        return { meta: d.meta, window, first, last, slice, cover: eventCover(slice, now, then) };
      });
  });

  /** The imported events' rows for the coverage CSV (worked out on demand: a pass per dataset). */
  importedCoverCsv(): EventCoverCsv[] {
    return this.imported.map((d) => ({
      ...this.#csvWindow(d),
      rows: eventCoverRows(d.slice, this.reachNow),
    }));
  }

  /** The imported events' rows for the lost-cover CSV. */
  importedLossCsv(): EventLossCsv[] {
    return this.imported.map((d) => ({
      ...this.#csvWindow(d),
      rows: eventLossRows(d.slice, this.reachNow, this.reachThen),
    }));
  }

  #csvWindow(d: ImportedCover): { dataset: string; windowStart: string; windowEnd: string } {
    return {
      dataset: d.meta.name,
      windowStart: Number.isFinite(d.first) ? isoOfDay(d.first) : '',
      windowEnd: isoOfDay(d.last),
    };
  }

  /**
   * Losses drawn on the map (LossLayers): the what-if's, while it is shown for a site, and the
   * one lost-cover row hovered, focused or clicked. Written by the lists, read by the map.
   */
  whatIfShown = $state.raw<Loss[]>([]);
  lossHovered = $state.raw<Loss | null>(null);
  lossPinned = $state.raw<Loss | null>(null);

  /** What closing the site now would uncover. */
  whatIf(siteId: string): Loss[] {
    return this.input
      ? whatIfCloses(this.input, this.timeline.day, this.planning.radii, siteId)
      : [];
  }
}

const [get, set] = createContext<ImpactModel>();

export function prepareImpactModel(
  data: ScenarioState,
  timeline: TimelineState,
  planning: PlanningState,
  imports: ImportState | null = null,
  map: MapState | null = null,
): ImpactModel {
  return set(new ImpactModel(data, timeline, planning, imports, map));
}

export const getImpactModel = get;
