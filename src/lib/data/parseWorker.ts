/**
 * Reads an imported scenario or deck file off the main thread: JSON.parse and validation of a
 * file near the size limit take long enough to freeze the page (issue 27). Pure domain code;
 * the result is posted back as it is (plain data).
 */
import { parseDeckJson } from '../domain/slideDeck.ts';
import { parseScenarioJson } from '../domain/userScenario.ts';
import type { ParseRequest } from './parseOffThread.ts';
import type { Said } from '../domain/problems.ts';

self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const r = e.data;
  try {
    self.postMessage(
      r.kind === 'deck'
        ? parseDeckJson(r.text)
        : parseScenarioJson(r.text, new Set(r.siteIds), 'import'),
    );
  } catch (err) {
    // The parsers return their problems; this is for the unforeseen, so the page never waits.
    const unreadable: Said = { code: 'unreadable', params: { detail: String(err) } };
    self.postMessage({ ok: false, errors: [unreadable] });
  }
};
