/**
 * Layout: at four window sizes, with each panel of the left column open in turn (and a site's
 * details on the right), no panel covers the map's controls, its scale bar, the fitted country
 * or a site's name. And the sites table as a tool: sorted, filtered, exported.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countryUnderPanels, mapIdle, openAt } from './helpers.ts';

const SHOTS = 'tests/e2e/screenshots';
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The map's controls (every button, and the scale bar) that something else covers at their
 * centre, or whose centre lies outside the window: described by their name.
 */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid=map]')!;
    const controls = [
      ...map.querySelectorAll<HTMLElement>('.maplibregl-ctrl button'),
      ...map.querySelectorAll<HTMLElement>('.maplibregl-ctrl-scale'),
    ];
    const out: string[] = [];
    for (const c of controls) {
      const r = c.getBoundingClientRect();
      const name = c.getAttribute('aria-label') ?? c.className;
      if (r.width === 0 || r.height === 0) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
        out.push(`${name} off the window`);
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (!top || !(top === c || c.contains(top)))
        out.push(`${name} under ${top?.textContent?.trim().slice(0, 20) ?? 'nothing'}`);
    }
    return out;
  });
}

/**
 * The sites' names drawn under a panel, or running over the map's left or right edge (MapLibre's
 * public queryRenderedFeatures, on the names' layer).
 */
function namesCut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__drawdown!.map;
    if (!map.getLayer('site-labels')) return ['no site names drawn'];
    const at = map.getContainer().getBoundingClientRect();
    const names = (x0: number, y0: number, x1: number, y1: number) =>
      map
        .queryRenderedFeatures(
          [
            [x0, y0],
            [x1, y1],
          ],
          { layers: ['site-labels'] },
        )
        .map((f) => String(f.properties['name']));
    const out = [
      ...names(0, 0, 1, at.height).map((n) => `${n} cut by the map's left edge`),
      ...names(at.width - 1, 0, at.width, at.height).map((n) => `${n} cut by the right edge`),
    ];
    // The panels as drawn: the right column's room beyond its panels covers nothing.
    for (const marked of document.querySelectorAll('[data-over-map]'))
      for (const panel of marked.getAttribute('data-over-map') === 'column' ||
      marked.classList.contains('right')
        ? [...marked.children]
        : [marked]) {
        const r = panel.getBoundingClientRect();
        const x0 = Math.max(r.left, at.left) - at.left;
        const y0 = Math.max(r.top, at.top) - at.top;
        const x1 = Math.min(r.right, at.right) - at.left;
        const y1 = Math.min(r.bottom, at.bottom) - at.top;
        if (x1 <= x0 || y1 <= y0 || panel.classList.contains('maplibregl-ctrl-attrib')) continue;
        const what = panel.textContent!.trim().slice(0, 20);
        out.push(...names(x0, y0, x1, y1).map((n) => `${n} under "${what}"`));
      }
    return out;
  });
}

/**
 * What is wrong with the layout now: covered controls, the country under a panel or cut, a
 * site's name under a panel or cut.
 */
async function layoutFaults(page: Page): Promise<string[]> {
  const at = await countryUnderPanels(page);
  return [
    ...(await coveredControls(page)),
    ...(await namesCut(page)),
    ...at.under.map((t) => `country under "${t}"`),
    ...(at.inside ? [] : ['country not inside the map']),
    ...(at.creditsOver ? ['country under the credits'] : []),
  ];
}

interface PanelCase {
  name: string;
  /** Its toolbar button. */
  button: (page: Page) => Locator;
}

const PANELS: PanelCase[] = [
  { name: 'impact', button: (p) => p.getByRole('button', { name: 'Impact', exact: true }) },
  { name: 'scenarios', button: (p) => p.getByRole('button', { name: /^Scenarios/ }) },
  { name: 'slides', button: (p) => p.getByRole('button', { name: 'Slides', exact: true }) },
  { name: 'import', button: (p) => p.getByRole('button', { name: 'Add data', exact: true }) },
  { name: 'table', button: (p) => p.getByRole('button', { name: /sites table$/ }) },
];

/** Presses a toolbar toggle and waits until it says it is `pressed`. */
async function toggle(button: Locator, pressed: boolean) {
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe(String(pressed));
}

describe('no panel covers the controls, the scale bar or the country', () => {
  test.each([
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ])(
    'at $width × $height, with each panel open in turn',
    async ({ width, height }) => {
      const page = await newPage(browser, width, height);
      try {
        await openAt(page, baseUrl, '#date=2021-07-15');
        const faults: Record<string, string[]> = {};
        /** Waits for the layout to settle clear; records what is still wrong if it does not. */
        const check = async (what: string) => {
          let last: string[] = [];
          try {
            await expect
              .poll(async () => (last = await layoutFaults(page)), {
                timeout: 15_000,
              })
              .toEqual([]);
          } catch {
            faults[what] = last;
          }
          await mapIdle(page);
          await page.screenshot({ path: `${SHOTS}/layout-${width}x${height}-${what}.png` });
        };
        await check('none');
        for (const panel of PANELS) {
          const button = panel.button(page);
          await toggle(button, true);
          await check(panel.name);
          await toggle(button, false);
        }
        // A site's details, below the layer panel: the room kept for them holds them.
        await page.evaluate(() => {
          location.hash = '#date=2021-07-15&sel=goma';
        });
        await page.getByRole('region', { name: 'Goma' }).waitFor();
        await check('details');
        expect(faults).toEqual({});
      } finally {
        await page.close();
      }
    },
    240_000,
  );
});

