/**
 * The loaded scenario and every problem found while loading it. The default data comes
 * through the same validating loader as an import; rows that fail are listed, never dropped
 * in silence. The user's registers (registers.ts) are laid over the bundled data here, so
 * every panel, layer, counter, impact figure and export, reading `scenario` and `sites`,
 * follows them with no change of its own.
 */
import { createContext } from 'svelte';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Scenario } from '../domain/schema.ts';
import { DataError, type DataIssue } from '../data/errors.ts';
import { applyScenario, type UserScenario } from '../domain/userScenario.ts';
import { applyScenarioHotspots } from '../data/addedHotspots.ts';
import { locale } from './locale.svelte.ts';
import { troopIndex } from '../domain/troops.ts';
import { latestFact } from '../domain/summary.ts';
import { mergeRegisters, type Register } from '../data/registers.ts';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

export type ScenarioStatus = 'idle' | 'loading' | 'ready' | 'error';

export class ScenarioState {
  status = $state<ScenarioStatus>('idle');
  /** The bundled scenario as loaded, before the registers (RecordCounts compares its files). */
  bundled = $state.raw<Scenario | null>(null);
  /** The provinces the bundled data is checked against; registers are checked against them too. */
  provinces = $state.raw<Provinces | null>(null);
  /** The user's registers in force, in the order added (set by the register state). */
  registers = $state.raw<readonly Register[]>([]);
  /** The bundled scenario with the registers applied, and the ids each register replaced. */
  merged = $derived(this.bundled ? mergeRegisters(this.bundled, this.registers) : null);
  /** The scenario everything reads: the bundled data with the registers applied. */
  scenario = $derived(this.merged?.scenario ?? null);
  issues = $state.raw<DataIssue[]>([]);
  rowsRead = $state.raw<Record<string, number>>({});
  /** Why the load failed: the data problems (worded where shown), or the error's own words. */
  error = $state.raw<string | DataIssue[] | null>(null);
  /** The what-if scenario being replayed, or null for the baseline (set by the planning state). */
  active = $state.raw<UserScenario | null>(null);
  /** The sites everything draws and counts: the baseline with the active scenario applied. */
  sites = $derived(
    this.scenario ? applyScenario(this.scenario.sites, this.active, locale.current) : [],
  );

  /** The hotspots drawn and counted: the baseline's, then the active scenario's added ones. */
  hotspots = $derived(
    this.scenario ? applyScenarioHotspots(this.scenario.hotspots, this.active, locale.current) : [],
  );

  /** The per-year troop figures by site (troops.ts), indexed once per scenario. */
  troops = $derived(troopIndex(this.scenario?.siteTroops ?? []));

  /** The data's "as of" date: its newest dated fact (summary.ts). */
  asOf = $derived(this.scenario ? latestFact(this.scenario) : null);

  /** Loads the bundled default scenario (the loader is fetched on demand, after first paint). */
  async loadDefault(provinces: Provinces): Promise<void> {
    if (this.status !== 'idle') return;
    this.status = 'loading';
    this.provinces = provinces;
    try {
      const { loadDefaultScenario } = await import('../data/loadDefault.ts');
      const r = await loadDefaultScenario(provinces);
      this.bundled = r.scenario;
      this.issues = r.issues;
      this.rowsRead = r.rowsRead;
      this.status = 'ready';
    } catch (e) {
      this.error = e instanceof DataError ? e.issues : e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }
}

const [get, set] = createContext<ScenarioState>();

/** Creates the state for this component tree. Call once, in App. */
export function prepareScenarioState(): ScenarioState {
  return set(new ScenarioState());
}

/** The state of the enclosing tree; Svelte throws if prepareScenarioState was not called above. */
export const getScenarioState = get;
