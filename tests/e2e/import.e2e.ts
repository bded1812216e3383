/**
 * Bringing one's own data (issue 24) in the production build: each format of the fixtures is
 * recognised and counted, rejected rows are listed by line and downloadable, a table we do not
 * know goes through the mapping step, the events are drawn at the timeline's date, a click shows
 * the row as the file gives it (as text, never markup), a reload keeps the datasets, removing one
 * removes it, and nothing is sent anywhere.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt as openAtBase } from './helpers.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const FIXTURES = 'tests/fixtures/import';
const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every request the page makes that is not to the app's own origin (or a blob or data URL). */
function watchRequests(page: Page): string[] {
  const outside: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('blob:') || u.startsWith('data:')) return;
    if (new URL(u).origin !== origin) outside.push(u);
  });
  return outside;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Add data' });
const report = (page: Page, name: string) =>
  page.getByRole('region', { name: `Import of ${name}` });

async function openPanel(page: Page) {
  if (!(await panel(page).isVisible()))
    await page.getByRole('button', { name: 'Add data', exact: true }).click();
  await panel(page).waitFor();
}

/** Chooses files with the panel's file button, as a user does. */
async function choose(page: Page, ...names: string[]) {
  await openPanel(page);
  await panel(page)
    .locator('input[type=file][multiple]')
    .setInputFiles(names.map((n) => `${FIXTURES}/${n}`));
}

