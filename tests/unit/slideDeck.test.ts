import { describe, expect, test } from 'vitest';
import {
  emptyDeck,
  moveSlide,
  newSlideId,
  parseDeckJson,
  slideKey,
  type Slide,
} from '../../src/lib/domain/slideDeck.ts';

const slide = (id: string, extra: Partial<Slide> = {}): Slide => ({
  id,
  caption: `Slide ${id}`,
  date: '2021-07-15',
  playTo: null,
  view: [23.6, -2.9, 4.6],
  layers: ['phases', 'sites'],
  plan: 'actual',
  sel: null,
  scn: null,
  ...extra,
});
const deck = (...ids: string[]) => ({ ...emptyDeck(), slides: ids.map((i) => slide(i)) });

describe('parseDeckJson', () => {
  test.each([
    { json: deck('a', 'b'), ok: true },
    {
      json: { ...deck('a'), slides: [slide('a', { playTo: '2022-06-30', sel: 'kananga' })] },
      ok: true,
    },
    { json: { ...deck('a'), version: 2 }, ok: false, error: /version: is not version 1/ },
    {
      json: { ...deck(), slides: [slide('a', { date: '2021-13-01' })] },
      ok: false,
      error: /slides\.0\.date/,
    },
    {
      json: { ...deck(), slides: [slide('a', { view: [200, 0, 4] })] },
      ok: false,
      error: /slides\.0\.view: is not a longitude/,
    },
    {
      json: { ...deck(), slides: [slide('a', { plan: 'plan-b' as never })] },
      ok: false,
      error: /slides\.0\.plan/,
    },
    {
      json: { ...deck(), slides: [slide('a', { sel: '<img src=x>' })] },
      ok: false,
      error: /slides\.0\.sel/,
    },
    { json: [1], ok: false, error: /not a slide deck/ },
  ])('$json.version / $ok', ({ json, ok, error }) => {
    const r = parseDeckJson(JSON.stringify(json));
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(error!);
    else expect(r.deck).toEqual(json);
  });
  test('not JSON', () => {
    const r = parseDeckJson('{');
    expect(r.ok || r.errors[0]).toMatch(/^not JSON/);
  });
});

describe('moveSlide', () => {
  test.each([
    { from: 0, to: 2, order: 'bca' },
    { from: 2, to: 0, order: 'cab' },
    { from: 1, to: 1, order: 'abc' },
    { from: 0, to: 99, order: 'bca' },
    { from: 5, to: 0, order: 'abc' },
  ])('$from → $to gives $order', ({ from, to, order }) => {
    expect(
      moveSlide(deck('a', 'b', 'c'), from, to)
        .slides.map((s) => s.id)
        .join(''),
    ).toBe(order);
  });
});

describe('slideKey (what a presentation clicker sends)', () => {
  test.each([
    ['ArrowRight', 0, 1],
    ['PageDown', 1, 2],
    ['PageDown', 2, 2],
    ['ArrowLeft', 2, 1],
    ['PageUp', 0, 0],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['x', 1, null],
  ])('%s at %i of 3 → %s', (key, at, next) => {
    expect(slideKey(key as string, at as number, 3)).toBe(next);
  });
});

test('newSlideId is unique', () => {
  const d = deck('slide-2');
  expect(newSlideId(d)).not.toBe('slide-2');
  expect(newSlideId(emptyDeck())).toBe('slide-1');
});
