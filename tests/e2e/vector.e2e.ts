/**
 * PDF and SVG export from the Export dialog, in the production build. A PDF is read here: its
 * page boxes, its embedded Noto Sans (FontFile2 streams, inflated), and its title found as text
 * through the fonts' ToUnicode maps. An SVG is parsed in the page for its <text>, and drawn
 * there for a screenshot. The A4 PDF is timed from the click to the download.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unzlibSync } from 'fflate';
import { launchBrowser, newPage } from '../browser.ts';
import { openAt } from './helpers.ts';
import { pageSize } from '../../src/lib/domain/frame.ts';
import { svgFrame, type Callout } from '../../src/lib/export/svgFrame.ts';
import type { FrameText } from '../../src/lib/export/snapshot.ts';
import en from '../../messages/en.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };

const baseUrl = inject('baseUrl');
const SHOTS = 'tests/e2e/screenshots';
/**
 * A guard on an A4 PDF at 300 dpi, click to file, against a regression of several times; the
 * figure against issue 25's 5 s is the benchmark's (`npm run bench`, BENCH_ONLY=vector: a
 * median of 5.9 s on the quiet 2-core machine). Most of the time is the software renderer
 * drawing the map's frames at 300 dpi. This is the first export of a fresh browser, with the
 * other browser tests running beside it (load about 7): it took 27 s once there, and 28 s
 * once under a load of 11, so the guard is 40 s.
 */
const A4_PDF_MS = 40_000;
/** How long a download may take before the test gives up: a shared, loaded machine is slow. */
const EXPORT_WAIT = 300_000;
const SLOW = 900_000;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await openAt(page, baseUrl, '#date=2024-07-15');
});
afterAll(async () => {
  await browser?.close();
});

type Words = typeof en;

const FIXTURE_TEXT: FrameText = {
  title: '',
  subtitle: 'A fixture',
  date: '28 January 2025',
  banner: '',
  sources: ['Data as of 1 December 2026'],
  disclaimer: 'Not authoritative.',
  note: 'Drawdown Map',
  locale: 'en',
};
/** A one-pixel grey PNG for the map of a fixture page. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

/** Exports through the dialog, as a user does; the time is click to download. */
async function exportVector(
  p: Page,
  w: Words,
  format: 'PDF' | 'SVG',
  pageName: RegExp,
  title: string,
  save: string,
): Promise<{ buf: Buffer; name: string; ms: number }> {
  await p.getByRole('button', { name: w.toolbar_export, exact: true }).click();
  const dialog = p.getByRole('dialog', { name: w.export_dialog_title });
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  await dialog.getByRole('radio', { name: pageName }).check();
  await dialog.getByLabel(w.export_field_title, { exact: true }).fill(title);
  await dialog.screenshot({ path: save.replace(/\.(pdf|svg)$/, '-dialog.png') });
  const button = format === 'PDF' ? w.export_download_pdf : w.export_download_svg;
  const t0 = Date.now();
  const [download] = await Promise.all([
    p.waitForEvent('download', { timeout: EXPORT_WAIT }),
    dialog.getByRole('button', { name: button }).click(),
  ]);
  await download.saveAs(save);
  const ms = Date.now() - t0;
  await dialog.getByTestId('export-result').waitFor();
  await dialog.getByRole('button', { name: w.export_close }).click();
  return { buf: readFileSync(save), name: download.suggestedFilename(), ms };
}

interface PdfObject {
  dict: string;
  stream: Uint8Array | null;
}

