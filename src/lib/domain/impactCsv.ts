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
import type { Site } from './schema.ts';
import { yearOf } from './troops.ts';

/** A cell a spreadsheet will not run as a formula. */
export const safe = (v: string | number | null): string | number =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? '');

type Row = [header: (i: object, o: { locale: Locale }) => string, value: string | number | null][];

/** Sites only last seen (closure 'last_seen'), by id: the year of the last source showing each. */
export type LastSeen = ReadonlyMap<string, number>;

/** The sites only last seen, with their year: their end is not known to be a closure. */
export function lastSeenYears(
  sites: readonly Pick<Site, 'id' | 'closed' | 'closure'>[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sites)
    if (s.closure === 'last_seen' && s.closed) out.set(s.id, yearOf(s.closed.last));
  return out;
}

/** A site that caused a loss: its name, or "<name> (last seen <year>)" if only last seen. */
export function causeName(
  s: { id?: string; name: string },
  lastSeen: LastSeen,
  locale: Locale = 'en',
): string {
  const year = s.id === undefined ? undefined : lastSeen.get(s.id);
  return year === undefined ? s.name : m.impact_site_last_seen({ site: s.name, year }, { locale });
}

/**
 * The causes of a loss in the CSV's two columns: the sites known to have closed, and those only
 * last seen (a later source not showing a site does not say it closed).
 */
function causeCols(
  causes: readonly { id?: string; name: string }[],
  lastSeen: LastSeen,
  o: { locale: Locale },
): Row {
  const seen = (s: { id?: string }) => s.id !== undefined && lastSeen.has(s.id);
  return [
    [
      m.impact_csv_lost_because_closed,
      causes
        .filter((s) => !seen(s))
        .map((s) => s.name)
        .join('; '),
    ],
    [
      m.impact_csv_lost_with_last_seen,
      causes
        .filter(seen)
        .map((s) => causeName(s, lastSeen, o.locale))
        .join('; '),
    ],
  ];
}

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

/**
 * The in-mission-area column, when an area is given (the provinces the panel's headline
 * counts, ImpactModel.area): yes or no for a row's province, no for none.
 */
const areaCol = (
  iso: string | null,
  area: ReadonlySet<string> | null,
  o: { locale: Locale },
): Row =>
  area
    ? [
        [
          m.impact_csv_in_mission_area,
          iso !== null && area.has(iso) ? m.impact_csv_yes({}, o) : m.impact_csv_no({}, o),
        ],
      ]
    : [];

/** The rows under the union of their headers (imported events add columns of their own). */
function csv(rows: Row[], o: { locale: Locale }): string {
  const objects = rows.map((r) => Object.fromEntries(r.map(([h, v]) => [h({}, o), safe(v)])));
  const columns = [...new Set(objects.flatMap((r) => Object.keys(r)))];
  return Papa.unparse(objects, { columns });
}

/** Imported events by province and first actor: eventCover.ts's rows have these fields. */
interface EventTally {
  /** null: the point lies in no province. */
  province_iso: string | null;
  /** The first actor ('' where the source names none). */
  group: string;
  events: number;
  fatalities: number;
  unknownFatalities: number;
}

/** One dataset's imported events in the impact CSVs, over a window of days. */
export interface EventsCsv<R extends EventTally> {
  dataset: string;
  /** The window's first day (ISO), or '' for every event up to the last. */
  windowStart: string;
  windowEnd: string;
  rows: R[];
}

/** Rows of imported events in the coverage table: in reach of an open site or not. */
export type EventCoverCsv = EventsCsv<EventTally & { covered: boolean }>;
/** Rows of imported events that lost cover, with the sites that had them in reach. */
export type EventLossCsv = EventsCsv<EventTally & { causes: { id?: string; name: string }[] }>;

