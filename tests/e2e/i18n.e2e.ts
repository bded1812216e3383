/**
 * French and English in the production build (issue 22): a French link opens in French, the
 * switch shows English at once without reloading the page or the map, the choice is kept in the
 * link and the browser, Back/Forward follow it, and French text stays inside its boxes.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { countryUnderPanels, mapIdle, openAt as openAtBase, ready } from './helpers.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const openAt = (page: Page, hash: string) => openAtBase(page, baseUrl, hash);
/** A page whose browser asks for French first, as many of the app's readers' do. */
const frenchBrowserPage = (width = 1280, height = 800) =>
  browser.newPage({ viewport: { width, height }, timezoneId: 'UTC', locale: 'fr-CD' });
const hash = (page: Page) => page.evaluate(() => location.hash);
const date = (page: Page) => page.getByTestId('current-date').innerText();

describe('a French link', () => {
  test('#date=2021-07-15&lang=fr opens in French: date, controls, slider, counters, page language', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15&lang=fr');
    expect(await date(page)).toBe('15 juillet 2021');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Drawdown Map\u00a0: MONUSCO');
    const timeline = page.getByRole('region', { name: 'Chronologie' });
    await timeline.getByRole('button', { name: 'Lecture', exact: true }).waitFor();
    await timeline.getByRole('button', { name: 'Reculer', exact: true }).waitFor();
    await timeline.getByRole('button', { name: 'Avancer', exact: true }).waitFor();
    const slider = page.getByRole('slider', { name: 'Date' });
    expect(await slider.getAttribute('aria-valuetext')).toBe('15 juillet 2021');
    expect(await timeline.getByText('janvier 2019').count()).toBe(1);
    // The troop estimate grouped with the narrow no-break space Intl gives in French (and the
    // asterisk that sends to why it differs from the other figures, where it does).
    expect(await page.getByTestId('estimate').locator('dd').first().innerText()).toMatch(
      /^\d{1,3}(\u202f\d{3})+\*?$/,
    );
    await page.getByText(/\d+ sites · \d+ points chauds · \d+ événements/).waitFor();
    await page.getByRole('navigation', { name: 'Données' }).waitFor();
    await page.getByRole('button', { name: 'Voir le tableau' }).waitFor();
    // The link keeps its language as the app writes the view back.
    await expect.poll(() => hash(page)).toBe('#date=2021-07-15&lang=fr');
    // A step is announced in French, and the first of the month is "1er".
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await date(page)).toBe('1er janvier 2019');
    expect(await page.locator('[aria-live=polite]').last().innerText()).toBe('1er janvier 2019');
    await page.close();
  });
});

describe('the switch', () => {
  test('shows English at once, without reloading the page or the map; the link and the browser keep it', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      w['marker'] = 'set before the switch';
      w['mapBefore'] = window.__drawdown!.map;
    });
    const english = page.getByRole('button', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    await english.click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(await date(page)).toBe('15 July 2021');
    expect(await page.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(
      '15 July 2021',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(
      await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return [w['marker'], w['mapBefore'] === window.__drawdown!.map];
      }),
    ).toEqual(['set before the switch', true]);
    // English is the base language: the link leaves it out.
    await expect.poll(() => hash(page)).toBe('#date=2021-07-15');
    expect(await page.evaluate(() => localStorage.getItem('drawdown-map/lang'))).toBe('en');
    await page.getByRole('button', { name: 'Français' }).waitFor();

    await page.reload();
    await ready(page);
    expect(await date(page)).toBe('15 July 2021');
    await page.close();
  });

  test('re-renders within 100 ms (median of ten switches, click to painted frame)', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15&lang=fr');
    await mapIdle(page);
    const runs = await page.evaluate(async (n) => {
      const shown = document.querySelector('[data-testid=current-date]')!;
      const times: { text: number; frame: number }[] = [];
      for (let i = 0; i < n; i++) {
        const before = shown.textContent;
        const changed = new Promise<number>((resolve) => {
          const o = new MutationObserver(() => {
            if (shown.textContent === before) return;
            o.disconnect();
            resolve(performance.now());
          });
          o.observe(shown, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        (document.querySelector('header button[lang]') as HTMLButtonElement).click();
        const text = (await changed) - t0;
        // The next frame after it: style, layout and paint of everything that changed.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push({ text, frame: performance.now() - t0 });
        // Let the history write and any refit settle before the next switch.
        await new Promise((r) => setTimeout(r, 400));
      }
      return times;
    }, 10);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const text = median(runs.map((r) => r.text));
    const frame = median(runs.map((r) => r.frame));
    console.log(
      `language switch: median ${text.toFixed(1)} ms to the new date text, ` +
        `${frame.toFixed(1)} ms to the painted frame (${runs.length} switches)`,
    );
    expect(frame).toBeLessThanOrEqual(100);
    expect(await date(page)).toBe('15 juillet 2021');
    await page.close();
  });

  test('Back undoes a switch and Forward redoes it', async () => {
    const page = await newPage(browser);
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => hash(page)).toBe('#date=2021-07-15');
    await page.goBack();
    await expect.poll(() => date(page)).toBe('15 juillet 2021');
    expect(await hash(page)).toBe('#date=2021-07-15&lang=fr');
    await page.goForward();
    await expect.poll(() => date(page)).toBe('15 July 2021');
    await page.close();
  });
});