/** The PDF's objects: each one's dictionary and its stream, inflated when FlateDecode. */
function pdfObjects(buf: Buffer): PdfObject[] {
  const text = buf.toString('latin1');
  const out: PdfObject[] = [];
  const re = /\d+ 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      out.push({ dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = m.index + m[0].indexOf(body) + at + 'stream'.length;
    const skip = text[start] === '\r' ? 2 : 1;
    const end = text.lastIndexOf('endstream', m.index + m[0].length);
    let raw = new Uint8Array(buf.subarray(start + skip, end));
    while (raw.length && (raw.at(-1) === 0x0a || raw.at(-1) === 0x0d)) raw = raw.subarray(0, -1);
    out.push({ dict, stream: /FlateDecode/.test(dict) ? unzlibSync(raw) : raw });
  }
  return out;
}

/** The object number of the i-th object in the file. */
function objectNumber(buf: Buffer, i: number): number {
  const numbers = [...buf.toString('latin1').matchAll(/(\d+) 0 obj/g)].map((m) => Number(m[1]));
  return numbers[i]!;
}

/** Glyph id → text, from a ToUnicode CMap (bfchar and bfrange entries). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, g, u] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(g!, 16), hex(u!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, a, b, u] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
    ))
      for (let g = parseInt(a!, 16); g <= parseInt(b!, 16); g++)
        map.set(g, String.fromCodePoint(parseInt(u!, 16) + g - parseInt(a!, 16)));
  return map;
}

/** Every string shown on the page (Tj/TJ hex glyph strings), read through each font's map. */
function pageTexts(objects: PdfObject[]): string[] {
  const latin = (s: Uint8Array) => Buffer.from(s).toString('latin1');
  const cmaps = objects
    .filter((o) => o.stream && /begincmap/.test(latin(o.stream)))
    .map((o) => toUnicode(latin(o.stream!)));
  const shown = objects
    .filter((o) => o.stream && /\bT[Jj]\b/.test(latin(o.stream)))
    .flatMap((o) => [...latin(o.stream!).matchAll(/<([0-9a-fA-F]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)])
    .map((m) => m[1] ?? [...m[2]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]).join(''));
  return cmaps.flatMap((cmap) =>
    shown.map((h) =>
      (h.match(/.{4}/g) ?? []).map((g) => cmap.get(parseInt(g, 16)) ?? '\u0000').join(''),
    ),
  );
}

const mediaBox = (objects: PdfObject[]) =>
  objects
    .map((o) => o.dict.match(/\/MediaBox\s*\[\s*([\d.\s]+)\]/)?.[1])
    .filter(Boolean)
    .map((b) => b!.trim().split(/\s+/).map(Number));

/** Distinct fonts embedded as TrueType programs, by their BaseFont names. */
function embeddedFonts(objects: PdfObject[]): { names: string[]; programs: number[] } {
  const names = objects
    .filter((o) => /\/FontFile2/.test(o.dict))
    .map((o) => o.dict.match(/\/FontName\s*\/([^\s/>]+)/)?.[1] ?? '');
  const programRefs = objects
    .map((o) => o.dict.match(/\/FontFile2\s+(\d+) 0 R/)?.[1])
    .filter(Boolean)
    .map(Number);
  return { names, programs: programRefs };
}

describe('PDF export', () => {
  test(
    'A4 landscape: %PDF-, Noto Sans embedded, the title as text, timed',
    async () => {
      const title = 'Kivu: drawdown, phase 2';
      const { buf, name, ms } = await exportVector(
        page,
        en,
        'PDF',
        /^A4 landscape/,
        title,
        `${SHOTS}/vector-a4.pdf`,
      );
      console.log(`A4 PDF at 300 dpi: ${ms} ms, ${Math.round(buf.length / 1024)} kB`);
      expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(name).toBe('drawdown-map_2024-07-15_kivu-drawdown-phase-2.pdf');
      const objects = pdfObjects(buf);
      // Two faces of Noto Sans (jsPDF names both by their family), each a TrueType program
      // (subset to the glyphs used): inflated, it starts with the sfnt version 1.0.
      const fonts = embeddedFonts(objects);
      expect(fonts.names.filter((n) => /^Noto(#20)?Sans/.test(n)).length).toBeGreaterThanOrEqual(2);
      const programs = objects.filter(
        (o, i) => fonts.programs.includes(objectNumber(buf, i)) && o.stream,
      );
      expect(programs.length).toBeGreaterThanOrEqual(2);
      for (const p of programs) expect([...p.stream!.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      // The bold face's name table says so (UTF-16).
      const bold = Buffer.from('\u0000B\u0000o\u0000l\u0000d', 'latin1');
      expect(programs.some((p) => Buffer.from(p.stream!).includes(bold))).toBe(true);
      const texts = pageTexts(objects);
      expect(texts).toContain(title);
      expect(texts.some((t) => t.includes('Data as of'))).toBe(true);
      expect(texts).toContain('15 July 2024');
      expect(mediaBox(objects)[0]).toEqual([0, 0, 841.89, 595.28]);
      expect(ms).toBeLessThanOrEqual(A4_PDF_MS);
    },
    SLOW,
  );

  test.each([
    { label: /^A3 landscape/, box: [0, 0, 1190.55, 841.89], file: 'vector-a3.pdf' },
    { label: /^Slide 16:9/, box: [0, 0, 960, 540], file: 'vector-slide.pdf' },
  ])(
    '$file: page box $box',
    async ({ label, box, file }) => {
      const { buf } = await exportVector(page, en, 'PDF', label, 'Page sizes', `${SHOTS}/${file}`);
      expect(mediaBox(pdfObjects(buf))[0]).toEqual(box);
    },
    SLOW,
  );
});

describe('SVG export', () => {
  test(
    'the title is a <text> element; fonts inside; drawn in the page',
    async () => {
      const title = 'Ituri & Nord-Kivu <2024>';
      const { buf, name } = await exportVector(
        page,
        en,
        'SVG',
        /^A4 landscape/,
        title,
        `${SHOTS}/vector-a4.svg`,
      );
      expect(name).toBe('drawdown-map_2024-07-15_ituri-nord-kivu-2024.svg');
      const svg = buf.toString('utf8');
      const found = await page.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
        const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
        return {
          error: doc.querySelector('parsererror') !== null,
          root: doc.documentElement.localName,
          texts,
          faces: (doc.querySelector('style')?.textContent ?? '').match(/@font-face/g)?.length ?? 0,
          images: doc.querySelectorAll('image').length,
        };
      }, svg);
      expect(found.error).toBe(false);
      expect(found.root).toBe('svg');
      expect(found.texts).toContain(title);
      expect(found.texts.some((t) => t.startsWith('Sources: Data as of'))).toBe(true);
      expect(found.faces).toBeGreaterThanOrEqual(2);
      expect(found.images).toBeGreaterThanOrEqual(1);
      const view = await newPage(browser, 1400, 1000);
      await view.setContent(
        `<img alt="" style="width:1400px" src="data:image/svg+xml;base64,${buf.toString('base64')}">`,
      );
      await view.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await view.screenshot({ path: `${SHOTS}/vector-a4-svg.png` });
      await view.close();
    },
    SLOW,
  );
});

describe('in French', () => {
  test(
    'PDF and SVG: the frame in French, accents as text',
    async () => {
      const p = await newPage(browser);
      await openAt(p, baseUrl, '#date=2024-07-15&lang=fr');
      const title = 'Équateur : retrait « phase 2 »';
      const pdf = await exportVector(
        p,
        fr,
        'PDF',
        /^A4 paysage/,
        title,
        `${SHOTS}/vector-a4-fr.pdf`,
      );
      const texts = pageTexts(pdfObjects(pdf.buf));
      expect(texts).toContain(title);
      expect(texts.some((t) => t.includes('Données à jour au'))).toBe(true);
      const svg = await exportVector(
        p,
        fr,
        'SVG',
        /^A4 paysage/,
        title,
        `${SHOTS}/vector-a4-fr.svg`,
      );
      expect(svg.buf.toString('utf8')).toContain('retrait « phase 2 »');
      const view = await newPage(browser, 1400, 1000);
      await view.setContent(
        `<img alt="" style="width:1400px" src="data:image/svg+xml;base64,${svg.buf.toString('base64')}">`,
      );
      await view.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await view.screenshot({ path: `${SHOTS}/vector-a4-fr-svg.png` });
      await view.close();
      await p.close();
    },
    SLOW,
  );
});

describe("a slide's callout in the exports", () => {
  test(
    'written in the Slides panel, it is text in the PDF and a <text> in the SVG',
    async () => {
      const note = 'Goma falls, 28 Jan';
      const p = await newPage(browser);
      try {
        await openAt(p, baseUrl, '#date=2025-02-15&sel=goma');
        await p.getByRole('button', { name: en.toolbar_slides, exact: true }).click();
        const panel = p.getByRole('region', { name: en.toolbar_slides });
        await panel.getByRole('button', { name: 'Add current map as slide' }).click();
        await panel.getByRole('button', { name: 'Add callout to slide 1' }).click();
        const form = panel.getByRole('form', { name: 'Callout on slide 1' });
        await form.getByRole('textbox', { name: en.callouts_text }).fill(note);
        await form.getByRole('button', { name: en.callouts_save }).click();
        // Saved and shown: the map draws the slide's callouts, which the exports take.
        await p
          .getByRole('group', { name: en.callouts_title, exact: true })
          .getByText(note)
          .waitFor();
        const pdf = await exportVector(
          p,
          en,
          'PDF',
          /^Slide 16:9/,
          'Callout',
          `${SHOTS}/vector-callout.pdf`,
        );
        const texts = pageTexts(pdfObjects(pdf.buf));
        expect(texts).toContain(note);
        const svg = await exportVector(
          p,
          en,
          'SVG',
          /^Slide 16:9/,
          'Callout',
          `${SHOTS}/vector-callout.svg`,
        );
        const inSvg = await p.evaluate((s) => {
          const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
          const box = (r: Element | null) =>
            r ? ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))) : [0, 0, 0, 0];
          return {
            texts: [...doc.querySelectorAll('g.callout text')].map((t) => t.textContent ?? ''),
            callout: box(doc.querySelector('g.callout rect')),
            // The legend's box: the one white panel drawn see-through over the map.
            legend: box(doc.querySelector('rect[fill-opacity="0.93"]')),
          };
        }, svg.buf.toString('utf8'));
        expect(inSvg.texts).toEqual([note]);
        // Goma's box, up and right of it, would run under the legend: it is kept left of it.
        const [cx, , cw] = inSvg.callout;
        const [lx, , lw] = inSvg.legend;
        expect(lw).toBeGreaterThan(0);
        expect(cx! + cw!).toBeLessThanOrEqual(lx!);
      } finally {
        await p.close();
      }
    },
    SLOW,
  );
});

describe('callouts', () => {
  test('a fixture page with two callouts: leader, box and text, drawn in the page', async () => {
    const s = pageSize('slide');
    const notes: Callout[] = [
      { text: 'Goma falls, 28 Jan', anchor: [2600, 900], label: [2000, 500] },
      {
        text: 'Bukavu: the base is handed over, and the note wraps',
        anchor: [2500, 1300],
        label: [1500, 1500],
      },
    ];
    const svg = svgFrame({
      width: s.width,
      height: s.height,
      mm: s.mm,
      text: { ...FIXTURE_TEXT, title: 'Callouts' },
      legend: [],
      map: { href: PIXEL, zoom: 6, lat: -1.6, pr: 3, bearing: 0 },
      callouts: notes,
    });
    const view = await newPage(browser, 1400, 800);
    await view.setContent(svg.replace('<svg ', '<svg style="width:1400px;height:auto" '));
    const boxes = await view.evaluate(() =>
      [...document.querySelectorAll('g.callout')].map((g) => {
        const [rect, text] = [g.querySelector('rect')!, g.querySelector('text')!];
        const r = rect.getBoundingClientRect();
        const t = text.getBoundingClientRect();
        return {
          inside: t.left >= r.left && t.right <= r.right + 1 && t.top >= r.top,
          lines: g.querySelectorAll('text').length,
        };
      }),
    );
    expect(boxes).toEqual([
      { inside: true, lines: 1 },
      { inside: true, lines: 2 },
    ]);
    await view.screenshot({ path: `${SHOTS}/vector-callouts.png` });
    await view.close();
  });
});
