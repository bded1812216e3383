/** The columnar event table: sorted by day, stably, with every field carried along. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayOrder, EventColumnsBuilder, columnBuffers } from '../../src/lib/import/eventColumns.ts';
import type { EventRow } from '../../src/lib/import/types.ts';

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

  test('grows past its first capacity without losing a row', () => {
    const b = new EventColumnsBuilder(16);
    for (let i = 0; i < 1000; i++) b.add(ev(1000 - i, { lon: i / 100 }), i * 10, 9, i + 2);
    const c = b.finish();
    expect(c.n).toBe(1000);
    expect(c.day[0]).toBe(1);
    expect(c.positions[0]).toBeCloseTo(9.99, 5);
    expect(c.line[999]).toBe(2);
    expect(columnBuffers(c).every((buf) => buf instanceof ArrayBuffer)).toBe(true);
  });
});
