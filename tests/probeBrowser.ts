/** Exits 0 if the test Chromium starts and gives WebGL2; used by .ci/run to pick a browser. */
import { launchBrowser } from './browser.ts';

const browser = await launchBrowser();
const page = await browser.newPage();
const renderer = await page.evaluate(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  return gl ? String(gl.getParameter(gl.VERSION)) : null;
});
console.log(`Chromium ${browser.version()}: ${renderer ?? 'no WebGL2'}`);
await browser.close();
process.exitCode = renderer ? 0 : 1;
