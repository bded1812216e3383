/**
 * Issue 25, point 4, in the production build: a timeline that explains itself. Year labels from
 * 2019 to the data's last year; a key that names each tick colour and band style; close events
 * grouped into one counted tick whose events the keyboard reaches one by one; tooltips inside
 * the window and above the credits line; nothing in the timeline over anything else at 1024 × 768.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { loadDefaultData } from '../defaultData.ts';
import { isoOfDay } from '../../src/lib/domain/dates.ts';
import { latestFact } from '../../src/lib/domain/summary.ts';
import { mapIdle, openAt } from './helpers.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const scenario = loadDefaultData();
const lastYear = Number(isoOfDay(latestFact(scenario)!.first).slice(0, 4));
const titles = new Set(scenario.events.map((e) => e.title));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { left: number; top: number; right: number; bottom: number };

/** The box of what matches `selector`, the credits line's top, and the window's size. */
async function boxIn(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    const credits = document.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
    return {
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      credits: credits.top,
      width: window.innerWidth,
      height: window.innerHeight,
    };
  }, selector);
}

/** Inside the window and above the credits line (a pixel's grace for rounding). */
function expectClear(at: { box: Box; credits: number; width: number; height: number }) {
  expect(at.box.left).toBeGreaterThanOrEqual(0);
  expect(at.box.top).toBeGreaterThanOrEqual(0);
  expect(at.box.right).toBeLessThanOrEqual(at.width + 0.5);
  expect(at.box.bottom).toBeLessThanOrEqual(at.credits + 0.5);
}

