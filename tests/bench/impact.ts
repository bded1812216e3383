/**
 * Impact recompute in headless Chromium: the domain code bundled by Vite and run in a blank
 * page, on the default data and on 1,000 sites × 10,000 places.
 */
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { loadDefaultData } from '../defaultData.ts';
import { summarise, type Summary } from './stats.ts';

export interface ImpactFigures {
  defaultImpactMs: Summary;
  defaultWithChangeMs: Summary;
  bigImpactMs: Summary;
  bigWithChangeMs: Summary;
}

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: 'tests/bench/impactEntry.ts', formats: ['iife'], name: 'impactBench' },
    },
  });
  const chunk = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  return chunk.output[0]!.code!;
}

export async function measureImpact(page: Page): Promise<ImpactFigures> {
  await page.setContent('<!doctype html><title>impact bench</title>');
  await page.addScriptTag({ content: await bundle() });
  const data = loadDefaultData();
  const day = 19754; // 2024-02-01
  const small = await page.evaluate(
    ([d, on]) => {
      const b = (window as unknown as { impactBench: typeof import('./impactEntry.ts') })
        .impactBench;
      b.time(d as never, on as number, 5); // warm-up
      return b.time(d as never, on as number, 30);
    },
    [{ sites: data.sites, hotspots: data.hotspots, places: data.places }, day] as const,
  );
  const big = await page.evaluate((on) => {
    const b = (window as unknown as { impactBench: typeof import('./impactEntry.ts') }).impactBench;
    const d = b.synthetic(1000, 10_000);
    b.time(d, on, 1);
    return b.time(d, on, 7);
  }, day);
  return {
    defaultImpactMs: summarise(small.impact),
    defaultWithChangeMs: summarise(small.full),
    bigImpactMs: summarise(big.impact),
    bigWithChangeMs: summarise(big.full),
  };
}
