/**
 * A streaming CSV reader over bytes, for large foreign files (RFC 4180,
 * https://www.rfc-editor.org/rfc/rfc4180, with LF, CRLF or a lone CR ending a line).
 *
 * Why bytes: each record keeps its byte offset and length in the file, so the map can read
 * one row back from the stored file (Blob.slice) and show it as the source wrote it, without
 * keeping the text of a 500 MB file in memory. The delimiter, the quote and the line breaks
 * are ASCII, and in UTF-8 and Windows-1252 an ASCII byte is always that character, so cutting
 * the bytes at them is exact; only the cells that are wanted are decoded to text.
 *
 * Like csv.ts, a broken quote costs one row: the row is reported by its line and reading
 * resumes on the next line. A record may not run over MAX_RECORD_BYTES, so a quote that
 * never closes cannot swallow the rest of the file.
 */
import type { ByteRecord } from './types.ts';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * The longest a record may be, line breaks inside quotes included. An event row is under a few
 * kilobytes (an ACLED row with its notes is about 500 bytes); a megabyte is a pasted document
 * or a quote left open. Past it the record is given up and reading resumes on its second line,
 * so an open quote costs that one row and at most a megabyte of extra scanning and memory.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Cells under this length are checked for ASCII and built without a TextDecoder call. */
const ASCII_FAST = 128;
/** Cells that were not UTF-8 kept by line, for the report; the rest are only counted. */
const NOT_UTF8_KEPT = 100;

/** How a CsvByteReader reads its file. */
export interface CsvByteReaderOptions {
  /** ',' (44), ';' (59) or tab (9). */
  delimiter: 44 | 59 | 9;
  encoding: 'utf-8' | 'windows-1252';
  /**
   * Bytes at the start of the file to pass over (its byte-order mark). Chunks are the file
   * from its first byte; offsets count from there.
   */
  startOffset?: number;
  /** Overrides MAX_RECORD_BYTES (tests). */
  maxRecordBytes?: number;
}

/** A cell read from a UTF-8 file that was not UTF-8, and was read as Windows-1252 instead. */
export interface NotUtf8 {
  line: number;
  /** 1-based, as in BrokenQuote. */
  cell: number;
}

/**
 * A record given up for a broken quote (as csv.ts reports it), with the file offset of its
 * first line so the line can be read back and shown as written.
 */
export interface BrokenRow {
  /** The line the quote opens on (1-based), and its cell (1-based). */
  line: number;
  cell: number;
  /** It closed, but not before the line's end, or text follows the closing quote. */
  closedLater: boolean;
  start: number;
}

/** A record longer than the limit with no open quote to blame: its line and file offset. */
export interface LongRow {
  line: number;
  start: number;
}

/** Streams a CSV file's bytes into records with their byte offsets; see the module comment. */
export class CsvByteReader {
  /** Broken quotes found so far: a quote that never closes costs its row only. */
  readonly broken: BrokenRow[] = [];
  /** Records longer than the limit without an open quote to blame, left out. */
  readonly tooLong: LongRow[] = [];
  /**
   * In a UTF-8 file, wanted cells whose bytes were not UTF-8 (the first NOT_UTF8_KEPT; all are
   * counted in notUtf8Count). Such a cell is read as Windows-1252, what a file that is not
   * UTF-8 most likely is, so a Latin-1 row in a UTF-8 file keeps its accents.
   */
  readonly notUtf8: NotUtf8[] = [];
  notUtf8Count = 0;

  private readonly delimiter: number;
  private readonly utf8: boolean;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly max: number;
  /** Bytes of the file still to pass over (the byte-order mark). */
  private toSkip: number;
  /** Bytes of an unfinished record kept from the last chunk (a copy). */
  private pending: Uint8Array | null = null;
  /** File offset of the first byte of the next buffer parsed. */
  private base = 0;
  /** Physical line (1-based) the next record starts on. */
  private line = 1;
  /** After a record given up: 1 passes over the rest of its line, 2 an LF after its CR. */
  private skip = 0;
  /** Cells in the header (the first record); -1 before it. */
  private headerCells = -1;
  private wanted: Uint8Array | null = null;
  // Per cell of the record being read: first byte, end, 0 plain / 1 quoted / 2 with "".
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private kinds = new Uint8Array(64);

