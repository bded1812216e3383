/**
 * The user's own datasets: the imports running and queued, their reports (what was recognised,
 * what was kept, every rejected row), the datasets kept in this browser, and how imported events
 * are shown (window, points or hexagons, colour, filters). Nothing here leaves the browser.
 */
import { createContext } from 'svelte';
import { DatasetStore, datasetMeta, relabelled, type DatasetMeta } from '../data/datasetStore.ts';
import type { Said } from '../domain/problems.ts';
import { startImport, type ImportJob, type MappingRequest } from '../data/importClient.ts';
import type { EventsRead, Progress } from '../import/protocol.ts';
import type { AreaFeature } from '../import/geojsonSource.ts';
import type { TableRead } from './registerState.svelte.ts';
import type { ColumnMap, DateStyle, EventColumns, FormatId, RowProblem } from '../import/types.ts';

/** A dataset on the map: its description and its events. */
export interface Dataset {
  meta: DatasetMeta;
  columns: EventColumns;
  visible: boolean;
  /** The file as read, while this page holds it (afterwards, from the store). */
  file: Blob | null;
  /** A GeoJSON file's polygons (empty for other files). */
  areas: AreaFeature[];
}

/** The import under way. */
export interface Running {
  name: string;
  progress: Progress;
  /** Rows read a second, over the import so far. */
  rate: number;
  started: number;
}

/** What one file's import came to. */
export interface ImportReport {
  serial: number;
  name: string;
  /** The dataset it added to the map, or null. */
  dataset: string | null;
  format: FormatId | null;
  rows: number;
  rejected: number;
  problems: RowProblem[];
  /** Why nothing could be read, or null. */
  failed: Said | null;
  /** Said once for the file: what was not read, or read with a caveat. */
  notices: Said[];
  /** What a row's line counts, a sheet read, and how many areas were drawn. */
  place: EventsRead['place'];
  sheet: string | null;
  areas: number;
  /** Why it is shown but not kept in this browser, or null. */
  notKept: Said | null;
  cancelled: boolean;
  ms: number;
}

/** The mapping step, waiting for the user. */
export interface MappingAsk extends MappingRequest {
  name: string;
  answer(a: { columns: ColumnMap; dateStyle: DateStyle } | null): void;
}

export type { WindowId } from '../import/eventWindow.ts';
import { WINDOW_IDS, type WindowId } from '../import/eventWindow.ts';
export type EventMode = 'points' | 'hexagons';
export type ColourBy = 'type' | 'family';

const WINDOWS = WINDOW_IDS;
const DISPLAY_KEY = 'drawdown-map/import-display';

