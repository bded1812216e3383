/** The byte-level CSV reader's options for a sniffed file (the worker's and the row view's). */
import type { Sniffed } from './types.ts';

const DELIMITER_BYTE = { ',': 44, ';': 59, '\t': 9 } as const;

/** Options for CsvByteReader; UTF-16 files reach it already turned into UTF-8. */
export function readerOptions(s: Sniffed, startOffset: number) {
  return {
    delimiter: DELIMITER_BYTE[s.delimiter],
    encoding: s.encoding === 'windows-1252' ? ('windows-1252' as const) : ('utf-8' as const),
    startOffset,
  };
}
