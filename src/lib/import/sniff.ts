/**
 * What a foreign CSV is written in, guessed from its first bytes: the encoding (byte-order
 * mark, else the pattern of zero bytes, else whether the bytes are valid UTF-8), the delimiter
 * and whether numbers use a decimal comma.
 *
 * The byte-order marks are those of the WHATWG Encoding Standard's "BOM sniff"
 * (https://encoding.spec.whatwg.org/#bom-sniff). Excel reads a text file the same way: a mark
 * names the encoding, otherwise the PC's locale code page, Windows-1252 in western Europe
 * (https://wiki.scn.sap.com/wiki/display/ABAP/Excel+files+-+CSV+format). A French-locale Excel
 * writes ';' between cells because ',' is its decimal separator.
 */
import type { Encoding, Sniffed } from './types.ts';

type Delimiter = Sniffed['delimiter'];

const QUOTE = 0x22;
/** Records looked at for the delimiter and decimal comma: enough to see a pattern, cheap. */
const SNIFF_RECORDS = 20;
/** Zero bytes needed in one byte position of the pairs to call a file UTF-16 without a mark. */
const UTF16_ZERO_SHARE = 0.3;

/** The encoding of a file from its first bytes, and how many bytes of byte-order mark to skip. */
export function sniffEncoding(
  head: Uint8Array,
  complete = false,
): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16ByZeros(head);
  if (utf16) return { encoding: utf16, bom: 0 };
  return { encoding: isUtf8(head, complete) ? 'utf-8' : 'windows-1252', bom: 0 };
}

/**
 * UTF-16 without a mark: text that is mostly ASCII has a zero in the high byte of nearly
 * every pair, the second byte in little-endian and the first in big-endian. UTF-8 and
 * Windows-1252 text has no zero bytes at all.
 */
function utf16ByZeros(head: Uint8Array): Encoding | null {
  const pairs = head.length >> 1;
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (odd >= pairs * UTF16_ZERO_SHARE && even * 4 <= odd) return 'utf-16le';
  if (even >= pairs * UTF16_ZERO_SHARE && odd * 4 <= even) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8. A head cut from a longer file may end inside a character; a streaming decoder
 * holds back such an incomplete last sequence instead of refusing it. When the head is the
 * whole file (`complete`), an incomplete end is an error like any other.
 */
function isUtf8(head: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first records of `text` (at most `max`), each as its cells, read with `delimiter`:
 * RFC 4180 quoting, a quote opening a quoted cell only at the start of a cell. A record the
 * text cuts off (no line break after it) is left out unless it is the only one.
 */
function headRecords(text: string, delimiter: string, max: number): string[][] {
  const records: string[][] = [];
  const n = text.length;
  let p = 0;
  let cut = false;
  while (p < n && records.length < max) {
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        let closed = false;
        while (q < n) {
          if (text.charCodeAt(q) === QUOTE) {
            if (text.charCodeAt(q + 1) === QUOTE) {
              cell += '"';
              q += 2;
              continue;
            }
            closed = true;
            q++;
            break;
          }
          cell += text[q];
          q++;
        }
        if (!closed) cut = true;
        p = q;
      }
      while (p < n) {
        const ch = text[p];
        if (ch === delimiter || ch === '\n' || ch === '\r') break;
        cell += ch;
        p++;
      }
      cells.push(cell);
      cell = '';
      if (p >= n) break;
      if (text[p] === delimiter) {
        p++;
        continue;
      }
      p += text[p] === '\r' && text[p + 1] === '\n' ? 2 : 1;
      ended = true;
      break;
    }
    if (!ended) cut = true;
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push(cells);
  }
  if (cut && records.length > 1 && p >= n) records.pop();
  return records;
}

/**
 * The delimiter of a CSV from the text of its head. For each candidate, the header's cell
 * count sets the pattern and the score is the share of the following records that have the
 * same count; a candidate the header does not contain is out. The best score wins; on a tie
 * tab beats semicolon beats comma, because commas are common inside text and decimal
 * numbers, semicolons less so and tabs almost never. With no candidate in the header, comma.
 */
export function sniffDelimiter(headText: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of ['\t', ';', ','] as const) {
    const records = headRecords(headText, d, SNIFF_RECORDS);
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const rest = records.slice(1);
    const score = rest.length ? rest.filter((r) => r.length === width).length / rest.length : 1;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const DECIMAL_COMMA = /^[-+]?\d*,\d+(?:[eE][-+]?\d+)?$/;
const DECIMAL_DOT = /^[-+]?\d*\.\d+(?:[eE][-+]?\d+)?$/;

/**
 * Whether numbers are written with a decimal comma (`-1,6792`): the delimiter is not a comma,
 * some cells below the header are such numbers and none is a number with a decimal dot.
 */
export function sniffDecimalComma(headText: string, delimiter: Delimiter): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  for (const record of headRecords(headText, delimiter, SNIFF_RECORDS).slice(1)) {
    for (const raw of record) {
      const cell = raw.trim();
      if (DECIMAL_DOT.test(cell)) return false;
      if (DECIMAL_COMMA.test(cell)) comma++;
    }
  }
  return comma > 0;
}

/**
 * Encoding, byte-order mark, delimiter and decimal comma of a file from its first bytes
 * (`complete` when they are the whole file).
 */
export function sniff(head: Uint8Array, complete = false): Sniffed {
  const { encoding, bom } = sniffEncoding(head, complete);
  // A head cut inside a character: the streaming decode leaves that character out.
  const text = new TextDecoder(encoding).decode(head.subarray(bom), { stream: !complete });
  const delimiter = sniffDelimiter(text);
  return { encoding, bom, delimiter, decimalComma: sniffDecimalComma(text, delimiter) };
}