describe('beside a panel on a 1024-px screen', () => {
  test("the layer panel folds to a button, and a site's details open in the sidebar", async () => {
    const page = await newPage(browser, 1024, 768);
    try {
      await openAt(page, baseUrl, '#date=2021-07-15&sel=goma');
      const layers = page.getByRole('region', { name: 'Legend and layers' });
      const fold = page.getByRole('button', { name: 'Layers', exact: true });
      await expect.poll(() => layers.isVisible()).toBe(true);
      expect(await fold.count()).toBe(0);
      await toggle(page.getByRole('button', { name: 'Slides', exact: true }), true);
      await expect.poll(() => layers.isVisible()).toBe(false);
      await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('false');
      // Goma's details now sit in the sidebar, above the slides panel, not over the map.
      const details = page.getByRole('region', { name: 'Goma' });
      const sidebar = await page.locator('[data-over-map=column]').boundingBox();
      const box = await details.boundingBox();
      const slides = await page.getByRole('region', { name: 'Slides' }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(sidebar!.x + sidebar!.width);
      expect(box!.y).toBeLessThan(slides!.y);
      await expect.poll(async () => layoutFaults(page), { timeout: 15_000 }).toEqual([]);
      const folded = (await countryUnderPanels(page)).width;
      // Opened over the map, the panel is cleared by a new fit: nothing of the country under it.
      await fold.click();
      await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => layers.isVisible()).toBe(true);
      await expect.poll(async () => layoutFaults(page), { timeout: 15_000 }).toEqual([]);
      const opened = (await countryUnderPanels(page)).width;
      // Folded, the map gave the country more room than beside the open panel.
      expect(folded).toBeGreaterThan(opened * 1.5);
      await page.screenshot({ path: `${SHOTS}/layout-1024-folded-open.png` });
      // Closing the sidebar brings the layer panel and the details back to the right column.
      await toggle(page.getByRole('button', { name: 'Slides', exact: true }), false);
      await expect.poll(() => fold.count()).toBe(0);
      const back = await details.boundingBox();
      expect(back!.x).toBeGreaterThan(1024 / 2);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('the sites table is a tool', () => {
  test('sorts by a column, filters by text without accents, and exports what it shows', async () => {
    const page = await newPage(browser, 1280, 800);
    try {
      // In 2019 the mission was still in the Kasaï provinces.
      await openAt(page, baseUrl, '#date=2019-01-01');
      // Named "Show sites table", then "Hide sites table".
      await toggle(page.getByRole('button', { name: /sites table$/ }), true);
      const table = page.getByRole('table');
      await table.waitFor();
      const firstName = () => table.locator('tbody tr').first().locator('td').first().innerText();
      const header = (name: string) => table.getByRole('columnheader', { name });
      const byName = await firstName();

      // By name, turned round: another site comes first, and the header says so.
      expect(await header('Name').getAttribute('aria-sort')).toBe('ascending');
      await table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(() => header('Name').getAttribute('aria-sort')).toBe('descending');
      expect(await firstName()).not.toBe(byName);
      // By troops, from the keyboard: the button in the header takes Enter.
      await table.getByRole('button', { name: /^Troops/ }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => header('Troops (est., 2019)').getAttribute('aria-sort'))
        .toBe('ascending');
      expect(await header('Name').getAttribute('aria-sort')).toBe('none');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => header('Troops (est., 2019)').getAttribute('aria-sort'))
        .toBe('descending');
      // The largest figure first.
      const troops = async () =>
        (await table.locator('tbody tr td:last-child').allInnerTexts()).map((t) =>
          Number(t.replace(/[^\d]/g, '') || NaN),
        );
      const [first, second] = await troops();
      expect(first).toBeGreaterThanOrEqual(second!);
      await table.getByRole('button', { name: 'Name' }).click();
      await page.screenshot({ path: `${SHOTS}/sites-table-1280x800.png` });

      // "bukavu" finds the Bukavu rows, and only them.
      await page.getByRole('searchbox', { name: 'Name, kind or province' }).fill('bukavu');
      await expect
        .poll(() => table.locator('tbody tr').allInnerTexts())
        .toEqual([expect.stringContaining('Bukavu'), expect.stringContaining('Bukavu')]);
      await page.screenshot({ path: `${SHOTS}/sites-table-bukavu.png` });

      // "kasai", no accent, finds the sites of the Kasaï provinces.
      await page.getByRole('searchbox', { name: 'Name, kind or province' }).fill('kasai');
      await expect
        .poll(async () => (await table.locator('tbody tr').allInnerTexts()).length)
        .toBeGreaterThan(0);
      for (const row of await table.locator('tbody tr').allInnerTexts())
        expect(row).toMatch(/Kasaï/);

      // The CSV holds the header and the rows as filtered and sorted.
      await page.getByRole('searchbox', { name: 'Name, kind or province' }).fill('bukavu');
      await expect
        .poll(async () => (await table.locator('tbody tr').allInnerTexts()).length)
        .toBe(2);
      const shown = await table.locator('tbody tr td:first-child').allInnerTexts();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('drawdown-map_sites_2019-01-01.csv');
      const lines = readFileSync(await download.path(), 'utf8')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe(
        'Name,Kind,Province,Opened,"Troops (est., 2019)",Estimate carried from (year)',
      );
      expect(lines.slice(1).map((l) => l.split(',')[0]!.replace(/"/g, ''))).toEqual(shown);
    } finally {
      await page.close();
    }
  }, 120_000);
});
