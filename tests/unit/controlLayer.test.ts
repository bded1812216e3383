/** The control layer's parts: towns ready for the GPU filter, the hatch, the area's data. */
import { describe, expect, test } from 'vitest';
import {
  controlAreaData,
  controlAreaNames,
  controlAreaShapes,
  prepareTowns,
} from '../../src/lib/map/layers/controlLayer.ts';
import {
  controlAreaLayers,
  controlLabelLayer,
  hatchImage,
} from '../../src/lib/map/controlStyle.ts';
import { heldAreas } from '../../src/lib/domain/heldArea.ts';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { ControlPeriod } from '../../src/lib/domain/schema.ts';
import { CONTROL_STYLE } from '../../src/lib/map/theme.ts';

const d = (t: string) => parseFuzzyDate(t, 'day') as FuzzyDate;
const period = (over: Partial<ControlPeriod>): ControlPeriod => ({
  id: 'goma-2025',
  town: 'Goma',
  group: 'M23/AFC',
  province_iso: 'CD-NK',
  lat: -1.67409,
  lon: 29.22845,
  from: d('2025-01-28'),
  to: null,
  source: 'S/RES/2773',
  confidence: 'high',
  notes: '',
  ...over,
});

test.each([
  { to: null, span: [d('2025-01-28').first, 1e6] },
  { to: d('2025-06-30'), span: [d('2025-01-28').first, d('2025-06-30').first] },
])('prepareTowns: a span float32 holds, open-ended while held (to: $to.text)', ({ to, span }) => {
  const [t] = prepareTowns([period({ to })]);
  expect(t!.position).toEqual([29.22845, -1.67409]);
  expect(t!.span).toEqual(span);
});

describe('the hatch', () => {
  const img = hatchImage();
  const px = (x: number, y: number) => [
    ...img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
  ];
  test('lines of the ink over a faint wash of it', () => {
    expect(img.data.length).toBe(img.width * img.height * 4);
    expect(px(0, 0)).toEqual([...CONTROL_STYLE.ink, CONTROL_STYLE.hatchAlpha]);
    expect(px(img.width / 2, 0)).toEqual([...CONTROL_STYLE.ink, CONTROL_STYLE.washAlpha]);
  });
  test('seamless: a line leaving the last column goes on in the first, one row up', () => {
    const on = (x: number, y: number) => px(x, y)[3] === CONTROL_STYLE.hatchAlpha;
    for (let y = 0; y < img.height; y++)
      expect(on(img.width - 1, y)).toBe(on(0, (y + img.height - 1) % img.height));
    // And the same down the rows: every line crosses the tile's edge into the next tile.
    for (let x = 0; x < img.width; x++)
      expect(on(x, img.height - 1)).toBe(on((x + img.width - 1) % img.width, 0));
  });
});

describe('controlAreaData', () => {
  const areas = heldAreas([
    period({}),
    period({ id: 'bukavu-2025', lat: -2.49077, lon: 28.84281 }),
  ]);
  const shapes = controlAreaShapes(areas);
  const names = controlAreaNames(shapes, (g) => `${g}-held area (approximate)`);
  const fc = controlAreaData(shapes, names);
  test('one area and one name per group, the name east of the area, level with its waist', () => {
    const [shape, name] = fc.features;
    expect(fc.features).toHaveLength(2);
    expect(shape!.geometry.type).toBe('Polygon');
    expect(name!.geometry.type).toBe('Point');
    expect(name!.properties).toEqual({
      group: 'M23/AFC',
      label: 'M23/AFC-held area (approximate)',
    });
    const [east, mid] = (name!.geometry as GeoJSON.Point).coordinates as [number, number];
    const ring = (shape!.geometry as GeoJSON.Polygon).coordinates[0]!;
    expect(east).toBe(Math.max(...ring.map((p) => p[0]!)));
    // 12 km east of Goma, the easternmost town; in the middle third of the area's height.
    expect(east).toBeGreaterThan(29.22845 + 0.1);
    const ys = ring.map((p) => p[1]!);
    const [south, north] = [Math.min(...ys), Math.max(...ys)];
    expect(mid).toBeGreaterThanOrEqual(south + (north - south) / 3);
    expect(mid).toBeLessThanOrEqual(north - (north - south) / 3);
  });
  test('nothing held, nothing drawn', () => {
    const none = controlAreaShapes([]);
    expect(controlAreaData(none, controlAreaNames(none, String)).features).toEqual([]);
  });
  test('the layers draw areas and names apart, hidden until the app shows them', () => {
    const layers = [...controlAreaLayers(), controlLabelLayer()];
    expect(layers.map((l) => l.id)).toEqual(['control-fill', 'control-line', 'control-label']);
    for (const l of layers) expect(l.layout?.visibility).toBe('none');
  });
});
