/**
 * Launches real Chromium with software WebGL2 (SwiftShader) for browser tests and the benchmark.
 * The binary comes from the npm package @sparticuz/chromium, so no apt step or browser download
 * is needed; CHROMIUM_PATH overrides it (e.g. /usr/bin/chromium).
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/** Flags: SwiftShader WebGL, and no background traffic of Chromium's own (it would be blocked). */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-quic',
  '--no-pings',
  '--font-render-hinting=none',
];

/** The Chromium executable: $CHROMIUM_PATH, else the one unpacked from @sparticuz/chromium. */
export async function chromiumPath(): Promise<string> {
  return process.env['CHROMIUM_PATH'] || (await chromium.executablePath());
}

/** A headless Chromium with WebGL2 via SwiftShader. */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A page as a briefer's laptop shows it: 1280×800, UTC so dates never shift with the host. */
export async function newPage(browser: Browser, width = 1280, height = 800): Promise<Page> {
  return browser.newPage({ viewport: { width, height }, timezoneId: 'UTC', locale: 'en-GB' });
}
