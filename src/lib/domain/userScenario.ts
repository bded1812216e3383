/**
 * What-if scenarios: a named copy of the baseline in which the user closes, reopens or moves
 * the closing of sites, and adds hotspots (hotspots.csv rows, such as those suggested from
 * imported events). A scenario stores only its changes, so the baseline data stays the single
 * source; applying one is a pure function. The stored and exported JSON is versioned and
 * validated (valibot) on the way in. Added hotspots are checked here as text of the right
 * columns; the hotspots.csv reader itself lies in the data layer, so data/addedHotspots.ts
 * reads them (and applies them), and the planning state refuses a row it would refuse.
 *
 * Versions: 1 holds site changes only; 2 adds `hotspots`. A scenario without added hotspots
 * is written exactly as in version 1 (no `hotspots` key), and a file or store holding none is
 * written as version 1, so older builds keep reading what they can read in full. An older
 * build refuses a version-2 file by its version ("is not version 1") rather than reading it
 * and dropping the hotspots in silence.
 */
import * as v from 'valibot';
import { parseFuzzyDate, type FuzzyDate } from './dates.ts';
import { m } from '../../paraglide/messages.js';
import { formatDay } from './format.ts';
import { formatFuzzyDate } from './formatFuzzyDate.ts';
import type { Locale } from './locales.ts';
import type { Said } from './problems.ts';
import { code, describeIssues, isoDay, readJsonObject } from './jsonFile.ts';
import type { Site } from './schema.ts';
import { slugify } from './frame.ts';

/** The newest version this build writes (only when a scenario adds hotspots: see above). */
export const STORE_VERSION = 2;
/** The versions this build reads. */
export const STORE_VERSIONS = [1, 2] as const;
export type StoreVersion = (typeof STORE_VERSIONS)[number];

/**
 * Bounds on what a file may hold: far beyond real use (a scenario changes some of ~90 sites),
 * and low enough that the panels that list them stay responsive.
 */
export const MAX_SCENARIOS = 500;
export const MAX_CHANGES = 1000;
/** Added hotspots in one scenario: the baseline has a few dozen, a window's suggestions 20. */
export const MAX_HOTSPOTS = 200;
/** The longest cell of an added hotspot (a basis or a note of a few sentences fits). */
export const MAX_HOTSPOT_CELL = 2000;

/** The columns of hotspots.csv (docs/data-format.md), in the file's order. */
export const HOTSPOT_COLUMNS = [
  'id',
  'group',
  'label',
  'province_iso',
  'lat',
  'lon',
  'radius_km',
  'from',
  'from_precision',
  'to',
  'to_precision',
  'intensity',
  'intensity_basis',
  'source',
  'confidence',
  'notes',
] as const;
export type HotspotColumn = (typeof HOTSPOT_COLUMNS)[number];
/** A hotspots.csv row as written: the text of each column. */
export type HotspotRow = Record<HotspotColumn, string>;

export interface SiteChange {
  site: string;
  /** The last day the site is open (YYYY-MM-DD), or null: it stays open to the end. */
  close: string | null;
}

export interface UserScenario {
  id: string;
  name: string;
  /** ISO timestamp. */
  created: string;
  changes: SiteChange[];
  /**
   * Hotspots the scenario adds to the baseline's, as hotspots.csv rows (format version 2).
   * Absent when there are none, so such a scenario is written as version 1 wrote it.
   */
  hotspots?: HotspotRow[];
}

export interface ScenarioStore {
  version: StoreVersion;
  scenarios: UserScenario[];
}

const ChangeSchema = v.object({
  site: v.pipe(v.string(), v.nonEmpty(code('no_site')), v.maxLength(80, code('site_id_long'))),
  close: v.nullable(isoDay),
});
const CellSchema = v.pipe(v.string(), v.maxLength(MAX_HOTSPOT_CELL, code('hotspot_cell_long')));
const HotspotRowSchema = v.object(
  Object.fromEntries(HOTSPOT_COLUMNS.map((k) => [k, CellSchema])) as Record<
    HotspotColumn,
    typeof CellSchema
  >,
);
const ScenarioSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(code('empty_id'))),
  name: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty(code('empty_name')),
    v.maxLength(120, code('name_long')),
  ),
  created: v.pipe(v.string(), v.maxLength(40, code('created_long'))),
  changes: v.pipe(v.array(ChangeSchema), v.maxLength(MAX_CHANGES, code('too_many_changes'))),
  hotspots: v.optional(
    v.pipe(v.array(HotspotRowSchema), v.maxLength(MAX_HOTSPOTS, code('too_many_hotspots'))),
  ),
});
const StoreSchema = v.object({
  version: v.picklist(STORE_VERSIONS, code('store_version_unknown')),
  scenarios: v.pipe(
    v.array(ScenarioSchema),
    v.maxLength(MAX_SCENARIOS, code('too_many_scenarios')),
  ),
});

export const emptyStore = (): ScenarioStore => ({ version: 1, scenarios: [] });

