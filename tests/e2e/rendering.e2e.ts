/**
 * What the GPU is asked to draw, checked on the pixels in the production build:
 * frames drawn from the base map's kept pictures (frameCache.ts), and from the deck.gl groups'
 * own kept pictures (overlay.ts), equal frames drawn in full,
 * and dated event dots appear where their events are, only in their time window.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt } from './helpers.ts';
import { loadSyntheticPoints } from '../bench/timelineStep.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The frame a step leaves, how the frame cache drew it, and what it laid from kept pictures. */
type Settled = { px: Uint8Array; mode: string; kept: number; under: number; stacked: number };

type Grab = {
  /** Runs `act`, resolves with the next frame's RGBA pixels. */
  __frame: (act: () => void) => Promise<Uint8Array>;
  /**
   * Runs `act`, resolves once the map is idle with the last frame's pixels and how the frame
   * cache drew it: a label change lays out in MapLibre's worker, so its frames come later. If
   * `act` asks the map for no frame (a step that changes nothing it shows), the screen keeps
   * the last frame drawn: its pixels, and mode 'none'.
   */
  __settled: (act: () => void) => Promise<Settled>;
};

/** Installs `window.__frame` and `window.__settled` (Grab). */
async function installFrameGrab(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Grab;
    const read = () => {
      const gl = window.__drawdown!.map.getCanvas().getContext('webgl2')!;
      const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
      gl.readPixels(
        0,
        0,
        gl.drawingBufferWidth,
        gl.drawingBufferHeight,
        gl.RGBA,
        gl.UNSIGNED_BYTE,
        px,
      );
      return px;
    };
    // The last frame drawn, read inside it (the drawing buffer is not kept after it).
    let shown = new Uint8Array(0);
    window.__drawdown!.map.on('render', () => {
      shown = read();
    });
    w.__frame = (act) =>
      new Promise<Uint8Array>((resolve) => {
        // Inside the frame: the drawing buffer is not preserved after it.
        window.__drawdown!.map.once('render', () => resolve(read()));
        act();
      });
    w.__settled = (act) =>
      new Promise((resolve) => {
        const map = window.__drawdown!.map;
        const stats = window.__drawdown!.frameCache!.stats;
        let last = { px: new Uint8Array(0), mode: 'none', kept: 0, under: 0, stacked: 0 };
        let before = { ...stats };
        const onRender = () => {
          const mode =
            stats.reused > before.reused
              ? 'reused'
              : stats.captured > before.captured
                ? 'captured'
                : 'direct';
          const kept = stats.kept - before.kept;
          const under = stats.under - before.under;
          const stacked = stats.stacked - before.stacked;
          before = { ...stats };
          last = { px: read(), mode, kept, under, stacked };
        };
        let drawn = false;
        map.on('render', onRender);
        map.once('render', () => (drawn = true));
        map.once('idle', () => {
          map.off('render', onRender);
          resolve(last);
        });
        act();
        // No frame asked for by the next one: the screen shows the last frame drawn.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (drawn) return;
            map.off('render', onRender);
            resolve({ px: shown, mode: 'none', kept: 0, under: 0, stacked: 0 });
          }),
        );
      });
  });
}

