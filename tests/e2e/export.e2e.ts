/**
 * PNG export from the Export dialog, in the production build: exact pixel sizes, a map area
 * full of colour, and a frame that follows the title. The downloaded files are read back in
 * the page to count colours and compare regions.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { openAt } from './helpers.ts';
import { frameLayout } from '../../src/lib/domain/frame.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await openAt(page, baseUrl, '#date=2024-07-15');
});
afterAll(async () => {
  await browser?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function exportPng(
  preset: string,
  title: string,
  save: string,
): Promise<{ buf: Buffer; name: string }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the map' });
  await dialog.getByRole('radio', { name: preset }).check();
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  await download.saveAs(save);
  await dialog.getByRole('status').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { buf: readFileSync(save), name: download.suggestedFilename() };
}

/** Distinct colours in a region of a PNG, and a coarse grey grid of it, decoded in the page. */
function inspect(buf: Buffer, r: { x: number; y: number; w: number; h: number }) {
  return page.evaluate(
    async ([b64, rect]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(rect.x, rect.y, rect.w, rect.h).data;
      const colours = new Set<number>();
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) {
        colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
        sum += d[i]! + d[i + 1]! + d[i + 2]!;
      }
      return { colours: colours.size, sum };
    },
    [buf.toString('base64'), r] as const,
  );
}

describe('PNG export', () => {
  test('1920×1080 preset: exact size, named by date and title, map full of colour', async () => {
    const { buf, name } = await exportPng(
      'Slide 16:9, 1920 × 1080',
      'Sud-Kivu: phase 1 complete',
      `${SHOTS}/export-1920x1080.png`,
    );
    expect(pngSize(buf)).toEqual({ width: 1920, height: 1080 });
    expect(name).toBe('drawdown-map_2024-07-15_sud-kivu-phase-1-complete.png');
    const f = frameLayout(1920, 1080, false);
    const map = await inspect(buf, f.map);
    expect(map.colours).toBeGreaterThan(500);
  });

  test('2× the current view: exactly twice the map element, in device pixels', async () => {
    const size = await page.evaluate(() => {
      const c = window.__drawdown!.map.getContainer();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    const { buf } = await exportPng(
      'Current view, 2×',
      'Drawdown at 2x',
      `${SHOTS}/export-view-2x.png`,
    );
    expect(pngSize(buf)).toEqual({ width: size.w * 2, height: size.h * 2 });
    const f = frameLayout(size.w * 2, size.h * 2, false);
    expect((await inspect(buf, f.map)).colours).toBeGreaterThan(500);
    // And 1× is the map element's own size.
    const one = await exportPng(
      'Current view, 1×',
      'Drawdown at 1x',
      `${SHOTS}/export-view-1x.png`,
    );
    expect(pngSize(one.buf)).toEqual({ width: size.w, height: size.h });
  });

  test('the frame follows the title; the map does not', async () => {
    const a = await exportPng(
      'Slide 16:9, 1920 × 1080',
      'First title',
      `${SHOTS}/export-title-a.png`,
    );
    const b = await exportPng(
      'Slide 16:9, 1920 × 1080',
      'A different, longer title',
      `${SHOTS}/export-title-b.png`,
    );
    const f = frameLayout(1920, 1080, false);
    const [ha, hb] = [await inspect(a.buf, f.header), await inspect(b.buf, f.header)];
    expect(ha.sum).not.toBe(hb.sum);
    const inner = { x: f.map.x + 300, y: f.map.y + 150, w: 900, h: 400 };
    expect((await inspect(a.buf, inner)).sum).toBe((await inspect(b.buf, inner)).sum);
  });
});

describe('WebM replay', () => {
  test('a short replay yields a WebM that Chromium loads as video with a duration', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the map' });
    await dialog.getByLabel('Replay from').fill('2021-05-15');
    await dialog.getByLabel('Replay to').fill('2021-07-15');
    await dialog.getByLabel('Replay speed').selectOption('4');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Record WebM' }).click(),
    ]);
    const path = `${SHOTS}/replay.webm`;
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/^drawdown-map_2021-05-15_2021-07-15_.+\.webm$/);
    const buf = readFileSync(path);
    expect(buf.length).toBeGreaterThan(1000);
    // EBML magic number of a WebM/Matroska file.
    expect(buf.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    // A blank page: the app's Content Security Policy rightly allows no blob: media.
    const player = await newPage(browser);
    await player.setContent('<!doctype html><title>player</title>');
    const video = await player.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      await new Promise((r, j) => {
        v.onloadedmetadata = r;
        v.onerror = () => j(new Error('not loadable'));
      });
      // MediaRecorder files carry no duration header; seeking far makes Chromium measure it.
      if (!Number.isFinite(v.duration)) {
        v.currentTime = 1e9;
        await new Promise((r) => (v.ondurationchange = r));
      }
      return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
    }, buf.toString('base64'));
    await player.close();
    expect(video.duration).toBeGreaterThan(0.3);
    expect(Number.isFinite(video.duration)).toBe(true);
    expect(video.width).toBeGreaterThan(0);
    await expect.poll(() => dialog.getByTestId('replay-status').innerText()).toMatch(/^Saved/);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
