import { describe, expect, test } from 'vitest';
import { overwriteGetLocale } from '../../src/paraglide/runtime.js';
import {
  emptyDeck,
  MAX_SLIDES,
  MAX_CALLOUTS,
  moveSlide,
  newCalloutId,
  newSlideId,
  withCallout,
  orderedIds,
  parseDeckJson,
  parseSlideRecord,
  slideKey,
  uniqueSlideIds,
  type Callout,
  type Slide,
} from '../../src/lib/domain/slideDeck.ts';
import { say, type Said } from '../../src/lib/domain/problems.ts';

/** Problems in English words, as a person reads them. */
const words = (list: Said[]) => list.map((x) => say(x, 'en'));

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
    if (!r.ok) expect(words(r.errors).join('\n')).toMatch(error!);
    else expect(r.deck).toEqual(json);
  });
  test('not JSON', () => {
    const r = parseDeckJson('{');
    expect(r.ok || say(r.errors[0]!, 'en')).toMatch(/^not JSON/);
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
  // From the clock (two tabs adding at once must not pick one id), and never one the deck has.
  expect(newSlideId(emptyDeck(), 36 ** 3)).toBe('slide-1000');
  expect(newSlideId(deck('slide-1000'), 36 ** 3)).toBe('slide-1000-2');
  expect(newSlideId(deck('slide-1000', 'slide-1000-2'), 36 ** 3)).toBe('slide-1000-3');
});

