/**
 * Lost targets as the map draws them: the nearest site that stays open, and the line to it.
 * Fixtures lie on the equator, where a degree of longitude is 111.195 km.
 */
import { describe, expect, test } from 'vitest';
import type { Loss, Reacher, Target } from '../../src/lib/domain/impact.ts';
import { lossLine, lossLines, nearestRemaining } from '../../src/lib/domain/lossLines.ts';

const DEG = 111.195;
const reacher = (id: string, lon: number, lat = 0): Reacher => ({
  id,
  name: `Site ${id}`,
  kind: 'cob',
  lat,
  lon,
  km: 30,
});
const target = (name: string, lon: number, kind: Target['kind'] = 'place'): Target => ({
  key: `${kind}:${name}`,
  kind,
  name,
  province_iso: 'CD-NK',
  group: kind === 'hotspot' ? 'ADF' : null,
  lat: 0,
  lon,
  population: null,
  population_year: null,
  source: 's',
});

describe('nearestRemaining', () => {
  test.each([
    {
      name: 'the nearest open site when none closes',
      open: [reacher('a', 1), reacher('b', 3)],
      closing: [],
      expected: { id: 'a', km: DEG },
    },
    {
      name: 'skips the closing site for the next one out',
      open: [reacher('a', 1), reacher('b', 3)],
      closing: ['a'],
      expected: { id: 'b', km: 3 * DEG },
    },
    {
      name: 'a site west of the point counts as well as east',
      open: [reacher('a', 1), reacher('w', -2), reacher('b', 3)],
      closing: ['a'],
      expected: { id: 'w', km: 2 * DEG },
    },
    {
      name: 'two at the same distance: the first id',
      open: [reacher('z', 2), reacher('y', -2)],
      closing: [],
      expected: { id: 'y', km: 2 * DEG },
    },
    {
      name: 'none left when every site closes',
      open: [reacher('a', 1)],
      closing: ['a'],
      expected: null,
    },
    { name: 'none with no site open', open: [], closing: [], expected: null },
  ])('$name', ({ open, closing, expected }) => {
    const n = nearestRemaining({ lat: 0, lon: 0 }, open, new Set(closing));
    if (expected === null) expect(n).toBeNull();
    else {
      expect(n?.site.id).toBe(expected.id);
      expect(n!.km).toBeCloseTo(expected.km, 1);
    }
  });
});

describe('lossLine', () => {
  test.each([
    {
      name: 'a line from the target to the site, the distance rounded, its middle halfway',
      loss: {
        target: target('Beni', 0),
        causes: [],
        nearest: { site: reacher('b', 2, 1), km: 248.6 },
      } satisfies Loss,
      expected: {
        key: 'place:Beni',
        kind: 'place',
        name: 'Beni',
        target: [0, 0],
        site: [2, 1],
        siteName: 'Site b',
        km: 249,
        middle: [1, 0.5],
      },
    },
    {
      name: 'no remaining site: the target alone, no line and no distance',
      loss: { target: target('ADF', 4, 'hotspot'), causes: [], nearest: null } satisfies Loss,
      expected: {
        key: 'hotspot:ADF',
        kind: 'hotspot',
        name: 'ADF',
        target: [4, 0],
        site: null,
        siteName: null,
        km: null,
        middle: null,
      },
    },
  ])('$name', ({ loss, expected }) => {
    expect(lossLine(loss)).toEqual(expected);
  });
});

describe('lossLines', () => {
  const far = { site: reacher('a', 1), km: DEG };
  test.each([
    { name: 'nothing lost, nothing drawn', losses: [], expected: [] },
    {
      name: 'in the list order',
      losses: [
        { target: target('B', 2), causes: [], nearest: far },
        { target: target('A', 3), causes: [], nearest: far },
      ],
      expected: ['place:B', 'place:A'],
    },
    {
      name: 'a target listed twice is drawn once',
      losses: [
        { target: target('B', 2), causes: [], nearest: far },
        { target: target('B', 2), causes: [], nearest: null },
      ],
      expected: ['place:B'],
    },
  ])('$name', ({ losses, expected }) => {
    expect(lossLines(losses as Loss[]).map((l) => l.key)).toEqual(expected);
  });
});
