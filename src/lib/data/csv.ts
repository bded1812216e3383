/**
 * Our own CSV format (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): UTF-8, comma-separated,
 * a cell with a comma, quote or line break in double quotes, inner quotes doubled.
 *
 * Why not Papa Parse here: it guesses the delimiter (an unbalanced quote in sites.csv made it
 * pick ';'), and with the comma fixed an unterminated quote still swallows the rest of the file
 * into one cell. This reader knows the delimiter, and on a broken quote drops only the line the
 * quote opens on, reports it, and reads on from the next line. Other formats, when imports come
 * (issue 24), should sniff delimiter and encoding explicitly instead.
 */
/** One record: the physical line it starts on (1-based) and its cells. */
export interface CsvRecord {
  line: number;
  /** The last physical line the record covers (a quoted cell may span lines). */
  endLine: number;
  cells: string[];
}

/** A quote that does not close: the line it opens on, its cell (1-based), whether it closed. */
export interface BrokenQuote {
  line: number;
  cell: number;
  /** It closed, but not before the line's end, or text follows the closing quote. */
  closedLater: boolean;
}

/** Records and broken quotes of CSV text; rows of whitespace only are skipped. */
export function parseCsv(text: string): { records: CsvRecord[]; broken: BrokenQuote[] } {
  const records: CsvRecord[] = [];
  const brokenQuotes: BrokenQuote[] = [];
  const n = text.length;
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const nextLine = (from: number): number => {
    const i = text.indexOf('\n', from);
    return i < 0 ? n : i + 1;
  };
  while (p < n) {
    const start = line;
    const cells: string[] = [];
    let broken: BrokenQuote | null = null;
    // The first quoted cell of this record that runs over a line break.
    let spans: BrokenQuote | null = null;
    // One record: cells until an unquoted line break or the end.
    for (;;) {
      let cell = '';
      if (text[p] === '"') {
        const openLine = line;
        let q = p + 1;
        let closed = false;
        while (q < n) {
          const ch = text[q]!;
          if (ch === '"') {
            if (text[q + 1] === '"') {
              cell += '"';
              q += 2;
              continue;
            }
            closed = true;
            q++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          q++;
        }
        const after = text[q];
        if (!closed || (after !== undefined && after !== ',' && after !== '\n' && after !== '\r')) {
          broken = { line: openLine, cell: cells.length + 1, closedLater: closed };
          line = openLine;
          p = q;
          break;
        }
        if (line > openLine)
          spans ??= { line: openLine, cell: cells.length + 1, closedLater: true };
        p = q;
      } else {
        let q = p;
        while (
          q < n &&
          text[q] !== ',' &&
          text[q] !== '\n' &&
          !(text[q] === '\r' && text[q + 1] === '\n')
        )
          q++;
        cell = text.slice(p, q);
        p = q;
      }
      cells.push(cell);
      if (text[p] === ',') {
        p++;
        continue;
      }
      if (text[p] === '\r' && text[p + 1] === '\n') p += 2;
      else if (text[p] === '\n') p++;
      else if (text[p] === '\r') p++;
      break;
    }
    // A quote left open on one line can close on a later line by chance, at another row's
    // quote; the record then has the wrong number of cells, and the open quote is to blame.
    // A broken quote after such a cell is the same story.
    if (spans && (broken || (records.length && cells.length !== records[0]!.cells.length)))
      broken = spans;
    if (broken) {
      brokenQuotes.push(broken);
      // Read on from the line after the one the bad quote opened on.
      let q = 0;
      for (let l = 1; l <= broken.line; l++) q = nextLine(q);
      p = q;
      line = broken.line + 1;
      continue;
    }
    const endLine = line;
    if (cells.join('').trim() !== '') records.push({ line: start, endLine, cells });
    line = endLine + 1;
  }
  return { records, broken: brokenQuotes };
}

/** Where a line has bytes that are not UTF-8: the first bad byte and the text before it. */
export interface BadBytes {
  line: number;
  byte: number;
  before: string;
}

/**
 * Decodes UTF-8 strictly (https://developer.mozilla.org/docs/Web/API/TextDecoder/fatal): the
 * text (bad bytes become U+FFFD) and, for each line with bad bytes, where the first one is,
 * so they are reported instead of silently replaced.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; bad: BadBytes[] } {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, bad: [] };
  } catch {
    // Fall through: find the lines.
  }
  const bad: BadBytes[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const row = bytes.subarray(start, end);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(row);
    } catch {
      bad.push({ line, ...firstBadByte(row) });
    }
    start = end + 1;
  }
  return { text, bad };
}

function firstBadByte(row: Uint8Array): { byte: number; before: string } {
  // A streaming fatal decoder accepts an incomplete sequence and throws at the first byte that
  // cannot continue it.
  const d = new TextDecoder('utf-8', { fatal: true });
  // Where the sequence being read began: a byte that completes a character ends it.
  let lead = 0;
  try {
    for (let i = 0; i < row.length; i++)
      if (d.decode(row.subarray(i, i + 1), { stream: true })) lead = i + 1;
    d.decode();
  } catch {
    // lead is the first byte of the sequence the decoder refused.
  }
  const before = new TextDecoder('utf-8').decode(row.subarray(0, lead));
  return { byte: row[lead] ?? 0, before: before.slice(-30) };
}
