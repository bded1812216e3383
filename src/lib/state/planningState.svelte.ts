/**
 * What a planner makes and keeps in this browser: reach radii, what-if scenarios, which one is
 * active, the comparison date and the panels' visibility. Every change is saved at once;
 * storage problems become messages, never a blank app.
 */
import { createContext } from 'svelte';
import { m } from '../../paraglide/messages.js';
import { addedHotspotProblems } from '../data/addedHotspots.ts';
import { parseOffThread } from '../data/parseOffThread.ts';
import type { Said } from '../domain/problems.ts';
import type { Snapshot } from '../data/savedStore.ts';
import { DEFAULT_RADII, parseRadii, type Radii } from '../domain/reach.ts';
import type { SiteKind } from '../domain/schema.ts';
import {
  emptyStore,
  MAX_HOTSPOTS,
  newScenarioId,
  parseScenarioRecord,
  storeOf,
  storeVersionFor,
  withChange,
  withHotspot,
  withoutHotspot,
  type HotspotRow,
  type ScenarioStore,
  type UserScenario,
} from '../domain/userScenario.ts';
import { adoptScenarios } from '../domain/linkLimits.ts';
import { getSavedState, SyncedCollection, type SavedState } from './savedState.svelte.ts';

/** A stored radius: a known kind with a distance in range. */
function parseRadius(kind: string, km: unknown) {
  const { rejected } = parseRadii({ [kind]: km });
  return rejected.length
    ? ({ ok: false, errors: rejected } as const)
    : ({ ok: true, value: km as number } as const);
}

/**
 * A stored scenario as this build reads it: its shape (userScenario.ts), and added hotspots the
 * hotspots.csv reader accepts; a record that fails either is set aside by the store, not shown.
 */
function readScenario(key: string, value: unknown) {
  const r = parseScenarioRecord(key, value);
  if (!r.ok) return r;
  const errors = addedHotspotProblems(r.scenario);
  return errors.length
    ? ({ ok: false, errors } as const)
    : ({ ok: true, value: r.scenario, notices: r.notices } as const);
}

export class PlanningState {
  radii = $state.raw<Radii>({ ...DEFAULT_RADII });
  store = $state.raw<ScenarioStore>(emptyStore());
  /** Whether the saved scenarios and radii have been read (a link's scenario waits for it). */
  loaded = $state(false);
  /** Storage messages: repairs made on load, a save that failed (worded where shown). */
  notice = $state.raw<Said | null>(null);
  activeId = $state<string | null>(null);
  /**
   * Scenarios a link carried (shareLink.ts): shown, and named by the link's slides, but not
   * saved in this browser until the user says so (saveLinked).
   */
  linked = $state.raw<UserScenario[]>([]);
  /** A scenario a link or slide named that this browser does not hold (the baseline shows). */
  missing = $state<{ id: string; from: 'link' | 'slide' } | null>(null);
  /** Show the scenario against the baseline. */
  compare = $state(false);
  /** Day to compare the current date with; null: 12 months before it. */
  compareDay = $state<number | null>(null);
  showImpact = $state(false);
  showScenarios = $state(false);

  readonly #scenarios: SyncedCollection<UserScenario>;
  readonly #radii: SyncedCollection<number>;

