/**
 * Presenting on a 1920 × 1080 projector, in the production build: the map's buttons are gone
 * (the credits stay), site names are at least 18 px and their symbols grow alike, the deck's
 * title shows over the date, and a callout written in the Slides panel with the keyboard is
 * drawn with its leader line ending at Goma, comes out in a PNG export of the slide, and is
 * still there after a reload. Screenshots: presenting with the callout, and the editor in
 * English and French.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { mapIdle, openAt, ready } from './helpers.ts';
import { frameLayout, presetSize } from '../../src/lib/domain/frame.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
const TEXT = 'Goma falls, 28 Jan';
/** Goma's sector HQ (data/scenario/sites.csv), where the callout is anchored. */
const GOMA: [number, number] = [29.23333, -1.68333];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Where [lon, lat] is in the window, in CSS pixels. */
const onScreen = (page: Page, at: [number, number]) =>
  page.evaluate((at) => {
    const map = window.__drawdown!.map;
    const r = map.getContainer().getBoundingClientRect();
    const p = map.project(at);
    return [r.left + p.x, r.top + p.y] as [number, number];
  }, at);

/** The site names' type size now (the layer's text-size at the map's zoom), and how many show. */
const names = (page: Page) =>
  page.evaluate(() => {
    const map = window.__drawdown!.map;
    const size = map.getLayoutProperty('site-labels', 'text-size') as unknown[];
    // ['interpolate', ['linear'], ['zoom'], z0, px0, z1, px1]
    const [z0, px0, z1, px1] = size.slice(3) as number[];
    const t = Math.min(1, Math.max(0, (map.getZoom() - z0!) / (z1! - z0!)));
    return {
      px: px0! + t * (px1! - px0!),
      drawn: map.queryRenderedFeatures({ layers: ['site-labels'] }).length,
      goma: map.querySourceFeatures('site-marks').find((f) => f.properties['id'] === 'goma')
        ?.properties['size'] as number | undefined,
    };
  });

