/**
 * The standing fuzz suite (issue 27): property tests (fast-check, https://fast-check.dev) on
 * the modules that read what a user or a link hands the app. Generated inputs never throw out
 * of the module: they give a value or a typed error. Seeded and bounded (well under 10 s), so a
 * failure is the same on every run; fast-check prints the counterexample and its path.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { isProblemCode, say, sayAll, type Said } from '../../src/lib/domain/problems.ts';
import { readSites } from '../../src/lib/data/scenario.ts';
import { formatHash, parseHash, type HashState } from '../../src/lib/domain/hash.ts';
import {
  DECK_VERSION,
  parseDeckJson,
  parseSlideRecord,
  type Slide,
} from '../../src/lib/domain/slideDeck.ts';
import { PLANS } from '../../src/lib/domain/schema.ts';
import {
  parseScenarioJson,
  parseScenarioRecord,
  STORE_VERSION,
} from '../../src/lib/domain/userScenario.ts';

fc.configureGlobal({ seed: 42, numRuns: 200 });

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const idArb = fc.stringMatching(ID, { size: 'small' }).filter((s) => s.length <= 24);
const dayArb = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Any text, including lone surrogates and control characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(...'#&=,.-_%abcdefz0123456789 "\'<>{}[]:\n\uFEFF\uFFFD'),
    maxLength: 120,
  }),
);
/** Any JSON value, as text. */
const anyJson = fc.jsonValue({ maxDepth: 4 }).map((j) => JSON.stringify(j));
/** A value that is sometimes right for its place and sometimes anything at all. */
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

describe('hash parser', () => {
  const hashArb = fc.oneof(
    anyText,
    fc
      .array(
        fc.tuple(
          fc.constantFrom('date', 'view', 'layers', 'plan', 'sel', 'scn', 'present', 'x'),
          fc.oneof(
            anyText,
            fc.array(fc.double(), { maxLength: 4 }).map((a) => a.join(',')),
          ),
        ),
        { maxLength: 8 },
      )
      .map((kv) => `#${kv.map(([k, v]) => `${k}=${v}`).join('&')}`),
  );

  test('never throws, and what it reads is a fixed point of write then read', () => {
    fc.assert(
      fc.property(hashArb, (h) => {
        const once = formatHash(parseHash(h));
        expect(formatHash(parseHash(once))).toBe(once);
      }),
    );
  });

  const stateArb: fc.Arbitrary<HashState> = fc.record(
    {
      date: dayArb,
      view: fc.tuple(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
      ),
      layers: fc.array(idArb, { maxLength: 6 }),
      plan: fc.constantFrom(...PLANS),
      sel: idArb,
      scn: idArb,
      present: fc.integer({ min: 1, max: 999 }),
    },
    { requiredKeys: [] },
  );

  test('round-trips every state it writes (the view to the precision it writes)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const hash = formatHash(s);
        const back = parseHash(hash);
        expect(formatHash(back)).toBe(hash);
        // Everything but the view (rounded) and the default plan (left out) comes back as is.
        const same = (x: HashState) => ({ ...x, view: x.view !== undefined, plan: undefined });
        expect(same(back)).toEqual(same(s));
        expect(back.plan).toBe(s.plan === 'actual' ? undefined : s.plan);
      }),
    );
  });
});

/**
 * A result is a value or a typed error: never a throw, never an empty error list; each error is
 * a known problem code that reads as words in every language.
 */
function expectTyped(r: { ok: true } | { ok: false; errors: Said[] }) {
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(isProblemCode(e.code)).toBe(true);
      for (const locale of ['en', 'fr'] as const) expect(say(e, locale)).toMatch(/\w/);
    }
  }
}

const slideArb = fc.record({
  id: maybe(idArb),
  caption: maybe(fc.string({ maxLength: 40 })),
  date: maybe(dayArb),
  playTo: maybe(fc.option(dayArb)),
  view: maybe(fc.constant([23.6, -2.9, 4.6])),
  layers: maybe(fc.array(idArb, { maxLength: 3 })),
  plan: maybe(fc.constantFrom(...PLANS)),
  sel: maybe(fc.option(idArb)),
  scn: maybe(fc.option(idArb)),
});
const deckArb = fc.record({
  version: maybe(fc.constant(DECK_VERSION)),
  name: maybe(fc.string({ maxLength: 20 })),
  slides: fc.array(slideArb, { maxLength: 6 }),
});

