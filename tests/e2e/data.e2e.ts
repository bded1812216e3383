/**
 * The default scenario in the app: loaded through the validating loader, described in the
 * About panel, and any rejected row reported on screen (shown here by corrupting a file).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { loadDefaultData } from '../defaultData.ts';
import { formatFuzzyDate } from '../../src/lib/domain/formatFuzzyDate.ts';
import { latestFact } from '../../src/lib/domain/summary.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const rows = (f: string) => readFileSync(`data/${f}`, 'utf8').trim().split('\n').length - 1;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: Page) {
  await page.goto(baseUrl + '/');
  await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
  await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });
}

/**
 * The app as first opened, and every request it has made since: the tests that only read the
 * default data share this one load (a load each would check nothing more).
 */
let first: { page: Page; requests: string[] } | undefined;
async function firstLoad() {
  if (!first) {
    const page = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await open(page);
    first = { page, requests };
  }
  return first;
}

describe('the default data in the app', () => {
  test('loads every row and says so', async () => {
    const { page } = await firstLoad();
    const status = await page.getByText(/\d+ sites · \d+ hotspots/).innerText();
    expect(status).toBe(
      `${rows('scenario/sites.csv')} sites · ${rows('scenario/hotspots.csv')} hotspots · ${rows('scenario/events.csv')} events`,
    );
    expect(await page.getByRole('status', { name: 'Data problems' }).count()).toBe(0);
  });

  test('the About panel lists sources, licences, counts, latest fact, citation and assumptions', async () => {
    const { page, requests } = await firstLoad();
    // The software list is fetched when the panel opens, not at start-up.
    expect(requests.filter((u) => u.includes('third-party-licences'))).toEqual([]);
    await page.getByRole('button', { name: 'About the data' }).click();
    const dialog = page.getByRole('dialog', { name: 'About the data' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const s of [
      'S/2020/1041',
      'Geo-PKO v2.3',
      'GeoNames',
      'CC BY 4.0',
      'ODbL',
      'Natural Earth',
      'public domain',
      'How to cite',
      'from standard unit sizes',
      'present at some point that year',
      `Data as of: ${formatFuzzyDate(latestFact(loadDefaultData())!, 'en')}`,
    ])
      expect(text).toContain(s);
    const table = dialog.getByRole('table', { name: 'Records loaded per file' });
    expect(
      await table.getByRole('row').filter({ hasText: 'data/scenario/sites.csv' }).innerText(),
    ).toMatch(new RegExp(`${rows('scenario/sites.csv')}\\s+${rows('scenario/sites.csv')}`));

    // Software and licences: the bundled packages with theirs, and the full texts beside them.
    const software = dialog.getByRole('region', { name: 'Software and licences' });
    expect(await software.innerText()).toContain('free software under the MIT licence');
    const list = software.getByRole('list', { name: 'Bundled software' });
    await list.waitFor();
    for (const [name, licence] of [
      ['maplibre-gl', 'BSD-3-Clause'],
      ['@deck.gl/core', 'MIT'],
      ['svelte', 'MIT'],
      ['mediabunny', 'MPL-2.0'],
      ['@fontsource/noto-sans', 'OFL-1.1'],
      // Generated into src/paraglide/, not bundled from node_modules, and credited all the same.
      ['@inlang/paraglide-js', 'MIT'],
    ]) {
      const item = list.getByRole('listitem').filter({ hasText: new RegExp(`^${name} \\S+: `) });
      expect(await item.innerText()).toMatch(
        new RegExp(`^${name} \\d+\\.\\d+\\.\\d+: ${licence}$`),
      );
    }
    const href = await software
      .getByRole('link', { name: 'full licence texts' })
      .getAttribute('href');
    const texts = await page.request.get(new URL(href!, baseUrl).href);
    expect(texts.ok()).toBe(true);
    expect(texts.url().startsWith(baseUrl + '/')).toBe(true);
    expect(await texts.text()).toContain('Mozilla Public License');
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/about-panel.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  test('a row that fails validation is reported on screen, as text, and the rest still load', async () => {
    const page = await newPage(browser);
    const bad =
      'evil,<img src=x onerror=alert(1)>,base,CD-NK,-1.6,29.2,2020,year,present_by,,,,,,,high,';
    await page.route(/sites-[^/]*\.csv$/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        body: (await res.text()).trimEnd() + '\n' + bad + '\n',
      });
    });
    await open(page);
    const region = page.getByRole('status', { name: 'Data problems' });
    await region.waitFor();
    await region.getByRole('button', { name: 'Show details' }).click();
    const text = await region.innerText();
    expect(text).toContain('2 data problems');
    expect(text).toMatch(
      /scenario\/sites\.csv, line \d+, column kind \("base"\): is not an allowed value\. Fix: use one of: mission_hq/,
    );
    expect(text).toMatch(/column source \(""\): is empty\. Fix: cite the source/);
    // The markup in the bad row is shown as text, never parsed.
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.getByText(/\d+ sites/).innerText()).toContain(
      `${rows('scenario/sites.csv')} sites`,
    );
    await page.screenshot({ path: `${SHOTS}/data-problems.png` });
    await page.close();
  });
});
