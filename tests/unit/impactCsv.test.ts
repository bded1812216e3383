import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import {
  causeName,
  coverCsv,
  lastSeenYears,
  lossCsv,
  type EventCoverCsv,
  type EventLossCsv,
} from '../../src/lib/domain/impactCsv.ts';
import type { Cover, Loss, Reacher, Target } from '../../src/lib/domain/impact.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';

const target = (name: string, extra: Partial<Target> = {}): Target => ({
  key: `place:${name}`,
  kind: 'place',
  name,
  province_iso: 'CD-KC',
  group: null,
  lat: -5.9,
  lon: 22.4,
  population: 463546,
  population_year: null,
  source: 'GeoNames cities500',
  ...extra,
});
const site: Reacher = {
  id: 'kananga',
  name: 'Kananga',
  kind: 'sector_hq',
  lat: -5.9,
  lon: 22.4,
  km: 80,
};
const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data;

describe('impact CSV', () => {
  test('coverage rows: covered by, nearest, population with its year stated honestly', () => {
    const covers: Cover[] = [
      { target: target('Kananga'), by: [site], nearest: { site, km: 1.2 } },
      { target: target('Tshikapa', { population: null }), by: [], nearest: { site, km: 212.6 } },
    ];
    const [a, b] = rows(coverCsv(covers, '2021-07-15'));
    expect(a).toMatchObject({
      date: '2021-07-15',
      name: 'Kananga',
      province: 'Kasaï-Central',
      covered: 'yes',
      covered_by: 'Kananga',
      population: '463546',
      population_year: 'not stated',
      population_source: 'GeoNames cities500',
      nearest_km: '1',
    });
    expect(b).toMatchObject({
      covered: 'no',
      population: '',
      population_source: '',
      nearest_km: '213',
    });
  });

  test('loss rows name the closures and the nearest remaining site', () => {
    const losses: Loss[] = [{ target: target('Kananga'), causes: [site], nearest: null }];
    expect(rows(lossCsv(losses, '2021-01-15', '2021-07-15'))[0]).toMatchObject({
      from: '2021-01-15',
      to: '2021-07-15',
      lost_because_closed: 'Kananga',
      nearest_remaining_site: 'none',
      nearest_remaining_km: '',
    });
  });

  describe('sites only last seen', () => {
    const date = (t: string) => parseFuzzyDate(t, 'year') as FuzzyDate;
    const shabunda: Reacher = { ...site, id: 'shabunda', name: 'Shabunda' };
    const lastSeen = lastSeenYears([
      { id: 'shabunda', closed: date('2020'), closure: 'last_seen' },
      { id: 'kananga', closed: date('2021'), closure: 'closed' },
      { id: 'beni', closed: null, closure: null },
    ]);

    test('only a last_seen closure is kept, with the year of its last source', () => {
      expect([...lastSeen]).toEqual([['shabunda', 2020]]);
    });

    test.each([
      { name: 'a closed site: its name', s: site, locale: 'en' as const, expected: 'Kananga' },
      {
        name: 'a site only last seen: the year it was',
        s: shabunda,
        locale: 'en' as const,
        expected: 'Shabunda (last seen 2020)',
      },
      {
        name: 'in French',
        s: shabunda,
        locale: 'fr' as const,
        expected: 'Shabunda (vu pour la dernière fois en 2020)',
      },
      {
        name: 'a cause without id: its name',
        s: { name: 'Beni' },
        locale: 'en' as const,
        expected: 'Beni',
      },
    ])('cause: $name', ({ s, locale, expected }) => {
      expect(causeName(s, lastSeen, locale)).toBe(expected);
    });

    test.each([
      {
        name: 'closed and last seen, each in its column',
        causes: [site, shabunda],
        expected: {
          lost_because_closed: 'Kananga',
          lost_with_sites_last_seen: 'Shabunda (last seen 2020)',
        },
      },
      {
        name: 'only last seen: no closure named',
        causes: [shabunda],
        expected: {
          lost_because_closed: '',
          lost_with_sites_last_seen: 'Shabunda (last seen 2020)',
        },
      },
      {
        name: 'only closed: the last-seen column empty',
        causes: [site],
        expected: { lost_because_closed: 'Kananga', lost_with_sites_last_seen: '' },
      },
    ])('loss rows: $name', ({ causes, expected }) => {
      const losses: Loss[] = [{ target: target('Kalole'), causes, nearest: null }];
      const csv = lossCsv(losses, '2020-06-15', '2021-07-15', 'en', [], lastSeen);
      expect(rows(csv)[0]).toMatchObject(expected);
    });

    test('imported events lost with a site only last seen', () => {
      const loss: EventLossCsv = {
        dataset: 'ged.csv',
        windowStart: '',
        windowEnd: '2021-07-15',
        rows: [
          {
            province_iso: 'CD-SK',
            group: 'Raia Mutomboki',
            causes: [shabunda, site],
            events: 2,
            fatalities: 0,
            unknownFatalities: 0,
          },
        ],
      };
      const csv = lossCsv([], '2020-06-15', '2021-07-15', 'fr', [loss], lastSeen);
      expect(rows(csv)[0]).toMatchObject({
        perdu_par_fermeture_de: 'Kananga',
        perdu_avec_sites_vus_pour_la_dernière_fois: 'Shabunda (vu pour la dernière fois en 2020)',
      });
    });

    test('without the last-seen sites, every cause is in the closed column (as before)', () => {
      const losses: Loss[] = [
        { target: target('Kalole'), causes: [site, shabunda], nearest: null },
      ];
      expect(rows(lossCsv(losses, '2020-06-15', '2021-07-15'))[0]).toMatchObject({
        lost_because_closed: 'Kananga; Shabunda',
        lost_with_sites_last_seen: '',
      });
    });
  });

  test('in French: French headers and words, the same values', () => {
    const covers: Cover[] = [
      { target: target('Tshikapa', { population: null }), by: [], nearest: { site, km: 212.6 } },
    ];
    const [a] = rows(coverCsv(covers, '2021-07-15', 'fr'));
    expect(a).toEqual({
      date: '2021-07-15',
      type: 'localité',
      nom: 'Tshikapa',
      province: 'Kasaï-Central',
      province_iso: 'CD-KC',
      groupe_armé: '',
      population: '',
      année_population: 'non précisée',
      source_population: '',
      couvert: 'non',
      couvert_par: '',
      site_le_plus_proche: 'Kananga',
      km_site_le_plus_proche: '213',
    });
    const losses: Loss[] = [{ target: target('Kananga'), causes: [site], nearest: null }];
    expect(rows(lossCsv(losses, '2021-01-15', '2021-07-15', 'fr'))[0]).toMatchObject({
      du: '2021-01-15',
      au: '2021-07-15',
      perdu_par_fermeture_de: 'Kananga',
      site_restant_le_plus_proche: 'aucun',
    });
  });

  test.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'])(
    'a cell starting a formula (%s) is defused with an apostrophe',
    (name) => {
      const csv = coverCsv([{ target: target(name), by: [], nearest: null }], '2021-07-15');
      expect(rows(csv)[0]!.name).toBe(`'${name}`);
    },
  );

  describe('imported events', () => {
    const tally = { events: 3, fatalities: 7, unknownFatalities: 1 };
    const cover: EventCoverCsv = {
      dataset: 'acled_drc.csv',
      windowStart: '2021-04-16',
      windowEnd: '2021-07-15',
      rows: [
        { covered: false, province_iso: 'CD-IT', group: 'CODECO', ...tally },
        { covered: true, province_iso: null, group: '-ADF', ...tally },
      ],
    };
    const placeRow = { target: target('Kananga'), by: [site], nearest: { site, km: 1.2 } };

    test.each([
      {
        name: 'a row out of reach, by province and first actor',
        at: 1,
        expected: {
          date: '2021-07-15',
          kind: 'imported events',
          name: '',
          province: 'Ituri',
          province_iso: 'CD-IT',
          covered: 'no',
          dataset: 'acled_drc.csv',
          window_start: '2021-04-16',
          window_end: '2021-07-15',
          first_actor: 'CODECO',
          events: '3',
          fatalities: '7',
          events_without_fatality_figure: '1',
        },
      },
      {
        name: 'a row in reach, in no province; an actor that reads as a formula is defused',
        at: 2,
        expected: {
          province: 'in no province',
          province_iso: '',
          covered: 'yes',
          first_actor: "'-ADF",
        },
      },
      {
        name: 'the hotspot and place rows leave the event columns empty',
        at: 0,
        expected: { name: 'Kananga', dataset: '', events: '', first_actor: '' },
      },
    ])('coverage: $name', ({ at, expected }) => {
      expect(rows(coverCsv([placeRow], '2021-07-15', 'en', [cover]))[at]).toMatchObject(expected);
    });

    test('without imported events the coverage table has no event columns', () => {
      const header = coverCsv([placeRow], '2021-07-15').split('\r\n')[0]!;
      expect(header).not.toContain('events');
      expect(coverCsv([placeRow], '2021-07-15', 'en', [{ ...cover, rows: [] }])).toBe(
        coverCsv([placeRow], '2021-07-15'),
      );
    });

    test('lost cover: the sites that had the events in reach, the window, the totals', () => {
      const loss: EventLossCsv = {
        dataset: 'ged.csv',
        windowStart: '',
        windowEnd: '2021-07-15',
        rows: [{ province_iso: 'CD-NK', group: 'ADF', causes: [site, { name: 'Beni' }], ...tally }],
      };
      expect(rows(lossCsv([], '2021-01-15', '2021-07-15', 'en', [loss]))[0]).toMatchObject({
        from: '2021-01-15',
        to: '2021-07-15',
        kind: 'imported events',
        province: 'Nord-Kivu',
        lost_because_closed: 'Kananga; Beni',
        nearest_remaining_site: '',
        dataset: 'ged.csv',
        window_start: '',
        first_actor: 'ADF',
        events: '3',
      });
    });

    test('in French', () => {
      expect(rows(coverCsv([], '2021-07-15', 'fr', [cover]))[1]).toMatchObject({
        type: 'événements importés',
        province: 'hors des provinces',
        couvert: 'oui',
        jeu_de_données: 'acled_drc.csv',
        début_période: '2021-04-16',
        premier_acteur: "'-ADF",
        événements: '3',
        morts: '7',
        événements_sans_bilan: '1',
      });
    });
  });
});

