/**
 * The page's side of an import: one worker per file (importWorker.ts), its messages turned into
 * callbacks, and Cancel as ending the worker, which frees everything it read at once.
 */
import type { Said } from '../domain/problems.ts';
import type { EventsRead, FromWorker, Progress, ToWorker } from '../import/protocol.ts';
import type { ColumnMap, DateStyle, Detected } from '../import/types.ts';

/** What the mapping step is asked: the header, first rows, and the guesses to start from. */
export interface MappingRequest {
  header: string[];
  preview: string[][];
  guess: ColumnMap;
  dateStyle: DateStyle;
}

export interface ImportCallbacks {
  progress(p: Progress): void;
  /** Resolves with the user's column map and date style, or null to give the file up. */
  mapping(req: MappingRequest): Promise<{ columns: ColumnMap; dateStyle: DateStyle } | null>;
}

export type ImportOutcome =
  | { type: 'events'; read: EventsRead }
  | { type: 'table'; name: string; detected: Detected; text: string }
  | { type: 'failed'; said: Said }
  | { type: 'cancelled' };

/** A running import: its outcome, whether it was kept in this browser, and how to stop it. */
export interface ImportJob {
  done: Promise<ImportOutcome>;
  /** After an `events` outcome: null when kept, else why not. */
  kept: Promise<Said | null>;
  cancel(): void;
}

/** One row of a GeoJSON or Excel file, read again in a worker (a large file takes seconds). */
export function tableRow(
  file: Blob,
  name: string,
  sheet: string | null,
  line: number,
): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    const done = (cells: string[]) => {
      worker.terminate();
      resolve(cells);
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.type === 'row') done(e.data.cells);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done([]);
    };
    const m: ToWorker = { type: 'row', file, name, sheet, line };
    worker.postMessage(m);
  });
}

/** Starts reading `file` in a worker of its own. */
export function startImport(
  file: Blob,
  name: string,
  dataset: { id: string; added: string },
  cb: ImportCallbacks,
): ImportJob {
  let finish: (o: ImportOutcome) => void = () => {};
  const done = new Promise<ImportOutcome>((resolve) => (finish = resolve));
  let settleKept: (why: Said | null) => void = () => {};
  const kept = new Promise<Said | null>((resolve) => (settleKept = resolve));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    finish({ type: 'failed', said: { code: 'unreadable', params: { detail: String(e) } } });
    settleKept(null);
    return { done, kept, cancel() {} };
  }
  let over = false;
  // Read, the worker goes on keeping the dataset; it ends when that is done.
  let keeping = false;
  const end = (o: ImportOutcome) => {
    if (over) return;
    over = true;
    keeping = o.type === 'events';
    if (!keeping) {
      worker.terminate();
      settleKept(null);
    }
    finish(o);
  };
  const kept$ = (why: Said | null) => {
    keeping = false;
    worker.terminate();
    settleKept(why);
  };
  const send = (m: ToWorker) => worker.postMessage(m);
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') cb.progress(m.progress);
    else if (m.type === 'needs-mapping')
      void cb.mapping(m).then((answer) =>
        send({
          type: 'mapping',
          columns: answer?.columns ?? null,
          dateStyle: answer?.dateStyle ?? m.dateStyle,
        }),
      );
    else if (m.type === 'events') end({ type: 'events', read: m.read });
    else if (m.type === 'row') return;
    else if (m.type === 'kept') kept$(m.why);
    else if (m.type === 'table') end(m);
    else end({ type: 'failed', said: m.said });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    const said: Said = { code: 'unreadable', params: { detail: e.message } };
    if (keeping) kept$({ code: 'import_not_kept', params: { detail: e.message } });
    else end({ type: 'failed', said });
  };
  send({ type: 'start', file, name, ...dataset });
  return { done, kept, cancel: () => end({ type: 'cancelled' }) };
}
