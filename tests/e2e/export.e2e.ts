/**
 * PNG and WebM export from the Export dialog, in the production build. PNGs: exact pixel sizes,
 * a map area full of colour, and a frame that follows the title, read back in the page to count
 * colours and compare regions. WebM replays: played in a <video> for their stated duration and
 * decoded pictures, and demuxed here frame by frame against the schedule they were encoded to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BufferSource, EncodedPacketSink, Input, WEBM } from 'mediabunny';
import { launchBrowser, newPage } from '../browser.ts';
import { openAt, pngRegions, setDate } from './helpers.ts';
import { frameLayout } from '../../src/lib/domain/frame.ts';
import { videoLength, videoSchedule } from '../../src/lib/export/replay.ts';

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
  await dialog.getByTestId('export-result').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { buf: readFileSync(save), name: download.suggestedFilename() };
}

/** Distinct colours and the channel sum in a region of a PNG. */
const inspect = async (buf: Buffer, r: { x: number; y: number; w: number; h: number }) =>
  (await pngRegions(page, buf, [r]))[0]!;

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
    const inner = { x: f.map.x + 300, y: f.map.y + 150, w: 900, h: 400 };
    // Each PNG decoded once, for both of its regions.
    const [[ha, ia], [hb, ib]] = [
      await pngRegions(page, a.buf, [f.header, inner]),
      await pngRegions(page, b.buf, [f.header, inner]),
    ];
    expect(ha!.sum).not.toBe(hb!.sum);
    expect(ia!.sum).toBe(ib!.sum);
  });
});

describe('exports in a row', () => {
  test('a 1920 × 1080 export right after a 2× one draws the same map as one made alone', async () => {
    await page.waitForFunction(() => typeof window.__drawdown?.exportPng === 'function');
    // Each as a PNG's bytes, made with the app's own export (the dialog's Download PNG), sent
    // back as base64: as an array of numbers, 600 kB took Playwright 2 s to copy.
    const grab = async (presets: string[]) =>
      Buffer.from(
        await page.evaluate(async (list) => {
          let last: Blob | null = null;
          for (const p of list) last = (await window.__drawdown!.exportPng!(p, 'Twice')).blob;
          const bytes = new Uint8Array(await last!.arrayBuffer());
          let binary = '';
          for (let i = 0; i < bytes.length; i += 0x8000)
            binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(binary);
        }, presets),
        'base64',
      );
    const alone = await grab(['hd']);
    // No pause between the two: the canvas is resized for the first, restored, and resized
    // again for the second before any observer of its size has had a frame to report.
    const after = await grab(['view-2x', 'hd']);
    writeFileSync(`${SHOTS}/export-hd-after-2x.png`, after);
    expect(pngSize(after)).toEqual({ width: 1920, height: 1080 });
    const f = frameLayout(1920, 1080, false);
    // deck.gl's sites and hotspots sit in the east of the map: compare the whole map area and
    // that part of it. Drawn into a corner at the old size, they would differ.
    const east = {
      x: f.map.x + Math.round(f.map.w * 0.55),
      y: f.map.y,
      w: Math.round(f.map.w * 0.3),
      h: f.map.h,
    };
    // Each PNG decoded once, for both regions.
    const regions = [f.map, east];
    const [a, b] = [await pngRegions(page, alone, regions), await pngRegions(page, after, regions)];
    for (const [i, r] of regions.entries())
      expect(Math.abs(a[i]!.sum - b[i]!.sum) / a[i]!.sum, JSON.stringify(r)).toBeLessThan(0.001);
  });
});