/** The columns of a row of imported events, the target columns left empty. */
const eventCols = (r: EventTally, o: { locale: Locale }): Row => [
  [m.impact_csv_kind, m.impact_csv_imported_events({}, o)],
  [m.impact_csv_name, ''],
  [
    m.impact_csv_province,
    r.province_iso === null
      ? m.impact_csv_no_province({}, o)
      : (provinceByIso(r.province_iso)?.name ?? r.province_iso),
  ],
  [m.impact_csv_province_iso, r.province_iso ?? ''],
  [m.impact_csv_armed_group, ''],
  [m.impact_csv_population, ''],
  [m.impact_csv_population_year, ''],
  [m.impact_csv_population_source, ''],
];
const eventTally = (d: EventsCsv<EventTally>, r: EventTally): Row => [
  [m.impact_csv_dataset, d.dataset],
  [m.impact_csv_window_start, d.windowStart],
  [m.impact_csv_window_end, d.windowEnd],
  [m.impact_csv_first_actor, r.group],
  [m.impact_csv_events, r.events],
  [m.impact_csv_fatalities, r.fatalities],
  [m.impact_csv_events_no_fatality_figure, r.unknownFatalities],
];

/**
 * One row per hotspot or place at the date: covered or not, by what, and the nearest site.
 * Then, for each dataset of imported events, one row per (in reach or not, province, first
 * actor) with its events and fatalities in the window. With `area`, a last column says whether
 * the row's province is in the mission's area.
 */
export function coverCsv(
  covers: Cover[],
  date: string,
  locale: Locale = 'en',
  events: EventCoverCsv[] = [],
  area: ReadonlySet<string> | null = null,
): string {
  const o = { locale };
  const yesNo = (b: boolean) => (b ? m.impact_csv_yes({}, o) : m.impact_csv_no({}, o));
  return csv(
    [
      ...covers.map((c): Row => [
        [m.impact_csv_date, date],
        ...targetCols(c.target, o),
        [m.impact_csv_covered, yesNo(c.by.length > 0)],
        [m.impact_csv_covered_by, c.by.map((s) => s.name).join('; ')],
        [m.impact_csv_nearest_site, c.nearest?.site.name ?? ''],
        [m.impact_csv_nearest_km, c.nearest ? Math.round(c.nearest.km) : ''],
        ...areaCol(c.target.province_iso, area, o),
      ]),
      ...events.flatMap((d) =>
        d.rows.map((r): Row => [
          [m.impact_csv_date, date],
          ...eventCols(r, o),
          [m.impact_csv_covered, yesNo(r.covered)],
          [m.impact_csv_covered_by, ''],
          [m.impact_csv_nearest_site, ''],
          [m.impact_csv_nearest_km, ''],
          ...areaCol(r.province_iso, area, o),
          ...eventTally(d, r),
        ]),
      ),
    ],
    o,
  );
}

/**
 * One row per lost cover: the closures that caused it (sites only last seen in a column of their
 * own, `lastSeen`) and the nearest remaining site. Then, for each dataset of imported events, one
 * row per (province, first actor, sites that had them in reach) of the window's events in reach
 * on `from` and out of reach on `to`. With `area`, a column says whether the row's province is
 * in the mission's area.
 */
export function lossCsv(
  losses: Loss[],
  from: string,
  to: string,
  locale: Locale = 'en',
  events: EventLossCsv[] = [],
  lastSeen: LastSeen = new Map(),
  area: ReadonlySet<string> | null = null,
): string {
  const o = { locale };
  return csv(
    [
      ...losses.map((l): Row => [
        [m.impact_csv_from, from],
        [m.impact_csv_to, to],
        ...targetCols(l.target, o),
        ...causeCols(l.causes, lastSeen, o),
        [m.impact_csv_nearest_remaining_site, l.nearest?.site.name ?? m.impact_csv_none({}, o)],
        [m.impact_csv_nearest_remaining_km, l.nearest ? Math.round(l.nearest.km) : ''],
        ...areaCol(l.target.province_iso, area, o),
      ]),
      ...events.flatMap((d) =>
        d.rows.map((r): Row => [
          [m.impact_csv_from, from],
          [m.impact_csv_to, to],
          ...eventCols(r, o),
          ...causeCols(r.causes, lastSeen, o),
          // A nearest site is a target's; rows of many events leave it empty.
          [m.impact_csv_nearest_remaining_site, ''],
          [m.impact_csv_nearest_remaining_km, ''],
          ...areaCol(r.province_iso, area, o),
          ...eventTally(d, r),
        ]),
      ),
    ],
    o,
  );
}
