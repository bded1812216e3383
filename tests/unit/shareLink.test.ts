import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import {
  adoptScenarios,
  deckLinkHash,
  scenarioLinkHash,
  decodeDeckLink,
  decodeParam,
  decodeScenarioLink,
  encodeDeckLink,
  encodeScenarioLink,
  fromBase64Url,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  MAX_PARAM_CHARS,
  toBase64Url,
  type LinkProblem,
} from '../../src/lib/domain/shareLink.ts';
import { formatHash, parseHash } from '../../src/lib/domain/hash.ts';
import { PLANS } from '../../src/lib/domain/schema.ts';
import type { Slide, SlideDeck } from '../../src/lib/domain/slideDeck.ts';
import type { UserScenario } from '../../src/lib/domain/userScenario.ts';
import { deckOf, scenarioOf } from '../fixtures/shareDecks.ts';

/** A parameter value holding `json` as the app writes one, whatever it is. */
const paramOf = (json: unknown, version = 1) =>
  `${version}.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(json))))}`;

const problemOf = (r: { ok: boolean; problem?: LinkProblem }) => (r.ok ? null : r.problem!.kind);

describe('base64url', () => {
  test.each([
    { bytes: [], text: '' },
    { bytes: [0xfb], text: '-w' },
    { bytes: [0xff, 0xff], text: '__8' },
    { bytes: [104, 105, 33], text: 'aGkh' },
  ])('$text', ({ bytes, text }) => {
    expect(toBase64Url(new Uint8Array(bytes))).toBe(text);
    expect([...fromBase64Url(text)!]).toEqual(bytes);
  });

  test.each(['a', 'ab+c', 'ab/c', 'ab=c', 'é', 'abcde'])('refuses %j', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });
});

describe('scenario links', () => {
  test('round trip, with added hotspots', () => {
    const scenario: UserScenario = {
      ...scenarioOf('smk2f9a1x', 'Bukavu stays open'),
      hotspots: [
        {
          id: 'suggested-minova',
          group: 'M23',
          label: 'Minova',
          province_iso: 'CD-SK',
          lat: '-1.70',
          lon: '29.01',
          radius_km: '25',
          from: '2024-02-01',
          from_precision: 'day',
          to: '',
          to_precision: '',
          intensity: 'high',
          intensity_basis: 'events',
          source: 'imported: acled.csv',
          confidence: 'medium',
          notes: '',
        },
      ],
    };
    const r = decodeScenarioLink(encodeScenarioLink(scenario));
    expect(r).toEqual({ ok: true, scenario });
  });

  test('a store of several scenarios is a file, not a link', () => {
    const r = decodeScenarioLink(paramOf({ version: 1, scenarios: [scenarioOf('a', 'A')] }));
    expect(r).toEqual({
      ok: false,
      problem: { kind: 'invalid', issues: [{ code: 'not_scenario_object' }] },
    });
  });
});

