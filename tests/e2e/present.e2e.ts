/**
 * Briefing slides in the production build: a three-slide deck made in the Slides panel,
 * presented, and driven with the keys a clicker sends; the date, caption and hash follow, the
 * deck survives a reload, and a #present link opens it in presentation mode. A slide plays on to
 * a later date, or back to an earlier one, and stops there.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countryUnderPanels, openAt, ready, setDate } from './helpers.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import { addMonths, dayInWords, monthIndex } from '../../src/lib/domain/timeline.ts';
import { symbolSize, TROOPS_AT_MAX_SIZE } from '../../src/lib/map/layers/prepare.ts';
import { screenScale } from '../../src/lib/domain/screenScale.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
let browser: Browser;
/** The page's record of the dates the presentation's stamp showed. */
type Shown = { shown: string[] };
const day = (iso: string) => (parseFuzzyDate(iso, 'day') as FuzzyDate).first;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('presentation mode', () => {
  // Five months each way, over a year's end going back; at 4× the panel and the followed link
  // play back quickly, while the link opened afresh plays at 1× (the speed is not in a link).
  test.each([
    ['a later', '2020-01-01', '2020-06-01', '1'],
    ['an earlier', '2021-03-01', '2020-10-01', '4'],
  ])(
    'a slide that plays to %s date (%s to %s at %s×) plays there and stops, from the panel and from a link',
    async (_, from, to, speed) => {
      const page = await newPage(browser);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // Svelte's effect_update_depth_exceeded, among others, is logged as an error.
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      // Every date the stamp shows, in order, from each document's start: playback must step a
      // month a tick and end on the target, never past it, without a wait to see it stay there.
      await page.addInitScript(() => {
        const shown: string[] = ((window as unknown as Shown).shown = []);
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid=present-date]')?.textContent;
          if (text && text !== shown.at(-1)) shown.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const shown = () => page.evaluate(() => (window as unknown as Shown).shown);
      await openAt(page, baseUrl, `#date=${from}`);
      // The timeline's own speed (not the video export's "Replay speed").
      await page.getByLabel(/^Speed/).selectOption(speed);
      await page.getByRole('button', { name: 'Slides' }).click();
      const panel = page.getByRole('region', { name: 'Slides' });
      await panel.getByRole('button', { name: 'Add current map as slide' }).click();
      await setDate(panel.getByRole('group', { name: 'Slide 1 plays to' }), to);
      const months = monthIndex(day(to)) - monthIndex(day(from));
      const expected = Array.from({ length: Math.abs(months) + 1 }, (_, i) =>
        dayInWords(addMonths(day(from), Math.sign(months) * i)),
      );
      const date = page.getByTestId('present-date');
      const playOrPause = page.getByRole('button', { name: /^(Play|Pause)$/ });
      for (const [k, open] of [
        () => panel.getByRole('button', { name: 'Present', exact: true }).click(),
        // A link followed in the open app (a same-document navigation), then one opened afresh.
        () => page.goto(`${baseUrl}/#present=1`),
        async () => {
          await page.goto('about:blank');
          await page.goto(`${baseUrl}/#present=1`);
        },
      ].entries()) {
        await page.evaluate(() => ((window as unknown as Shown).shown.length = 0));
        await open();
        await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
        // The stamp's text, or why there is none: a failure says which way of opening it was,
        // what the page showed and which errors it logged.
        const stamp = async () =>
          (await date.count())
            ? date.innerText()
            : `no stamp (presenting: ${await page.locator('.presenter, [data-testid=present-date]').count()}; url ${page.url()}; errors: ${errors.join(' | ')})`;
        await expect
          .poll(stamp, { timeout: 30_000, message: `opened by way ${k + 1} of 3` })
          .toBe(expected.at(-1));
        // Leaving does not pause playback: the chrome's button reads "Play" only if it stopped.
        await page.keyboard.press('Escape');
        await playOrPause.waitFor();
        expect(await playOrPause.getAttribute('aria-label')).toBe('Play');
        expect(await shown()).toEqual(expected);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test('a three-slide deck navigates with →/PageDown and ←/PageUp; date and hash follow', async () => {
    const page = await newPage(browser);
    const slides = [
      ['2019-06-15', 'June 2019: the offices in the west close'],
      ['2021-07-15', 'July 2021: Kasaï and Kasaï-Central handed over'],
      ['2024-07-15', 'July 2024: Sud-Kivu phase 1 complete'],
    ] as const;
    await openAt(page, baseUrl, `#date=${slides[0][0]}`);
    await page.getByRole('button', { name: 'Slides' }).click();
    const panel = page.getByRole('region', { name: 'Slides' });
    for (const [i, [date, caption]] of slides.entries()) {
      if (i > 0) {
        await page.goto(`${baseUrl}/#date=${date}`);
        await ready(page);
      }
      await panel.getByRole('button', { name: 'Add current map as slide' }).click();
      await panel.getByLabel(`Caption of slide ${i + 1}`).fill(caption);
      await panel.getByLabel(`Caption of slide ${i + 1}`).press('Tab');
    }

    // The deck is saved: a reload keeps it, and a #present link opens it presenting slide 1.
    await page.goto(`${baseUrl}/#present=1`);
    // The chrome is hidden while presenting: wait for the map, then for the slide.
    await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
    const date = page.getByTestId('present-date');
    const caption = page.getByTestId('present-caption');
    await expect.poll(() => date.innerText(), { timeout: 30_000 }).toBe('15 June 2019');
    expect(await caption.innerText()).toBe(slides[0][1]);
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/date=2019-06-15.*present=1/);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(0); // minimal chrome

    const expectSlide = async (n: number) => {
      const [d, c] = slides[n]!;
      const words = new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      await expect.poll(() => date.innerText()).toBe(words);
      expect(await caption.innerText()).toBe(c);
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toMatch(new RegExp(`date=${d}.*present=${n + 1}`));
    };
    // No slide set a view and nobody moved the map: the country is fitted clear of the
    // caption and the leave button (fitControl.ts), whole, and large.
    const fitted = async () => {
      const at = await countryUnderPanels(page);
      return { ...at, large: at.width > 1280 / 3 };
    };
    await expect
      .poll(fitted, { timeout: 10_000 })
      .toMatchObject({ under: [], inside: true, large: true, creditsOver: false });

    await page.keyboard.press('ArrowRight');
    await expectSlide(1);
    await expect
      .poll(fitted, { timeout: 10_000 })
      .toMatchObject({ under: [], inside: true, large: true, creditsOver: false });
    await page.screenshot({ path: `${SHOTS}/present-slide-2.png` });

    // The legend: exactly the visible layers, for the audience; the country is clear of it.
    const legend = page.getByRole('region', { name: 'Legend' });
    const text = await legend.innerText();
    for (const t of [
      'Province phase (What happened)',
      'Sites open at the date',
      'Closing this month',
    ])
      expect(text).toContain(t);
    expect(text).not.toContain('Reach');
    // L hides it, and the country is fitted anew in the room it leaves; L shows it again.
    const centre = () => page.evaluate(() => window.__drawdown!.map.getCenter().lng);
    const withLegend = await centre();
    await page.keyboard.press('l');
    await expect.poll(() => legend.count()).toBe(0);
    await expect
      .poll(async () => Math.abs((await centre()) - withLegend), { timeout: 10_000 })
      .toBeGreaterThan(0.5);
    await page.keyboard.press('l');
    await legend.waitFor();
    await expect
      .poll(fitted, { timeout: 10_000 })
      .toMatchObject({ under: [], inside: true, large: true, creditsOver: false });
    await page.keyboard.press('PageDown');
    await expectSlide(2);
    await page.keyboard.press('PageDown'); // at the end it stays
    await expectSlide(2);
    await page.keyboard.press('PageUp');
    await expectSlide(1);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(0);

    // Esc leaves: the chrome is back and the hash drops "present".
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/present=/);
    await page.close();
  });

  test.each([
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
  ])(
    'on a $width × $height projector a long caption sits beside the legend, above the credits',
    async ({ width, height }) => {
      const page = await newPage(browser, width, height);
      try {
        await openAt(page, baseUrl, '#date=2021-07-15');
        await page.getByRole('button', { name: 'Slides' }).click();
        const panel = page.getByRole('region', { name: 'Slides' });
        await panel.getByRole('button', { name: 'Add current map as slide' }).click();
        const caption =
          'July 2021: Kasaï and Kasaï-Central handed over to the Congolese authorities';
        await panel.getByLabel('Caption of slide 1').fill(caption);
        await panel.getByLabel('Caption of slide 1').press('Tab');
        await page.goto(`${baseUrl}/#present=1`);
        await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
        await expect
          .poll(() => page.getByTestId('present-caption').innerText(), { timeout: 30_000 })
          .toBe(caption);
        const boxes = await page.evaluate(() => {
          const box = (sel: string) => {
            const r = document.querySelector(sel)!.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          };
          return {
            stamp: box('.stamp'),
            legend: box('section[aria-label="Legend"]'),
            credits: box('.maplibregl-ctrl-attrib'),
          };
        });
        type Box = typeof boxes.stamp;
        const meet = (a: Box, b: Box) =>
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(meet(boxes.stamp, boxes.legend)).toBe(false);
        // Sized by the height too: the caption leaves the map most of a short window.
        expect(boxes.stamp.bottom - boxes.stamp.top).toBeLessThan(height * 0.22);
        expect(meet(boxes.stamp, boxes.credits)).toBe(false);
        // The legend is whole: nothing is clipped at its foot (it does not scroll).
        const legend = page.getByRole('region', { name: 'Legend' });
        expect(await legend.innerText()).toContain('Kasai militias');
        expect(await legend.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(
          1,
        );
        await expect
          .poll(async () => {
            const at = await countryUnderPanels(page);
            return { under: at.under, inside: at.inside, creditsOver: at.creditsOver };
          })
          .toEqual({ under: [], inside: true, creditsOver: false });
        await page.screenshot({ path: `${SHOTS}/present-${width}x${height}.png` });
      } finally {
        await page.close();
      }
    },
  );

  /** A one-slide deck of the map as opened, presented from the Slides panel. */
  async function present(page: Page) {
    await page.getByRole('button', { name: 'Slides', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Slides' });
    await panel.getByRole('button', { name: 'Add current map as slide' }).click();
    await panel.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('present-date').waitFor();
  }

  /**
   * The town names' type size at the map's zoom (their text-size, an interpolation over
   * stops), the dots' icon-size, and the largest towns (shown from zoom 3) named on screen.
   */
  const towns = (page: Page) =>
    page.evaluate(() => {
      const map = window.__drawdown!.map;
      const at = (expr: unknown[]) => {
        const stops = expr.slice(3) as number[];
        const z = map.getZoom();
        for (let i = 0; i + 2 < stops.length; i += 2) {
          const [z0, v0, z1, v1] = stops.slice(i, i + 4) as [number, number, number, number];
          if (z <= z1 || i + 4 >= stops.length) {
            const t = Math.min(1, Math.max(0, (z - z0) / (z1 - z0)));
            return v0 + t * (v1 - v0);
          }
        }
        return NaN;
      };
      return {
        px: at(map.getLayoutProperty('town-names', 'text-size') as unknown[]),
        dot: at(map.getLayoutProperty('town-dots', 'icon-size') as unknown[]),
        largest: map
          .queryRenderedFeatures({ layers: ['town-names'] })
          .filter((f) => f.properties['minzoom'] === 3).length,
      };
    });

  test('on a 1920-px projector town names are 18 px or more, their dots grown as the symbols; back on leaving', async () => {
    const page = await newPage(browser, 1920, 1080);
    try {
      await openAt(page, baseUrl, '#date=2021-07-15');
      await expect.poll(async () => (await towns(page)).largest).toBeGreaterThan(0);
      const before = await towns(page);
      // Not presenting: a size smaller than the site names, as always.
      expect(before.px).toBeLessThan(12);

      await present(page);
      await expect
        .poll(async () => {
          const t = await towns(page);
          return { big: t.px >= 18, named: t.largest > 0 };
        })
        .toEqual({ big: true, named: true });
      const now = await towns(page);
      // The dots grow as the sites' symbols do (screenScale's factor at 1920 px, about 1.68).
      expect(now.dot / before.dot).toBeGreaterThan(1.6);
      await page.screenshot({ path: `${SHOTS}/present-towns-1920.png` });

      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Play' }).waitFor();
      await expect.poll(async () => (await towns(page)).px).toBeLessThan(12);
    } finally {
      await page.close();
    }
  });

  test.each([
    { width: 1920, height: 1080, key: true },
    { width: 1024, height: 768, key: true },
    // Wide and short: with the key the legend would run past the screen's foot.
    { width: 1280, height: 720, key: false },
  ])(
    'on a $width × $height projector the legend keeps one column clear of the country; the troop-size key in one row: $key',
    async ({ width, height, key }) => {
      const page = await newPage(browser, width, height);
      try {
        await openAt(page, baseUrl, '#date=2021-07-15');
        await present(page);
        const legend = page.getByRole('region', { name: 'Legend' });
        await legend.waitFor();
        const troops = page.getByTestId('present-troop-key');
        if (key) await troops.waitFor();
        // One column (the two-column legend is twice as wide), whole, and off the country.
        const one = () =>
          legend.evaluate(
            (e) => !e.classList.contains('two') && e.scrollHeight - e.clientHeight <= 1,
          );
        await expect.poll(one).toBe(true);
        await expect
          .poll(async () => {
            const at = await countryUnderPanels(page);
            return { under: at.under, inside: at.inside, creditsOver: at.creditsOver };
          })
          .toEqual({ under: [], inside: true, creditsOver: false });
        await page.screenshot({ path: `${SHOTS}/present-legend-${width}x${height}.png` });
        if (!key) {
          await expect.poll(() => troops.count()).toBe(0);
          expect(await legend.innerText()).toContain('Closing this month');
          return;
        }
        expect(await legend.innerText()).toContain('Troops at a site (symbol size)');
        expect((await troops.innerText()).replace(/\s+/g, ' ')).toBe('150 1,000 2,900 or more');
        // Each symbol at its size on the projected map: the largest grown as the sites are.
        const sizes = await troops
          .locator('span > span')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
        expect(sizes).toHaveLength(3);
        expect(sizes[0]!).toBeLessThan(sizes[1]!);
        // One row: no taller than its largest symbol.
        expect((await troops.boundingBox())!.height).toBeLessThanOrEqual(sizes[2]! + 2);
        expect(sizes[2]! / symbolSize(TROOPS_AT_MAX_SIZE)).toBeCloseTo(screenScale(width, true), 1);
        await page.screenshot({ path: `${SHOTS}/present-legend-${width}x${height}.png` });
      } finally {
        await page.close();
      }
    },
  );
});
