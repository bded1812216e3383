/**
 * Every rejected row of an import as a CSV a user can open beside their file and fix: file,
 * line, column, value as written, what is wrong and how to fix it, in the reader's language.
 */
import Papa from 'papaparse';
import { m } from '../../paraglide/messages.js';
import { safe } from '../domain/impactCsv.ts';
import type { Locale } from '../domain/locales.ts';
import { say } from '../domain/problems.ts';
import type { RowProblem } from './types.ts';

export type Place = 'line' | 'feature' | 'sheet-row';

/** What a row's number counts in its file, as a column head: a line, a feature, a sheet's row. */
export function placeWord(place: Place, locale?: Locale): string {
  const o = { locale };
  if (place === 'feature') return m.import_place_feature({}, o);
  if (place === 'sheet-row') return m.import_place_sheet_row({}, o);
  return m.import_csv_line({}, o);
}

/** The rejected rows of `file` as CSV text. */
export function rejectedCsv(
  file: string,
  problems: readonly RowProblem[],
  locale: Locale,
  place: Place = 'line',
): string {
  const o = { locale };
  const head = [
    m.import_csv_file({}, o),
    placeWord(place, locale),
    m.import_csv_field({}, o),
    m.import_csv_value({}, o),
    m.import_csv_problem({}, o),
    m.import_csv_fix({}, o),
  ];
  return Papa.unparse({
    fields: head,
    data: problems.map((p) => [
      safe(file),
      p.line,
      safe(p.field),
      safe(p.value),
      safe(say(p.problem, locale)),
      safe(say(p.fix, locale)),
    ]),
  });
}
