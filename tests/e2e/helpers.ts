/** Shared steps of the browser tests: open the built app at a hash and wait until it is drawn. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import bbox from '@turf/bbox';

/**
 * Waits for the map, the data and the deck.gl sites layer to be drawn: something of the sites
 * layer can be picked on the map (deck.gl's public picking API). The data's summary is found by
 * its status, not its words, so this works in every language of the interface.
 */
export async function ready(page: Page) {
  await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=data-summary][data-status=ready]', { timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const d = window.__drawdown;
      const canvas = d?.map.getCanvas();
      if (!d?.overlay || !canvas) return false;
      // deck.gl asserts when asked to pick before its first frame has set up its views (seen
      // on a busy machine): not ready yet, ask again.
      try {
        const picked = d.overlay.pickObjects({
          x: 0,
          y: 0,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          layerIds: ['sites'],
          maxObjects: 1,
        });
        return picked.length > 0;
      } catch {
        return false;
      }
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * Waits until the map is idle after one more frame (it may be idle already, and then no 'idle'
 * event would come): its labels are placed, and nothing is left to draw. Twice, a frame apart:
 * deck.gl brings new layers (a leader line laid out at the last camera move) up to date in its
 * own animation frame, which may come after a map frame that was already idle.
 *
 * The promise resolves with nothing: resolved with the 'idle' event, Playwright would copy the
 * event back to Node, and with it the whole map it names as its target (1.5–2 s a call).
 */
export async function mapIdle(page: Page) {
  for (let i = 0; i < 2; i++)
    await page.evaluate(
      () =>
        new Promise<void>((r) =>
          requestAnimationFrame(() => {
            const map = window.__drawdown!.map;
            map.once('idle', () => r());
            map.triggerRepaint();
          }),
        ),
    );
}

export async function openAt(page: Page, baseUrl: string, hash: string) {
  await page.goto(`${baseUrl}/${hash}`);
  await ready(page);
}

// The country's box, from the bundled boundaries the app fits on load.
const topo = JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology;
const [west, south, east, north] = bbox(
  feature(topo, topo.objects['provinces'] as GeometryCollection),
);

/**
 * Where the country's box lies on the map, and which panels over the map it runs under (with
 * a pixel's grace for rounding).
 */
export async function countryUnderPanels(page: Page) {
  return page.evaluate(
    ({ west, south, east, north }) => {
      const map = window.__drawdown!.map;
      const at = map.getContainer().getBoundingClientRect();
      const nw = map.project([west, north]);
      const se = map.project([east, south]);
      const box = {
        left: at.left + nw.x,
        top: at.top + nw.y,
        right: at.left + se.x,
        bottom: at.top + se.y,
      };
      /** Whether a rectangle covers part of the country's box, beyond a pixel's rounding. */
      const over = (r: DOMRect) =>
        r.left < box.right - 1 &&
        r.right > box.left + 1 &&
        r.top < box.bottom - 1 &&
        r.bottom > box.top + 1;
      const under: string[] = [];
      for (const marked of document.querySelectorAll('[data-over-map]'))
        for (const panel of marked.getAttribute('data-over-map') === 'column'
          ? [...marked.children]
          : [marked]) {
          const r = panel.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (over(r)) under.push(panel.textContent!.trim().slice(0, 20));
        }
      const inside =
        box.left >= at.left - 1 &&
        box.top >= at.top - 1 &&
        box.right <= at.right + 1 &&
        box.bottom <= at.bottom + 1;
      // The map's credits (MapLibre's attribution strip), checked on their own: the fit clears
      // them only as long as they are marked (MapView.svelte).
      const a = document.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
      return {
        under,
        inside,
        creditsOver: over(a),
        creditsHeight: a.height,
        width: Math.round(box.right - box.left),
      };
    },
    { west, south, east, north },
  );
}

/** A rectangle of an image, in its pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A colour looked for, with how far (of 255) each channel may stray. */
export interface ColourMatch {
  rgb: readonly number[];
  tol: number;
}

/** What `pngRegions` says of one rectangle. */
export interface Region {
  /** How many distinct colours it holds. */
  colours: number;
  /** The sum of its pixels' channels. */
  sum: number;
  /** Its darkest grey (0–255). */
  darkest: number;
  /** How many of its pixels are the colour asked for (0 when none is asked for). */
  matching: number;
}

/** The whole of a PNG as a rectangle: its size, read from its header (IHDR). */
export function pngRect(png: Buffer): Rect {
  return { x: 0, y: 0, w: png.readUInt32BE(16), h: png.readUInt32BE(20) };
}

/**
 * For each rectangle of a PNG (a download, a screenshot), decoded in the page (no image
 * library in Node): how many distinct colours it holds, the sum of its channels, its darkest
 * grey, and how many of its pixels are `match`'s colour. A rectangle may be one pixel.
 */
