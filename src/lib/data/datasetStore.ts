/**
 * Imported datasets, kept in this browser (IndexedDB) so they survive a reload and never leave
 * it. A database of its own, not a store in savedStore's: datasets run to hundreds of
 * megabytes and are written whole, where saved work is many small records with a format
 * history; an upgrade or a full disk in one never touches the other.
 *
 * Four object stores, one record each per dataset: `meta` (small, listed at start), `columns`
 * (the typed arrays the map draws), `problems` (the rejected rows) and `files` (the file as read,
 * from which a clicked event's row is shown as its source wrote it). A dataset is written in one
 * transaction: a full disk leaves nothing half-kept.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Said } from '../domain/problems.ts';
import type { EventsRead } from '../import/protocol.ts';
import type { AreaFeature } from '../import/geojsonSource.ts';
import { ALTERNATIVES, FORMATS, type FormatSpec } from '../import/formats.ts';
import type {
  DatasetKind,
  Detected,
  EventColumns,
  FormatId,
  RowProblem,
  Sniffed,
} from '../import/types.ts';

export const DATA_DB_NAME = 'drawdown-map-data';
/** 2: a store for a GeoJSON file's areas (an upgrade adds the stores a database lacks). */
const DATA_DB_VERSION = 2;
const STORES = ['meta', 'columns', 'problems', 'files', 'areas'] as const;
const CHANNEL = 'drawdown-map/datasets';

/** What the datasets list shows, and what a row view needs to read a row back. */
export interface DatasetMeta {
  id: string;
  name: string;
  format: FormatId;
  kind: DatasetKind;
  /** Events kept, and rows rejected. */
  rows: number;
  rejected: number;
  /** Day numbers of the first and last event; null with no events. */
  firstDay: number | null;
  lastDay: number | null;
  /** When it was imported (ISO). */
  added: string;
  /** Size of the file as read, in bytes. */
  bytes: number;
  header: string[];
  sniffed: Sniffed;
  detected: Detected;
  /** What a row's line counts (protocol.ts); absent in datasets kept before it was recorded. */
  place?: EventsRead['place'];
  sheet?: string | null;
  /** A GeoJSON file's polygons, kept in the `areas` store. */
  areaCount?: number;
}

type Db = IDBPDatabase<unknown>;

/** A read dataset's description, as kept and listed. */
export function datasetMeta(read: EventsRead, id: string, added: string): DatasetMeta {
  const c = read.columns;
  return {
    id,
    name: read.name,
    format: read.format,
    kind: 'events',
    rows: c.n,
    rejected: read.rejected,
    firstDay: c.n ? c.day[0]! : null,
    lastDay: c.n ? c.day[c.n - 1]! : null,
    added,
    bytes: read.file.size,
    header: read.header,
    sniffed: read.sniffed,
    detected: read.detected,
    place: read.place,
    sheet: read.sheet,
    areaCount: read.areas.length,
  };
}

/**
 * Whether two formats read a file's cells the same way: the same kind of rows, the same date
 * style and the same column for each field (and rowReader.ts reads both UCDP formats with the
 * same code). Then a dataset read as one is, cell for cell, the dataset read as the other, and
 * switching between them needs no second reading of the file.
 */
function readAlike(a: FormatSpec, b: FormatSpec): boolean {
  const fields = (f: FormatSpec) => JSON.stringify(Object.entries(f.fields).sort());
  return (
    a.kind === b.kind &&
    a.dateStyle === b.dateStyle &&
    a.month === b.month &&
    fields(a) === fields(b) &&
    a.required.join() === b.required.join()
  );
}

/**
 * The formats a dataset recognised as `format` may be said to be instead, itself first: those
 * its header cannot tell apart (formats.ts ALTERNATIVES) that read its cells alike. Empty when
 * there is no choice.
 */
export function readAsChoices(format: FormatId | null): FormatId[] {
  if (!format) return [];
  const others = (ALTERNATIVES[format] ?? []).filter((f) => readAlike(FORMATS[format], FORMATS[f]));
  return others.length ? [format, ...others] : [];
}

/**
 * The dataset said to be in `format` instead: its format and recognition relabelled, nothing
 * else. UCDP's Candidate events have the GED's columns (formats.ts), so a Candidate file is
 * recognised as GED and only its user can say which it is; the publisher's name, credit and
 * terms follow the format. Unchanged for its own format; null for one it cannot be.
 */
export function relabelled(meta: DatasetMeta, format: FormatId): DatasetMeta | null {
  if (format === meta.format) return meta;
  if (!readAsChoices(meta.format).includes(format)) return null;
  return { ...meta, format, detected: { ...meta.detected, format } };
}

/** Columns as a dataset kept before the dates' precision and the places were, may lack them. */
export type StoredColumns = Omit<EventColumns, 'precision' | 'place' | 'places'> &
  Partial<Pick<EventColumns, 'precision' | 'place' | 'places'>>;

