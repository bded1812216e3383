/**
 * Links that carry their state (issue 26, part 1; shareLink.ts): a scenario link made in one
 * browser shows the same counts in a fresh one, and is saved only on Save; a deck link presents
 * its slides in order; a corrupted or hostile link says so over the baseline, runs no script and
 * puts no markup in the page. Each page is a fresh browser context: nothing saved is shared.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { openAt, ready, setDate } from './helpers.ts';
import { loadDefaultData } from '../defaultData.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { countersAt } from '../../src/lib/domain/timeline.ts';
import { formatHash } from '../../src/lib/domain/hash.ts';
import {
  encodeDeckLink,
  encodeScenarioLink,
  scenariosOfDeck,
} from '../../src/lib/domain/shareLink.ts';
import { deckOf, scenarioOf } from '../fixtures/shareDecks.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const data = loadDefaultData();
const day = (t: string) => (parseFuzzyDate(t, 'day') as FuzzyDate).first;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A fresh browser context's page that records every dialog a script opens (and dismisses it),
 * and every uncaught error in the page, as `dialogs` (both should stay empty).
 */
async function watchedPage() {
  const page = await newPage(browser);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`uncaught: ${e.message}`));
  return { page, dialogs };
}

/**
 * What this browser has saved in a collection of the app's store (savedStore.ts: database
 * "drawdown-map", one object store per collection, each record wrapped as { format, value }).
 */
