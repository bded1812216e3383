/** The streaming byte-level CSV reader: records, offsets, lines and broken quotes, however chunked. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsv, type BrokenQuote } from '../../src/lib/data/csv.ts';
import {
  CsvByteReader,
  decodeBytes,
  type CsvByteReaderOptions,
} from '../../src/lib/import/csvBytes.ts';
import type { ByteRecord } from '../../src/lib/import/types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

/** A row left out, with the text of its first line read back from its offset. */
type Left<T> = T & { at: string };

interface Read {
  records: { line: number; raw: string; cells: string[] }[];
  broken: Left<BrokenQuote>[];
  tooLong: Left<{ line: number }>[];
  notUtf8: number;
}

/** The text from `start` to the end of its line. */
function lineAt(input: Uint8Array, start: number): string {
  let end = start;
  while (end < input.length && input[end] !== 0x0a && input[end] !== 0x0d) end++;
  return decodeBytes(input.subarray(start, end), 'utf-8');
}

/** Reads `input` fed in the given chunks; `raw` is the record's bytes at its offsets, as text. */
function read(
  input: Uint8Array,
  chunks: Uint8Array[],
  opts: Partial<CsvByteReaderOptions> = {},
  wanted: number[] | null = null,
): Read {
  const reader = new CsvByteReader({ delimiter: 44, encoding: 'utf-8', ...opts });
  reader.setWanted(wanted);
  const records: Read['records'] = [];
  const onRecord = (r: ByteRecord) =>
    records.push({
      line: r.line,
      raw: decodeBytes(input.subarray(r.start, r.start + r.length), opts.encoding ?? 'utf-8'),
      cells: r.cells,
    });
  for (const chunk of chunks) reader.push(chunk, onRecord);
  reader.end(onRecord);
  return {
    records,
    broken: reader.broken.map(({ start, ...b }) => ({ ...b, at: lineAt(input, start) })),
    tooLong: reader.tooLong.map(({ start, line }) => ({ line, at: lineAt(input, start) })),
    notUtf8: reader.notUtf8Count,
  };
}

/** Every way of chunking tested: whole, two chunks split at every byte, one byte at a time. */
function chunkings(input: Uint8Array): { how: string; chunks: Uint8Array[] }[] {
  const ways = [{ how: 'whole', chunks: [input] }];
  for (let i = 0; i <= input.length; i++)
    ways.push({ how: `split at ${i}`, chunks: [input.slice(0, i), input.slice(i)] });
  ways.push({ how: 'bytewise', chunks: [...input].map((b) => Uint8Array.of(b)) });
  return ways;
}

type Rec = [line: number, raw: string, cells: string[]];
const recs = (...list: Rec[]) => list.map(([line, raw, cells]) => ({ line, raw, cells }));

