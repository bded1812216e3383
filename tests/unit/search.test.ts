import { describe, expect, test } from 'vitest';
import {
  lakeAliases,
  MATCH,
  matchRank,
  search,
  searchEntries,
  searchIndex,
  type SearchSources,
} from '../../src/lib/domain/search.ts';
import { PROVINCES } from '../../src/lib/domain/provinces.ts';

const SOURCES = {
  sites: [
    { id: 'bukavu', name: 'Bukavu (sector HQ)' },
    { id: 'bukavu-office', name: 'Bukavu office' },
    { id: 'fib-hq-beni', name: 'Beni (Force Intervention Brigade HQ)' },
    { id: 'kananga', name: 'Kananga' },
  ],
  places: [
    {
      name: 'Bukavu',
      alt_names: ['BKY', 'Costermansville'],
      population: 225_389,
    },
    { name: 'Kananga', alt_names: ['Luluabourg'], population: 463_546 },
    { name: 'Mbuji-Mayi', alt_names: [], population: 874_761 },
    { name: 'Kasongo', alt_names: [], population: 55_118 },
    { name: 'Kasaji', alt_names: [], population: null },
    { name: 'Bunia', alt_names: [], population: 96_764 },
  ],
  provinces: PROVINCES,
  groups: [
    { name: 'CODECO', aliases: ['Ituri militias', 'Milices de l’Ituri'] },
    { name: 'M23', aliases: [] },
  ],
  lakes: ['Lake Kivu', 'Lac Tumba'],
} satisfies SearchSources;

const index = searchIndex(searchEntries(SOURCES));
const found = (q: string, limit?: number) =>
  search(index, q, limit).map((h) => `${h.entry.kind}:${h.entry.id}`);

describe('matchRank', () => {
  test.each([
    { name: 'exact', input: ['bukavu', 'bukavu'], expected: MATCH.exact },
    { name: 'prefix', input: ['bukavu office', 'buk'], expected: MATCH.prefix },
    { name: 'a later word', input: ['nord kivu', 'kiv'], expected: MATCH.wordPrefix },
    { name: 'inside a word', input: ['kananga', 'nang'], expected: MATCH.substring },
    {
      name: 'a word start after an inner hit',
      input: ['akiva kiv', 'kiv'],
      expected: MATCH.wordPrefix,
    },
    { name: 'no match', input: ['goma', 'bu'], expected: null },
  ])('$name', ({ input, expected }) => {
    expect(matchRank(input[0]!, input[1]!)).toBe(expected);
  });
});

describe('search', () => {
  test.each([
    {
      name: 'a site named like a town comes first, then the town',
      query: 'Bukavu',
      expected: ['site:bukavu', 'place:Bukavu', 'site:bukavu-office'],
    },
    {
      name: 'lower case and no accents needed',
      query: 'bukavu',
      expected: ['site:bukavu', 'place:Bukavu', 'site:bukavu-office'],
    },
    { name: 'Kasai finds Kasaï first', query: 'Kasai', expected: ['province:CD-KS'] },
    {
      name: 'the English name finds the province',
      query: 'north kivu',
      expected: ['province:CD-NK'],
    },
    { name: 'a former name finds the town', query: 'luluabourg', expected: ['place:Kananga'] },
    { name: 'French group words', query: 'milices', expected: ['group:CODECO'] },
    { name: 'lac finds lakes in both languages', query: 'lac', expected: ['lake:Lac Tumba'] },
    { name: 'Lac Kivu finds Lake Kivu', query: 'lac kivu', expected: ['lake:Lake Kivu'] },
    { name: 'a hyphen or a space alike', query: 'mbuji mayi', expected: ['place:Mbuji-Mayi'] },
    { name: 'nothing to search', query: '  ', expected: [] },
    { name: 'no match', query: 'zzz', expected: [] },
  ])('$name', ({ query, expected }) => {
    expect(found(query).slice(0, expected.length)).toEqual(expected);
    if (expected.length === 0) expect(found(query)).toEqual([]);
  });

  test('ituri finds the province before the militias that bear its name in an alias', () => {
    expect(found('ituri')).toEqual(['province:CD-IT', 'group:CODECO']);
  });

  test('prefix beats a later word, which beats the middle of a word', () => {
    // "kas": Kasaï… provinces and Kasongo by prefix; no word or inner matches here.
    const hits = search(index, 'kas');
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
    expect(found('kas')[0]).toBe('place:Kasongo');
  });

  test('equally good towns: the larger first, one with no population last', () => {
    expect(found('kas').filter((k) => k.startsWith('place:'))).toEqual([
      'place:Kasongo',
      'place:Kasaji',
    ]);
  });

  test('an alias match says which name matched', () => {
    const [hit] = search(index, 'costermans');
    expect(hit).toMatchObject({ matched: 'Costermansville', byAlias: true, rank: MATCH.prefix });
  });

  test('a match on the shown name beats the same match on an alias', () => {
    // "kananga": the site Kananga by its name; the town by its name; both exact, site first.
    expect(found('kananga')).toEqual(['site:kananga', 'place:Kananga']);
    expect(search(index, 'bky')[0]).toMatchObject({ byAlias: true, rank: MATCH.exact });
  });

  test('at most `limit` hits', () => {
    expect(found('a', 3)).toHaveLength(3);
  });
});

describe('lakeAliases', () => {
  test.each([
    { name: 'English to French', input: 'Lake Albert', expected: ['Lac Albert'] },
    { name: 'French to English', input: 'Lac Moeru', expected: ['Lake Moeru'] },
    { name: 'neither', input: 'Tanganyika', expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(lakeAliases(input)).toEqual(expected);
  });
});
