import { describe, expect, test } from 'vitest';
import { idOf, inSpan, keepUnchanged, shownKey } from '../../src/lib/map/layers/contentKey.ts';
import {
  hotspotsKey,
  NEVER_AFTER,
  NEVER_BEFORE,
  type HotspotDatum,
  type SiteDatum,
} from '../../src/lib/map/layers/prepare.ts';
import { FADE_DAYS, siteMarks, sitesKey } from '../../src/lib/map/layers/siteMarks.ts';

describe('shownKey: the entries shown, by index, with how they show', () => {
  test.each([
    { what: 'none shown', at: [false, false], expected: '' },
    { what: 'all shown plainly', at: [true, true, true], expected: '0,1,2' },
    { what: 'some shown', at: [false, true, false, true], expected: '1,3' },
    { what: 'one shown otherwise', at: [true, '12', false], expected: '0,1~12' },
  ])('$what', ({ at, expected }) => {
    expect(shownKey(at.length, (i) => at[i]!)).toBe(expected);
  });
});

describe('inSpan: the GPU filter test', () => {
  test.each([
    { day: 9, expected: false },
    { day: 10, expected: true },
    { day: 20, expected: true },
    { day: 21, expected: false },
  ])('day $day in [10, 20]: $expected', ({ day, expected }) => {
    expect(inSpan([10, 20], day)).toBe(expected);
  });
});

test('idOf: one number per object, for as long as it lives', () => {
  const a = {};
  const b = {};
  expect(idOf(a)).toBe(idOf(a));
  expect(idOf(a)).not.toBe(idOf(b));
});

/** A site open on days [opened, last], or still open when `last` is null. */
const site = (id: string, opened: number, last: number | null) =>
  ({
    site: { id, kind: 'cob', closed: last === null ? null : { last }, closure: 'closed' },
    position: [0, 0],
    span: [opened, last ?? NEVER_AFTER],
    size: 20,
  }) as unknown as SiteDatum;

// Kananga opens on day 100 and is open to day 200; Goma is always open.
const marks = siteMarks([site('kananga', 100, 200), site('goma', NEVER_BEFORE, null)], {
  sites: true,
  closed: true,
});
const atlas = { canvas: {} };

describe('sitesKey: equal keys for two days exactly when the layer draws the same', () => {
  test.each([
    { what: 'a quiet stretch while open', a: 120, b: 150, fade: true, same: true },
    { what: 'the day it opens', a: 99, b: 100, fade: true, same: false },
    { what: 'the closure mark appears', a: 150, b: 169, fade: true, same: false },
    { what: 'fading: days left change size and alpha', a: 175, b: 185, fade: true, same: false },
    { what: 'without fading (reduced motion): the same', a: 175, b: 185, fade: false, same: true },
    {
      what: 'just before the fade and in it',
      a: 200 - FADE_DAYS - 1,
      b: 200 - FADE_DAYS + 1,
      fade: true,
      same: false,
    },
    { what: 'closed: ghost and mark, then the mark goes', a: 220, b: 240, fade: true, same: false },
    { what: 'years after: only the ghost', a: 300, b: 5000, fade: true, same: true },
  ])('$what (days $a and $b)', ({ a, b, fade, same }) => {
    expect(sitesKey(marks, a, atlas, fade) === sitesKey(marks, b, atlas, fade)).toBe(same);
  });

  test('other entries or another atlas: another key', () => {
    const fewer = siteMarks([site('goma', NEVER_BEFORE, null)], { sites: true, closed: true });
    expect(sitesKey(fewer, 150, atlas, true)).not.toBe(sitesKey(marks, 150, atlas, true));
    expect(sitesKey(marks, 150, { canvas: {} }, true)).not.toBe(sitesKey(marks, 150, atlas, true));
  });
});

describe('hotspotsKey: equal keys exactly when the same hotspots are active', () => {
  const hotspots = [{ span: [10, 20] }, { span: [15, NEVER_AFTER] }] as unknown as HotspotDatum[];
  test.each([
    { a: 5, b: 9, same: true },
    { a: 9, b: 10, same: false },
    { a: 15, b: 20, same: true },
    { a: 20, b: 21, same: false },
    { a: 21, b: 9000, same: true },
  ])('days $a and $b: same $same', ({ a, b, same }) => {
    expect(hotspotsKey(hotspots, a) === hotspotsKey(hotspots, b)).toBe(same);
  });
});

describe('keepUnchanged: a layer stating the same key as the one given is kept', () => {
  const layer = (id: string, contentKey?: string, n = 0) => ({ id, props: { contentKey, n } });
  const a1 = layer('a', 'k1');
  const b1 = layer('b', 'k1');
  test.each([
    { what: 'same id, same key: the old one', prev: [a1], next: [layer('a', 'k1', 1)], out: [a1] },
    {
      what: 'same id, new key: the new one',
      prev: [a1],
      next: [layer('a', 'k2', 1)],
      out: [layer('a', 'k2', 1)],
    },
    {
      what: 'no key: always the new one',
      prev: [layer('a')],
      next: [layer('a', undefined, 1)],
      out: [layer('a', undefined, 1)],
    },
    {
      what: 'same key, another id: the new one',
      prev: [a1],
      next: [layer('c', 'k1', 1)],
      out: [layer('c', 'k1', 1)],
    },
    {
      what: 'one of two changed: the other is kept',
      prev: [a1, b1],
      next: [layer('a', 'k1', 1), layer('b', 'k2', 1)],
      out: [a1, layer('b', 'k2', 1)],
    },
    {
      what: 'a layer added: kept ones stay, the new one comes',
      prev: [b1],
      next: [layer('a', 'k1', 1), layer('b', 'k1', 1)],
      out: [layer('a', 'k1', 1), b1],
    },
  ])('$what', ({ prev, next, out }) => {
    // `n` tells a kept layer (0) from a new one (1).
    expect(keepUnchanged(prev, next)).toEqual(out);
  });

  test('every layer kept: the previous array itself, so nothing is given to deck.gl', () => {
    const prev = [a1, b1];
    expect(keepUnchanged(prev, [layer('a', 'k1', 2), layer('b', 'k1', 2)])).toBe(prev);
  });

  test('one dropped: a new array', () => {
    const prev = [a1, b1];
    const got = keepUnchanged(prev, [layer('a', 'k1', 2)]);
    expect(got).not.toBe(prev);
    expect(got).toEqual([a1]);
  });
});