describe('frames drawn from the kept base map', () => {
  test('equal frames drawn in full, across steps that do and do not change the base map, and a pan', async () => {
    const page = await newPage(browser);
    // June 2021 to December 2021: Kasaï's provinces change phase and sites close (labels go).
    await openAt(page, baseUrl, '#date=2021-04-01');
    await installFrameGrab(page);
    const result = await page.evaluate(async () => {
      const d = window.__drawdown!;
      const cache = d.frameCache!;
      const { __frame: frame, __settled: settled } = window as unknown as Grab;
      const settle = () => new Promise((r) => setTimeout(r, 250));
      const step = () =>
        (document.querySelector('button[aria-label="Step forward"]') as HTMLButtonElement).click();
      const compare = (a: Uint8Array, b: Uint8Array) => {
        let worst = 0;
        let differing = 0;
        for (let i = 0; i < a.length; i++) {
          const diff = Math.abs(a[i]! - b[i]!);
          if (diff > worst) worst = diff;
          if (diff > 2) differing++;
        }
        return { worst, differing };
      };
      const rows: {
        what: string;
        mode: string;
        kept: number;
        under: number;
        worst: number;
        differing: number;
      }[] = [];
      const check = async (what: string, act: () => void) => {
        await settle();
        // The picture the step leaves on screen, how the cache drew it, and how many deck.gl
        // groups it laid from their own pictures.
        const { px: shown, mode, kept, under } = await settled(act);
        await settle();
        cache.enabled = false;
        const full = await frame(() => d.map.triggerRepaint());
        cache.enabled = true;
        // Drawing with the cache off forgets the pictures: take them again.
        await frame(() => d.map.triggerRepaint());
        rows.push({ what, mode, kept, under, ...compare(shown, full) });
      };
      for (let i = 0; i < 8; i++) await check(`step ${i + 1}`, step);
      // A pan must not be drawn from the old view's pictures; once its tiles are in, the
      // pictures are taken anew and used again.
      const before = { ...cache.stats };
      await frame(() => d.map.jumpTo({ center: [28.9, -2.5], zoom: 7 }));
      const panMode = cache.stats.reused > before.reused ? 'reused' : 'not reused';
      await new Promise((r) => {
        d.map.once('idle', r);
        d.map.triggerRepaint(); // in case it is idle already
      });
      await check('redraw after the pan', () => d.map.triggerRepaint());
      rows.push({ what: 'pan', mode: panMode, kept: 0, under: 0, worst: 0, differing: 0 });
      return rows;
    });
    // The frames themselves: the same picture, up to 8-bit rounding of the composited layers.
    for (const r of result) expect(r, r.what).toMatchObject({ differing: 0 });
    expect(Math.max(...result.map((r) => r.worst))).toBeLessThanOrEqual(2);
    // The pictures were used on steps, and taken again where the base map changed.
    const modes = result.map((r) => r.mode);
    expect(modes.filter((m) => m === 'reused').length).toBeGreaterThanOrEqual(3);
    expect(modes.filter((m) => m === 'captured').length).toBeGreaterThanOrEqual(1);
    // Steps that changed no hotspot, or no site, laid that deck.gl group from its picture.
    expect(result.filter((r) => r.kept > 0).length).toBeGreaterThanOrEqual(2);
    // A step that changed the sites only started from the copy of the screen under them.
    expect(result.filter((r) => r.under > 0).length).toBeGreaterThanOrEqual(1);
    // Also where the base map changed: a group the step left alone came from its picture.
    expect(result.filter((r) => r.mode === 'captured' && r.kept > 0).length).toBeGreaterThanOrEqual(
      1,
    );
    // A quiet month (no site, hotspot, tint or label changes) draws no frame at all, and the
    // frame left on screen is the new date's (compared above).
    expect(modes.filter((m) => m === 'none').length).toBeGreaterThanOrEqual(1);
    expect(result.find((r) => r.what === 'pan')!.mode).not.toBe('reused');
    expect(result.find((r) => r.what === 'redraw after the pan')!.mode).toBe('reused');
    await page.close();
  });
});

describe('consecutive steps drawn from kept pictures', () => {
  // Each step of the test above follows a frame drawn in full. Here the steps follow one another
  // as a briefer's do, so a frame starts from copies and stacks that earlier steps left, and a
  // layer drawn straight onto the screen on one step is needed as a picture on a later one. The
  // same steps, drawn in full in a second page, give the frames to compare. Without the site
  // names, and at a set view: MapLibre may set a name at another of its spots in another page,
  // and the country is fitted to the panels as they stand (a load's timing).
  test.each([
    // October and December change the sites only; November the hotspots only.
    {
      what: 'late 2022',
      steps: 6,
      hash: '#date=2022-08-01&view=26.5,-3.2,4.4&layers=phases,hotspots,sites,ghosts',
      points: 0,
      laid: 'under' as const,
    },
    // Dated events change every frame; May to July 2020 change nothing above them, August to
    // October the hotspots, November nothing again (so the pictures above the events kept from
    // July no longer hold), then the sites. No province phases: a tint change would draw the
    // whole map anew and take every picture again.
    {
      what: 'mid-2020 to 2021 with dated events',
      steps: 12,
      hash: '#date=2020-04-01&view=26.5,-3.2,4.4&layers=hotspots,sites,ghosts',
      points: 20000,
      laid: 'stacked' as const,
    },
  ])('equal the same steps drawn in full: $what', async ({ hash, points, laid, steps }) => {
    const pages = [await newPage(browser, 960, 600), await newPage(browser, 960, 600)];
    for (const page of pages) {
      await openAt(page, baseUrl, hash);
      await installFrameGrab(page);
      if (points) await loadSyntheticPoints(page, points);
      await mapIdle(page);
    }
    const [kept, full] = pages as [Page, Page];
    await full.evaluate(() => (window.__drawdown!.frameCache!.enabled = false));
    const step = (page: Page) =>
      page.evaluate(async () => {
        const { __settled: settled } = window as unknown as Grab;
        await new Promise((r) => setTimeout(r, 250));
        const s = await settled(() =>
          (
            document.querySelector('button[aria-label="Step forward"]') as HTMLButtonElement
          ).click(),
        );
        let bin = '';
        for (let i = 0; i < s.px.length; i += 0x8000)
          bin += String.fromCharCode(...s.px.subarray(i, i + 0x8000));
        return { ...s, px: btoa(bin) };
      });
    const rows: {
      mode: string;
      under: number;
      stacked: number;
      worst: number;
      differing: number;
    }[] = [];
    for (let i = 0; i < steps; i++) {
      const a = await step(kept);
      const b = await step(full);
      const [pa, pb] = [Buffer.from(a.px, 'base64'), Buffer.from(b.px, 'base64')];
      expect(pa.length).toBe(pb.length);
      let worst = 0;
      let differing = 0;
      for (let k = 0; k < pa.length; k++) {
        const diff = Math.abs(pa[k]! - pb[k]!);
        if (diff > worst) worst = diff;
        if (diff > 3) differing++;
      }
      rows.push({ mode: a.mode, under: a.under, stacked: a.stacked, worst, differing });
    }
    for (const [i, r] of rows.entries()) expect(r, `step ${i + 1}`).toMatchObject({ differing: 0 });
    // Up to 8-bit rounding: a stack is one picture more composited through (a level more).
    expect(Math.max(...rows.map((r) => r.worst))).toBeLessThanOrEqual(3);
    // The steps were drawn from what earlier steps kept, not in full.
    expect(rows.filter((r) => r.mode === 'reused').length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r[laid] > 0).length).toBeGreaterThanOrEqual(1);
    for (const page of pages) await page.close();
  });
});

