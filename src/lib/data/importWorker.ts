/**
 * Reads a dropped file off the page's thread: sniffs its encoding and delimiter, recognises the
 * format from its header, then streams it (Blob.stream(), one chunk at a time, never the whole
 * file in memory) through the byte-level CSV reader and the row reader into event columns.
 * Progress is posted about ten times a second; the page cancels by ending the worker.
 */
import type { Said } from '../domain/problems.ts';
import { CsvByteReader, MAX_RECORD_BYTES } from '../import/csvBytes.ts';
import { columnBuffers, copyColumns, EventColumnsBuilder } from '../import/eventColumns.ts';
import { DatasetStore, datasetMeta, describeKeepError } from './datasetStore.ts';
import {
  FORMATS,
  headerKey,
  describeUnreadable,
  detectFormat,
  genericDetected,
  guessColumns,
  isHashtagRow,
} from '../import/formats.ts';
import { guessDateStyle } from '../import/cells.ts';
import { readEventRow } from '../import/rowReader.ts';
import { sniff } from '../import/sniff.ts';
import {
  looksLikeJson,
  readGeoJsonFile,
  type GeoJsonTable,
  type TableSource,
} from '../import/geojsonSource.ts';
import { isCompoundFile, isZip, readXlsx } from '../import/xlsxSource.ts';
import { readerOptions } from '../import/readerOptions.ts';
import {
  MAX_KEPT_PROBLEMS,
  type EventsRead,
  type FromWorker,
  type Progress,
  type ToWorker,
} from '../import/protocol.ts';
import type { ByteRecord, DateStyle, Detected, RowProblem, Sniffed } from '../import/types.ts';

/** Bytes read to sniff the encoding and delimiter and to find the header. */
const HEAD_BYTES = 64 * 1024;
/** Rows shown in the mapping step's preview. */
const PREVIEW_ROWS = 8;
const PROGRESS_MS = 100;

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

let answer: ((m: Extract<ToWorker, { type: 'mapping' }>) => void) | null = null;
/** The dataset this worker reads, as the page named it. */
let dataset = { id: '', added: '' };

/**
 * Keeps a read dataset in IndexedDB from here, not from the page: writing a million events'
 * columns copies them (~50 ms) and the file, which must not block the page that draws them.
 */
async function keep(read: EventsRead): Promise<void> {
  const store = await DatasetStore.open();
  const why = await store.put(
    datasetMeta(read, dataset.id, dataset.added),
    read.columns,
    read.problems,
    read.file,
    read.areas,
  );
  store.close();
  post({ type: 'kept', why });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'start') {
    dataset = { id: m.id, added: m.added };
    void read(m.file, m.name).catch((err: unknown) =>
      post({ type: 'failed', said: { code: 'unreadable', params: { detail: String(err) } } }),
    );
  } else if (m.type === 'mapping') answer?.(m);
  else if (m.type === 'row')
    void tableRow(m.file, m.name, m.sheet, m.line).then(
      (cells) => post({ type: 'row', cells }),
      () => post({ type: 'row', cells: [] }),
    );
};

/** A UTF-16 file as UTF-8, streamed, so the byte-level reader and the row view can read it. */
async function asUtf8(file: Blob, s: Sniffed): Promise<Blob> {
  const text = file.stream().pipeThrough(new TextDecoderStream(s.encoding));
  const parts: BlobPart[] = [];
  const reader = text.pipeThrough(new TextEncoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return new Blob(parts, { type: 'text/csv' });
}

/** Looks like a PDF or an image: not text (zips, Excel's files, were read before). */
function isBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros++;
  // UTF-16 text has zeros too, but the sniffer knows it; other text has none.
  return zeros > n / 8;
}

