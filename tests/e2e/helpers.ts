/** Shared steps of the browser tests: open the built app at a hash and wait until it is drawn. */
import type { Page } from 'playwright-core';

/** Waits for the map, the data and the deck.gl sites layer to be drawn. */
export async function ready(page: Page) {
  await page.waitForSelector('[data-testid=map][data-status=ready]', { timeout: 60_000 });
  await page.getByText(/\d+ sites · \d+ hotspots/).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => {
    type L = { id: string; isLoaded: boolean };
    const o = window.__drawdown?.overlay as unknown as {
      _deck?: { layerManager?: { getLayers(): L[] } };
    } | null;
    return o?._deck?.layerManager?.getLayers().some((l) => l.id === 'sites' && l.isLoaded) ?? false;
  });
}

export async function openAt(page: Page, baseUrl: string, hash: string) {
  await page.goto(`${baseUrl}/${hash}`);
  await ready(page);
}
