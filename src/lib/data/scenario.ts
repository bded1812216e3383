/**
 * The validating loader for the scenario files. The bundled default data and a user's import
 * go through the same functions: typed records out, plus every problem found, by line.
 */
import { notBefore, readFuzzyDate, type FuzzyDate } from '../domain/dates.ts';
import {
  CLOSURES,
  CONFIDENCES,
  EVENT_KINDS,
  FIGURES,
  OPENED_BASES,
  PHASE_STATUSES,
  PLANS,
  SITE_KINDS,
  type Hotspot,
  type Mandate,
  type Phase,
  type Place,
  type ScenarioEvent,
  type Site,
  type SiteTroops,
  type StrengthFigure,
} from '../domain/schema.ts';
import * as c from './columns.ts';
import type { DataIssue } from './errors.ts';
import type { Said } from '../domain/problems.ts';
import { readTable, type Spec, type TableRow } from './table.ts';

/** A loaded file: the records that passed, the line each came from, and every issue. */
export interface Loaded<T> {
  records: T[];
  lines: number[];
  issues: DataIssue[];
}

export const LAT = c.number(-90, 90, true, { code: 'fix_lat', params: { example: -1.6741 } });
export const LON = c.number(-180, 180, true, { code: 'fix_lon', params: { example: 29.2285 } });
const DATE_FIX: Said = { code: 'fix_date' };

/** Reads a date and its precision column; both empty gives null when allowed. */
function datePair(
  issues: DataIssue[],
  file: string,
  line: number,
  field: string,
  text: string,
  precision: string,
  required: boolean,
): FuzzyDate | null | undefined {
  if (!text && !precision) {
    if (!required) return null;
    issues.push({ file, line, field, value: '', message: { code: 'is_empty' }, fix: DATE_FIX });
    return undefined;
  }
  if (!precision) {
    issues.push({
      file,
      line,
      field: `${field}_precision`,
      value: '',
      message: { code: 'precision_empty', params: { field, text } },
      fix: DATE_FIX,
    });
    return undefined;
  }
  const d = readFuzzyDate(text, precision);
  if ('code' in d) {
    issues.push({ file, line, field, value: text, message: d, fix: DATE_FIX });
    return undefined;
  }
  return d;
}

/** Reads a start/end pair of dates and checks the end is not before the start. */
export function dateRange(
  issues: DataIssue[],
  file: string,
  line: number,
  start: [field: string, text: string, precision: string],
  end: [field: string, text: string, precision: string],
  startRequired: boolean,
): { start: FuzzyDate | null; end: FuzzyDate | null } | undefined {
  const a = datePair(issues, file, line, start[0], start[1], start[2], startRequired);
  const b = datePair(issues, file, line, end[0], end[1], end[2], false);
  if (a && b && !notBefore(b, a))
    issues.push({
      file,
      line,
      field: end[0],
      value: end[1],
      message: { code: 'date_before', params: { start: start[0], text: start[1] } },
      fix: { code: 'fix_check_dates' },
    });
  return a === undefined || b === undefined ? undefined : { start: a, end: b };
}

/** The columns that say where a record comes from and how sure it is. */
export const CITED = {
  source: c.text({ code: 'fix_cite_source' }),
  confidence: c.oneOf(CONFIDENCES),
  notes: c.optionalText,
};

/** Runs the table read, then a per-row builder that may add issues and reject the row. */
export function build<S extends Spec, T>(
  text: string | Uint8Array,
  file: string,
  spec: S,
  make: (row: TableRow<S>, issues: DataIssue[]) => T | undefined,
): Loaded<T> {
  const { rows, issues } = readTable(text, file, spec);
  const out: Loaded<T> = { records: [], lines: [], issues };
  for (const row of rows) {
    const before = issues.length;
    const rec = make(row, issues);
    if (rec !== undefined && issues.length === before) {
      out.records.push(rec);
      out.lines.push(row.line);
    }
  }
  return out;
}

function coordinates(
  issues: DataIssue[],
  file: string,
  line: number,
  lat: number | null,
  lon: number | null,
): boolean {
  if ((lat === null) === (lon === null)) return true;
  issues.push({
    file,
    line,
    field: lat === null ? 'lat' : 'lon',
    value: '',
    message: { code: 'coordinate_half' },
    fix: { code: 'fix_coordinates' },
  });
  return false;
}

