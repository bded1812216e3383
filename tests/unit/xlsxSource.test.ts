/** Excel workbooks as tables: a sheet's rows as the text a user sees, dates, numbers, sheets, failures. */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { say } from '../../src/lib/domain/problems.ts';
import { genericDetected, guessColumns } from '../../src/lib/import/formats.ts';
import { readEventRow } from '../../src/lib/import/rowReader.ts';
import {
  cellText,
  excelDateText,
  isCompoundFile,
  isZip,
  readXlsx,
  workbookInfo,
  type XlsxOptions,
  type XlsxTable,
} from '../../src/lib/import/xlsxSource.ts';
import { EVENTS_BOOK, makeXlsx, type XBook, type XCell } from '../fixtures/import/makeXlsx.ts';

const FIXTURE = readFileSync(new URL('../fixtures/import/events.xlsx', import.meta.url));
// fflate's arrays are on plain ArrayBuffers; the type does not say so.
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** A Date as read-excel-file makes one from a 1900-system serial (it counts every serial as from 1 March 1900 on). */
const libraryDate = (serial: number, epoch1904 = false) =>
  new Date(Math.floor((serial + (epoch1904 ? 1462 : 0) - 25569) * 86_400_000));

/** The table of a workbook that must read. */
async function table(input: Uint8Array | XBook, options?: XlsxOptions): Promise<XlsxTable> {
  const bytes = input instanceof Uint8Array ? input : makeXlsx(input);
  const r = await readXlsx(blob(bytes), 'book.xlsx', options);
  if (!r.ok) throw new Error(`not read: ${say(r.said, 'en')}`);
  return r.table;
}
const oneSheet = (rows: (XCell[] | null)[], date1904?: '1' | 'true'): XBook => ({
  sheets: [{ name: 'Feuil1', rows }],
  ...(date1904 ? { date1904 } : {}),
});
/** The text of `cell` in the one row under a header (a second cell keeps the row from being empty). */
async function cellOf(cell: XCell, date1904?: '1' | 'true'): Promise<string> {
  const t = await table(
    oneSheet(
      [
        ['v', 'w'],
        [cell, 'x'],
      ],
      date1904,
    ),
  );
  return [...t.rows][0]!.cells[0]!;
}

describe('excelDateText: the day a date cell shows', () => {
  test.each([
    // Microsoft's "Date systems in Excel": 5 July 2011 is serial 40729.
    { name: 'a day (Microsoft’s example)', serial: 40729, expected: '2011-07-05' },
    {
      name: '1 March 1900, the first day after Excel’s false leap day',
      serial: 61,
      expected: '1900-03-01',
    },
    { name: '29 February 1900, Excel’s day that never was', serial: 60, expected: '1900-02-29' },
    { name: '28 February 1900', serial: 59, expected: '1900-02-28' },
    { name: '1 January 1900, serial 1', serial: 1, expected: '1900-01-01' },
    { name: 'a day with a time: the day alone', serial: 43831.75, expected: '2020-01-01' },
    { name: 'just before midnight', serial: 43831.99999, expected: '2020-01-01' },
    { name: 'a time alone', serial: 0.5625, expected: '13:30:00' },
  ])('$name: $serial → $expected', ({ serial, expected }) => {
    expect(excelDateText(libraryDate(serial))).toBe(expected);
  });

  test.each([
    // 5 December 2021 is 44535 in the 1900 system and 43073 in the 1904 one (1,462 days apart).
    {
      name: 'seen by the library',
      epoch1904: true,
      missed: false,
      serial: 43073,
      expected: '2021-12-05',
    },
    {
      name: 'missed by the library',
      epoch1904: false,
      missed: true,
      serial: 43073,
      expected: '2021-12-05',
    },
    { name: 'day 0 of 1904', epoch1904: true, missed: false, serial: 0, expected: '1904-01-01' },
  ])('the 1904 system, $name', ({ epoch1904, missed, serial, expected }) => {
    expect(excelDateText(libraryDate(serial, epoch1904), missed)).toBe(expected);
  });
});