/**
 * The oldest version that holds the scenarios in full: 2 once one adds hotspots, 1 otherwise
 * (a file an older build can still import).
 */
export function storeVersionFor(scenarios: readonly UserScenario[]): StoreVersion {
  return scenarios.some((s) => s.hotspots?.length) ? 2 : 1;
}

/** The scenarios as a store, in the version that holds them (storeVersionFor). */
export function storeOf(scenarios: UserScenario[]): ScenarioStore {
  return { version: storeVersionFor(scenarios), scenarios };
}

/**
 * A store from JSON text: a whole store, or one exported scenario. Returns the problems (codes,
 * worded where they are shown: problems.ts) instead of throwing; `unknownSites` lists changes that name no site in `siteIds`.
 *
 * Duplicates: a repeated scenario id is made unique, with a notice (only the active scenario
 * and slides point at an id, and they keep pointing at the first). Two changes to one site
 * contradict each other and only the author knows which is meant, so an import (`from:
 * 'import'`) is refused naming the site; a stored store (`from: 'storage'`) keeps the last
 * change, which is the one the map has been showing, with a notice, so the panel still opens.
 */
export function parseScenarioJson(
  text: string,
  siteIds?: ReadonlySet<string>,
  from: 'import' | 'storage' = 'import',
):
  | {
      ok: true;
      scenarios: UserScenario[];
      /** Where each scenario is in the file, as a path prefix ("scenarios.0." or ""). */
      at: string[];
      unknownSites: string[];
      notices: Said[];
    }
  | { ok: false; errors: Said[] } {
  const read = readJsonObject(text, 'not_scenario_object');
  return read.ok ? parseScenarioValue(read.json, siteIds, from) : read;
}

/**
 * A store, or one scenario, from a value already read (a file's JSON, or a link's: shareLink.ts),
 * checked as parseScenarioJson checks a file.
 */
export function parseScenarioValue(
  json: object,
  siteIds?: ReadonlySet<string>,
  from: 'import' | 'storage' = 'import',
): ReturnType<typeof parseScenarioJson> {
  const asStore = v.safeParse(StoreSchema, json);
  const asOne = asStore.success ? null : v.safeParse(ScenarioSchema, json);
  const parsed = asStore.success
    ? asStore.output.scenarios
    : asOne?.success
      ? [asOne.output]
      : null;
  if (!parsed) {
    const looksLikeStore = 'scenarios' in json;
    return { ok: false, errors: describeIssues(looksLikeStore ? asStore.issues! : asOne!.issues!) };
  }
  const notices: Said[] = [];
  const errors: Said[] = [];
  const ids = new Set<string>();
  const scenarios = parsed.map((s, i) => {
    const where = asStore.success ? `scenarios.${i}` : '';
    const changes = lastChangePerSite(s.changes);
    for (const d of changes.repeated) {
      const path = `${asStore.success ? `scenarios.${i}.` : ''}changes.${d.index}`;
      const params = { scenario: s.name, site: d.site, first: d.first };
      if (from === 'import') errors.push({ code: 'change_repeated', params, path });
      else notices.push({ code: 'change_repeated_kept', params, path });
    }
    let id = s.id;
    for (let n = 2; ids.has(id); n++) id = `${s.id}-${n}`;
    if (id !== s.id)
      notices.push({ code: 'scenario_id_repeated', params: { id: s.id, newId: id }, path: where });
    ids.add(id);
    return tidy({ ...s, id, changes: changes.kept });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 5) };
  const unknownSites = siteIds
    ? [
        ...new Set(
          scenarios.flatMap((s) => s.changes.map((c) => c.site)).filter((id) => !siteIds.has(id)),
        ),
      ]
    : [];
  const at = scenarios.map((_, i) => (asStore.success ? `scenarios.${i}.` : ''));
  return { ok: true, scenarios, at, unknownSites, notices };
}

/**
 * One scenario as stored in this browser, under `id` (the key is the truth, whatever the record
 * says). Two changes to one site keep the last, the one the map has been showing, with a notice,
 * so a damaged record still opens; anything else wrong makes the record unreadable. (Whether the
 * added hotspots' rows pass the hotspots.csv reader is for data/addedHotspots.ts to say.)
 */
export function parseScenarioRecord(
  id: string,
  value: unknown,
): { ok: true; scenario: UserScenario; notices: Said[] } | { ok: false; errors: Said[] } {
  const r = v.safeParse(ScenarioSchema, value);
  if (!r.success) return { ok: false, errors: describeIssues(r.issues) };
  const changes = lastChangePerSite(r.output.changes);
  const notices = changes.repeated.map((d): Said => ({
    code: 'record_change_twice',
    params: { scenario: r.output.name, site: d.site, first: d.first, index: d.index },
  }));
  return { ok: true, scenario: tidy({ ...r.output, id, changes: changes.kept }), notices };
}