async function read(original: Blob, name: string): Promise<void> {
  const started = performance.now();
  const head = new Uint8Array(await original.slice(0, HEAD_BYTES).arrayBuffer());
  if (head.length === 0) return fail(describeUnreadable(null, name, 'empty'));
  // Excel and GeoJSON: read whole by their own readers, then the same rows as a CSV's.
  if (isZip(head) || isCompoundFile(head)) {
    const r = await readXlsx(original, name);
    if (!r.ok) return fail(r.said);
    if (r.table.rowCount === 0)
      return fail(describeUnreadable(r.table.header, name, 'header-only'));
    return readTable(
      original,
      name,
      r.table,
      { place: 'sheet-row', sheet: r.table.sheet },
      started,
    );
  }
  if (looksLikeJson(head) || /\.(geo)?json$/i.test(name)) {
    const r = await readGeoJsonFile(original, name);
    if (!r.ok) return fail(r.said);
    return readTable(original, name, r.table, { place: 'feature', sheet: null }, started, r.table);
  }
  let sniffed = sniff(head, head.length < HEAD_BYTES);
  if (!sniffed.encoding.startsWith('utf-16') && isBinary(head))
    return fail(describeUnreadable(null, name, 'binary'));
  let file = original;
  if (sniffed.encoding.startsWith('utf-16')) {
    file = await asUtf8(original, sniffed);
    sniffed = { ...sniffed, encoding: 'utf-8', bom: 0 };
  }

  // The header and the first rows, from the head alone.
  const first: ByteRecord[] = [];
  const headReader = new CsvByteReader(readerOptions(sniffed, sniffed.bom));
  const headBytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  headReader.push(headBytes, (r) => void (first.length <= PREVIEW_ROWS && first.push(r)));
  if (headBytes.length < HEAD_BYTES)
    headReader.end((r) => void (first.length <= PREVIEW_ROWS && first.push(r)));
  const header = first[0]?.cells.map((c) => c.trim()) ?? null;
  if (!header) return fail(describeUnreadable(null, name, 'empty'));
  if (first.length === 1) return fail(describeUnreadable(header, name, 'header-only'));

  const found = detectFormat(header);
  if (found && found.kind !== 'events') {
    const text = new TextDecoder(readerOptions(sniffed, 0).encoding).decode(
      await file.arrayBuffer(),
    );
    post({ type: 'table', name, detected: found, text });
    return;
  }
  const detected = await detectOrAsk(
    header,
    found,
    first.slice(1).map((r) => r.cells),
  );
  if (!detected) return fail(describeUnreadable(header, name, 'no-date-or-coordinates'));
  await readEvents(file, name, sniffed, header, detected, started);
}

/**
 * The format the header names, or, for a table we do not know (or a known one lacking a
 * column), the user's answer to the mapping step; null if they give the file up.
 */
async function detectOrAsk(
  header: string[],
  found: Detected | null,
  rows: string[][],
): Promise<Detected | null> {
  if (found && found.missing.length === 0) return found;
  const guess = found?.columns ?? guessColumns(header);
  const preview = rows.filter((cells, i) => i > 0 || !isHashtagRow(cells)).slice(0, PREVIEW_ROWS);
  const dates = guess.date === undefined ? [] : preview.map((r) => r[guess.date!] ?? '');
  const style: DateStyle = guessDateStyle(dates) ?? 'iso';
  post({ type: 'needs-mapping', header, preview, guess, dateStyle: style });
  const reply = await new Promise<Extract<ToWorker, { type: 'mapping' }>>(
    (resolve) => (answer = resolve),
  );
  answer = null;
  return reply.columns ? genericDetected(reply.columns, reply.dateStyle) : null;
}

/** A row of a GeoJSON or Excel file, read again (they have no byte offsets to slice). */
async function tableRow(
  file: Blob,
  name: string,
  sheet: string | null,
  line: number,
): Promise<string[]> {
  const r =
    sheet === null ? await readGeoJsonFile(file, name) : await readXlsx(file, name, { sheet });
  if (!r.ok) return [];
  for (const row of r.table.rows) if (row.line === line) return row.cells;
  return [];
}

/** Where a source's rows are: lines of a CSV, features of a GeoJSON file, rows of a sheet. */
interface Place {
  place: Exclude<EventsRead['place'], 'line'>;
  sheet: string | null;
}

/** Sniffing does not apply to a file read by its own reader: UTF-8, commas, decimal points. */
const PLAIN: Sniffed = { encoding: 'utf-8', bom: 0, delimiter: ',', decimalComma: false };

/** A GeoJSON or Excel file's rows, through the same row reader as a CSV's. */
async function readTable(
  file: Blob,
  name: string,
  table: TableSource,
  where: Place,
  started: number,
  geo?: GeoJsonTable,
): Promise<void> {
  const sample: string[][] = [];
  for (const r of table.rows) {
    if (sample.length > PREVIEW_ROWS) break;
    sample.push(r.cells);
  }
  // A GeoJSON file of areas alone has no rows to map: it is read for its areas.
  const areasOnly = geo !== undefined && geo.counts.rows === 0 && geo.areas.length > 0;
  const detected = areasOnly
    ? genericDetected({}, 'iso')
    : await detectOrAsk(table.header, detectFormat(table.header), sample);
  if (!detected) return fail(describeUnreadable(table.header, name, 'no-date-or-coordinates'));
  const sink = new RowSink(table.header, detected, false);
  for (const p of geo?.problems ?? []) sink.reject(p);
  if (!areasOnly) for (const r of table.rows) sink.row(r.cells, -1, 0, r.line);
  sink.done({
    name,
    file,
    sniffed: PLAIN,
    started,
    ...where,
    areas: geo?.areas ?? [],
    notices: geo?.notices ?? [],
  });
}

function fail(said: Said): void {
  post({ type: 'failed', said });
}

