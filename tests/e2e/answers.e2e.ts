/**
 * Answers drawn on the map (issue 25) in the production build: the selected site's ring, the
 * what-if's lost targets with their lines and distances, a lost-cover row pointed at, and the
 * chooser for stacked symbols. What is drawn is read through window.__drawdown.answers and
 * checked against the same domain functions run on the bundled data in Node.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countColour, mapIdle, onCircle, openAt as openAtBase, setDate } from './helpers.ts';
import { loadDefaultData } from '../defaultData.ts';
import { coverageChange, whatIfCloses } from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { RING_RGB } from '../../src/lib/map/layers/selectionRing.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const data = loadDefaultData();
const day = (t: string) => (parseFuzzyDate(t, 'day') as FuzzyDate).first;
const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
const FIB_BENI = 'fib-hq-beni';
const BENI: [number, number] = [29.47306, 0.49113];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const answers = (page: Page) => page.evaluate(() => window.__drawdown!.answers!());

/** Where a longitude and latitude are on the page, in CSS pixels. */
const onPage = (page: Page, lngLat: [number, number]) =>
  page.evaluate((lngLat) => {
    const map = window.__drawdown!.map;
    const at = map.getContainer().getBoundingClientRect();
    const p = map.project(lngLat);
    return { x: at.left + p.x, y: at.top + p.y };
  }, lngLat);

/** The current view exported through the export dialog, as a person would, saved and read back. */
async function exportView(page: Page, save: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the map' });
  // The smallest preset: the ring is drawn in pixels, at the export's own pixel ratio.
  await dialog.getByRole('radio', { name: /^Current view, 1×/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  await download.saveAs(save);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFileSync(save);
}

describe('the selected site', () => {
  test('sel= in the link draws a ring round the site, clear of its symbol', async () => {
    const page = await newPage(browser);
    await openAt(page, `#date=2024-07-01&view=${BENI.join(',')},9&sel=${FIB_BENI}`);
    await expect.poll(async () => (await answers(page)).ring?.id).toBe(FIB_BENI);
    await page.getByRole('region', { name: /Force Intervention Brigade/ }).waitFor();
    await mapIdle(page);
    const ring = (await answers(page)).ring!;
    const at = await onPage(page, ring.position);
    const shot = await page.screenshot({ path: `${SHOTS}/answers-ring.png` });
    // Most of the circle is the ring's blue (a name or a leader may cross it)...
    const drawn = await onCircle(page, shot, { ...at, r: ring.px }, RING_RGB);
    expect(drawn.matching).toBeGreaterThan(drawn.of * 0.6);
    // ...and none of it runs over the symbol inside it.
    const inside = await onCircle(page, shot, { ...at, r: ring.px - 6 }, RING_RGB, 20);
    expect(inside.matching).toBe(0);

    // Closing the details takes the ring away.
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(async () => (await answers(page)).ring).toBeNull();
    await page.close();
  });

  test('a PNG export carries the ring, and loses it with the selection', async () => {
    const page = await newPage(browser);
    await openAt(page, `#date=2024-07-01&view=${BENI.join(',')},9&sel=${FIB_BENI}`);
    await expect.poll(async () => (await answers(page)).ring?.id).toBe(FIB_BENI);
    const withRing = await exportView(page, `${SHOTS}/answers-ring-export.png`);
    expect(await countColour(page, withRing, RING_RGB, 16)).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(async () => (await answers(page)).ring).toBeNull();
    const without = await exportView(page, `${SHOTS}/answers-no-ring-export.png`);
    expect(await countColour(page, without, RING_RGB, 16)).toBeLessThan(20);
    await page.close();
  });

  test('at the whole-country view, the ring marks Kinshasa round its symbol', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-07-01&sel=kinshasa');
    await expect.poll(async () => (await answers(page)).ring?.id).toBe('kinshasa');
    await mapIdle(page);
    const ring = (await answers(page)).ring!;
    const at = await onPage(page, ring.position);
    const shot = await page.screenshot({ path: `${SHOTS}/answers-ring-country.png` });
    const drawn = await onCircle(page, shot, { ...at, r: ring.px }, RING_RGB);
    expect(drawn.matching).toBeGreaterThan(drawn.of * 0.6);
    await page.close();
  });
});

describe('what if a site closes now, on the map', () => {
  test('Beni FIB HQ at 1 Jul 2024: each lost target drawn with its line and distance', async () => {
    const page = await newPage(browser);
    await openAt(page, `#date=2024-07-01&view=29.30,0.20,8&sel=${FIB_BENI}`);
    const details = page.getByRole('region', { name: /Force Intervention Brigade/ });
    await details.getByRole('button', { name: 'What if this site closes now?' }).click();
    const expected = whatIfCloses(data, day('2024-07-01'), DEFAULT_RADII, FIB_BENI);
    expect(expected.length).toBeGreaterThan(0);
    // Drawn: exactly the listed losses, each to the nearest remaining site, its distance rounded.
    await expect
      .poll(async () => (await answers(page)).losses)
      .toEqual(
        expected.map((l) => ({
          name: l.target.name,
          km: Math.round(l.nearest!.km),
          site: l.nearest!.site.name,
        })),
      );
    const list = await page.getByTestId('what-if-list').innerText();
    for (const l of expected)
      expect(list).toContain(
        `Nearest remaining: ${l.nearest!.site.name}, ${Math.round(l.nearest!.km)} km`,
      );
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/answers-what-if-north-kivu.png` });

    // Hidden again, nothing is drawn.
    await details.getByRole('button', { name: 'What if this site closes now?' }).click();
    await expect.poll(async () => (await answers(page)).losses).toEqual([]);
    await page.close();
  });
});

describe('the lost-cover list', () => {
  test('a row hovered, focused or pressed is drawn with its line', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15');
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    await setDate(page.getByRole('group', { name: 'Comparison date' }), '2021-01-15');
    const lost = coverageChange(data, day('2021-01-15'), day('2021-07-15'), DEFAULT_RADII).lost;
    expect(lost.length).toBeGreaterThan(0);
    const first = lost[0]!;
    const rows = page.getByTestId('lost-coverage').locator('li');
    await expect.poll(() => rows.count()).toBe(lost.length);
    expect((await answers(page)).losses).toEqual([]);

    await rows.first().hover();
    await expect.poll(async () => (await answers(page)).focus).toBe(first.target.name);
    const drawn = (await answers(page)).losses;
    expect(drawn).toEqual([
      {
        name: first.target.name,
        km: first.nearest ? Math.round(first.nearest.km) : null,
        site: first.nearest?.site.name ?? null,
      },
    ]);
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/answers-lost-row.png` });

    // Off the list, nothing; the keyboard's focus on a row's button draws that row.
    await page.mouse.move(700, 780);
    await expect.poll(async () => (await answers(page)).losses).toEqual([]);
    const show = page.getByRole('button', { name: `Show on the map: ${first.target.name}` });
    await show.focus();
    await expect.poll(async () => (await answers(page)).focus).toBe(first.target.name);
    // Pressed, it stays drawn when focus and pointer leave.
    await show.press('Enter');
    await expect.poll(() => show.getAttribute('aria-pressed')).toBe('true');
    await show.blur();
    await page.mouse.move(700, 780);
    await expect.poll(async () => (await answers(page)).focus).toBe(first.target.name);
    // A month on, the row is still lost, and still drawn.
    const later = coverageChange(data, day('2021-01-15'), day('2021-08-15'), DEFAULT_RADII).lost;
    expect(later.map((l) => l.target.key)).toContain(first.target.key);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('current-date').innerText()).toBe('15 August 2021');
    await expect.poll(async () => (await answers(page)).focus).toBe(first.target.name);
    // Closing the panel takes it off the map.
    await page.getByRole('button', { name: 'Close the impact panel' }).click();
    await expect.poll(async () => (await answers(page)).losses).toEqual([]);
    await page.close();
  });
});