/** Keeps the first record of each id; each repeat is reported and left out. */
export function uniqueIds<T extends { id: string }>(loaded: Loaded<T>, file: string): Loaded<T> {
  const seen = new Map<string, number>();
  const keep: number[] = [];
  loaded.records.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined)
      loaded.issues.push({
        file,
        line: loaded.lines[i],
        field: 'id',
        value: r.id,
        message: { code: 'id_repeated', params: { line: first } },
        fix: { code: 'fix_unique_id' },
      });
    else {
      seen.set(r.id, loaded.lines[i]!);
      keep.push(i);
    }
  });
  return {
    records: keep.map((i) => loaded.records[i]!),
    lines: keep.map((i) => loaded.lines[i]!),
    issues: loaded.issues,
  };
}

const SITE_SPEC = {
  id: c.id,
  name: c.text(),
  kind: c.oneOf(SITE_KINDS),
  province_iso: c.maybeProvince,
  lat: LAT,
  lon: LON,
  opened: c.optionalText,
  opened_precision: c.optionalText,
  opened_basis: c.mayOmit(c.maybeOneOf(OPENED_BASES)),
  closed: c.optionalText,
  closed_precision: c.optionalText,
  closure: c.maybeOneOf(CLOSURES),
  troops_estimate: c.count(true),
  contingent: c.optionalText,
  ...CITED,
};

/** Reads sites.csv. */
export function readSites(text: string | Uint8Array, file = 'sites.csv'): Loaded<Site> {
  const loaded = build(text, file, SITE_SPEC, ({ line, values: r }, issues) => {
    const dates = dateRange(
      issues,
      file,
      line,
      ['opened', r.opened, r.opened_precision],
      ['closed', r.closed, r.closed_precision],
      false,
    );
    const closed = dates?.end;
    if (closed && !r.closure)
      issues.push({
        file,
        line,
        field: 'closure',
        value: '',
        message: { code: 'closure_missing' },
        fix: { code: 'fix_closure_how', params: { options: CLOSURES.join(', ') } },
      });
    if (closed === null && r.closure)
      issues.push({
        file,
        line,
        field: 'closure',
        value: r.closure,
        message: { code: 'closure_without_date' },
        fix: { code: 'fix_closure_add_date' },
      });
    if (r.opened_basis && !r.opened)
      issues.push({
        file,
        line,
        field: 'opened_basis',
        value: r.opened_basis,
        message: { code: 'basis_without_date' },
        fix: { code: 'fix_basis_add_date' },
      });
    if (r.province_iso === null && r.kind !== 'liaison_office')
      issues.push({
        file,
        line,
        field: 'province_iso',
        value: '',
        message: { code: 'is_empty' },
        fix: { code: 'fix_province_needed' },
      });
    coordinates(issues, file, line, r.lat, r.lon);
    if (!dates) return undefined;
    return { ...r, opened: dates.start, closed: dates.end } as Site;
  });
  return uniqueIds(loaded, file);
}

const HOTSPOT_SPEC = {
  id: c.id,
  group: c.text({ code: 'fix_armed_group' }),
  label: c.text({ code: 'fix_area_label', params: { example: 'ADF around Beni' } }),
  province_iso: c.province,
  lat: LAT,
  lon: LON,
  radius_km: c.number(0.1, 500, false, { code: 'fix_radius', params: { example: 25 } }),
  from: c.optionalText,
  from_precision: c.optionalText,
  to: c.optionalText,
  to_precision: c.optionalText,
  intensity: c.maybeOneOf(['1', '2', '3'] as const),
  intensity_basis: c.mayOmit(c.optionalText),
  ...CITED,
};

/** Reads hotspots.csv. */
export function readHotspots(text: string | Uint8Array, file = 'hotspots.csv'): Loaded<Hotspot> {
  const loaded = build(text, file, HOTSPOT_SPEC, ({ line, values: r }, issues) => {
    const dates = dateRange(
      issues,
      file,
      line,
      ['from', r.from, r.from_precision],
      ['to', r.to, r.to_precision],
      true,
    );
    coordinates(issues, file, line, r.lat, r.lon);
    if (!dates?.start) return undefined;
    return {
      ...r,
      radius_km: r.radius_km!,
      from: dates.start,
      to: dates.end,
      intensity: r.intensity === null ? null : (Number(r.intensity) as 1 | 2 | 3),
    } as Hotspot;
  });
  return uniqueIds(loaded, file);
}