describe('the mission’s area in the impact CSVs', () => {
  const losses: Loss[] = [
    { target: target('Kananga'), causes: [site], nearest: null },
    { target: target('Bukavu', { province_iso: 'CD-SK' }), causes: [site], nearest: null },
  ];
  const header = (csv: string) => csv.split('\r\n')[0]!.split(',');
  test.each([
    { name: 'Kasaï-Central in the area', area: new Set(['CD-KC']), expected: ['yes', 'no'] },
    { name: 'Sud-Kivu in the area', area: new Set(['CD-SK', 'CD-NK']), expected: ['no', 'yes'] },
    { name: 'an empty area', area: new Set<string>(), expected: ['no', 'no'] },
  ])('lost cover, $name', ({ area, expected }) => {
    const csv = lossCsv(losses, '2023-07-01', '2024-07-01', 'en', [], new Map(), area);
    expect(rows(csv).map((r) => r['in_mission_area'])).toEqual(expected);
  });

  test('the column comes last; every existing column keeps its place', () => {
    const without = header(lossCsv(losses, '2023-07-01', '2024-07-01'));
    const withArea = header(
      lossCsv(losses, '2023-07-01', '2024-07-01', 'en', [], new Map(), new Set(['CD-KC'])),
    );
    expect(without).not.toContain('in_mission_area');
    expect(withArea).toEqual([...without, 'in_mission_area']);
  });

  test('coverage rows carry it too, in French', () => {
    const covers: Cover[] = [{ target: target('Kananga'), by: [], nearest: null }];
    const csv = coverCsv(covers, '2024-07-01', 'fr', [], new Set(['CD-KC']));
    expect(rows(csv)[0]).toMatchObject({ dans_zone_mission: 'oui' });
  });

  test('imported events: in the area by their province, not for events in none', () => {
    const tally = { events: 1, fatalities: 0, unknownFatalities: 0 };
    const loss: EventLossCsv = {
      dataset: 'ged.csv',
      windowStart: '',
      windowEnd: '2024-07-01',
      rows: [
        { province_iso: 'CD-SK', group: 'M23', causes: [site], ...tally },
        { province_iso: null, group: 'M23', causes: [site], ...tally },
      ],
    };
    const csv = lossCsv(
      [],
      '2023-07-01',
      '2024-07-01',
      'en',
      [loss],
      new Map(),
      new Set(['CD-SK']),
    );
    expect(rows(csv).map((r) => r['in_mission_area'])).toEqual(['yes', 'no']);
  });
});
