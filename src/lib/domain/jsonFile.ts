/**
 * What the JSON files a user saves or imports (scenarios, slide decks) share: reading an
 * object from text, a YYYY-MM-DD day schema, and problems said with where they are.
 */
import * as v from 'valibot';
import type { ProblemCode, Said } from './problems.ts';
import { parseFuzzyDate } from './dates.ts';

/**
 * A problem code as a valibot message: the schemas of the JSON files say what is wrong by
 * code, and `describeIssues` adds the limit (`max`, `expected`) from the issue itself.
 */
export const code = (c: ProblemCode): ProblemCode => c;

/** A calendar day written YYYY-MM-DD. */
export const isoDay = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, code('not_iso_day')),
  v.check((s) => typeof parseFuzzyDate(s, 'day') !== 'string', code('not_real_day')),
);

/** The JSON object in `text`, or why not; `what` names what the file should hold. */
export function readJsonObject(
  text: string,
  what: 'not_scenario_object' | 'not_deck_object',
): { ok: true; json: object } | { ok: false; errors: Said[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // The parser's own words (the JS engine's, in English) are kept as a detail.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ code: 'not_json', params: { detail } }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, errors: [{ code: what, path: '' }] };
  return { ok: true, json };
}

/**
 * Where in the JSON each problem is, and what it is (the first five). A schema's own message
 * is a code; valibot's (a wrong type, a missing key) becomes `wrong_type`.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): Said[] {
  return issues.slice(0, 5).map((i): Said => {
    const path = (i.path ?? []).map((p) => String(p.key)).join('.');
    // Our codes are snake_case; valibot's own messages are sentences ("Invalid type: …").
    if (!/^[a-z][a-z_]*$/.test(i.message))
      return {
        code: 'wrong_type',
        params: { expected: i.expected ?? '?', received: i.received },
        path,
      };
    const max: Record<string, number> =
      typeof i.requirement === 'number' ? { max: i.requirement } : {};
    return { code: i.message as ProblemCode, params: { ...max, expected: i.expected ?? '' }, path };
  });
}

/**
 * The largest scenario or slide-deck file an import reads. Real ones are a few kB; a valid
 * 52 MB scenario froze the tab for 8 minutes (issue 27), so anything this big is refused before
 * it is read.
 */
export const MAX_IMPORT_BYTES = 10_000_000;

/**
 * A byte count for people, in `locale`'s words and digits: "812 bytes", "4.2 kB", "52.4 MB";
 * "4,2 ko" in French. Intl's units (https://tc39.es/ecma402/#table-sanctioned-single-unit-identifiers).
 */
export function formatBytes(n: number, locale = 'en'): string {
  const [value, unit] =
    n < 1000 ? [n, 'byte'] : n < 1_000_000 ? [n / 1000, 'kilobyte'] : [n / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Why a file is too large to import (naming it, its size and the limit), or null. */
export function checkImportSize(
  file: { name: string; size: number },
  limit = MAX_IMPORT_BYTES,
): Said | null {
  if (file.size <= limit) return null;
  return { code: 'too_large', params: { file: file.name, size: file.size, limit } };
}