const PHASE_SPEC = {
  id: c.id,
  plan: c.oneOf(PLANS),
  name: c.text(),
  provinces: c.provinceList,
  start: c.optionalText,
  start_precision: c.optionalText,
  end: c.optionalText,
  end_precision: c.optionalText,
  status: c.oneOf(PHASE_STATUSES),
  source: c.text({ code: 'fix_cite_plan' }),
};

/** Reads phases.csv. */
export function readPhases(text: string | Uint8Array, file = 'phases.csv'): Loaded<Phase> {
  const loaded = build(text, file, PHASE_SPEC, ({ line, values: r }, issues) => {
    const dates = dateRange(
      issues,
      file,
      line,
      ['start', r.start, r.start_precision],
      ['end', r.end, r.end_precision],
      false,
    );
    if (!dates) return undefined;
    return {
      id: r.id,
      plan: r.plan,
      name: r.name,
      provinces: r.provinces,
      start: dates.start,
      end: dates.end,
      status: r.status,
      source: r.source,
    };
  });
  return uniqueIds(loaded, file);
}

const EVENT_SPEC = {
  date: c.optionalText,
  date_precision: c.optionalText,
  title: c.text(),
  description: c.optionalText,
  provinces: c.provinceList,
  kind: c.oneOf(EVENT_KINDS),
  source: c.text({ code: 'fix_cite_event' }),
};

/** Reads events.csv. */
export function readEvents(text: string | Uint8Array, file = 'events.csv'): Loaded<ScenarioEvent> {
  return build(text, file, EVENT_SPEC, ({ line, values: r }, issues) => {
    const date = datePair(issues, file, line, 'date', r.date, r.date_precision, true);
    if (!date) return undefined;
    return {
      date,
      title: r.title,
      description: r.description,
      provinces: r.provinces,
      kind: r.kind,
      source: r.source,
    };
  });
}

const MANDATE_SPEC = {
  resolution: {
    schema: c.text().schema,
    fix: {
      code: 'fix_resolution',
      params: { example: 'S/RES/2717', step: 'S/RES/2717 from 2024-07-01' },
    } satisfies Said,
  },
  adopted: c.text(),
  mandate_until: c.text(),
  troops: c.count(false),
  military_observers_staff: c.count(false),
  individual_police: c.count(false),
  formed_police: c.count(false),
  source: c.text({ code: 'fix_cite_resolution' }),
};
const RESOLUTION = /^S\/RES\/(\d{4})(?: from (\d{4}-\d{2}-\d{2}))?$/;

/** Reads mandates.csv; dates there are always full days. */
export function readMandates(text: string | Uint8Array, file = 'mandates.csv'): Loaded<Mandate> {
  return build(text, file, MANDATE_SPEC, ({ line, values: r }, issues) => {
    const m = RESOLUTION.exec(r.resolution);
    if (!m) {
      issues.push({
        file,
        line,
        field: 'resolution',
        value: r.resolution,
        message: { code: 'not_resolution' },
        fix: MANDATE_SPEC.resolution.fix,
      });
      return undefined;
    }
    const day = (field: string, text: string) => {
      const d = readFuzzyDate(text, 'day');
      if ('code' in d)
        issues.push({ file, line, field, value: text, message: d, fix: { code: 'fix_full_date' } });
      return 'code' in d ? undefined : d;
    };
    const adopted = day('adopted', r.adopted);
    const until = day('mandate_until', r.mandate_until);
    const step = m[2] ? day('resolution', m[2]) : adopted;
    if (!adopted || !until || !step) return undefined;
    return {
      resolution: r.resolution,
      adopted,
      mandate_until: until,
      in_force_from: step,
      troops: r.troops!,
      military_observers_staff: r.military_observers_staff!,
      individual_police: r.individual_police!,
      formed_police: r.formed_police!,
      source: r.source,
    };
  });
}

