import { describe, expect, test } from 'vitest';
import {
  CALLOUT_FONT_PX,
  CALLOUT_LINE_EM,
  CALLOUT_PAD_PX,
  calloutBox,
  keepInside,
  leaderLine,
  placeCallout,
  sideOf,
  wrapText,
  type Px,
  type PxBox,
} from '../../src/lib/domain/callouts.ts';
import { screenScale, SITE_NAME_PX } from '../../src/lib/domain/screenScale.ts';
import {
  LABEL_TEXT_PX,
  labelTextPx,
  labelTextSize,
  markFeatures,
  siteSpotFeatures,
} from '../../src/lib/map/siteLabels.ts';
import { sitesLayer } from '../../src/lib/map/layers/sitesLayer.ts';
import { siteMarks, type SiteMark } from '../../src/lib/map/layers/siteMarks.ts';
import type { SiteDatum } from '../../src/lib/map/layers/prepare.ts';

/** Every character 0.5 em wide: widths a test can count. */
const mono = (s: string, px: number) => s.length * px * 0.5;

describe('screenScale', () => {
  test.each([
    { name: 'not presenting at 1920', width: 1920, presenting: false, expected: 1 },
    { name: 'not presenting at 1280', width: 1280, presenting: false, expected: 1 },
    { name: 'presenting at 1024 (never smaller)', width: 1024, presenting: true, expected: 1 },
    { name: 'presenting at 1280', width: 1280, presenting: true, expected: 1.121 },
    { name: 'presenting at 1920', width: 1920, presenting: true, expected: 1.682 },
    { name: 'presenting at 3840 (capped)', width: 3840, presenting: true, expected: 2.5 },
    { name: 'presenting, no width yet', width: 0, presenting: true, expected: 1 },
    { name: 'presenting, width NaN', width: NaN, presenting: true, expected: 1 },
  ])('$name', ({ width, presenting, expected }) => {
    expect(screenScale(width, presenting)).toBeCloseTo(expected, 3);
  });
  test('a 1920-px projector shows the whole-country site names at 18 px or more', () => {
    expect(LABEL_TEXT_PX).toBe(SITE_NAME_PX);
    expect(LABEL_TEXT_PX * screenScale(1920, true)).toBeGreaterThanOrEqual(18);
  });
});

describe('calloutBox', () => {
  test.each([
    {
      name: 'up right: lower-left corner at the offset',
      offset: [40, -30],
      scale: 1,
      expected: [140, 50, 240, 70],
    },
    {
      name: 'up left: lower-right corner',
      offset: [-40, -30],
      scale: 1,
      expected: [-40, 50, 60, 70],
    },
    {
      name: 'down right: upper-left corner',
      offset: [40, 30],
      scale: 1,
      expected: [140, 130, 240, 150],
    },
    { name: 'down left, scaled 2×', offset: [-40, 30], scale: 2, expected: [-80, 160, 20, 180] },
    { name: 'straight up: centred', offset: [0, -30], scale: 1, expected: [50, 50, 150, 70] },
    { name: 'on the anchor', offset: [0, 0], scale: 1, expected: [50, 90, 150, 110] },
  ] as { name: string; offset: Px; scale: number; expected: PxBox }[])(
    '$name',
    ({ offset, scale, expected }) => {
      expect(calloutBox([100, 100], offset, scale, [100, 20])).toEqual(expected);
    },
  );
});

describe('leaderLine', () => {
  test.each([
    { name: 'box up right: from its lower-left corner', box: [140, 50, 240, 70], from: [140, 70] },
    { name: 'box above, centred: from its bottom edge', box: [50, 50, 150, 70], from: [100, 70] },
    { name: 'box to the left, level: from its right edge', box: [0, 90, 60, 110], from: [60, 100] },
    { name: 'box over the anchor: no length', box: [50, 90, 150, 110], from: [100, 100] },
  ] as { name: string; box: PxBox; from: Px }[])('$name', ({ box, from }) => {
    expect(leaderLine([100, 100], box)).toEqual([from, [100, 100]]);
  });
});

describe('wrapText', () => {
  test.each([
    {
      name: 'fits on one line',
      text: 'Goma falls, 28 Jan',
      max: 100,
      expected: ['Goma falls, 28 Jan'],
    },
    { name: 'breaks at spaces', text: 'aaa bbb ccc', max: 7, expected: ['aaa bbb', 'ccc'] },
    {
      name: 'a long word stays whole',
      text: 'abcdefghij k',
      max: 4,
      expected: ['abcdefghij', 'k'],
    },
    {
      name: 'not at a no-break space',
      text: 'Goma\u00a0: chute',
      max: 6,
      expected: ['Goma\u00a0:', 'chute'],
    },
    { name: 'spaces around are dropped', text: '  x  ', max: 10, expected: ['x'] },
  ])('$name', ({ text, max, expected }) => {
    expect(wrapText(text, max, (s) => s.length)).toEqual(expected);
  });
});

describe('sideOf', () => {
  test.each([
    { offset: [40, -30], expected: 'up-right' },
    { offset: [-1, -1], expected: 'up-left' },
    { offset: [5, 200], expected: 'down-right' },
    { offset: [-40, 30], expected: 'down-left' },
    { offset: [0, 0], expected: 'up-right' },
  ] as { offset: Px; expected: string }[])('$offset → $expected', ({ offset, expected }) => {
    expect(sideOf(offset)).toBe(expected);
  });
});

