/**
 * Reads a CSV file into validated rows: the header must hold the expected columns, each cell
 * is checked by its column's validator, and every problem becomes a DataIssue naming the file,
 * line, column, value and fix. Rows with a problem are reported and left out; the rest load.
 * CSV parsing: our own reader (csv.ts), the comma fixed; bytes are decoded as strict UTF-8.
 */
import { decodeUtf8, parseCsv, type BadBytes } from './csv.ts';
import { readCell, type Cell } from './columns.ts';
import type { DataIssue } from './errors.ts';
import type { Said } from '../domain/problems.ts';

export type Spec = Record<string, Cell<unknown>>;
export type RowOf<S extends Spec> = { [K in keyof S]: S[K] extends Cell<infer T> ? T : never };

export interface TableRow<S extends Spec> {
  line: number;
  values: RowOf<S>;
}

const QUOTE_FIX: Said = { code: 'fix_quote', params: { example: '"He said ""no"""' } };

const UTF8_FIX: Said = { code: 'fix_utf8' };

/** The issue for a line with bytes that are not UTF-8, naming the cell when it is known. */
function badBytesIssue(file: string, b: BadBytes, field?: string, value?: string): DataIssue {
  const hex = `0x${b.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    file,
    line: b.line,
    ...(field !== undefined ? { field, value } : {}),
    message: b.before
      ? { code: 'bad_byte_after', params: { hex, before: b.before } }
      : { code: 'bad_byte', params: { hex } },
    fix: UTF8_FIX,
  };
}

/**
 * Parses a file (text, or bytes decoded as strict UTF-8) against a spec; returns the rows whose
 * every cell is valid, and the issues.
 */
export function readTable<S extends Spec>(
  input: string | Uint8Array,
  file: string,
  spec: S,
): { rows: TableRow<S>[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const { text, bad } = typeof input === 'string' ? { text: input, bad: [] } : decodeUtf8(input);
  const parsed = parseCsv(text);
  const badAt = new Map(bad.map((b) => [b.line, b]));
  const [first, ...body] = parsed.records;
  const header = first?.cells ?? [];
  const reported = new Set<number>();
  const badLine = (r: { line: number; endLine: number }) => {
    for (let l = r.line; l <= r.endLine; l++) if (badAt.has(l)) return badAt.get(l)!;
    return undefined;
  };
  const headerBytes = first && badLine(first);
  if (headerBytes) {
    issues.push(badBytesIssue(file, headerBytes));
    reported.add(headerBytes.line);
  }
  const names = header.map((h) => h.trim());
  for (const q of parsed.broken)
    issues.push({
      file,
      line: q.line,
      ...(q.line > 1 && names[q.cell - 1] ? { field: names[q.cell - 1] } : {}),
      message: {
        code: q.closedLater ? 'quote_not_closed_here' : 'quote_never_closed',
        params: { cell: q.cell },
      },
      fix: QUOTE_FIX,
    });
  const expected = Object.keys(spec);
  const missing = expected.filter((c) => !names.includes(c) && !spec[c]!.optionalColumn);
  if (missing.length) {
    issues.push({
      file,
      line: 1,
      message: {
        code: 'header_lacks',
        params: { count: missing.length, columns: missing.join(', ') },
      },
      fix: { code: 'fix_header', params: { expected: expected.join(',') } },
    });
    return { rows: [], issues };
  }
  const extra = names.filter((n) => !expected.includes(n));
  if (extra.length)
    issues.push({
      file,
      line: 1,
      message: {
        code: 'unknown_columns',
        params: { count: extra.length, columns: extra.join(', ') },
      },
      fix: {
        code: 'fix_unknown_columns',
        params: { count: extra.length, expected: expected.join(',') },
      },
    });
  const index = new Map(names.map((n, i) => [n, i]));
  const rows: TableRow<S>[] = [];
  for (const { line, endLine, cells } of body) {
    const b = badLine({ line, endLine });
    if (b) {
      // The row is left out: a name with a replaced letter would look right and be wrong.
      const at = cells.findIndex((c) => c.includes('\uFFFD'));
      issues.push(badBytesIssue(file, b, at >= 0 ? names[at] : undefined, cells[at]));
      reported.add(b.line);
      continue;
    }
    if (cells.length !== names.length) {
      issues.push({
        file,
        line,
        message: { code: 'cell_count', params: { cells: cells.length, header: names.length } },
        fix: { code: 'fix_cell_count', params: { example: '"13,000 troops"' } },
      });
      continue;
    }
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const [col, cell] of Object.entries(spec)) {
      const at = index.get(col);
      const raw = at === undefined ? '' : (cells[at] ?? '');
      const r = readCell(cell, raw);
      if (r.ok) values[col] = r.value;
      else {
        ok = false;
        issues.push({ file, line, field: col, value: raw, message: r.message, fix: cell.fix });
      }
    }
    if (ok) rows.push({ line, values: values as RowOf<S> });
  }
  // Bad bytes on a line no record starts on (a broken quote's line, a blank line).
  for (const b of bad) if (!reported.has(b.line)) issues.push(badBytesIssue(file, b));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, issues };
}