describe('cellText: a cell as a user sees it', () => {
  test.each([
    { name: 'empty', input: null, expected: '' },
    { name: 'text', input: 'Goma', expected: 'Goma' },
    { name: 'a decimal, with a point', input: -1.6792, expected: '-1.6792' },
    { name: 'a tiny number, in plain digits', input: 1e-7, expected: '0.0000001' },
    { name: 'TRUE', input: true, expected: 'TRUE' },
    { name: 'FALSE', input: false, expected: 'FALSE' },
    { name: 'a date', input: libraryDate(44927), expected: '2023-01-01' },
  ])('$name', ({ input, expected }) => {
    expect(cellText(input)).toBe(expected);
  });
});

describe('workbookInfo: sheet names, hidden sheets and the date system from xl/workbook.xml', () => {
  test.each([
    {
      name: 'Excel’s own',
      xml: '<workbook><workbookPr defaultThemeVersion="166925"/><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      sheets: [{ name: 'Feuil1', hidden: false }],
      date1904: false,
    },
    {
      name: 'entities, single quotes, a hidden sheet, date1904="1"',
      xml: `<workbook><workbookPr date1904="1"/><sheets><sheet name="Notes &amp; sources" sheetId="1" state="hidden" r:id="rId1"/><sheet sheetId='2' name='Donn&#233;es' r:id='rId2'/></sheets></workbook>`,
      sheets: [
        { name: 'Notes & sources', hidden: true },
        { name: 'Données', hidden: false },
      ],
      date1904: true,
    },
    {
      name: 'a namespace prefix, date1904="true", a very hidden sheet',
      xml: '<x:workbook><x:workbookPr date1904="true"/><x:sheets><x:sheet name="A" sheetId="1" state="veryHidden" r:id="rId1"/><x:sheet name="B" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>',
      sheets: [
        { name: 'A', hidden: true },
        { name: 'B', hidden: false },
      ],
      date1904: true,
    },
    {
      name: 'date1904="0"',
      xml: '<workbook><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      sheets: [{ name: 'S', hidden: false }],
      date1904: false,
    },
  ])('$name', ({ xml, sheets, date1904 }) => {
    const info = workbookInfo(xml);
    expect(info.sheets).toEqual(sheets);
    expect(info.date1904).toBe(date1904);
  });
});

describe('isZip and isCompoundFile: the first bytes of a file', () => {
  const XLS = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0];
  test.each([
    {
      name: 'an .xlsx',
      input: Uint8Array.from(FIXTURE.subarray(0, 8)),
      zip: true,
      compound: false,
    },
    { name: 'an .xls', input: Uint8Array.from(XLS), zip: false, compound: true },
    { name: 'a CSV', input: strToU8('date,lat'), zip: false, compound: false },
    { name: 'nothing', input: new Uint8Array(0), zip: false, compound: false },
  ])('$name', ({ input, zip, compound }) => {
    expect(isZip(input)).toBe(zip);
    expect(isCompoundFile(input)).toBe(compound);
  });
});

describe('readXlsx: cells read from a workbook', () => {
  test.each([
    { name: 'text', cell: 'Affrontement armé' as XCell, expected: 'Affrontement armé' },
    { name: 'text written in the cell (inline)', cell: { inline: 'Kalemie' }, expected: 'Kalemie' },
    { name: 'a number', cell: 29.2228, expected: '29.2228' },
    { name: 'a negative decimal', cell: -1.6792, expected: '-1.6792' },
    {
      name: 'a number shown with two decimals keeps its digits',
      cell: { decimal: 1.5667 },
      expected: '1.5667',
    },
    { name: 'a whole number', cell: 7, expected: '7' },
    { name: 'a boolean', cell: true, expected: 'TRUE' },
    { name: 'an error (#N/A) as empty', cell: { error: '#N/A' }, expected: '' },
    { name: 'a date (built-in format)', cell: { serial: 40729 }, expected: '2011-07-05' },
    {
      name: 'a date (custom dd/mm/yyyy)',
      cell: { serial: 44927, custom: 'dd/mm/yyyy;@' },
      expected: '2023-01-01',
    },
    { name: 'a date typed as text stays text', cell: '30/04/2023', expected: '30/04/2023' },
    { name: 'Excel’s 29 February 1900', cell: { serial: 60 }, expected: '1900-02-29' },
    { name: 'a date before March 1900', cell: { serial: 32 }, expected: '1900-02-01' },
  ])('$name', async ({ cell, expected }) => {
    expect(await cellOf(cell)).toBe(expected);
  });

  test.each([
    { name: 'date1904="1" (seen by the library)', flag: '1' as const },
    { name: 'date1904="true" (missed by the library)', flag: 'true' as const },
  ])('a 1904-system workbook, $name', async ({ flag }) => {
    expect(await cellOf({ serial: 43073 }, flag)).toBe('2021-12-05');
  });
});