  constructor(saved: SavedState) {
    const fail = (why: Said) => (this.notice = why);
    this.#scenarios = new SyncedCollection(
      saved,
      'scenarios',
      (key, value) => readScenario(key, value),
      (snap) => this.#showScenarios(snap),
      fail,
    );
    this.#radii = new SyncedCollection(
      saved,
      'radii',
      parseRadius,
      (snap) => {
        this.radii = {
          ...DEFAULT_RADII,
          ...Object.fromEntries(snap.records.map((r) => [r.key, r.value])),
        };
      },
      fail,
    );
    void Promise.all([this.#scenarios.reload(), this.#radii.reload()]).then(
      () => (this.loaded = true),
    );
  }

  #showScenarios(snap: Snapshot<UserScenario>): void {
    const scenarios = snap.records
      .map((r) => r.value)
      .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
    this.store = storeOf(scenarios);
    // Deleted in another tab: the map goes back to the baseline rather than show a ghost.
    if (this.activeId && !scenarios.some((s) => s.id === this.activeId) && !this.isLinked())
      this.activeId = null;
    if (snap.notices.length)
      this.notice = { code: 'notice_scenarios_repaired', params: { what: snap.notices } };
  }

  /** A link's scenario wins over a saved one of the same id: the link is what is being shown. */
  get active(): UserScenario | null {
    const id = this.activeId;
    return (
      this.linked.find((s) => s.id === id) ?? this.store.scenarios.find((s) => s.id === id) ?? null
    );
  }

  /** Whether scenario `id` (the active one by default) is one a link carried, not saved. */
  isLinked(id = this.activeId): boolean {
    return id !== null && this.linked.some((s) => s.id === id);
  }

  /** Whether this browser can show scenario `id`: saved, or carried by a link. */
  holds(id: string): boolean {
    return this.isLinked(id) || this.store.scenarios.some((s) => s.id === id);
  }

  /**
   * Saves the link's scenarios (all, or those `ids` names), under their ids unless a saved one
   * has it (adoptScenarios), and shows the saved copy in place of the link's. Returns the new id
   * of each, or why they were not saved.
   */
  async saveLinked(ids?: readonly string[]): Promise<Map<string, string> | Said> {
    const chosen = this.linked.filter((s) => !ids || ids.includes(s.id));
    const { scenarios } = adoptScenarios(
      chosen,
      null,
      this.store.scenarios.map((s) => s.id),
    );
    // Shown at once, as an import's are: the store's reload after the write then finds them.
    this.#setScenarios([...this.store.scenarios, ...scenarios]);
    const error = await this.#scenarios.write(async (t) => {
      for (const s of scenarios) await t.add(s.id, s);
    });
    if (error) {
      this.#setScenarios(this.store.scenarios.filter((s) => !scenarios.includes(s)));
      return error;
    }
    // A result for the caller, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const newIds = new Map(chosen.map((s, i) => [s.id, scenarios[i]!.id]));
    this.linked = this.linked.filter((s) => !newIds.has(s.id));
    if (this.activeId && newIds.has(this.activeId)) this.activeId = newIds.get(this.activeId)!;
    return newIds;
  }

  /** Whether the map shows an active scenario against the baseline. */
  get comparing(): boolean {
    return this.compare && this.active !== null;
  }

  setRadius(kind: SiteKind, km: number): void {
    this.radii = { ...this.radii, [kind]: km };
    void this.#radii.write((t) => t.put(kind, km));
  }

  resetRadii(): void {
    this.radii = { ...DEFAULT_RADII };
    void this.#radii.write((t) => t.clear());
  }

  #setScenarios(scenarios: UserScenario[]): void {
    this.store = storeOf(scenarios);
  }

  /** A new scenario, a copy of the baseline (no changes yet, or these hotspots), made active. */
  create(name: string, hotspots: HotspotRow[] = []): UserScenario {
    const s: UserScenario = {
      id: newScenarioId(this.store.scenarios.map((x) => x.id)),
      name: name.trim() || m.scenario_default_name({ n: this.store.scenarios.length + 1 }),
      // A timestamp string, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      created: new Date().toISOString(),
      changes: [],
      ...(hotspots.length ? { hotspots } : {}),
    };
    this.#setScenarios([...this.store.scenarios, s]);
    this.activeId = s.id;
    void this.#scenarios.write((t) => t.add(s.id, s));
    return s;
  }

  /**
   * Changes one scenario, here at once and in the store as the store holds it: another tab's
   * change to another site of the same scenario is kept. Gone from the store (deleted in
   * another tab), it stays gone.
   */
  private update(id: string, f: (s: UserScenario) => UserScenario): void {
    // A link's scenario is edited here only: it is saved, as edited, on Save (linkState).
    if (this.isLinked(id)) {
      this.linked = this.linked.map((s) => (s.id === id ? f(s) : s));
      return;
    }
    this.#setScenarios(this.store.scenarios.map((s) => (s.id === id ? f(s) : s)));
    void this.#scenarios.write(async (t) => {
      const r = parseScenarioRecord(id, await t.get(id));
      if (r.ok) await t.put(id, f(r.scenario));
    });
  }

  rename(id: string, name: string): void {
    if (name.trim()) this.update(id, (s) => ({ ...s, name: name.trim() }));
  }

  remove(id: string): void {
    this.#setScenarios(this.store.scenarios.filter((s) => s.id !== id));
    if (this.activeId === id) this.activeId = null;
    void this.#scenarios.write((t) => t.delete(id));
  }

  /** In the active scenario: the site's last open day, null to keep it open, undefined to undo. */
  setChange(site: string, close: string | null | undefined): void {
    if (this.activeId) this.update(this.activeId, (s) => withChange(s, site, close));
  }

  /**
   * Adds a hotspots.csv row (checked by the caller with readAddedHotspots) to the active
   * scenario, replacing one with its id, or to a new scenario made active when none is.
   */
  addHotspot(row: HotspotRow): { ok: true; scenario: UserScenario } | { ok: false; why: Said } {
    const a = this.active;
    if (!a) return { ok: true, scenario: this.create('', [row]) };
    const held = a.hotspots ?? [];
    if (held.length >= MAX_HOTSPOTS && !held.some((h) => h.id === row.id))
      return { ok: false, why: { code: 'too_many_hotspots', params: { max: MAX_HOTSPOTS } } };
    this.update(a.id, (s) => withHotspot(s, row));
    return { ok: true, scenario: this.active ?? a };
  }

  /** Removes an added hotspot from a scenario. */
  removeHotspot(scenarioId: string, hotspotId: string): void {
    this.update(scenarioId, (s) => withoutHotspot(s, hotspotId));
  }

  /**
   * Adds the scenarios in the JSON (a store or one scenario), under fresh ids. The message is
   * said by code, sentence after sentence, so it follows a switch of language.
   */
  async importJson(
    text: string,
    siteIds: ReadonlySet<string>,
  ): Promise<{ ok: boolean; message: Said[] }> {
    const r = await parseOffThread({ kind: 'scenarios', text, siteIds: [...siteIds] });
    if (!r.ok)
      return { ok: false, message: [{ code: 'scenario_not_imported', params: { why: r.errors } }] };
    // Added hotspots as the loader reads hotspots.csv (the worker checked their shape only).
    const rows = r.scenarios.flatMap((s, i) => addedHotspotProblems(s, r.at[i]));
    if (rows.length)
      return {
        ok: false,
        message: [{ code: 'scenario_not_imported', params: { why: rows.slice(0, 5) } }],
      };
    const taken = this.store.scenarios.map((s) => s.id);
    const added = r.scenarios.map((s, i) => {
      const id = newScenarioId(taken, Date.now() + i);
      taken.push(id);
      return { ...s, id };
    });
    this.#setScenarios([...this.store.scenarios, ...added]);
    const error = await this.#scenarios.write(async (t) => {
      for (const s of added) await t.add(s.id, s);
    });
    if (error)
      return { ok: false, message: [{ code: 'scenario_not_imported', params: { why: [error] } }] };
    // The first few by name: a status line is no place for thousands.
    const u = r.unknownSites;
    const sites = u.slice(0, 10).join(', ');
    const unknown: Said[] =
      u.length > 10
        ? [{ code: 'scenario_unknown_sites_more', params: { sites, more: u.length - 10 } }]
        : u.length
          ? [{ code: 'scenario_unknown_sites', params: { sites } }]
          : [];
    return {
      ok: true,
      message: [{ code: 'scenario_imported', params: { count: added.length } }, ...unknown],
    };
  }

  /** JSON of one scenario, or of all, in the oldest version that holds them (storeVersionFor). */
  exportJson(id?: string): string {
    const scenarios = id ? this.store.scenarios.filter((s) => s.id === id) : this.store.scenarios;
    return JSON.stringify({ version: storeVersionFor(scenarios), scenarios }, null, 2);
  }
}

const [get, set] = createContext<PlanningState>();

export function preparePlanningState(): PlanningState {
  return set(new PlanningState(getSavedState()));
}

export const getPlanningState = get;
