/**
 * Reads an imported scenario or deck file off the main thread: JSON.parse and validation of a
 * file near the size limit take long enough to freeze the page (issue 27). Pure domain code;
 * the result is posted back as it is (plain data).
 */
import { parseDeckJson } from '../domain/slideDeck.ts';
import { parseScenarioJson } from '../domain/userScenario.ts';
import type { ParseRequest } from './parseOffThread.ts';

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
    self.postMessage({ ok: false, errors: [`could not be read (${String(err)})`] });
  }
};
