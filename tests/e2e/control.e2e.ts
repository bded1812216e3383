/**
 * Armed-group control in the production build (issue 23): at 1 March 2025 the whole-country
 * view shows M23/AFC's hold on Goma and Bukavu (flags on the towns, the hatched area, its name
 * and its key), a base in Goma says since when it is in the held area, and on 1 December 2024
 * nothing is held at Goma. What is drawn is found through public APIs: deck.gl's picking for
 * the flags, MapLibre's rendered features for the area and its name, and the page's own text.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt } from './helpers.ts';

const SHOTS = 'tests/e2e/screenshots';
const baseUrl = inject('baseUrl');
const LAYERS_PANEL = 'Legend and layers';
const GOMA: [number, number] = [29.22845, -1.67409];
const BUKAVU: [number, number] = [28.84281, -2.49077];
// The MONUSCO base in Goma (sites.csv `goma`), 1 km from the town's point.
const GOMA_BASE: [number, number] = [29.23333, -1.68333];
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Held towns' ids drawn within `px` pixels of a point, by deck.gl's picking. */
function flagsNear(page: Page, lngLat: [number, number], px = 24): Promise<string[]> {
  return page.evaluate(
    ({ lngLat, px }) => {
      const d = window.__drawdown!;
      const p = d.map.project(lngLat);
      return d
        .overlay!.pickObjects({
          x: p.x - px,
          y: p.y - px * 1.5,
          width: px * 2,
          height: px * 2,
          layerIds: ['control-towns'],
        })
        .map((o) => (o.object as { period: { id: string } }).period.id);
    },
    { lngLat, px },
  );
}

/**
 * A screen point where deck.gl's own picking finds `id` on top, with a pixel to spare each way,
 * searched in the pixels round a place: the app's hover and click pick there the same way.
 */
function pointOn(
  page: Page,
  lngLat: [number, number],
  id: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ lngLat, id }) => {
      const d = window.__drawdown!;
      const at = d.map.project(lngLat);
      const idOf = (o: unknown) => {
        const x = o as { period?: { id: string }; role?: string; datum?: { site: { id: string } } };
        return x?.period?.id ?? (x?.role === 'site' ? x.datum?.site.id : undefined);
      };
      const hit = (x: number, y: number) =>
        idOf(d.overlay!.pickObject({ x, y, radius: 0 })?.object) === id;
      for (let dy = -30; dy <= 16; dy++)
        for (let dx = -16; dx <= 16; dx++) {
          const [x, y] = [Math.round(at.x) + dx, Math.round(at.y) + dy];
          if ([-1, 0, 1].every((i) => [-1, 0, 1].every((j) => hit(x + i, y + j)))) return { x, y };
        }
      return null;
    },
    { lngLat, id },
  );
}

/** The held area's features MapLibre has drawn at a point (none while hidden). */
function areaAt(page: Page, lngLat: [number, number]): Promise<string[]> {
  return page.evaluate((lngLat) => {
    const map = window.__drawdown!.map;
    return map
      .queryRenderedFeatures(map.project(lngLat), { layers: ['control-fill'] })
      .map((f) => String(f.properties['group']));
  }, lngLat);
}

/** The names of held areas MapLibre has placed anywhere on the map. */
function areaNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__drawdown!.map.queryRenderedFeatures({ layers: ['control-label'] })
      .map((f) => String(f.properties['label'])),
  );
}