describe('deck links', () => {
  test('the 10-slide deck with callouts stays under 4 KB, and under the link limit', () => {
    const { deck, scenarios } = deckOf(10);
    const hash = formatHash({ date: '2024-12-15', d: encodeDeckLink(deck, scenarios) });
    expect(hash.length).toBeLessThan(4000);
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    // Compressed: the same deck as JSON is several times longer.
    expect(JSON.stringify(deck).length).toBeGreaterThan(3 * hash.length);
  });

  test('round trip: the deck, its callouts, and only the scenarios its slides show', () => {
    const { deck, scenarios } = deckOf(10);
    const unused = scenarioOf('sunused', 'Not on any slide');
    const param = encodeDeckLink(deck, [...scenarios, unused]);
    expect(parseHash(formatHash({ d: param })).d).toBe(param);
    const r = decodeDeckLink(param);
    expect(r.ok && r.deck).toEqual(deck);
    expect(r.ok && r.scenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
    expect(r.ok && r.deck.slides[0]!.callouts).toHaveLength(3);
  });

  test('a deck with no slide has nothing to present', () => {
    const r = decodeDeckLink(encodeDeckLink({ ...deckOf(1).deck, slides: [] }, []));
    expect(r).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  test('problems in the deck or its scenarios say where they are', () => {
    const { deck, scenarios } = deckOf(2);
    const badDeck = { ...deck, slides: [{ ...deck.slides[0], date: '2024-02-30' }] };
    const r1 = decodeDeckLink(paramOf({ deck: badDeck, scenarios: { version: 1, scenarios } }));
    expect(r1.ok ? null : r1.problem).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'not_real_day', path: 'deck.slides.0.date' }],
    });
    const badScenario = { ...scenarios[0], name: '   ' };
    const r2 = decodeDeckLink(
      paramOf({ deck, scenarios: { version: 1, scenarios: [badScenario] } }),
    );
    expect(r2.ok ? null : r2.problem).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'empty_name', path: 'scenarios.scenarios.0.name' }],
    });
    const r3 = decodeDeckLink(paramOf({ deck }));
    expect(r3.ok ? null : r3.problem).toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'scenarios' }],
    });
  });
});

describe('hostile and damaged links', () => {
  const good = encodeScenarioLink(scenarioOf('smk2f9a1x', 'Bukavu stays open'));
  // 2 MB of spaces: a few kB compressed, far past the cap once inflated.
  const bomb = paramOf(' '.repeat(2_000_000));
  test.each<{ name: string; param: string; kind: LinkProblem['kind'] }>([
    { name: 'empty payload', param: '1.', kind: 'malformed' },
    { name: 'no version', param: good.slice(2), kind: 'malformed' },
    { name: 'not base64url', param: '1.abc$def', kind: 'malformed' },
    { name: 'a newer version', param: `2.${good.slice(2)}`, kind: 'version' },
    { name: 'version 0', param: `0.${good.slice(2)}`, kind: 'version' },
    { name: 'cut in half', param: good.slice(0, Math.floor(good.length / 2)), kind: 'damaged' },
    { name: 'cut by four characters', param: good.slice(0, -4), kind: 'damaged' },
    { name: 'cut to a length base64 cannot have', param: good.slice(0, 2 + 5), kind: 'malformed' },
    {
      name: 'not DEFLATE',
      param: `1.${toBase64Url(new TextEncoder().encode('hello'))}`,
      kind: 'damaged',
    },
    {
      name: 'DEFLATE of non-JSON',
      param: `1.${toBase64Url(deflateSync(new TextEncoder().encode('{x')))}`,
      kind: 'damaged',
    },
    {
      name: 'DEFLATE of bad UTF-8',
      param: `1.${toBase64Url(deflateSync(new Uint8Array([0x22, 0xff, 0x22])))}`,
      kind: 'damaged',
    },
    { name: 'a JSON array', param: paramOf([1, 2]), kind: 'invalid' },
    { name: 'a JSON string', param: paramOf('<script>alert(1)</script>'), kind: 'invalid' },
    { name: 'a deck where a scenario goes', param: paramOf(deckOf(1).deck), kind: 'invalid' },
    { name: 'a decompression bomb', param: bomb, kind: 'too_large' },
    { name: 'huge length', param: `1.${'A'.repeat(MAX_PARAM_CHARS)}`, kind: 'too_long' },
  ])('$name: $kind', ({ param, kind }) => {
    expect(problemOf(decodeScenarioLink(param))).toBe(kind);
  });

  test('the bomb is small as a link, and refused before it is all inflated', () => {
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const r = decodeParam(bomb);
    expect(r).toEqual({ ok: false, problem: { kind: 'too_large' } });
    // Just under the cap is read.
    expect(decodeParam(paramOf({ a: ' '.repeat(MAX_INFLATED_BYTES - 100) })).ok).toBe(true);
  });

  test('markup in names is kept as text: the link is data, never HTML', () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const r = decodeScenarioLink(encodeScenarioLink(scenarioOf('sx', name)));
    expect(r.ok && r.scenario.name).toBe(name);
    const { deck, scenarios } = deckOf(1);
    const hostile: SlideDeck = {
      ...deck,
      name,
      slides: [{ ...deck.slides[0]!, caption: name, callouts: [] }],
    };
    const d = decodeDeckLink(encodeDeckLink(hostile, scenarios));
    expect(d.ok && [d.deck.name, d.deck.slides[0]!.caption]).toEqual([name, name]);
  });

  test('a scenario with a repeated site is refused as an imported file is', () => {
    const s = scenarioOf('sx', 'Twice');
    const twice = { ...s, changes: [...s.changes, { site: 'bukavu', close: null }] };
    const r = decodeScenarioLink(paramOf(twice));
    expect(r.ok ? null : r.problem).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'change_repeated' }],
    });
  });

  test('random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        for (const p of [`1.${tail}`, tail]) {
          expect(decodeScenarioLink(p).ok).toBeTypeOf('boolean');
          expect(decodeDeckLink(p).ok).toBeTypeOf('boolean');
        }
      }),
    );
  });

  test('a good link with any byte changed never throws', () => {
    const { deck, scenarios } = deckOf(2);
    const param = encodeDeckLink(deck, scenarios);
    const chars = 'AZaz09-_';
    fc.assert(
      fc.property(fc.nat(param.length - 3), fc.nat(chars.length - 1), (at, c) => {
        const bent = param.slice(0, at + 2) + chars[c] + param.slice(at + 3);
        expect(decodeDeckLink(bent).ok).toBeTypeOf('boolean');
      }),
    );
  });
});