  /** A reader for one file. */
  constructor(opts: CsvByteReaderOptions) {
    this.delimiter = opts.delimiter;
    this.utf8 = opts.encoding === 'utf-8';
    this.max = opts.maxRecordBytes ?? MAX_RECORD_BYTES;
    this.toSkip = opts.startOffset ?? 0;
  }

  /** Only these cell indices are decoded to text (others come back as ''); null = all. */
  setWanted(indices: readonly number[] | null): void {
    if (!indices) {
      this.wanted = null;
      return;
    }
    const wanted = new Uint8Array(indices.length ? Math.max(...indices) + 1 : 0);
    for (const i of indices) wanted[i] = 1;
    this.wanted = wanted;
  }

  /** Feeds the next chunk of bytes; calls onRecord for each complete record, in order. */
  push(chunk: Uint8Array, onRecord: (r: ByteRecord) => void): void {
    // A Node Buffer is a Uint8Array of another class; one class keeps byte reads monomorphic.
    if (chunk.constructor !== Uint8Array)
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.toSkip > 0) {
      const skipped = Math.min(this.toSkip, chunk.length);
      this.toSkip -= skipped;
      this.base += skipped;
      chunk = chunk.subarray(skipped);
    }
    if (chunk.length === 0) return;
    let buf = chunk;
    let from = 0;
    const pending = this.pending;
    if (pending) {
      this.pending = null;
      // The unfinished record most often ends on the chunk's first line: join only that line
      // to it, rather than copying the whole chunk behind it.
      const lf = chunk.indexOf(LF);
      if (lf >= 0 && lf + 1 < chunk.length) {
        const used = this.parse(join(pending, chunk.subarray(0, lf + 1)), 0, false, onRecord);
        if (used >= pending.length) {
          this.base += pending.length;
          from = used - pending.length;
        } else {
          this.base += used;
          buf = join(pending.subarray(used), chunk);
        }
      } else buf = join(pending, chunk);
    }
    const used = this.parse(buf, from, false, onRecord);
    // A copy: the caller may reuse its chunk.
    this.pending = used < buf.length ? buf.slice(used) : null;
    this.base += used;
  }

  /** End of file: flushes the last record (a file need not end with a line break). */
  end(onRecord: (r: ByteRecord) => void): void {
    const buf = this.pending ?? new Uint8Array(0);
    this.pending = null;
    this.base += this.parse(buf, 0, true, onRecord);
    this.skip = 0;
  }

  /**
   * Reads the records of `buf` from `from` (`this.base` is the file offset of buf[0]); returns
   * where the bytes not used yet begin (they wait for more).
   */
  private parse(
    buf: Uint8Array,
    from: number,
    eof: boolean,
    onRecord: (r: ByteRecord) => void,
  ): number {
    const n = buf.length;
    const d = this.delimiter;
    let starts = this.starts;
    let ends = this.ends;
    let kinds = this.kinds;
    let p = from;
    if (this.skip) {
      p = this.passLine(buf, from, eof);
      if (p < 0) return n;
    }
    // Next LF and CR at or after where they were last looked for (n: none in the buffer).
    let nextLf = -1;
    let nextCr = -1;
    while (p < n) {
      const start = p;
      const limit = start + this.max;
      // The window a record must fit in. Bytes past it are never looked at, so what the
      // reader decides does not depend on where the chunks happen to end.
      const limited = limit <= n;
      const end = limited ? limit : n;
      const atEof = eof && !limited;
      let nc = 0;
      let c = p;
      let breaks = 0;
      let spanCell = 0;
      // 0 ok, 1 needs more bytes, 2 too long, 3 broken quote.
      let status = 0;
      let badCell = 0;
      let closedLater = false;
      // Where the record's text ends and where the next record begins.
      let stop = 0;
      let next = 0;
      for (;;) {
        if (nc === kinds.length) {
          this.grow();
          ({ starts, ends, kinds } = this);
        }
        if (c < end && buf[c] === QUOTE) {
          let q = c + 1;
          let kind = 1;
          for (;;) {
            q = buf.indexOf(QUOTE, q);
            if (q < 0 || q >= end) {
              q = -1;
              break;
            }
            if (q + 1 < end) {
              if (buf[q + 1] !== QUOTE) break;
              kind = 2;
              q += 2;
              continue;
            }
            // The quote is the window's last byte: closing only if the file ends there.
            if (!atEof) q = -1;
            break;
          }
          if (q < 0) {
            if (atEof || limited) {
              status = 3;
              badCell = nc + 1;
            } else status = 1;
            break;
          }
          starts[nc] = c + 1;
          ends[nc] = q;
          kinds[nc] = kind;
          nc++;
          // Line breaks inside the quotes.
          let x = c + 1;
          for (;;) {
            if (nextLf < x) nextLf = indexOrEnd(buf, LF, x);
            if (nextCr < x) nextCr = indexOrEnd(buf, CR, x);
            const brk = nextLf < nextCr ? nextLf : nextCr;
            if (brk >= q) break;
            breaks++;
            spanCell ||= nc;
            x = buf[brk] === CR && buf[brk + 1] === LF ? brk + 2 : brk + 1;
          }
          c = q + 1;
          if (c === n && atEof) {
            stop = next = n;
            break;
          }
          const b = buf[c];
          if (b === d) {
            c++;
            continue;
          }
          if (b !== LF && b !== CR) {
            status = 3;
            badCell = nc;
            closedLater = true;
            break;
          }
          stop = c;
        } else {
          if (nextLf < c) nextLf = indexOrEnd(buf, LF, c);
          if (nextCr < c) nextCr = indexOrEnd(buf, CR, c);
          const brk = nextLf < nextCr ? nextLf : nextCr;
          const lineEnd = brk < end ? brk : end;
          let e = c;
          while (e < lineEnd && buf[e] !== d) e++;
          starts[nc] = c;
          ends[nc] = e;
          kinds[nc] = 0;
          nc++;
          if (e < lineEnd) {
            c = e + 1;
            continue;
          }
          if (brk < end) stop = e;
          else if (atEof) {
            stop = next = n;
            break;
          } else {
            status = limited ? 2 : 1;
            break;
          }
        }
        // A line break at `stop` ends the record.
        if (buf[stop] === LF) next = stop + 1;
        else if (stop + 1 < end) next = buf[stop + 1] === LF ? stop + 2 : stop + 1;
        else if (atEof) next = stop + 1;
        else status = limited ? 2 : 1;
        break;
      }
      if (status === 1) break;
      // A quote left open can close by chance at another row's quote, lines later; the
      // record then has the wrong number of cells, and the open quote is to blame.
      if (status === 0 && spanCell && this.headerCells >= 0 && nc !== this.headerCells) {
        status = 3;
        badCell = spanCell;
        closedLater = true;
      }
      if (status !== 0) {
        // A quote that spanned lines is the likelier culprit than one found after it.
        const line = this.line;
        const at = this.base + start;
        if (spanCell) this.broken.push({ line, cell: spanCell, closedLater: true, start: at });
        else if (status === 3) this.broken.push({ line, cell: badCell, closedLater, start: at });
        else this.tooLong.push({ line, start: at });
        this.line++;
        nextLf = nextCr = -1;
        p = this.passLine(buf, start, eof);
        if (p < 0) return n;
        continue;
      }
      const line = this.line;
      this.line += breaks + 1;
      p = next;
      if (this.isBlank(buf, nc)) continue;
      if (this.headerCells < 0) this.headerCells = nc;
      onRecord({
        line,
        start: this.base + start,
        length: stop - start,
        cells: this.decodeCells(buf, nc, line),
      });
    }
    return p;
  }

  /**
   * Passes over the rest of the line that `from` is on, its line break included; -1 when the
   * buffer ends first (the rest is passed over when it comes).
   */
  private passLine(buf: Uint8Array, from: number, eof: boolean): number {
    const n = buf.length;
    if (this.skip === 2) {
      this.skip = 0;
      return buf[from] === LF ? from + 1 : from;
    }
    const lf = indexOrEnd(buf, LF, from);
    const cr = indexOrEnd(buf, CR, from);
    const brk = lf < cr ? lf : cr;
    this.skip = 0;
    if (brk === n) {
      if (!eof) this.skip = 1;
      return -1;
    }
    if (brk === lf) return brk + 1;
    if (brk + 1 < n) return buf[brk + 1] === LF ? brk + 2 : brk + 1;
    if (!eof) this.skip = 2;
    return -1;
  }

  /** A record of empty or blank cells only (an empty line, or ";;;" below a spreadsheet). */
  private isBlank(buf: Uint8Array, nc: number): boolean {
    for (let i = 0; i < nc; i++) {
      for (let j = this.starts[i]!; j < this.ends[i]!; j++) {
        // ASCII white space: tab, LF, VT, FF, CR, space.
        const b = buf[j]!;
        if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
      }
    }
    return true;
  }

  private decodeCells(buf: Uint8Array, nc: number, line: number): string[] {
    const cells = new Array<string>(nc);
    const { wanted, starts, ends, kinds } = this;
    const all = wanted === null;
    const last = all ? nc : Math.min(nc, wanted.length);
    for (let i = 0; i < nc; i++) {
      if (!all && (i >= last || !wanted[i])) {
        cells[i] = '';
        continue;
      }
      const s = starts[i]!;
      const e = ends[i]!;
      let text = e - s < ASCII_FAST ? ascii(buf, s, e) : null;
      if (text === null) text = this.decode(buf.subarray(s, e), line, i + 1);
      cells[i] = kinds[i] === 2 ? text.replaceAll('""', '"') : text;
    }
    return cells;
  }

  private decode(bytes: Uint8Array, line: number, cell: number): string {
    if (!this.utf8) return windows1252(bytes);
    const text = this.decoder.decode(bytes);
    if (!text.includes('\uFFFD') || isUtf8(bytes)) return text;
    if (this.notUtf8.length < NOT_UTF8_KEPT) this.notUtf8.push({ line, cell });
    this.notUtf8Count++;
    return windows1252(bytes);
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}

