import { describe, expect, test } from 'vitest';
import {
  BURST_MS,
  formatHash,
  historyWrite,
  parseHash,
  type HashState,
} from '../../src/lib/domain/hash.ts';
import { completeView, type SavedView } from '../../src/lib/domain/savedView.ts';

describe('hash', () => {
  test.each<{ state: HashState; hash: string }>([
    { state: {}, hash: '' },
    { state: { date: '2021-07-15' }, hash: '#date=2021-07-15' },
    {
      state: {
        date: '2024-07-15',
        view: [28.5, -2.5, 7.25],
        layers: ['sites', 'hotspots'],
        sel: 'kamanyola',
      },
      hash: '#date=2024-07-15&view=28.5000,-2.5000,7.25&layers=sites,hotspots&sel=kamanyola',
    },
    { state: { layers: [] }, hash: '#layers=' },
    {
      state: { date: '2023-01-01', plan: 'disengagement_plan_2023' },
      hash: '#date=2023-01-01&plan=disengagement_plan_2023',
    },
    { state: { date: '2021-07-15', lang: 'fr' }, hash: '#date=2021-07-15&lang=fr' },
    { state: { date: '2024-12-15', s: '1.q1Yq-_Q' }, hash: '#date=2024-12-15&s=1.q1Yq-_Q' },
    { state: { d: '1.abc', present: 2 }, hash: '#d=1.abc&present=2' },
    // A mangled payload is kept for its reader to refuse, and written back escaped.
    { state: { s: '1.a b&c' }, hash: '#s=1.a%20b%26c' },
  ])('round-trips $hash', ({ state, hash }) => {
    expect(formatHash(state)).toBe(hash);
    expect(parseHash(hash)).toEqual(state);
  });

  test.each([
    { hash: '#date=2021-02-30', expected: {} },
    { hash: '#date=July', expected: {} },
    { hash: '#view=29,-1', expected: {} },
    { hash: '#view=29,-1,99', expected: {} },
    { hash: '#view=a,b,c', expected: {} },
    { hash: '#sel=<script>', expected: {} },
    // A language the interface lacks, or a regional tag, is no language of the link.
    { hash: '#lang=de', expected: {} },
    { hash: '#lang=fr-CD', expected: {} },
    { hash: '#layers=sites,<b>,ghosts', expected: { layers: ['sites', 'ghosts'] } },
    { hash: 'date=2020-01-01', expected: { date: '2020-01-01' } },
    { hash: '#plan=everything', expected: {} },
    { hash: '#plan=joint_strategy_2020', expected: { plan: 'joint_strategy_2020' } },
  ])('ignores what it cannot read: $hash', ({ hash, expected }) => {
    expect(parseHash(hash)).toEqual(expected);
  });
});

describe('the default plan is left out of a link', () => {
  test.each([
    { plan: 'actual' as const, hash: '' },
    { plan: 'joint_strategy_2020' as const, hash: '#plan=joint_strategy_2020' },
  ])('$plan', ({ plan, hash }) => expect(formatHash({ plan })).toBe(hash));
});

describe('English, the base language, is left out of a link; a link may still name it', () => {
  test.each([
    { lang: 'en' as const, hash: '' },
    { lang: 'fr' as const, hash: '#lang=fr' },
  ])('$lang', ({ lang, hash }) => expect(formatHash({ lang })).toBe(hash));
  test('#lang=en reads as English', () => expect(parseHash('#lang=en')).toEqual({ lang: 'en' }));
});

describe('completeView: what a link leaves out is the default, not what was shown before', () => {
  const defaults = { date: '2019-01-01', layers: ['phases', 'sites'] };
  test.each<{ part: Partial<SavedView>; expected: SavedView }>([
    {
      part: {},
      expected: {
        date: '2019-01-01',
        view: null,
        layers: ['phases', 'sites'],
        plan: 'actual',
        sel: null,
        scn: null,
      },
    },
    {
      part: { date: '2024-07-15', layers: [], plan: 'joint_strategy_2020', sel: 'goma' },
      expected: {
        date: '2024-07-15',
        view: null,
        layers: [],
        plan: 'joint_strategy_2020',
        sel: 'goma',
        scn: null,
      },
    },
  ])('$part', ({ part, expected }) => expect(completeView(part, defaults)).toEqual(expected));

  test('the layers are a copy: changing them leaves the defaults alone', () => {
    const v = completeView({}, defaults);
    v.layers.push('coverage');
    expect(defaults.layers).toEqual(['phases', 'sites']);
  });
});

describe('historyWrite', () => {
  test.each([
    {
      what: 'a step after a pause',
      deliberate: true,
      playing: false,
      since: 5000,
      expected: 'push',
    },
    {
      what: 'the first change ever',
      deliberate: true,
      playing: false,
      since: Infinity,
      expected: 'push',
    },
    {
      what: 'a step just after BURST_MS',
      deliberate: true,
      playing: false,
      since: BURST_MS + 1,
      expected: 'push',
    },
    { what: 'a step in a burst', deliberate: true, playing: false, since: 300, expected: 'later' },
    {
      what: 'a step at exactly BURST_MS',
      deliberate: true,
      playing: false,
      since: BURST_MS,
      expected: 'later',
    },
    { what: 'playback', deliberate: true, playing: true, since: 5000, expected: 'later' },
    { what: 'a pan', deliberate: false, playing: false, since: 5000, expected: 'later' },
  ])('$what: $expected', ({ deliberate, playing, since, expected }) => {
    expect(historyWrite({ deliberate, playing, sinceDeliberateMs: since })).toBe(expected);
  });
});
