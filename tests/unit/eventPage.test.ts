/**
 * The events table's page: newest first over several datasets' windows, filtered as the map
 * is, clamped at the ends, and the same as sorting the whole window would give.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { eventPage, type PageSlice } from '../../src/lib/import/eventPage.ts';
import {
  filterMasks,
  NO_FILTER,
  passes,
  type EventFilter,
} from '../../src/lib/import/eventWindow.ts';
import type { EventColumns } from '../../src/lib/import/types.ts';

/** Columns from events given in day order; `type` 1 is the one the filters below hide. */
function columns(events: { day: number; type?: number }[]): EventColumns {
  const n = events.length;
  return {
    n,
    positions: new Float32Array(2 * n),
    day: Float32Array.from(events.map((e) => e.day)),
    fatalities: new Float32Array(n),
    eventType: Uint8Array.from(events.map((e) => e.type ?? 0)),
    family: new Uint8Array(n),
    actor: new Uint32Array(n),
    precision: new Uint8Array(n),
    place: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: Uint32Array.from(events, (_, i) => i + 2),
    eventTypes: ['Battles', 'Protests'],
    actors: [''],
    places: [''],
  };
}

const HIDE_PROTESTS: EventFilter = { ...NO_FILTER, types: new Set([0]) };

function slice(
  events: { day: number; type?: number }[],
  lo = 0,
  hi = events.length,
  filter = NO_FILTER,
): PageSlice {
  const cols = columns(events);
  return { cols, lo, hi, masks: filterMasks(cols, filter) };
}

const days = (...d: number[]) => d.map((day) => ({ day }));
/** A page as "slice:index" strings, easy to read in a failure. */
const ids = (slices: PageSlice[], offset: number, size: number) => {
  const p = eventPage(slices, offset, size);
  return { total: p.total, first: p.first, rows: p.rows.map((r) => `${r.slice}:${r.index}`) };
};

describe('eventPage', () => {
  const ten = days(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  test.each([
    {
      name: 'the first page: the newest events',
      slices: [slice(ten)],
      offset: 0,
      size: 4,
      expected: { total: 10, first: 0, rows: ['0:9', '0:8', '0:7', '0:6'] },
    },
    {
      name: 'the last page is short',
      slices: [slice(ten)],
      offset: 8,
      size: 4,
      expected: { total: 10, first: 8, rows: ['0:1', '0:0'] },
    },
    {
      name: 'an offset past the end gives the last page',
      slices: [slice(ten)],
      offset: 40,
      size: 4,
      expected: { total: 10, first: 8, rows: ['0:1', '0:0'] },
    },
    {
      name: 'an offset inside a page starts at that page',
      slices: [slice(ten)],
      offset: 5,
      size: 4,
      expected: { total: 10, first: 4, rows: ['0:5', '0:4', '0:3', '0:2'] },
    },
    {
      name: 'only the window: the index range, not the whole dataset',
      slices: [slice(ten, 3, 6)],
      offset: 0,
      size: 4,
      expected: { total: 3, first: 0, rows: ['0:5', '0:4', '0:3'] },
    },
    {
      name: 'an empty window',
      slices: [slice(ten, 4, 4)],
      offset: 8,
      size: 4,
      expected: { total: 0, first: 0, rows: [] },
    },
    {
      name: 'no datasets',
      slices: [],
      offset: 0,
      size: 50,
      expected: { total: 0, first: 0, rows: [] },
    },
    {
      name: 'the filter: hidden events are neither counted nor listed',
      slices: [
        slice(
          [{ day: 1 }, { day: 2, type: 1 }, { day: 3 }, { day: 4, type: 1 }, { day: 5 }],
          0,
          5,
          HIDE_PROTESTS,
        ),
      ],
      offset: 0,
      size: 2,
      expected: { total: 3, first: 0, rows: ['0:4', '0:2'] },
    },
    {
      name: 'the filter, second page',
      slices: [
        slice(
          [{ day: 1 }, { day: 2, type: 1 }, { day: 3 }, { day: 4, type: 1 }, { day: 5 }],
          0,
          5,
          HIDE_PROTESTS,
        ),
      ],
      offset: 2,
      size: 2,
      expected: { total: 3, first: 2, rows: ['0:0'] },
    },
    {
      name: 'two datasets interleaved by day; on the same day the earlier dataset first',
      slices: [slice(days(1, 3, 5, 7)), slice(days(2, 3, 6))],
      offset: 0,
      size: 10,
      expected: { total: 7, first: 0, rows: ['0:3', '1:2', '0:2', '0:1', '1:1', '1:0', '0:0'] },
    },
    {
      name: 'two datasets, a page in the middle',
      slices: [slice(days(1, 3, 5, 7)), slice(days(2, 3, 6))],
      offset: 3,
      size: 3,
      expected: { total: 7, first: 3, rows: ['0:1', '1:1', '1:0'] },
    },
    {
      name: 'same day in one file: the later row first',
      slices: [slice(days(4, 4, 4))],
      offset: 0,
      size: 3,
      expected: { total: 3, first: 0, rows: ['0:2', '0:1', '0:0'] },
    },
  ])('$name', ({ slices, offset, size, expected }) => {
    expect(ids(slices, offset, size)).toEqual(expected);
  });

  test('every page together is the window sorted newest first (any datasets, filters, sizes)', () => {
    const dataset = fc
      .array(
        fc.record({ day: fc.integer({ min: 0, max: 30 }), type: fc.integer({ min: 0, max: 1 }) }),
        {
          maxLength: 25,
        },
      )
      .map((e) => e.sort((a, b) => a.day - b.day));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dataset, fc.boolean(), fc.nat(), fc.nat()), { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        (sets, size) => {
          const slices = sets.map(([events, filtered, a, b]) => {
            const lo = events.length ? a % (events.length + 1) : 0;
            const hi = lo + (events.length ? b % (events.length - lo + 1) : 0);
            return slice(events, lo, hi, filtered ? HIDE_PROTESTS : NO_FILTER);
          });
          // The reference: every shown event, sorted by day down, then dataset up, then index down.
          const all = slices.flatMap((s, k) => {
            const f = s.masks.types ? HIDE_PROTESTS : NO_FILTER;
            const out = [];
            for (let i = s.lo; i < s.hi; i++)
              if (passes(s.cols, i, f)) out.push({ slice: k, index: i, day: s.cols.day[i]! });
            return out;
          });
          all.sort((x, y) => y.day - x.day || x.slice - y.slice || y.index - x.index);
          const paged = [];
          for (let offset = 0; offset < all.length; offset += size) {
            const p = eventPage(slices, offset, size);
            expect(p.total).toBe(all.length);
            expect(p.first).toBe(offset);
            paged.push(...p.rows);
          }
          expect(paged).toEqual(all.map(({ slice, index }) => ({ slice, index })));
        },
      ),
    );
  });
});
