/**
 * The impact tables as CSV (papaparse), for a spreadsheet or a report annex, with their headers
 * and words in the chosen language (English by default, for scripts). Cells that a spreadsheet
 * would run as a formula (=, +, -, @) are prefixed with an apostrophe.
 */
import Papa from 'papaparse';
import { m } from '../../paraglide/messages.js';
import type { Cover, Loss, Target } from './impact.ts';
import type { Locale } from './locales.ts';
import { provinceByIso } from './provinces.ts';

/** A cell a spreadsheet will not run as a formula. */
export const safe = (v: string | number | null): string | number =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? '');

type Row = [header: (i: object, o: { locale: Locale }) => string, value: string | number | null][];

const targetCols = (t: Target, o: { locale: Locale }): Row => [
  [
    m.impact_csv_kind,
    t.kind === 'hotspot' ? m.impact_csv_hotspot({}, o) : m.impact_csv_place({}, o),
  ],
  [m.impact_csv_name, t.name],
  [m.impact_csv_province, provinceByIso(t.province_iso)?.name ?? t.province_iso],
  [m.impact_csv_province_iso, t.province_iso],
  [m.impact_csv_armed_group, t.group ?? ''],
  [m.impact_csv_population, t.population ?? ''],
  [
    m.impact_csv_population_year,
    t.kind === 'place' ? (t.population_year ?? m.impact_csv_not_stated({}, o)) : '',
  ],
  [m.impact_csv_population_source, t.kind === 'place' && t.population !== null ? t.source : ''],
];

function csv(rows: Row[], o: { locale: Locale }): string {
  return Papa.unparse(rows.map((r) => Object.fromEntries(r.map(([h, v]) => [h({}, o), safe(v)]))));
}

/** One row per hotspot or place at the date: covered or not, by what, and the nearest site. */
export function coverCsv(covers: Cover[], date: string, locale: Locale = 'en'): string {
  const o = { locale };
  return csv(
    covers.map((c) => [
      [m.impact_csv_date, date],
      ...targetCols(c.target, o),
      [m.impact_csv_covered, c.by.length ? m.impact_csv_yes({}, o) : m.impact_csv_no({}, o)],
      [m.impact_csv_covered_by, c.by.map((s) => s.name).join('; ')],
      [m.impact_csv_nearest_site, c.nearest?.site.name ?? ''],
      [m.impact_csv_nearest_km, c.nearest ? Math.round(c.nearest.km) : ''],
    ]),
    o,
  );
}

/** One row per lost cover: the closures that caused it and the nearest remaining site. */
export function lossCsv(losses: Loss[], from: string, to: string, locale: Locale = 'en'): string {
  const o = { locale };
  return csv(
    losses.map((l) => [
      [m.impact_csv_from, from],
      [m.impact_csv_to, to],
      ...targetCols(l.target, o),
      [m.impact_csv_lost_because_closed, l.causes.map((s) => s.name).join('; ')],
      [m.impact_csv_nearest_remaining_site, l.nearest?.site.name ?? m.impact_csv_none({}, o)],
      [m.impact_csv_nearest_remaining_km, l.nearest ? Math.round(l.nearest.km) : ''],
    ]),
    o,
  );
}