describe('readXlsx: the header, the rows and their line numbers', () => {
  test('the header is the first row with anything in it; empty rows are skipped; lines are sheet rows', async () => {
    const t = await table(
      oneSheet([
        null,
        [null, null],
        ['date', 'latitude', 'longitude'],
        [{ serial: 44927 }, -1.6792, 29.2228],
        null,
        ['2023-01-02', null, 28.8608],
        [null],
      ]),
    );
    expect(t.headerLine).toBe(3);
    expect(t.header).toEqual(['date', 'latitude', 'longitude']);
    expect([...t.rows]).toEqual([
      { line: 4, cells: ['2023-01-01', '-1.6792', '29.2228'] },
      { line: 6, cells: ['2023-01-02', '', '28.8608'] },
    ]);
    expect(t.rowCount).toBe(2);
  });

  test('header cells are trimmed text, whatever their kind', async () => {
    const t = await table(
      oneSheet([
        [' date ', 2023, { serial: 44927 }],
        ['a', 'b', 'c'],
      ]),
    );
    expect(t.header).toEqual(['date', '2023', '2023-01-01']);
  });

  test('a header with no row under it', async () => {
    const t = await table(oneSheet([['date', 'latitude']]));
    expect(t.rowCount).toBe(0);
    expect([...t.rows]).toEqual([]);
  });
});

describe('readXlsx: sheets', () => {
  const book: XBook = {
    sheets: [
      { name: 'Lisez-moi', hidden: true, rows: [['Ce classeur…']] },
      { name: 'Événements', rows: [['date'], ['2023-01-01']] },
      { name: 'Vide', rows: [] },
    ],
  };
  test('the first sheet not hidden, by default; every name in tab order', async () => {
    const t = await table(book);
    expect(t.sheets).toEqual(['Lisez-moi', 'Événements', 'Vide']);
    expect(t.sheet).toBe('Événements');
    expect(t.header).toEqual(['date']);
  });
  test('a hidden sheet asked for by name', async () => {
    const t = await table(book, { sheet: 'Lisez-moi' });
    expect(t.header).toEqual(['Ce classeur…']);
  });
  test.each([
    { name: 'no such sheet', sheet: 'Feuil9', code: 'file_xlsx_no_sheet' },
    { name: 'an empty sheet', sheet: 'Vide', code: 'file_xlsx_sheet_empty' },
  ])('$name', async ({ sheet, code }) => {
    const r = await readXlsx(makeXlsx(book).buffer as ArrayBuffer, 'classeur.xlsx', { sheet });
    expect(!r.ok && r.said).toEqual({
      code,
      params: { file: 'classeur.xlsx', sheet, sheets: '"Lisez-moi", "Événements", "Vide"' },
    });
  });
});