/** The fixture's events as the file gives them (header names → cells). */
const rowsOf = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(`${FIXTURES}/${name}`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Events drawn per dataset at the last frame (the dots layers' own count). */
const drawn = (page: Page) =>
  page.evaluate(() => (window.__drawdown?.importedDrawn?.() ?? []).map((d) => d.count));

describe('recognising each format', () => {
  test.each([
    { file: 'acled-current.csv', format: 'ACLED export (current columns, 2023 on)', kept: 12 },
    { file: 'acled-2019.csv', format: 'ACLED export (2019–2022 columns)', kept: 9 },
    { file: 'acled-2018.csv', format: 'ACLED export (2018 columns)', kept: 6 },
    {
      file: 'acled-legacy-cp1252.csv',
      format: 'ACLED file (older upper-case columns)',
      kept: 5,
    },
    { file: 'ucdp-ged.csv', format: 'UCDP Georeferenced Event Dataset (GED)', kept: 6 },
    { file: 'utf8-bom.csv', format: 'ACLED export (current columns, 2023 on)', kept: 3 },
  ])('$file: recognised as $format, $kept events kept', async ({ file, format, kept }) => {
    const page = await newPage(browser);
    const outside = watchRequests(page);
    await openAt(page, '#date=2024-04-30');
    await choose(page, file);
    const r = report(page, file);
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain(`${kept} events kept`);
    expect(await r.innerText()).toContain(`recognised as ${format}`);
    expect(await r.innerText()).not.toContain('rejected');
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('errors that help', () => {
  test('5 bad rows among good ones: the good kept, each bad one listed by line, all downloadable', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-30');
    await choose(page, 'bad-rows.csv');
    const r = report(page, 'bad-rows.csv');
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('7 events kept');
    expect(await r.innerText()).toContain('5 rows rejected');
    await r.getByText(/^Problems in rejected rows/).click();
    const lines = await r
      .locator('tbody tr td:first-child')
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    expect(lines).toEqual([4, 6, 8, 10, 12]);
    const fields = await r
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(fields).toEqual(['event_date', 'latitude', 'longitude', 'fatalities', 'latitude']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      r.getByRole('button', { name: 'Download all rejected rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bad-rows-rejected.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['File', 'Line', 'Column', 'Value', 'Problem', 'Fix']);
    expect(rows.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual([
      ['4', 'event_date', 'sometime in May'],
      // A cell a spreadsheet would run as a formula (=, +, -, @) is written with an apostrophe.
      ['6', 'latitude', "'-1,2200"],
      ['8', 'longitude', ''],
      ['10', 'fatalities', 'about 10'],
      ['12', 'latitude', '95.5'],
    ]);
    // Each row says what to do.
    for (const row of rows.slice(1)) expect(row[5]!.length).toBeGreaterThan(10);
    await r.screenshot({ path: `${SHOTS}/import-rejected-rows.png` });
    await page.close();
  });

  test('an empty file gets one clear sentence naming it; nothing is added', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-30');
    await choose(page, 'empty.csv');
    const alert = report(page, 'empty.csv').getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 60_000 }).toContain('empty.csv');
    expect(await panel(page).getByText('Your datasets').count()).toBe(0);
    await page.close();
  });

  test('a header without rows says so', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-30');
    await choose(page, 'header-only.csv');
    const alert = report(page, 'header-only.csv').getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 60_000 }).toMatch(/no rows/);
    await page.close();
  });
});

describe('a table we do not know', () => {
  test('a French spreadsheet (semicolons, decimal commas, Windows-1252) goes through the mapping step', async () => {
    const page = await newPage(browser);
    // 5 March to 30 April 2023: all five within the three months to 31 May.
    await openAt(page, '#date=2023-05-31');
    await choose(page, 'french-excel.csv');
    const mapping = page.getByRole('region', {
      name: 'Which columns of french-excel.csv hold what?',
    });
    await mapping.waitFor({ timeout: 60_000 });
    // The guesses are filled in from the French names; the preview shows the file's own text.
    expect(await mapping.getByLabel('Latitude *').inputValue()).not.toBe('');
    expect(await mapping.getByLabel('Fatalities').inputValue()).not.toBe('');
    expect(await mapping.locator('tbody').innerText()).toContain('Affrontement armé');
    expect(await mapping.getByLabel('Dates are written').inputValue()).toBe('dmy-slash');
    await mapping.getByRole('button', { name: 'Read with these columns' }).click();
    const r = report(page, 'french-excel.csv');
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('5 events kept');
    // -1,6792 read as −1.6792 (Goma), not as −16792 or a rejected row: the event is drawn.
    await mapIdle(page);
    expect(await drawn(page)).toEqual([5]);
    await page.close();
  });
});

describe('GeoJSON and Excel files', () => {
  /** Answers the mapping step with its own guesses. */
  async function acceptMapping(page: Page, name: string) {
    const mapping = page.getByRole('region', { name: `Which columns of ${name} hold what?` });
    await mapping.waitFor({ timeout: 60_000 });
    await mapping.getByRole('button', { name: 'Read with these columns' }).click();
  }

  test('a GeoJSON file: points as events, polygons as areas, bad features named by number', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2023-04-30');
    await choose(page, 'events.geojson');
    await acceptMapping(page, 'events.geojson');
    const r = report(page, 'events.geojson');
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('4 events kept');
    expect(await r.innerText()).toContain('2 areas (polygons) drawn');
    expect(await r.innerText()).toContain('5 rows rejected');
    expect(await r.innerText()).toMatch(/line feature .*not read/);
    expect(await r.locator('thead th').first().textContent()).toBe('Feature');
    await mapIdle(page);
    expect(await drawn(page)).toEqual([4]);
    const areas = await page.evaluate(() =>
      window.__drawdown!.map.getLayersOrder().filter((l) => l.startsWith('imported-areas-')),
    );
    expect(areas).toHaveLength(2);
    await page.close();
  });

  test('an Excel workbook: the first sheet, its rows named by number', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2023-04-30');
    await choose(page, 'events.xlsx');
    await acceptMapping(page, 'events.xlsx');
    const r = report(page, 'events.xlsx');
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('4 events kept');
    expect(await r.innerText()).toContain('1 row rejected');
    expect(await r.innerText()).toContain('Sheet read: Événements');
    expect(await r.locator('thead th').first().textContent()).toBe('Row');
    await page.close();
  });
});

describe('registers: our own files, and Geo-PKO as sites', () => {
  /** The number of sites the title bar counts. */
  const siteCount = async (page: Page) =>
    Number(/(\d+) sites/.exec(await page.getByTestId('data-summary').innerText())?.[1]);

  test('a sites register is added to the bundled sites (its own row replaces one with its id), kept over a reload, removed', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    const page = await ctx.newPage();
    const outside = watchRequests(page);
    await openAt(page, '#date=2024-06-30');
    const bundled = await siteCount(page);
    await choose(page, 'our-sites.csv');
    const choice = page.getByRole('region', { name: 'our-sites.csv' });
    await choice.waitFor({ timeout: 60_000 });
    expect(await choice.innerText()).toContain('goma');
    await choice.getByRole('button', { name: 'Add to the bundled sites' }).click();
    // One new site; Goma's row replaced, not doubled.
    await expect.poll(() => siteCount(page), { timeout: 30_000 }).toBe(bundled + 1);
    await page.reload();
    await expect.poll(() => siteCount(page), { timeout: 60_000 }).toBe(bundled + 1);
    await openPanel(page);
    await panel(page).getByRole('button', { name: 'Remove the register our-sites.csv' }).click();
    await panel(page).getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => siteCount(page), { timeout: 30_000 }).toBe(bundled);
    expect(outside).toEqual([]);
    await ctx.close();
  });

  test('a Geo-PKO file is read as its locations, and made into sites that replace the bundled ones', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-06-30');
    await choose(page, 'geopko.csv');
    const r = report(page, 'geopko.csv');
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('recognised as Geo-PKO');
    await panel(page).getByRole('button', { name: 'Make sites from geopko.csv' }).click();
    const choice = page.getByRole('region', { name: 'geopko.csv' });
    await choice.getByRole('button', { name: 'Replace the bundled sites' }).click();
    await expect.poll(() => siteCount(page), { timeout: 30_000 }).toBe(7);
    await page.close();
  });
});

