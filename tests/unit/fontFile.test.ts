import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { zlibSync } from 'fflate';
import { base64Of, tableChecksum, woffToSfnt } from '../../src/lib/export/fontFile.ts';

const fontPath = (name: string) =>
  createRequire(import.meta.url).resolve(`@fontsource/noto-sans/files/${name}`);

/** The sfnt's table records: tag, checksum, offset, length. */
function tables(sfnt: Uint8Array) {
  const v = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  return Array.from({ length: v.getUint16(4) }, (_, i) => {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(at, at + 4));
    return {
      tag,
      checksum: v.getUint32(at + 4),
      offset: v.getUint32(at + 8),
      length: v.getUint32(at + 12),
    };
  });
}

/** A WOFF of one table, stored compressed or not: the smallest file the reader must take. */
function tinyWoff(data: Uint8Array, compress: boolean): Uint8Array {
  const stored = compress ? zlibSync(data) : data;
  const out = new Uint8Array(44 + 20 + stored.byteLength + 3);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x774f4646);
  v.setUint32(4, 0x00010000);
  v.setUint32(8, out.byteLength);
  v.setUint16(12, 1);
  out.set([0x6e, 0x61, 0x6d, 0x65], 44); // 'name'
  v.setUint32(48, 64);
  v.setUint32(52, stored.byteLength);
  v.setUint32(56, data.byteLength);
  v.setUint32(60, tableChecksum(data));
  out.set(stored, 64);
  return out;
}

describe('woffToSfnt', () => {
  test.each([
    { name: 'noto-sans-latin-400-normal.woff' },
    { name: 'noto-sans-latin-700-normal.woff' },
    { name: 'noto-sans-latin-ext-400-normal.woff' },
  ])('$name becomes a TrueType file whose tables match their checksums', ({ name }) => {
    const sfnt = woffToSfnt(new Uint8Array(readFileSync(fontPath(name))));
    const v = new DataView(sfnt.buffer);
    expect(v.getUint32(0)).toBe(0x00010000);
    const list = tables(sfnt);
    expect(list.map((t) => t.tag)).toEqual(
      expect.arrayContaining(['cmap', 'glyf', 'head', 'loca', 'name']),
    );
    expect(list.map((t) => t.tag)).toEqual([...list.map((t) => t.tag)].sort());
    for (const t of list) {
      expect(t.offset % 4).toBe(0);
      expect(t.offset + t.length).toBeLessThanOrEqual(sfnt.byteLength);
      // head's checksum is taken with its checkSumAdjustment field zeroed.
      if (t.tag !== 'head')
        expect(tableChecksum(sfnt.subarray(t.offset, t.offset + t.length))).toBe(t.checksum);
    }
  });

  test.each([
    { name: 'a compressed table', compress: true },
    { name: 'a table stored as is', compress: false },
  ])('$name comes back byte for byte', ({ compress }) => {
    const data = new TextEncoder().encode(
      'Noto Sans, a name table of no great length, repeated. '.repeat(4),
    );
    const sfnt = woffToSfnt(tinyWoff(data, compress));
    const [t] = tables(sfnt);
    expect(t!.tag).toBe('name');
    expect(sfnt.subarray(t!.offset, t!.offset + t!.length)).toEqual(data);
    expect(sfnt.byteLength % 4).toBe(0);
  });

  test.each([
    {
      name: 'a WOFF2 file',
      bytes: new TextEncoder().encode('wOF2' + '\0'.repeat(60)),
      error: /wOFF/,
    },
    { name: 'a short file', bytes: new Uint8Array(10), error: /wOFF/ },
    {
      name: 'a table past the end',
      bytes: tinyWoff(new Uint8Array(40), false).subarray(0, 80),
      error: /past the file/,
    },
  ])('$name is refused', ({ bytes, error }) => {
    expect(() => woffToSfnt(bytes)).toThrow(error);
  });
});

describe('base64Of', () => {
  test.each([
    { bytes: [], expected: '' },
    { bytes: [0x4e, 0x6f, 0x74, 0x6f], expected: 'Tm90bw==' },
  ])('$bytes → $expected', ({ bytes, expected }) => {
    expect(base64Of(new Uint8Array(bytes))).toBe(expected);
  });

  test('a buffer longer than one chunk round-trips', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 255);
    expect(Buffer.from(base64Of(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