describe('deck validator', () => {
  test.each([
    ['any text', anyText],
    ['any JSON value', anyJson],
    ['a deck with some fields wrong', deckArb.map((d) => JSON.stringify(d))],
    [
      'a deck cut short',
      deckArb.chain((d) => {
        const t = JSON.stringify(d);
        return fc.integer({ min: 0, max: t.length }).map((n) => t.slice(0, n));
      }),
    ],
  ] as const)('never throws on %s; a deck it accepts has unique slide ids', (_, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<string>, (text) => {
        const r = parseDeckJson(text);
        expectTyped(r);
        if (r.ok) {
          const ids = r.deck.slides.map((s: Slide) => s.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
    );
  });
});

const changeArb = fc.record({ site: maybe(idArb), close: maybe(fc.option(dayArb)) });
const scenarioArb = fc.record({
  id: maybe(fc.constantFrom('s1', 's2', 's3')),
  name: maybe(fc.string({ minLength: 1, maxLength: 20 })),
  created: maybe(fc.constant('2026-11-22T00:00:00Z')),
  changes: fc.array(
    changeArb.map((c) => ({
      ...c,
      site: typeof c.site === 'string' ? c.site.slice(0, 1) : c.site,
    })),
    { maxLength: 5 },
  ),
});
const storeArb = fc.record({
  version: maybe(fc.constant(STORE_VERSION)),
  scenarios: fc.array(scenarioArb, { maxLength: 4 }),
});

describe('scenario validator', () => {
  test.each([
    ['any text', anyText],
    ['any JSON value', anyJson],
    ['a store with some fields wrong', storeArb.map((s) => JSON.stringify(s))],
    ['one scenario with some fields wrong', scenarioArb.map((s) => JSON.stringify(s))],
  ] as const)(
    'never throws on %s; what it accepts has unique ids and one change per site',
    (_, arb) => {
      fc.assert(
        fc.property(
          arb as fc.Arbitrary<string>,
          fc.constantFrom('import', 'storage'),
          (text, from) => {
            const r = parseScenarioJson(text, new Set(['a', 'b']), from as 'import' | 'storage');
            expectTyped(r);
            if (r.ok) {
              const ids = r.scenarios.map((s) => s.id);
              expect(new Set(ids).size).toBe(ids.length);
              for (const s of r.scenarios)
                expect(new Set(s.changes.map((c) => c.site)).size).toBe(s.changes.length);
            }
          },
        ),
      );
    },
  );
});

describe('stored records (what the saved store hands back)', () => {
  const anyValue = fc.jsonValue({ maxDepth: 3 });
  test.each([
    ['a scenario record', fc.oneof(anyValue, scenarioArb)],
    [
      'a slide record',
      fc.oneof(
        anyValue,
        deckArb.map((d) => d.slides[0] ?? d),
      ),
    ],
  ] as const)('never throws on %s; what it accepts has the key as its id', (what, arb) => {
    fc.assert(
      fc.property(idArb, arb as fc.Arbitrary<unknown>, (key, value) => {
        if (what === 'a scenario record') {
          const r = parseScenarioRecord(key, value);
          expectTyped(r);
          if (r.ok) {
            expect(r.scenario.id).toBe(key);
            expect(new Set(r.scenario.changes.map((c) => c.site)).size).toBe(
              r.scenario.changes.length,
            );
          }
        } else {
          const r = parseSlideRecord(key, value);
          expectTyped(r);
          if (r.ok) expect(r.slide.id).toBe(key);
        }
      }),
    );
  });
});

const HEAD =
  'id,name,kind,province_iso,lat,lon,opened,opened_precision,closed,closed_precision,closure,troops_estimate,contingent,source,confidence,notes';
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const siteRow = (id: string, name: string) =>
  `${id},${csvCell(name)},sector_hq,CD-NK,-1.68,29.23,2010,year,,,,2700,,"Geo-PKO v2.3, p. 4",high,`;
/** Site names with the characters that trouble CSV: commas, quotes, accents. */
const nameArb = fc
  .string({
    unit: fc.constantFrom('a', 'B', 'é', 'ü', ',', '"', ' ', '-', ';', "'"),
    minLength: 1,
    maxLength: 12,
  })
  .filter((s) => s.trim() !== '');
const sitesArb = fc.uniqueArray(fc.tuple(idArb, nameArb), {
  minLength: 1,
  maxLength: 12,
  selector: ([id]) => id,
});
/** The ways one row can be broken. */
const breakers: Record<string, (row: string) => string> = {
  'an unbalanced quote': (row) => row.replace(',sector_hq', ',"sector_hq'),
  'an open quote at the line end': (row) => `${row}"`,
  'a cell too many': (row) => `${row},extra`,
  'a bad kind': (row) => row.replace('sector_hq', 'fortress'),
};
const encoder = new TextEncoder();

describe('CSV loader', () => {
  test('never throws on any text or any bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText.map((t) => `${HEAD}\n${t}`),
          anyText,
          fc.uint8Array({ maxLength: 400 }),
          fc
            .uint8Array({ maxLength: 200 })
            .map((b) => new Uint8Array([...encoder.encode(`${HEAD}\n`), ...b])),
        ),
        (input) => {
          const r = readSites(input, 'sites.csv');
          for (const i of r.issues) expect(formatIssue(i, 'en')).toMatch(/^sites\.csv/);
        },
      ),
    );
  });

  test.each(Object.keys(breakers))(
    'with one row broken by %s, every valid row is kept and the broken line is named',
    (how) => {
      fc.assert(
        fc.property(sitesArb, fc.nat(), ([...rows], at) => {
          const broken = at % (rows.length + 1);
          const lines = rows.map(([id, name]) => siteRow(id, name));
          lines.splice(broken, 0, breakers[how]!(siteRow('broken-row', 'Broken')));
          const r = readSites([HEAD, ...lines].join('\n'), 'sites.csv');
          expect(r.records.map((s) => s.id)).toEqual(rows.map(([id]) => id));
          expect(r.records.map((s) => s.name)).toEqual(rows.map(([, name]) => name.trim()));
          expect(r.issues.map((i) => i.line)).toEqual([broken + 2]);
        }),
      );
    },
  );

  test('with one row holding a byte that is not UTF-8, every valid row is kept', () => {
    fc.assert(
      fc.property(
        sitesArb,
        fc.nat(),
        fc.integer({ min: 0x80, max: 0xff }),
        ([...rows], at, byte) => {
          const broken = at % (rows.length + 1);
          const parts = rows.map(([id, name]) => encoder.encode(`${siteRow(id, name)}\n`));
          parts.splice(
            broken,
            0,
            new Uint8Array([
              ...encoder.encode('broken-row,"Gom'),
              byte,
              ...encoder.encode(`",${siteRow('x', 'y').split(',').slice(2).join(',')}\n`),
            ]),
          );
          const bytes = new Uint8Array([
            ...encoder.encode(`${HEAD}\n`),
            ...parts.flatMap((p) => [...p]),
          ]);
          const r = readSites(bytes, 'sites.csv');
          expect(r.records.map((s) => s.id)).toEqual(rows.map(([id]) => id));
          expect(r.issues).toEqual([expect.objectContaining({ line: broken + 2, field: 'name' })]);
        },
      ),
    );
  });
});