describe('without lang= in the link', () => {
  test('a French browser opens in French and the link then says so; a stored English wins over it', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15');
    expect(await page.evaluate(() => navigator.language)).toBe('fr-CD');
    expect(await date(page)).toBe('15 juillet 2021');
    await expect.poll(() => hash(page)).toBe('#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => hash(page)).toBe('#date=2021-07-15');
    // A new visit (not a hash change in the same document).
    await page.goto('about:blank');
    await openAt(page, '#date=2022-07-15');
    expect(await date(page)).toBe('15 July 2022');
    await page.close();
  });
});

describe('French text in its boxes', () => {
  test.each([
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ])(
    'at $width × $height: nothing runs out of the title bar, toolbar or timeline',
    async ({ width, height }) => {
      const page = await newPage(browser, width, height);
      // September: the longest month name in both languages.
      await openAt(page, '#date=2021-09-15&lang=fr');
      await mapIdle(page);
      await page.screenshot({ path: `${SHOTS}/i18n-fr-${width}x${height}.png` });
      const outside = await page.evaluate(() => {
        const out: string[] = [];
        const boxes = document.querySelectorAll(
          'header, nav, section.panel > div, .controls, .counters, .counters > div, .track .row, .track .plan',
        );
        for (const box of boxes) {
          const b = box.getBoundingClientRect();
          // Whatever carries words; the ticks and the date cursor are placed by design.
          for (const el of box.querySelectorAll('*')) {
            const words = [...el.childNodes].some(
              (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
            );
            // (An <option> of a closed <select> has no box of its own to measure.)
            if (el.tagName === 'OPTION' || (!words && !['SELECT', 'INPUT'].includes(el.tagName)))
              continue;
            const r = el.getBoundingClientRect();
            const by = Math.max(r.right - b.right, b.left - r.left, r.bottom - b.bottom);
            // Up to a pixel is the glyphs' side bearings, not text that runs out.
            if (by > 1)
              out.push(`"${el.textContent!.trim().slice(0, 30)}" runs out by ${by.toFixed(1)} px`);
          }
        }
        // The date on one line, as high as in English.
        const date = document.querySelector('[data-testid=current-date]')!;
        if (date.getClientRects().length !== 1 || date.getBoundingClientRect().height > 45)
          out.push('the date wraps');
        return out;
      });
      expect(outside).toEqual([]);
      await page.close();
    },
  );

  test.each([
    { width: 1280, height: 1100 },
    { width: 1920, height: 1080 },
  ])(
    'at $width × $height the country is clear of the French panels, as of the English',
    async ({ width, height }) => {
      const page = await newPage(browser, width, height);
      await openAt(page, '#date=2021-07-15&lang=fr');
      await mapIdle(page);
      const at = await countryUnderPanels(page);
      expect(at.under).toEqual([]);
      expect(at.inside).toBe(true);
      await page.close();
    },
  );

  test.each([
    { width: 1280, height: 720 },
    { width: 1280, height: 800 },
  ])(
    'at $width × $height no site of the whole-country view lies under the French title or toolbar',
    async ({ width, height }) => {
      // French runs longer: the toolbar must still end short of Bunia and Dungu (north-east), as
      // the English one does (map.e2e.ts).
      const page = await newPage(browser, width, height);
      for (const day of ['2019-01-01', '2021-07-15']) {
        await page.goto('about:blank');
        await openAt(page, `#date=${day}&lang=fr`);
        const { under, drawn } = await page.evaluate(() => {
          type Picked = { object?: { datum?: { site: { id: string } } } };
          const o = window.__drawdown!.overlay as unknown as { pickObjects(o: object): Picked[] };
          const map = window.__drawdown!.map.getContainer().getBoundingClientRect();
          const sitesIn = (r: DOMRect) =>
            o
              .pickObjects({
                x: r.left - map.left,
                y: r.top - map.top,
                width: r.width,
                height: r.height,
                layerIds: ['sites'],
              })
              .map((h) => h.object?.datum?.site.id ?? '?');
          return {
            under: [...document.querySelector('.left')!.children].flatMap((panel) =>
              sitesIn(panel.getBoundingClientRect()).map(
                (id) => `${id} under ${panel.textContent!.trim().slice(0, 20)}`,
              ),
            ),
            drawn: sitesIn(map),
          };
        });
        expect(under, day).toEqual([]);
        expect(drawn, day).toContain(day === '2019-01-01' ? 'dungu' : 'bunia');
      }
      await page.close();
    },
  );
});

describe('export, presentation and About in French', () => {
  /** Words of the text in `root` (and its names and placeholders) that run out of their box. */
  const overflowIn = (page: Page, root: string) =>
    page.evaluate((sel) => {
      const out: string[] = [];
      const box = document.querySelector(sel)!.getBoundingClientRect();
      for (const el of document.querySelectorAll(`${sel} *`)) {
        const words = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
        );
        if (el.tagName === 'OPTION' || !words) continue;
        const r = el.getBoundingClientRect();
        // Scrolled out of a scrolling dialog is not overflow: only the sides count.
        const by = Math.max(r.right - box.right, box.left - r.left);
        if (by > 1) out.push(`"${el.textContent!.trim().slice(0, 30)}" runs out by ${by}px`);
        // A control's own text cut short.
        if (['BUTTON', 'LABEL'].includes(el.tagName) && el.scrollWidth > el.clientWidth + 1)
          out.push(`"${el.textContent!.trim().slice(0, 30)}" is cut off`);
      }
      return out;
    }, root);
  /** The text a reader or a screen reader gets of `root`: its words, names and placeholders. */
  const wordsOf = (page: Page, root: string) =>
    page.evaluate((sel) => {
      const r = document.querySelector(sel) as HTMLElement;
      const attrs = [...r.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
        ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
      );
      return [r.innerText, ...attrs].join('\n');
    }, root);

  test('the Export dialog, and the PNG frame drawn in French', async () => {
    const page = await frenchBrowserPage();
    // Every text the export draws onto its canvas, in order.
    await page.addInitScript(() => {
      const drawn: string[] = ((window as unknown as { drawn: string[] }).drawn = []);
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        drawn.push(String(text));
        return fill.call(this, text, ...rest);
      };
    });
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter la carte' });
    await dialog.getByRole('radio', { name: 'Diapositive 16/9, 1920 × 1080' }).check();
    await dialog.getByRole('radio', { name: /^Vue actuelle, 2×\s: \d+ × \d+$/ }).waitFor();
    expect(await dialog.getByLabel('Titre', { exact: true }).inputValue()).toBe(
      'Retrait de la MONUSCO',
    );
    expect(await dialog.getByLabel('Sous-titre').getAttribute('placeholder')).toMatch(
      /^République démocratique du Congo · phases des provinces\u00a0: /,
    );
    await dialog.getByLabel('Début de l’animation').waitFor();
    await dialog.getByLabel('Vitesse de l’animation').waitFor();
    await page.screenshot({ path: `${SHOTS}/i18n-fr-export-dialog.png` });
    expect(await overflowIn(page, 'dialog[open]')).toEqual([]);
    const english =
      /Export the map|\bSize\b|\bTitle\b|Subtitle|Banner|Current view|Slide 16|landscape|Download|\bClose\b|Record|\bSpeed\b|\bFrom\b|\bTo\b|Animated|a month|Nothing leaves|Replay/;
    expect(await wordsOf(page, 'dialog[open]')).not.toMatch(english);

    await page.evaluate(() => ((window as unknown as { drawn: string[] }).drawn.length = 0));
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Télécharger le PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('drawdown-map_2021-07-15_retrait-de-la-monusco.png');
    await download.saveAs(`${SHOTS}/i18n-fr-export-1920x1080.png`);
    const saved =
      'Enregistré\u00a0: drawdown-map_2021-07-15_retrait-de-la-monusco.png, 1920 × 1080 px';
    await expect.poll(() => dialog.getByTestId('export-result').innerText()).toBe(saved);
    // And said in the page's live region, for a screen reader.
    expect(await page.getByTestId('announcer').innerText()).toBe(saved);
    const drawn = await page.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
    expect(drawn).toContain('15 juillet 2021');
    expect(drawn).toContain('Retrait de la MONUSCO');
    expect(drawn.some((t) => t.startsWith('Sources\u00a0: '))).toBe(true);
    expect(
      drawn.some((t) => /^Localités\u00a0: GeoNames/.test(t) || t.includes(' Localités\u00a0: ')),
    ).toBe(true);
    expect(drawn).toContain(
      'Les limites et les noms indiqués ne font pas foi et n’impliquent aucune approbation. · Drawdown Map',
    );
    expect(drawn.some((t) => /^[\d\u202f]+ k?m$/.test(t))).toBe(true);
    expect(drawn.join('\n')).not.toMatch(
      /Sources:|Boundaries and names|Democratic Republic|July|Towns:/,
    );
    await page.close();
  });

  test('the Slides panel and presentation mode', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'Diapos', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Diapos' });
    await panel.getByText('Aucune diapo pour l’instant').waitFor();
    expect(await panel.getByLabel('Nom de la présentation').inputValue()).toBe(
      'Point de situation',
    );
    await panel.getByRole('button', { name: 'Ajouter la carte comme diapo' }).click();
    await panel.getByText('15 juillet 2021', { exact: true }).waitFor();
    await panel.getByLabel('Commentaire de la diapo 1').fill('Le Kasaï après le retrait');
    await panel.getByLabel('Commentaire de la diapo 1').press('Tab');
    await panel.getByLabel('La diapo 1 défile jusqu’au').waitFor();
    await panel.getByRole('button', { name: 'Présenter d’ici (diapo 1)' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/i18n-fr-slides.png` });
    expect(await overflowIn(page, 'section.panel[aria-label="Diapos"]')).toEqual([]);
    expect(await wordsOf(page, 'section.panel[aria-label="Diapos"]')).not.toMatch(
      /\bSlides?\b|\bDeck\b|Caption|plays to|Present|Delete|Add current|Import deck|Export deck|\bMove\b|opens this/,
    );

    await panel.getByRole('button', { name: 'Présenter', exact: true }).click();
    await expect.poll(() => page.getByTestId('present-date').innerText()).toBe('15 juillet 2021');
    await page.getByText(/^Diapo 1 sur 1 · → ou PageDown suivante/).waitFor();
    await page.getByRole('button', { name: 'Quitter la présentation' }).waitFor();
    await page.getByRole('region', { name: 'Légende' }).waitFor();
    await mapIdle(page);
    await page.screenshot({ path: `${SHOTS}/i18n-fr-present.png` });
    expect(await overflowIn(page, '.stamp')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lecture', exact: true }).waitFor();
    await page.close();
  });

  test('the About panel and its software licences', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'À propos', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'À propos des données' });
    for (const h of [
      'Enregistrements',
      'Sources du scénario',
      'Couches de la carte et licences',
      'Comment citer',
      'Hypothèses',
      'Logiciels et licences',
    ])
      await dialog.getByRole('heading', { name: h, exact: true }).waitFor();
    await dialog.getByRole('list', { name: 'Logiciels inclus' }).waitFor();
    await dialog.getByRole('link', { name: 'textes complets des licences' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).waitFor();
    // The strategy's date in French, through Intl.
    await dialog
      .getByText(/retrait progressif et échelonné de la MONUSCO \(27 oct\. 2020\)/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/i18n-fr-about.png` });
    await page.locator('dialog[open]').evaluate((d) => d.scrollTo(0, d.scrollHeight));
    await page.screenshot({ path: `${SHOTS}/i18n-fr-about-end.png` });
    expect(await overflowIn(page, 'dialog[open]')).toEqual([]);
    // The documents' titles, the citation and the data's provenance notes stay as written.
    expect(await wordsOf(page, 'dialog[open]')).not.toMatch(
      /About the data|Latest dated fact|Scenario sources|Map layers|How to cite|Assumptions|Software and licences|Troop numbers|Every row|Read the|Loading the list|Bundled software|Licence:/,
    );
    await page.close();
  });
});