describe('1 March 2025, the whole country', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    await openAt(page, baseUrl, '#date=2025-03-01');
    await mapIdle(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  test('the layer is on at a first visit, with its key', async () => {
    const toggle = page.getByRole('checkbox', { name: 'Armed-group control', exact: true });
    expect(await toggle.isChecked()).toBe(true);
    const legend = await page.getByRole('region', { name: LAYERS_PANEL }).innerText();
    expect(legend).toContain('Held town (M23/AFC)');
    expect(legend).toContain('Held area, approximate');
  });

  test('Goma and Bukavu are flagged, inside one hatched area that is named as approximate', async () => {
    await expect.poll(() => flagsNear(page, GOMA)).toContain('goma-2025');
    expect(await flagsNear(page, BUKAVU)).toContain('bukavu-2025');
    await expect.poll(() => areaAt(page, GOMA)).toEqual(['M23/AFC']);
    expect(await areaAt(page, BUKAVU)).toEqual(['M23/AFC']);
    // Halfway between them, on Lake Kivu's west shore: the same area, not two discs.
    const mid: [number, number] = [(GOMA[0] + BUKAVU[0]) / 2, (GOMA[1] + BUKAVU[1]) / 2];
    expect(await areaAt(page, mid)).toEqual(['M23/AFC']);
    // Nothing held across the border beyond the town's core: Rwanda, 8 km east of Goma.
    expect(await areaAt(page, [29.3, -1.69])).toEqual([]);
    expect(await areaNames(page)).toContain('M23/AFC-held area (approximate)');
  });

  test('the map description says who holds which towns, and which bases are in the area', async () => {
    const text = await page.getByTestId('map-description').innerText();
    expect(text).toMatch(/M23\/AFC holds \d+ towns: [^.]*Goma/);
    expect(text).toMatch(/M23\/AFC holds \d+ towns: [^.]*Bukavu/);
    expect(text).toMatch(/in held areas?: [^.]*Goma \(since 28 Jan 2025\)/);
  });

  test('hovering a flag: the town, its group, its dates, source and confidence', async () => {
    // The pennant flies above and right of the town (symbols.ts).
    const p = await pointOn(page, GOMA, 'goma-2025');
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x + 60, p!.y - 60);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = page.locator('.deck-tooltip');
    await expect.poll(() => tip.innerText()).toContain('Held by M23/AFC');
    const lines = (await tip.innerText()).split('\n');
    expect(lines[0]).toBe('Goma');
    expect(lines).toContain('Held since 28 Jan 2025, still held at the last source');
    expect(lines.find((l) => l.startsWith('Source: '))).toContain('S/RES/2773');
    expect(lines).toContain('Confidence: high');
  });

  test('the base in Goma: its tooltip and its details say since when it is in the held area', async () => {
    // Where the base's own symbol is on top, clear of the flag above it.
    const p = await pointOn(page, GOMA_BASE, 'goma');
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x - 60, p!.y + 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = page.locator('.deck-tooltip');
    await expect.poll(() => tip.innerText()).toContain('In M23/AFC-held area since 28 Jan 2025');
    await page.mouse.click(p!.x, p!.y);
    // The Goma office's symbol lies under the base's: the click offers both (answers.e2e.ts).
    await page.getByRole('menuitem', { name: /^Goma, Sector HQ/ }).click();
    const details = page.getByRole('region', { name: 'Goma', exact: true });
    await expect
      .poll(() => details.innerText())
      .toContain('In M23/AFC-held area since 28 Jan 2025');
    await page.getByRole('button', { name: 'Close details' }).click();
  });

  test('the impact panel counts the places and people in held areas', async () => {
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const held = page.getByTestId('held-places');
    await expect.poll(() => held.isVisible()).toBe(true);
    const m = /^(\d+) places, about ([\d,]+) people$/.exec((await held.innerText()).trim());
    expect(m).not.toBeNull();
    // Goma and Bukavu at least, with their GeoNames populations (144,124 and 225,389).
    expect(Number(m![1])).toBeGreaterThanOrEqual(2);
    expect(Number(m![2]!.replaceAll(',', ''))).toBeGreaterThanOrEqual(144124 + 225389);
    await page.getByRole('button', { name: 'Close the impact panel' }).click();
  });

  test('the layer off: no flags, no area, and the description says it is hidden', async () => {
    const toggle = page.getByRole('checkbox', { name: 'Armed-group control', exact: true });
    await toggle.uncheck();
    await mapIdle(page);
    await expect.poll(() => areaAt(page, GOMA)).toEqual([]);
    expect(await flagsNear(page, GOMA)).toEqual([]);
    expect(await page.getByTestId('map-description').innerText()).toMatch(
      /Not shown: [^.]*Armed-group control/,
    );
    await toggle.check();
    await expect.poll(() => areaAt(page, GOMA)).toEqual(['M23/AFC']);
  });
});

describe('before the fall of Goma', () => {
  test('1 December 2024: no flag for Goma, no held area at Goma, the base not in one', async () => {
    const page = await newPage(browser);
    await openAt(page, baseUrl, '#date=2024-12-01&sel=goma');
    await mapIdle(page);
    // M23 held towns north-west of Goma by then (Rubaya since 30 Apr 2024), not Goma itself.
    const near = await flagsNear(page, GOMA, 60);
    expect(near).toContain('rubaya-2024');
    expect(near).not.toContain('goma-2025');
    expect(await areaAt(page, GOMA)).toEqual([]);
    expect(await areaAt(page, BUKAVU)).toEqual([]);
    const details = page.getByRole('region', { name: 'Goma', exact: true });
    await expect.poll(() => details.innerText()).toContain('Kind');
    expect(await details.innerText()).not.toContain('held area');
    expect(await page.getByTestId('map-description').innerText()).not.toMatch(/Goma \(since/);
    await page.close();
  });
});

describe('screenshots of the whole country at 1 March 2025', () => {
  test.each([
    [1280, 800],
    [1920, 1080],
  ])('%i×%i', async (width, height) => {
    const page = await newPage(browser, width, height);
    await openAt(page, baseUrl, '#date=2025-03-01');
    await expect.poll(() => areaAt(page, GOMA)).toEqual(['M23/AFC']);
    await mapIdle(page);
    expect(await flagsNear(page, GOMA)).toContain('goma-2025');
    await page.screenshot({ path: `${SHOTS}/control-2025-03-01-${width}x${height}.png` });
    await page.close();
  });
});