describe('placeCallout', () => {
  test.each([
    { name: 'scale 1', scale: 1 },
    { name: 'a 1920-px projector', scale: screenScale(1920, true) },
    { name: 'a 2× export', scale: 2 },
  ])('$name: box, leader and type grow together', ({ scale }) => {
    const anchor: Px = [500, 400];
    const p = placeCallout({ text: 'Goma falls, 28 Jan', offset: [40, -30] }, anchor, scale, mono);
    const font = CALLOUT_FONT_PX * scale;
    const [padX, padY] = CALLOUT_PAD_PX.map((v) => v * scale) as Px;
    expect(p.fontPx).toBeCloseTo(font);
    // Lower-left corner at the scaled offset, one line of 18 half-em characters wide.
    expect(p.box[0]).toBeCloseTo(500 + 40 * scale);
    expect(p.box[3]).toBeCloseTo(400 - 30 * scale);
    expect(p.box[2] - p.box[0]).toBeCloseTo(18 * font * 0.5 + 2 * padX);
    expect(p.line[1]).toEqual(anchor);
    expect(p.line[0][0]).toBeCloseTo(p.box[0]);
    expect(p.line[0][1]).toBeCloseTo(p.box[3]);
    expect(p.lines).toHaveLength(1);
    expect(p.lines[0]!.at[0]).toBeCloseTo(p.box[0] + padX);
    expect(p.lines[0]!.at[1]).toBeCloseTo(p.box[1] + padY + (CALLOUT_LINE_EM * font) / 2);
  });
  test('an 80-character text takes several lines, each under the widest allowed', () => {
    const text =
      'Goma falls to the M23 on 28 January after days of fighting around Sake and Kibati';
    const p = placeCallout({ text, offset: [-44, 40] }, [300, 300], 1, mono);
    expect(p.lines.length).toBeGreaterThan(1);
    expect(p.lines.map((l) => l.text).join(' ')).toBe(text);
    for (const l of p.lines) expect(mono(l.text, p.fontPx)).toBeLessThanOrEqual(260);
    // Down and left: the box's upper-right corner at the offset.
    expect(p.box[2]).toBeCloseTo(256);
    expect(p.box[1]).toBeCloseTo(340);
  });
});

describe('the screen scale on the map: symbols, their space and the names grow alike', () => {
  const site = {
    site: { id: 'goma', kind: 'sector_hq', closed: '2021-06-30', closure: 'withdrawn' },
    position: [29.23, -1.68],
    span: [18000, 18800],
    size: 20,
    major: true,
  } as unknown as SiteDatum;
  const marks = siteMarks([site], { sites: true, closed: true });
  const closing = marks.find((m) => m.role === 'closing')!;
  const atlas = { canvas: {} as HTMLCanvasElement, mapping: {} };

  test.each([1, 1.5, screenScale(1920, true)])('at scale %d', (scale) => {
    const layer = sitesLayer(marks, 18500, atlas, true, scale);
    expect(layer.props.sizeScale).toBe(scale);
    const offset = (layer.props.getPixelOffset as unknown as (m: SiteMark) => number[])(closing);
    expect(offset).toEqual([closing.offset[0] * scale, closing.offset[1] * scale]);
    // MapLibre's placement space for the symbols: sizes scaled, and offsets in icon units that
    // come out as the scaled pixels (icon-offset × icon-size, size / 4).
    const spot = siteSpotFeatures([closing], scale).features[0]!.properties;
    expect(spot.size).toBeCloseTo(closing.size * scale);
    expect(spot.offset[0] * (spot.size / 4)).toBeCloseTo(closing.offset[0] * scale);
    expect(markFeatures([site], scale).features[0]!.properties.size).toBeCloseTo(20 * scale);
    // The names' text-size expression gives labelTextPx at every zoom.
    const [, , , z0, px0, z1, px1] = labelTextSize(scale) as number[];
    expect([z0, px0, z1, px1]).toEqual([4, labelTextPx(4, scale), 8, labelTextPx(8, scale)]);
    expect(labelTextPx(6, scale)).toBeCloseTo(labelTextPx(6) * scale);
  });
});

describe('keepInside: a callout box stays off an export’s legend', () => {
  const within: PxBox = [0, 0, 800, 600];
  test.each<{ case: string; box: PxBox; out: PxBox }>([
    { case: 'inside: unmoved', box: [100, 100, 300, 150], out: [100, 100, 300, 150] },
    {
      case: 'over the right edge: moved left',
      box: [700, 100, 900, 150],
      out: [600, 100, 800, 150],
    },
    { case: 'over the top: moved down', box: [100, -30, 300, 20], out: [100, 0, 300, 50] },
    {
      case: 'over a corner: moved on both axes',
      box: [-10, 580, 90, 630],
      out: [0, 550, 100, 600],
    },
    {
      case: 'wider than the area: that axis unmoved',
      box: [-50, 10, 900, 60],
      out: [-50, 10, 900, 60],
    },
  ])('$case', ({ box, out }) => {
    expect(keepInside(box, within)).toEqual(out);
  });

  test('placeCallout moves the box in and the leader follows it to the anchor', () => {
    const measure = (t: string, px: number) => t.length * px * 0.5;
    const c = { text: 'Goma falls, 28 Jan', offset: [44, -40] as [number, number] };
    const anchor: [number, number] = [760, 300];
    const free = placeCallout(c, anchor, 1, measure);
    expect(free.box[2]).toBeGreaterThan(800);
    const kept = placeCallout(c, anchor, 1, measure, within);
    expect(kept.box[2]).toBeLessThanOrEqual(800);
    expect(kept.box[3] - kept.box[1]).toBeCloseTo(free.box[3] - free.box[1]);
    expect(kept.line[1]).toEqual(anchor);
    // The leader starts on the moved box's edge, the point nearest the anchor.
    expect(kept.line[0]).toEqual(leaderLine(anchor, kept.box)[0]);
    expect(kept.lines[0]!.at[0]).toBeLessThan(free.lines[0]!.at[0]);
  });
});