/** The scenario without an empty `hotspots` list, as version 1 wrote it. */
function tidy(s: UserScenario): UserScenario {
  if (s.hotspots === undefined || s.hotspots.length) return s;
  const rest = { ...s };
  delete rest.hotspots;
  return rest;
}

/** The changes with one per site (the last, in the first one's place), and the repeats. */
function lastChangePerSite(changes: SiteChange[]): {
  kept: SiteChange[];
  repeated: { site: string; index: number; first: number }[];
} {
  const first = new Map<string, number>();
  const last = new Map<string, SiteChange>();
  const repeated: { site: string; index: number; first: number }[] = [];
  changes.forEach((c, i) => {
    if (first.has(c.site)) repeated.push({ site: c.site, index: i, first: first.get(c.site)! });
    else first.set(c.site, i);
    last.set(c.site, c);
  });
  if (!repeated.length) return { kept: changes, repeated };
  return { kept: [...first.keys()].map((site) => last.get(site)!), repeated };
}

/**
 * The sites with the scenario's changes applied; unchanged sites are the same objects. A changed
 * site's notes say so first, in `locale`.
 */
export function applyScenario(
  sites: Site[],
  scenario: UserScenario | null,
  locale: Locale = 'en',
): Site[] {
  if (!scenario?.changes.length) return sites;
  const changes = new Map(scenario.changes.map((c) => [c.site, c]));
  return sites.map((s) => {
    const c = changes.get(s.id);
    if (!c) return s;
    const closed = c.close === null ? null : (parseFuzzyDate(c.close, 'day') as FuzzyDate);
    return {
      ...s,
      closed,
      // A planned closing is a closing: "last seen" would claim a source stopped showing it.
      closure:
        closed === null ? null : s.closure && s.closure !== 'last_seen' ? s.closure : 'closed',
      confidence: 'low',
      notes: `${scenarioNote(scenario.name, closed, s.closed, locale)} ${s.notes}`.trim(),
    };
  });
}

/** What a scenario did to a site, for its notes. */
function scenarioNote(
  name: string,
  closed: FuzzyDate | null,
  baselineClosed: FuzzyDate | null,
  locale: Locale,
): string {
  const o = { locale };
  const baseline = baselineClosed
    ? formatFuzzyDate(baselineClosed, locale)
    : m.scenario_note_open_baseline({}, o);
  return closed === null
    ? m.scenario_note_kept_open({ name, baseline }, o)
    : m.scenario_note_closes({ name, date: formatDay(closed.first, locale), baseline }, o);
}

/** The scenario with the site's change set (null close: keep open), or removed (undefined). */
export function withChange(
  scenario: UserScenario,
  site: string,
  close: string | null | undefined,
): UserScenario {
  const rest = scenario.changes.filter((c) => c.site !== site);
  return { ...scenario, changes: close === undefined ? rest : [...rest, { site, close }] };
}

/**
 * A new id that is not one of `taken`. From the clock, so two tabs adding a scenario at once
 * (each knowing only its own) do not pick the same id; the store refuses a key it holds anyway.
 */
export function newScenarioId(taken: Iterable<string>, now = Date.now()): string {
  const used = new Set(taken);
  let n = 0;
  let id = `s${now.toString(36)}`;
  while (used.has(id)) id = `s${now.toString(36)}-${++n}`;
  return id;
}

/** A hotspots.csv row from any record of its columns (a missing column is empty). */
export function asHotspotRow(r: Readonly<Record<string, string | undefined>>): HotspotRow {
  return Object.fromEntries(HOTSPOT_COLUMNS.map((k) => [k, r[k] ?? ''])) as HotspotRow;
}

/**
 * The scenario with the hotspot row added, or replacing the one with its id. Unchanged when it
 * already holds MAX_HOTSPOTS others: a record over the limit would not load again.
 */
export function withHotspot(scenario: UserScenario, row: HotspotRow): UserScenario {
  const rest = (scenario.hotspots ?? []).filter((h) => h.id !== row.id);
  if (rest.length >= MAX_HOTSPOTS) return scenario;
  return { ...scenario, hotspots: [...rest, row] };
}

/** The scenario without the added hotspot `id` (and without `hotspots` once none is left). */
export function withoutHotspot(scenario: UserScenario, id: string): UserScenario {
  return tidy({ ...scenario, hotspots: (scenario.hotspots ?? []).filter((h) => h.id !== id) });
}

/**
 * An id for a new hotspot, from its label, that is not one of `taken`: lowercase letters,
 * digits and hyphens as hotspots.csv wants, prefixed "suggested-" so it cannot pass for one of
 * the baseline's ids.
 */
export function newHotspotId(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `suggested-${slugify(label) || 'area'}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The row with the armed group the user named where the events named none by majority, said
 * in its notes (data text, in English as the rest of hotspots.csv).
 */
export function withNamedGroup(row: HotspotRow, group: string): HotspotRow {
  const g = group.trim();
  if (row.group || !g) return row;
  const note = 'Group named by the user: no first actor led a majority of the events.';
  return { ...row, group: g, notes: `${row.notes} ${note}`.trim() };
}