describe('event dots', () => {
  test('are drawn at their events, for the 30 days to the date and no others', async () => {
    const page = await newPage(browser);
    // Zoomed in, sites and hotspots off: dots stand apart and nothing covers them.
    await page.goto(`${baseUrl}/#date=2021-03-01&view=28.5,-2.5,8&layers=phases`);
    await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
    await page.waitForFunction(() => typeof window.__drawdown?.setEventPoints === 'function');
    await installFrameGrab(page);
    const hits = await page.evaluate(async () => {
      const d = window.__drawdown!;
      const frame = (window as unknown as Grab).__frame;
      // 20,000 events over 2019–2025 around the view, from a fixed LCG.
      const n = 20_000;
      const positions = new Float32Array(n * 2);
      const days = new Float32Array(n);
      let seed = 7;
      const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
      for (let i = 0; i < n; i++) {
        positions[i * 2] = 27.5 + rand() * 2;
        positions[i * 2 + 1] = -3.5 + rand() * 2;
        days[i] = 17897 + rand() * 2540;
      }
      const settle = () => new Promise((r) => setTimeout(r, 500));
      const without = await frame(() => d.map.triggerRepaint());
      d.setEventPoints!({ length: n, positions, days });
      await settle();
      const withDots = await frame(() => d.map.triggerRepaint());
      const map = d.map;
      const canvas = map.getCanvas();
      const ratio = canvas.width / canvas.clientWidth;
      const w = canvas.width;
      const h = canvas.height;
      // Whether the pixel at an event's place changed when the dots were added.
      const changed = (i: number) => {
        const p = map.project([positions[i * 2]!, positions[i * 2 + 1]!]);
        const x = Math.round(p.x * ratio);
        const y = h - 1 - Math.round(p.y * ratio);
        if (x < 0 || y < 0 || x >= w || y >= h) return null;
        const k = (y * w + x) * 4;
        let diff = 0;
        for (let c = 0; c < 3; c++) diff += Math.abs(withDots[k + c]! - without[k + c]!);
        return diff > 30;
      };
      const day = Date.UTC(2021, 2, 1) / 864e5;
      const count = (from: number, to: number) => {
        let shown = 0;
        let total = 0;
        for (let i = 0; i < n; i++) {
          const dd = Math.floor(days[i]!);
          if (dd < from || dd > to) continue;
          const c = changed(i);
          if (c === null) continue;
          total++;
          if (c) shown++;
        }
        return { shown, total };
      };
      return { inWindow: count(day - 29, day), monthBefore: count(day - 60, day - 31) };
    });
    expect(hits.inWindow.total).toBeGreaterThan(100);
    expect(hits.monthBefore.total).toBeGreaterThan(100);
    // Every event in the window shows (a few may sit under a label or another dot's edge)…
    expect(hits.inWindow.shown / hits.inWindow.total).toBeGreaterThan(0.9);
    // …and those of the month before do not, but where a window dot happens to cover them.
    expect(hits.monthBefore.shown / hits.monthBefore.total).toBeLessThan(0.1);
    await page.close();
  });
});

describe('an idle map', () => {
  test('asks for no frames, and deck.gl still answers the pointer', async () => {
    const page = await newPage(browser);
    // Counts animation-frame requests: deck.gl's own loop made one every frame, for nothing.
    await page.addInitScript(() => {
      const w = window as unknown as { __frames: number };
      w.__frames = 0;
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => (w.__frames++, request(cb));
    });
    await openAt(page, baseUrl, '#date=2021-05-15&view=22.4167,-5.9000,11.00');
    await mapIdle(page);
    await page.waitForTimeout(500);
    const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    const before = await frames();
    await page.waitForTimeout(1000);
    expect(await frames()).toBe(before);
    // Hover picking runs on demand: the tooltip follows the pointer onto Kananga's COB.
    const p = await page.evaluate(() => window.__drawdown!.map.project([22.41667, -5.9]));
    await page.mouse.move(p.x - 60, p.y);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await expect.poll(() => page.locator('.deck-tooltip').innerText()).toContain('Kananga');
    // And it goes when the pointer leaves the map.
    await page.mouse.move(1270, 790);
    await expect.poll(() => page.locator('.deck-tooltip').isVisible()).toBe(false);
    await page.close();
  });
});
