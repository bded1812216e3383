/** The bundled default dataset, checked as the issue and its users require. */
import { describe, expect, test } from 'vitest';
import { SCENARIO_FILES, type ScenarioTexts } from '../../src/lib/data/loadScenario.ts';
import { checkMilestones } from '../../src/lib/domain/milestones.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { validateDefaultData } from '../defaultData.ts';

const { scenario, issues, rowsRead } = validateDefaultData();
const site = (id: string) => scenario.sites.find((s) => s.id === id)!;

describe('the default dataset', () => {
  test('validates with no problem, and every row loads', () => {
    expect(issues.map((i) => formatIssue(i, 'en'))).toEqual([]);
    for (const k of Object.keys(SCENARIO_FILES) as (keyof ScenarioTexts)[])
      expect(scenario[k].length, k).toBe(rowsRead[k]);
  });

  test('meets the minimum counts: 60 sites, 25 hotspots, 40 events', () => {
    expect(scenario.sites.length).toBeGreaterThanOrEqual(60);
    expect(scenario.hotspots.length).toBeGreaterThanOrEqual(25);
    expect(scenario.events.length).toBeGreaterThanOrEqual(40);
  });

  test('respects every milestone, with only the named exceptions', () => {
    const results = checkMilestones(scenario.sites);
    expect(results.flatMap((r) => r.violations.map((s) => s.id))).toEqual([]);
    expect(results.flatMap((r) => r.excepted.map((e) => e.site.id)).sort()).toEqual(['bendera']);
  });

  test.each([
    { id: 'kananga-office', closed: '2021-06-30' },
    { id: 'kalemie-office', closed: '2022-06-30' },
    { id: 'kalemie', closed: '2022-06-30' },
    { id: 'bukavu-office', closed: '2024-06-25' },
    { id: 'manono', closed: '2019-12-18' },
    { id: 'kamanyola', closed: '2024-02-28' },
    { id: 'lubero', closed: '2023-12-26' },
    { id: 'mikenge', closed: '2024-07-11' },
    { id: 'minembwe', closed: '2024-07-11' },
    { id: 'uvira', closed: '2024-06-25' },
    { id: 'shabunda', closed: '2022-11-10' },
    { id: 'bijombo', closed: '2023-02-18' },
  ])('$id closes on $closed, as the facts say', ({ id, closed }) => {
    expect(site(id).closed?.text).toBe(closed);
  });

  test('Goma stays open: no source reports a closure', () => {
    expect(site('goma').closed).toBeNull();
    expect(site('goma-office').closed).toBeNull();
  });

  test('the eight offices closed on 30 June 2019', () => {
    const offices = scenario.sites.filter(
      (s) => s.kind === 'field_office' && s.closed?.text === '2019-06-30',
    );
    expect(offices.map((s) => s.id).sort()).toEqual(
      [
        'bandundu',
        'dungu',
        'kamina',
        'kisangani',
        'lubumbashi',
        'matadi',
        'mbandaka',
        'mbuji-mayi',
      ].map((x) => `${x}-office`),
    );
  });

  test('the temporary and standing deployments the sources name are there', () => {
    expect(site('drodro')).toMatchObject({ kind: 'tob' });
    expect(site('drodro').opened?.text).toBe('2022-01');
    expect(site('loya').opened?.text).toBe('2023-06-04'); // MONUSCO release (allafrica 202307200197)
    expect(site('loya').closed?.text).toBe('2023-07');
    expect(site('fataki').opened?.text).toBe('2020-04');
    expect(site('bibokoboko').kind).toBe('scd');
    expect(site('bijombo').kind).toBe('cob');
  });

  test('every hotspot group the issue names is present', () => {
    const groups = new Set(scenario.hotspots.map((h) => h.group));
    for (const g of [
      'ADF',
      'CODECO',
      'FPIC',
      'FRPI',
      'M23',
      'NDC-R',
      'FDLR-FOCA',
      'Mai-Mai Yakutumba',
      'Twirwaneho / Ngumino',
      'Red-Tabara',
      'Twa militias',
      'Kamwina Nsapu',
      'Bana Mura',
      'Ecurie Mbembe',
      'Intercommunal (land)',
    ])
      expect(groups).toContain(g);
  });

  test('mandates run from S/RES/2463 to S/RES/2808, with the 2024 ceiling step', () => {
    const res = scenario.mandates.map((m) => m.resolution);
    expect(res[0]).toBe('S/RES/2463');
    expect(res.at(-1)).toBe('S/RES/2808');
    expect(res).toContain('S/RES/2717 from 2024-07-01');
  });

  test('three plans of phases', () => {
    expect(new Set(scenario.phases.map((p) => p.plan))).toEqual(
      new Set(['joint_strategy_2020', 'disengagement_plan_2023', 'actual']),
    );
  });

  test('a site without a trustworthy coordinate says so, rather than guessing', () => {
    for (const s of scenario.sites.filter((x) => x.lat === null))
      expect(s.notes, s.id).toMatch(/not drawn/);
  });
});
