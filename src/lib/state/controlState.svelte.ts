/**
 * Armed-group control at the date shown: the towns held, and the held areas around them, shared
 * by the map, the tooltips, the details, the map's description and the impact panel. The areas
 * are worked out again only when the set of held towns changes (a step that changes none costs
 * a filter over a few dozen rows), with the geometry module loaded on first need (heldArea.ts).
 */
import { createContext, untrack } from 'svelte';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  groupsIn,
  heldAt,
  heldKey,
  heldOn,
  heldSets,
  type Held,
  type HeldArea,
} from '../domain/control.ts';
import type { LatLon } from '../domain/impact.ts';
import { DRC_COUNTRY_ID } from '../domain/provinces.ts';
import type { MapState } from './mapState.svelte.ts';
import type { ScenarioState } from './scenarioState.svelte.ts';
import type { TimelineState } from './timelineState.svelte.ts';

/** Runs `f` when the page is idle (or soon, where the browser has no idle callbacks). */
const whenIdle = (f: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(f) : setTimeout(f, 50);

export class ControlState {
  /** Held areas by set of held towns (and whether clipped): each worked out once. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state: filling it must not rerun the effects that read it
  private readonly cache = new Map<string, HeldArea[]>();
  /** The held areas at the date; empty until worked out (a frame or two after a change). */
  areas = $state.raw<HeldArea[]>([]);

  /** The towns held at the date. */
  readonly held = $derived.by(() => heldOn(this.data.scenario?.control ?? [], this.timeline.day));
  /** Changes only with the set of held towns: what the areas depend on. */
  readonly key = $derived(heldKey(this.held));
  /** The groups holding a town at the date, as one string: equal on most steps. */
  private readonly groupsKey = $derived(groupsIn(this.held).join('\n'));
  /** The groups holding a town at the date (the keys name them): a new array only on a change. */
  readonly heldGroups = $derived(this.groupsKey ? this.groupsKey.split('\n') : []);
  /** The country's outline, to keep the areas inside it. */
  private readonly clip = $derived.by(
    () =>
      this.map.boundaries?.countries.features.find((f) => f.properties.id === DRC_COUNTRY_ID) as
        Feature<Polygon | MultiPolygon> | undefined,
  );

  /** Starts keeping `areas` in step: construct during a component's initialisation (App). */
  constructor(
    private readonly data: ScenarioState,
    private readonly timeline: TimelineState,
    private readonly map: MapState,
  ) {
    let latest = 0;
    $effect(() => {
      const key = this.key;
      const clip = this.clip;
      const ask = ++latest;
      if (!key) {
        this.areas = [];
        return;
      }
      const cacheKey = `${clip ? 'clipped' : 'raw'} ${key}`;
      const hit = this.cache.get(cacheKey);
      if (hit) {
        this.areas = hit;
        return;
      }
      const held = untrack(() => this.held);
      void import('../domain/heldArea.ts').then(({ heldAreas }) => {
        const areas = this.cache.get(cacheKey) ?? heldAreas(held, clip);
        this.cache.set(cacheKey, areas);
        // A later change has asked already: its areas, not these, are the date's.
        if (ask === latest) this.areas = areas;
      });
    });
    // Every set of held towns the data can show, worked out one per idle moment once the data
    // and the outline are in: a replay then steps through held towns with no geometry to do.
    $effect(() => {
      const periods = this.data.scenario?.control ?? [];
      const clip = this.clip;
      if (!periods.length || !clip) return;
      const sets = heldSets(periods);
      let stopped = false;
      void import('../domain/heldArea.ts').then(({ heldAreas }) => {
        const next = () => {
          if (stopped) return;
          const held = sets.shift();
          if (!held) return;
          const cacheKey = `clipped ${heldKey(held)}`;
          if (!this.cache.has(cacheKey)) this.cache.set(cacheKey, heldAreas(held, clip));
          whenIdle(next);
        };
        whenIdle(next);
      });
      return () => {
        stopped = true;
      };
    });
  }

  /** Whether a point is in a held area at the date, and since when. */
  at(point: LatLon): Held | null {
    return this.areas.length ? heldAt(point, this.areas) : null;
  }
}

const [get, set] = createContext<ControlState>();

/** Creates the state for this component tree. Call once, in App. */
export function prepareControlState(
  data: ScenarioState,
  timeline: TimelineState,
  map: MapState,
): ControlState {
  return set(new ControlState(data, timeline, map));
}

export const getControlState = get;
