/**
 * Without WebGL (a GPU-less Linux or macOS machine on Chrome 139+, a locked-down browser) the
 * map cannot draw, but everything that does not need it still works, and the page says why.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromium as playwright, type Browser } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS, newPage } from '../browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await playwright.launch({
    executablePath: await chromiumPath(),
    args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
    headless: true,
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('with WebGL disabled', () => {
  test('the map area says the map needs WebGL; the sites table, impact, scenarios, slides and CSV export work', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}/#date=2021-07-15`);
    // The browser really gives no WebGL here.
    expect(
      await page.evaluate(() => document.createElement('canvas').getContext('webgl2') === null),
    ).toBe(true);
    await page.waitForSelector('[data-testid=map][data-status=unavailable]', { timeout: 60_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'needs WebGL' });
    await expect.poll(() => alert.innerText()).toContain('The map needs WebGL');
    expect(await alert.innerText()).toContain('hardware acceleration');
    // The data loads all the same.
    await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Show sites table' }).click();
    const caption = page.locator('caption', { hasText: 'Sites at' });
    await expect.poll(() => caption.innerText()).toMatch(/^Sites at 15 July 2021 \(\d+\)$/);
    const listed = Number(/\((\d+)\)/.exec(await caption.innerText())![1]);
    expect(listed).toBeGreaterThan(40);
    const table = page.locator('table', { has: caption });
    expect(await table.getByRole('row').count()).toBeGreaterThan(listed);
    expect(await table.innerText()).toContain('Goma');

    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Coverage table (CSV)' }).click();
    const csv = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(5);

    await page.getByRole('button', { name: /^Scenarios/ }).click();
    await page.getByRole('textbox', { name: 'New scenario name' }).fill('No map');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Name of scenario No map' }).count())
      .toBe(1);

    await page.getByRole('button', { name: 'Slides', exact: true }).click();
    await page.getByRole('button', { name: 'Add current map as slide' }).click();
    await expect.poll(() => page.getByText('No slides yet').count()).toBe(0);

    await page.screenshot({ path: 'tests/e2e/screenshots/no-webgl-2021-07.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
