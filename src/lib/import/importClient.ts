/**
 * The page's side of an import: one worker per file (importWorker.ts), its messages turned into
 * callbacks, and Cancel as ending the worker, which frees everything it read at once.
 */
import type { Said } from '../domain/problems.ts';
import type { EventsRead, FromWorker, Progress, ToWorker } from './protocol.ts';
import type { ColumnMap, DateStyle, Detected } from './types.ts';

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

/** A running import: its outcome, and how to stop it. */
export interface ImportJob {
  done: Promise<ImportOutcome>;
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
export function startImport(file: Blob, name: string, cb: ImportCallbacks): ImportJob {
  let finish: (o: ImportOutcome) => void = () => {};
  const done = new Promise<ImportOutcome>((resolve) => (finish = resolve));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    finish({ type: 'failed', said: { code: 'unreadable', params: { detail: String(e) } } });
    return { done, cancel() {} };
  }
  let over = false;
  const end = (o: ImportOutcome) => {
    if (over) return;
    over = true;
    worker.terminate();
    finish(o);
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
    else if (m.type === 'table') end(m);
    else end({ type: 'failed', said: m.said });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    end({ type: 'failed', said: { code: 'unreadable', params: { detail: e.message } } });
  };
  send({ type: 'start', file, name });
  return { done, cancel: () => end({ type: 'cancelled' }) };
}