/**
 * Text of bytes as the reader decodes its cells: Windows-1252, or UTF-8 where a stretch that is
 * not UTF-8 is read as Windows-1252 (so a row read back from the file shows what the map showed).
 */
export function decodeBytes(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252'): string {
  if (encoding === 'utf-8' && isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  return windows1252(bytes);
}

/**
 * Code points of bytes 0x80 to 0x9F in Windows-1252, from the WHATWG Encoding Standard's
 * index-windows-1252.txt (https://encoding.spec.whatwg.org/index-windows-1252.txt); bytes 0xA0
 * to 0xFF are the code points of the same number. Our own table, because Node's TextDecoder
 * reads these 32 bytes as Latin-1 (https://github.com/nodejs/node/issues/60888) and the tests
 * run in Node.
 */
const WINDOWS_1252_80 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  let text = '';
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes.push(b >= 0x80 && b < 0xa0 ? WINDOWS_1252_80[b - 0x80]! : b);
    // fromCharCode takes its codes as arguments: flush before the argument list grows large.
    if (codes.length === 4096) {
      text += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return text + String.fromCharCode(...codes);
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function indexOrEnd(buf: Uint8Array, byte: number, from: number): number {
  const i = buf.indexOf(byte, from);
  return i < 0 ? buf.length : i;
}

/**
 * Arrays of char codes by length, reused for each cell: fromCharCode takes a whole array, and
 * changing an array's length costs more than filling it.
 */
const CODES: number[][] = Array.from({ length: ASCII_FAST }, (_, n) =>
  new Array<number>(n).fill(0),
);

/** The text of bytes s..e (fewer than ASCII_FAST) when they are all ASCII, else null. */
function ascii(buf: Uint8Array, s: number, e: number): string | null {
  const n = e - s;
  const codes = CODES[n]!;
  for (let i = 0; i < n; i++) {
    const b = buf[s + i]!;
    if (b > 0x7f) return null;
    codes[i] = b;
  }
  return String.fromCharCode.apply(null, codes);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
