import { describe, expect, test } from 'vitest';
import { SITE_KIND_REGISTRY, SITE_KINDS, siteKind } from '../../src/lib/domain/siteKinds.ts';
import { MILITARY_KINDS } from '../../src/lib/domain/schema.ts';
import { REACH_DEFAULTS } from '../../src/lib/domain/reach.ts';
import { KIND_STYLE, OKABE_ITO } from '../../src/lib/map/theme.ts';

describe('the site-kind registry', () => {
  test('ids are unique CSV words, labels unique', () => {
    expect(new Set(SITE_KINDS).size).toBe(SITE_KINDS.length);
    for (const id of SITE_KINDS) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const labels = SITE_KIND_REGISTRY.map((k) => k.label());
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('no two kinds share a symbol: shape, colour and hollowness tell them apart', () => {
    const symbols = SITE_KIND_REGISTRY.map(
      (k) => `${k.symbol.shape} ${k.symbol.colour} ${k.symbol.hollow}`,
    );
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  test.each([
    { kind: 'mission_hq', military: false, named: 'first', km: 0 },
    { kind: 'force_hq', military: true, named: 'always', km: 80 },
    { kind: 'sector_hq', military: true, named: 'first', km: 80 },
    { kind: 'cob', military: true, named: 'by-size', km: 25 },
    { kind: 'police', military: false, named: 'by-size', km: 10 },
    { kind: 'liaison_office', military: false, named: 'by-size', km: 0 },
  ] as const)('$kind', ({ kind, military, named, km }) => {
    expect(siteKind(kind).military).toBe(military);
    expect(siteKind(kind).named).toBe(named);
    expect(REACH_DEFAULTS[kind].km).toBe(km);
    expect(REACH_DEFAULTS[kind].reason.length).toBeGreaterThan(20);
  });

  test('the tables drawn from it cover every kind, in its order', () => {
    expect(Object.keys(KIND_STYLE)).toEqual([...SITE_KINDS]);
    expect(Object.keys(REACH_DEFAULTS)).toEqual([...SITE_KINDS]);
    expect(MILITARY_KINDS).toEqual(['force_hq', 'sector_hq', 'cob', 'tob', 'scd']);
    expect(KIND_STYLE.tob).toEqual({
      label: 'Temporary operating base (TOB)',
      shape: 'triangle',
      color: OKABE_ITO.orange,
      hollow: true,
    });
  });
});
