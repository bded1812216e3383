/**
 * The words of every problem found in data or in a file a user imports, in the reader's language.
 *
 * Readers and validators (table.ts, scenario.ts, userScenario.ts, slideDeck.ts…) are pure, some
 * run in a worker, and the reader may switch language after a problem was found; so they never
 * write text. They record a `Said`: a code and its parameters (a count, a value, a column, a
 * limit). The text is written where it is shown, from the catalogues, by `say(said, locale)`;
 * Node-side tools (the pipeline, `npm run validate-data`) get the English with the default.
 *
 * To add a problem (issue 24's ACLED and UCDP importers will):
 * 1. add `problem_<code>` to messages/en.json and messages/fr.json, with its `{placeholders}`;
 * 2. add `<code>: m.problem_<code>,` to `TEXT` below;
 * 3. record `{ code: '<code>', params: { … } }` where it is found. The code's type comes from
 *    `TEXT`, so svelte-check refuses a code that has no words.
 */
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { dayNumber } from './dates.ts';
import { formatDay } from './format.ts';
import { formatBytes } from './jsonFile.ts';
import type { Locale } from './locales.ts';

/** A problem's parameters; one may be a problem itself (why a save was refused), worded too. */
export type Params = { [name: string]: string | number | Said | Said[] };

/** A problem, or a fix, said by code: plain data, so it crosses a worker and is stored. */
export interface Said {
  code: ProblemCode;
  params?: Params;
  /**
   * Where in a JSON file (a dotted path such as "scenarios.0.name"); '' is the whole file.
   * Shown before the text.
   */
  path?: string;
}

type MessageFn = (inputs: Record<string, string | number>, options: { locale?: Locale }) => string;
/** Any message: each takes its own parameters, checked where the problem is recorded. */
type AnyMessage = (inputs: never, options: { locale?: Locale }) => string;

