/**
 * Import of a dropped ACLED export (issue 24), in the production build: from the moment the
 * file is handed to the page until the last frame has drawn every event, with the long tasks
 * the page's thread had meanwhile, the JS heap after it, and then timeline steps with the
 * million events shown as points and as hexagons.
 *
 * The files are the seeded ones kepler.gl 3.2.6 was measured on (../shared/bench/gen-acled.mjs:
 * ACLED's current 31 columns, notes included), written once to the system's temporary folder.
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { measureSteps, type StepFigures } from './timelineStep.ts';

const GENERATOR = resolve('../shared/bench/gen-acled.mjs');
const DIR = join(tmpdir(), 'drawdown-bench');

export interface ImportFigures {
  rows: number;
  fileMb: number;
  /** File handed to the page → every event drawn. */
  drawnMs: number;
  /** The worker's own reading time, from its first byte to the sorted columns. */
  workerMs: number;
  /** Long tasks (> 50 ms) on the page's thread during the import, and the longest. */
  longTasks: number;
  over100: number;
  longestMs: number;
  /** JS heap used after the import, after a collection (MB): V8's heap, objects and strings. */
  heapMb: number;
  /**
   * ArrayBuffers' memory after it (MB): the event columns and the dots' colours, radii and
   * filter flags live here, outside V8's heap; counted so the heap figure hides nothing.
   */
  buffersMb: number;
  /** Steps in the same page before the import: the default data alone, for the ratio. */
  baseSteps?: StepFigures;
  pointSteps?: StepFigures;
  hexSteps?: StepFigures;
}

/** The generated file for `rows` rows, made on first use; null without the generator. */
async function benchFile(rows: number): Promise<string | null> {
  if (!existsSync(GENERATOR)) return null;
  const file = join(DIR, `acled_${rows}.csv`);
  if (!existsSync(file)) {
    const gen = (await import(pathToFileURL(GENERATOR).href)) as {
      generateFile: (n: number, file: string, seed?: number) => number;
    };
    gen.generateFile(rows, file, 1);
  }
  return file;
}

async function openPanel(page: Page) {
  await page.getByRole('button', { name: 'Add data', exact: true }).click();
  await page.getByRole('region', { name: 'Add data' }).waitFor();
}

/** Imports `file` into `page` (at the last date, window "everything so far") and times it. */
async function importOnce(page: Page, file: string, rows: number): Promise<ImportFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: PerformanceEntry[]; __handed: number };
    w.__longTasks = [];
    new PerformanceObserver((l) => w.__longTasks.push(...l.getEntries())).observe({
      type: 'longtask',
    });
    // The moment the page is handed the file: the input's change, before the app sees it.
    document.addEventListener('change', () => (w.__handed = performance.now()), { capture: true });
  });
  await page.locator('input[type=file][multiple]').setInputFiles(file);
  await page.waitForFunction(
    (n) => (window.__drawdown?.importedDrawn?.() ?? []).some((d) => d.count === n),
    rows,
    { timeout: 600_000, polling: 50 },
  );
  const r = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: PerformanceEntry[]; __handed: number };
    const drawn = window.__drawdown!.importedDrawn!().reduce((a, d) => Math.max(a, d.at), 0);
    const tasks = w.__longTasks.filter((t) => t.startTime >= w.__handed - 1);
    return {
      drawnMs: drawn - w.__handed,
      longTasks: tasks.length,
      over100: tasks.filter((t) => t.duration > 100).length,
      longestMs: tasks.reduce((a, t) => Math.max(a, t.duration), 0),
    };
  });
  const workerText = await page
    .getByRole('region', { name: /^Import of / })
    .first()
    .getAttribute('data-worker-ms');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  await cdp.detach();
  return {
    rows,
    fileMb: statSync(file).size / 1e6,
    workerMs: Number(workerText ?? NaN),
    heapMb: usage.usedSize / 1e6,
    buffersMb: (usage.backingStorageSize ?? NaN) / 1e6,
    ...r,
  };
}

/** The import figures for each row count, each in a browser of its own. */
export async function measureImports(
  url: string,
  sizes: number[],
  steps: number,
  log: (s: string) => void,
): Promise<ImportFigures[] | null> {
  const out: ImportFigures[] = [];
  for (const rows of sizes) {
    const file = await benchFile(rows);
    if (!file) return null;
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      // Every event up to the last date: the import is done when all of them are drawn.
      await page.addInitScript(() =>
        localStorage.setItem('drawdown-map/import-display', JSON.stringify({ window: 'all' })),
      );
      await page.goto(url + '/#date=2026-11-30');
      await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
      await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });
      await openPanel(page);
      const largest = rows === Math.max(...sizes);
      // The same steps on the default data first, in this page with the panel open: the ratio
      // the engine issue holds steps to (1M / default ≤ 1.5×) is taken within one page.
      const baseSteps = largest
        ? await measureSteps(page, url, 'default data, same page', 0, steps)
        : undefined;
      if (largest) await page.goto(url + '/#date=2026-11-30');
      const f = await importOnce(page, file, rows);
      f.baseSteps = baseSteps;
      log(`  import of ${rows} rows: drawn in ${(f.drawnMs / 1000).toFixed(1)} s`);
      if (largest) {
        // Steps as a briefer takes them: the default three-month window.
        await page.getByRole('radio', { name: '3 months' }).check();
        f.pointSteps = await measureSteps(page, url, `+${rows} imported, points`, 0, steps);
        await page.getByRole('radio', { name: 'hexagons' }).check();
        f.hexSteps = await measureSteps(page, url, `+${rows} imported, hexagons`, 0, steps);
      }
      out.push(f);
    } finally {
      await browser.close();
    }
  }
  return out;
}
