/** The columnar event table: sorted by day, stably, with every field carried along. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  columnBuffers,
  copyColumns,
  dayOrder,
  EventColumnsBuilder,
  placeName,
} from '../../src/lib/import/eventColumns.ts';
import { DATE_PRECISIONS, type EventRow } from '../../src/lib/import/types.ts';

const ev = (day: number, over: Partial<EventRow> = {}): EventRow => ({
  day,
  dayEnd: day,
  datePrecision: 'day',
  lat: -1.5,
  lon: 29.2,
  fatalities: null,
  eventType: 'Battles',
  actor1: 'M23: March 23 Movement',
  actor2: '',
  family: 'rebel',
  admin1: 'Nord-Kivu',
  location: 'Goma',
  ...over,
});

describe('dayOrder', () => {
  test.each([
    { name: 'empty', days: [], order: [] },
    { name: 'sorted', days: [1, 2, 3], order: [0, 1, 2] },
    { name: 'reversed', days: [3, 2, 1], order: [2, 1, 0] },
    { name: 'ties keep file order', days: [5, 4, 5, 4], order: [1, 3, 0, 2] },
    { name: 'negative days (before 1970)', days: [-10, 18000, -20], order: [2, 0, 1] },
    { name: 'a span far wider than the rows', days: [1e6, -1e6, 0], order: [1, 2, 0] },
  ])('$name', ({ days, order }) => {
    expect([...dayOrder(new Float32Array(days), days.length)]).toEqual(order);
  });

  test('equals a stable comparison sort on any days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 17000, max: 20000 }), { maxLength: 300 }), (days) => {
        const expected = days.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);
        expect([...dayOrder(new Float32Array(days), days.length)]).toEqual(expected);
      }),
    );
  });
});

describe('EventColumnsBuilder', () => {
  test('sorts every column together and keeps where each row was', () => {
    const b = new EventColumnsBuilder(16);
    b.add(
      ev(200, { lon: 29, lat: -1, fatalities: 3, eventType: 'Riots', family: 'rioters' }),
      10,
      5,
      2,
    );
    b.add(ev(100, { lon: 28, lat: -2, actor1: 'ADF: Allied Democratic Forces' }), 16, 7, 3);
    b.add(ev(150, { lon: 27, lat: -3, fatalities: 0, family: 'state' }), 24, 9, 5);
    const c = b.finish();
    expect(c.n).toBe(3);
    expect([...c.day]).toEqual([100, 150, 200]);
    expect([...c.positions]).toEqual([28, -2, 27, -3, 29, -1]);
    expect([...c.fatalities]).toEqual([-1, 0, 3]);
    expect(c.eventTypes).toEqual(['Riots', 'Battles']);
    expect([...c.eventType]).toEqual([1, 1, 0]);
    expect(c.actors).toEqual(['M23: March 23 Movement', 'ADF: Allied Democratic Forces']);
    expect([...c.actor]).toEqual([1, 0, 0]);
    expect([...c.family]).toEqual([1, 0, 4]);
    expect([...c.rowStart]).toEqual([16, 24, 10]);
    expect([...c.rowLength]).toEqual([7, 9, 5]);
    expect([...c.line]).toEqual([3, 5, 2]);
  });

  test('keeps each date precision and place with its event through the sort', () => {
    const b = new EventColumnsBuilder(16);
    b.add(ev(300, { datePrecision: 'year', location: '', admin1: '' }), 0, 1, 2);
    b.add(ev(100, { datePrecision: 'month', location: 'Kiwanja', admin1: 'Nord-Kivu' }), 2, 1, 3);
    b.add(ev(200, { datePrecision: 'week', location: 'Kalemie', admin1: 'Tanganyika' }), 4, 1, 4);
    b.add(ev(100, { datePrecision: 'day', location: 'Kiwanja', admin1: 'Nord-Kivu' }), 6, 1, 5);
    b.add(ev(50, { datePrecision: 'day', location: 'Bunia', admin1: '' }), 8, 1, 6);
    const c = b.finish();
    expect([...c.line]).toEqual([6, 3, 5, 4, 2]);
    expect([...c.precision].map((p) => DATE_PRECISIONS[p])).toEqual([
      'day',
      'month',
      'day',
      'week',
      'year',
    ]);
    expect(c.places).toEqual(['', 'Kiwanja, Nord-Kivu', 'Kalemie, Tanganyika', 'Bunia']);
    expect([...c.place].map((p) => c.places[p])).toEqual([
      'Bunia',
      'Kiwanja, Nord-Kivu',
      'Kiwanja, Nord-Kivu',
      'Kalemie, Tanganyika',
      '',
    ]);
  });

  test('one name for two spellings of one place', () => {
    const b = new EventColumnsBuilder(16);
    b.add(ev(1, { location: 'Goma', admin1: '' }), 0, 1, 2);
    b.add(ev(2, { location: 'Goma', admin1: 'Goma' }), 2, 1, 3);
    const c = b.finish();
    expect(c.places).toEqual(['Goma']);
    expect([...c.place]).toEqual([0, 0]);
  });

  test('one location in two admin1s: two places, each event with its own', () => {
    const b = new EventColumnsBuilder(16);
    b.add(ev(1, { location: 'Bunyakiri', admin1: 'Sud-Kivu' }), 0, 1, 2);
    b.add(ev(2, { location: 'Bunyakiri', admin1: 'Nord-Kivu' }), 2, 1, 3);
    b.add(ev(3, { location: 'Bunyakiri', admin1: 'Sud-Kivu' }), 4, 1, 4);
    b.add(ev(4, { location: 'Bunyakiri', admin1: '' }), 6, 1, 5);
    const c = b.finish();
    expect([...c.place].map((p) => c.places[p])).toEqual([
      'Bunyakiri, Sud-Kivu',
      'Bunyakiri, Nord-Kivu',
      'Bunyakiri, Sud-Kivu',
      'Bunyakiri',
    ]);
    expect(c.places).toHaveLength(3);
  });

  test('a copy holds the same columns in arrays of its own', () => {
    const b = new EventColumnsBuilder(16);
    b.add(ev(2, { datePrecision: 'month', location: 'Beni' }), 0, 1, 2);
    b.add(ev(1, { datePrecision: 'week', location: 'Uvira', admin1: 'Sud-Kivu' }), 2, 1, 3);
    const c = b.finish();
    const copy = copyColumns(c);
    expect(copy).toEqual(c);
    copy.precision[0] = 0;
    copy.place[0] = 7;
    expect(c.precision[0]).toBe(2);
    expect(c.places[c.place[0]!]).toBe('Uvira, Sud-Kivu');
    // Every array crosses to the page: the new ones too, each buffer once.
    const buffers = columnBuffers(c);
    expect(buffers).toContain(c.precision.buffer);
    expect(buffers).toContain(c.place.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  test('grows past its first capacity without losing a row', () => {
    const b = new EventColumnsBuilder(16);
    for (let i = 0; i < 1000; i++) b.add(ev(1000 - i, { lon: i / 100 }), i * 10, 9, i + 2);
    const c = b.finish();
    expect(c.n).toBe(1000);
    expect(c.day[0]).toBe(1);
    expect(c.positions[0]).toBeCloseTo(9.99, 5);
    expect(c.line[999]).toBe(2);
    expect(c.precision.every((p) => DATE_PRECISIONS[p] === 'day')).toBe(true);
    expect(c.places).toEqual(['Goma, Nord-Kivu']);
    expect(columnBuffers(c).every((buf) => buf instanceof ArrayBuffer)).toBe(true);
  });
});

describe('placeName', () => {
  test.each([
    {
      name: 'location and admin1',
      location: 'Kiwanja',
      admin1: 'Nord-Kivu',
      expected: 'Kiwanja, Nord-Kivu',
    },
    { name: 'location only', location: 'Bunia', admin1: '', expected: 'Bunia' },
    { name: 'admin1 only', location: '', admin1: 'Ituri', expected: 'Ituri' },
    { name: 'neither', location: '', admin1: '', expected: '' },
    { name: 'the same twice', location: 'Kinshasa', admin1: 'Kinshasa', expected: 'Kinshasa' },
  ])('$name', ({ location, admin1, expected }) => {
    expect(placeName(location, admin1)).toBe(expected);
  });
});

describe('DATE_PRECISIONS', () => {
  test('0 is unknown, then day, week, month, year', () => {
    expect(DATE_PRECISIONS).toEqual([null, 'day', 'week', 'month', 'year']);
  });
});
