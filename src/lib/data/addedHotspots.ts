/**
 * The hotspots a what-if scenario adds (userScenario.ts keeps them as hotspots.csv rows), read
 * by the same reader as hotspots.csv (scenario.ts readHotspots): to refuse a row the loader
 * would refuse, before it is stored or imported, and to draw and count the rows that pass. In
 * the data layer, not the domain, because the reader is here.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import type { Said } from '../domain/problems.ts';
import type { Hotspot } from '../domain/schema.ts';
import { HOTSPOT_COLUMNS, type HotspotRow, type UserScenario } from '../domain/userScenario.ts';
import { readHotspots, type Loaded } from './scenario.ts';

/** The file the added hotspots' problems name: the table their rows belong to. */
const FILE = 'hotspots.csv';

/**
 * Added hotspots read exactly as hotspots.csv is read, with the row each problem is about.
 * Written to CSV text and read back rather than checked field by field, so the rules cannot
 * drift from the loader's.
 */
export function readAddedHotspots(rows: readonly HotspotRow[]): Loaded<Hotspot> & {
  /** For each issue, the index of the row it is about (−1: the whole table). */
  rowOf: number[];
} {
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const lines = [HOTSPOT_COLUMNS.join(',')];
  // The line each row starts on: a cell may hold a line break, so rows and lines can differ.
  const starts: number[] = [];
  let line = 2;
  for (const r of rows) {
    const text = HOTSPOT_COLUMNS.map((k) => quote(r[k])).join(',');
    starts.push(line);
    line += (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    lines.push(text);
  }
  const loaded = readHotspots(lines.join('\n'), FILE);
  const rowOf = loaded.issues.map((i) => (i.line === undefined ? -1 : starts.indexOf(i.line)));
  return { ...loaded, rowOf };
}

/**
 * What the loader would refuse in a scenario's added hotspots (the first five), each at its
 * path in a JSON file: `at` (where the scenario is: "scenarios.0." or "") + "hotspots.<row>".
 */
export function addedHotspotProblems(s: UserScenario, at = ''): Said[] {
  if (!s.hotspots?.length) return [];
  const r = readAddedHotspots(s.hotspots);
  return r.issues.slice(0, 5).map((issue, k): Said => ({
    code: 'hotspot_row_problem',
    params: {
      scenario: s.name,
      field: issue.field ?? '',
      value: issue.value ?? '',
      problem: issue.message,
      fix: issue.fix,
    },
    path: r.rowOf[k]! >= 0 ? `${at}hotspots.${r.rowOf[k]}` : `${at}hotspots`,
  }));
}

/**
 * The hotspots the map and the impact analysis use: the baseline's, then the active scenario's
 * added ones, each with a note saying so first, in `locale`. The baseline array itself when
 * the scenario adds none. An added id that a baseline hotspot now holds (the data changed
 * since) gets a suffix, so a selection by id finds one hotspot.
 */
export function applyScenarioHotspots(
  hotspots: Hotspot[],
  scenario: UserScenario | null,
  locale: Locale = 'en',
): Hotspot[] {
  if (!scenario?.hotspots?.length) return hotspots;
  const taken = new Set(hotspots.map((h) => h.id));
  // Rows were checked when the scenario was read; any that now fail are left off, not guessed.
  const added = readAddedHotspots(scenario.hotspots).records.map((h) => {
    let id = h.id;
    for (let n = 2; taken.has(id); n++) id = `${h.id}-${n}`;
    taken.add(id);
    const note = m.scenario_note_hotspot_added({ name: scenario.name }, { locale });
    return { ...h, id, notes: `${note} ${h.notes}`.trim() };
  });
  return [...hotspots, ...added];
}
