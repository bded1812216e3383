/**
 * One row of an imported file read back from the stored file, as its source wrote it: the
 * columns it stores are a few; the analyst asking "what does ACLED say about this event?"
 * wants them all, notes and source included.
 */
import { CsvByteReader } from './csvBytes.ts';
import { readerOptions } from './readerOptions.ts';
import type { Sniffed } from './types.ts';

/** The cells of the record at [start, start + length) of `file`. */
export async function sourceRow(
  file: Blob,
  start: number,
  length: number,
  sniffed: Sniffed,
): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(start, start + length).arrayBuffer());
  // The slice starts at the row: nothing to skip.
  const reader = new CsvByteReader(readerOptions(sniffed, 0));
  let cells: string[] = [];
  const take = (r: { cells: string[] }) => void (cells = r.cells);
  reader.push(bytes, take);
  reader.end(take);
  return cells;
}
