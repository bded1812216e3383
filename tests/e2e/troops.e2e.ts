/**
 * Issue 23 in the production build: the troop figures a briefer reads at a date are the data's
 * (computed here from the same CSVs with the same functions), never above the ceiling without a
 * reason on screen; the data date is on screen and ends the timeline; the 2026 events are on it.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { loadDefaultData } from '../defaultData.ts';
import { dayNumber, isoOfDay } from '../../src/lib/domain/dates.ts';
import { formatDay, formatNumber } from '../../src/lib/domain/format.ts';
import { formatFuzzyDate, formatFuzzyDateShort } from '../../src/lib/domain/formatFuzzyDate.ts';
import { MILITARY_KINDS } from '../../src/lib/domain/schema.ts';
import { latestFact } from '../../src/lib/domain/summary.ts';
import { isStale, troopIndex, troopPicture } from '../../src/lib/domain/troops.ts';
import { openAt as openAtBase } from './helpers.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const scenario = loadDefaultData();
const index = troopIndex(scenario.siteTroops);
const picture = (iso: string) => {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return troopPicture(
    { sites: scenario.sites, index, strength: scenario.strength, mandates: scenario.mandates },
    dayNumber(y, mo, d),
    (k) => MILITARY_KINDS.includes(k),
  );
};
/** "14,926*" → 14926. */
const int = (s: string) => Number(s.replace(/[^\d]/g, ''));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('troop figures within reach of the ceiling, and explained', () => {
  test.each(['2020-01-01', '2025-03-01'])('at %s', async (iso) => {
    const p = picture(iso);
    await openAtBase(page, baseUrl, `#date=${iso}`);
    const estimate = page.getByTestId('estimate');
    const deployed = page.getByTestId('deployed');
    const legend = page.getByTestId('troop-legend');

    // The estimate shown is the data's, for that date.
    expect(int(await estimate.locator('dd.big').innerText())).toBe(p.estimate.troops);
    // The ceiling in force is on the chart's legend.
    expect(await legend.innerText()).toContain(`Ceiling ${formatNumber(p.ceiling!, 'en')}`);

    // Deployed: the latest quotable UN figure with its date, or a dash and the last one known.
    const d = p.deployed!;
    const dDate = formatFuzzyDateShort(d.date, 'en');
    if (isStale(d, dayNumber(...(iso.split('-').map(Number) as [number, number, number])))) {
      expect(await deployed.locator('dd.big').innerText()).toBe('–');
      expect(await deployed.locator('dd.sub').innerText()).toContain(dDate);
    } else {
      expect(int(await deployed.locator('dd.big').innerText())).toBe(d.troops);
      expect(await deployed.locator('dd.sub').innerText()).toBe(dDate);
    }

    // Never an unexplained figure above the ceiling: the mark and the reason are on screen.
    if (p.estimate.troops > p.ceiling!) {
      expect(await estimate.locator('dd.big').innerText()).toContain('*');
      const why = page.getByTestId('troop-note');
      await why.locator('summary').click();
      const text = await why.locator('p').innerText();
      expect(text).toContain('standard unit sizes');
      expect(text).toContain("exceeds the Council's ceiling");
      expect(text).toContain(formatNumber(p.ceiling!, 'en'));
    }
    // Within reach: a ceiling is a maximum, so below it is no contradiction; above it, the
    // estimate stays within 10% (and is explained, above).
    expect(p.estimate.troops).toBeLessThan(p.ceiling! * 1.1);
    await page.screenshot({ path: `${SHOTS}/troops-${iso}.png` });
  });
});

describe('the data date', () => {
  const asOf = latestFact(scenario)!;

  test('is on screen, in the credits, and ends the timeline', async () => {
    await openAtBase(page, baseUrl, '#date=2019-06-15');
    const line = `Data as of ${formatFuzzyDate(asOf, 'en')}`;
    await expect.poll(() => page.getByTestId('data-as-of').innerText()).toBe(line);
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(line);
    // The slider's last day is the data date: End goes there.
    await page.getByRole('slider').focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.getByTestId('current-date').innerText())
      .toBe(formatDay(asOf.first, 'en'));
    expect(page.url()).toContain(`date=${isoOfDay(asOf.first)}`);
  });

  test('the 2026 events are on the timeline, each with its source', async () => {
    const events2026 = scenario.events.filter((e) => isoOfDay(e.date.first).startsWith('2026'));
    expect(events2026.length).toBeGreaterThan(3);
    const row = page.getByRole('toolbar', { name: 'Events' });
    const named = (bs: Element[]) => bs.map((b) => b.getAttribute('aria-label') ?? '');
    const labels = await row.getByRole('button').evaluateAll(named);
    // Events close in time are one counted tick (issue 25): its list names each of them.
    for (const group of await row.getByRole('button', { name: /^\d+ events, / }).all()) {
      await group.click();
      const list = page.getByRole('group', { name: (await group.getAttribute('aria-label'))! });
      labels.push(...(await list.getByRole('button').evaluateAll(named)));
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
    }
    for (const e of events2026)
      expect(labels.some((l) => l.startsWith(e.title) && l.includes(e.source))).toBe(true);
  });
});
