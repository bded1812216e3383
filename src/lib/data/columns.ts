/**
 * Column validators for the scenario CSVs, one valibot schema per kind of cell, each with the
 * fix a person should apply. Valibot: https://valibot.dev/guides/schemas/
 * A schema's messages are problem codes (problems.ts), never words: the words are the reader's.
 */
import * as v from 'valibot';
import { PROVINCES } from '../domain/provinces.ts';
import type { Params, ProblemCode, Said } from '../domain/problems.ts';

/** A cell validator: raw text in, typed value out, and the fix to print when it fails. */
export interface Cell<T> {
  schema: v.GenericSchema<string, T>;
  fix: Said;
  /** Parameters of the schema's problems (a range's limits). */
  params?: Params;
  /**
   * The column may be left out of the header; its cells then read as empty. Only for columns
   * added after a format was published, so files written before them still load.
   */
  optionalColumn?: true;
}

/** The same cell, in a column a file may leave out (Cell.optionalColumn). */
export const mayOmit = <T>(cell: Cell<T>): Cell<T> => ({ ...cell, optionalColumn: true });

/** A problem code as a valibot message. */
const code = (c: ProblemCode) => c;

const trimmed = v.pipe(v.string(), v.trim());
const ISO_CODES = PROVINCES.map((p) => p.iso);

/** Non-empty text. */
export const text = (fix: Said = { code: 'fix_fill_in' }): Cell<string> => ({
  schema: v.pipe(trimmed, v.nonEmpty(code('is_empty'))),
  fix,
});

/** Text that may be empty. */
export const optionalText: Cell<string> = { schema: trimmed, fix: { code: 'fix_fill_in' } };

/** A lowercase id: letters, digits and hyphens. */
export const id: Cell<string> = {
  schema: v.pipe(trimmed, v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, code('not_id'))),
  fix: { code: 'fix_id' },
};

/** One value from a fixed list. */
export const oneOf = <T extends string>(options: readonly T[]): Cell<T> => ({
  schema: v.pipe(trimmed, v.picklist(options, code('not_allowed'))),
  fix: { code: 'fix_one_of', params: { options: options.join(', ') } },
});

/** Like oneOf, but empty means null. */
export const maybeOneOf = <T extends string>(options: readonly T[]): Cell<T | null> => ({
  schema: v.pipe(
    trimmed,
    v.union([v.literal(''), v.picklist(options)], code('not_allowed')),
    v.transform((s) => (s === '' ? null : (s as T))),
  ),
  fix: { code: 'fix_empty_or_one_of', params: { options: options.join(', ') } },
});

/** An ISO 3166-2 province code, e.g. CD-NK. */
export const province: Cell<string> = {
  schema: v.pipe(trimmed, v.picklist(ISO_CODES, code('not_province'))),
  fix: { code: 'fix_province' },
};

/** A province code, or empty (null). */
export const maybeProvince: Cell<string | null> = {
  schema: v.pipe(
    trimmed,
    v.union([v.literal(''), v.picklist(ISO_CODES)], code('not_empty_or_province')),
    v.transform((s) => s || null),
  ),
  fix: { code: 'fix_maybe_province' },
};

/** Province codes separated by ";" (may be empty: national). */
export const provinceList: Cell<string[]> = {
  schema: v.pipe(
    trimmed,
    v.transform((s) => (s ? s.split(';').map((x) => x.trim()) : [])),
    v.check((xs) => xs.every((x) => ISO_CODES.includes(x)), code('not_province_list')),
  ),
  fix: { code: 'fix_province_list', params: { sep: ';', example: 'CD-KS;CD-KC' } },
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A decimal number in [min, max]; empty is allowed (null) when optional. */
export const number = (
  min: number,
  max: number,
  optional: boolean,
  fix: Said,
): Cell<number | null> => ({
  schema: v.pipe(
    trimmed,
    v.check(
      (s) => (optional && s === '') || NUMBER.test(s),
      code(optional ? 'not_number' : 'not_number_required'),
    ),
    v.transform((s) => (s === '' ? null : Number(s))),
    v.check((n) => n === null || (n >= min && n <= max), code('outside_range')),
  ),
  fix,
  params: { min, max },
});

/** A whole number ≥ 0, thousands separators not allowed. */
export const count = (optional: boolean): Cell<number | null> => ({
  schema: v.pipe(
    trimmed,
    v.check((s) => (optional && s === '') || /^\d+$/.test(s), code('not_whole_number')),
    v.transform((s) => (s === '' ? null : Number(s))),
  ),
  fix: { code: optional ? 'fix_digits_or_empty' : 'fix_digits' },
});

/** Reads one cell; returns the value, or the problem (its code, with the cell's parameters). */
export function readCell<T>(
  cell: Cell<T>,
  raw: string,
): { ok: true; value: T } | { ok: false; message: Said } {
  const r = v.safeParse(cell.schema, raw);
  if (r.success) return { ok: true, value: r.output };
  const message = r.issues[0].message as ProblemCode;
  return {
    ok: false,
    message: cell.params ? { code: message, params: cell.params } : { code: message },
  };
}
