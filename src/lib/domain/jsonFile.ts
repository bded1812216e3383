/**
 * What the JSON files a user saves or imports (scenarios, slide decks) share: reading an
 * object from text, a YYYY-MM-DD day schema, and problems said with where they are.
 */
import * as v from 'valibot';
import { parseFuzzyDate } from './dates.ts';

/** A calendar day written YYYY-MM-DD. */
export const isoDay = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date written YYYY-MM-DD'),
  v.check((s) => typeof parseFuzzyDate(s, 'day') !== 'string', 'is not a real calendar date'),
);

/** The JSON object in `text`, or why not; `what` names what the file should hold. */
export function readJsonObject(
  text: string,
  what: string,
): { ok: true; json: object } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, errors: [`the file: is not ${what} (a JSON object)`] };
  return { ok: true, json };
}

/** Where in the JSON each problem is, and what it is (the first five). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.slice(0, 5).map((i) => {
    const path = (i.path ?? []).map((p) => String(p.key)).join('.');
    return `${path || 'the file'}: ${i.message}`;
  });
}

/**
 * The largest scenario or slide-deck file an import reads. Real ones are a few kB; a valid
 * 52 MB scenario froze the tab for 8 minutes (issue 27), so anything this big is refused before
 * it is read.
 */
export const MAX_IMPORT_BYTES = 10_000_000;

/** A byte count for people: "812 bytes", "4.2 kB", "52.4 MB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')} kB`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file is too large to import (naming it, its size and the limit), or null. */
export function checkImportSize(
  file: { name: string; size: number },
  limit = MAX_IMPORT_BYTES,
): string | null {
  if (file.size <= limit) return null;
  return `Not imported: ${file.name} is ${formatBytes(file.size)}, over the ${formatBytes(limit)} limit for imports. Scenario and slide files are a few kB; check it is the file you exported.`;
}
