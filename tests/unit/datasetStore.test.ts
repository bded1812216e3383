/**
 * Imported datasets kept in the browser's store: their columns read back whole, and a dataset
 * kept before the dates' precision and the places were reads with precision 0 and no place.
 */
// IndexedDB in Node: fake-indexeddb's in-memory implementation of the standard API.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  DatasetStore,
  storedColumns,
  type DatasetMeta,
  type StoredColumns,
} from '../../src/lib/data/datasetStore.ts';
import { EventColumnsBuilder } from '../../src/lib/import/eventColumns.ts';
import { detectAs } from '../../src/lib/import/formats.ts';
import type { EventColumns, EventRow } from '../../src/lib/import/types.ts';
import { readFixture } from '../fixtures/import/read.ts';

const HEADER = readFixture('acled-current.csv').header;

const meta: DatasetMeta = {
  id: 'd1',
  name: 'acled-current.csv',
  format: 'acled',
  kind: 'events',
  rows: 2,
  rejected: 0,
  firstDay: 19800,
  lastDay: 19830,
  added: '2026-12-07T16:00:00.000Z',
  bytes: 100,
  header: HEADER,
  sniffed: { encoding: 'utf-8', bom: 0, delimiter: ',', decimalComma: false },
  detected: detectAs(HEADER, 'acled'),
  place: 'line',
  sheet: null,
  areaCount: 0,
};

const row = (day: number, over: Partial<EventRow>): EventRow => ({
  day,
  dayEnd: day,
  datePrecision: 'day',
  lat: -1.17,
  lon: 29.45,
  fatalities: 4,
  eventType: 'Battles',
  actor1: 'M23: March 23 Movement',
  actor2: '',
  family: 'rebel',
  admin1: 'Nord-Kivu',
  location: 'Kiwanja',
  ...over,
});

/** Two events as the importer leaves them: one dated to the month, one to the day. */
function built(): EventColumns {
  const b = new EventColumnsBuilder();
  b.add(row(19830, { datePrecision: 'month', location: 'Djugu', admin1: 'Ituri' }), 0, 10, 2);
  b.add(row(19800, {}), 11, 10, 3);
  return b.finish();
}

/** The same columns as a dataset kept before precision and places: neither is there. */
function old(): StoredColumns {
  const c: StoredColumns = built();
  delete c.precision;
  delete c.place;
  delete c.places;
  return c;
}

describe('storedColumns', () => {
  test('columns kept with their precision and places: as they are', () => {
    const c = built();
    expect(storedColumns(c)).toBe(c);
  });

  test('columns kept before: precision 0 and the place "" for every event, the rest as kept', () => {
    const c = storedColumns(old());
    expect([...c.precision]).toEqual([0, 0]);
    expect([...c.place].map((p) => c.places[p])).toEqual(['', '']);
    expect([...c.day]).toEqual([19800, 19830]);
    expect([...c.line]).toEqual([3, 2]);
  });

  test('no events: empty columns', () => {
    const c = storedColumns({ ...old(), n: 0, day: new Float32Array(0) });
    expect(c.precision.length).toBe(0);
    expect(c.place.length).toBe(0);
  });
});

describe('DatasetStore.columns', () => {
  let serial = 0;
  const open = () => DatasetStore.open(`columns-test-${++serial}`);

  test('kept and read back: each event keeps its precision and place', async () => {
    const store = await open();
    expect(await store.put(meta, built(), [], new Blob(['x']))).toBeNull();
    const c = (await store.columns('d1'))!;
    expect([...c.precision]).toEqual([1, 3]);
    expect([...c.place].map((p) => c.places[p])).toEqual(['Kiwanja, Nord-Kivu', 'Djugu, Ituri']);
    store.close();
  });

  test('a dataset kept before this change reads without a crash, of unknown precision', async () => {
    const store = await open();
    // Written as the store wrote it then: the record has no precision, place or places.
    expect(await store.put(meta, old() as EventColumns, [], new Blob(['x']))).toBeNull();
    const c = (await store.columns('d1'))!;
    expect(c.n).toBe(2);
    expect([...c.precision]).toEqual([0, 0]);
    expect([...c.place]).toEqual([0, 0]);
    expect(c.places).toEqual(['']);
    store.close();
  });

  test('a dataset not kept here: nothing', async () => {
    const store = await open();
    expect(await store.columns('nothing')).toBeUndefined();
    store.close();
  });
});