describe('stacked symbols', () => {
  test("a click on Beni's stack offers a chooser; the keyboard picks a site", async () => {
    const page = await newPage(browser);
    await openAt(page, `#date=2024-07-01&view=${BENI.join(',')},9`);
    await mapIdle(page);
    const at = await onPage(page, BENI);
    await page.mouse.click(at.x, at.y);
    const menu = page.getByRole('menu', { name: /^\d+ sites here$/ });
    await menu.waitFor();
    const items = menu.getByRole('menuitem');
    const n = await items.count();
    expect(n).toBeGreaterThan(1);
    expect(await menu.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('#stack-title').innerText()).toBe(`${n} sites here`);
    await expect
      .poll(() => items.allInnerTexts())
      .toContain('Beni (Force Intervention Brigade HQ), Sector HQ, open');
    await page.screenshot({ path: `${SHOTS}/answers-stack-chooser.png` });

    // Focus is in the chooser, on its first site; ↑ ↓ move, Enter chooses.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-site'));
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));
    await expect.poll(focused).toBe(ids[0]);
    // A menu goes round: ↑ from the first is the last, ↓ from there the first again.
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(ids[n - 1]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toContain(`sel=${ids[1]}`);
    await expect.poll(() => menu.count()).toBe(0);
    await expect.poll(async () => (await answers(page)).ring?.id).toBe(ids[1]);
    const onMap = () =>
      page.evaluate(() => document.activeElement === window.__drawdown!.map.getCanvas());
    expect(await onMap()).toBe(true);

    // Escape closes it and gives focus back to the map.
    await page.mouse.click(at.x, at.y);
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await onMap()).toBe(true);
    await page.close();
  });

  test('in French, the chooser names the sites and their state in French', async () => {
    const page = await newPage(browser);
    await openAt(page, `#date=2024-07-01&view=${BENI.join(',')},9&lang=fr`);
    await mapIdle(page);
    const at = await onPage(page, BENI);
    await page.mouse.click(at.x, at.y);
    const menu = page.getByRole('menu', { name: /^\d+ sites ici$/ });
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allInnerTexts();
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item).toMatch(/, ouvert$/);
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();
    await expect.poll(() => menu.count()).toBe(0);
    await page.close();
  });
});
