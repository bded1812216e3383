/**
 * An Excel workbook (.xlsx) as a table for the import: one sheet's rows as the text a user
 * sees in its cells, for the CSV path's row reader. A row's `line` is its row number in the
 * sheet, shown to the user as "row N of the sheet S".
 *
 * The sheet is read by read-excel-file (MIT). Its `/universal` entry touches no DOM and none of
 * the library's own workers, so it runs in our import worker and in Node. It unzips with
 * fflate, which inflates a large part in a worker of its own (a blob: worker in a browser,
 * which the app's CSP allows; worker_threads in Node), and reads the XML with saxen. A cell
 * comes back as a string, a number, a boolean or, under a date number format, a Date. It holds the sheet whole (all its rows at once), so
 * MAX_SHEET_XML_BYTES bounds what a workbook may unpack to.
 *
 * We read two things ourselves from xl/workbook.xml (ECMA-376 Part 1 §18.2.19–20 and
 * §18.2.28): the sheet names in tab order with their state (hidden or not), and the date1904
 * flag, an xsd:boolean that may be "1" or "true" (Open XML SDK's WorkbookProperties.Date1904
 * is a BooleanValue, https://learn.microsoft.com/dotnet/api/documentformat.openxml.spreadsheet.workbookproperties.date1904);
 * read-excel-file honours only "1".
 *
 * Excel dates are serial day numbers. In the 1900 system serial 1 is 1 January 1900 and
 * serial 60 is 29 February 1900, a day that never was: Excel keeps Lotus 1-2-3's mistake of
 * taking 1900 for a leap year (Microsoft, "Excel incorrectly assumes that the year 1900 is a
 * leap year", KB 214326), so serials from 61 (1 March 1900) on are one day ahead of a true
 * count. In the 1904 system serial 0 is 1 January 1904, 1,462 days after the 1900 system's
 * origin (Microsoft, "Date systems in Excel", support.microsoft.com). read-excel-file counts
 * every serial as from 61 on; excelDateText puts January and February 1900 right.
 */
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import type { Said } from '../domain/problems.ts';
import { plainNumber, type TableRow, type TableSource } from './geojsonSource.ts';

/** A sheet of the workbook, in tab order. */
export interface SheetInfo {
  name: string;
  /** Hidden sheets (state "hidden" or "veryHidden") are not read unless asked for by name. */
  hidden: boolean;
}

/** A sheet read as a table. */
export interface XlsxTable extends TableSource {
  /** Every sheet's name in tab order, for the user to choose another. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  /** The sheet row the header is on: the first row with anything in it. */
  headerLine: number;
  /** How many rows below the header have anything in them. */
  rowCount: number;
}

export type XlsxResult = { ok: true; table: XlsxTable } | { ok: false; said: Said };

/**
 * The most XML a workbook may unpack to: read-excel-file decodes every XML part to a string
 * and holds the sheet's rows whole, at about seven times the XML in memory. Measured in
 * Node 20 on a 2-core machine with ten ACLED-like columns (makeXlsx.ts --bench): 100,000
 * rows (5.7 MB file, 44 MB of XML) read in 2.3–3.7 s and turned to text rows in 0.2–0.5 s at
 * a peak of 315 MB (2.3 s and 0.1 s in a module worker of headless Chromium, under the app's
 * CSP); 500,000 rows (29 MB, 228 MB of XML) took 22 s at 1.56 GB. 160 MiB is
 * about 370,000 such rows at about 1.1 GB (fewer rows of wider sheets); past it we ask for the
 * sheet as CSV, which streams.
 */
export const MAX_SHEET_XML_BYTES = 160 * 1024 * 1024;

const DAY_MS = 86_400_000;
/** Days from the 1900 system's day 0 to 1970-01-01 as Excel counts them (with its 29 February 1900). */
const SERIAL_1970 = 25_569;
/** The 1904 system's serial 0 in the 1900 system. */
const SERIAL_1904 = 1_462;

/** Whether the first bytes are a zip archive's (an .xlsx is one): "PK\x03\x04". */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * Whether the first bytes are an OLE compound file's: an Excel 97–2003 workbook (.xls), or an
 * .xlsx saved with a password, which Excel wraps in one.
 */
export function isCompoundFile(head: Uint8Array): boolean {
  const sign = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return sign.every((b, i) => head[i] === b);
}

/** An XML attribute value with its entities decoded. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

/** One attribute of an element's attribute text, or null. */
function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : null;
}