describe('readXlsx: a file that cannot be read is one sentence', () => {
  const zipOf = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  test.each([
    {
      name: 'an Excel 97–2003 file',
      input: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      code: 'file_xls_old',
    },
    { name: 'text', input: strToU8('date,latitude,longitude\n'), code: 'file_not_xlsx' },
    {
      name: 'a zip of something else',
      input: zipOf({ 'points.shp.xml': '<x/>' }),
      code: 'file_not_xlsx',
    },
    {
      name: 'a workbook with no sheets',
      input: zipOf({ 'xl/workbook.xml': '<workbook><sheets/></workbook>' }),
      code: 'file_not_xlsx',
    },
    {
      name: 'a zip cut short',
      input: makeXlsx(EVENTS_BOOK).subarray(0, 900),
      code: 'file_xlsx_broken',
    },
    {
      name: 'a workbook missing its parts',
      input: zipOf({
        'xl/workbook.xml':
          '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
      }),
      code: 'file_xlsx_broken',
    },
  ])('$name → $code', async ({ input, code }) => {
    const r = await readXlsx(blob(input), 'classeur.xlsx');
    expect(!r.ok && r.said.code).toBe(code);
    expect(!r.ok && say(r.said, 'fr')).toContain('classeur.xlsx');
  });

  test('a workbook that unpacks past the limit is refused before it is read', async () => {
    const bytes = makeXlsx(EVENTS_BOOK);
    const r = await readXlsx(blob(bytes), 'gros.xlsx', { maxXmlBytes: 1000 });
    expect(!r.ok && r.said.code).toBe('file_xlsx_too_large');
    expect(!r.ok && Number(r.said.params?.size)).toBeGreaterThan(1000);
    expect(!r.ok && say(r.said, 'en')).toMatch(
      /^gros\.xlsx unpacks to [\d.]+ kB of sheet data, more than the 1 kB /,
    );
  });
});

describe('the fixture events.xlsx', () => {
  test('its first sheet: dates as days, decimals with a point, an empty cell, a skipped row', async () => {
    const t = await table(Uint8Array.from(FIXTURE));
    expect(t.sheets).toEqual(['Événements', 'Notes & sources']);
    expect(t.sheet).toBe('Événements');
    expect(t.header).toEqual(['date', 'latitude', 'longitude', 'type', 'morts', 'lieu']);
    expect([...t.rows]).toEqual([
      { line: 2, cells: ['2023-03-05', '-1.6792', '29.2228', 'Affrontement armé', '3', 'Goma'] },
      {
        line: 3,
        cells: ['2023-03-21', '0.4911', '29.4731', 'Attaque contre des civils', '7', 'Beni'],
      },
      { line: 4, cells: ['2023-04-02', '1.5667', '30.25', 'Manifestation', '0', 'Bunia'] },
      { line: 6, cells: ['2023-04-14', '-2.5083', '28.8608', 'Émeute', '', 'Bukavu'] },
      { line: 7, cells: ['30/04/2023', '-5.9475', '29.1947', 'Enlèvement', '0', 'Kalemie'] },
    ]);
  });

  test('its second sheet, by name', async () => {
    const t = await table(Uint8Array.from(FIXTURE), { sheet: 'Notes & sources' });
    expect(t.header).toEqual(['source', 'note']);
    expect([...t.rows]).toEqual([
      { line: 2, cells: ['Radio Okapi', 'Bilans provisoires, à vérifier'] },
    ]);
  });

  test('makeXlsx.ts still writes the committed bytes', () => {
    expect(Buffer.from(makeXlsx(EVENTS_BOOK)).equals(FIXTURE)).toBe(true);
  });

  test('its rows go through the CSV path’s column guess and row reader', async () => {
    const t = await table(Uint8Array.from(FIXTURE));
    const d = genericDetected(guessColumns(t.header), 'iso');
    expect(d.missing).toEqual([]);
    const read = [...t.rows].map((r) => readEventRow(r.cells, d, false, r.line, t.header));
    expect(
      read.slice(0, 4).map((e) => (Array.isArray(e) ? e : [e.lat, e.lon, e.fatalities])),
    ).toEqual([
      [-1.6792, 29.2228, 3],
      [0.4911, 29.4731, 7],
      [1.5667, 30.25, 0],
      [-2.5083, 28.8608, null],
    ]);
    // The date typed as text is not ISO: refused with its sheet row, as a CSV line would be.
    expect(Array.isArray(read[4]) && read[4].map((p) => [p.line, p.field])).toEqual([[7, 'date']]);
  });
});