const PLACE_SPEC = {
  name: c.text(),
  alt_names: c.optionalText,
  province_iso: c.province,
  lat: c.number(-90, 90, false, { code: 'fix_lat_required', params: { example: -1.6741 } }),
  lon: c.number(-180, 180, false, { code: 'fix_lon_required', params: { example: 29.2285 } }),
  population: c.count(true),
  population_year: {
    schema: c.count(true).schema,
    fix: { code: 'fix_population_year' } satisfies Said,
  },
  source: c.text({ code: 'fix_cite_place' }),
};

/** Reads places.csv (the gazetteer). */
export function readPlaces(text: string | Uint8Array, file = 'places.csv'): Loaded<Place> {
  return build(text, file, PLACE_SPEC, ({ values: r }) => ({
    ...r,
    alt_names: r.alt_names ? r.alt_names.split(';').map((s) => s.trim()) : [],
    lat: r.lat!,
    lon: r.lon!,
  }));
}

const SITE_TROOPS_SPEC = {
  site: c.id,
  year: c.number(1999, 2100, false, { code: 'fix_year', params: { example: 2021 } }),
  troops: c.count(false),
  troops_min: c.count(true),
  troops_max: c.count(true),
  unit_types: c.optionalText,
  source: c.text({ code: 'fix_cite_source' }),
  notes: c.optionalText,
};

/** Reads site-troops.csv: one site's estimated troops in one year. */
export function readSiteTroops(
  text: string | Uint8Array,
  file = 'site-troops.csv',
): Loaded<SiteTroops> {
  const seen = new Map<string, number>();
  return build(text, file, SITE_TROOPS_SPEC, ({ line, values: r }, issues) => {
    const year = r.year!;
    if (!Number.isInteger(year))
      issues.push({
        file,
        line,
        field: 'year',
        value: String(year),
        message: { code: 'not_whole_number' },
        fix: { code: 'fix_year', params: { example: 2021 } },
      });
    const lo = r.troops_min ?? -Infinity;
    const hi = r.troops_max ?? Infinity;
    if (r.troops! < lo || r.troops! > hi)
      issues.push({
        file,
        line,
        field: 'troops',
        value: String(r.troops),
        message: { code: 'troops_outside_range' },
        fix: { code: 'fix_troops_range' },
      });
    const key = `${r.site} ${year}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        file,
        line,
        field: 'year',
        value: String(year),
        message: { code: 'site_year_repeated', params: { line: first } },
        fix: { code: 'fix_site_year_once' },
      });
    else seen.set(key, line);
    return { ...r, year, troops: r.troops! } as SiteTroops;
  });
}

const STRENGTH_SPEC = {
  date: c.text({ code: 'fix_date' }),
  date_precision: c.text({ code: 'fix_date' }),
  troops: c.count(true),
  military_observers_staff: c.count(true),
  police_individual: c.count(true),
  police_formed: c.count(true),
  police_total: c.count(true),
  uniformed_total: c.count(true),
  figure: c.oneOf(FIGURES),
  ...CITED,
};

/** Reads strength.csv: the mission's deployed strength, one dated figure a row. */
export function readStrength(
  text: string | Uint8Array,
  file = 'strength.csv',
): Loaded<StrengthFigure> {
  return build(text, file, STRENGTH_SPEC, ({ line, values: r }, issues) => {
    const date = datePair(issues, file, line, 'date', r.date, r.date_precision, true);
    const numbers = [
      r.troops,
      r.military_observers_staff,
      r.police_individual,
      r.police_formed,
      r.police_total,
      r.uniformed_total,
    ];
    if (numbers.every((n) => n === null))
      issues.push({
        file,
        line,
        field: 'troops',
        value: '',
        message: { code: 'no_figure' },
        fix: { code: 'fix_give_figure' },
      });
    if (!date) return undefined;
    return {
      date,
      troops: r.troops,
      military_observers_staff: r.military_observers_staff,
      police_individual: r.police_individual,
      police_formed: r.police_formed,
      police_total: r.police_total,
      uniformed_total: r.uniformed_total,
      figure: r.figure,
      source: r.source,
      confidence: r.confidence,
      notes: r.notes,
    };
  });
}
