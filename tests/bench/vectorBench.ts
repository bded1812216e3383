/**
 * Vector exports for `npm run bench`: an A4 PDF at 300 dpi, an A3 PDF, and a 16:9 slide as PDF
 * and as SVG, each timed from the call to the file's bytes through the page's export hook
 * (window.__drawdown.exportVector, installed by the Export dialog), median of 5 after one
 * warm-up of each. Issue 25's target: the A4 PDF in 5 s or less.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { summarise, type Summary } from './stats.ts';

const RUNS = 5;

export interface VectorCase {
  what: string;
  format: 'pdf' | 'svg';
  page: string;
}

export const VECTOR_CASES: VectorCase[] = [
  { what: 'A4 landscape PDF, 300 dpi', format: 'pdf', page: 'a4' },
  { what: 'A3 landscape PDF, 300 dpi', format: 'pdf', page: 'a3' },
  { what: '16:9 slide PDF', format: 'pdf', page: 'slide' },
  { what: '16:9 slide SVG', format: 'svg', page: 'slide' },
];

export interface VectorFigures extends VectorCase {
  ms: Summary;
  /** The file's size in bytes (the last run's). */
  bytes: number;
  /** The layout's pixels: the map image is this size less the frame. */
  size: string;
}

/** One export through the hook, timed in the page (no download, no copy back to Node). */
function time(page: Page, c: VectorCase) {
  return page.evaluate(
    async ([format, p]) => {
      const t0 = performance.now();
      const r = await window.__drawdown!.exportVector!(format as 'pdf' | 'svg', p!);
      return { ms: performance.now() - t0, bytes: r.bytes, size: `${r.width} × ${r.height}` };
    },
    [c.format, c.page] as const,
  );
}

/** Each case in turn in one browser, as a user exporting several pages would. */
export async function measureVector(
  url: string,
  log: (line: string) => void = () => {},
): Promise<VectorFigures[]> {
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.goto(url + '/#date=2024-07-15');
    await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });
    // The Export dialog loads on first use and installs the hook: open it once, as a user would.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export the map' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => typeof window.__drawdown?.exportVector === 'function');
    const out: VectorFigures[] = [];
    for (const c of VECTOR_CASES) {
      await time(page, c); // warm-up: jsPDF and svg2pdf.js, the fonts, shaders at a new size
      const ms: number[] = [];
      let last = { bytes: 0, size: '' };
      for (let i = 0; i < RUNS; i++) {
        const r = await time(page, c);
        ms.push(r.ms);
        last = r;
      }
      out.push({ ...c, ms: summarise(ms), bytes: last.bytes, size: last.size });
      log(`  ${c.what}: median ${Math.round(summarise(ms).median)} ms`);
    }
    return out;
  } finally {
    await browser.close();
  }
}