/** Pixels of a small box of the map around a place, as RGB triples. */
async function pixelsAt(page: Page, lon: number, lat: number): Promise<number[][]> {
  const p = await page.evaluate(([x, y]) => window.__drawdown!.map.project([x!, y!]), [lon, lat]);
  const png = await page.screenshot({ clip: { x: p.x - 3, y: p.y - 3, width: 7, height: 7 } });
  // Decoded in the page: no PNG library in the tests.
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out: number[][] = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i]!, d[i + 1]!, d[i + 2]!]);
    return out;
  }, png.toString('base64'));
}

describe('on the map, kept, removed', () => {
  test('drawn at the date, shown on click as the file gives it, kept over a reload, removed for good; no request leaves', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    const page = await ctx.newPage();
    const outside = watchRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    // Ten days after the first events: the 3-month window holds the first four only.
    await openAt(page, '#date=2024-03-15');
    // Mbau, an event of 4 March 2024, zoomed in so no site symbol lies on it.
    const mbau = rowsOf('acled-current.csv').find((r) => r['event_id_cnty'] === 'DRC90002')!;
    const [lon, lat] = [Number(mbau['longitude']), Number(mbau['latitude'])];
    await page.evaluate(
      ([x, y]) => window.__drawdown!.map.jumpTo({ center: [x!, y!], zoom: 11 }),
      [lon, lat],
    );
    await mapIdle(page);
    const before = await pixelsAt(page, lon, lat);

    await choose(page, 'acled-current.csv', 'hostile.csv');
    await expect
      .poll(() => report(page, 'hostile.csv').innerText(), { timeout: 60_000 })
      .toContain('2 events kept');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText())
      .toContain('12 events kept');
    await mapIdle(page);
    // Events of 3–15 March 2024: four of the twelve, and both hostile rows (3 and 4 March).
    expect(await drawn(page)).toEqual([4, 2]);
    const after = await pixelsAt(page, lon, lat);
    const changed = after.filter((px, i) => px.some((v, k) => Math.abs(v - before[i]![k]!) > 40));
    expect(changed.length).toBeGreaterThan(10);
    await page.screenshot({ path: `${SHOTS}/import-points-2024-03-15.png` });

    // Moving the date moves the window: at 16 April all twelve are within three months.
    await page.evaluate(() => (location.hash = '#date=2024-04-16'));
    await expect.poll(() => drawn(page)).toEqual([12, 2]);

    // A click on the hostile row's event: its row, as text.
    const hostile = rowsOf('hostile.csv')[0]!;
    await page.evaluate(
      ([x, y]) => window.__drawdown!.map.jumpTo({ center: [x!, y!], zoom: 11 }),
      [Number(hostile['longitude']), Number(hostile['latitude'])],
    );
    await mapIdle(page);
    const centre = await page.evaluate(
      ([x, y]) => window.__drawdown!.map.project([x!, y!]),
      [Number(hostile['longitude']), Number(hostile['latitude'])],
    );
    await page.mouse.move(centre.x, centre.y);
    await page.getByRole('tooltip').waitFor();
    await page.mouse.click(centre.x, centre.y);
    const details = page.getByRole('region', { name: 'Imported event' });
    await expect.poll(() => details.innerText(), { timeout: 30_000 }).toContain('onerror');
    expect(await details.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(
      await page.locator('script:not([src])').evaluateAll((s) => s.map((e) => e.textContent)),
    ).not.toContain(expect.stringContaining('alert'));
    await details.screenshot({ path: `${SHOTS}/import-event-row.png` });

    // Kept: a reload shows both datasets and draws them again.
    await page.reload();
    await openPanel(page);
    await expect
      .poll(
        () =>
          panel(page)
            .getByRole('checkbox', { name: /\.csv$/ })
            .count(),
        { timeout: 60_000 },
      )
      .toBe(2);
    await expect.poll(() => drawn(page), { timeout: 60_000 }).toEqual([12, 2]);

    // Removed: asked first, then gone, and still gone after a reload.
    await panel(page).getByRole('button', { name: 'Remove hostile.csv' }).click();
    await panel(page).getByRole('button', { name: 'Remove', exact: true }).click();
    await expect
      .poll(() =>
        panel(page)
          .getByRole('checkbox', { name: /\.csv$/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => drawn(page)).toEqual([12]);
    // Said once the browser's storage has dropped it (a reload before that would bring it back).
    await expect.poll(() => page.getByTestId('announcer').innerText()).toBe('hostile.csv removed.');
    await page.reload();
    await openPanel(page);
    await expect.poll(() => drawn(page), { timeout: 60_000 }).toEqual([12]);
    expect(await panel(page).getByText('hostile.csv').count()).toBe(0);

    expect(outside).toEqual([]);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  test('a file dropped on the map is imported', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-30');
    const text = readFileSync(`${FIXTURES}/acled-2019.csv`, 'utf8');
    // A real drop: a DataTransfer holding the file, dragged in and dropped on the map's canvas.
    await page.evaluate((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      const canvas = document.querySelector('[data-testid=map] canvas')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    }, text);
    await expect
      .poll(() => report(page, 'dropped.csv').innerText(), { timeout: 60_000 })
      .toContain('9 events kept');
    await page.close();
  });
});