const TEXT = {
  // The CSV files: bytes, quotes, header, cells (table.ts, columns.ts).
  bad_byte: m.problem_bad_byte,
  bad_byte_after: m.problem_bad_byte_after,
  fix_utf8: m.problem_fix_utf8,
  quote_not_closed_here: m.problem_quote_not_closed_here,
  quote_never_closed: m.problem_quote_never_closed,
  fix_quote: m.problem_fix_quote,
  header_lacks: m.problem_header_lacks,
  fix_header: m.problem_fix_header,
  unknown_columns: m.problem_unknown_columns,
  fix_unknown_columns: m.problem_fix_unknown_columns,
  cell_count: m.problem_cell_count,
  fix_cell_count: m.problem_fix_cell_count,
  is_empty: m.problem_is_empty,
  not_id: m.problem_not_id,
  not_allowed: m.problem_not_allowed,
  not_province: m.problem_not_province,
  not_empty_or_province: m.problem_not_empty_or_province,
  not_province_list: m.problem_not_province_list,
  not_number: m.problem_not_number,
  not_number_required: m.problem_not_number_required,
  outside_range: m.problem_outside_range,
  not_whole_number: m.problem_not_whole_number,
  fix_fill_in: m.problem_fix_fill_in,
  fix_id: m.problem_fix_id,
  fix_one_of: m.problem_fix_one_of,
  fix_empty_or_one_of: m.problem_fix_empty_or_one_of,
  fix_province: m.problem_fix_province,
  fix_maybe_province: m.problem_fix_maybe_province,
  fix_province_list: m.problem_fix_province_list,
  fix_digits: m.problem_fix_digits,
  fix_digits_or_empty: m.problem_fix_digits_or_empty,
  // Dates (dates.ts) and the scenario files' own checks (scenario.ts, locations.ts).
  date_form: m.problem_date_form,
  date_precision_unknown: m.problem_date_precision_unknown,
  date_precision_mismatch: m.problem_date_precision_mismatch,
  date_no_month: m.problem_date_no_month,
  date_no_day: m.problem_date_no_day,
  precision_empty: m.problem_precision_empty,
  date_before: m.problem_date_before,
  fix_date: m.problem_fix_date,
  fix_check_dates: m.problem_fix_check_dates,
  fix_full_date: m.problem_fix_full_date,
  closure_missing: m.problem_closure_missing,
  fix_closure_how: m.problem_fix_closure_how,
  closure_without_date: m.problem_closure_without_date,
  basis_without_date: m.problem_basis_without_date,
  fix_basis_add_date: m.problem_fix_basis_add_date,
  fix_year: m.problem_fix_year,
  troops_outside_range: m.problem_troops_outside_range,
  fix_troops_range: m.problem_fix_troops_range,
  site_year_repeated: m.problem_site_year_repeated,
  fix_site_year_once: m.problem_fix_site_year_once,
  no_figure: m.problem_no_figure,
  fix_give_figure: m.problem_fix_give_figure,
  unknown_site: m.problem_unknown_site,
  fix_known_site: m.problem_fix_known_site,
  fix_closure_add_date: m.problem_fix_closure_add_date,
  fix_province_needed: m.problem_fix_province_needed,
  coordinate_half: m.problem_coordinate_half,
  fix_coordinates: m.problem_fix_coordinates,
  id_repeated: m.problem_id_repeated,
  fix_unique_id: m.problem_fix_unique_id,
  not_resolution: m.problem_not_resolution,
  fix_resolution: m.problem_fix_resolution,
  fix_lat: m.problem_fix_lat,
  fix_lon: m.problem_fix_lon,
  fix_lat_required: m.problem_fix_lat_required,
  fix_lon_required: m.problem_fix_lon_required,
  fix_radius: m.problem_fix_radius,
  fix_cite_source: m.problem_fix_cite_source,
  fix_cite_plan: m.problem_fix_cite_plan,
  fix_cite_event: m.problem_fix_cite_event,
  fix_cite_resolution: m.problem_fix_cite_resolution,
  fix_cite_place: m.problem_fix_cite_place,
  fix_armed_group: m.problem_fix_armed_group,
  fix_area_label: m.problem_fix_area_label,
  fix_population_year: m.problem_fix_population_year,
  fix_town_point: m.problem_fix_town_point,
  outside_province: m.problem_outside_province,
  outside_province_abroad: m.problem_outside_province_abroad,
  fix_swapped: m.problem_fix_swapped,
  // The bundled files themselves (loadDefault.ts, boundaries.ts).
  http: m.problem_http,
  fix_build_data: m.problem_fix_build_data,
  topojson_missing: m.problem_topojson_missing,
  fix_rebuild_boundaries: m.problem_fix_rebuild_boundaries,
  provinces_count: m.problem_provinces_count,
  provinces_missing: m.problem_provinces_missing,
  fix_rebuild_provinces: m.problem_fix_rebuild_provinces,
  // JSON files a user saves and imports (jsonFile.ts, userScenario.ts, slideDeck.ts).
  not_json: m.problem_not_json,
  not_scenario_object: m.problem_not_scenario_object,
  not_deck_object: m.problem_not_deck_object,
  not_iso_day: m.problem_not_iso_day,
  not_real_day: m.problem_not_real_day,
  empty_id: m.problem_empty_id,
  no_site: m.problem_no_site,
  site_id_long: m.problem_site_id_long,
  empty_name: m.problem_empty_name,
  name_long: m.problem_name_long,
  created_long: m.problem_created_long,
  too_many_changes: m.problem_too_many_changes,
  too_many_scenarios: m.problem_too_many_scenarios,
  too_many_slides: m.problem_too_many_slides,
  not_version: m.problem_not_version,
  caption_long: m.problem_caption_long,
  not_view: m.problem_not_view,
  not_layer_id: m.problem_not_layer_id,
  not_plan: m.problem_not_plan,
  not_feature_id: m.problem_not_feature_id,
  not_scenario_id: m.problem_not_scenario_id,
  wrong_type: m.problem_wrong_type,
  change_repeated: m.problem_change_repeated,
  change_repeated_kept: m.problem_change_repeated_kept,
  record_change_twice: m.problem_record_change_twice,
  scenario_id_repeated: m.problem_scenario_id_repeated,
  slide_id_repeated: m.problem_slide_id_repeated,
  unreadable: m.problem_unreadable,
  too_large: m.problem_too_large,
  // Reach radii (reach.ts).
  reach_not_object: m.reach_not_object,
  reach_unknown_kind: m.reach_unknown_kind,
  reach_not_distance: m.reach_not_distance,
  // Saved work in this browser (savedStore.ts).
  saved_collection_scenarios: m.saved_collection_scenarios,
  saved_collection_slides: m.saved_collection_slides,
  saved_collection_radii: m.saved_collection_radii,
  saved_full: m.saved_full,
  saved_same_id: m.saved_same_id,
  saved_refused: m.saved_refused,
  saved_newer_collection: m.saved_newer_collection,
  saved_not_saved: m.saved_not_saved,
  saved_not_removed: m.saved_not_removed,
  saved_no_storage: m.saved_no_storage,
  saved_newer_tab: m.saved_newer_tab,
  saved_held: m.saved_held,
  saved_open_refused: m.saved_open_refused,
  saved_open_failed: m.saved_open_failed,
  saved_newer_db: m.saved_newer_db,
  saved_read_failed: m.saved_read_failed,
  saved_not_record: m.saved_not_record,
  saved_not_json: m.saved_not_json,
  saved_set_aside_before: m.saved_set_aside_before,
  saved_migration_failed: m.saved_migration_failed,
  saved_radii_not_kept: m.saved_radii_not_kept,
  saved_about: m.saved_about,
  // What-if scenarios (planningState.svelte.ts).
  notice_scenarios_repaired: m.notice_scenarios_repaired,
  scenario_not_imported: m.scenario_not_imported,
  scenario_imported: m.scenario_imported,
  scenario_unknown_sites: m.scenario_unknown_sites,
  scenario_unknown_sites_more: m.scenario_unknown_sites_more,
  // Kept copies (KeptCopies.svelte).
  kept_deleted: m.kept_deleted,
  kept_restored: m.kept_restored,
  kept_gone: m.kept_gone,
  kept_unreadable_deck: m.kept_unreadable_deck,
  kept_why_import: m.kept_why_import,
  kept_why_restore: m.kept_why_restore,
  // Slide decks (presentState.svelte.ts).
  slides_not_imported: m.slides_not_imported,
  slides_renumbered: m.slides_renumbered,
  slides_added: m.slides_added,
  slides_imported: m.slides_imported,
  slides_replaced_kept: m.slides_replaced_kept,
  // Imported datasets: keeping them (datasetStore.ts, importState.svelte.ts).
  import_lost: m.problem_import_lost,
  import_no_storage: m.problem_import_no_storage,
  import_no_storage_detail: m.problem_import_no_storage_detail,
  import_not_kept_full: m.problem_import_not_kept_full,
  import_not_kept: m.problem_import_not_kept,
  import_no_valid_rows: m.problem_import_no_valid_rows,
  import_scenario_file_later: m.problem_import_scenario_file_later,
  import_read_as_1252: m.problem_import_read_as_1252,
  // Foreign CSV files read as bytes (import/csvBytes.ts).
  line_too_long: m.problem_line_too_long,
  fix_line_too_long: m.problem_fix_line_too_long,
  read_as_windows_1252: m.problem_read_as_windows_1252,
  // Imported event tables: cells, rows, formats (import/cells.ts, rowReader.ts, formats.ts).
  date_unreadable: m.problem_date_unreadable,
  fix_date_like: m.problem_fix_date_like,
  fix_real_date: m.problem_fix_real_date,
  date_year_outside: m.problem_date_year_outside,
  fix_four_digit_year: m.problem_fix_four_digit_year,
  date_order_assumed: m.problem_date_order_assumed,
  number_grouped: m.problem_number_grouped,
  number_wrong_mark: m.problem_number_wrong_mark,
  fix_plain_number: m.problem_fix_plain_number,
  null_island: m.problem_null_island,
  fix_null_island: m.problem_fix_null_island,
  coords_swapped: m.problem_coords_swapped,
  fix_swap_coords: m.problem_fix_swap_coords,
  number_below_zero: m.problem_number_below_zero,
  fix_fatalities: m.problem_fix_fatalities,
  fix_month_number: m.problem_fix_month_number,
  file_empty: m.problem_file_empty,
  file_binary: m.problem_file_binary,
  file_header_only: m.problem_file_header_only,
  file_no_date_coordinates: m.problem_file_no_date_coordinates,
  file_format_lacks: m.problem_file_format_lacks,
  import_format_acled: m.import_format_acled,
  import_format_acled_2019: m.import_format_acled_2019,
  import_format_acled_2018: m.import_format_acled_2018,
  import_format_acled_legacy: m.import_format_acled_legacy,
  import_format_ucdp_ged: m.import_format_ucdp_ged,
  import_format_ucdp_candidate: m.import_format_ucdp_candidate,
  import_format_geopko: m.import_format_geopko,
  import_format_ours_sites: m.import_format_ours_sites,
  import_format_ours_hotspots: m.import_format_ours_hotspots,
  import_format_ours_events: m.import_format_ours_events,
  import_format_generic: m.import_format_generic,
  import_terms_acled: m.import_terms_acled,
  import_terms_ucdp: m.import_terms_ucdp,
  import_terms_ucdp_candidate: m.import_terms_ucdp_candidate,
  import_terms_geopko: m.import_terms_geopko,
  // GeoJSON and Excel files read as tables (import/geojsonSource.ts, import/xlsxSource.ts).
  file_not_json: m.problem_file_not_json,
  file_not_geojson: m.problem_file_not_geojson,
  file_topojson: m.problem_file_topojson,
  file_geojson_features_not_list: m.problem_file_geojson_features_not_list,
  file_geojson_empty: m.problem_file_geojson_empty,
  file_geojson_nothing_read: m.problem_file_geojson_nothing_read,
  file_geojson_too_large: m.problem_file_geojson_too_large,
  geojson_not_feature: m.problem_geojson_not_feature,
  geojson_no_geometry: m.problem_geojson_no_geometry,
  geojson_unknown_geometry: m.problem_geojson_unknown_geometry,
  geojson_no_coordinates: m.problem_geojson_no_coordinates,
  geojson_not_position: m.problem_geojson_not_position,
  geojson_out_of_range: m.problem_geojson_out_of_range,
  geojson_ring_open: m.problem_geojson_ring_open,
  fix_geojson_position: m.problem_fix_geojson_position,
  fix_geojson_ring: m.problem_fix_geojson_ring,
  fix_geojson_geometry: m.problem_fix_geojson_geometry,
  geojson_lines_not_read: m.problem_geojson_lines_not_read,
  geojson_collections_not_read: m.problem_geojson_collections_not_read,
  import_at_feature: m.problem_import_at_feature,
  import_at_sheet_row: m.problem_import_at_sheet_row,
  file_xls_old: m.problem_file_xls_old,
  file_not_xlsx: m.problem_file_not_xlsx,
  file_xlsx_broken: m.problem_file_xlsx_broken,
  file_xlsx_too_large: m.problem_file_xlsx_too_large,
  file_xlsx_no_sheet: m.problem_file_xlsx_no_sheet,
  file_xlsx_sheet_empty: m.problem_file_xlsx_sheet_empty,
  // The user's registers: sites, hotspots, milestones, Geo-PKO as sites (data/registers.ts,
  // import/geopkoSites.ts).
  register_no_valid_rows: m.problem_register_no_valid_rows,
  register_geopko_other_missions: m.problem_register_geopko_other_missions,
  geopko_lacks: m.problem_geopko_lacks,
  geopko_no_mission: m.problem_geopko_no_mission,
  geopko_outside_drc: m.problem_geopko_outside_drc,
  fix_geopko_outside_drc: m.problem_fix_geopko_outside_drc,
  fix_geopko_location: m.problem_fix_geopko_location,
  fix_geopko_troops: m.problem_fix_geopko_troops,
  // Scenarios that add hotspots, such as those suggested from imported events (userScenario.ts,
  // data/addedHotspots.ts).
  store_version_unknown: m.problem_store_version_unknown,
  too_many_hotspots: m.problem_too_many_hotspots,
  hotspot_cell_long: m.problem_hotspot_cell_long,
  hotspot_row_problem: m.problem_hotspot_row_problem,
  // Slides' callouts (slideDeck.ts).
  not_callout_id: m.problem_not_callout_id,
  callout_empty: m.problem_callout_empty,
  callout_long: m.problem_callout_long,
  callout_not_at: m.problem_callout_not_at,
  callout_not_offset: m.problem_callout_not_offset,
  too_many_callouts: m.problem_too_many_callouts,
} satisfies Record<string, AnyMessage>;