const savedValues = (page: Page, collection: 'scenarios' | 'slides') =>
  page.evaluate(async (c) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('drawdown-map');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    if (!db.objectStoreNames.contains(c)) return [];
    const all = await new Promise<unknown[]>((ok, ko) => {
      const r = db.transaction(c).objectStore(c).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return all.map((x) => (x as { value: { name?: string; caption?: string } }).value);
  }, collection);

const savedScenarioNames = async (page: Page) =>
  (await savedValues(page, 'scenarios')).map((v) => v.name);

describe('scenario links', () => {
  test('a scenario link opened in a fresh browser shows the same counts, and saves on Save', async () => {
    // Made in one browser, as impact.e2e.ts makes it: Bukavu kept open to mid-2025.
    const { page: a } = await watchedPage();
    // This browser lets the app write to the clipboard (the Slides test sees one that does not).
    await a.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await openAt(a, baseUrl, '#date=2024-12-15&sel=bukavu');
    const baseline = countersAt(data.sites, day('2024-12-15'));
    const openA = a.getByTestId('open-sites');
    await expect.poll(() => openA.innerText()).toBe(String(baseline.sites));
    await a.getByRole('button', { name: /^Scenarios/ }).click();
    await a.getByLabel('New scenario name').fill('Bukavu stays open');
    await a.getByRole('button', { name: 'New scenario' }).click();
    await setDate(
      a
        .getByRole('region', { name: /^Bukavu/ })
        .getByRole('group', { name: 'Last day open in the scenario' }),
      '2025-06-30',
    );
    await expect.poll(() => openA.innerText()).not.toBe(String(baseline.sites));
    const counted = await openA.innerText();
    await a.getByRole('button', { name: 'Copy link to the scenario Bukavu stays open' }).click();
    const field = a.getByRole('textbox', { name: 'Link', exact: true });
    const link = await field.inputValue();
    expect(link).toMatch(/#date=2024-12-15.*&s=1\.[A-Za-z0-9_-]+/);
    expect(link).not.toMatch(/scn=/);
    expect(await a.getByTestId('link-result').innerText()).toMatch(
      /^Link copied \(\d[\d.]* (bytes|kB)\)\. Whoever opens it sees this scenario/,
    );
    expect(await a.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await a.close();

    // Opened in a fresh context: the same scenario, unsaved, with an offer to save it.
    const { page: b, dialogs } = await watchedPage();
    await b.goto(link);
    await ready(b);
    const openB = b.getByTestId('open-sites');
    await expect.poll(() => openB.innerText()).toBe(counted);
    const offer = b.getByText('“Bukavu stays open”, a scenario from a link');
    await expect.poll(() => offer.count()).toBe(1);
    expect(await b.getByRole('button', { name: 'Scenarios: Bukavu stays open' }).count()).toBe(1);
    // The URL keeps the link's scenario: a reload shows it again.
    expect(await b.evaluate(() => location.hash)).toMatch(/&s=1\./);
    expect(await savedScenarioNames(b)).toEqual([]);
    // The Scenarios panel lists it as the link's, chosen, and not saved.
    await b.getByRole('button', { name: /^Scenarios/ }).click();
    const panel = b.getByRole('region', { name: 'Scenarios' });
    expect(await panel.getByRole('radio', { name: 'Bukavu stays open' }).isChecked()).toBe(true);
    expect(await panel.getByText('from a link, not saved').count()).toBe(1);
    await b.screenshot({ path: `${SHOTS}/sharelink-scenario-offer.png` });

    await b.getByRole('button', { name: 'Save Bukavu stays open in this browser' }).click();
    await expect
      .poll(() => b.getByText('“Bukavu stays open” is saved in this browser').count())
      .toBe(1);
    expect(await savedScenarioNames(b)).toEqual(['Bukavu stays open']);
    // Saved, the URL names it as a saved scenario; a reload shows it from this browser.
    await expect.poll(() => b.evaluate(() => location.hash)).toMatch(/scn=s[a-z0-9-]+/);
    expect(await b.evaluate(() => location.hash)).not.toMatch(/&s=/);
    await b.reload();
    await ready(b);
    await expect.poll(() => openB.innerText()).toBe(counted);
    expect(await b.getByText('a scenario from a link').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await b.close();
  });
});

describe('deck links', () => {
  test('a deck link presents its three slides in order, with its callouts', async () => {
    const made = deckOf(3);
    // No slide plays on: each is shown at its own date at once.
    const deck = { ...made.deck, slides: made.deck.slides.map((s) => ({ ...s, playTo: null })) };
    const hash = formatHash({ d: encodeDeckLink(deck, made.scenarios), present: 1 });
    const { page, dialogs } = await watchedPage();
    await page.goto(`${baseUrl}/${hash}`);
    await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
    const caption = page.getByTestId('present-caption');
    const date = page.getByTestId('present-date');
    const words = (iso: string) =>
      new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    for (const [i, s] of deck.slides.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect.poll(() => caption.innerText(), { timeout: 30_000 }).toBe(s.caption);
      await expect.poll(() => date.innerText()).toBe(words(s.date));
      expect(await page.getByText(`Slide ${i + 1} of 3`).count()).toBe(1);
      // The slide's callouts, drawn over the map (CalloutsOverlay.svelte; a long one wraps).
      const squeezed = (t: string | null) => (t ?? '').replace(/\s+/g, '');
      const callouts = page.getByRole('group', { name: 'Callouts', exact: true });
      await expect
        .poll(async () => squeezed(await callouts.textContent()))
        .toBe(squeezed((s.callouts ?? []).map((c) => c.text).join('')));
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toMatch(new RegExp(`d=1\\.[A-Za-z0-9_-]+.*present=${i + 1}`));
    }
    await page.screenshot({ path: `${SHOTS}/sharelink-deck-slide-3.png` });
    expect(await page.getByTestId('present-deck').innerText()).toBe(deck.name);
    const offer = page.getByText(`“${deck.name}”, a deck of 3 slides, comes from a link`);
    await expect.poll(() => offer.count()).toBe(1);
    expect(await savedScenarioNames(page)).toEqual([]);
    await page.getByRole('button', { name: `Save ${deck.name} in this browser` }).click();
    await expect
      .poll(() => page.getByText(`The 3 slides of “${deck.name}” are saved`).count())
      .toBe(1);
    expect((await savedValues(page, 'slides')).map((v) => v.caption).sort()).toEqual(
      deck.slides.map((s) => s.caption).sort(),
    );
    // The scenario its slides show is saved with it (and not the one no slide shows).
    const shown = scenariosOfDeck(deck, made.scenarios).map((s) => s.name);
    expect(shown).toHaveLength(1);
    expect(await savedScenarioNames(page)).toEqual(shown);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('the Slides panel’s link', () => {
  test('Copy link makes a link that presents the deck in a fresh browser', async () => {
    const { page: a } = await watchedPage();
    await openAt(a, baseUrl, '#date=2021-07-15');
    await a.getByRole('button', { name: 'Slides' }).click();
    const panel = a.getByRole('region', { name: 'Slides' });
    await panel.getByRole('button', { name: 'Add current map as slide' }).click();
    await panel.getByLabel('Caption of slide 1').fill('Kasaï handed over');
    await panel.getByLabel('Caption of slide 1').press('Tab');
    await panel.getByRole('button', { name: 'Copy link to the deck, with its callouts' }).click();
    const link = await panel.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
    expect(link).toMatch(/#d=1\.[A-Za-z0-9_-]+&present=1$/);
    // Headless Chromium without the permission refuses the clipboard: the field stands in.
    expect(await panel.getByTestId('link-result').innerText()).toMatch(/did not let the app/);
    await a.screenshot({ path: `${SHOTS}/sharelink-slides-panel.png` });
    await a.close();

    const { page: b, dialogs } = await watchedPage();
    await b.goto(link);
    await b.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
    await expect
      .poll(() => b.getByTestId('present-caption').innerText(), { timeout: 30_000 })
      .toBe('Kasaï handed over');
    expect(await b.getByTestId('present-date').innerText()).toBe('15 July 2021');
    expect(dialogs).toEqual([]);
    await b.close();
  });
});

describe('links that cannot be read', () => {
  const baseline = () => String(countersAt(data.sites, day('2024-12-15')).sites);

  test('a corrupted scenario link: a clear message and the baseline', async () => {
    const good = encodeScenarioLink(scenarioOf('smk2f9a1x', 'Bukavu and Goma stay open'));
    const cut = good.slice(0, good.length - 8);
    const { page, dialogs } = await watchedPage();
    await openAt(page, baseUrl, `#date=2024-12-15&s=${cut}`);
    const message = page.getByText(/This link’s scenario could not be read: it is cut short/);
    await expect.poll(() => message.count()).toBe(1);
    await expect.poll(() => page.getByTestId('open-sites').innerText()).toBe(baseline());
    // The URL drops what it could not read, and names no scenario.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#date=2024-12-15');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/sharelink-corrupted.png` });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('a hostile link (markup in names): the message quotes it as text, no script runs', async () => {
    const markup =
      '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
    const s = scenarioOf('smk2f9a1x', markup);
    // The same site changed twice: refused as an imported file is, the name quoted in the why.
    const hostile = { ...s, changes: [...s.changes, { site: 'bukavu', close: null }] };
    const { page, dialogs } = await watchedPage();
    await openAt(page, baseUrl, `#date=2024-12-15&s=${encodeScenarioLink(hostile as typeof s)}`);
    const message = page.getByText(/This link’s scenario could not be read/);
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.innerText()).toContain(markup);
    await expect.poll(() => page.getByTestId('open-sites').innerText()).toBe(baseline());
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script', { hasText: '__pwned' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // A valid deck whose names are markup presents them as text.
    const made = deckOf(1);
    const deck = {
      ...made.deck,
      name: markup,
      slides: [{ ...made.deck.slides[0]!, playTo: null, caption: markup }],
    };
    await page.goto(
      `${baseUrl}/${formatHash({ d: encodeDeckLink(deck, made.scenarios), present: 1 })}`,
    );
    await expect
      .poll(() => page.getByTestId('present-caption').innerText(), { timeout: 30_000 })
      .toBe(markup);
    expect(await page.getByTestId('present-deck').innerText()).toBe(markup);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script', { hasText: '__pwned' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
