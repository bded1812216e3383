/** Our CSV reader and strict UTF-8 decoding: a broken quote or byte costs one row, named. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, parseCsv } from '../../src/lib/data/csv.ts';
import { SCENARIO_FILES } from '../../src/lib/data/files.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { readSites } from '../../src/lib/data/scenario.ts';
import { say } from '../../src/lib/domain/problems.ts';

const HEAD =
  'id,name,kind,province_iso,lat,lon,opened,opened_precision,closed,closed_precision,closure,troops_estimate,contingent,source,confidence,notes';
const site = (id: string, name: string, notes = '') =>
  `${id},${name},sector_hq,CD-NK,-1.68,29.23,2010,year,,,,2700,,"Geo-PKO v2.3, p. 4",high,${notes}`;
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));

describe('parseCsv', () => {
  test.each([
    {
      name: 'plain',
      text: 'a,b\n1,2\n',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
      lines: [1, 2],
    },
    {
      name: 'CRLF and a BOM',
      text: '\uFEFFa,b\r\n1,2\r\n',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
      lines: [1, 2],
    },
    {
      name: 'quoted comma and doubled quote',
      text: 'a,b\n"1,5","say ""hi"""',
      cells: [
        ['a', 'b'],
        ['1,5', 'say "hi"'],
      ],
      lines: [1, 2],
    },
    {
      name: 'a line break in quotes',
      text: 'a,b\n"x\ny",2\n3,4',
      cells: [
        ['a', 'b'],
        ['x\ny', '2'],
        ['3', '4'],
      ],
      lines: [1, 2, 4],
    },
    {
      name: 'blank lines skipped, lines kept',
      text: 'a,b\n\n , \n1,2',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
      lines: [1, 4],
    },
    {
      name: 'a semicolon is just text',
      text: 'a;b,c\n1;2,3',
      cells: [
        ['a;b', 'c'],
        ['1;2', '3'],
      ],
      lines: [1, 2],
    },
    { name: 'an empty file', text: '', cells: [], lines: [] },
  ])('$name', ({ text, cells, lines }) => {
    const r = parseCsv(text);
    expect(r.broken).toEqual([]);
    expect(r.records.map((x) => x.cells)).toEqual(cells);
    expect(r.records.map((x) => x.line)).toEqual(lines);
  });

  test.each([
    { name: 'never closed', text: 'a,b\n1,"x\n2,y\n3,z', line: 2, cell: 2, kept: ['a', '2', '3'] },
    {
      name: 'closed by a later row',
      text: 'a,b\n1,"x\n2,"y, z"\n3,z',
      line: 2,
      cell: 2,
      kept: ['a', '2', '3'],
    },
    {
      name: 'text after the closing quote',
      text: 'a,b\n"1"x,2\n3,z',
      line: 2,
      cell: 1,
      kept: ['a', '3'],
    },
  ])('an unbalanced quote ($name) costs its line only', ({ text, line, cell, kept }) => {
    const r = parseCsv(text);
    expect(r.broken).toEqual([expect.objectContaining({ line, cell })]);
    expect(r.records.map((x) => x.cells[0])).toEqual(kept);
  });

  test.each(Object.values(SCENARIO_FILES))('agrees with Papa Parse on the bundled %s', (f) => {
    const text = readFileSync(`data/${f}`, 'utf8');
    const papa = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
    expect(papa.errors).toEqual([]);
    expect(parseCsv(text).records.map((r) => r.cells)).toEqual(papa.data);
  });
});

describe('decodeUtf8', () => {
  test.each([
    {
      name: 'valid UTF-8 with a BOM',
      input: bytes([0xef, 0xbb, 0xbf], 'Gomé\nBéni'),
      text: 'Gomé\nBéni',
      bad: [],
    },
    {
      name: 'Latin-1 é',
      input: bytes('a\nGom', [0xe9], '\nb'),
      text: 'a\nGom\uFFFD\nb',
      bad: [{ line: 2, byte: 0xe9, before: 'Gom' }],
    },
    {
      name: 'a cut-short sequence at the end',
      input: bytes('ok\nx', [0xe2, 0x82]),
      text: 'ok\nx\uFFFD',
      bad: [{ line: 2, byte: 0xe2, before: 'x' }],
    },
    {
      name: 'a stray continuation byte',
      input: bytes('é', [0x80], 'b'),
      text: 'é\uFFFDb',
      bad: [{ line: 1, byte: 0x80, before: 'é' }],
    },
    {
      name: 'two bad lines',
      input: bytes([0xff], '\nok\n', [0xfe]),
      text: '\uFFFD\nok\n\uFFFD',
      bad: [
        { line: 1, byte: 0xff, before: '' },
        { line: 3, byte: 0xfe, before: '' },
      ],
    },
  ])('$name', ({ input, text, bad }) => {
    expect(decodeUtf8(input)).toEqual({ text, bad });
  });
});

describe('hostile CSV files (issue 27)', () => {
  const bundled = readFileSync('data/scenario/sites.csv', 'utf8').trimEnd().split('\n');
  const valid = readSites(bundled.join('\n'), 'scenario/sites.csv').records.length;

  test('regression: an unbalanced quote in the bundled sites.csv costs one site, not all', () => {
    // Before the fix Papa Parse guessed ';', no site loaded and the header was blamed.
    const lines = [...bundled];
    lines[9] = lines[9]!.replace(',', ',"');
    const r = readSites(lines.join('\n'), 'scenario/sites.csv');
    expect(r.records).toHaveLength(valid - 1);
    expect(r.issues).toEqual([
      expect.objectContaining({ file: 'scenario/sites.csv', line: 10, field: 'name' }),
    ]);
    expect(say(r.issues[0]!.message, 'en')).toMatch(/unbalanced double quote/);
  });

  test('regression: a Latin-1 byte in the bundled sites.csv is reported on its line', () => {
    const at = bundled.findIndex((l) => l.startsWith('goma,'));
    const lines = bundled.map((l) => new TextEncoder().encode(`${l}\n`));
    lines[at] = new Uint8Array([...bytes('goma,Gom'), 0xe9, ...lines[at]!.slice(9)]);
    const r = readSites(new Uint8Array(lines.flatMap((l) => [...l])), 'scenario/sites.csv');
    expect(r.records).toHaveLength(valid - 1);
    expect(r.records.some((s) => s.name.includes('\uFFFD'))).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({ file: 'scenario/sites.csv', line: at + 1, field: 'name' }),
    ]);
  });

  test('regression: an unbalanced quote in sites.csv names its line and keeps every other row', () => {
    // Before the fix Papa Parse guessed ';' as the delimiter, no row loaded and the header was
    // blamed.
    const text = [HEAD, site('goma', 'Goma'), site('beni', '"Beni'), site('bunia', 'Bunia')].join(
      '\n',
    );
    const r = readSites(text, 'scenario/sites.csv');
    expect(r.records.map((s) => s.id)).toEqual(['goma', 'bunia']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'scenario/sites.csv', line: 3, field: 'name' });
    expect(formatIssue(r.issues[0]!, 'en')).toMatch(
      /^scenario\/sites\.csv, line 3, column name: has an unbalanced double quote.*Fix: close the quote/,
    );
  });

  test('regression: a byte that is not UTF-8 ("Gom\\xe9") is reported with its line and cell, not replaced', () => {
    const text = bytes(HEAD, '\n', site('goma', 'Gom'), '\n', site('beni', 'Beni'));
    // Put the Latin-1 é right after "Gom" on line 2.
    const at = text.indexOf(0x2c, HEAD.length + 1 + 'goma,Gom'.length - 1);
    const withByte = new Uint8Array([...text.slice(0, at), 0xe9, ...text.slice(at)]);
    const r = readSites(withByte, 'scenario/sites.csv');
    expect(r.records.map((s) => s.id)).toEqual(['beni']);
    expect(r.issues).toEqual([
      expect.objectContaining({
        file: 'scenario/sites.csv',
        line: 2,
        field: 'name',
        value: 'Gom\uFFFD',
      }),
    ]);
    expect(say(r.issues[0]!.message, 'en')).toBe(
      'has a byte that is not UTF-8 (0xE9 after "goma,Gom")',
    );
    expect(say(r.issues[0]!.fix, 'en')).toMatch(/UTF-8/);
  });

  test('valid bytes load the same as the text', () => {
    const text = [HEAD, site('goma', 'Gomé')].join('\n');
    const r = readSites(new TextEncoder().encode(text), 'sites.csv');
    expect(r.issues).toEqual([]);
    expect(r.records[0]!.name).toBe('Gomé');
  });
});
