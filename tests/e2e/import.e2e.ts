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
import { mapIdle, openAt as openAtBase, pngRegions, setDate } from './helpers.ts';
import { loadDefaultData } from '../defaultData.ts';
import { haversineKm, reachersAt } from '../../src/lib/domain/impact.ts';
import { DEFAULT_RADII } from '../../src/lib/domain/reach.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { frameLayout } from '../../src/lib/domain/frame.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const FIXTURES = 'tests/fixtures/import';
const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
const defaultData = loadDefaultData();
const dayOf = (iso: string) => (parseFuzzyDate(iso, 'day') as FuzzyDate).first;
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

/**
 * Opens the app at `date` on Shabunda, imports the Geo-PKO last-seen fixture (Shabunda on the
 * 2019 and 2020 maps only; the file's maps run to 2022), makes its sites replace the bundled
 * ones, and closes the import panel.
 */
async function geopkoLastSeenSites(page: Page, date: string) {
  const file = 'geopko-last-seen.csv';
  const shabunda = [27.3465, -2.6944] as const;
  await openAt(page, `#date=${date}&view=${shabunda.join(',')},10.00`);
  await choose(page, file);
  await expect
    .poll(() => report(page, file).innerText(), { timeout: 60_000 })
    .toContain('recognised as Geo-PKO');
  await panel(page)
    .getByRole('button', { name: `Make sites from ${file}` })
    .click();
  await page
    .getByRole('region', { name: file })
    .getByRole('button', { name: 'Replace the bundled sites' })
    .click();
  await expect
    .poll(() => page.getByTestId('data-summary').innerText(), { timeout: 30_000 })
    .toMatch(/\b3 sites\b/);
  await page.getByRole('button', { name: 'Add data', exact: true }).click();
  return { file, shabunda };
}

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

