/**
 * The impact headline in the production build: it counts the mission's area (named, with its
 * provinces listed), the whole country comes second, and places without a population figure are
 * said in words, in English and in French. Expected figures come from the same domain functions
 * run on the bundled data in Node.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt as openAtBase } from './helpers.ts';
import { loadDefaultData } from '../defaultData.ts';
import { impactAt, missionArea, totalsIn } from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { addMonths } from '../../src/lib/domain/timeline.ts';
import { formatNumber } from '../../src/lib/domain/format.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const data = loadDefaultData();
const DAY = (parseFuzzyDate('2024-07-01', 'day') as FuzzyDate).first;
const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The panel's comparison date by default: a year before the date.
const area = missionArea(data.sites, DAY, addMonths(DAY, -12), DEFAULT_RADII);
const covers = impactAt(data, DAY, DEFAULT_RADII).covers;
const inArea = totalsIn(covers, new Set(area.map((p) => p.province_iso)));
const national = totalsIn(covers, null);

/** The panel's figures as shown: the area's first, the whole country's second. */
const shown = async (page: Page) => {
  const text = (id: string) => page.getByTestId(id).innerText();
  return {
    area: await text('impact-area'),
    people: await text('uncovered-population'),
    nationalPeople: await text('national-uncovered-population'),
    unknown: await text('population-unknown'),
  };
};

describe('the impact headline counts the mission’s area', () => {
  test('at 1 July 2024: the area’s people first, fewer than the whole country’s, shown second', async () => {
    // The data as it stands: the mission's provinces in the east, people out of reach in the west.
    expect(area.length).toBeGreaterThan(0);
    expect(area.map((p) => p.province_iso)).not.toContain('CD-KN');
    expect(inArea.population.total).toBeLessThan(national.population.total);

    const page = await newPage(browser);
    await openAt(page, '#date=2024-07-01');
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Closure impact' });
    await panel.getByTestId('impact-area').waitFor();
    const s = await shown(page);
    expect(s.area).toContain(`In the mission’s area: ${area.length} provinces`);
    // Every province counted is named.
    for (const p of ['Ituri', 'Nord-Kivu']) expect(s.area).toContain(p);
    expect(s.area).toContain('since 1 July 2023');
    expect(s.people).toBe(formatNumber(inArea.population.total, 'en'));
    expect(s.nationalPeople).toBe(formatNumber(national.population.total, 'en'));
    expect(await panel.getByText('Whole country', { exact: true }).isVisible()).toBe(true);
    // The area's figure comes before the country's in the panel.
    const [a, n] = await Promise.all(
      ['uncovered-population', 'national-uncovered-population'].map((id) =>
        page.getByTestId(id).evaluate((e) => e.getBoundingClientRect().top),
      ),
    );
    expect(a).toBeLessThan(n!);
    // Places without a figure, in words, not "+1?".
    expect(inArea.population.unknown).toBeGreaterThan(0);
    const n1 = inArea.population.unknown;
    expect(s.unknown).toBe(`+${n1} ${n1 === 1 ? 'place' : 'places'} without a population figure`);
    expect(await panel.innerText()).not.toMatch(/\+\d+\?/);
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/headline-2024-07-en.png` });
    await panel.screenshot({ path: `${SHOTS}/headline-2024-07-en-panel.png` });
    // The table by province says it in words too.
    await panel.getByText('By province', { exact: true }).click();
    const table = panel.getByRole('table').filter({ hasText: 'Province' });
    await expect.poll(() => table.innerText()).toMatch(/\d+ places? without a population figure/);
    expect(await table.innerText()).not.toMatch(/\+\d+\?/);
    await table.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/headline-2024-07-en-by-province.png` });
    await page.close();
  });

  test('in French: the area, the whole country, and the places without a figure, in words', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-07-01&lang=fr');
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Impact des fermetures' });
    await panel.getByTestId('impact-area').waitFor();
    const s = await shown(page);
    expect(s.area).toContain(`Dans la zone de la mission\u00a0: ${area.length} provinces`);
    expect(s.area).toContain('depuis le 1er juillet 2023');
    expect(s.people).toBe(formatNumber(inArea.population.total, 'fr'));
    expect(s.nationalPeople).toBe(formatNumber(national.population.total, 'fr'));
    expect(await panel.getByText('Tout le pays', { exact: true }).isVisible()).toBe(true);
    expect(s.unknown).toMatch(/^\+\d+ localités? sans chiffre de population$/);
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/headline-2024-07-fr.png` });
    await panel.screenshot({ path: `${SHOTS}/headline-2024-07-fr-panel.png` });
    await page.close();
  });
});
