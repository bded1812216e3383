/**
 * The messages between the page and the import worker (importWorker.ts). Plain data and
 * transferable buffers only.
 */
import type { Said } from '../domain/problems.ts';
import type {
  ColumnMap,
  DateStyle,
  Detected,
  EventColumns,
  FormatId,
  RowProblem,
  Sniffed,
} from './types.ts';
import type { AreaFeature } from './geojsonSource.ts';

/** At most this many rejected rows are kept row by row; the rest are counted. */
export const MAX_KEPT_PROBLEMS = 100_000;

export type ToWorker =
  /** `id` and `added` name the dataset the worker keeps in IndexedDB once it is read. */
  | { type: 'start'; file: Blob; name: string; id: string; added: string }
  /** The user's answer to `needs-mapping`: which column holds what, or null to give up. */
  | { type: 'mapping'; columns: ColumnMap | null; dateStyle: DateStyle }
  /** One row of a GeoJSON or Excel file again, by its feature or sheet-row number. */
  | { type: 'row'; file: Blob; name: string; sheet: string | null; line: number };

/** What the worker has read so far. */
export interface Progress {
  bytes: number;
  total: number;
  rows: number;
  rejected: number;
}

/** A file of events, read. */
export interface EventsRead {
  name: string;
  format: FormatId;
  sniffed: Sniffed;
  header: string[];
  detected: Detected;
  columns: EventColumns;
  /** Rejected rows, in file order (the first MAX_KEPT_PROBLEMS). */
  problems: RowProblem[];
  /** All rejected rows, kept or not. */
  rejected: number;
  /** The file as read: the user's own, or its UTF-8 copy when it came as UTF-16. */
  file: Blob;
  /** Milliseconds the worker took, from the first byte to the sorted columns. */
  ms: number;
  /**
   * What a row's `line` counts: a CSV's lines (rows can be read back by their byte offsets),
   * a GeoJSON file's features, or a sheet's rows (read again by their number).
   */
  place: 'line' | 'feature' | 'sheet-row';
  /** The sheet read, for an Excel file. */
  sheet: string | null;
  /** A GeoJSON file's polygons: areas drawn with the events. */
  areas: AreaFeature[];
  /** What was read but not kept, or read with a caveat, said once for the file. */
  notices: Said[];
}

export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | {
      type: 'needs-mapping';
      header: string[];
      /** The first rows, as text, for the mapping step's preview. */
      preview: string[][];
      guess: ColumnMap;
      dateStyle: DateStyle;
    }
  | { type: 'events'; read: EventsRead }
  /** One of our own scenario files (small): its text, validated on the page by scenario.ts. */
  | { type: 'table'; name: string; detected: Detected; text: string }
  /** Nothing could be read: one sentence on what the file seemed to be and what we expected. */
  | { type: 'failed'; said: Said }
  /** The dataset kept in this browser (why is null), or why not; after `events`. */
  | { type: 'kept'; why: Said | null }
  /** The row asked for (empty if the file no longer has it). */
  | { type: 'row'; cells: string[] };
