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

/** At most this many rejected rows are kept row by row; the rest are counted. */
export const MAX_KEPT_PROBLEMS = 100_000;

export type ToWorker =
  | { type: 'start'; file: Blob; name: string }
  /** The user's answer to `needs-mapping`: which column holds what, or null to give up. */
  | { type: 'mapping'; columns: ColumnMap | null; dateStyle: DateStyle };

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
  | { type: 'failed'; said: Said };
