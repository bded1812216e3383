import { describe, expect, test } from 'vitest';
import { fitPadding, mercatorAspect, type Box } from '../../src/lib/map/fitPadding.ts';

const box = (left: number, top: number, right: number, bottom: number): Box => ({
  left,
  top,
  right,
  bottom,
});

// The app at 1280 × 800: the map is 1280 × 600 above the timeline.
const title = box(12, 12, 806, 117);
const layers = box(994, 12, 1268, 588);

// A country box three times as wide as high: the height never limits the fit, so clearing a
// strip along the top or bottom costs nothing and is always done.
const WIDE = 3;

describe('fitPadding: each panel cleared from its cheapest side, plus the margin', () => {
  test.each([
    { what: 'no panels', boxes: [], expected: { top: 24, right: 24, bottom: 24, left: 24 } },
    {
      what: 'a wide, short title: from the top',
      boxes: [title],
      expected: { top: 141, right: 24, bottom: 24, left: 24 },
    },
    {
      what: 'a tall panel on the right: from the right',
      boxes: [layers],
      expected: { top: 24, right: 310, bottom: 24, left: 24 },
    },
    {
      what: 'both',
      boxes: [title, layers],
      expected: { top: 141, right: 310, bottom: 24, left: 24 },
    },
    {
      what: 'two boxes on one side: the deeper one counts, not their sum',
      boxes: [box(1000, 0, 1280, 300), box(1100, 310, 1280, 600)],
      expected: { top: 24, right: 304, bottom: 24, left: 24 },
    },
    {
      what: 'a box reaching past the map is clipped to it first',
      boxes: [box(994, 12, 1268, 2000)],
      expected: { top: 24, right: 310, bottom: 24, left: 24 },
    },
    {
      what: 'the attribution, bottom right: from the bottom',
      boxes: [box(650, 540, 1280, 600)],
      expected: { top: 24, right: 24, bottom: 84, left: 24 },
    },
    {
      what: 'a hidden panel (0 × 0) is ignored',
      boxes: [box(0, 0, 0, 0)],
      expected: { top: 24, right: 24, bottom: 24, left: 24 },
    },
    {
      what: 'a box wholly outside the map is ignored',
      boxes: [box(0, 650, 1280, 800)],
      expected: { top: 24, right: 24, bottom: 24, left: 24 },
    },
  ])('$what', ({ boxes, expected }) => {
    expect(fitPadding(1280, 600, boxes, 24, WIDE)).toEqual(expected);
  });
});

describe('fitPadding: panels that leave too little free are ignored', () => {
  test.each([
    {
      what: 'a phone: the panel takes most of the width',
      width: 400,
      height: 700,
      boxes: [box(120, 12, 388, 600)],
      expected: { top: 12, right: 12, bottom: 12, left: 12 },
    },
    {
      what: 'just enough left free: kept',
      width: 1000,
      height: 600,
      // 1000 - 12 - (1000 - 324 + 12) = 300, exactly 30% of the width.
      boxes: [box(324, 0, 1000, 600)],
      expected: { top: 12, right: 688, bottom: 12, left: 12 },
    },
    {
      what: 'a little less than that: ignored',
      width: 1000,
      height: 600,
      boxes: [box(322, 0, 1000, 600)],
      expected: { top: 12, right: 12, bottom: 12, left: 12 },
    },
  ])('$what', ({ width, height, boxes, expected }) => {
    expect(fitPadding(width, height, boxes, 12, 1)).toEqual(expected);
  });
});

// The DRC's box: about as wide as high on the map.
const DRC = mercatorAspect(12.2, -13.46, 31.31, 5.38);

describe('fitPadding: every box cleared, the sides chosen for the largest country', () => {
  test.each([
    {
      what: '1280 × 800 window, a wide title: from the top',
      width: 1280,
      height: 600,
      boxes: [title, layers],
      expected: { top: 141, right: 310, bottom: 24, left: 24 },
    },
    {
      what: '1280 × 800 window, a title as narrow as a panel: from the left, at no cost',
      width: 1280,
      height: 600,
      boxes: [box(12, 12, 400, 200), layers],
      expected: { top: 24, right: 310, bottom: 24, left: 424 },
    },
    {
      what: '1024 × 768 window: the title from the top, as the layer panel takes the width',
      width: 1024,
      height: 554,
      boxes: [
        { ...box(130, 514, 1024, 554), always: true, gap: 6 },
        box(12, 12, 519, 75),
        box(12, 87, 575, 117),
        box(738, 12, 1012, 370),
      ],
      expected: { top: 141, right: 310, bottom: 46, left: 24 },
    },
    {
      what: '1920 × 1080 window, a wide title: from the left, which costs the country less',
      width: 1920,
      height: 880,
      boxes: [title, box(1634, 12, 1908, 747)],
      expected: { top: 24, right: 310, bottom: 24, left: 830 },
    },
    {
      what: 'a very short window: clearing the title too would leave too little, so only the panel is',
      width: 1280,
      height: 260,
      boxes: [title, box(1100, 12, 1268, 248)],
      expected: { top: 24, right: 204, bottom: 24, left: 24 },
    },
    {
      what: 'presenting at 1280 × 800: the slide caption (always) from the bottom, the leave button from the right',
      width: 1280,
      height: 800,
      boxes: [{ ...box(124, 620, 724, 775), always: true }, box(1125, 12, 1268, 44)],
      expected: { top: 24, right: 179, bottom: 204, left: 24 },
    },
    {
      what: 'the credits, two lines along the bottom edge (always, gap 6): cleared by the gap, not the margin',
      width: 1280,
      height: 600,
      boxes: [{ ...box(130, 560, 1280, 600), always: true, gap: 6 }, layers],
      expected: { top: 24, right: 310, bottom: 46, left: 24 },
    },
    {
      what: 'a strip and its gap lower than the margin: the margin stands',
      width: 1920,
      height: 880,
      boxes: [{ ...box(561, 866, 1920, 880), always: true, gap: 6 }],
      expected: { top: 24, right: 24, bottom: 24, left: 24 },
    },
    {
      what: 'too little room for all: a caption marked always is still cleared, a title not',
      width: 1400,
      height: 300,
      boxes: [title, box(1120, 12, 1388, 288), { ...box(12, 200, 600, 290), always: true }],
      expected: { top: 24, right: 304, bottom: 24, left: 624 },
    },
  ])('$what', ({ width, height, boxes, expected }) => {
    expect(fitPadding(width, height, boxes, 24, DRC)).toEqual(expected);
  });
});

describe('mercatorAspect: width over height of a box on the map', () => {
  test.each([
    { what: '10° square on the equator', box: [0, -5, 10, 5] as const, expected: 1 },
    { what: 'the DRC', box: [12.2, -13.46, 31.31, 5.38] as const, expected: 1.01 },
    {
      what: '10° square at 60°N: drawn about twice as high',
      box: [0, 55, 10, 65] as const,
      expected: 0.48,
    },
  ])('$what', ({ box, expected }) => {
    expect(mercatorAspect(box[0], box[1], box[2], box[3])).toBeCloseTo(expected, 1);
  });
});