let serials = 0;
const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `d${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

export class ImportState {
  datasets = $state.raw<Dataset[]>([]);
  running = $state.raw<Running | null>(null);
  /** Files waiting their turn: one import at a time keeps the second core for the map. */
  queued = $state.raw<{ file: Blob; name: string }[]>([]);
  reports = $state.raw<ImportReport[]>([]);
  asking = $state.raw<MappingAsk | null>(null);
  showPanel = $state(false);
  /** Whether the kept datasets have been read. */
  loaded = $state(false);
  /** Storage problems (a dataset that could not be read back), worded where shown. */
  notice = $state.raw<Said | null>(null);
  window = $state<WindowId>('3m');
  mode = $state<EventMode>('points');
  colourBy = $state<ColourBy>('type');
  /** Hexagons measure the count of events or their fatalities. */
  hexBy = $state<'count' | 'fatalities'>('count');
  /** Event types and actor families hidden by the filters (names, so they hold across datasets). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never changed in place ($state.raw)
  hiddenTypes = $state.raw<ReadonlySet<string>>(new Set());
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never changed in place ($state.raw)
  hiddenFamilies = $state.raw<ReadonlySet<string>>(new Set());
  /** Shown: only events with at least this many fatalities (0: all, unknown included). */
  minFatalities = $state(0);
  /** A substring of the first actor to keep ('' keeps all). */
  actorQuery = $state('');
  /** The event whose source row is shown (a click on the map), or null. */
  selected = $state.raw<{ id: string; index: number } | null>(null);
  /** The event under the pointer and where the pointer is on the map, or null. */
  hover = $state.raw<{ id: string; index: number; x: number; y: number } | null>(null);

  constructor() {
    this.#readDisplay();
  }

  /** How events are shown, kept between visits (localStorage: a few bytes, read at start). */
  #readDisplay(): void {
    try {
      const raw = JSON.parse(localStorage.getItem(DISPLAY_KEY) ?? 'null') as Record<
        string,
        unknown
      > | null;
      if (!raw) return;
      if (WINDOWS.includes(raw['window'] as WindowId)) this.window = raw['window'] as WindowId;
      if (raw['mode'] === 'points' || raw['mode'] === 'hexagons') this.mode = raw['mode'];
      if (raw['colourBy'] === 'type' || raw['colourBy'] === 'family')
        this.colourBy = raw['colourBy'];
      if (raw['hexBy'] === 'count' || raw['hexBy'] === 'fatalities') this.hexBy = raw['hexBy'];
    } catch {
      // Unreadable or blocked: the defaults.
    }
  }

  /** Keeps how events are shown; call from an effect, so it runs on each change. */
  saveDisplay(): void {
    const value = JSON.stringify({
      window: this.window,
      mode: this.mode,
      colourBy: this.colourBy,
      hexBy: this.hexBy,
    });
    try {
      localStorage.setItem(DISPLAY_KEY, value);
    } catch {
      // Storage blocked or full: the choice lasts this visit.
    }
  }

  /** Where one of our own scenario files goes (the registers, RegisterState.offer). */
  tables: ((t: TableRead) => void) | null = null;

  #store: Promise<DatasetStore> | null = null;
  /** Each dataset read here until the worker has kept it: null when kept, else why not. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, not state
  #kept = new Map<string, Promise<Said | null>>();
  #job: ImportJob | null = null;

  #storeOnce(): Promise<DatasetStore> {
    this.#store ??= DatasetStore.open();
    return this.#store;
  }

  #loading: Promise<void> | null = null;

  /** Reads the kept datasets back, once; called when the map is up. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const store = await this.#storeOnce();
      store.onChange(() => void this.#reload());
      await this.#reload();
      this.loaded = true;
    })();
    return this.#loading;
  }

  async #reload(): Promise<void> {
    const store = await this.#storeOnce();
    const metas = await store.list();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
    const have = new Map(this.datasets.map((d) => [d.meta.id, d]));
    const next: Dataset[] = [];
    for (const meta of metas) {
      const old = have.get(meta.id);
      if (old) {
        next.push(old);
        continue;
      }
      const columns = await store.columns(meta.id);
      if (!columns) {
        this.notice = { code: 'import_lost', params: { name: meta.name } };
        continue;
      }
      const areas = meta.areaCount ? await store.areas(meta.id) : [];
      next.push({ meta, columns, visible: true, file: null, areas });
    }
    // Datasets not kept (storage refused) stay until the page closes.
    for (const d of this.datasets) if (!metas.some((m) => m.id === d.meta.id)) next.push(d);
    this.datasets = next;
  }

  /** Queues files for import; they are read one after another. */
  add(files: Iterable<File>): void {
    const list = [...files].map((file) => ({ file: file as Blob, name: file.name }));
    if (list.length === 0) return;
    this.showPanel = true;
    this.queued = [...this.queued, ...list];
    if (!this.running) void this.#next();
  }

  /** Stops the import under way; the next queued file starts. */
  cancel(): void {
    this.#job?.cancel();
  }

  /** Stops the import under way and drops the queue. */
  cancelAll(): void {
    this.queued = [];
    this.#job?.cancel();
  }

  async #next(): Promise<void> {
    const item = this.queued[0];
    if (!item) return;
    this.queued = this.queued.slice(1);
    const started = performance.now();
    this.running = {
      name: item.name,
      progress: { bytes: 0, total: item.file.size, rows: 0, rejected: 0 },
      rate: 0,
      started,
    };
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
    const dataset = { id: newId(), added: new Date().toISOString() };
    const job = startImport(item.file, item.name, dataset, {
      progress: (p) => {
        const s = (performance.now() - started) / 1000;
        this.running = {
          name: item.name,
          progress: p,
          rate: s > 0 ? (p.rows + p.rejected) / s : 0,
          started,
        };
      },
      mapping: (req) =>
        new Promise((resolve) => {
          this.asking = {
            ...req,
            name: item.name,
            answer: (a) => {
              this.asking = null;
              resolve(a);
            },
          };
        }),
    });
    this.#job = job;
    const outcome = await job.done;
    this.#job = null;
    this.asking = null;
    const base = {
      serial: ++serials,
      name: item.name,
      dataset: null,
      notKept: null,
      ms: 0,
      notices: [],
      place: 'line' as const,
      sheet: null,
      areas: 0,
    };
    if (outcome.type === 'events') this.#adopt(outcome.read, base.serial, dataset, job.kept);
    else if (outcome.type === 'failed')
      this.#report({
        ...base,
        format: null,
        rows: 0,
        rejected: 0,
        problems: [],
        failed: outcome.said,
        cancelled: false,
      });
    else if (outcome.type === 'cancelled')
      this.#report({
        ...base,
        format: null,
        rows: 0,
        rejected: 0,
        problems: [],
        failed: null,
        cancelled: true,
      });
    else if (this.tables) this.tables(outcome);
    else
      this.#report({
        ...base,
        format: outcome.detected.format,
        rows: 0,
        rejected: 0,
        problems: [],
        failed: { code: 'import_scenario_file_later', params: { name: item.name } },
        cancelled: false,
      });
    this.running = null;
    void this.#next();
  }

  #report(r: ImportReport): void {
    this.reports = [r, ...this.reports.filter((x) => x.name !== r.name)].slice(0, 10);
  }

  /** Shows a read dataset at once, then keeps it in this browser. */
  #adopt(
    read: EventsRead,
    serial: number,
    dataset: { id: string; added: string },
    kept: Promise<Said | null>,
  ): void {
    const c = read.columns;
    const empty = c.n === 0 && read.areas.length === 0;
    const report: ImportReport = {
      serial,
      name: read.name,
      dataset: empty ? null : dataset.id,
      format: read.format,
      rows: c.n,
      rejected: read.rejected,
      problems: read.problems,
      failed: empty ? { code: 'import_no_valid_rows', params: { name: read.name } } : null,
      notices: read.notices,
      place: read.place,
      sheet: read.sheet,
      areas: read.areas.length,
      notKept: null,
      cancelled: false,
      ms: read.ms,
    };
    this.#report(report);
    if (empty) return;
    const meta = datasetMeta(read, dataset.id, dataset.added);
    this.datasets = [
      ...this.datasets,
      { meta, columns: c, visible: true, file: read.file, areas: read.areas },
    ];
    this.#kept.set(dataset.id, kept);
    // The worker keeps it (off this thread); a refusal is said with the report.
    void kept.then((why) => {
      if (why && this.reports.some((r) => r.serial === serial))
        this.#report({ ...report, notKept: why });
    });
  }

  /** Removes a dataset from the map and from this browser. */
  async remove(id: string): Promise<void> {
    this.datasets = this.datasets.filter((d) => d.meta.id !== id);
    this.#kept.delete(id);
    if (this.selected?.id === id) this.selected = null;
    const why = await (await this.#storeOnce()).remove(id);
    if (why) this.notice = why;
  }

  /**
   * Says a dataset is in another format its columns cannot tell from the one recognised (UCDP
   * Candidate or GED): its name, credit and terms change at once, everywhere, and in this
   * browser. The file is not read again: such formats read every cell alike (datasetStore.ts
   * relabelled), so the events drawn are the same.
   */
  async relabel(id: string, format: FormatId): Promise<void> {
    const d = this.datasets.find((x) => x.meta.id === id);
    const meta = d && relabelled(d.meta, format);
    if (!meta || meta === d.meta) return;
    this.datasets = this.datasets.map((x) => (x.meta.id === id ? { ...x, meta } : x));
    // Written after the worker's own copy, which would undo it; not at all if none was kept.
    const keeping = this.#kept.get(id);
    if (keeping && (await keeping)) return;
    const why = await (await this.#storeOnce()).relabel(id, format);
    if (why) this.notice = why;
  }

  /** Shows or hides one dataset's events. */
  toggle(id: string): void {
    this.datasets = this.datasets.map((d) =>
      d.meta.id === id ? { ...d, visible: !d.visible } : d,
    );
  }

  /** The rejected rows of a kept dataset, or of the last report for it. */
  async problemsOf(id: string): Promise<RowProblem[]> {
    return (await this.#storeOnce()).problems(id);
  }

  /** The file a dataset was read from, to show a row as the source wrote it. */
  async fileOf(id: string): Promise<Blob | undefined> {
    const held = this.datasets.find((d) => d.meta.id === id)?.file;
    return held ?? (await this.#storeOnce()).file(id);
  }
}

const [get, set] = createContext<ImportState>();

/** Creates the import state for this tree. Call once, in App. */
export function prepareImportState(): ImportState {
  return set(new ImportState());
}

/** The import state of the enclosing tree. */
export const getImportState = get;