describe('round trips of any valid deck (property)', () => {
  const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
  const day = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  // JSON writes -0 as 0: a link (as a file) cannot tell them apart, nor can the map.
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
  const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
  const name = text(100)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const scenario: fc.Arbitrary<UserScenario> = fc.record({
    id,
    name,
    created: fc.constant('2026-12-01T10:00:00.000Z'),
    changes: fc.uniqueArray(fc.record({ site: id, close: fc.option(day, { nil: null }) }), {
      selector: (c) => c.site,
      maxLength: 6,
    }),
  });
  const slide = (scns: string[]): fc.Arbitrary<Slide> =>
    fc.record({
      id,
      caption: text(120),
      date: day,
      playTo: fc.option(day, { nil: null }),
      view: fc.option(fc.tuple(num(-180, 180), num(-85, 85), num(0, 24)), { nil: null }),
      layers: fc.array(id, { maxLength: 5 }),
      plan: fc.constantFrom(...PLANS),
      sel: fc.option(id, { nil: null }),
      scn: fc.constantFrom(null, ...scns),
      callouts: fc.array(
        fc.record({
          id,
          text: text(60).filter((t) => t.trim() !== ''),
          at: fc.tuple(num(12, 31), num(-13, 5)),
          offset: fc.tuple(
            fc.integer({ min: -400, max: 400 }),
            fc.integer({ min: -400, max: 400 }),
          ),
        }),
        { maxLength: 3 },
      ),
    });
  const deck = fc
    .uniqueArray(scenario, { selector: (s) => s.id, maxLength: 3 })
    .chain((scenarios) =>
      fc.record({
        scenarios: fc.constant(scenarios),
        deck: fc.record({
          version: fc.constant(1 as const),
          name: text(60),
          slides: fc.uniqueArray(slide(scenarios.map((s) => s.id)), {
            selector: (s) => s.id,
            minLength: 1,
            maxLength: 6,
          }),
        }),
      }),
    );

  test('decode(encode(deck)) is the deck and the scenarios it shows', () => {
    fc.assert(
      fc.property(deck, ({ deck, scenarios }) => {
        const r = decodeDeckLink(encodeDeckLink(deck, scenarios));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.deck).toEqual(deck);
        const shown = new Set(deck.slides.map((s) => s.scn));
        expect(r.scenarios).toEqual(scenarios.filter((s) => shown.has(s.id)));
      }),
      { numRuns: 150 },
    );
  });

  test('decode(encode(scenario)) is the scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(decodeScenarioLink(encodeScenarioLink(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 150 },
    );
  });
});