/** Records a replay from the Export dialog of `on` and returns the downloaded file. */
async function recordWebm(on: Page, from: string, to: string, speed: string, save: string) {
  await on.getByRole('button', { name: 'Export' }).click();
  const dialog = on.getByRole('dialog', { name: 'Export the map' });
  await setDate(dialog.getByRole('group', { name: 'Replay from' }), from);
  await setDate(dialog.getByRole('group', { name: 'Replay to' }), to);
  await dialog.getByLabel('Replay speed').selectOption(speed);
  const [download] = await Promise.all([
    on.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Record WebM' }).click(),
  ]);
  const path = `${SHOTS}/${save}`;
  await download.saveAs(path);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^drawdown-map_${from}_${to}_.+\\.webm$`),
  );
  await expect.poll(() => dialog.getByTestId('replay-status').innerText()).toMatch(/^Saved/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const buf = readFileSync(path);
  // EBML magic number of a WebM/Matroska file.
  expect(buf.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  return buf;
}

interface VideoFacts {
  duration: number;
  width: number;
  height: number;
  /** Sums of the decoded pixels at the given times, to tell pictures apart. */
  sums: number[];
}

/** Loads the file in a blank page (the app's Content Security Policy rightly allows no blob:
 * media), reads its duration as written in the file, and decodes the frames at `at` seconds. */
async function inspectVideo(buf: Buffer, at: number[]): Promise<VideoFacts> {
  const player = await newPage(browser);
  await player.setContent('<!doctype html><title>player</title>');
  try {
    return await player.evaluate(
      async ({ b64, at }) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
        await new Promise((r, j) => {
          v.onloadedmetadata = r;
          v.onerror = () => j(new Error('not loadable'));
        });
        const duration = v.duration;
        const c = document.createElement('canvas');
        c.width = v.videoWidth;
        c.height = v.videoHeight;
        const ctx = c.getContext('2d', { willReadFrequently: true })!;
        const sums: number[] = [];
        for (const t of at) {
          v.currentTime = t;
          await new Promise((r) => (v.onseeked = r));
          ctx.drawImage(v, 0, 0);
          const px = ctx.getImageData(0, 0, c.width, c.height).data;
          let sum = 0;
          for (let i = 0; i < px.length; i += 4) sum += px[i]! + px[i + 1]! + px[i + 2]!;
          sums.push(sum);
        }
        return { duration, width: v.videoWidth, height: v.videoHeight, sums };
      },
      { b64: buf.toString('base64'), at },
    );
  } finally {
    await player.close();
  }
}

interface WebmFacts {
  codec: string | null;
  width: number;
  height: number;
  /** The duration in the file's header, in seconds, or null if it states none. */
  duration: number | null;
  /** Each frame's time in ms and whether its bitstream (not just its container flag) is a key
   * frame. */
  frames: { ms: number; key: boolean }[];
  /** Every frame's pixel sum, decoded in order by WebCodecs, to tell pictures apart. */
  sums: number[];
}

/**
 * Decodes every frame in order with WebCodecs, in the app's page (a secure origin), and sums
 * each one's pixels. Not by seeking a <video>: its `seeked` can come before the new picture is
 * drawable, and two months once read as the same picture (CI, session 25).
 */
async function decodeSums(
  config: VideoDecoderConfig,
  packets: { b64: string; us: number; key: boolean }[],
): Promise<number[]> {
  // VP8 and VP9 need no description (a buffer, which would not cross into the page anyway).
  const plain = {
    codec: config.codec,
    codedWidth: config.codedWidth,
    codedHeight: config.codedHeight,
  };
  return page.evaluate(
    async ({ config, packets }) => {
      const sums: number[] = [];
      let failure: unknown = null;
      const canvas = new OffscreenCanvas(1, 1);
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const decoder = new VideoDecoder({
        output: (frame) => {
          canvas.width = frame.displayWidth;
          canvas.height = frame.displayHeight;
          ctx.drawImage(frame, 0, 0);
          frame.close();
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let sum = 0;
          for (let i = 0; i < px.length; i += 4) sum += px[i]! + px[i + 1]! + px[i + 2]!;
          sums.push(sum);
        },
        error: (e) => (failure = e),
      });
      decoder.configure(config);
      for (const p of packets)
        decoder.decode(
          new EncodedVideoChunk({
            type: p.key ? 'key' : 'delta',
            timestamp: p.us,
            data: Uint8Array.from(atob(p.b64), (ch) => ch.charCodeAt(0)),
          }),
        );
      await decoder.flush();
      decoder.close();
      if (failure) throw failure;
      return sums;
    },
    { config: plain, packets },
  );
}

/** Demuxes a WebM in Node, frame by frame, and decodes it. */
async function demuxWebm(buf: Buffer): Promise<WebmFacts> {
  const input = new Input({ source: new BufferSource(buf), formats: [WEBM] });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('no video track');
    const frames: WebmFacts['frames'] = [];
    const packets: { b64: string; us: number; key: boolean }[] = [];
    const sink = new EncodedPacketSink(track);
    for await (const p of sink.packets(undefined, undefined, { verifyKeyPackets: true })) {
      frames.push({ ms: Math.round(p.timestamp * 1000), key: p.type === 'key' });
      packets.push({
        b64: Buffer.from(p.data).toString('base64'),
        us: Math.round(p.timestamp * 1e6),
        key: p.type === 'key',
      });
    }
    const config = await track.getDecoderConfig();
    if (!config) throw new Error('no decoder config');
    return {
      codec: await track.getCodec(),
      width: await track.getDisplayWidth(),
      height: await track.getDisplayHeight(),
      duration: await input.getDurationFromMetadata(),
      frames,
      sums: await decodeSums(config, packets),
    };
  } finally {
    input.dispose();
  }
}

describe('WebM replay', () => {
  test('a replay is encoded frame by frame: its length is months × speed, pictures change', async () => {
    // Three months (15 May, 15 Jun, 15 Jul) at 4× = 150 ms each, plus the 800 ms tail.
    const buf = await recordWebm(page, '2021-05-15', '2021-07-15', '4', 'replay.webm');
    const length = videoLength(3, 150) / 1000;
    expect(length).toBe(1.25);
    const video = await inspectVideo(buf, [0]);
    // Written in the file's header, not measured by playing it through.
    expect(video.duration).toBeCloseTo(length, 2);
    // Every scheduled frame is in the file, at its time (Matroska counts whole ms), the last at
    // the very end, and each frame asked to be a key frame is one in the VP9 bitstream itself.
    const file = await demuxWebm(buf);
    expect(file.codec).toBe('vp9');
    expect({ width: file.width, height: file.height }).toEqual({
      width: video.width,
      height: video.height,
    });
    expect(file.duration).toBeCloseTo(length, 3);
    const schedule = videoSchedule(3, 150);
    expect(file.frames.map((f) => f.ms)).toEqual(schedule.map((s) => Math.round(s.ms)));
    expect(file.frames.at(-1)!.ms).toBe(length * 1000);
    expect(file.frames[0]!.key).toBe(true);
    for (const [i, s] of schedule.entries()) if (s.key) expect(file.frames[i]!.key).toBe(true);
    expect(video.width).toBeGreaterThan(0);
    expect(video.width % 2).toBe(0);
    expect(video.height % 2).toBe(0);
    // Each month's picture differs (the burned-in date at least); the tail holds the last one.
    expect(file.sums).toHaveLength(schedule.length);
    const first = (picture: number) => file.sums[schedule.findIndex((s) => s.picture === picture)]!;
    const [may, jun, jul, tail] = [first(0), first(1), first(2), file.sums.at(-1)!];
    expect(new Set([may, jun, jul]).size).toBe(3);
    expect(Math.abs(tail - jul) / jul).toBeLessThan(0.002);
  });

  test('Cancel stops a frame-by-frame recording at once, and nothing is downloaded', async () => {
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    try {
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the map' });
      // Three years at 1×: far longer than the test waits.
      await setDate(dialog.getByRole('group', { name: 'Replay from' }), '2021-01-15');
      await setDate(dialog.getByRole('group', { name: 'Replay to' }), '2024-01-15');
      await dialog.getByLabel('Replay speed').selectOption('1');
      await dialog.getByRole('button', { name: 'Record WebM' }).click();
      const progress = dialog.getByRole('progressbar', { name: 'Recording progress' });
      // The encoder and the first months take seconds on a software-only machine.
      await expect
        .poll(() => progress.evaluate((p) => (p as HTMLProgressElement).value), {
          timeout: 60_000,
        })
        .toBeGreaterThanOrEqual(2);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect
        .poll(() => dialog.getByTestId('replay-status').innerText(), { timeout: 5000 })
        .toBe('Recording cancelled.');
      await dialog.getByRole('button', { name: 'Record WebM' }).waitFor();
      expect(downloads).toBe(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      page.off('download', count);
    }
  });

  test('without WebCodecs (plain http), MediaRecorder records it in real time', async () => {
    const plain = await newPage(browser);
    await plain.addInitScript(() => {
      // As in a page served over plain http: WebCodecs needs a secure context.
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    try {
      await openAt(plain, baseUrl, '#date=2021-05-15');
      const buf = await recordWebm(plain, '2021-05-15', '2021-07-15', '4', 'replay-realtime.webm');
      expect(buf.length).toBeGreaterThan(1000);
      // MediaRecorder writes no duration; that the file decodes to a picture is what holds.
      const video = await inspectVideo(buf, [0]);
      expect(video.width).toBeGreaterThan(0);
      expect(video.sums[0]).toBeGreaterThan(0);
      const file = await demuxWebm(buf);
      expect(file.frames[0]?.key).toBe(true);
    } finally {
      await plain.close();
    }
  });
});
