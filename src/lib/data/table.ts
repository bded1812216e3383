/**
 * Reads a CSV file into validated rows: the header must hold the expected columns, each cell
 * is checked by its column's validator, and every problem becomes a DataIssue naming the file,
 * line, column, value and fix. Rows with a problem are reported and left out; the rest load.
 * CSV parsing: Papa Parse (https://www.papaparse.com/docs).
 */
import Papa from 'papaparse';
import { readCell, type Cell } from './columns.ts';
import type { DataIssue } from './errors.ts';

export type Spec = Record<string, Cell<unknown>>;
export type RowOf<S extends Spec> = { [K in keyof S]: S[K] extends Cell<infer T> ? T : never };

export interface TableRow<S extends Spec> {
  line: number;
  values: RowOf<S>;
}

/** Parses text against a spec; returns the rows whose every cell is valid, and the issues. */
export function readTable<S extends Spec>(
  text: string,
  file: string,
  spec: S,
): { rows: TableRow<S>[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  for (const e of parsed.errors)
    issues.push({
      file,
      line: e.row !== undefined ? e.row + 1 : undefined,
      message: `CSV syntax: ${e.message}`,
      fix: 'check the quoting on that line: a cell with commas or quotes must be in double quotes, with inner quotes doubled',
    });
  const [header = [], ...body] = parsed.data;
  const names = header.map((h) => h.trim());
  const expected = Object.keys(spec);
  const missing = expected.filter((c) => !names.includes(c));
  if (missing.length) {
    issues.push({
      file,
      line: 1,
      message: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      fix: `the first line must name the columns: ${expected.join(',')}`,
    });
    return { rows: [], issues };
  }
  const extra = names.filter((n) => !expected.includes(n));
  if (extra.length)
    issues.push({
      file,
      line: 1,
      message: `unknown column${extra.length > 1 ? 's' : ''} ${extra.join(', ')} ignored`,
      fix: `remove ${extra.length > 1 ? 'them' : 'it'} or check the spelling; expected: ${expected.join(',')}`,
    });
  const index = new Map(names.map((n, i) => [n, i]));
  const rows: TableRow<S>[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== names.length) {
      issues.push({
        file,
        line,
        message: `has ${cells.length} cells but the header has ${names.length}`,
        fix: 'put double quotes around any cell that contains a comma, e.g. "13,000 troops"',
      });
      return;
    }
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const [col, cell] of Object.entries(spec)) {
      const raw = cells[index.get(col)!] ?? '';
      const r = readCell(cell, raw);
      if (r.ok) values[col] = r.value;
      else {
        ok = false;
        issues.push({ file, line, field: col, value: raw, message: r.message, fix: cell.fix });
      }
    }
    if (ok) rows.push({ line, values: values as RowOf<S> });
  });
  return { rows, issues };
}