describe('adoptScenarios', () => {
  const a = scenarioOf('sa', 'A');
  const b = scenarioOf('sb', 'B');
  const deck: SlideDeck = {
    version: 1,
    name: 'D',
    slides: deckOf(3).deck.slides.map((s, i) => ({ ...s, scn: [null, 'sa', 'sb'][i]! })),
  };
  test.each<{ taken: string[]; ids: string[]; scns: (string | null)[] }>([
    { taken: [], ids: ['sa', 'sb'], scns: [null, 'sa', 'sb'] },
    { taken: ['sx'], ids: ['sa', 'sb'], scns: [null, 'sa', 'sb'] },
    { taken: ['sb'], ids: ['sa', 's2'], scns: [null, 'sa', 's2'] },
    { taken: ['sa', 'sb'], ids: ['s1', 's2'], scns: [null, 's1', 's2'] },
  ])('taken $taken: $ids', ({ taken, ids, scns }) => {
    const r = adoptScenarios([a, b], deck, taken, 1);
    expect(r.scenarios.map((s) => s.id)).toEqual(ids);
    expect(r.deck!.slides.map((s) => s.scn)).toEqual(scns);
    expect(r.scenarios.map((s) => s.name)).toEqual(['A', 'B']);
  });
});

describe('link hashes the panels copy', () => {
  const { deck, scenarios } = deckOf(3);
  test('a scenario link keeps the view, without the imported layer', () => {
    const s = scenarios[0]!;
    const r = scenarioLinkHash(s, {
      date: '2024-12-15',
      layers: ['sites', 'imported', 'reach'],
      sel: 'bukavu',
    });
    expect(r.ok).toBe(true);
    const h = parseHash(r.ok ? r.hash : '');
    expect(h).toMatchObject({ date: '2024-12-15', layers: ['sites', 'reach'], sel: 'bukavu' });
    expect(h.scn).toBeUndefined();
    expect(decodeScenarioLink(h.s!)).toEqual({ ok: true, scenario: s });
  });

  test.each<{ name: string; layers: string[]; importedData: boolean; ok: boolean }>([
    { name: 'no imported layer', layers: ['sites'], importedData: true, ok: true },
    { name: 'imported layer, no data here', layers: ['imported'], importedData: false, ok: true },
    {
      name: 'imported layer with data',
      layers: ['sites', 'imported'],
      importedData: true,
      ok: false,
    },
  ])('deck: $name', ({ layers, importedData, ok }) => {
    const d = { ...deck, slides: deck.slides.map((s, i) => (i === 1 ? { ...s, layers } : s)) };
    const r = deckLinkHash(d, scenarios, { importedData, lang: 'fr' });
    expect(r.ok ? 'ok' : r.why).toBe(ok ? 'ok' : 'imported');
    if (r.ok) expect(parseHash(r.hash)).toMatchObject({ present: 1, lang: 'fr' });
  });

  test('a deck too large for a link says so, with its length', () => {
    // 500 slides with distinct captions cannot compress under the limit.
    const big = deckOf(500).deck;
    const captions = big.slides.map((s, i) => ({
      ...s,
      caption: `${i} ${Math.sin(i)} ${s.caption}`,
    }));
    const r = deckLinkHash({ ...big, slides: captions }, scenarios, { importedData: false });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.why === 'too_long' && r.length).toBeGreaterThan(MAX_LINK_CHARS);
  });
});
