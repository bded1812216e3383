/**
 * The keyboard in the production build (issue 22, item 2): the date keys work wherever focus
 * is (after a click on the map, on Pause, on a checkbox, on the plan menu), the map pans only
 * with a modifier, the timeline's rows are one Tab stop each, skip links, the shortcuts panel
 * on ?, and focus given back when a dialog or panel closes. One page, in order: each test
 * leaves it as the next expects.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { ready } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(`${baseUrl}/#date=2020-01-15`);
  await ready(page);
});
afterAll(async () => {
  await browser?.close();
});

const date = () => page.getByTestId('current-date').innerText();
const center = () =>
  page.evaluate(() => {
    const c = window.__drawdown!.map.getCenter();
    return [Number(c.lng.toFixed(4)), Number(c.lat.toFixed(4))];
  });
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      id: el?.id ?? '',
    };
  });
const press = async (key: string, want: string) => {
  await page.keyboard.press(key);
  await expect.poll(date).toBe(want);
};

describe('keyboard', () => {
  test('the first Tab stops are the skip links, shown when focused; they reach the map and the slider', async () => {
    await page.keyboard.press('Tab');
    const toMap = page.getByRole('button', { name: 'Skip to the map' });
    expect(await toMap.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await toMap.boundingBox())!.width).toBeGreaterThan(60);
    await page.keyboard.press('Enter');
    expect((await focused()).tag).toBe('CANVAS');
    // Focus is visible on the map too (deck.gl writes outline: none into the canvas's style).
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe(
      'solid',
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await toMap.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('timeline-slider');
  });

  test('after a click on the map, → steps a month and the map stays put; Ctrl+→ pans it, + zooms', async () => {
    await page.mouse.click(700, 420);
    expect((await focused()).tag).toBe('CANVAS');
    const before = await center();
    await press('ArrowRight', '15 February 2020');
    await press('Shift+ArrowLeft', '15 February 2019');
    await press('ArrowLeft', '15 January 2019');
    expect(await center()).toEqual(before);
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(async () => (await center())[0]).toBeGreaterThan(before[0]!);
    expect(await date()).toBe('15 January 2019');
    const zoom = await page.evaluate(() => window.__drawdown!.map.getZoom());
    await page.keyboard.press('+');
    await expect
      .poll(() => page.evaluate(() => window.__drawdown!.map.getZoom()))
      .toBeGreaterThan(zoom + 0.9);
    await page.keyboard.press('-');
    await expect
      .poll(() => page.evaluate(() => window.__drawdown!.map.getZoom()))
      .toBeLessThan(zoom + 0.1);
    // With reduced motion asked for, the map jumps: the new zoom is there before the next frame.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => page.evaluate(() => window.__drawdown!.map.isMoving())).toBe(false);
    const z0 = await page.evaluate(() => window.__drawdown!.map.getZoom());
    await page.keyboard.press('+');
    expect(await page.evaluate(() => window.__drawdown!.map.isMoving())).toBe(false);
    expect(await page.evaluate(() => window.__drawdown!.map.getZoom())).toBeCloseTo(z0 + 1, 5);
    await page.keyboard.press('-');
    await page.emulateMedia({ reducedMotion: null });
  });

  test('after a click on Pause, on a checkbox and on the plan menu, → steps a month', async () => {
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Play', exact: true }).click();
    await timeline.getByRole('button', { name: 'Pause', exact: true }).click();
    await timeline.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await press('Home', '1 January 2019');
    await press('ArrowRight', '1 February 2019');

    const hotspots = page.getByRole('checkbox', { name: 'Armed-group hotspots' });
    const checked = await hotspots.isChecked();
    await hotspots.click();
    expect(await hotspots.isChecked()).toBe(!checked);
    await press('ArrowRight', '1 March 2019');
    await hotspots.click();
    expect(await hotspots.isChecked()).toBe(checked);

    // The plan menu keeps ↑ ↓ to choose a plan; ← → are still the date's.
    const plan = page.getByRole('combobox', { name: 'Plan' });
    const chosen = await plan.inputValue();
    await plan.focus();
    await press('ArrowRight', '1 April 2019');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(await date()).toBe('1 April 2019');
    await plan.selectOption(chosen);
    await plan.blur();
  });

  test('each row of the timeline is one Tab stop, with the arrows inside it; Enter goes to its date', async () => {
    await press('Home', '1 January 2019');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const stops = await timeline.evaluate(
      (el) =>
        [...el.querySelectorAll<HTMLElement>('button, input, select, a[href], [tabindex]')].filter(
          (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled,
        ).length,
    );
    expect(stops).toBeLessThan(16);
    const events = timeline.getByRole('toolbar', { name: 'Events' });
    const ticks = events.getByRole('button');
    const n = await ticks.count();
    expect(n).toBeGreaterThan(20);
    expect(await events.locator('button[tabindex="0"]').count()).toBe(1);
    // At the first month, Tab enters the row at its first event.
    await events.locator('button[tabindex="0"]').focus();
    const first = (await focused()).name;
    expect(first).toBe(await ticks.first().getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = (await focused()).name;
    expect(second).toBe(await ticks.nth(1).getAttribute('aria-label'));
    expect(await date()).toBe('1 January 2019');
    await page.keyboard.press('End');
    expect((await focused()).name).toBe(await ticks.last().getAttribute('aria-label'));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(date).not.toBe('1 January 2019');
    // The row remembers where the reader was: Tab leaves and comes back to the same tick.
    expect(await events.locator('button[tabindex="0"]').getAttribute('aria-label')).toBe(second);
  });

  test('? opens the shortcuts; the date keys wait while it is open; Esc gives focus back', async () => {
    const play = page.getByRole('region', { name: 'Timeline' }).getByRole('button', {
      name: 'Play',
      exact: true,
    });
    await play.focus();
    const shown = await date();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('table').count()).toBe(5);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    expect(await date()).toBe(shown);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await play.evaluate((el) => el === document.activeElement)).toBe(true);
    // The title bar's ? button opens it too, and its × closes it.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('a side panel closed with its × gives focus back to the toolbar button that opened it', async () => {
    const impact = page.getByRole('button', { name: 'Impact', exact: true });
    await impact.click();
    const panel = page.getByRole('region', { name: /impact/i }).first();
    await panel.waitFor();
    await panel.getByRole('button', { name: /close/i }).first().click();
    await expect.poll(() => impact.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('in French: the skip links, the Keys button and the shortcuts, key names included', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Aller à la carte' }).waitFor({ state: 'attached' });
    await page
      .getByRole('button', { name: 'Aller à la chronologie' })
      .waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Raccourcis clavier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Maj');
    expect(text).toContain('Échap');
    expect(text).not.toMatch(/\b(Shift|Home|Space|Enter|Keys|Close|or)\b/);
    await page.screenshot({ path: 'tmp/keys-fr.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