const CASES: {
  name: string;
  input: Uint8Array;
  opts?: Partial<CsvByteReaderOptions>;
  wanted?: number[];
  records: Read['records'];
  broken?: Read['broken'];
  tooLong?: Read['tooLong'];
  notUtf8?: number;
}[] = [
  {
    name: 'LF, trailing newline',
    input: bytes('a,b\n1,2\n'),
    records: recs([1, 'a,b', ['a', 'b']], [2, '1,2', ['1', '2']]),
  },
  {
    name: 'CRLF',
    input: bytes('a,b\r\n1,2\r\n3,4'),
    records: recs([1, 'a,b', ['a', 'b']], [2, '1,2', ['1', '2']], [3, '3,4', ['3', '4']]),
  },
  {
    name: 'lone CR line breaks',
    input: bytes('a,b\r1,2\r\r3,4\r'),
    records: recs([1, 'a,b', ['a', 'b']], [2, '1,2', ['1', '2']], [4, '3,4', ['3', '4']]),
  },
  {
    name: 'no trailing newline',
    input: bytes('a,b\n1,2'),
    records: recs([1, 'a,b', ['a', 'b']], [2, '1,2', ['1', '2']]),
  },
  { name: 'empty file', input: bytes(''), records: [] },
  { name: 'header only', input: bytes('a,b,c\n'), records: recs([1, 'a,b,c', ['a', 'b', 'c']]) },
  {
    name: 'UTF-8 BOM: offsets count it',
    input: bytes([0xef, 0xbb, 0xbf], 'a,b\n1,2\n'),
    opts: { startOffset: 3 },
    records: recs([1, 'a,b', ['a', 'b']], [2, '1,2', ['1', '2']]),
  },
  {
    name: 'empty and blank lines skipped, lines kept',
    input: bytes('a,b\n\n , \n,\n\r\n1,2\n'),
    records: recs([1, 'a,b', ['a', 'b']], [6, '1,2', ['1', '2']]),
  },
  {
    name: 'empty cells',
    input: bytes('a,b,c\n,,x\n1,,\n'),
    records: recs(
      [1, 'a,b,c', ['a', 'b', 'c']],
      [2, ',,x', ['', '', 'x']],
      [3, '1,,', ['1', '', '']],
    ),
  },
  {
    name: 'quoted delimiter and doubled quotes',
    input: bytes('a,b\n"1,5","say ""hi"""\n"",""""\n'),
    records: recs(
      [1, 'a,b', ['a', 'b']],
      [2, '"1,5","say ""hi"""', ['1,5', 'say "hi"']],
      [3, '"",""""', ['', '"']],
    ),
  },
  {
    name: 'line breaks in quotes: LF, CRLF and CR, lines counted',
    input: bytes('a,b\n"x\ny",2\n"p\r\nq\rr",3\n4,5'),
    records: recs(
      [1, 'a,b', ['a', 'b']],
      [2, '"x\ny",2', ['x\ny', '2']],
      [4, '"p\r\nq\rr",3', ['p\r\nq\rr', '3']],
      [7, '4,5', ['4', '5']],
    ),
  },
  {
    name: 'a quote inside an unquoted cell is text',
    input: bytes('a,b\n5" pipe,x\n'),
    records: recs([1, 'a,b', ['a', 'b']], [2, '5" pipe,x', ['5" pipe', 'x']]),
  },
  {
    name: 'a quote never closed costs its row; the next rows are kept',
    input: bytes('a,b\n1,"oops\n2,3\n4,5\n'),
    records: recs([1, 'a,b', ['a', 'b']], [3, '2,3', ['2', '3']], [4, '4,5', ['4', '5']]),
    broken: [{ line: 2, cell: 2, closedLater: false, at: '1,"oops' }],
  },
  {
    name: 'a broken quote after a byte-order mark: its offset counts the mark',
    input: bytes([0xef, 0xbb, 0xbf], 'a,b\n1,"x"y\n2,3'),
    opts: { startOffset: 3 },
    records: recs([1, 'a,b', ['a', 'b']], [3, '2,3', ['2', '3']]),
    broken: [{ line: 2, cell: 2, closedLater: true, at: '1,"x"y' }],
  },
  {
    name: 'text after a closing quote',
    input: bytes('a,b\n1,"x"y\n2,3'),
    records: recs([1, 'a,b', ['a', 'b']], [3, '2,3', ['2', '3']]),
    broken: [{ line: 2, cell: 2, closedLater: true, at: '1,"x"y' }],
  },
  {
    name: 'an open quote closed by chance at the next row’s quote',
    input: bytes('a,b,c\n1,"open,x\n2,"q",3\n4,5,6\n'),
    records: recs(
      [1, 'a,b,c', ['a', 'b', 'c']],
      [3, '2,"q",3', ['2', 'q', '3']],
      [4, '4,5,6', ['4', '5', '6']],
    ),
    broken: [{ line: 2, cell: 2, closedLater: true, at: '1,"open,x' }],
  },
  {
    name: 'a chance close with the wrong cell count blames the spanning quote',
    input: bytes('a,b\n1,"open\n2,",x\n3,4\n'),
    records: recs([1, 'a,b', ['a', 'b']], [4, '3,4', ['3', '4']]),
    broken: [
      { line: 2, cell: 2, closedLater: true, at: '1,"open' },
      { line: 3, cell: 2, closedLater: false, at: '2,",x' },
    ],
  },
  {
    name: 'a quoted cell spanning lines with the right cell count is kept',
    input: bytes('a,b\n1,"two\nlines"\n2,3\n'),
    records: recs(
      [1, 'a,b', ['a', 'b']],
      [2, '1,"two\nlines"', ['1', 'two\nlines']],
      [4, '2,3', ['2', '3']],
    ),
  },
  {
    name: 'semicolons, commas are text',
    input: bytes('date;lat;lon\n11/01/2020;-1,6792;29,2228\n'),
    opts: { delimiter: 59 },
    records: recs(
      [1, 'date;lat;lon', ['date', 'lat', 'lon']],
      [2, '11/01/2020;-1,6792;29,2228', ['11/01/2020', '-1,6792', '29,2228']],
    ),
  },
  {
    name: 'tabs',
    input: bytes('a\tb\n"x\ty"\t2\n'),
    opts: { delimiter: 9 },
    records: recs([1, 'a\tb', ['a', 'b']], [2, '"x\ty"\t2', ['x\ty', '2']]),
  },
  {
    name: 'Windows-1252: é (0xE9) and € (0x80)',
    input: bytes('name,cost\nLa Prosp', [0xe9], 'rit', [0xe9], ',', [0x80], '5\n'),
    opts: { encoding: 'windows-1252' },
    records: recs(
      [1, 'name,cost', ['name', 'cost']],
      [2, 'La Prospérité,€5', ['La Prospérité', '€5']],
    ),
  },
  {
    name: 'UTF-8 multibyte characters, one split anywhere',
    input: bytes('lieu,note\nÉquateur,"Kasaï ""Œ"" 🇨🇩"\n'),
    records: recs(
      [1, 'lieu,note', ['lieu', 'note']],
      [2, 'Équateur,"Kasaï ""Œ"" 🇨🇩"', ['Équateur', 'Kasaï "Œ" 🇨🇩']],
    ),
  },
  {
    name: 'a Latin-1 cell in a UTF-8 file is read as Windows-1252 and counted',
    input: bytes('a,b\nGoma,Prosp', [0xe9], 'rit', [0xe9], '\nBeni,été\n'),
    records: recs(
      [1, 'a,b', ['a', 'b']],
      [2, 'Goma,Prospérité', ['Goma', 'Prospérité']],
      [3, 'Beni,été', ['Beni', 'été']],
    ),
    notUtf8: 1,
  },
  {
    name: 'only wanted cells are decoded',
    input: bytes('a,b,c,d\n1,"x,y",3,4\n'),
    wanted: [1, 3],
    records: recs([1, 'a,b,c,d', ['', 'b', '', 'd']], [2, '1,"x,y",3,4', ['', 'x,y', '', '4']]),
  },
  {
    name: 'a quote still open past the record limit: its row only',
    input: bytes('a,b\n1,"open and on and on\n2,3\n4,5\n6,7\n'),
    opts: { maxRecordBytes: 16 },
    records: recs(
      [1, 'a,b', ['a', 'b']],
      [3, '2,3', ['2', '3']],
      [4, '4,5', ['4', '5']],
      [5, '6,7', ['6', '7']],
    ),
    broken: [{ line: 2, cell: 2, closedLater: false, at: '1,"open and on and on' }],
  },
  {
    name: 'a line longer than the limit is left out',
    input: bytes('a,b\n1,', 'x'.repeat(40), '\r\n2,3\n'),
    opts: { maxRecordBytes: 16 },
    records: recs([1, 'a,b', ['a', 'b']], [3, '2,3', ['2', '3']]),
    tooLong: [{ line: 2, at: `1,${'x'.repeat(40)}` }],
  },
  {
    name: 'a record just within the limit is kept',
    input: bytes('ab,cd\r\n1,"3456",9\r\n'),
    opts: { maxRecordBytes: 14 },
    records: recs([1, 'ab,cd', ['ab', 'cd']], [2, '1,"3456",9', ['1', '3456', '9']]),
  },
];