/** Every problem and fix the app can name. */
export type ProblemCode = keyof typeof TEXT;
export const PROBLEM_CODES = Object.keys(TEXT) as ProblemCode[];

/** Whether `s` names a problem (a valibot issue's message is one, or valibot's own English). */
export function isProblemCode(s: string): s is ProblemCode {
  return Object.hasOwn(TEXT, s);
}

/** Parameters written in the reader's language (sizes), per code; the rest go in as they are. */
const FORMAT: Partial<Record<ProblemCode, (p: Params, locale: Locale) => Params>> = {
  kept_why_restore: (p, l) => {
    const [y, mo, d] = String(p.date).split('-').map(Number);
    return { ...p, date: y && mo && d ? formatDay(dayNumber(y, mo, d), l) : String(p.date) };
  },
  too_large: (p, l) => ({
    ...p,
    size: formatBytes(Number(p.size), l),
    limit: formatBytes(Number(p.limit), l),
  }),
  // Foreign CSV files read as bytes (import/csvBytes.ts).
  line_too_long: (p, l) => ({ ...p, limit: formatBytes(Number(p.limit), l) }),
  // GeoJSON and Excel files read as tables (import/geojsonSource.ts, import/xlsxSource.ts).
  file_geojson_too_large: (p, l) => ({
    ...p,
    size: formatBytes(Number(p.size), l),
    limit: formatBytes(Number(p.limit), l),
  }),
  file_xlsx_too_large: (p, l) => ({
    ...p,
    size: formatBytes(Number(p.size), l),
    limit: formatBytes(Number(p.limit), l),
  }),
};

/** The words of a problem or fix, in `locale` (the current language when omitted). */
export function say(s: Said, locale?: Locale): string {
  const options = locale ? { locale } : {};
  const format = FORMAT[s.code];
  const given = format ? format(s.params ?? {}, locale ?? getLocale()) : (s.params ?? {});
  const params = Object.fromEntries(
    Object.entries(given).map(([k, v]) => [
      k,
      Array.isArray(v) ? sayAll(v, locale) : typeof v === 'object' ? say(v, locale) : v,
    ]),
  );
  const text = (TEXT[s.code] as MessageFn)(params, options);
  if (s.path === undefined) return text;
  return m.problem_at({ at: s.path || m.problem_the_file({}, options), text }, options);
}

/** Several problems, one after another. */
export function sayAll(list: readonly Said[], locale?: Locale): string {
  return list.map((s) => say(s, locale)).join(m.problem_separator({}, locale ? { locale } : {}));
}
