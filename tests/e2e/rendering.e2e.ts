/**
 * What the GPU is asked to draw, checked on the pixels in the production build: dated event
 * dots appear where their events are, only in their time window; deck.gl picks under the
 * pointer.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Grab = {
  /** Runs `act`, resolves with the next frame's RGBA pixels. */
  __frame: (act: () => void) => Promise<Uint8Array>;
};

/** Installs `window.__frame` (Grab). */
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
    w.__frame = (act) =>
      new Promise<Uint8Array>((resolve) => {
        // Inside the frame: the drawing buffer is not preserved after it.
        window.__drawdown!.map.once('render', () => resolve(read()));
        act();
      });
  });
}

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
      // Until the map has drawn a frame since and is idle (as mapIdle in helpers.ts), twice.
      const settle = () =>
        new Promise<void>((r) =>
          requestAnimationFrame(() => {
            d.map.once('idle', () => r());
            d.map.triggerRepaint();
          }),
        );
      const without = await frame(() => d.map.triggerRepaint());
      d.setEventPoints!({ length: n, positions, days });
      await settle();
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

describe('picking', () => {
  test('deck.gl answers the pointer: the tooltip follows it onto a site and goes when it leaves', async () => {
    const page = await newPage(browser);
    await openAt(page, baseUrl, '#date=2021-05-15&view=22.4167,-5.9000,11.00');
    await mapIdle(page);
    // The tooltip follows the pointer onto Kananga's COB.
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