/** The workbook's sheets and date system, from the text of xl/workbook.xml. */
export function workbookInfo(xml: string): {
  sheets: SheetInfo[];
  date1904: boolean;
  date1904Text: string | null;
} {
  const sheets: SheetInfo[] = [];
  // Any namespace prefix: some writers spell the elements x:sheet.
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)) {
    const attrs = m[1]!;
    const state = attribute(attrs, 'state');
    sheets.push({
      name: attribute(attrs, 'name') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(xml);
  const date1904Text = pr ? attribute(pr[1]!, 'date1904') : null;
  return { sheets, date1904: date1904Text === '1' || date1904Text === 'true', date1904Text };
}

/**
 * The text Excel shows for a date cell, given the Date read-excel-file made of it: the day
 * as YYYY-MM-DD (a time of day is dropped: events are dated by the day), 1900-02-29 for
 * Excel's day that never was, a time HH:MM:SS for a time alone (a serial below 1).
 * `missed1904` says the workbook is in the 1904 system and read-excel-file did not see it.
 */
export function excelDateText(date: Date, missed1904 = false): string {
  const serial = date.getTime() / DAY_MS + SERIAL_1970 + (missed1904 ? SERIAL_1904 : 0);
  if (serial >= 0 && serial < 1) {
    const seconds = Math.round(serial * 86_400);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  }
  const whole = Math.floor(serial);
  if (whole === 60) return '1900-02-29';
  // Before 1 March 1900 Excel's count has not yet taken in the missing day.
  const day = whole < 60 ? whole - SERIAL_1970 + 1 : whole - SERIAL_1970;
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A cell as a user sees it: text as is, numbers in plain digits with a point, booleans as Excel writes them. */
export function cellText(value: unknown, missed1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return excelDateText(value, missed1904);
  return String(value);
}

const hasContent = (row: readonly unknown[] | undefined) =>
  row !== undefined && row.some((c) => c !== null && c !== undefined && c !== '');

const listed = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The library's error, in its own (English) words, kept as a detail for the sentence. */
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Which sheet to read, and the size limit (MAX_SHEET_XML_BYTES unless a test lowers it). */
export interface XlsxOptions {
  sheet?: string;
  maxXmlBytes?: number;
}

/**
 * A workbook's sheet as a table: `sheet` by name, or else the first sheet not hidden. The
 * header is the first row with anything in it; rows below it that are wholly empty are
 * skipped (they are gaps, not records). Fails with one sentence when the file is not an
 * .xlsx, is too large, has no such sheet, or the sheet is empty.
 */
export async function readXlsx(
  file: Blob | ArrayBuffer,
  name: string,
  { sheet, maxXmlBytes = MAX_SHEET_XML_BYTES }: XlsxOptions = {},
): Promise<XlsxResult> {
  const buffer = file instanceof ArrayBuffer ? file : await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (isCompoundFile(bytes))
    return { ok: false, said: { code: 'file_xls_old', params: { file: name } } };
  const notXlsx: XlsxResult = {
    ok: false,
    said: { code: 'file_not_xlsx', params: { file: name } },
  };
  const broken = (e: unknown): XlsxResult => ({
    ok: false,
    said: { code: 'file_xlsx_broken', params: { file: name, detail: detailOf(e) } },
  });
  if (!isZip(bytes)) return notXlsx;

  // Only the zip's directory and the small workbook part are read here: the filter sees
  // every part's unpacked size without unpacking it.
  let xmlBytes = 0;
  let workbook: Uint8Array | undefined;
  try {
    workbook = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('.xml') || f.name.endsWith('.xml.rels')) xmlBytes += f.originalSize;
        return f.name === 'xl/workbook.xml';
      },
    })['xl/workbook.xml'];
  } catch (e) {
    return broken(e);
  }
  // A zip, but not a workbook: a Word file, a zipped shapefile.
  if (!workbook) return notXlsx;
  if (xmlBytes > maxXmlBytes)
    return {
      ok: false,
      said: {
        code: 'file_xlsx_too_large',
        params: { file: name, size: xmlBytes, limit: maxXmlBytes },
      },
    };

  const info = workbookInfo(new TextDecoder().decode(workbook));
  const names = info.sheets.map((s) => s.name);
  if (names.length === 0) return notXlsx;
  const index =
    sheet === undefined
      ? Math.max(
          0,
          info.sheets.findIndex((s) => !s.hidden),
        )
      : names.indexOf(sheet);
  if (index < 0)
    return {
      ok: false,
      said: {
        code: 'file_xlsx_no_sheet',
        params: { file: name, sheet: sheet!, sheets: listed(names) },
      },
    };
  const chosen = names[index]!;

  let data: unknown[][];
  try {
    // By number, 1-based in tab order: the names above are ours, the library reads its own.
    data = (await readSheet(buffer, index + 1)) as unknown[][];
  } catch (e) {
    return broken(e);
  }
  const missed1904 = info.date1904 && info.date1904Text !== '1';

  const top = data.findIndex((r) => hasContent(r));
  if (top < 0)
    return {
      ok: false,
      said: {
        code: 'file_xlsx_sheet_empty',
        params: { file: name, sheet: chosen, sheets: listed(names) },
      },
    };
  const header = data[top]!.map((c) => cellText(c, missed1904).trim());
  let rowCount = 0;
  for (let i = top + 1; i < data.length; i++) if (hasContent(data[i])) rowCount++;

  function* each(): Generator<TableRow> {
    for (let i = top + 1; i < data.length; i++) {
      const row = data[i]!;
      if (!hasContent(row)) continue;
      // The library puts each row at its sheet row (gaps as empty rows): index + 1 is the row number.
      yield { line: i + 1, cells: row.map((c) => cellText(c, missed1904)) };
    }
  }
  // An iterable, not an iterator: each pass starts from the first row again.
  const rows: Iterable<TableRow> = { [Symbol.iterator]: each };
  return {
    ok: true,
    table: { header, rows, sheets: names, sheet: chosen, headerLine: top + 1, rowCount },
  };
}
