import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import { mapFacts } from '../../src/lib/domain/mapFacts.ts';
import { heldOn } from '../../src/lib/domain/control.ts';
import { heldAreas } from '../../src/lib/domain/heldArea.ts';
import { PROVINCES } from '../../src/lib/domain/provinces.ts';
import { countersAt } from '../../src/lib/domain/timeline.ts';
import { loadDefaultData } from '../defaultData.ts';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
};

describe('mapFacts on the bundled data', () => {
  const scenario = loadDefaultData();
  const input = { sites: scenario.sites, hotspots: scenario.hotspots, phases: scenario.phases };

  test('mid-July 2021, as it happened: Kasaï and Kasaï-Central withdrawn, the east still active', () => {
    const f = mapFacts(input, 'actual', day('2021-07-15'));
    expect(f.provinces.withdrawn).toEqual(expect.arrayContaining(['Kasaï', 'Kasaï-Central']));
    expect(f.provinces.active).toEqual(expect.arrayContaining(['Ituri', 'Nord-Kivu', 'Sud-Kivu']));
    expect(f.provinces.drawing_down).not.toContain('Nord-Kivu');
  });

  test.each(['2019-06-01', '2021-07-15', '2022-07-15', '2024-07-15', '2025-06-01'])(
    '%s: the counts are the counters’ and the legend’s, each province in one phase at most',
    (iso) => {
      const f = mapFacts(input, 'actual', day(iso));
      const c = countersAt(scenario.sites, day(iso));
      expect(f.sites).toBeGreaterThan(0);
      expect(f.sites).toBe(c.sites);
      expect(f.sitesByKind.reduce((n, [, k]) => n + k, 0)).toBe(c.sites);
      expect(f.sitesByKind.every(([, n]) => n > 0)).toBe(true);
      const all = [...f.provinces.active, ...f.provinces.drawing_down, ...f.provinces.withdrawn];
      expect(new Set(all).size).toBe(all.length);
      expect(all.every((n) => PROVINCES.some((p) => p.name === n))).toBe(true);
      expect(f.hotspots).toBeGreaterThanOrEqual(0);
      expect(f.hotspots).toBeLessThanOrEqual(scenario.hotspots.length);
    },
  );

  test('later dates have fewer open sites than 2019 (the drawdown shows in the description)', () => {
    expect(mapFacts(input, 'actual', day('2025-06-01')).sites).toBeLessThan(
      mapFacts(input, 'actual', day('2019-06-01')).sites,
    );
  });
});

describe('mapFacts: armed-group control on the bundled data', () => {
  const scenario = loadDefaultData();
  const at = (iso: string) => {
    const areas = heldAreas(heldOn(scenario.control, day(iso)));
    return mapFacts(
      {
        sites: scenario.sites,
        hotspots: scenario.hotspots,
        phases: scenario.phases,
        control: { periods: scenario.control, areas },
      },
      'actual',
      day(iso),
    );
  };

  test('1 March 2025: M23/AFC holds Goma and Bukavu, and the Goma base is in its area', () => {
    const f = at('2025-03-01');
    const m23 = f.held.find((g) => g.group === 'M23/AFC');
    expect(m23?.towns).toEqual(expect.arrayContaining(['Goma', 'Bukavu']));
    const goma = f.heldSites.find((s) => s.name === 'Goma');
    expect(goma).toMatchObject({ group: 'M23/AFC', since: { text: '2025-01-28' } });
  });

  test('1 December 2024: nothing held at Goma, no site in a held area there', () => {
    const f = at('2024-12-01');
    expect(f.held.flatMap((g) => g.towns)).not.toContain('Goma');
    expect(f.heldSites.map((s) => s.name)).not.toContain('Goma');
  });

  test('without the control input, nothing is said of control', () => {
    const f = mapFacts(
      { sites: scenario.sites, hotspots: scenario.hotspots, phases: scenario.phases },
      'actual',
      day('2025-03-01'),
    );
    expect(f.held).toEqual([]);
    expect(f.heldSites).toEqual([]);
  });
});
