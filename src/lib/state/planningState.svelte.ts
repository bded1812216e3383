/**
 * What a planner makes and keeps in this browser: reach radii, what-if scenarios, which one is
 * active, the comparison date and the panels' visibility. Every change is saved at once;
 * storage problems become messages, never a blank app.
 */
import { createContext } from 'svelte';
import {
  loadRadii,
  loadScenarios,
  resetScenarios,
  saveRadii,
  saveScenarios,
  browserStorage,
  type StorageLike,
} from '../data/localStore.ts';
import { DEFAULT_RADII, type Radii } from '../domain/reach.ts';
import type { SiteKind } from '../domain/schema.ts';
import {
  emptyStore,
  newScenarioId,
  parseScenarioJson,
  STORE_VERSION,
  withChange,
  type ScenarioStore,
  type UserScenario,
} from '../domain/userScenario.ts';

export class PlanningState {
  radii = $state.raw<Radii>({ ...DEFAULT_RADII });
  store = $state.raw<ScenarioStore>(emptyStore());
  /** Why the saved scenarios could not be read; the panel offers a reset. */
  storeError = $state<string | null>(null);
  /** Other storage messages: radii ignored, a save that failed. */
  notice = $state<string | null>(null);
  activeId = $state<string | null>(null);
  /** A scenario a link or slide named that this browser does not hold (the baseline shows). */
  missing = $state<{ id: string; from: 'link' | 'slide' } | null>(null);
  /** Show the scenario against the baseline. */
  compare = $state(false);
  /** Day to compare the current date with; null: 12 months before it. */
  compareDay = $state<number | null>(null);
  showImpact = $state(false);
  showScenarios = $state(false);

  constructor(private readonly storage: StorageLike | null) {
    const s = loadScenarios(storage);
    this.store = s.value;
    this.storeError = s.error;
    const r = loadRadii(storage);
    this.radii = r.value;
    this.notice = [s.notice, r.error].filter(Boolean).join(' ') || null;
  }

  get active(): UserScenario | null {
    return this.store.scenarios.find((s) => s.id === this.activeId) ?? null;
  }

  /** Whether the map shows an active scenario against the baseline. */
  get comparing(): boolean {
    return this.compare && this.active !== null;
  }

  setRadius(kind: SiteKind, km: number): void {
    this.radii = { ...this.radii, [kind]: km };
    this.notice = saveRadii(this.storage, this.radii);
  }

  resetRadii(): void {
    this.radii = { ...DEFAULT_RADII };
    this.notice = saveRadii(this.storage, this.radii);
  }

  private save(store: ScenarioStore): void {
    this.store = store;
    this.notice = saveScenarios(this.storage, store);
  }

  /** A new scenario, a copy of the baseline (no changes yet), made active. */
  create(name: string): UserScenario {
    const s: UserScenario = {
      id: newScenarioId(this.store.scenarios.map((x) => x.id)),
      name: name.trim() || `Scenario ${this.store.scenarios.length + 1}`,
      // A timestamp string, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      created: new Date().toISOString(),
      changes: [],
    };
    this.save({ ...this.store, scenarios: [...this.store.scenarios, s] });
    this.activeId = s.id;
    return s;
  }

  private update(id: string, f: (s: UserScenario) => UserScenario): void {
    this.save({
      ...this.store,
      scenarios: this.store.scenarios.map((s) => (s.id === id ? f(s) : s)),
    });
  }

  rename(id: string, name: string): void {
    if (name.trim()) this.update(id, (s) => ({ ...s, name: name.trim() }));
  }

  remove(id: string): void {
    this.save({ ...this.store, scenarios: this.store.scenarios.filter((s) => s.id !== id) });
    if (this.activeId === id) this.activeId = null;
  }

  /** In the active scenario: the site's last open day, null to keep it open, undefined to undo. */
  setChange(site: string, close: string | null | undefined): void {
    if (this.activeId) this.update(this.activeId, (s) => withChange(s, site, close));
  }

  /** Adds the scenarios in the JSON (a store or one scenario), under fresh ids. */
  importJson(text: string, siteIds: ReadonlySet<string>): { ok: boolean; message: string } {
    const r = parseScenarioJson(text, siteIds);
    if (!r.ok) return { ok: false, message: `Not imported: ${r.errors.join('; ')}` };
    const taken = this.store.scenarios.map((s) => s.id);
    const added = r.scenarios.map((s, i) => {
      const id = newScenarioId(taken, Date.now() + i);
      taken.push(id);
      return { ...s, id };
    });
    this.save({ ...this.store, scenarios: [...this.store.scenarios, ...added] });
    const unknown = r.unknownSites.length
      ? ` Changes to unknown sites are kept but have no effect: ${r.unknownSites.join(', ')}.`
      : '';
    return {
      ok: true,
      message: `Imported ${added.length} scenario${added.length === 1 ? '' : 's'}.${unknown}`,
    };
  }

  /** JSON of one scenario, or of all. */
  exportJson(id?: string): string {
    const scenarios = id ? this.store.scenarios.filter((s) => s.id === id) : this.store.scenarios;
    return JSON.stringify({ version: STORE_VERSION, scenarios }, null, 2);
  }

  /** After a corrupt store: keep the old text aside and start empty. */
  resetStore(): void {
    this.notice = resetScenarios(this.storage);
    this.store = emptyStore();
    this.storeError = null;
    this.activeId = null;
  }
}

const [get, set] = createContext<PlanningState>();

export function preparePlanningState(): PlanningState {
  return set(new PlanningState(browserStorage()));
}

export const getPlanningState = get;
