/**
 * Reads a dropped file off the page's thread: sniffs its encoding and delimiter, recognises the
 * format from its header, then streams it (Blob.stream(), one chunk at a time, never the whole
 * file in memory) through the byte-level CSV reader and the row reader into event columns.
 * Progress is posted about ten times a second; the page cancels by ending the worker.
 */
import type { Said } from '../domain/problems.ts';
import { CsvByteReader, MAX_RECORD_BYTES } from './csvBytes.ts';
import { columnBuffers, EventColumnsBuilder } from './eventColumns.ts';
import {
  describeUnreadable,
  detectFormat,
  genericDetected,
  guessColumns,
  isHashtagRow,
} from './formats.ts';
import { guessDateStyle } from './cells.ts';
import { readEventRow } from './rowReader.ts';
import { sniff } from './sniff.ts';
import { readerOptions } from './readerOptions.ts';
import { MAX_KEPT_PROBLEMS, type FromWorker, type Progress, type ToWorker } from './protocol.ts';
import type { ByteRecord, DateStyle, Detected, RowProblem, Sniffed } from './types.ts';

/** Bytes read to sniff the encoding and delimiter and to find the header. */
const HEAD_BYTES = 64 * 1024;
/** Rows shown in the mapping step's preview. */
const PREVIEW_ROWS = 8;
const PROGRESS_MS = 100;

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

let answer: ((m: Extract<ToWorker, { type: 'mapping' }>) => void) | null = null;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'start')
    void read(m.file, m.name).catch((err: unknown) =>
      post({ type: 'failed', said: { code: 'unreadable', params: { detail: String(err) } } }),
    );
  else if (m.type === 'mapping') answer?.(m);
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

/** Looks like a zip (xlsx), a PDF or an image: not text. */
function isBinary(head: Uint8Array): boolean {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) return true;
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

  let detected: Detected | null = detectFormat(header);
  if (detected && detected.kind !== 'events') {
    const text = new TextDecoder(readerOptions(sniffed, 0).encoding).decode(
      await file.arrayBuffer(),
    );
    post({ type: 'table', name, detected, text });
    return;
  }
  if (!detected || detected.missing.length > 0) {
    const guess = detected?.columns ?? guessColumns(header);
    const preview = first
      .slice(1)
      .map((r) => r.cells)
      .filter((cells, i) => i > 0 || !isHashtagRow(cells));
    const dates = guess.date === undefined ? [] : preview.map((r) => r[guess.date!] ?? '');
    const style: DateStyle = guessDateStyle(dates) ?? 'iso';
    post({ type: 'needs-mapping', header, preview, guess, dateStyle: style });
    const reply = await new Promise<Extract<ToWorker, { type: 'mapping' }>>(
      (resolve) => (answer = resolve),
    );
    answer = null;
    if (!reply.columns) return fail(describeUnreadable(header, name, 'no-date-or-coordinates'));
    detected = genericDetected(reply.columns, reply.dateStyle);
  }
  await readEvents(file, name, sniffed, header, detected, started);
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
  const wanted = Object.values(detected.columns).filter((i): i is number => i !== undefined);
  const builder = new EventColumnsBuilder(Math.min(1 << 20, Math.max(1024, file.size / 200)));
  const problems: RowProblem[] = [];
  let rejected = 0;
  let isHeader = true;
  let firstRow = true;
  let brokenSeen = 0;
  const onRecord = (r: ByteRecord) => {
    if (isHeader) {
      // Only the header is read whole; from now on, only the cells a field maps to.
      isHeader = false;
      reader.setWanted(wanted);
      return;
    }
    // HDX's ACLED files have a second header of HXL tags (#date+occurred…): not an event.
    if (firstRow) {
      firstRow = false;
      if (isHashtagRow(r.cells)) return;
    }
    const row = readEventRow(r.cells, detected, sniffed.decimalComma, r.line, header);
    if (Array.isArray(row)) {
      rejected++;
      for (const p of row) if (problems.length < MAX_KEPT_PROBLEMS) problems.push(p);
    } else builder.add(row, r.start, r.length, r.line);
  };
  let longSeen = 0;
  const takeBroken = () => {
    for (; longSeen < reader.tooLong.length; longSeen++) {
      rejected++;
      if (problems.length < MAX_KEPT_PROBLEMS)
        problems.push({
          line: reader.tooLong[longSeen]!.line,
          field: '',
          value: '',
          problem: { code: 'line_too_long', params: { limit: MAX_RECORD_BYTES } },
          fix: { code: 'fix_line_too_long' },
        });
    }
    for (; brokenSeen < reader.broken.length; brokenSeen++) {
      const b = reader.broken[brokenSeen]!;
      rejected++;
      if (problems.length < MAX_KEPT_PROBLEMS)
        problems.push({
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
  const total = file.size;
  let bytes = 0;
  let lastPost = 0;
  const progress = (): Progress => ({ bytes, total, rows: builder.length, rejected });
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.push(value, onRecord);
    takeBroken();
    bytes += value.length;
    const now = performance.now();
    if (now - lastPost > PROGRESS_MS) {
      lastPost = now;
      post({ type: 'progress', progress: progress() });
    }
  }
  reader.end(onRecord);
  takeBroken();
  post({ type: 'progress', progress: progress() });
  problems.sort((a, b) => a.line - b.line);
  const columns = builder.finish();
  post(
    {
      type: 'events',
      read: {
        name,
        format: detected.format,
        sniffed,
        header,
        detected,
        columns,
        problems,
        rejected,
        file,
        ms: performance.now() - started,
      },
    },
    columnBuffers(columns),
  );
}
