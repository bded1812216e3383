/**
 * What-if scenarios: a named copy of the baseline in which the user closes, reopens or moves
 * the closing of sites. A scenario stores only its changes, so the baseline data stays the
 * single source; applying one is a pure function. The stored and exported JSON is versioned
 * and validated (valibot) on the way in.
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

export const STORE_VERSION = 1;

/**
 * Bounds on what a file may hold: far beyond real use (a scenario changes some of ~90 sites),
 * and low enough that the panels that list them stay responsive.
 */
export const MAX_SCENARIOS = 500;
export const MAX_CHANGES = 1000;

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
}

export interface ScenarioStore {
  version: typeof STORE_VERSION;
  scenarios: UserScenario[];
}

const ChangeSchema = v.object({
  site: v.pipe(v.string(), v.nonEmpty(code('no_site')), v.maxLength(80, code('site_id_long'))),
  close: v.nullable(isoDay),
});
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
});
const StoreSchema = v.object({
  version: v.literal(STORE_VERSION, code('not_version')),
  scenarios: v.pipe(
    v.array(ScenarioSchema),
    v.maxLength(MAX_SCENARIOS, code('too_many_scenarios')),
  ),
});

export const emptyStore = (): ScenarioStore => ({ version: STORE_VERSION, scenarios: [] });

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
  | { ok: true; scenarios: UserScenario[]; unknownSites: string[]; notices: Said[] }
  | { ok: false; errors: Said[] } {
  const read = readJsonObject(text, 'not_scenario_object');
  if (!read.ok) return read;
  const json = read.json;
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
    return { ...s, id, changes: changes.kept };
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 5) };
  const unknownSites = siteIds
    ? [
        ...new Set(
          scenarios.flatMap((s) => s.changes.map((c) => c.site)).filter((id) => !siteIds.has(id)),
        ),
      ]
    : [];
  return { ok: true, scenarios, unknownSites, notices };
}

/**
 * One scenario as stored in this browser, under `id` (the key is the truth, whatever the record
 * says). Two changes to one site keep the last, the one the map has been showing, with a notice,
 * so a damaged record still opens; anything else wrong makes the record unreadable.
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
  return { ok: true, scenario: { ...r.output, id, changes: changes.kept }, notices };
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
      closure: closed === null ? null : (s.closure ?? 'closed'),
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
