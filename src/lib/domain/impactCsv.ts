/**
 * The impact tables as CSV (papaparse), for a spreadsheet or a report annex. Cells that a
 * spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
 */
import Papa from 'papaparse';
import type { Cover, Loss, Target } from './impact.ts';
import { provinceByIso } from './provinces.ts';

const safe = (v: string | number | null): string | number =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? '');

const targetCols = (t: Target) => ({
  kind: t.kind,
  name: t.name,
  province: provinceByIso(t.province_iso)?.name ?? t.province_iso,
  province_iso: t.province_iso,
  armed_group: t.group ?? '',
  population: t.population ?? '',
  population_year: t.kind === 'place' ? (t.population_year ?? 'not stated') : '',
  population_source: t.kind === 'place' && t.population !== null ? t.source : '',
});

function csv(rows: Record<string, string | number | null>[]): string {
  return Papa.unparse(
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safe(v)]))),
  );
}

/** One row per hotspot or place at the date: covered or not, by what, and the nearest site. */
export function coverCsv(covers: Cover[], date: string): string {
  return csv(
    covers.map((c) => ({
      date,
      ...targetCols(c.target),
      covered: c.by.length ? 'yes' : 'no',
      covered_by: c.by.map((s) => s.name).join('; '),
      nearest_site: c.nearest?.site.name ?? '',
      nearest_km: c.nearest ? Math.round(c.nearest.km) : '',
    })),
  );
}

/** One row per lost cover: the closures that caused it and the nearest remaining site. */
export function lossCsv(losses: Loss[], from: string, to: string): string {
  return csv(
    losses.map((l) => ({
      from,
      to,
      ...targetCols(l.target),
      lost_because_closed: l.causes.map((s) => s.name).join('; '),
      nearest_remaining_site: l.nearest?.site.name ?? 'none',
      nearest_remaining_km: l.nearest ? Math.round(l.nearest.km) : '',
    })),
  );
}