/** Where a point of the map lies on the page: the map sits beside an open panel. */
function onPage(page: Page, lngLat: readonly [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((c) => {
    const map = window.__drawdown!.map;
    const p = map.project([c[0], c[1]]);
    const at = map.getContainer().getBoundingClientRect();
    return { x: at.left + p.x, y: at.top + p.y };
  }, lngLat);
}

/** Pixels of a small box of the map around a place, as RGB triples. */
async function pixelsAt(page: Page, lon: number, lat: number): Promise<number[][]> {
  const p = await onPage(page, [lon, lat]);
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
    const centre = await onPage(page, [Number(hostile['longitude']), Number(hostile['latitude'])]);
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

describe('in the analysis and the exports', () => {
  /** The fixture's events within reach of a site open on `iso`, by the bundled data's sites
   * and default radii: worked out here by distance alone, apart from the app's grids. */
  const reachOf = (iso: string) => {
    const reachers = reachersAt(defaultData.sites, dayOf(iso), DEFAULT_RADII);
    return (r: Record<string, string>) =>
      reachers.filter(
        (s) => haversineKm(s, { lat: Number(r['latitude']), lon: Number(r['longitude']) }) <= s.km,
      );
  };

  test('the impact panel counts the window’s events out of reach, by province; lost cover names the closed site; the CSV holds them', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-06-30');
    await choose(page, 'acled-current.csv');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText(), { timeout: 60_000 })
      .toContain('12 events kept');
    await panel(page).getByRole('radio', { name: '12 months' }).check();

    // Every event of the file lies in the 12 months to 30 June 2024.
    const rows = rowsOf('acled-current.csv');
    const now = reachOf('2024-06-30');
    const out = rows.filter((r) => now(r).length === 0);
    const dead = (rs: typeof rows) => rs.reduce((a, r) => a + Number(r['fatalities'] || 0), 0);
    // The fixture has events both sides of the line, or the test could not fail either way.
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(rows.length);

    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const cover = page.getByTestId('imported-cover');
    await expect.poll(() => cover.getByTestId('imported-out').innerText()).toBe(String(out.length));
    const [outRow, inRow] = await cover
      .locator(':scope > table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.split('\t')));
    expect(outRow!.slice(1)).toEqual([String(out.length), String(dead(out))]);
    const inside = rows.filter((r) => now(r).length > 0);
    const unknown = inside.filter((r) => r['fatalities'] === '').length;
    expect(inRow!.slice(1)).toEqual([
      String(inside.length),
      `${dead(inside)}${unknown ? `+${unknown}?` : ''}`,
    ]);
    // By province: the fixture's coordinates lie in the province its admin1 names.
    await cover.getByText('Out of reach, by province').click();
    const byProvince = await cover
      .locator('details')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.split('\t')));
    const want = new Map<string, number>();
    for (const r of out) want.set(r['admin1']!, (want.get(r['admin1']!) ?? 0) + 1);
    expect(new Map(byProvince.map(([p, n]) => [p!, Number(n)]))).toEqual(want);

    // Lost since 16 April 2024: in reach then, out of reach now, with the sites that had them.
    const then = reachOf('2024-04-16');
    const lost = out.filter((r) => then(r).length > 0);
    expect(lost.length).toBeGreaterThan(0);
    await setDate(page.getByRole('group', { name: 'Comparison date' }), '2024-04-16');
    const lostText = page.getByTestId('imported-lost');
    const events = lost.length === 1 ? 'event in the window' : 'events in the window';
    await expect
      .poll(() => lostText.innerText())
      .toContain(`acled-current.csv: ${lost.length} ${events} (fatalities: ${dead(lost)})`);
    expect(await lostText.innerText()).toContain('16 April 2024');
    // Each site that had them, with how many.
    const bySite = new Map<string, number>();
    for (const r of lost)
      for (const s of then(r)) bySite.set(s.name, (bySite.get(s.name) ?? 0) + 1);
    for (const [site, n] of bySite) expect(await lostText.innerText()).toContain(`${site} (${n})`);

    // The coverage table: one row per (in reach or not, province, first actor) of the file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Coverage table (CSV)' }).click(),
    ]);
    const csv = Papa.parse<Record<string, string>>(
      readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data.filter((r) => r['kind'] === 'imported events');
    const sum = (rs: typeof csv) => rs.reduce((a, r) => a + Number(r['events']), 0);
    expect(sum(csv)).toBe(rows.length);
    expect(sum(csv.filter((r) => r['covered'] === 'no'))).toBe(out.length);
    expect(new Set(csv.map((r) => r['dataset']))).toEqual(new Set(['acled-current.csv']));
    await page.screenshot({ path: `${SHOTS}/import-impact.png` });
    await page.close();
  });

  test('a PNG export draws the imported events and credits their source', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-16');
    await choose(page, 'acled-current.csv');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText(), { timeout: 60_000 })
      .toContain('12 events kept');
    await expect.poll(() => drawn(page)).toEqual([12]);
    const credit = 'Events: ACLED, acleddata.com (acled-current.csv)';
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(credit);

    const exportPng = async (save: string) => {
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the map' });
      await dialog.getByRole('radio', { name: 'Slide 16:9, 1920 × 1080' }).check();
      await dialog.getByLabel('Title', { exact: true }).fill('Imported events');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Download PNG' }).click(),
      ]);
      await download.saveAs(save);
      await dialog.getByRole('button', { name: 'Close' }).click();
      return readFileSync(save);
    };
    const withEvents = await exportPng(`${SHOTS}/import-export.png`);
    // The same export with the dataset hidden: the map (its dots, the legend's key) and the
    // credits under it both differ.
    await openPanel(page);
    await panel(page).getByRole('checkbox', { name: 'acled-current.csv' }).uncheck();
    await expect.poll(() => drawn(page)).toEqual([0]);
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').innerText())
      .not.toContain(credit);
    const without = await exportPng(`${SHOTS}/import-export-hidden.png`);
    const f = frameLayout(1920, 1080, false);
    const [a, b] = await Promise.all([
      pngRegions(page, withEvents, [f.map, f.footer]),
      pngRegions(page, without, [f.map, f.footer]),
    ]);
    expect(a![0]!.sum).not.toBe(b![0]!.sum);
    expect(a![1]!.sum).not.toBe(b![1]!.sum);
    await page.close();
  });

  test('Suggest hotspots finds the cluster, and adds it to a new scenario as a hotspots.csv row', async () => {
    const page = await newPage(browser);
    // The hotspots out of reach on 15 February 2024 before: the new one will be among them.
    await openAt(page, '#date=2024-02-15');
    const impactButton = page.getByRole('button', { name: 'Impact', exact: true });
    const hotspotsOut = async () => {
      await impactButton.click();
      const text = await page.getByTestId('uncovered-hotspots').innerText();
      const [, n, total] = text.match(/(\d+) of (\d+)/)!.map(Number);
      const names = await page
        .getByText(/^Everything out of reach/)
        .locator('..')
        .locator('li strong')
        .allInnerTexts();
      await impactButton.click();
      return { n: n!, total: total!, names };
    };
    const before = await hotspotsOut();

    await page.evaluate(() => (location.hash = '#date=2024-03-31'));
    await expect.poll(() => page.getByTestId('current-date').innerText()).toBe('31 March 2024');
    await choose(page, 'acled-cluster.csv');
    await expect
      .poll(() => report(page, 'acled-cluster.csv').innerText(), { timeout: 60_000 })
      .toContain('39 events kept');
    // The fixture: 24 events within ~5 km of Minembwe, 15 alone in as many other towns.
    const rows = rowsOf('acled-cluster.csv');
    const minembwe = { lat: -3.772171, lon: 28.735151 };
    const near = rows.filter(
      (r) => haversineKm(minembwe, { lat: Number(r['latitude']), lon: Number(r['longitude']) }) < 8,
    );
    expect(near).toHaveLength(24);
    const leader = 'Twirwaneho Militia';
    const led = near.filter((r) => r['actor1'] === leader).length;
    const fatalities = near.reduce((a, r) => a + Number(r['fatalities']), 0);

    await panel(page).getByRole('button', { name: 'Suggest hotspots from these events' }).click();
    const found = panel(page).getByTestId('suggested-hotspot');
    await expect.poll(() => found.count()).toBe(1);
    const text = await found.innerText();
    expect(text).toMatch(/^Near Minembwe \(\d+ km from the centre\)/);
    expect(text).toContain(`${near.length} events · ${fatalities} fatalities`);
    expect(text).toContain(
      `Armed group: ${leader}, first actor in ${led} of the ${near.length} events`,
    );
    expect(text).toContain('Province: Sud-Kivu (CD-SK)');
    // Its last event is before the date: said, as the map will not show it on the date.
    expect(text).toContain('before the timeline’s date');

    await found.getByLabel('Name of the area').fill('Hauts Plateaux (Minembwe)');
    await found.getByRole('button', { name: 'Add to a new scenario' }).click();
    await expect.poll(() => found.getByRole('status').innerText()).toMatch(/^Added to “.+”\.$/);

    // The active scenario holds it, marked as drawn from the file.
    await page.getByRole('button', { name: /^Scenarios/ }).click();
    const table = page.getByTestId('scenario-hotspots');
    await expect.poll(() => table.innerText()).toContain('Hauts Plateaux (Minembwe)');
    expect(await table.innerText()).toContain(leader);
    expect(await table.innerText()).toContain('Suggested from the imported file acled-cluster.csv');
    await page.screenshot({ path: `${SHOTS}/import-suggest.png` });
    await page.getByRole('button', { name: /^Scenarios/ }).click();

    // The analysis has it on a day between its first and last event, centred on the events'
    // mean position: within reach of an open site there or not, worked out here by distance.
    const centre = {
      lat: near.reduce((a, r) => a + Number(r['latitude']), 0) / near.length,
      lon: near.reduce((a, r) => a + Number(r['longitude']), 0) / near.length,
    };
    const covered = reachersAt(defaultData.sites, dayOf('2024-02-15'), DEFAULT_RADII).some(
      (s) => haversineKm(s, centre) <= s.km,
    );
    // Only the date changes: a link without the scenario would open the baseline.
    expect(await page.evaluate(() => location.hash)).toMatch(/scn=/);
    await page.evaluate(
      () => (location.hash = location.hash.replace(/date=[^&]+/, 'date=2024-02-15')),
    );
    await expect.poll(() => page.getByTestId('current-date').innerText()).toBe('15 February 2024');
    const after = await hotspotsOut();
    expect(after.total).toBe(before.total + 1);
    expect(after.n).toBe(before.n + (covered ? 0 : 1));
    expect(after.names.includes('Hauts Plateaux (Minembwe)')).toBe(!covered);
    expect(before.names).not.toContain('Hauts Plateaux (Minembwe)');
    await page.close();
  });
});

