/**
 * Accessibility in the production build (issue 22): axe-core's WCAG 2.2 A and AA rules, in
 * English and in French, on the page with each panel and dialog open in turn. No serious or
 * critical violation may remain.
 *
 * One documented exception: the timeline rows' event ticks and phase ends are narrower than
 * 24 px (WCAG 2.2, 2.5.8 Target Size) because each stands at its date; the criterion's
 * "equivalent" exception applies, since the date slider beside them reaches every date, and
 * each row is one keyboard widget (keyboard.e2e.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser.ts';
import { ready } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Serious and critical violations, as "rule: selector" lines a failure prints in full. */
async function scan(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found: string[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const node of v.nodes) {
      const selector = String(node.target[0]);
      if (
        v.id === 'target-size' &&
        (await page
          .locator(selector)
          .first()
          .evaluate((el) => !!el.closest('[role=toolbar]')))
      )
        continue;
      found.push(
        `${where} · ${v.id}: ${selector} (${node.failureSummary?.split('\n')[1]?.trim()})`,
      );
    }
  }
  return found;
}

/** Puts an unreadable scenario in the store, so the load keeps a copy aside and says so. */
async function damageStore(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('drawdown-map');
        open.onsuccess = () => {
          const tx = open.result.transaction('scenarios', 'readwrite');
          tx.objectStore('scenarios').put(
            { format: 1, value: { id: 'x', name: 'Damaged', changes: 'none' } },
            'damaged',
          );
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** The names the steps look for, in each language. */
const NAMES = {
  en: {
    about: 'About the data',
    export: 'Export',
    table: /^(Show|Hide) sites table$/,
    impact: 'Impact',
    reach: 'Edit reach…',
    scenarios: /^Scenarios/,
    slides: 'Slides',
    addSlide: 'Add current map as slide',
    present: 'Present',
    kept: 'Kept copies…',
    addData: 'Add data',
    suggest: 'Suggest hotspots from these events',
  },
  fr: {
    about: 'À propos',
    export: 'Exporter',
    table: /^(Voir|Masquer) le tableau$/,
    impact: 'Impact',
    reach: /^Modifier la portée/,
    scenarios: /^Scénarios/,
    slides: 'Diapos',
    addSlide: 'Ajouter la carte comme diapo',
    present: 'Présenter',
    kept: 'Copies gardées…',
    addData: 'Importer',
    suggest: 'Suggérer des points chauds à partir de ces événements',
  },
} as const;

describe.each(['en', 'fr'] as const)('axe-core, WCAG 2.2 AA, in %s', (lang) => {
  test('the page, every panel and every dialog: no serious or critical violation', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'UTC',
      locale: lang === 'fr' ? 'fr-CD' : 'en-GB',
    });
    const page = await context.newPage();
    const n = NAMES[lang];
    const button = (name: string | RegExp) =>
      page.getByRole('button', { name, exact: typeof name === 'string' }).first();
    const dialogClosed = () => page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.goto(`${baseUrl}/#date=2021-07-15&sel=goma&lang=${lang}`);
    await ready(page);
    await damageStore(page);
    await page.reload();
    await ready(page);

    const found: string[] = [];
    const check = async (where: string) => found.push(...(await scan(page, where)));
    // The page as loaded: a site's details, the notice about the copy kept aside.
    await check('page');
    for (const [where, opener] of [
      ['about', n.about],
      ['export', n.export],
    ] as const) {
      await button(opener).click();
      await page.locator('dialog[open]').waitFor();
      await check(where);
      await page.keyboard.press('Escape');
      await dialogClosed();
    }
    await page.keyboard.press('?');
    await page.locator('dialog[open]').waitFor();
    await check('shortcuts');
    await page.keyboard.press('Escape');
    await dialogClosed();
    await button(n.kept).click();
    await page.locator('dialog[open]').waitFor();
    await check('kept copies');
    await page.keyboard.press('Escape');
    await dialogClosed();

    await button(n.table).click();
    await page.getByRole('table').first().waitFor();
    await check('sites table');
    await button(n.table).click();

    // The import panel with a file kept and one with refused rows (their list and its table),
    // and what the events add to other panels: the impact panel's counts, the legend.
    await button(n.addData).click();
    await page
      .locator('input[type=file][multiple]')
      .setInputFiles(
        ['acled-current.csv', 'bad-rows.csv'].map((f) => `tests/fixtures/import/${f}`),
      );
    for (const f of ['acled-current.csv', 'bad-rows.csv'])
      await page.getByRole('checkbox', { name: f }).waitFor({ timeout: 60_000 });
    await button(n.suggest).click();
    await check('import');
    await button(n.addData).click();

    await button(n.impact).click();
    await button(n.reach).waitFor();
    await page.getByTestId('imported-cover').first().waitFor();
    await check('impact');
    await button(n.reach).click();
    await page.locator('dialog[open]').waitFor();
    await check('reach');
    await page.keyboard.press('Escape');
    await dialogClosed();
    await button(n.impact).click();

    await button(n.scenarios).click();
    await page.waitForFunction(() => document.querySelectorAll('section.panel').length > 0);
    await check('scenarios');
    await button(n.scenarios).click();

    await button(n.slides).click();
    await button(n.addSlide).click();
    await button(n.present).waitFor();
    await check('slides');
    await button(n.present).click();
    await page.waitForFunction(() => !document.querySelector('[aria-label] input[type=range]'));
    await check('presenting');
    await page.keyboard.press('Escape');
    await page.locator('#timeline-slider').waitFor();

    expect(found).toEqual([]);
    await context.close();
  });
});
