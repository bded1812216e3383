/**
 * A WOFF 1.0 font turned back into the TrueType (sfnt) file it wraps, for jsPDF's addFont,
 * which reads TrueType only. WOFF 1.0 keeps the sfnt's tables one by one, each zlib-compressed
 * when that made it smaller, behind a 44-byte header and a 20-byte entry per table
 * (https://www.w3.org/TR/WOFF/ §3–§5); the sfnt wants a 12-byte offset table, a 16-byte record
 * per table and each table on a 4-byte boundary (https://learn.microsoft.com/typography/opentype/spec/otff).
 * Pure: no DOM, so it runs in Node for its tests.
 */
import { unzlibSync } from 'fflate';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_RECORD = 16;

const pad4 = (n: number) => (n + 3) & ~3;

/** The TrueType/OpenType bytes inside a WOFF 1.0 file; throws on anything else. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < WOFF_HEADER || src.getUint32(0) !== WOFF_SIGNATURE)
    throw new Error('Not a WOFF 1.0 font (no wOFF signature)');
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = src.getUint32(at + 4);
    const compLength = src.getUint32(at + 8);
    const origLength = src.getUint32(at + 12);
    if (offset + compLength > woff.byteLength) throw new Error('WOFF table runs past the file');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(stored) : stored;
    if (data.byteLength !== origLength) throw new Error('WOFF table has the wrong length');
    return { tag: src.getUint32(at), checksum: src.getUint32(at + 16), data };
  });
  // Records sorted by tag, as the sfnt format asks; the WOFF directory is sorted already.
  tables.sort((a, b) => a.tag - b.tag);
  let size = SFNT_HEADER + SFNT_RECORD * numTables;
  const offsets = tables.map((t) => {
    const at = size;
    size += pad4(t.data.byteLength);
    return at;
  });
  const out = new Uint8Array(size);
  const dst = new DataView(out.buffer);
  // searchRange etc.: binary-search hints for the table directory.
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_RECORD;
    dst.setUint32(at, t.tag);
    dst.setUint32(at + 4, t.checksum);
    dst.setUint32(at + 8, offsets[i]!);
    dst.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offsets[i]!);
  });
  return out;
}

/** An sfnt table's checksum: the sum of its big-endian 32-bit words (zero-padded), mod 2³². */
export function tableChecksum(data: Uint8Array): number {
  const padded = new Uint8Array(pad4(data.byteLength));
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** Base64 of bytes, in chunks (a spread of a whole font overflows the call stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.byteLength; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
