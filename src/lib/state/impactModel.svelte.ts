/**
 * Closure impact derived from the data, the date, the reach radii and the active scenario.
 * Each figure is a lazy $derived: computed only while a panel or map layer reads it, and then
 * once per change of its inputs.
 */
import { createContext } from 'svelte';
import {
  coverageChange,
  impactAt,
  reachersAt,
  whatIfCloses,
  type Impact,
  type ImpactData,
  type Loss,
  type Reacher,
} from '../domain/impact.ts';
import { addMonths } from '../domain/timeline.ts';
import type { PlanningState } from './planningState.svelte.ts';
import type { ScenarioState } from './scenarioState.svelte.ts';
import type { TimelineState } from './timelineState.svelte.ts';

export class ImpactModel {
  constructor(
    private readonly data: ScenarioState,
    private readonly timeline: TimelineState,
    private readonly planning: PlanningState,
  ) {}

  /** The data as the active scenario has it. */
  readonly input = $derived.by((): ImpactData | null => {
    const s = this.data.scenario;
    return s ? { sites: this.data.sites, hotspots: s.hotspots, places: s.places } : null;
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
): ImpactModel {
  return set(new ImpactModel(data, timeline, planning));
}

export const getImpactModel = get;