async function readEvents(
  file: Blob,
  name: string,
  sniffed: Sniffed,
  header: string[],
  detected: Detected,
  started: number,
): Promise<void> {
  const reader = new CsvByteReader(readerOptions(sniffed, sniffed.bom));
  // The mapped cells, and those the row reader reads besides (Geo-PKO's month, the country).
  const spec = FORMATS[detected.format];
  const extra = [spec.month, spec.country].map((h) =>
    h ? header.findIndex((c) => headerKey(c) === h) : -1,
  );
  const wanted = [...Object.values(detected.columns), ...extra].filter(
    (i): i is number => i !== undefined && i >= 0,
  );
  const sink = new RowSink(header, detected, sniffed.decimalComma, file.size);
  let isHeader = true;
  const onRecord = (r: ByteRecord) => {
    if (isHeader) {
      // Only the header is read whole; from now on, only the cells a field maps to.
      isHeader = false;
      reader.setWanted(wanted);
      return;
    }
    sink.row(r.cells, r.start, r.length, r.line);
  };
  let brokenSeen = 0;
  let longSeen = 0;
  const takeBroken = () => {
    for (; longSeen < reader.tooLong.length; longSeen++)
      sink.reject({
        line: reader.tooLong[longSeen]!.line,
        field: '',
        value: '',
        problem: { code: 'line_too_long', params: { limit: MAX_RECORD_BYTES } },
        fix: { code: 'fix_line_too_long' },
      });
    for (; brokenSeen < reader.broken.length; brokenSeen++) {
      const b = reader.broken[brokenSeen]!;
      sink.reject({
        line: b.line,
        field: header[b.cell - 1] ?? String(b.cell),
        value: '',
        problem: {
          code: b.closedLater ? 'quote_not_closed_here' : 'quote_never_closed',
          params: { cell: b.cell },
        },
        fix: { code: 'fix_quote', params: { example: '"a ""quoted"" word"' } },
      });
    }
  };
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.push(value, onRecord);
    takeBroken();
    sink.read(value.length);
  }
  reader.end(onRecord);
  takeBroken();
  const notices: Said[] = [];
  if (reader.notUtf8Count > 0)
    notices.push({ code: 'import_read_as_1252', params: { count: reader.notUtf8Count } });
  sink.done({ name, file, sniffed, started, place: 'line', sheet: null, areas: [], notices });
}

/**
 * Where every row goes, from any source: the row reader, then the event columns or the list
 * of rejected rows (each problem of a row, up to MAX_KEPT_PROBLEMS, all of them counted), with
 * progress posted about ten times a second.
 */
class RowSink {
  readonly #builder: EventColumnsBuilder;
  readonly #problems: RowProblem[] = [];
  #rejected = 0;
  #firstRow = true;
  #bytes = 0;
  #lastPost = 0;

  constructor(
    private readonly header: string[],
    private readonly detected: Detected,
    private readonly decimalComma: boolean,
    private readonly total = 0,
  ) {
    this.#builder = new EventColumnsBuilder(Math.min(1 << 20, Math.max(1024, total / 200)));
  }

  row(cells: string[], start: number, length: number, line: number): void {
    // HDX's ACLED files have a second header of HXL tags (#date+occurred…): not an event.
    if (this.#firstRow) {
      this.#firstRow = false;
      if (isHashtagRow(cells)) return;
    }
    const row = readEventRow(cells, this.detected, this.decimalComma, line, this.header);
    if (!Array.isArray(row)) return this.#builder.add(row, start, length, line);
    this.#rejected++;
    for (const p of row) this.#keep(p);
  }

  /** A row refused before the row reader saw it (a broken quote, bad geometry). */
  reject(p: RowProblem): void {
    this.#rejected++;
    this.#keep(p);
  }

  #keep(p: RowProblem): void {
    if (this.#problems.length < MAX_KEPT_PROBLEMS) this.#problems.push(p);
  }

  /** Bytes read so far went up by `n`; posts progress now and then. */
  read(n: number): void {
    this.#bytes += n;
    const now = performance.now();
    if (now - this.#lastPost > PROGRESS_MS) {
      this.#lastPost = now;
      post({ type: 'progress', progress: this.#progress() });
    }
  }

  #progress(): Progress {
    return {
      bytes: this.#bytes,
      total: this.total,
      rows: this.#builder.length,
      rejected: this.#rejected,
    };
  }

  done(
    r: Pick<EventsRead, 'name' | 'file' | 'sniffed' | 'place' | 'sheet' | 'areas' | 'notices'> & {
      started: number;
    },
  ): void {
    post({ type: 'progress', progress: this.#progress() });
    this.#problems.sort((a, b) => a.line - b.line);
    const columns = this.#builder.finish();
    const { started, ...rest } = r;
    const read: EventsRead = {
      ...rest,
      format: this.detected.format,
      header: this.header,
      detected: this.detected,
      columns,
      problems: this.#problems,
      rejected: this.#rejected,
      ms: performance.now() - started,
    };
    // The page gets the columns without a copy; the store gets a copy, made here.
    const kept =
      columns.n > 0 || r.areas.length > 0 ? { ...read, columns: copyColumns(columns) } : null;
    post({ type: 'events', read }, columnBuffers(columns));
    if (kept)
      void keep(kept).catch((e: unknown) => post({ type: 'kept', why: describeKeepError(e) }));
  }
}
