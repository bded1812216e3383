/**
 * Column validators for the scenario CSVs, one valibot schema per kind of cell, each with the
 * fix a person should apply. Valibot: https://valibot.dev/guides/schemas/
 */
import * as v from 'valibot';
import { PROVINCES } from '../domain/provinces.ts';

/** A cell validator: raw text in, typed value out, and the fix to print when it fails. */
export interface Cell<T> {
  schema: v.GenericSchema<string, T>;
  fix: string;
}

const trimmed = v.pipe(v.string(), v.trim());
const ISO_CODES = PROVINCES.map((p) => p.iso);

/** Non-empty text. */
export const text = (fix = 'fill it in'): Cell<string> => ({
  schema: v.pipe(trimmed, v.nonEmpty('is empty')),
  fix,
});

/** Text that may be empty. */
export const optionalText: Cell<string> = { schema: trimmed, fix: '' };

/** A lowercase id: letters, digits and hyphens. */
export const id: Cell<string> = {
  schema: v.pipe(
    trimmed,
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not an id of lowercase letters, digits and hyphens'),
  ),
  fix: 'use an id such as "kananga-office"',
};

/** One value from a fixed list. */
export const oneOf = <T extends string>(options: readonly T[]): Cell<T> => ({
  schema: v.pipe(trimmed, v.picklist(options, 'is not an allowed value')),
  fix: `use one of: ${options.join(', ')}`,
});

/** Like oneOf, but empty means null. */
export const maybeOneOf = <T extends string>(options: readonly T[]): Cell<T | null> => ({
  schema: v.pipe(
    trimmed,
    v.union([v.literal(''), v.picklist(options)], 'is not an allowed value'),
    v.transform((s) => (s === '' ? null : (s as T))),
  ),
  fix: `leave it empty or use one of: ${options.join(', ')}`,
});

/** An ISO 3166-2 province code, e.g. CD-NK. */
export const province: Cell<string> = {
  schema: v.pipe(
    trimmed,
    v.picklist(ISO_CODES, 'is not the ISO 3166-2 code of one of the 26 provinces'),
  ),
  fix: 'use a code such as CD-NK (Nord-Kivu) or CD-SK (Sud-Kivu); see data/SOURCES.md',
};

/** A province code, or empty (null). */
export const maybeProvince: Cell<string | null> = {
  schema: v.pipe(
    trimmed,
    v.union([v.literal(''), v.picklist(ISO_CODES)], 'is not empty or a province code'),
    v.transform((s) => s || null),
  ),
  fix: 'use a code such as CD-NK, or leave it empty only for a site outside the DRC',
};

/** Province codes separated by ";" (may be empty: national). */
export const provinceList: Cell<string[]> = {
  schema: v.pipe(
    trimmed,
    v.transform((s) => (s ? s.split(';').map((x) => x.trim()) : [])),
    v.check(
      (xs) => xs.every((x) => ISO_CODES.includes(x)),
      'holds something that is not a province code',
    ),
  ),
  fix: 'list ISO codes separated by ";", e.g. "CD-KS;CD-KC"; leave it empty for national',
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A decimal number in [min, max]; empty is allowed (null) when optional. */
export const number = (
  min: number,
  max: number,
  optional: boolean,
  fix: string,
): Cell<number | null> => ({
  schema: v.pipe(
    trimmed,
    v.check(
      (s) => (optional && s === '') || NUMBER.test(s),
      optional ? 'is not a number' : 'is not a number (required)',
    ),
    v.transform((s) => (s === '' ? null : Number(s))),
    v.check((n) => n === null || (n >= min && n <= max), `is outside ${min} to ${max}`),
  ),
  fix,
});

/** A whole number ≥ 0, thousands separators not allowed. */
export const count = (optional: boolean): Cell<number | null> => ({
  schema: v.pipe(
    trimmed,
    v.check((s) => (optional && s === '') || /^\d+$/.test(s), 'is not a whole number'),
    v.transform((s) => (s === '' ? null : Number(s))),
  ),
  fix: optional
    ? 'write digits only (no spaces or commas), or leave it empty if unknown'
    : 'write digits only (no spaces or commas)',
});

/** Reads one cell; returns the value, or the problem text. */
export function readCell<T>(
  cell: Cell<T>,
  raw: string,
): { ok: true; value: T } | { ok: false; message: string } {
  const r = v.safeParse(cell.schema, raw);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, message: r.issues[0].message };
}
