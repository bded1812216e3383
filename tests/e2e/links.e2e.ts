/**
 * A link is shown as the map can show it, and the URL then says what is shown (issue 27,
 * item 6): a view out of the map's reach, a scenario this browser lacks. Messages about saved
 * work that cannot be read show on load, over the map, and can be dismissed; so can the
 * data-problems box, which never covers the timeline.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countryUnderPanels, openAt } from './helpers.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The URL's hash once it no longer holds `gone`, and how many history entries the app added
 * (the tab's own count includes the blank page it opened with).
 */
async function urlWithout(page: Page, gone: string) {
  await page.waitForFunction((g) => !location.hash.includes(g), gone);
  return page.evaluate(() => ({
    hash: location.hash,
    added: history.length - (window as unknown as { entriesAtLoad: number }).entriesAtLoad,
  }));
}

/** A page that notes, before the app runs, how many history entries the tab has. */
async function countingPage(width?: number, height?: number) {
  const page = await newPage(browser, width, height);
  await page.addInitScript(() => {
    (window as unknown as { entriesAtLoad: number }).entriesAtLoad = history.length;
  });
  return page;
}

/** The map's camera and the limits it keeps to (MapView.svelte). */
function camera(page: Page) {
  return page.evaluate(() => {
    const map = window.__drawdown!.map;
    const b = map.getMaxBounds()!;
    return {
      lng: map.getCenter().lng,
      lat: map.getCenter().lat,
      zoom: map.getZoom(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    };
  });
}

describe('links normalised', () => {
  test('#view=179,84,24 opens the whole country, and the URL drops the impossible view', async () => {
    const page = await countingPage();
    await openAt(page, baseUrl, '#date=2021-07-15&view=179,84,24');
    const url = await urlWithout(page, 'view=');
    expect(url.hash).toBe('#date=2021-07-15');
    // Rewritten in place: Back does not land on the impossible view.
    expect(url.added).toBe(0);
    expect((await countryUnderPanels(page)).inside).toBe(true);
    const c = await camera(page);
    expect(c.zoom).toBeGreaterThanOrEqual(3);
    expect(c.zoom).toBeLessThanOrEqual(12);
    await page.screenshot({ path: `${SHOTS}/link-impossible-view.png` });
    await page.close();
  });

  test('a zoom beyond the map’s is clamped, and the URL says what is shown', async () => {
    const page = await countingPage();
    await openAt(page, baseUrl, '#date=2021-07-15&view=29.2000,-1.6800,20');
    const url = await urlWithout(page, ',20');
    const c = await camera(page);
    expect(c.zoom).toBe(12);
    expect(url.hash).toBe(
      `#date=2021-07-15&view=${c.lng.toFixed(4)},${c.lat.toFixed(4)},${c.zoom.toFixed(2)}`,
    );
    const [lng, lat] = [c.lng, c.lat];
    expect(lng).toBeGreaterThanOrEqual(c.bounds[0]!);
    expect(lat).toBeGreaterThanOrEqual(c.bounds[1]!);
    expect(lng).toBeLessThanOrEqual(c.bounds[2]!);
    expect(lat).toBeLessThanOrEqual(c.bounds[3]!);
    expect(url.added).toBe(0);
    await page.close();
  });

  test('a view the app wrote opens as it was, and the URL stays as it is', async () => {
    const page = await newPage(browser);
    const hash = '#date=2021-07-15&view=28.8000,-2.5000,7.00';
    await openAt(page, baseUrl, hash);
    const c = await camera(page);
    expect([c.lng.toFixed(4), c.lat.toFixed(4), c.zoom.toFixed(2)]).toEqual([
      '28.8000',
      '-2.5000',
      '7.00',
    ]);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    await page.close();
  });
});

describe('notices on load', () => {
  test('a link to a scenario this browser lacks says so at once, and the notice can be dismissed', async () => {
    const page = await countingPage();
    await openAt(page, baseUrl, '#date=2021-07-15&scn=unknown-id');
    const notice = page.getByText(
      'The link names scenario "unknown-id", which this browser does not hold: showing the baseline.',
    );
    await notice.waitFor();
    const url = await urlWithout(page, 'scn=');
    expect(url).toEqual({ hash: '#date=2021-07-15', added: 0 });
    await page
      .getByRole('button', { name: 'Dismiss the message about the missing scenario' })
      .click();
    await notice.waitFor({ state: 'detached' });
    await page.close();
  });

  test('a slide naming a scenario this browser lacks says so when presented', async () => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      const slide = {
        id: 's1',
        caption: 'From another browser',
        date: '2021-07-15',
        view: null,
        layers: ['phases', 'sites'],
        plan: 'actual',
        sel: null,
        scn: 'gone-id',
        playTo: null,
      };
      localStorage.setItem(
        'drawdown-map/deck/v1',
        JSON.stringify({ version: 1, name: 'Brief', slides: [slide] }),
      );
    });
    await page.goto(`${baseUrl}/#present=1`);
    await page.getByTestId('present-caption').waitFor({ timeout: 60_000 });
    await page
      .getByText(
        'This slide names scenario "gone-id", which this browser does not hold: showing the baseline.',
      )
      .waitFor();
    await page.close();
  });

  test('unreadable saved scenarios, radii and slides are kept aside and reported on load, each dismissable', async () => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      // Once per tab: a reload must not undo what the app did with them.
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('drawdown-map/scenarios/v1', '{"version":1,"scenarios":[');
      localStorage.setItem('drawdown-map/reach/v1', 'not json');
      localStorage.setItem('drawdown-map/deck/v1', '{"version":2}');
    });
    // On load, before anything is opened; the map need not be drawn.
    await page.goto(`${baseUrl}/`);
    await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });
    const notices = page.locator('[role=status]').filter({ hasText: /saved/i });
    const scenarios = notices.filter({
      hasText: 'The what-if scenarios saved in this browser could not be read (not JSON',
    });
    const radii = notices.filter({
      hasText: 'The reach radii saved in this browser could not be read (not JSON)',
    });
    const slides = notices.filter({
      hasText: 'The slides saved in this browser could not be read (version: is not version 1',
    });
    for (const n of [scenarios, radii, slides]) await n.waitFor();
    await page.screenshot({ path: `${SHOTS}/notices-unreadable-stores.png` });
    // The copies are kept, and the list of them opens from the message.
    await scenarios.getByRole('button', { name: 'Kept copies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kept copies' });
    await expect.poll(() => dialog.locator('li').count()).toBe(3);
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const about of ['what-if scenarios', 'reach radii', 'slides'])
      await page.getByRole('button', { name: `Dismiss the message about saved ${about}` }).click();
    for (const n of [scenarios, radii, slides]) await n.waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('the data-problems box', () => {
  test.each([
    [1280, 800],
    [1024, 768],
  ])('at %i×%i it never covers the timeline, and it closes', async (width, height) => {
    const page = await newPage(browser, width, height);
    // Rows the loader rejects: many, so that the details run long.
    const bad = Array.from(
      { length: 40 },
      (_, i) => `bad-${i},Nowhere ${i},base,CD-NK,-1.6,29.2,2020,year,present_by,,,,,,,high,test`,
    ).join('\n');
    await page.route(/sites-[^/]*\.csv$/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        body: (await res.text()).trimEnd() + '\n' + bad + '\n',
      });
    });
    await openAt(page, baseUrl, '');
    const box = page.getByRole('status', { name: 'Data problems' });
    await box.getByRole('button', { name: 'Show details' }).click();
    await box.locator('ol').waitFor();
    const timeline = await page.getByRole('region', { name: 'Timeline' }).boundingBox();
    const shown = await box.boundingBox();
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(timeline!.y);
    expect(shown!.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/data-problems-${width}x${height}.png` });
    await box.getByRole('button', { name: 'Close the data problems' }).click();
    await box.waitFor({ state: 'detached' });
    await page.close();
  });
});