describe('UCDP Candidate or GED', () => {
  /** The format this browser keeps for a dataset, read from its store (datasetStore.ts). */
  const storedFormat = (page: Page, name: string) =>
    page.evaluate(
      (file) =>
        new Promise<string | null>((resolve, reject) => {
          const open = indexedDB.open('drawdown-map-data');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('meta').objectStore('meta').getAll();
            all.onsuccess = () => {
              db.close();
              const metas = all.result as { name: string; format: string }[];
              resolve(metas.find((m) => m.name === file)?.format ?? null);
            };
            all.onerror = () => reject(all.error);
          };
        }),
      name,
    );

  test('a Candidate file, recognised as GED, is said to be Candidate: credited so, and kept so over a reload', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openAt(page, '#date=2024-04-30');
    const file = 'ucdp-candidate.csv';
    await choose(page, file);
    const r = report(page, file);
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toContain('5 events kept');
    // Its columns are the GED's: recognised as GED, and credited so until the user says otherwise.
    expect(await r.innerText()).toContain('recognised as UCDP Georeferenced Event Dataset (GED)');
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    const ged = `Events: UCDP GED, Sundberg and Melander 2013, ucdp.uu.se (${file})`;
    const candidate = `Events: UCDP Candidate, Hegre et al. 2020, ucdp.uu.se (${file})`;
    await expect.poll(() => attribution.innerText()).toContain(ged);

    const readAs = r.getByRole('group', { name: 'Read as' });
    const asGed = readAs.getByRole('radio', { name: 'UCDP Georeferenced Event Dataset (GED)' });
    const asCandidate = readAs.getByRole('radio', { name: 'UCDP Candidate Events Dataset' });
    expect(await asGed.isChecked()).toBe(true);
    await asCandidate.check();
    await expect.poll(() => attribution.innerText()).toContain(candidate);
    expect(await attribution.innerText()).not.toContain(ged);
    expect(await panel(page).innerText()).toContain('UCDP Candidate Events Dataset · 5 events');
    await expect.poll(() => storedFormat(page, file)).toBe('ucdp-candidate');
    // The choices stay in their order once one is taken.
    expect((await readAs.locator('label').allInnerTexts()).map((t) => t.trim())).toEqual([
      'UCDP Georeferenced Event Dataset (GED)',
      'UCDP Candidate Events Dataset',
    ]);
    await r.screenshot({ path: `${SHOTS}/import-read-as-candidate.png` });
    await page.screenshot({ path: `${SHOTS}/import-read-as-candidate-map.png` });

    await page.reload();
    await openPanel(page);
    await expect.poll(() => attribution.innerText(), { timeout: 60_000 }).toContain(candidate);
    expect(await attribution.innerText()).not.toContain(ged);
    expect(await panel(page).innerText()).toContain('UCDP Candidate Events Dataset · 5 events');
    // The impact panel names the dataset and gives its own terms: not yet fully checked.
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const cover = page.getByTestId('imported-cover');
    await expect.poll(() => cover.innerText()).toContain('UCDP Candidate Events Dataset');
    expect(await cover.innerText()).toContain('not yet fully checked');
    expect(await cover.innerText()).not.toContain('Sundberg');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Geo-PKO last seen', () => {
  test('a place missing from the file’s last maps is open through its last year, then leaves a ghost that says “last seen”, not “closed”', async () => {
    const page = await newPage(browser);
    const { shabunda } = await geopkoLastSeenSites(page, '2020-12-15');
    await expect.poll(() => panel(page).isVisible()).toBe(false);
    // The file's rows are also drawn as events, one dot per map under the site: hidden here.
    await page.getByRole('checkbox', { name: 'Imported events' }).uncheck();

    /** The map's tooltip over Shabunda, once picking has shown one. */
    const hover = async () => {
      await mapIdle(page);
      const p = await onPage(page, shabunda);
      await page.mouse.move(p.x - 60, p.y);
      await page.mouse.move(p.x, p.y, { steps: 4 });
      const tip = page.locator('.deck-tooltip');
      await expect
        .poll(async () => ((await tip.isVisible()) ? tip.innerText() : ''))
        .toContain('Shabunda');
      return tip.innerText();
    };
    // In December of its last year seen it is still open, and no closing mark announces an end.
    const open = await hover();
    expect(open).toContain('Last seen: 2020 (year); not known to have closed');
    expect(open).not.toMatch(/Closed|Closure/);

    await page.evaluate(
      () => (location.hash = location.hash.replace(/date=[^&]+/, 'date=2021-06-30')),
    );
    await expect.poll(() => page.getByTestId('current-date').innerText()).toBe('30 June 2021');
    const ghost = await hover();
    expect(ghost).toContain('Site absent from later sources');
    expect(ghost).not.toContain('Closed');

    // Its details say the same; the legend's closed sites show the dotted ghost's own row.
    const p = await onPage(page, shabunda);
    await page.mouse.click(p.x, p.y);
    const details = page.getByRole('region', { name: 'Shabunda' });
    await expect
      .poll(() => details.innerText())
      .toContain('later sources do not show it, and no source says whether or when it closed');
    expect(await details.innerText()).toContain('No longer seen (closing unknown)');
    const key = page.getByRole('button', { name: 'Key: Closed sites' });
    if ((await key.getAttribute('aria-expanded')) === 'false') await key.click();
    const legend = page.getByRole('region', { name: 'Legend and layers' });
    await expect.poll(() => legend.innerText()).toContain('No longer seen (closing unknown)');
    await page.mouse.move(p.x, p.y + 40);
    await mapIdle(page);
    await page.mouse.move(p.x, p.y, { steps: 2 });
    await expect.poll(() => page.locator('.deck-tooltip').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/import-geopko-last-seen.png` });
    await page.close();
  });
});

describe('the events of the window, by keyboard', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
  /** An ACLED date ("03 March 2024") as a day number. */
  const acledDay = (text: string) => {
    const [d, month, y] = text.split(' ');
    return Date.UTC(Number(y), MONTHS.indexOf(month!), Number(d)) / 86_400_000;
  };
  /** The fixture's events within the window ending on `iso`, newest first. */
  const inWindow = async (iso: string, w: '1m' | '3m') => {
    const { windowRange } = await import('../../src/lib/import/eventWindow.ts');
    const [first, last] = windowRange(dayOf(iso), w);
    return rowsOf('acled-current.csv')
      .map((r, line) => ({ r, line, day: acledDay(r['event_date']!) }))
      .filter((e) => e.day >= first && e.day <= last)
      .sort((a, b) => b.day - a.day || b.line - a.line);
  };
  const focused = (page: Page) =>
    page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { text: e?.innerText ?? '', label: e?.getAttribute('aria-label') ?? '' };
    });

  test('Tab to the table: one row an event of the window, Enter on Show opens its row, closing it gives focus back', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openAt(page, '#date=2024-04-16');
    await choose(page, 'acled-current.csv');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText(), { timeout: 60_000 })
      .toContain('12 events kept');

    // From the panel's first control, the keyboard alone.
    await panel(page).getByRole('button', { name: 'Close add data' }).focus();
    for (let i = 0; i < 80 && (await focused(page)).text !== 'Show the events table'; i++)
      await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Show the events table');
    await page.keyboard.press('Enter');
    const table = panel(page).getByRole('table', {
      name: 'Imported events shown at 16 April 2024, newest first',
    });
    await table.waitFor();
    const three = await inWindow('2024-04-16', '3m');
    expect(await table.locator('tbody tr').count()).toBe(three.length);
    expect(await table.locator('thead th[scope=col]').count()).toBe(6);
    expect(await panel(page).getByText(`Rows 1–${three.length} of ${three.length}`).count()).toBe(
      1,
    );
    // One page: neither way leads anywhere.
    const pager = panel(page).getByRole('group', { name: 'Pages of the events table' });
    for (const name of ['Previous rows', 'Next rows'])
      expect(await pager.getByRole('button', { name }).getAttribute('aria-disabled')).toBe('true');
    // Newest first; an empty fatalities cell is said to be not given, not 0.
    const dates = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(dates[0]).toBe('16 Apr 2024');
    const unknown = three.findIndex((e) => e.r['fatalities'] === '');
    expect(await table.locator('tbody tr').nth(unknown).locator('td').nth(4).innerText()).toBe(
      'not given',
    );

    // The second row's Show, by Tab; Enter opens the event as a click on its dot would.
    const second = three[1]!.r;
    expect(second['time_precision']).toBe('1');
    // Named as the file names it: the location, then its admin1.
    const place = `${second['location']}, ${second['admin1']}`;
    // The date as the app writes it: ACLED's without its leading zero.
    const label = `Show the event of ${second['event_date']!.replace(/^0/, '')} at ${place}`;
    // Past the pager and the first row.
    for (let i = 0; i < 10 && (await focused(page)).label !== label; i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({
      text: 'Show',
      label,
    });
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Imported event' });
    await expect.poll(() => details.innerText(), { timeout: 30_000 }).toContain(second['notes']!);
    // Brought into view: the map centres on the event.
    await expect
      .poll(() => page.evaluate(() => window.__drawdown!.map.getCenter().toArray()))
      .toEqual([
        expect.closeTo(Number(second['longitude']), 3),
        expect.closeTo(Number(second['latitude']), 3),
      ]);
    await page.screenshot({ path: `${SHOTS}/import-events-table.png` });
    // Closed with its own button: focus comes back to the row's Show.
    await details.getByRole('button', { name: 'Close the imported event' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.count()).toBe(0);
    await expect
      .poll(() => focused(page))
      .toEqual({
        text: 'Show',
        label,
      });

    // Escape from the table closes it too, and focus stays on the row.
    await page.keyboard.press('Enter');
    await expect.poll(() => details.innerText(), { timeout: 30_000 }).toContain(second['notes']!);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    expect(await focused(page)).toEqual({ text: 'Show', label });

    // The table follows the window: one month holds fewer events.
    await panel(page).getByRole('radio', { name: '1 month' }).check();
    const one = await inWindow('2024-04-16', '1m');
    expect(one.length).toBeLessThan(three.length);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(one.length);
    expect(await panel(page).getByText(`Rows 1–${one.length} of ${one.length}`).count()).toBe(1);
    // And the date: a step back a month, a window with other events.
    await page.evaluate(() => (location.hash = '#date=2024-03-16'));
    const march = await inWindow('2024-03-16', '1m');
    await expect
      .poll(() =>
        panel(page)
          .getByRole('table', { name: /16 March 2024/ })
          .locator('tbody tr')
          .count(),
      )
      .toBe(march.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the table and the tooltip say how precise each date is, and name the place', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openAt(page, '#date=2024-04-16');
    await choose(page, 'acled-current.csv');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText(), { timeout: 60_000 })
      .toContain('12 events kept');
    await panel(page).getByRole('button', { name: 'Show the events table' }).press('Enter');
    const table = panel(page).getByRole('table');
    await table.waitFor();
    expect(await table.locator('thead th').nth(3).innerText()).toBe('Place');
    const rows = rowsOf('acled-current.csv');
    /** The row of the fixture's event `id`: its date and place cells, and its Show's name. */
    const cells = async (id: string) => {
      const r = rows.find((x) => x['event_id_cnty'] === id)!;
      const tr = table.locator('tbody tr', { hasText: `${r['location']}, ${r['admin1']}` });
      return {
        precision: r['time_precision'],
        date: await tr.locator('td').first().innerText(),
        place: await tr.locator('td').nth(3).innerText(),
        show: await tr.getByRole('button').getAttribute('aria-label'),
      };
    };
    // ACLED's time_precision 2: known to the week; 3: only the month, so no day is shown.
    expect(await cells('DRC90003')).toEqual({
      precision: '2',
      date: '9 Mar 2024 (week)',
      place: 'Goma, Nord-Kivu',
      show: 'Show the event of 9 March 2024 (week) at Goma, Nord-Kivu',
    });
    expect(await cells('DRC90004')).toEqual({
      precision: '3',
      date: 'Mar 2024 (month)',
      place: 'Djugu, Ituri',
      show: 'Show the event of March 2024 (month) at Djugu, Ituri',
    });
    expect(await cells('DRC90011')).toEqual({
      precision: '1',
      date: '12 Apr 2024',
      place: 'Kalemie, Tanganyika',
      show: 'Show the event of 12 April 2024 at Kalemie, Tanganyika',
    });
    await table.locator('tbody tr', { hasText: 'Djugu, Ituri' }).scrollIntoViewIfNeeded();
    await panel(page).screenshot({ path: `${SHOTS}/import-events-table-precision.png` });

    // The tooltip over the month's event: the month, said so, and the place.
    const djugu = rows.find((x) => x['event_id_cnty'] === 'DRC90004')!;
    const at: [number, number] = [Number(djugu['longitude']), Number(djugu['latitude'])];
    await page.getByRole('button', { name: 'Add data', exact: true }).click();
    await expect.poll(() => panel(page).isVisible()).toBe(false);
    await page.evaluate((c) => window.__drawdown!.map.jumpTo({ center: c, zoom: 10 }), at);
    await mapIdle(page);
    const p = await onPage(page, at);
    // Beside it, inside an armed-group hotspot's area: the hotspot's tooltip.
    const areaTip = page.locator('.deck-tooltip');
    await page.mouse.move(p.x - 40, p.y);
    await expect.poll(() => areaTip.isVisible()).toBe(true);
    expect(await areaTip.getAttribute('class')).toContain('area-tip');
    await page.mouse.move(p.x, p.y, { steps: 4 });
    const tip = page.getByRole('tooltip');
    await expect
      .poll(async () => ((await tip.isVisible()) ? tip.innerText() : ''))
      .toContain('March 2024 (month)');
    const text = await tip.innerText();
    expect(text).toContain('Djugu, Ituri');
    expect(text).not.toContain('15 March 2024');
    // On the event, the area's tooltip gives way: one tooltip, the event's.
    await expect.poll(() => areaTip.isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/import-event-tooltip-precision.png` });
    await page.mouse.move(p.x - 40, p.y, { steps: 4 });
    await expect.poll(() => areaTip.isVisible()).toBe(true);
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a window of more than a page: Next and Previous by keyboard, and the page follows the date', async () => {
    const { windowRange } = await import('../../src/lib/import/eventWindow.ts');
    // 120 events, about one a day from mid-January to mid-April 2024, written as ACLED does.
    const [template] = rowsOf('acled-current.csv');
    const start = dayOf('2024-01-18');
    const many = Array.from({ length: 120 }, (_, k) => {
      const day = start + Math.floor(k * 0.73);
      const d = new Date(day * 86_400_000);
      const text = `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} 2024`;
      return { ...template, event_id_cnty: `GEN${k}`, event_date: text, notes: `Event ${k}` };
    });
    const csv = Papa.unparse(many, { columns: Object.keys(template!) });
    /** The generated events in the window ending on `iso`, newest first. */
    const newest = (iso: string) => {
      const [first, last] = windowRange(dayOf(iso), '3m');
      return many
        .map((r, line) => ({ r, line, day: acledDay(r.event_date) }))
        .filter((e) => e.day >= first && e.day <= last)
        .sort((a, b) => b.day - a.day || b.line - a.line);
    };
    const page = await newPage(browser);
    await openAt(page, '#date=2024-04-16');
    await openPanel(page);
    await panel(page)
      .locator('input[type=file][multiple]')
      .setInputFiles({ name: 'acled-many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect
      .poll(() => report(page, 'acled-many.csv').innerText(), { timeout: 60_000 })
      .toContain('120 events kept');
    await panel(page).getByRole('button', { name: 'Show the events table' }).press('Enter');
    const table = panel(page).getByRole('table');
    const pager = panel(page).getByRole('group', { name: 'Pages of the events table' });
    const all = newest('2024-04-16');
    expect(all.length).toBeGreaterThan(100);
    /** The page's row count, its range text and the date its first Show names. */
    const state = async () => ({
      rows: await table.locator('tbody tr').count(),
      text: await pager.locator('span').innerText(),
      first: await table.getByRole('button').first().getAttribute('aria-label'),
    });
    const expected = (events: typeof all, from: number) => {
      const to = Math.min(from + 50, events.length);
      const day = events[from]!.r.event_date.replace(/^0/, '');
      return {
        rows: to - from,
        text: `Rows ${from + 1}–${to} of ${events.length}`,
        first: expect.stringMatching(new RegExp(`^Show the event of ${day} at `)),
      };
    };
    await expect.poll(state).toEqual(expected(all, 0));
    const next = pager.getByRole('button', { name: 'Next rows' });
    await next.press('Enter');
    await expect.poll(state).toEqual(expected(all, 50));
    await next.press('Enter');
    await expect.poll(state).toEqual(expected(all, 100));
    // At the end: Next leads nowhere, and keeps the focus.
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(state).toEqual(expected(all, 100));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe(
      'Next rows',
    );
    await pager.getByRole('button', { name: 'Previous rows' }).press('Enter');
    await expect.poll(state).toEqual(expected(all, 50));
    await page.screenshot({ path: `${SHOTS}/import-events-table-page-2.png` });

    // A month back: the window holds fewer events; the page stays, or is the last one.
    await page.evaluate(() => (location.hash = '#date=2024-03-16'));
    const march = newest('2024-03-16');
    expect(march.length).toBeLessThan(all.length);
    await expect
      .poll(state)
      .toEqual(expected(march, Math.min(50, Math.floor((march.length - 1) / 50) * 50)));
    await page.close();
  });
});

describe('an opened event, by keyboard', () => {
  /** The focused element: its text, its label, and whether it is inside the event's region. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return {
        text: e?.innerText ?? '',
        label: e?.getAttribute('aria-label') ?? '',
        inEvent: !!e?.closest('section[aria-label="Imported event"]'),
      };
    });

  test('Enter on a row’s Show takes focus to the event; Escape closes it and gives focus back; a click on a dot leaves focus on the map', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openAt(page, '#date=2024-04-16');
    await choose(page, 'acled-current.csv');
    await expect
      .poll(() => report(page, 'acled-current.csv').innerText(), { timeout: 60_000 })
      .toContain('12 events kept');
    await panel(page).getByRole('button', { name: 'Show the events table' }).press('Enter');
    const show = panel(page)
      .getByRole('table')
      .getByRole('button', { name: /^Show the event of / })
      .nth(2);
    const label = (await show.getAttribute('aria-label'))!;
    await show.press('Enter');

    // Focus lands on the event's heading: no Tabbing through the left column to reach it.
    const details = page.getByRole('region', { name: 'Imported event' });
    await expect
      .poll(() => focused(page))
      .toEqual({ text: 'Imported event', label: '', inEvent: true });
    await expect.poll(() => details.locator('dl').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/import-event-focused.png` });
    // Readable whole at 1280 × 800 under the layer panel, not a strip at the window's foot.
    const box = (await details.boundingBox())!;
    const column = (await page.locator('.right').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(200);
    expect(box.y + box.height).toBeLessThanOrEqual(column.y + column.height + 1);

    // Tab within it, then Escape: closed, and focus is back on the row's Show.
    await page.keyboard.press('Tab');
    expect((await focused(page)).inEvent).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    await expect.poll(() => focused(page)).toEqual({ text: 'Show', label, inEvent: false });

    // A click on the map's dot opens the event without taking focus to it.
    const row = rowsOf('acled-current.csv').find((r) => r['event_id_cnty'] === 'DRC90002')!;
    const at = [Number(row['longitude']), Number(row['latitude'])];
    await page.evaluate(
      ([x, y]) => window.__drawdown!.map.jumpTo({ center: [x!, y!], zoom: 11 }),
      at,
    );
    await mapIdle(page);
    const p = await onPage(page, [at[0]!, at[1]!]);
    await page.mouse.move(p.x, p.y);
    await page.getByRole('tooltip').waitFor();
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => details.innerText(), { timeout: 30_000 }).toContain(row['notes']!);
    expect((await focused(page)).inEvent).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Read as, after a reload', () => {
  test('a Candidate file kept as GED is said to be Candidate from the datasets list', async () => {
    const page = await newPage(browser);
    const file = 'ucdp-candidate.csv';
    await openAt(page, '#date=2024-04-30');
    await choose(page, file);
    await expect
      .poll(() => report(page, file).innerText(), { timeout: 60_000 })
      .toContain('5 events kept');
    await page.reload();
    await openPanel(page);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect
      .poll(() => attribution.innerText(), { timeout: 60_000 })
      .toContain(`Events: UCDP GED, Sundberg and Melander 2013, ucdp.uu.se (${file})`);
    // The report is gone; the list offers the choice, folded away until asked for.
    expect(await report(page, file).count()).toBe(0);
    const item = panel(page).getByRole('listitem').filter({ hasText: file });
    const readAs = item.getByRole('group', { name: 'Read as' });
    expect(await readAs.isVisible()).toBe(false);
    await item.getByText('Read as another dataset').click();
    await readAs.getByRole('radio', { name: 'UCDP Candidate Events Dataset' }).check();
    await expect
      .poll(() => attribution.innerText())
      .toContain(`Events: UCDP Candidate, Hegre et al. 2020, ucdp.uu.se (${file})`);
    expect(await item.innerText()).toContain('UCDP Candidate Events Dataset · 5 events');
    expect((await readAs.locator('label').allInnerTexts()).map((t) => t.trim())).toEqual([
      'UCDP Georeferenced Event Dataset (GED)',
      'UCDP Candidate Events Dataset',
    ]);
    await panel(page).screenshot({ path: `${SHOTS}/import-read-as-list.png` });
    await page.close();
  });
});

describe('last seen, in the analysis', () => {
  test('cover lost with a site only last seen says so, and the scenario’s baseline too', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const { shabunda } = await geopkoLastSeenSites(page, '2021-06-30');
    await page.getByRole('checkbox', { name: 'Imported events' }).uncheck();

    // Since mid-2020 the places around Shabunda lost its cover: it is not said to have closed.
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    await setDate(page.getByRole('group', { name: 'Comparison date' }), '2020-06-30');
    const lost = page.getByTestId('lost-coverage');
    await expect.poll(() => lost.innerText()).toContain('Lost with: Shabunda (last seen 2020).');
    await lost.screenshot({ path: `${SHOTS}/impact-lost-last-seen.png` });
    await page.getByRole('button', { name: 'Close the impact panel' }).click();

    // A scenario keeps it open: its baseline is "last seen", not a closing date.
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await page.getByLabel('New scenario name').fill('Shabunda stays');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await mapIdle(page);
    const p = await onPage(page, shabunda);
    await page.mouse.click(p.x, p.y);
    const details = page.getByRole('region', { name: 'Shabunda' });
    await details.getByRole('button', { name: 'Keep open' }).click();
    const row = page
      .getByRole('region', { name: 'Scenarios' })
      .getByRole('row')
      .filter({ hasText: 'Shabunda' });
    await expect.poll(() => row.innerText()).toMatch(/last seen 2020 \(year\)\s+kept open/);
    await page.getByRole('region', { name: 'Scenarios' }).screenshot({
      path: `${SHOTS}/scenario-baseline-last-seen.png`,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
