/**
 * Saying a dataset is in another format its header cannot tell apart (UCDP Candidate or GED):
 * which formats are offered, the description relabelled and nothing else, and kept so in the
 * browser's store.
 */
// IndexedDB in Node: fake-indexeddb's in-memory implementation of the standard API.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  DatasetStore,
  readAsChoices,
  relabelled,
  type DatasetMeta,
} from '../../src/lib/data/datasetStore.ts';
import { ALTERNATIVES, detectAs, detectFormat, FORMATS } from '../../src/lib/import/formats.ts';
import type { EventColumns, FormatId } from '../../src/lib/import/types.ts';
import { readFixture } from '../fixtures/import/read.ts';

const CANDIDATE = readFixture('ucdp-candidate.csv').header;

/** The description a GED-shaped file gets when read. */
function metaOf(format: FormatId, id = 'd1'): DatasetMeta {
  const detected = detectAs(CANDIDATE, format);
  return {
    id,
    name: 'ucdp-candidate.csv',
    format,
    kind: 'events',
    rows: 5,
    rejected: 0,
    firstDay: 19760,
    lastDay: 19813,
    added: '2026-12-07T16:00:00.000Z',
    bytes: 2900,
    header: CANDIDATE,
    sniffed: { encoding: 'utf-8', bom: 0, delimiter: ',', decimalComma: false },
    detected,
    place: 'line',
    sheet: null,
    areaCount: 0,
  };
}

describe('readAsChoices', () => {
  test.each([
    {
      name: 'GED: itself, then Candidate',
      format: 'ucdp-ged',
      expected: ['ucdp-ged', 'ucdp-candidate'],
    },
    {
      name: 'Candidate: itself, then GED',
      format: 'ucdp-candidate',
      expected: ['ucdp-candidate', 'ucdp-ged'],
    },
    { name: 'ACLED: no choice', format: 'acled', expected: [] },
    { name: 'a table of the user’s: no choice', format: 'generic', expected: [] },
    { name: 'no format: no choice', format: null, expected: [] },
  ] as { name: string; format: FormatId | null; expected: FormatId[] }[])(
    '$name',
    ({ format, expected }) => {
      expect(readAsChoices(format)).toEqual(expected);
    },
  );

  test('every alternative a format lists is offered: each reads the cells alike', () => {
    for (const [format, others] of Object.entries(ALTERNATIVES) as [FormatId, FormatId[]][])
      expect(readAsChoices(format)).toEqual([format, ...others]);
  });

  test('a Candidate file is recognised as GED, and read as Candidate its columns are the same', () => {
    expect(detectFormat(CANDIDATE)?.format).toBe('ucdp-ged');
    const ged = detectAs(CANDIDATE, 'ucdp-ged');
    const candidate = detectAs(CANDIDATE, 'ucdp-candidate');
    expect(candidate).toEqual({ ...ged, format: 'ucdp-candidate' });
    expect(FORMATS['ucdp-candidate'].terms).not.toBe(FORMATS['ucdp-ged'].terms);
  });
});

describe('relabelled', () => {
  test.each([
    { name: 'GED said to be Candidate', from: 'ucdp-ged', to: 'ucdp-candidate' },
    { name: 'and back', from: 'ucdp-candidate', to: 'ucdp-ged' },
  ] as { name: string; from: FormatId; to: FormatId }[])(
    '$name: format and recognition, nothing else',
    ({ from, to }) => {
      const meta = metaOf(from);
      const next = relabelled(meta, to)!;
      expect(next.format).toBe(to);
      expect(next.detected).toEqual({ ...meta.detected, format: to });
      expect({ ...next, format: from, detected: meta.detected }).toEqual(meta);
      // The description read is left as it was.
      expect(meta.format).toBe(from);
    },
  );

  test.each([
    { name: 'its own format: the same description', from: 'ucdp-ged', to: 'ucdp-ged', same: true },
    { name: 'GED is not ACLED', from: 'ucdp-ged', to: 'acled', same: false },
    { name: 'ACLED is not GED', from: 'acled', to: 'ucdp-ged', same: false },
    { name: 'a user’s table is not Candidate', from: 'generic', to: 'ucdp-candidate', same: false },
  ] as { name: string; from: FormatId; to: FormatId; same: boolean }[])(
    '$name',
    ({ from, to, same }) => {
      const meta = metaOf(from);
      expect(relabelled(meta, to)).toBe(same ? meta : null);
    },
  );
});

describe('DatasetStore.relabel', () => {
  const columns = { n: 0 } as EventColumns;
  let serial = 0;
  const open = () => DatasetStore.open(`relabel-test-${++serial}`);

  test('kept relabelled: a later load lists it in its new format', async () => {
    const store = await open();
    await store.put(metaOf('ucdp-ged'), columns, [], new Blob(['x']));
    expect(await store.relabel('d1', 'ucdp-candidate')).toBeNull();
    const [meta] = await store.list();
    expect(meta?.format).toBe('ucdp-candidate');
    expect(meta?.detected.format).toBe('ucdp-candidate');
    store.close();
  });

  test.each([
    { name: 'to a format it cannot be: unchanged', id: 'd1', to: 'acled' as FormatId },
    {
      name: 'a dataset not kept here: nothing written',
      id: 'other',
      to: 'ucdp-candidate' as FormatId,
    },
  ])('$name', async ({ id, to }) => {
    const store = await open();
    await store.put(metaOf('ucdp-ged'), columns, [], new Blob(['x']));
    expect(await store.relabel(id, to)).toBeNull();
    expect((await store.list()).map((m) => [m.id, m.format])).toEqual([['d1', 'ucdp-ged']]);
    store.close();
  });
});
