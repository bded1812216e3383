/**
 * The loaded scenario and every problem found while loading it. The default data comes
 * through the same validating loader as an import; rows that fail are listed, never dropped
 * in silence.
 */
import { getContext, setContext } from 'svelte';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Scenario } from '../domain/schema.ts';
import type { DataIssue } from '../data/errors.ts';

export type ScenarioStatus = 'idle' | 'loading' | 'ready' | 'error';

export class ScenarioState {
  status = $state<ScenarioStatus>('idle');
  scenario = $state.raw<Scenario | null>(null);
  issues = $state.raw<DataIssue[]>([]);
  rowsRead = $state.raw<Record<string, number>>({});
  error = $state<string | null>(null);

  /** Loads the bundled default scenario (the loader is fetched on demand, after first paint). */
  async loadDefault(
    provinces: FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>,
  ): Promise<void> {
    if (this.status !== 'idle') return;
    this.status = 'loading';
    try {
      const { loadDefaultScenario } = await import('../data/loadDefault.ts');
      const r = await loadDefaultScenario(provinces);
      this.scenario = r.scenario;
      this.issues = r.issues;
      this.rowsRead = r.rowsRead;
      this.status = 'ready';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }
}

const KEY = Symbol('drawdown-scenario-state');

/** Creates the scenario state for this component tree. Call once, in App. */
export function prepareScenarioState(): ScenarioState {
  return setContext(KEY, new ScenarioState());
}

/** The scenario state of the enclosing tree; throws if prepareScenarioState was not called. */
export function getScenarioState(): ScenarioState {
  const s = getContext<ScenarioState | undefined>(KEY);
  if (!s)
    throw new Error(
      'getScenarioState(): no ScenarioState in context. Call prepareScenarioState() in App first.',
    );
  return s;
}
