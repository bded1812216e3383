/**
 * Every data problem is reported the same way: which file, where in it, what is wrong and how
 * to fix it. Loaders return these instead of throwing bare strings, so the UI can list them.
 */
export interface DataIssue {
  file: string;
  /** 1-based line of the file (the header is line 1), when the problem is in one record. */
  line?: number;
  field?: string;
  value?: string;
  message: string;
  fix: string;
}

/** A load that cannot go on at all (missing file, wrong format); carries its issues. */
export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataError';
  }
}

/** One line a person can act on: "file, line 3, column lat ("abc"): not a number. Fix: …". */
export function formatIssue(i: DataIssue): string {
  const where = [
    i.file,
    i.line !== undefined ? `line ${i.line}` : '',
    i.field ? `column ${i.field}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const value = i.value !== undefined ? ` (${JSON.stringify(i.value)})` : '';
  return `${where}${value}: ${i.message}. Fix: ${i.fix}`;
}
