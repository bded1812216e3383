/**
 * The contract between the parts of the import (issue 24): the byte-level CSV reader
 * (csvBytes.ts), the sniffers (sniff.ts), the cell readers (cells.ts), the format registry
 * (formats.ts), the worker that runs them (importWorker.ts) and the columnar table the map
 * draws (eventColumns.ts). Plain data only: everything here crosses a worker and is stored.
 */
import type { Said } from '../domain/problems.ts';

/** The encodings a CSV is read in. Windows-1252 is a superset of Latin-1 for printable text. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the sniffers found at the top of a file. */
export interface Sniffed {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip (0, 2 or 3). */
  bom: number;
  delimiter: ',' | ';' | '\t';
  /** Numbers are written with a decimal comma (a French-locale spreadsheet). */
  decimalComma: boolean;
}

/**
 * The formats we recognise from a header. `ours-*` are our own scenario files (data-format.md);
 * `generic` is any table with a date and coordinates, read through a column mapping.
 */
export type FormatId =
  | 'acled' // ACLED's current export (2023 on: disorder_type, civilian_targeting, tags…)
  | 'acled-2019' // ACLED 2019–2022 export (data_id, iso, …, sub_event_type, …, iso3)
  | 'acled-2018' // ACLED 2018 export: as 2019 without sub_event_type
  | 'acled-legacy' // ACLED's upper-case files (GWNO, EVENT_ID_CNTY, …), DD/MM/YYYY dates
  | 'ucdp-ged' // UCDP Georeferenced Event Dataset
  | 'ucdp-candidate' // UCDP Candidate Events
  | 'geopko' // Geo-PKO v2.x: one row per location and period
  | 'ours-sites'
  | 'ours-hotspots'
  | 'ours-events'
  | 'generic';

/** What a dataset is once read: conflict events (a map layer), or rows for the scenario. */
export type DatasetKind = 'events' | 'sites' | 'hotspots' | 'milestones';

/**
 * The fields of a conflict event that formats map their columns to. Only date, lat and lon
 * are required; the rest enrich colour, size, filters and the tooltip.
 */
export type EventField =
  | 'id'
  | 'date'
  | 'datePrecision'
  | 'dateEnd'
  | 'lat'
  | 'lon'
  | 'geoPrecision'
  | 'eventType'
  | 'subEventType'
  | 'actor1'
  | 'actor2'
  /** ACLED's inter1 (a code 1–8, or its words in the current export). */
  | 'inter1'
  | 'fatalities'
  | 'admin1'
  | 'location'
  | 'source'
  | 'notes';

/** Which column (0-based index in the header) holds each field; absent fields are left out. */
export type ColumnMap = Partial<Record<EventField, number>>;

/** How a date cell is written. */
export type DateStyle =
  | 'iso' // 2020-01-11, also 2020-01-11 00:00:00(.000) as UCDP writes it
  | 'dmy-words' // 11 January 2020 (ACLED)
  | 'dmy-slash' // 11/01/2020 (ACLED legacy, French spreadsheets)
  | 'mdy-slash'; // 01/11/2020 (US spreadsheets; only when the user maps it so)

/** A header recognised: the format, its column map and how its cells are read. */
export interface Detected {
  format: FormatId;
  kind: DatasetKind;
  columns: ColumnMap;
  dateStyle: DateStyle;
  /** Header names the format expects and the file lacks (empty when all are there). */
  missing: string[];
}

/**
 * Families of the first actor, for colour and filters: ACLED's inter codes 1–8, UCDP's
 * government/non-state sides, and unknown.
 */
export type ActorFamily =
  | 'state'
  | 'rebel'
  | 'political_militia'
  | 'identity_militia'
  | 'rioters'
  | 'protesters'
  | 'civilians'
  | 'external'
  | 'unknown';

/** One event read from a row, before it joins the columnar table. */
export interface EventRow {
  /** Days since 1970-01-01 (dates.ts dayNumber). */
  day: number;
  /** Last day for an event over a span (UCDP date_end); equal to `day` otherwise. */
  dayEnd: number;
  /** How precise the date is: 'day', 'week' (ACLED 2, UCDP 2–3), 'month' (ACLED 3, UCDP 4), 'year' (UCDP 5). */
  datePrecision: 'day' | 'week' | 'month' | 'year';
  lat: number;
  lon: number;
  /** Fatalities as the source gives them (UCDP: best); null where the cell is empty. */
  fatalities: number | null;
  /** Event type as written (ACLED event_type; UCDP type_of_violence as its words). */
  eventType: string;
  actor1: string;
  actor2: string;
  family: ActorFamily;
  admin1: string;
  location: string;
}

/** A rejected row: where, which field, the value as written, what is wrong and how to fix it. */
export interface RowProblem {
  /** Physical line (1-based) the record starts on. */
  line: number;
  /** The column's header name as written in the file. */
  field: string;
  /** The cell as written (cut to 200 characters). */
  value: string;
  problem: Said;
  fix: Said;
}

/** One record of a CSV read from bytes: where it lies in the file, and its cells. */
export interface ByteRecord {
  /** Physical line (1-based) the record starts on. */
  line: number;
  /** Byte offset of the record's first byte in the whole file, and its length (no line break). */
  start: number;
  length: number;
  /** Cells decoded to text. */
  cells: string[];
}

/** The order of ActorFamily codes in `EventColumns.family`. */
export const ACTOR_FAMILIES: readonly ActorFamily[] = [
  'state',
  'rebel',
  'political_militia',
  'identity_militia',
  'rioters',
  'protesters',
  'civilians',
  'external',
  'unknown',
];

/**
 * A dataset's events as columns, sorted by day (so a time window is one index range, found by
 * binary search). Typed arrays: a million events fit in about 40 MB, cross from the worker
 * without a copy, and go to the GPU as they are.
 */
export interface EventColumns {
  n: number;
  /** lon, lat, lon, lat… (2n). */
  positions: Float32Array;
  /** Day number of each event (whole days since 1970-01-01; exact in float32). */
  day: Float32Array;
  /** Fatalities; -1 where the source gives none. */
  fatalities: Float32Array;
  /** Index into `eventTypes`. */
  eventType: Uint8Array;
  /** Index into ACTOR_FAMILIES. */
  family: Uint8Array;
  /** Index into `actors` (the first actor). */
  actor: Uint32Array;
  /** How precise each event's date is: a code of DATE_PRECISIONS. */
  precision: Uint8Array;
  /** Index into `places` (where each event happened, in words). */
  place: Uint32Array;
  /** Where each event's row lies in the stored file, to show it as the source wrote it. */
  rowStart: Float64Array;
  rowLength: Uint32Array;
  line: Uint32Array;
  eventTypes: string[];
  actors: string[];
  /**
   * Places as the file writes them: the location, then the admin1 when the file gives one
   * ("Kiwanja, Nord-Kivu"); "" when it gives neither.
   */
  places: string[];
}

/**
 * The codes of `EventColumns.precision`: the code is the index. 0 is unknown, as in datasets
 * stored before the precision was kept; 1–4 are EventRow's datePrecision.
 */
export const DATE_PRECISIONS = [null, 'day', 'week', 'month', 'year'] as const;
