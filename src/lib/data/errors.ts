/**
 * Every data problem is reported the same way: which file, where in it, what is wrong and how
 * to fix it. Loaders return these instead of throwing bare strings, so the UI can list them.
 * What is wrong and the fix are codes with their parameters (problems.ts), so the words follow
 * the reader's language, even after the problem was found.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import { say, type Said } from '../domain/problems.ts';

export interface DataIssue {
  file: string;
  /** 1-based line of the file (the header is line 1), when the problem is in one record. */
  line?: number;
  field?: string;
  value?: string;
  message: Said;
  fix: Said;
}

/** A load that cannot go on at all (missing file, wrong format); carries its issues. */
export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    // English, for logs and Node-side tools; the app shows `issues` in the reader's language.
    super(issues.map((i) => formatIssue(i, 'en')).join('\n'));
    this.name = 'DataError';
  }
}

/**
 * One line a person can act on: "file, line 3, column lat ("abc"): not a number. Fix: …", in
 * `locale` (the current language when omitted; `'en'` for the pipeline and the CLI).
 */
export function formatIssue(i: DataIssue, locale?: Locale): string {
  const o = locale ? { locale } : {};
  const where = [
    i.line !== undefined ? m.problem_issue_where({ file: i.file, line: i.line }, o) : i.file,
    i.field ? m.problem_issue_column({ field: i.field }, o) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const message = say(i.message, locale);
  const fix = say(i.fix, locale);
  return i.value !== undefined
    ? m.problem_issue_value({ where, value: JSON.stringify(i.value), message, fix }, o)
    : m.problem_issue({ where, message, fix }, o);
}
