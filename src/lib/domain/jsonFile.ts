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