describe('a timeline that explains itself', () => {
  test.each([
    [1024, 768],
    [1920, 1080],
  ])('at %i × %i: a label per year, 2019 to the last, and nothing over anything', async (w, h) => {
    const page = await newPage(browser, w, h);
    await openAt(page, baseUrl, '#date=2024-07-15');
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/timelinekey-${w}x${h}.png` });
    const axis = page.getByTestId('year-axis');
    const years = Array.from({ length: lastYear - 2019 + 1 }, (_, i) => String(2019 + i));
    expect(await axis.locator('.year').allInnerTexts()).toEqual(years);
    for (const y of years) expect(await axis.getByText(y, { exact: true }).isVisible()).toBe(true);

    const clashes = await page.evaluate(() => {
      const out: string[] = [];
      const panel = document.querySelector('section.panel')!.getBoundingClientRect();
      const boxes = (sel: string) =>
        [...document.querySelectorAll(sel)].map((e) => ({
          name: `${sel} "${(e.textContent || e.getAttribute('aria-label') || '').slice(0, 24)}"`,
          r: e.getBoundingClientRect(),
        }));
      const overlap = (a: DOMRect, b: DOMRect) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      // Each family of labels and marks: none over another of its own or of the others.
      const all = [
        ...boxes('[data-testid=year-axis] .year'),
        ...boxes('.track .plan'),
        ...boxes('[role=toolbar][aria-label=Events] button'),
        ...boxes('[data-testid=troop-chart] .tick'),
        ...boxes('[data-testid=troop-legend] > span'),
        ...boxes('.middle .ends > span'),
      ];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++)
          if (overlap(all[i]!.r, all[j]!.r)) out.push(`${all[i]!.name} over ${all[j]!.name}`);
      // And all of it inside the panel (but the date's cursor: a line moved by a transform).
      for (const e of document.querySelectorAll(
        'section.panel *:not([data-testid=chart-cursor])',
      )) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.bottom > panel.bottom + 0.5 || r.right > panel.right + 0.5)
          out.push(
            `${e.tagName}.${e.className} runs out of the panel by ${Math.max(r.bottom - panel.bottom, r.right - panel.right).toFixed(1)} px`,
          );
      }
      return out;
    });
    expect(clashes).toEqual([]);
    await page.close();
  });

  test('the key names each tick colour and band style, and what it means', async () => {
    const page = await newPage(browser, 1024, 768);
    await openAt(page, baseUrl, '#date=2024-07-15');
    const button = page.getByRole('button', { name: 'Key', exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const key = page.getByRole('group', { name: 'Key to the timeline' });
    await key.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const lines: [string, string][] = [
      ['Blue tick', 'Resolution'],
      ['Vermilion tick', 'Armed groups'],
      ['Green tick', 'Agreement'],
      ['Pink tick', 'MONUSCO deployment'],
      ['Grey tick', 'Closure or handover'],
      ['Black tick', 'Plan, protest or other'],
      ['Number in a box', 'Events close in time'],
      ['Solid amber band', 'Phase planned'],
      ['Solid grey band', 'Phase completed'],
      ['Hatched band', 'Phase paused'],
      ['Dashed band', 'Phase with undetermined dates'],
      ['Black bar', 'End of a phase'],
    ];
    for (const [swatch, meaning] of lines) {
      const item = key
        .getByRole('listitem')
        .filter({ has: page.getByRole('img', { name: swatch }) });
      expect(await item.count()).toBe(1);
      expect(await item.innerText()).toContain(meaning);
    }
    expectClear(await boxIn(page, '#timeline-key'));
    await page.screenshot({ path: `${SHOTS}/timelinekey-key-open.png` });
    await page.keyboard.press('Escape');
    await key.waitFor({ state: 'hidden' });
    await page.close();
  });

  test('a grouped tick says its count; the keyboard reaches each of its events', async () => {
    const page = await newPage(browser, 1024, 768);
    await openAt(page, baseUrl, '#date=2019-01-01');
    const events = page.getByRole('toolbar', { name: 'Events' });
    const group = events.getByRole('button', { name: /^\d+ events, / }).first();
    const name = (await group.getAttribute('aria-label'))!;
    const count = Number(name.split(' ')[0]);
    expect(count).toBeGreaterThan(1);
    expect(await group.innerText()).toBe(String(count));
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    // Into the row by Tab's stop, then → until the group.
    await events.locator('button[tabindex="0"]').focus();
    for (let i = 0; i < 100 && (await focused()) !== name; i++)
      await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(name);
    // Hovered or focused, its tooltip lists its events.
    await page.getByRole('tooltip').waitFor();
    expect(await page.getByRole('tooltip').innerText()).toContain(name);
    await page.keyboard.press('Enter');
    const list = page.getByRole('group', { name });
    await list.waitFor();
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const label = await focused();
      const title = [...titles].find((t) => label.startsWith(`${t}, `));
      expect(title, label).toBeDefined();
      // The list shows each title in words.
      expect(await list.innerText()).toContain(title);
      seen.add(label);
      await page.keyboard.press('ArrowDown');
    }
    expect(seen.size).toBe(count);
    expectClear(await boxIn(page, '#track-group-list'));
    await page.screenshot({ path: `${SHOTS}/timelinekey-group-open.png` });
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await focused()).toBe(name);
    await page.close();
  });

  test('tooltips stay inside the window and above the credits: the last tick, a site at the edge', async () => {
    const page = await newPage(browser, 1024, 768);
    await openAt(page, baseUrl, '#date=2024-07-15');
    await mapIdle(page);
    // The event tick or group nearest the right end of the timeline.
    await page.getByRole('toolbar', { name: 'Events' }).getByRole('button').last().hover();
    await page.getByRole('tooltip').waitFor();
    expectClear(await boxIn(page, '.track [role=tooltip]'));
    await page.screenshot({ path: `${SHOTS}/timelinekey-tick-tip-right.png` });

    // Kinshasa's symbol moved to the bottom-right corner of the map, just above the credits.
    const site = scenario.sites.find((s) => s.id === 'kinshasa')!;
    const target = await page.evaluate(
      ([lon, lat]) => {
        const map = window.__drawdown!.map;
        const credits = document.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
        const to = { x: window.innerWidth - 24, y: credits.top - 14 };
        // Zoomed in, so that the map's bounds leave room to move it there.
        map.jumpTo({ center: [lon!, lat!], zoom: 7 });
        const p = map.project([lon!, lat!]);
        map.panBy([p.x - to.x, p.y - to.y], { animate: false });
        return to;
      },
      [site.lon, site.lat],
    );
    await mapIdle(page);
    const onMap = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.tagName,
      target,
    );
    expect(onMap).toBe('CANVAS');
    await page.mouse.move(target.x - 40, target.y - 40);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.locator('.deck-tooltip').waitFor();
    expect(await page.locator('.deck-tooltip').innerText()).toContain('Kinshasa');
    expectClear(await boxIn(page, '.deck-tooltip'));
    // And not under the layer panel above that corner: deck.gl draws it beneath the panels.
    const under = await page.evaluate(() => {
      const t = document.querySelector('.deck-tooltip')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-over-map=column] > *')].filter((e) => {
        const b = e.getBoundingClientRect();
        return t.left < b.right && t.right > b.left && t.top < b.bottom && t.bottom > b.top;
      }).length;
    });
    expect(under).toBe(0);
    await page.screenshot({ path: `${SHOTS}/timelinekey-site-tip-corner.png` });
    await page.close();
  });
});
