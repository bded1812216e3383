/**
 * One timeline step (a month), measured two ways over many steps:
 * - main thread: Chrome's TaskDuration metric across the step and its render frame (the map's,
 *   or the page's next one when the step changes nothing the map shows and asks for none). The GPU
 *   is drained before each step and not forced after it, so the figure is the scripting,
 *   style, layout and WebGL command encoding the step causes, without waiting on the GPU
 *   (a backed-up GPU would otherwise stall the main thread and count here);
 * - wall: from the step to the new frame really drawn, forced with a 1-pixel readPixels
 *   after the redraw (WebGL only queues work; otherwise the cost hides in later frames).
 */
import type { Page } from 'playwright-core';
import { summarise, type Summary } from './stats.ts';

export interface StepFigures {
  label: string;
  points: number;
  mainThreadMs: Summary;
  wallMs: Summary;
  steps: number;
}

/** Loads `n` synthetic dated points (2019–2025) around the eastern DRC into the event layer. */
export async function loadSyntheticPoints(page: Page, n: number): Promise<void> {
  await page.evaluate((count) => {
    if (!count) return window.__drawdown!.setEventPoints!(null);
    const positions = new Float32Array(count * 2);
    const days = new Float32Array(count);
    // A fixed LCG, inlined: named helpers would not survive transpilation into the page.
    let seed = 42;
    for (let i = 0; i < count * 3; i++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const r = seed / 2 ** 32;
      const k = Math.floor(i / 3);
      if (i % 3 === 0) positions[k * 2] = 26 + r * 5.5;
      else if (i % 3 === 1) positions[k * 2 + 1] = -6 + r * 9;
      else days[k] = 17897 + r * 2540; // 2019-01-01 to 2025-12
    }
    window.__drawdown!.setEventPoints!({ length: count, positions, days });
  }, n);
  // Let the attributes upload and the first frame draw before measuring.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
}

async function frameDone(page: Page, forceGpu: boolean): Promise<number> {
  return page.evaluate(async (force) => {
    const map = window.__drawdown!.map;
    const t0 = performance.now();
    (document.querySelector('button[aria-label="Step forward"]') as HTMLButtonElement).click();
    // The step's frame. A step that changes nothing the map shows (no site, hotspot, tint or
    // label in a quiet month, and no dated events) asks the map for no frame: the step's frame
    // is then the page's next one. The app's own reactions run first (microtasks), so a frame
    // the map was asked for is already scheduled, and comes before the callback asked for here.
    await Promise.resolve();
    await Promise.resolve();
    // (No named helpers: they would not survive transpilation into the page.)
    await new Promise<void>((resolve) => {
      // MapLibre's listener type wants an event parameter; resolve ignores its argument.
      map.once('render', resolve as () => void);
      requestAnimationFrame(() => {
        map.off('render', resolve as () => void);
        resolve();
      });
    });
    if (force) {
      const gl = map.getCanvas().getContext('webgl2')!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    } else await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - t0;
  }, forceGpu);
}

/**
 * Unmeasured steps first, for each data size: the figures are for a warmed-up page (compiled
 * code, startup garbage collected), as a briefer's steps are after the first few.
 */
const WARM_UP_STEPS = 20;

/** Measures `steps` month steps from 2019-01-01, in both passes, after WARM_UP_STEPS. */
export async function measureSteps(
  page: Page,
  baseUrl: string,
  label: string,
  points: number,
  steps: number,
): Promise<StepFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const goStart = async () => {
    await page.evaluate((u) => (location.href = `${u}/#date=2019-01-01`), baseUrl);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=current-date]')?.textContent === '1 January 2019',
    );
  };

  await loadSyntheticPoints(page, points);
  // Baseline: the cost of our own measuring round trip with no step: a page call and one frame,
  // the extra frame we wait for after the step's. The step's own frame is the step's cost, so
  // the baseline must not hold a second one: the same round trip with both frame waits and no
  // step measures ~0.2 ms more (an idle frame's fixed cost), and taking that off would hide it.
  // The page call's other pieces (the drain before, the promise waits) measure within ~0.02 ms
  // of this.
  const base: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    const a = await taskMs();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    base.push((await taskMs()) - a);
  }
  const overhead = summarise(base).median;

  await goStart();
  for (let i = 0; i < WARM_UP_STEPS; i++) await frameDone(page, true);
  await goStart();
  const main: number[] = [];
  const drain = () =>
    page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 50));
      const gl = window.__drawdown!.map.getCanvas().getContext('webgl2')!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    });
  for (let i = 0; i < steps; i++) {
    await drain();
    const a = await taskMs();
    await frameDone(page, false);
    main.push(Math.max(0, (await taskMs()) - a - overhead));
  }
  await goStart();
  const wall: number[] = [];
  for (let i = 0; i < steps; i++) wall.push(await frameDone(page, true));
  await cdp.detach();
  return { label, points, mainThreadMs: summarise(main), wallMs: summarise(wall), steps };
}