export function pngRegions(
  page: Page,
  png: Buffer,
  rects: Rect[],
  match?: ColourMatch,
): Promise<Region[]> {
  return page.evaluate(
    async ([b64, rs, match]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return rs.map((r) => {
        const d = ctx.getImageData(r.x, r.y, r.w, r.h).data;
        const colours = new Set<number>();
        let sum = 0;
        let darkest = 255;
        let matching = 0;
        for (let i = 0; i < d.length; i += 4) {
          colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
          sum += d[i]! + d[i + 1]! + d[i + 2]!;
          darkest = Math.min(darkest, (d[i]! + d[i + 1]! + d[i + 2]!) / 3);
          if (match && [0, 1, 2].every((k) => Math.abs(d[i + k]! - match.rgb[k]!) <= match.tol))
            matching++;
        }
        return { colours: colours.size, sum, darkest, matching };
      });
    },
    [png.toString('base64'), rects, match ?? null] as const,
  );
}

/** How many pixels of a PNG (or of one rectangle of it) are a colour, within `tol` a channel. */
export async function countColour(
  page: Page,
  png: Buffer,
  rgb: readonly number[],
  tol: number,
  rect = pngRect(png),
): Promise<number> {
  return (await pngRegions(page, png, [rect], { rgb, tol }))[0]!.matching;
}

/**
 * Of 72 pixels of a screenshot on a circle (centre and radius in CSS pixels, at a device pixel
 * ratio of 1), how many are the given colour within `tol` on each channel.
 */
export async function onCircle(
  page: Page,
  png: Buffer,
  circle: { x: number; y: number; r: number },
  rgb: readonly number[],
  tol = 36,
): Promise<{ matching: number; of: number }> {
  const of = 72;
  const points: Rect[] = Array.from({ length: of }, (_, i) => {
    const a = (i / of) * 2 * Math.PI;
    const x = Math.round(circle.x + circle.r * Math.cos(a));
    const y = Math.round(circle.y + circle.r * Math.sin(a));
    return { x, y, w: 1, h: 1 };
  });
  const regions = await pngRegions(page, png, points, { rgb, tol });
  return { matching: regions.filter((r) => r.matching > 0).length, of };
}

/** A pixel counts as changed when one of its channels moved by more than this (of 255). */
export const PIXEL_TOLERANCE = 32;
/** A picture matches its reference when at most this share of its pixels changed. */
export const SHARE_TOLERANCE = 0.004;

/**
 * Compares a screenshot with its reference image, decoded in the page (no image library in
 * Node): the share of pixels that changed visibly, or 1 if the sizes differ. With
 * UPDATE_REFERENCES=1 the screenshot becomes the reference. On a mismatch the screenshot is
 * written beside the test's screenshots as `<name>-changed.png`, to compare by eye.
 */
export async function againstReference(
  page: Page,
  name: string,
  png: Buffer,
  dirs: { reference: string; changed: string },
): Promise<number> {
  const refPath = `${dirs.reference}/${name}.png`;
  if (process.env['UPDATE_REFERENCES'] === '1' || !existsSync(refPath)) {
    // A missing reference is written, and the test says so rather than pass unseen.
    writeFileSync(refPath, png);
    if (process.env['UPDATE_REFERENCES'] !== '1')
      throw new Error(`${refPath} did not exist: written now; look at it and commit it`);
    return 0;
  }
  const share = await changedShare(page, readFileSync(refPath), png);
  if (share > SHARE_TOLERANCE) writeFileSync(`${dirs.changed}/${name}-changed.png`, png);
  return share;
}

/**
 * The share of pixels that changed visibly between two PNGs of the same size (1 if the sizes
 * differ), decoded in the page: no image library in Node.
 */
export async function changedShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b, tol }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let changed = 0;
      for (let i = 0; i < x.data.length; i += 4)
        if (
          Math.abs(x.data[i]! - y.data[i]!) > tol ||
          Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tol ||
          Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tol
        )
          changed++;
      return changed / (x.width * x.height);
    },
    { a: a.toString('base64'), b: b.toString('base64'), tol: PIXEL_TOLERANCE },
  );
}

/**
 * Sets a DateField (day, month and year selects in a named group) to an ISO day, part by part
 * as a person would: the year first, so no step lands on a day the month lacks. The parts'
 * names are English by default; pass the French ones for a French page.
 */
export async function setDate(
  group: Locator,
  iso: string,
  names = { day: 'Day', month: 'Month', year: 'Year' },
): Promise<void> {
  const [y, m, d] = iso.split('-').map(Number);
  await group.getByRole('combobox', { name: names.year }).selectOption(String(y));
  await group.getByRole('combobox', { name: names.month }).selectOption(String(m));
  await group.getByRole('combobox', { name: names.day }).selectOption(String(d));
}
