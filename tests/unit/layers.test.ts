import { describe, expect, test } from 'vitest';
import { sitesLayer } from '../../src/lib/map/layers/sitesLayer.ts';
import { hotspotsLayer } from '../../src/lib/map/layers/hotspotsLayer.ts';
import { siteMarks } from '../../src/lib/map/layers/siteMarks.ts';
import type { HotspotDatum, SiteDatum } from '../../src/lib/map/layers/prepare.ts';
import { controlTownsLayer, type TownDatum } from '../../src/lib/map/layers/controlLayer.ts';

const site = {
  site: { id: 'a', kind: 'cob', closed: '2021-06-30', closure: 'withdrawn' },
  position: [22.4, -5.9],
  span: [18000, 18800],
  size: 20,
  major: false,
} as unknown as SiteDatum;
const atlas = { canvas: {} as HTMLCanvasElement, mapping: {} };
const hotspots = [{ position: [29, -1], span: [18000, 19000] }] as unknown as HotspotDatum[];
const towns = [{ position: [29.2, -1.7], span: [20116, 1e6] }] as unknown as TownDatum[];

describe('a timeline step moves only the GPU filter', () => {
  const marks = siteMarks([site], { sites: true, closed: true });
  test.each([
    {
      name: 'sites',
      at: (day: number) => sitesLayer(marks, day, atlas, true),
    },
    { name: 'hotspots', at: (day: number) => hotspotsLayer(hotspots, day) },
    { name: 'held towns', at: (day: number) => controlTownsLayer(towns, day, atlas) },
  ])('$name: same id and data arrays, the filter range follows the day', ({ at }) => {
    const a = at(18500);
    const b = at(18531);
    expect(b.id).toBe(a.id);
    expect(b.props.data).toBe(a.props.data);
    expect(JSON.stringify(b.props.filterRange)).not.toBe(JSON.stringify(a.props.filterRange));
    expect(JSON.stringify(b.props.filterRange)).toContain('18531');
  });
});

describe('the closing fade', () => {
  const marks = siteMarks([site], { sites: true, closed: true });
  test('on by default: a soft range a month ahead of the day', () => {
    expect(sitesLayer(marks, 18500, atlas, true).props.filterSoftRange).not.toBeNull();
  });
  test('off under reduced motion', () => {
    expect(sitesLayer(marks, 18500, atlas, false).props.filterSoftRange).toBeNull();
  });
});