/**
 * Columns as read back from the store. A dataset kept before the dates' precision and the
 * places were has neither: its events read as of unknown precision (0) at the place "", which
 * the page shows as it did then (the day, the coordinates). Filled here, not by a database
 * upgrade: the records are structured clones with no index, so their shape is not the
 * database's, and rewriting hundreds of megabytes at start would only store zeros.
 */
export function storedColumns(c: StoredColumns): EventColumns {
  if (c.precision && c.place && c.places) return c as EventColumns;
  return {
    ...c,
    precision: c.precision ?? new Uint8Array(c.n),
    place: c.place ?? new Uint32Array(c.n),
    places: c.places ?? [''],
  };
}

/** Why a dataset could not be kept: the disk is full, or the browser refused. */
export function describeKeepError(e: unknown): Said {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return { code: 'import_not_kept_full' };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'import_not_kept', params: { detail: detail || name || '?' } };
}

export class DatasetStore {
  readonly #db: Db | null;
  readonly #channel: BroadcastChannel | null;
  /** Why nothing can be kept (no IndexedDB), or null. */
  readonly unavailable: Said | null;

  private constructor(db: Db | null, unavailable: Said | null) {
    this.#db = db;
    this.unavailable = unavailable;
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  }

  /** Opens the store; never throws (without IndexedDB, datasets last until the page closes). */
  static async open(name = DATA_DB_NAME): Promise<DatasetStore> {
    if (typeof indexedDB === 'undefined')
      return new DatasetStore(null, { code: 'import_no_storage' });
    try {
      const db = await openDB(name, DATA_DB_VERSION, {
        upgrade(db) {
          for (const s of STORES) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
        },
        blocking() {
          db.close();
        },
      });
      return new DatasetStore(db, null);
    } catch (e) {
      return new DatasetStore(null, {
        code: 'import_no_storage_detail',
        params: { detail: String(e) },
      });
    }
  }

  /** Every dataset's description, oldest first. */
  async list(): Promise<DatasetMeta[]> {
    if (!this.#db) return [];
    const all = (await this.#db.getAll('meta')) as DatasetMeta[];
    return all.sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id));
  }

  /** A dataset's columns, with what older datasets lack filled in (storedColumns). */
  async columns(id: string): Promise<EventColumns | undefined> {
    const c = (await this.#db?.get('columns', id)) as StoredColumns | undefined;
    return c && storedColumns(c);
  }

  async problems(id: string): Promise<RowProblem[]> {
    return ((await this.#db?.get('problems', id)) as RowProblem[] | undefined) ?? [];
  }

  async areas(id: string): Promise<AreaFeature[]> {
    return ((await this.#db?.get('areas', id)) as AreaFeature[] | undefined) ?? [];
  }

  async file(id: string): Promise<Blob | undefined> {
    return (await this.#db?.get('files', id)) as Blob | undefined;
  }

  /** Keeps a dataset; null when kept, else why not (nothing of it is kept then). */
  async put(
    meta: DatasetMeta,
    columns: EventColumns,
    problems: RowProblem[],
    file: Blob,
    areas: AreaFeature[] = [],
  ): Promise<Said | null> {
    if (!this.#db) return this.unavailable;
    try {
      const tx = this.#db.transaction([...STORES], 'readwrite');
      await Promise.all([
        tx.objectStore('meta').put(meta, meta.id),
        tx.objectStore('columns').put(columns, meta.id),
        tx.objectStore('problems').put(problems, meta.id),
        tx.objectStore('files').put(file, meta.id),
        tx.objectStore('areas').put(areas, meta.id),
        tx.done,
      ]);
    } catch (e) {
      return describeKeepError(e);
    }
    this.#channel?.postMessage('changed');
    return null;
  }

  /**
   * Keeps a dataset said to be in another format (`relabelled`); only its description is
   * rewritten, as its columns read the same. Null when done or when the dataset is not kept here.
   */
  async relabel(id: string, format: FormatId): Promise<Said | null> {
    if (!this.#db) return null;
    try {
      const tx = this.#db.transaction('meta', 'readwrite');
      const meta = (await tx.store.get(id)) as DatasetMeta | undefined;
      const next = meta && relabelled(meta, format);
      if (next && next !== meta) await tx.store.put(next, id);
      await tx.done;
    } catch (e) {
      return describeKeepError(e);
    }
    // Not told to other tabs: they keep the description they read until they load again.
    return null;
  }

  /** Removes a dataset and all it holds. */
  async remove(id: string): Promise<Said | null> {
    if (!this.#db) return null;
    try {
      const tx = this.#db.transaction([...STORES], 'readwrite');
      await Promise.all([...STORES.map((s) => tx.objectStore(s).delete(id)), tx.done]);
    } catch (e) {
      return describeKeepError(e);
    }
    this.#channel?.postMessage('changed');
    return null;
  }

  /** Called when another tab adds or removes a dataset. */
  onChange(f: () => void): () => void {
    const listener = () => f();
    this.#channel?.addEventListener('message', listener);
    return () => this.#channel?.removeEventListener('message', listener);
  }

  close(): void {
    this.#channel?.close();
    this.#db?.close();
  }
}