describe('callouts and presenting on a projector', () => {
  test('a callout written by keyboard is presented with its leader at Goma, exported, and kept', async () => {
    const page = await newPage(browser, 1920, 1080);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await openAt(page, baseUrl, '#date=2025-02-15&sel=goma');
      await mapIdle(page);
      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      const zoomBox = (await zoomIn.boundingBox())!;
      const before = await names(page);
      // Not presenting: the names as they always were.
      expect(before.px).toBeLessThan(15);

      await page.getByRole('button', { name: 'Slides', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Slides' });
      await panel.getByRole('button', { name: 'Add current map as slide' }).click();
      await panel.getByLabel('Deck name').fill('Kivu briefing');
      await panel.getByLabel('Deck name').press('Tab');

      // The callout, by keyboard: the form opens with the text field focused and Goma (the
      // selected site) as its anchor; Enter saves it.
      await panel.getByRole('button', { name: 'Add callout to slide 1' }).focus();
      await page.keyboard.press('Enter');
      const form = panel.getByRole('form', { name: 'Callout on slide 1' });
      const text = form.getByRole('textbox', { name: 'Text' });
      await expect.poll(() => text.evaluate((e) => e === document.activeElement)).toBe(true);
      await page.keyboard.type(TEXT);
      const anchor = form.getByRole('combobox', { name: 'Points at' });
      expect(await anchor.evaluate((e: HTMLSelectElement) => e.selectedOptions[0]?.text)).toBe(
        'Goma',
      );
      await form.getByRole('combobox', { name: 'Label side' }).focus();
      await page.keyboard.press('ArrowDown'); // above left, and back
      await page.keyboard.press('ArrowUp');
      expect(await form.getByRole('combobox', { name: 'Label side' }).inputValue()).toBe(
        'up-right',
      );
      await page.screenshot({ path: `${SHOTS}/callouts-editor-en.png`, timeout: 120_000 });
      await text.focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('button', { name: `Edit the callout “${TEXT}”` }).waitFor();
      // Saved: the map shows the slide with its callout.
      await expect
        .poll(() =>
          panel
            .getByRole('button', { name: 'Show on map: slide 1 and its callouts' })
            .getAttribute('aria-pressed'),
        )
        .toBe('true');

      // Presenting.
      await panel.getByRole('button', { name: 'Present', exact: true }).click();
      await page.getByTestId('present-date').waitFor();
      await mapIdle(page);
      // The map's buttons are gone: nothing of them where the zoom-in button was.
      expect(await zoomIn.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Whole country' }).isVisible()).toBe(false);
      const there = await page.evaluate(
        ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.maplibregl-ctrl-group'),
        [zoomBox.x + zoomBox.width / 2, zoomBox.y + zoomBox.height / 2],
      );
      expect(there).toBe(false);
      // The credits stay: the licences require them.
      expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
      // The deck's title over the date.
      expect(await page.getByTestId('present-deck').innerText()).toBe('Kivu briefing');

      // Names of 18 px or more, drawn; symbols grown by the same factor.
      await expect
        .poll(async () => {
          const n = await names(page);
          return { big: n.px >= 18, drawn: n.drawn > 0 };
        })
        .toMatchObject({ big: true, drawn: true });
      const now = await names(page);
      expect(now.goma! / before.goma!).toBeCloseTo(now.px / before.px, 1);

      // The callout: its text, and its leader ending on Goma.
      const callouts = page.getByRole('group', { name: 'Callouts', exact: true });
      await callouts.getByText(TEXT).waitFor();
      const leader = async () => {
        const end = await callouts.locator('line').evaluate((l) => {
          const svg = (l as SVGLineElement).ownerSVGElement!.getBoundingClientRect();
          return [
            svg.left + Number(l.getAttribute('x2')),
            svg.top + Number(l.getAttribute('y2')),
            Math.hypot(
              Number(l.getAttribute('x2')) - Number(l.getAttribute('x1')),
              Number(l.getAttribute('y2')) - Number(l.getAttribute('y1')),
            ),
          ];
        });
        const goma = await onScreen(page, GOMA);
        return {
          dx: Math.abs(end[0]! - goma[0]),
          dy: Math.abs(end[1]! - goma[1]),
          length: end[2]!,
        };
      };
      const drawn = await leader();
      expect(drawn.dx).toBeLessThan(3);
      expect(drawn.dy).toBeLessThan(3);
      expect(drawn.length).toBeGreaterThan(40);
      await page.screenshot({ path: `${SHOTS}/callouts-present-1920.png`, timeout: 120_000 });
      // It follows the map.
      await page.evaluate(() => window.__drawdown!.map.panBy([-200, 80], { animate: false }));
      await expect
        .poll(async () => {
          const l = await leader();
          return l.dx < 3 && l.dy < 3;
        })
        .toBe(true);

      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Play' }).waitFor();

      // A PNG export of the slide holds the callout: compared with the same export without it,
      // the pixels that differ are the callout's dot, leader and box.
      await page.getByRole('button', { name: 'Slides', exact: true }).waitFor();
      if (!(await panel.isVisible()))
        await page.getByRole('button', { name: 'Slides', exact: true }).click();
      const show = panel.getByRole('button', { name: 'Show on map: slide 1 and its callouts' });
      if ((await show.getAttribute('aria-pressed')) !== 'true') await show.click();
      await callouts.getByText(TEXT).waitFor();
      await mapIdle(page);
      const size = await page.evaluate(() => {
        const c = window.__drawdown!.map.getContainer();
        return [c.clientWidth, c.clientHeight];
      });
      // The export dialog, opened once, is kept and lends its renderer to the page's hook.
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the map' });
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.waitForFunction(() => !!window.__drawdown?.exportPng);
      const diff = await page.evaluate(async () => {
        const d = window.__drawdown!;
        let png = '';
        const shot = async () => {
          const { blob } = await d.exportPng!('view-2x', 'Callouts');
          // The first (with the callout) is kept, to be looked at.
          if (!png) {
            const bytes = new Uint8Array(await blob.arrayBuffer());
            png = btoa(Array.from(bytes, (c) => String.fromCharCode(c)).join(''));
          }
          return createImageBitmap(blob);
        };
        const pixels = (b: ImageBitmap) => {
          const c = new OffscreenCanvas(b.width, b.height);
          const g = c.getContext('2d')!;
          g.drawImage(b, 0, 0);
          return g.getImageData(0, 0, b.width, b.height).data;
        };
        const withIt = pixels(await shot());
        document
          .querySelector<HTMLButtonElement>(
            'button[aria-pressed="true"][aria-label^="Show on map: slide 1"]',
          )!
          .click();
        await new Promise((r) => requestAnimationFrame(r));
        const bitmap = await shot();
        const without = pixels(bitmap);
        let [l, t, r, b, n] = [Infinity, Infinity, -Infinity, -Infinity, 0];
        for (let i = 0; i < withIt.length; i += 4) {
          if (Math.abs(withIt[i]! - without[i]!) + Math.abs(withIt[i + 1]! - without[i + 1]!) < 24)
            continue;
          const x = (i / 4) % bitmap.width;
          const y = Math.floor(i / 4 / bitmap.width);
          [l, t, r, b] = [Math.min(l, x), Math.min(t, y), Math.max(r, x), Math.max(b, y)];
          n++;
        }
        return { box: [l, t, r, b], n, width: bitmap.width, height: bitmap.height, png };
      });
      writeFileSync(`${SHOTS}/callouts-export-view-2x.png`, Buffer.from(diff.png, 'base64'));
      const out = presetSize('view-2x', size[0]!, size[1]!);
      expect([diff.width, diff.height]).toEqual([out.width, out.height]);
      const f = frameLayout(out.width, out.height, false);
      // The export fits the view clear of its legend, so Goma is not where the screen had it:
      // the differing pixels are checked for the callout's shape, inside the map. At 2×: a box
      // about 300 px wide for the text, 80 px above the anchor's dot; set up and right of the
      // dot, it would run under the legend, so it is moved left, over the dot's column.
      const [l, t, r, b] = diff.box as [number, number, number, number];
      expect({
        n: diff.n > 2000,
        inMap: l >= f.map.x && t >= f.map.y && r <= f.map.x + f.map.w && b <= f.map.y + f.map.h,
        wide: r - l > 260 && r - l < 560,
        high: b - t > 100 && b - t < 200,
      }).toEqual({ n: true, inMap: true, wide: true, high: true });

      // The deck, callout and all, survives a reload.
      await page.reload();
      await ready(page);
      if (!(await panel.isVisible()))
        await page.getByRole('button', { name: 'Slides', exact: true }).click();
      await panel.getByRole('button', { name: `Edit the callout “${TEXT}”` }).waitFor();
      expect(await panel.getByLabel('Deck name').inputValue()).toBe('Kivu briefing');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 480_000);

  test('the callout editor in French', async () => {
    const page = await newPage(browser, 1280, 800);
    try {
      await openAt(page, baseUrl, '#date=2025-02-15&sel=goma&lang=fr');
      await page.getByRole('button', { name: 'Diapos' }).click();
      const panel = page.getByRole('region', { name: 'Diapos' });
      await panel.getByRole('button', { name: 'Ajouter la carte comme diapo' }).click();
      await panel.getByRole('button', { name: 'Ajouter une annotation à la diapo 1' }).click();
      const form = panel.getByRole('form', { name: 'Annotation de la diapo 1' });
      await form.getByRole('textbox', { name: 'Texte' }).fill('Goma tombe, 28 janv.');
      await form.getByRole('combobox', { name: 'Côté de l’étiquette' }).selectOption('down-left');
      await page.screenshot({ path: `${SHOTS}/callouts-editor-fr.png`, timeout: 120_000 });
      await form.getByRole('button', { name: 'Enregistrer l’annotation' }).click();
      await panel
        .getByRole('button', { name: 'Modifier l’annotation «\u00a0Goma tombe, 28 janv.\u00a0»' })
        .waitFor();
      await page
        .getByRole('group', { name: 'Annotations', exact: true })
        .getByText('Goma tombe, 28 janv.')
        .waitFor();
      await page.screenshot({ path: `${SHOTS}/callouts-shown-fr.png`, timeout: 120_000 });
    } finally {
      await page.close();
    }
  }, 300_000);
});