describe('the map, its legend, tooltips, details and sites table in French', () => {
  /** English words of this area's interface (not of the data: names, sources, notes). */
  const ENGLISH =
    /\b(Layers|Legend|Key|Province phases?|Reach|Armed-group|Closed sites?|Site labels|Sites open|Size by|What happened|Mission HQ|Company operating|Opened|Closed|Closure|Troops|Kind|Confidence|Click for|outside the DRC|before 2010|Within reach|Opacity|Closing this month|Zoom in|Zoom out|Whole country)\b/;
  const SHOTS_FR = 'tmp';

  test('layer panel, keys, map controls, a tooltip, the details and the table speak French, and English after a switch', async () => {
    mkdirSync(SHOTS_FR, { recursive: true });
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await mapIdle(page);

    const legend = page.getByRole('region', { name: 'Légende et couches' });
    await legend.getByRole('heading', { name: 'Couches' }).waitFor();
    for (const [name, on] of [
      ['Phases par province', true],
      ['Portée des sites ouverts', false],
      ['Points chauds des groupes armés', true],
      ['Sites', true],
      ['Sites fermés', true],
      ['Noms des sites', true],
    ] as const)
      expect(await legend.getByRole('checkbox', { name, exact: true }).isChecked(), name).toBe(on);
    await legend.getByRole('button', { name: 'Légende\u00a0: Sites', exact: true }).waitFor();
    const plan = legend.getByRole('combobox', { name: 'Plan' });
    expect(await plan.locator('option:checked').innerText()).toBe('Ce qui s’est passé');
    // Every word of the keys, those of folded keys too (their rows name themselves on hover).
    const legendText = await legend.evaluate((el) =>
      [el.textContent, ...[...el.querySelectorAll('[title]')].map((t) => t.getAttribute('title'))]
        .join('\n')
        .replace(/[ \t\n\r]+/g, ' '),
    );
    for (const words of [
      'Mission présente',
      'Désengagement en cours',
      'Milices de l’Ituri (CODECO, FPIC, FRPI)',
      'Opacité\u00a0: intensité 1 présence, 2 élevée, 3 grave',
      'QG de secteur',
      'Taille selon les effectifs',
      // Numbers grouped as French writes them.
      '2\u202f900',
      'Remis aux FARDC',
      'Fermeture ce mois-ci',
    ])
      expect(legendText).toContain(words);
    expect(legendText).not.toMatch(ENGLISH);

    // The map's own controls.
    for (const name of ['Zoom avant', 'Zoom arrière', 'Tout le pays'])
      await page.getByRole('button', { name, exact: true }).waitFor();
    expect(await page.locator('.maplibregl-ctrl-compass').getAttribute('title')).toMatch(
      /^Faire glisser pour pivoter la carte/,
    );

    await page.screenshot({ path: `${SHOTS_FR}/fr-legend.png` });

    // Hovering a site: its tooltip in French.
    const at = await page.evaluate(() => {
      const p = window.__drawdown!.map.project([15.315, -4.32972]);
      return { x: p.x, y: p.y };
    });
    await page.mouse.move(at.x - 40, at.y);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const tip = page.locator('.deck-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const tipLines = (await tip.innerText()).split('\n');
    // The first line is the site's name, as the data writes it ("Kinshasa (mission HQ)").
    expect(tipLines.slice(1)).toEqual([
      'QG de la mission',
      'Présent dès\u00a0: 2010 (à l’année près) (peut être plus ancien)',
      'Fermeture\u00a0: aucune, toujours ouvert',
      expect.stringMatching(/^Effectifs \(estimation, 2021\)\u00a0: \d{1,3}(\u202f\d{3})*$/),
      'Cliquer pour les détails',
    ]);
    await page.screenshot({ path: `${SHOTS_FR}/fr-tooltip.png` });
    await page.mouse.click(at.x, at.y);

    // The selected site's details: French labels and vocabulary, the data as written.
    const details = page.getByRole('region', { name: /Kinshasa/ });
    await details.getByRole('button', { name: 'Fermer les détails' }).waitFor();
    const labels = await details.locator('dt').allInnerTexts();
    expect(labels).toEqual([
      'Type',
      'Province',
      'Position',
      'Ouverture',
      'Fermeture',
      'Mode de fermeture',
      'Effectifs (estimation)',
      'Contingent',
      'Source',
      'Fiabilité',
      'Notes',
    ]);
    const values = await details.locator('dd').allInnerTexts();
    expect(values[0]).toBe('QG de la mission');
    expect(values[3]).toBe(
      'présent dès 2010 (à l’année près) (première mention dans la source\u00a0; peut être plus ancien)',
    );
    expect(values[4]).toBe('ouvert (aucune fermeture signalée)');
    expect(values[6]).toMatch(/^\d{1,3}(\u202f\d{3})* en 2021 \(estimation Geo-PKO/);
    expect(values[9]).toBe('élevée');
    await page.screenshot({ path: `${SHOTS_FR}/fr-legend-details.png` });

    // The sites table.
    await page.getByRole('button', { name: 'Voir le tableau' }).click();
    const table = page.getByRole('table', { name: /^Sites au 15 juillet 2021 \(\d+\)$/ });
    await table.waitFor();
    expect(await table.locator('th').allInnerTexts()).toEqual([
      'Nom',
      'Type',
      'Province',
      'Ouverture',
      'Effectifs (est., 2021)',
    ]);
    const tableText = await table.innerText();
    expect(tableText).toContain('Base de compagnie');
    expect(tableText).toContain('(à l’année près)');
    expect(tableText).not.toMatch(ENGLISH);
    await page.screenshot({ path: `${SHOTS_FR}/fr-table.png` });

    // French text stays in the legend's and the details' boxes.
    const outside = await page.evaluate(() => {
      const out: string[] = [];
      for (const box of document.querySelectorAll('section.legend, section.details, .drawer')) {
        const b = box.getBoundingClientRect();
        for (const el of box.querySelectorAll('label, span, li, dt, dd, h2, th, td, caption')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          const by = Math.max(r.right - b.right, b.left - r.left);
          if (by > 1) out.push(`"${el.textContent!.trim().slice(0, 30)}" runs out by ${by} px`);
        }
        if (box.scrollWidth > box.clientWidth + 1) out.push(`${box.className} scrolls sideways`);
      }
      return out;
    });
    expect(outside).toEqual([]);

    // A switch to English renames the same panels and controls, on the same map.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Legend and layers' }).waitFor();
    await page.getByRole('checkbox', { name: 'Armed-group hotspots', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Whole country', exact: true }).waitFor();
    await page.getByRole('table', { name: /^Sites at 15 July 2021 \(\d+\)$/ }).waitFor();
    expect(
      await page
        .getByRole('region', { name: /Kinshasa/ })
        .locator('dd')
        .first()
        .innerText(),
    ).toBe('Mission HQ');
    await page.close();
  });

  test('a hotspot’s details in French, its label and sources as the data writes them', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr&sel=adf-beni');
    const details = page.getByRole('region', { name: 'ADF around Beni' });
    await details.getByRole('button', { name: 'Fermer les détails' }).waitFor();
    expect(await details.locator('dt').allInnerTexts()).toEqual([
      'Groupe',
      'Province',
      'Centre',
      'Rayon',
      'Début',
      'Fin',
      'Intensité',
      'Source',
      'Fiabilité',
      'Notes',
    ]);
    const values = await details.locator('dd').allInnerTexts();
    expect(values[0]).toBe('ADF');
    expect(values[1]).toBe('Nord-Kivu (CD-NK)');
    expect(values.slice(3, 6)).toEqual(['35 km', '2019 (à l’année près)', 'toujours actif']);
    // The rating, in French, with its basis as the data writes it.
    expect(values[6]).toMatch(/^3, grave\u00a0: aljazeera\.com/);
    expect(values[8]).toBe('élevée');
    await page.close();
  });

  test('the notices in the map’s place: no WebGL, and a lost graphics context', async () => {
    const { chromium } = await import('playwright-core');
    const { chromiumPath, CHROMIUM_ARGS } = await import('../browser.ts');
    const noGL = await chromium.launch({
      executablePath: await chromiumPath(),
      args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
      headless: true,
    });
    try {
      const page = await noGL.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-CD' });
      await page.goto(`${baseUrl}/#date=2021-07-15&lang=fr`);
      await page.waitForSelector('[data-testid=map][data-status=unavailable]', { timeout: 60_000 });
      const alert = page.getByRole('alert').filter({ hasText: 'WebGL' });
      await expect
        .poll(() => alert.innerText())
        .toContain('La carte a besoin de WebGL, que ce navigateur ne fournit pas.');
      const text = await alert.innerText();
      expect(text).toContain('Pour voir la carte, essayez\u00a0:');
      expect(text).toContain('l’accélération matérielle');
      expect(text).not.toMatch(/\b(needs|browser|try|still work)\b/);
      await page.screenshot({ path: 'tmp/fr-nowebgl.png' });
    } finally {
      await noGL.close();
    }

    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.evaluate(() => {
      const gl = window.__drawdown!.map.getCanvas().getContext('webgl2')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose =
        gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose.loseContext();
    });
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'Le contexte graphique a été perdu\u202f; restauration…' });
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toContain('La carte revient d’elle-même');
    await page.screenshot({ path: 'tmp/fr-context-lost.png' });
    await page.evaluate(() =>
      (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext(),
    );
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    // The new map is named in French from the start.
    await ready(page);
    await page.getByRole('button', { name: 'Zoom avant', exact: true }).waitFor();
    await page.close();
  });
});

describe('impact, scenarios and dates in French', () => {
  /** Sets a DateField to an ISO day with its French part names, the year first. */
  async function setDateFr(group: ReturnType<Page['getByRole']>, iso: string) {
    const [y, m, d] = iso.split('-').map(Number);
    await group.getByRole('combobox', { name: 'Année' }).selectOption(String(y));
    await group.getByRole('combobox', { name: 'Mois' }).selectOption(String(m));
    await group.getByRole('combobox', { name: 'Jour' }).selectOption(String(d));
  }
  /** Texts inside `selector` that run out of their box (the panel's, or a dialog's). */
  const runsOut = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const out: string[] = [];
      for (const box of document.querySelectorAll(sel)) {
        const b = box.getBoundingClientRect();
        for (const el of box.querySelectorAll('*')) {
          const words = [...el.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
          );
          if (el.tagName === 'OPTION' || (!words && !['SELECT', 'INPUT'].includes(el.tagName)))
            continue;
          const r = el.getBoundingClientRect();
          if (!r.width) continue;
          const by = Math.max(r.right - b.right, b.left - r.left);
          if (by > 1) out.push(`"${el.textContent!.trim().slice(0, 30)}" runs out by ${by} px`);
        }
      }
      return out;
    }, selector);

  test('the impact panel and the reach dialog speak French, with a French date field', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: 'Impact', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Impact des fermetures' });
    await panel.getByText('Au 15 juillet 2021').waitFor();
    await panel.getByText('Points chauds actifs hors de portée').first().waitFor();
    // The comparison date: day, month by its French name, year; 12 months before by default.
    const compare = panel.getByRole('group', { name: 'Date de comparaison' });
    const month = compare.getByRole('combobox', { name: 'Mois' });
    expect(await month.locator('option:checked').innerText()).toBe('juillet');
    expect(await month.locator('option').allInnerTexts()).toContain('décembre');
    await setDateFr(compare, '2021-01-15');
    await expect
      .poll(() => panel.getByTestId('lost-coverage').innerText())
      .toMatch(/Perdue avec\u00a0: .*Kananga/);
    // The month is also set by keyboard: focus it and step with the arrows.
    await month.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => month.locator('option:checked').innerText()).toBe('février');
    const english =
      /\b(Closure impact|Active hotspots|out of reach|Lost cover|Edit reach|Show reach|People in|Nearest remaining|Lost with|Coverage table|Reach radii|By province)\b/;
    expect(await panel.innerText()).not.toMatch(english);
    await page.screenshot({ path: `${SHOTS}/i18n-fr-impact.png` });
    expect(await runsOut(page, 'section.panel')).toEqual([]);

    await panel.getByRole('button', { name: 'Modifier la portée…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rayons de portée (hypothèses)' });
    await dialog.getByRole('button', { name: 'Revenir aux valeurs par défaut' }).waitFor();
    expect(await dialog.innerText()).not.toMatch(/\b(No source|Reset to defaults|Done|Kind)\b/);
    await page.screenshot({ path: `${SHOTS}/i18n-fr-reach.png` });
    expect(await runsOut(page, 'dialog[open]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Terminé' }).click();
    await page.close();
  });

  test('a scenario is made, and a closing moved, in French', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2024-12-15&sel=bukavu&lang=fr');
    await page.getByRole('button', { name: /^Scénarios/ }).click();
    const panel = page.getByRole('region', { name: 'Scénarios' });
    await panel
      .getByRole('textbox', { name: 'Nom du nouveau scénario' })
      .fill('Bukavu reste ouvert');
    await panel.getByRole('button', { name: 'Nouveau scénario' }).click();
    await panel.getByText('Modifications dans «\u00a0Bukavu reste ouvert\u00a0»').waitFor();
    const details = page.getByRole('region', { name: /^Bukavu/ });
    await details.getByRole('button', { name: 'Garder ouvert' }).waitFor();
    await setDateFr(
      details.getByRole('group', { name: 'Dernier jour d’ouverture dans le scénario' }),
      '2025-06-30',
    );
    const row = panel.getByRole('group', { name: 'Dernier jour d’ouverture de Bukavu' });
    await expect
      .poll(() => row.getByRole('combobox', { name: 'Mois' }).locator('option:checked').innerText())
      .toBe('juin');
    await panel.getByText('1 modification', { exact: true }).waitFor();
    const english =
      /\b(Scenarios stay|New scenario|Compare with|Changes in|Keep open|Back to baseline|Last day open|Undo|Import JSON|Export all|kept open)\b/;
    expect(await panel.innerText()).not.toMatch(english);
    expect(await details.innerText()).not.toMatch(english);
    await page.screenshot({ path: `${SHOTS}/i18n-fr-scenarios.png` });
    expect(await runsOut(page, 'section.panel')).toEqual([]);
    await page.close();
  });

  test('what if a site closes now, in French', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2024-02-01&sel=kamanyola&lang=fr');
    const details = page.getByRole('region', { name: /^Kamanyola/ });
    await details.getByRole('button', { name: /^Et si ce site fermait maintenant\s?\?$/ }).click();
    const whatIf = details.getByTestId('what-if');
    await expect
      .poll(() => whatIf.innerText())
      .toMatch(/^Si Kamanyola fermait le 1er février 2024, \d+ points? chauds? (ou|et) localités?/);
    expect(await whatIf.innerText()).toMatch(/Les rayons de portée sont des hypothèses\./);
    expect(await whatIf.innerText()).not.toMatch(/\b(If|would be|Lost with|Nearest remaining)\b/);
    await details.scrollIntoViewIfNeeded();
    await whatIf.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/i18n-fr-what-if.png` });
    expect(await runsOut(page, '[data-testid=what-if]')).toEqual([]);
    await page.close();
  });

  test('data problems are worded in French, and again in English after a switch', async () => {
    const page = await frenchBrowserPage();
    const bad = 'bad-row,Bad row,base,CD-NK,-1.6,29.2,2020,year,present_by,,,,,,,high,';
    await page.route(/sites-[^/]*\.csv$/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        body: (await res.text()).trimEnd() + '\n' + bad + '\n',
      });
    });
    await openAt(page, '#date=2021-07-15&lang=fr');
    const region = page.getByRole('status', { name: 'Problèmes dans les données' });
    await region.getByRole('button', { name: 'Afficher le détail' }).click();
    const french = await region.innerText();
    expect(french).toContain(
      '2 problèmes dans les données\u00a0: les lignes concernées ne sont pas affichées.',
    );
    expect(french).toMatch(
      /scenario\/sites\.csv, ligne \d+, colonne kind \("base"\)\u00a0: n’est pas une valeur permise\. Correction\u00a0: utiliser l’une de ces valeurs\u00a0: mission_hq/,
    );
    expect(french).not.toMatch(/\b(data problems?|line|column|Fix|is empty|Hide details)\b/);
    await page.screenshot({ path: `${SHOTS}/i18n-fr-data-problems.png` });
    // Found while the page was in French, said in English once the reader switches.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Data problems' }).innerText())
      .toMatch(/line \d+, column kind \("base"\): is not an allowed value\. Fix: use one of/);
    await page.close();
  });

  test('a saved scenario that cannot be read is set aside, said in French, and kept', async () => {
    const page = await frenchBrowserPage();
    await openAt(page, '#date=2021-07-15&lang=fr');
    await page.getByRole('button', { name: /^Scénarios/ }).click();
    const panel = page.getByRole('region', { name: 'Scénarios' });
    await panel.getByRole('textbox', { name: 'Nom du nouveau scénario' }).fill('Le bon');
    await panel.getByRole('button', { name: 'Nouveau scénario' }).click();
    await panel.getByText('Modifications dans «\u00a0Le bon\u00a0»').waitFor();
    // Stored (the panel shows it before the write ends), so the store exists to be damaged.
    const stored = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('drawdown-map');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('scenarios')) return (db.close(), resolve(0));
              const count = db.transaction('scenarios').objectStore('scenarios').count();
              count.onsuccess = () => (db.close(), resolve(count.result));
            };
            open.onerror = () => resolve(0);
          }),
      );
    await expect.poll(stored).toBe(1);
    // A record with a bad date, as a bug or another program would leave it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('drawdown-map');
          open.onsuccess = () => {
            const tx = open.result.transaction('scenarios', 'readwrite');
            const value = {
              id: 'x',
              name: 'Abîmé',
              created: '2026-01-01T00:00:00Z',
              changes: [{ site: 'bukavu', close: 'bientôt' }],
            };
            tx.objectStore('scenarios').put({ format: 1, value }, 'damaged');
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'n’a pas pu être lu' });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toContain(
      '1 élément enregistré dans ce navigateur (scénarios d’hypothèse) n’a pas pu être lu (changes.0.close\u00a0: n’est pas une date écrite AAAA-MM-JJ',
    );
    await notice.getByRole('button', { name: 'Copies gardées…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copies gardées' });
    const item = dialog.locator('li', { hasText: 'Élément enregistré «\u00a0damaged\u00a0»' });
    await item.getByRole('button', { name: 'Télécharger' }).waitFor();
    expect(await item.innerText()).toMatch(
      /Gardée le \d+(er)?\s\S+\s\d{4} à \d\d:\d\d UTC · \d+\soctets?/,
    );
    expect(await dialog.innerText()).not.toMatch(
      /\b(Kept copies|Saved record|unreadable|Download|Delete|Close)\b/,
    );
    await page.screenshot({ path: `${SHOTS}/i18n-fr-kept-copies.png` });
    expect(await runsOut(page, 'dialog[open]')).toEqual([]);
    await item.getByRole('button', { name: 'Supprimer' }).click();
    await item.getByRole('button', { name: /^Supprimer définitivement/ }).click();
    await dialog.getByText('Aucune copie n’est gardée.').waitFor();
    await page.close();
  });
});