describe('CsvByteReader', () => {
  test.each(CASES)('$name', (c) => {
    const expected = {
      records: c.records,
      broken: c.broken ?? [],
      tooLong: c.tooLong ?? [],
      notUtf8: c.notUtf8 ?? 0,
    };
    for (const { how, chunks } of chunkings(c.input))
      expect(read(c.input, chunks, c.opts, c.wanted), how).toEqual(expected);
  });

  test('wanted cells set after the header apply from the next record', () => {
    const reader = new CsvByteReader({ delimiter: 44, encoding: 'utf-8' });
    const got: string[][] = [];
    reader.push(bytes('a,b,c\n1,2,3\n4,5,6\n'), (r) => {
      got.push(r.cells);
      if (r.line === 1) reader.setWanted([2]);
    });
    reader.end(() => {});
    expect(got).toEqual([
      ['a', 'b', 'c'],
      ['', '', '3'],
      ['', '', '6'],
    ]);
  });

  test('a long line without a break, fed in many chunks, is passed over once', () => {
    const reader = new CsvByteReader({ delimiter: 44, encoding: 'utf-8', maxRecordBytes: 64 });
    const lines: number[] = [];
    const on = (r: ByteRecord) => lines.push(r.line);
    reader.push(bytes('a,b\n'), on);
    for (let i = 0; i < 100; i++) reader.push(bytes('x'.repeat(50)), on);
    reader.push(bytes('\n1,2\n'), on);
    reader.end(on);
    expect({ lines, tooLong: reader.tooLong }).toEqual({
      lines: [1, 3],
      tooLong: [{ line: 2, start: 4 }],
    });
  });

  // Our own reader (csv.ts) is the reference for comma files with LF or CRLF: same records,
  // same lines, same broken quotes, for any mix of cells, quotes and line breaks.
  test('agrees with parseCsv on random comma files, however chunked', () => {
    const token = fc.constantFrom('a', 'bc', ',', '"', '""', '\n', '\r\n', ' ', 'é');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.nat(), (tokens, at) => {
        const text = tokens.join('');
        const input = utf8(text);
        const cut = at % (input.length + 1);
        const got = read(input, [input.slice(0, cut), input.slice(cut)]);
        const want = parseCsv(text);
        expect(got.records.map((r) => [r.line, r.cells])).toEqual(
          want.records.map((r) => [r.line, r.cells]),
        );
        expect(got.broken.map(({ at: _, ...b }) => b)).toEqual(want.broken);
      }),
      { numRuns: 2000 },
    );
  });

  // Any file, with lone CRs and a small record limit: however it is cut into chunks, the same
  // records, problems and offsets, and each record's bytes read alone give back its cells.
  test('chunk boundaries and the record limit never change what is read', () => {
    const token = fc.constantFrom('a', 'é', ';', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'xyz');
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 50 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 4, max: 40 }),
        (tokens, sizes, maxRecordBytes) => {
          const input = utf8(tokens.join(''));
          const chunks: Uint8Array[] = [];
          for (let at = 0, k = 0; at < input.length; at += sizes[k++ % sizes.length]!)
            chunks.push(input.slice(at, at + sizes[k % sizes.length]!));
          const opts = { delimiter: 59 as const, maxRecordBytes };
          const whole = read(input, [input], opts);
          expect(read(input, chunks, opts)).toEqual(whole);
          for (const r of whole.records)
            expect(read(utf8(r.raw), [utf8(r.raw)], { delimiter: 59 }).records[0]!.cells).toEqual(
              r.cells,
            );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
