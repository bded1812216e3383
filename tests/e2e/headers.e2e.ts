/**
 * What `npm start` serves: the security headers on the page and on its files
 * (src/pipeline/securityHeaders.ts, docs/deploying.md), the same policy in the page's <meta>
 * tag, no framing, and the app still loading under them without a request to another origin.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../browser.ts';
import { ready } from './helpers.ts';

const baseUrl = inject('baseUrl');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The three headers of a response, by name. */
async function securityHeaders(path: string) {
  const res = await fetch(new URL(path, baseUrl));
  expect(res.ok, path).toBe(true);
  return {
    csp: res.headers.get('content-security-policy'),
    nosniff: res.headers.get('x-content-type-options'),
    referrer: res.headers.get('referrer-policy'),
    body: await res.text(),
  };
}

describe('served safely', () => {
  test('the page, index.html, a script and the manifest carry the three headers', async () => {
    const page = await securityHeaders('/');
    const script = /<script type="module" crossorigin src="\.?\/?([^"]+)"/.exec(page.body)?.[1];
    expect(script, 'the page names its script').toBeTruthy();
    for (const path of ['/', '/index.html', `/${script}`, '/manifest.webmanifest']) {
      const h = await securityHeaders(path);
      expect(h.csp, path).toBe(`${CSP}; frame-ancestors 'none'`);
      expect(h.nosniff, path).toBe('nosniff');
      expect(h.referrer, path).toBe('no-referrer');
    }
  });

  test('the page carries the same policy, less frame-ancestors, in a <meta> tag', async () => {
    const page = await newPage(browser);
    await page.goto(baseUrl + '/');
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toBe(CSP);
    expect(await page.locator('meta[name=referrer]').getAttribute('content')).toBe('no-referrer');
    await page.close();
  });

  test('loads under the headers, asks nothing of another origin, breaks no rule', async () => {
    const page = await newPage(browser);
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(baseUrl + '/');
    await ready(page);
    const origin = new URL(baseUrl).origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('no other page may frame the app', async () => {
    const page = await newPage(browser);
    const blocked = page.waitForEvent('console', {
      predicate: (m) => /frame-ancestors/.test(m.text()),
      timeout: 30_000,
    });
    await page.setContent(`<iframe src="${baseUrl}/"></iframe>`);
    expect((await blocked).text()).toMatch(/frame-ancestors 'none'/);
    // The frame holds Chromium's error page, not the app.
    const child = page.frames().find((f) => f !== page.mainFrame());
    expect(await child?.locator('#app').count()).toBe(0);
    await page.close();
  });
});
