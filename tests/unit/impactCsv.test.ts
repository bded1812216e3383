import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { coverCsv, lossCsv } from '../../src/lib/domain/impactCsv.ts';
import type { Cover, Loss, Reacher, Target } from '../../src/lib/domain/impact.ts';

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
});