describe('hostile cases from issue 27, by name', () => {
  test('#view=179,84,24 is read without throwing and written back as read', () => {
    const s = parseHash('#view=179,84,24');
    expect(s.view).toEqual([179, 84, 24]);
    expect(parseHash(formatHash(s))).toEqual(s);
  });

  test('regression: a view a hair west of 0 is written "0.0000", as it reads back', () => {
    // Found by the round-trip property: toFixed wrote "-0.0000", which reads back as 0 and is
    // then written "0.0000", so the link changed on its own.
    expect(formatHash({ view: [-0.00001, -0.00004, 3] })).toBe('#view=0.0000,0.0000,3.00');
    expect(formatHash({ view: [-0.0001, 0, 3] })).toBe('#view=-0.0001,0.0000,3.00');
  });

  test('a future version 3 store is refused with a typed error, not thrown', () => {
    const text = JSON.stringify({ version: 3, scenarios: [] });
    const r = parseScenarioJson(text);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'store_version_unknown', path: 'version' }],
    });
    expect(!r.ok && sayAll(r.errors, 'en')).toBe(
      'version: is not a version this version of Drawdown Map can read (it reads 1 and 2): the file was written by a newer version; open it with that one',
    );
    expect(!r.ok && sayAll(r.errors, 'fr')).toBe(
      'version\u00a0: n’est pas une version que cette version de Drawdown Map sait lire (elle lit 1 et 2)\u00a0: le fichier a été écrit par une version plus récente\u00a0; ouvrez-le avec celle-ci',
    );
  });

  test.each([
    ['{"version":1,"scenarios":[{"id":"x"}]', parseScenarioJson],
    ['{"version":1,"name":"B","slides":[{"id":"a"', parseDeckJson],
  ] as const)('truncated JSON (%s) is a typed "not JSON" error', (text, parse) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && say(r.errors[0]!, 'en')).toMatch(/^not JSON/);
  });
});
