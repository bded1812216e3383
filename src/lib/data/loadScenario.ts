/**
 * Validates a whole scenario (the CSV texts, SCENARIO_FILES) against the schema and the province
 * boundaries. The app's default data, `npm run validate-data` and (later) imports all use it.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Scenario } from '../domain/schema.ts';
import type { DataIssue } from './errors.ts';
import { SCENARIO_FILES, type ScenarioTexts } from './files.ts';
import { checkInProvince, type Located } from './locations.ts';
import { readControl } from './control.ts';
import {
  readEvents,
  readHotspots,
  readMandates,
  readPhases,
  readPlaces,
  readSites,
  readSiteTroops,
  readStrength,
  type Loaded,
} from './scenario.ts';

export { SCENARIO_FILES, type ScenarioTexts } from './files.ts';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

export interface ValidatedScenario {
  scenario: Scenario;
  issues: DataIssue[];
  /** Rows read per file, including those rejected, for the totals. */
  rowsRead: Record<keyof typeof SCENARIO_FILES, number>;
}

/** Drops the records whose line has a location issue, keeping the issue. */
function withoutMisplaced<T>(loaded: Loaded<T>, issues: DataIssue[]): T[] {
  const bad = new Set(issues.map((i) => i.line));
  return loaded.records.filter((_, i) => !bad.has(loaded.lines[i]));
}

function located<T extends { province_iso: string | null; lat: number | null; lon: number | null }>(
  loaded: Loaded<T>,
  file: string,
  label: (r: T) => string,
): Located[] {
  return loaded.records.map((r, i) => ({
    file,
    line: loaded.lines[i],
    label: label(r),
    province_iso: r.province_iso,
    lat: r.lat,
    lon: r.lon,
  }));
}

/** Reads and checks every file; records with any problem are left out and reported. */
export function validateScenario(texts: ScenarioTexts, provinces: Provinces): ValidatedScenario {
  const f = SCENARIO_FILES;
  const places = readPlaces(texts.places, f.places);
  const sites = readSites(texts.sites, f.sites);
  const hotspots = readHotspots(texts.hotspots, f.hotspots);
  const phases = readPhases(texts.phases, f.phases);
  const events = readEvents(texts.events, f.events);
  const mandates = readMandates(texts.mandates, f.mandates);
  const none = { records: [], lines: [], issues: [] };
  const siteTroops =
    texts.siteTroops === undefined ? none : readSiteTroops(texts.siteTroops, f.siteTroops);
  const strength = texts.strength === undefined ? none : readStrength(texts.strength, f.strength);
  // A per-year figure for a site the file does not have would be summed for nothing.
  const siteIds = new Set(sites.records.map((s) => s.id));
  const troopIssues: DataIssue[] = [];
  siteTroops.records.forEach((r, i) => {
    if (!siteIds.has(r.site))
      troopIssues.push({
        file: f.siteTroops,
        line: siteTroops.lines[i],
        field: 'site',
        value: r.site,
        message: { code: 'unknown_site', params: { file: f.sites } },
        fix: {
          code: 'fix_known_site',
          params: { file: f.sites, example: sites.records[0]?.id ?? 'goma' },
        },
      });
  });
  const control = texts.control === undefined ? none : readControl(texts.control, f.control);

  const placeIssues = checkInProvince(
    located(places, f.places, (p) => p.name),
    provinces,
  );
  const siteIssues = checkInProvince(
    located(sites, f.sites, (s) => s.id),
    provinces,
  );
  const hotspotIssues = checkInProvince(
    located(hotspots, f.hotspots, (h) => h.id),
    provinces,
  );
  const controlIssues = checkInProvince(
    located(control, f.control, (t) => t.id),
    provinces,
  );

  const issues = [
    ...places.issues,
    ...placeIssues,
    ...sites.issues,
    ...siteIssues,
    ...hotspots.issues,
    ...hotspotIssues,
    ...phases.issues,
    ...events.issues,
    ...mandates.issues,
    ...siteTroops.issues,
    ...troopIssues,
    ...strength.issues,
    ...control.issues,
    ...controlIssues,
  ];
  const rows = (t: string | Uint8Array = '') =>
    Math.max(
      0,
      (typeof t === 'string' ? t : new TextDecoder().decode(t)).split('\n').filter((l) => l.trim())
        .length - 1,
    );
  return {
    scenario: {
      places: withoutMisplaced(places, placeIssues),
      sites: withoutMisplaced(sites, siteIssues),
      hotspots: withoutMisplaced(hotspots, hotspotIssues),
      phases: phases.records,
      events: events.records,
      mandates: mandates.records,
      siteTroops: withoutMisplaced(siteTroops, troopIssues),
      strength: strength.records,
      control: withoutMisplaced(control, controlIssues),
    },
    issues,
    rowsRead: {
      places: rows(texts.places),
      sites: rows(texts.sites),
      hotspots: rows(texts.hotspots),
      phases: rows(texts.phases),
      events: rows(texts.events),
      mandates: rows(texts.mandates),
      siteTroops: rows(texts.siteTroops),
      strength: rows(texts.strength),
      control: rows(texts.control),
    },
  };
}
