/**
 * Closure impact in the production build: what-if on a selected site, a saved scenario that
 * changes the replay and survives a reload, and lost cover since a comparison date. Expected
 * lists come from the same domain functions run on the bundled data in Node. (Saved records
 * that cannot be read: storage.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { openAt as openAtBase, ready, setDate } from './helpers.ts';
import { loadDefaultData } from '../defaultData.ts';
import { coverageChange, whatIfCloses } from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { countersAt } from '../../src/lib/domain/timeline.ts';
import { applyScenario } from '../../src/lib/domain/userScenario.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const data = loadDefaultData();
const day = (t: string) => (parseFuzzyDate(t, 'day') as FuzzyDate).first;
const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The names in a loss list (LossList.svelte), in order. */
const lossNames = (page: Page, testid: string) =>
  page
    .getByTestId(testid)
    .locator('li > strong')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));

describe('what if a site closes now', () => {
  test('at 1 Feb 2024, Kamanyola: lists exactly what no other open site reaches', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-02-01&sel=kamanyola');
    const details = page.getByRole('region', { name: 'Kamanyola' });
    await details.getByRole('button', { name: 'What if this site closes now?' }).click();

    // Default radii: the Bukavu and Kavumu HQs' 80 km projection reach covers all of it.
    const expectedDefault = whatIfCloses(data, day('2024-02-01'), DEFAULT_RADII, 'kamanyola');
    expect(expectedDefault).toEqual([]);
    await expect
      .poll(() => page.getByTestId('what-if-list').innerText())
      .toMatch(/also in reach of another open site/);

    // A shorter HQ reach (edited in the settings, a planner's what-if on the assumption).
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    await page.getByRole('button', { name: 'Edit reach…' }).click();
    const input = page.getByLabel('Reach of Sector HQ in km');
    await input.fill('30');
    await input.press('Enter');
    await input.blur();
    await page.getByRole('button', { name: 'Done' }).click();
    const radii = { ...DEFAULT_RADII, sector_hq: 30 };
    const expected = whatIfCloses(data, day('2024-02-01'), radii, 'kamanyola');
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(() => lossNames(page, 'what-if-list'))
      .toEqual(expected.map((l) => l.target.name));
    const text = await page.getByTestId('what-if-list').innerText();
    for (const l of expected) expect(text).toContain(`Nearest remaining: ${l.nearest!.site.name}`);
    await page.screenshot({ path: `${SHOTS}/what-if-kamanyola.png` });

    // The edited radius is kept across a reload.
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    await page.getByRole('button', { name: 'Edit reach…' }).click();
    await expect.poll(() => page.getByLabel('Reach of Sector HQ in km').inputValue()).toBe('30');
    await page.close();
  });
});

describe('lost cover since a comparison date', () => {
  test('15 Jul 2021 against 15 Jan 2021 names the Kasaï closures', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15');
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const compareDate = page.getByRole('group', { name: 'Comparison date' });
    await setDate(compareDate, '2021-01-15');
    // The month is named in the interface's language, not as numbers.
    expect(await compareDate.getByRole('combobox', { name: 'Month' }).inputValue()).toBe('1');
    expect(
      await compareDate
        .getByRole('combobox', { name: 'Month' })
        .locator('option:checked')
        .innerText(),
    ).toBe('January');
    const expected = coverageChange(data, day('2021-01-15'), day('2021-07-15'), DEFAULT_RADII);
    expect(expected.lost.length).toBeGreaterThan(0);
    await expect
      .poll(() => lossNames(page, 'lost-coverage'))
      .toEqual(expected.lost.map((l) => l.target.name));
    const text = await page.getByTestId('lost-coverage').innerText();
    // Every cause is a site in Kasaï or Kasaï-Central.
    const causes = expected.lost.flatMap((l) => l.causes.map((c) => c.id));
    for (const id of causes) {
      const s = data.sites.find((x) => x.id === id)!;
      expect(['CD-KS', 'CD-KC']).toContain(s.province_iso);
      expect(text).toContain(s.name);
    }
    expect(text).toMatch(/Lost with: Kananga/);
    await page.screenshot({ path: `${SHOTS}/impact-kasai-2021-07.png` });
    await page.close();
  });
});

describe('scenarios', () => {
  test('keeping Bukavu open to 2025 changes the counts at 2024-12; both survive a reload', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-12-15&sel=bukavu');
    const baseline = countersAt(data.sites, day('2024-12-15'));
    const openSites = page.getByTestId('open-sites');
    await expect.poll(() => openSites.innerText()).toBe(String(baseline.sites));

    await page.getByRole('button', { name: /^Scenarios/ }).click();
    await page.getByLabel('New scenario name').fill('Bukavu stays open');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const details = page.getByRole('region', { name: /^Bukavu/ });
    await setDate(
      details.getByRole('group', { name: 'Last day open in the scenario' }),
      '2025-06-30',
    );

    const changed = applyScenario(data.sites, {
      id: 'x',
      name: 'x',
      created: '',
      changes: [{ site: 'bukavu', close: '2025-06-30' }],
    });
    const scenario = countersAt(changed, day('2024-12-15'));
    expect(scenario.sites).not.toBe(baseline.sites);
    await expect.poll(() => openSites.innerText()).toBe(String(scenario.sites));
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/scn=s[a-z0-9-]+/);

    // Compare with the baseline: both counts side by side.
    await page.getByLabel('Compare with the baseline').check();
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const compare = page.getByTestId('scenario-compare');
    await expect.poll(() => compare.innerText()).toMatch(/Sites with reach\s+\d+\s+\d+/);
    const [b, s] = (await compare.locator('tbody tr').first().locator('td').allInnerTexts()).map(
      Number,
    );
    expect(s).toBe(b! + 1);
    await page.screenshot({ path: `${SHOTS}/scenario-bukavu-2024-12.png` });

    await page.reload();
    await ready(page);
    await expect.poll(() => openSites.innerText()).toBe(String(scenario.sites));
    expect(await page.getByRole('button', { name: 'Scenarios: Bukavu stays open' }).count()).toBe(
      1,
    );
    // Back to the baseline from the panel.
    await page.getByRole('button', { name: /^Scenarios/ }).click();
    await page.getByLabel('Baseline (the data as sourced)').check();
    await expect.poll(() => openSites.innerText()).toBe(String(baseline.sites));
    await page.close();
  });
});