describe('repeated slide ids (issue 27)', () => {
  test.each([
    { ids: ['a', 'b'], out: ['a', 'b'], notices: 0 },
    { ids: ['a', 'a'], out: ['a', 'slide-3'], notices: 1 },
    { ids: ['slide-3', 'slide-3', 'x'], out: ['slide-3', 'slide-4', 'x'], notices: 1 },
    { ids: ['a', 'a', 'a'], out: ['a', 'slide-4', 'slide-5'], notices: 2 },
  ])('$ids → $out', ({ ids, out, notices }) => {
    const r = uniqueSlideIds(deck(...ids));
    expect(r.deck.slides.map((s) => s.id)).toEqual(out);
    expect(r.notices).toHaveLength(notices);
  });

  test('regression: a deck with two slides sharing an id imports with one renumbered, and says so', () => {
    const r = parseDeckJson(JSON.stringify(deck('intro', 'intro')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.deck.slides.map((s) => s.id)).toEqual(['intro', 'slide-3']);
    expect(words(r.notices)).toEqual(['slide 2 repeated the id "intro" and is now "slide-3"']);
    expect(r.notices).toEqual([
      { code: 'slide_id_repeated', params: { n: 2, id: 'intro', newId: 'slide-3' } },
    ]);
  });
});

test.each([
  { order: ['b', 'a'], keys: ['a', 'b'], out: ['b', 'a'] },
  // A slide whose id never reached the order (an older copy, a failed write) is not lost.
  { order: ['b'], keys: ['a', 'b', 'c'], out: ['b', 'a', 'c'] },
  // An id in the order with no slide (deleted in another tab) is dropped; repeats once.
  { order: ['x', 'a', 'a'], keys: ['a'], out: ['a'] },
  { order: undefined, keys: ['c', 'a'], out: ['a', 'c'] },
])('orderedIds($order, $keys) → $out', ({ order, keys, out }) => {
  expect(orderedIds(order, keys)).toEqual(out);
});

test('a stored slide is read under its key, or its problems are given', () => {
  const s = deck('x').slides[0]!;
  expect(parseSlideRecord('key', s)).toEqual({ ok: true, slide: { ...s, id: 'key' } });
  const bad = parseSlideRecord('key', { ...s, date: '2021-13-01' });
  expect(bad.ok).toBe(false);
  expect(!bad.ok && say(bad.errors[0]!, 'en')).toMatch(/^date: /);
});

test('regression: a deck of more slides than anyone presents is refused, saying so', () => {
  const many = deck(...Array.from({ length: MAX_SLIDES + 1 }, (_, i) => `s${i}`));
  const r = parseDeckJson(JSON.stringify(many));
  expect(r.ok).toBe(false);
  expect(!r.ok && words(r.errors)).toEqual([`slides: has more than ${MAX_SLIDES} slides`]);
  expect(parseDeckJson(JSON.stringify({ ...many, slides: many.slides.slice(1) })).ok).toBe(true);
});

test('a new deck is named in the interface’s language', () => {
  expect(emptyDeck().name).toBe('Briefing');
  overwriteGetLocale(() => 'fr');
  try {
    expect(emptyDeck().name).toBe('Point de situation');
  } finally {
    overwriteGetLocale(() => 'en');
  }
});

const goma: Callout = {
  id: 'callout-1',
  text: 'Goma falls, 28 Jan',
  at: [29.2386, -1.6792],
  siteId: 'goma',
  offset: [40, -30],
};
/** A one-slide deck whose slide carries `callouts`, as JSON text. */
const withCallouts = (callouts: unknown) =>
  JSON.stringify({ ...emptyDeck(), slides: [{ ...slide('a'), callouts }] });

describe('callouts in a deck', () => {
  test.each([
    { name: 'one anchored to a site', callouts: [goma], error: null },
    { name: 'one anchored to a place', callouts: [{ ...goma, siteId: undefined }], error: null },
    { name: 'none', callouts: [], error: null },
    {
      name: 'the most a slide holds',
      callouts: Array.from({ length: MAX_CALLOUTS }, (_, i) => ({ ...goma, id: `c-${i}` })),
      error: null,
    },
    {
      name: 'one too many',
      callouts: Array.from({ length: MAX_CALLOUTS + 1 }, (_, i) => ({ ...goma, id: `c-${i}` })),
      error: /^slides\.0\.callouts: has more than 12 callouts/,
    },
    {
      name: 'an 81-character text',
      callouts: [{ ...goma, text: 'x'.repeat(81) }],
      error: /^slides\.0\.callouts\.0\.text: has a callout text over 80 characters/,
    },
    {
      name: 'an empty text',
      callouts: [{ ...goma, text: '  ' }],
      error: /^slides\.0\.callouts\.0\.text: is a callout with no text/,
    },
    {
      name: 'an anchor in New York',
      callouts: [{ ...goma, at: [-74, 40.7] }],
      error: /^slides\.0\.callouts\.0\.at: is not a longitude and latitude on the map/,
    },
    {
      name: 'latitude and longitude swapped past the box',
      callouts: [{ ...goma, at: [-1.6792, 29.2386] }],
      error: /callouts\.0\.at: is not a longitude/,
    },
    {
      name: 'an offset too far',
      callouts: [{ ...goma, offset: [40, -3000] }],
      error: /callouts\.0\.offset: is not a label offset/,
    },
    {
      name: 'an id with markup',
      callouts: [{ ...goma, id: '<b>' }],
      error: /callouts\.0\.id: is not a callout id/,
    },
    {
      name: 'a site id with markup',
      callouts: [{ ...goma, siteId: '<img src=x>' }],
      error: /callouts\.0\.siteId: is not a site/,
    },
    {
      name: 'not a list',
      callouts: 'Goma',
      error: /callouts: is not what was expected/,
    },
  ])('$name', ({ callouts, error }) => {
    const r = parseDeckJson(withCallouts(callouts));
    if (error) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(words(r.errors).join('\n')).toMatch(error);
    } else {
      expect(r.ok ? r.deck.slides[0]!.callouts : words(r.errors)).toEqual(
        JSON.parse(withCallouts(callouts)).slides[0].callouts,
      );
    }
  });

  test('a deck saved before callouts loads unchanged, with none', () => {
    const r = parseDeckJson(JSON.stringify(deck('a', 'b')));
    expect(r.ok && r.deck.slides.map((s) => s.callouts)).toEqual([undefined, undefined]);
  });

  test('a stored slide keeps its callouts', () => {
    const r = parseSlideRecord('a', { ...slide('x'), callouts: [goma] });
    expect(r.ok && r.slide.callouts).toEqual([goma]);
  });

  test.each([
    { name: 'added to none', list: undefined, c: goma, ids: ['callout-1'], text: goma.text },
    {
      name: 'added after another',
      list: [{ ...goma, id: 'other' }],
      c: goma,
      ids: ['other', 'callout-1'],
      text: goma.text,
    },
    {
      name: 'put in place of its old self',
      list: [goma, { ...goma, id: 'other' }],
      c: { ...goma, text: 'Goma retaken' },
      ids: ['callout-1', 'other'],
      text: 'Goma retaken',
    },
  ])('withCallout: $name', ({ list, c, ids, text }) => {
    const out = withCallout(list, c);
    expect(out.map((x) => x.id)).toEqual(ids);
    expect(out.find((x) => x.id === c.id)!.text).toBe(text);
  });

  test('newCalloutId is unique on its slide', () => {
    expect(newCalloutId({}, 36 ** 3)).toBe('callout-1000');
    expect(newCalloutId({ callouts: [{ ...goma, id: 'callout-1000' }] }, 36 ** 3)).toBe(
      'callout-1000-2',
    );
  });
});
