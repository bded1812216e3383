/**
 * Imported scenario and deck files are parsed in a worker (parseWorker.ts), so a large file
 * never freezes the map; where workers are unavailable, on this thread. One short-lived worker
 * per file: imports are rare, and it leaves nothing behind.
 */
import { parseDeckJson } from '../domain/slideDeck.ts';
import { parseScenarioJson } from '../domain/userScenario.ts';

export type ParseRequest =
  { kind: 'deck'; text: string } | { kind: 'scenarios'; text: string; siteIds: string[] };

type Result<K extends ParseRequest['kind']> = K extends 'deck'
  ? ReturnType<typeof parseDeckJson>
  : ReturnType<typeof parseScenarioJson>;

function here(r: ParseRequest): Result<ParseRequest['kind']> {
  return r.kind === 'deck' ? parseDeckJson(r.text) : parseScenarioJson(r.text, new Set(r.siteIds));
}

export function parseOffThread<R extends ParseRequest>(r: R): Promise<Result<R['kind']>> {
  if (typeof Worker === 'undefined') return Promise.resolve(here(r) as Result<R['kind']>);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(here(r) as Result<R['kind']>);
      return;
    }
    const done = (value: Result<R['kind']>) => {
      worker.terminate();
      resolve(value);
    };
    worker.onmessage = (e: MessageEvent<Result<R['kind']>>) => done(e.data);
    // A worker that cannot start (blocked by a policy, say): read it here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      done(here(r) as Result<R['kind']>);
    };
    worker.postMessage(r);
  });
}
