import { describe, expect, test } from 'vitest';
import {
  anchorAlign,
  byCodeUnits,
  layoutNames,
  NAME_PADDING_PX,
  leaderSegment,
  nameBox,
  NEAR_EM,
  overlaps,
  squareBox,
  wrapLines,
  type Box,
  type NameToSet,
} from '../../src/lib/map/nameLayout.ts';
import { labelTextPx, nameAnchors } from '../../src/lib/map/siteLabels.ts';
import { MAX_SYMBOL_PX, MIN_SYMBOL_PX } from '../../src/lib/map/layers/prepare.ts';
import { leadersKey } from '../../src/lib/map/siteNames.ts';

describe('anchorAlign: how MapLibre aligns a box to its anchor', () => {
  test.each([
    ['center', [0.5, 0.5]],
    ['left', [0, 0.5]],
    ['right', [1, 0.5]],
    ['top', [0.5, 0]],
    ['bottom', [0.5, 1]],
    ['top-left', [0, 0]],
    ['bottom-right', [1, 1]],
    ['bottom-left', [0, 1]],
    ['top-right', [1, 0]],
  ])('%s', (anchor, align) => {
    expect(anchorAlign(anchor)).toEqual(align);
  });
});

describe('nameBox: where a name set at an anchor lies on screen', () => {
  test.each<{ anchor: string; em: [number, number]; box: Box }>([
    // 'left': the box's left edge is at the offset, centred vertically.
    { anchor: 'left', em: [2, 0], box: [122, 193, 182, 207] },
    { anchor: 'right', em: [-2, 0], box: [18, 193, 78, 207] },
    { anchor: 'top', em: [0, 1], box: [70, 211, 130, 225] },
    { anchor: 'bottom', em: [0, -1], box: [70, 175, 130, 189] },
    { anchor: 'bottom-left', em: [1, -1], box: [111, 175, 171, 189] },
    { anchor: 'center', em: [0, 0], box: [70, 193, 130, 207] },
  ])('$anchor, offset $em em, at 11 px type', ({ anchor, em, box }) => {
    const b = nameBox([100, 200], anchor, em, 60, 14, 11);
    b.forEach((v, i) => expect(v).toBeCloseTo(box[i]!, 6));
  });

  test('the offset scales with the type, the box does not', () => {
    const b = nameBox([0, 0], 'left', [2, 0], 60, 14, 22);
    expect(b[0]).toBeCloseTo(44);
    expect(b[2] - b[0]).toBeCloseTo(60);
  });
});

describe('overlaps', () => {
  test.each<{ a: Box; b: Box; expected: boolean }>([
    { a: [0, 0, 10, 10], b: [5, 5, 15, 15], expected: true },
    { a: [0, 0, 10, 10], b: [10, 0, 20, 10], expected: false },
    { a: [0, 0, 10, 10], b: [2, 2, 3, 3], expected: true },
    { a: [0, 0, 10, 10], b: [0, 11, 10, 20], expected: false },
  ])('$a and $b: $expected', ({ a, b, expected }) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('leaderSegment: a line only where the name stands away', () => {
  const box: Box = [140, 193, 200, 207];
  test.each<{ name: string; at: [number, number]; size: number; line: number[][] | null }>([
    // 40 px from the centre, the symbol's edge at 10: 30 px off, a leader from edge to box.
    {
      name: 'far east',
      at: [100, 200],
      size: 20,
      line: [
        [110, 200],
        [140, 200],
      ],
    },
    // The edge 8 px from the box: beside it.
    { name: 'beside', at: [122, 200], size: 20, line: null },
    // Within `nearPx` (11) of the edge still counts as beside.
    { name: '11 px away', at: [119, 200], size: 20, line: null },
    {
      name: 'just past it',
      at: [118, 200],
      size: 20,
      line: [
        [128, 200],
        [140, 200],
      ],
    },
    // Above and to the left: towards the box's nearest corner.
    {
      name: 'diagonal',
      at: [116, 161],
      size: 10,
      line: [
        [119, 165],
        [140, 193],
      ],
    },
    // A symbol under its own name (never set so): nothing to lead to.
    { name: 'inside', at: [150, 200], size: 20, line: null },
  ])('$name', ({ at, size, line }) => {
    const seg = leaderSegment(at, size, box, 11);
    if (!line) return expect(seg).toBeNull();
    expect(seg).not.toBeNull();
    seg!.flat().forEach((v, i) => expect(v).toBeCloseTo(line.flat()[i]!, 6));
  });
});

describe('the anchors siteLabels.ts offers and the leaders agree', () => {
  const sizes = [MIN_SYMBOL_PX, 19.9, 20, 28.9, 29, MAX_SYMBOL_PX];
  test.each([4, 6, 8, 10])(
    'zoom %s: the eight nearest anchors get no leader, the four farther do',
    (z) => {
      const t = labelTextPx(z);
      for (const size of sizes) {
        nameAnchors(size).forEach(([anchor, em], i) => {
          const box = nameBox([0, 0], anchor, em, 50, 1.2 * t, t);
          const seg = leaderSegment([0, 0], size, box, NEAR_EM * t);
          if (i < 8) expect(seg, `${size} px, anchor ${i}`).toBeNull();
          else expect(seg, `${size} px, anchor ${i}`).not.toBeNull();
        });
      }
    },
  );
});

describe('layoutNames: each name at its first free anchor, in rank order', () => {
  const name = (id: string, at: [number, number], rank: number, size = 20): NameToSet => ({
    id,
    at,
    size,
    width: 40,
    height: 13,
    rank,
    anchors: nameAnchors(size),
  });
  const t = 11;

  test('a lone name goes below its symbol (the first anchor), with no leader', () => {
    const [n] = layoutNames([name('a', [200, 200], 0)], [], t);
    expect(n).toMatchObject({ id: 'a', anchor: 'top', leader: null });
    // Clear of its own symbol's square.
    expect(overlaps(n!.box, squareBox([200, 200], 20))).toBe(false);
  });

  test('a name never lands on an obstacle, and gives way to the next anchor', () => {
    // Something just below the symbol: the name goes above it.
    const below = squareBox([200, 225], 20);
    const [n] = layoutNames([name('a', [200, 200], 0)], [below], t);
    expect(n!.anchor).toBe('bottom');
    expect(overlaps(n!.box, below)).toBe(false);
  });

  test('the higher rank wins the space, whatever the input order', () => {
    const names = [name('low', [200, 230], 5), name('high', [200, 200], -10)];
    const out = layoutNames(names, [], t);
    expect(out.map((n) => n.id)).toEqual(['high', 'low']);
    expect(overlaps(out[0]!.box, out[1]!.box)).toBe(false);
  });

  test('hemmed in on every near side, a name goes farther east with a leader', () => {
    const at: [number, number] = [300, 300];
    // A small square in each of the eight near spots of a 20 px symbol's name (11 px type):
    // beside it on four sides, and at its four corners.
    const near: [number, number][] = [
      [0, 20],
      [0, -20],
      [17, 0],
      [-17, 0],
      [15, 15],
      [15, -15],
      [-15, 15],
      [-15, -15],
    ];
    const blocks = near.map(([dx, dy]) => squareBox([at[0] + dx, at[1] + dy], 6));
    const [n] = layoutNames([name('a', at, 0)], blocks, t);
    expect(n, 'set somewhere').toBeDefined();
    expect(n!.anchor).toBe('left');
    expect(n!.offset[0]).toBeGreaterThan(2);
    expect(n!.leader).not.toBeNull();
    for (const b of blocks) expect(overlaps(n!.box, b)).toBe(false);
  });

  test('with no free anchor a name is left out', () => {
    const wall: Box = [0, 0, 1000, 1000];
    expect(layoutNames([name('a', [500, 500], 0)], [wall], t)).toEqual([]);
  });

  test.each<{ case: string; at: [number, number]; anchor: string | null }>([
    { case: 'free on all sides: its first anchor', at: [100, 100], anchor: 'top' },
    // Its symbol at the map's foot: below it (anchored by its top) would be cut, so above.
    { case: 'at the bottom edge: above', at: [100, 195], anchor: 'bottom' },
    // West of a small country, a name east of its symbol stays inside the map.
    { case: 'at the left edge, low: east', at: [6, 192], anchor: 'left' },
    { case: 'in a map too small for it: left out', at: [20, 20], anchor: null },
  ])('inside the map: $case', ({ at, anchor }) => {
    const bounds: Box = at[0] === 20 ? [0, 0, 30, 30] : [0, 0, 200, 200];
    const out = layoutNames([name('a', at, 0)], [], t, bounds);
    expect(out[0]?.anchor ?? null).toBe(anchor);
    for (const n of out) {
      expect(n.box[0] + NAME_PADDING_PX).toBeGreaterThanOrEqual(bounds[0]);
      expect(n.box[2] - NAME_PADDING_PX).toBeLessThanOrEqual(bounds[2]);
    }
  });
});

describe('wrapLines: province names wrapped as MapLibre wraps them', () => {
  const measure = (s: string) => s.length * 10;
  test.each([
    { text: 'Kinshasa', max: 100, lines: ['Kinshasa'] },
    { text: 'Haut-Katanga', max: 100, lines: ['Haut-', 'Katanga'] },
    { text: 'Nord Kivu', max: 100, lines: ['Nord Kivu'] },
    { text: 'Nord Kivu Sud', max: 80, lines: ['Nord', 'Kivu Sud'] },
  ])('$text in $max px: $lines', ({ text, max, lines }) => {
    expect(wrapLines(text, max, measure)).toEqual(lines);
  });
});

describe('leadersKey', () => {
  test('equal lines give equal keys; a move of a few metres changes it', () => {
    const a: [[number, number], [number, number]] = [
      [29.1, -1.6],
      [29.4, -1.6],
    ];
    const same: [[number, number], [number, number]] = [
      [29.1, -1.6],
      [29.4, -1.6],
    ];
    const moved: [[number, number], [number, number]] = [
      [29.1, -1.6],
      [29.40005, -1.6],
    ];
    expect(leadersKey([a])).toBe(leadersKey([same]));
    expect(leadersKey([a])).not.toBe(leadersKey([moved]));
    expect(leadersKey([])).toBe('');
  });
});

describe('one input, one layout: nothing in it depends on order or on the browser', () => {
  const name = (id: string, at: [number, number]): NameToSet => ({
    id,
    at,
    size: 20,
    width: 40,
    height: 13,
    rank: 0,
    anchors: nameAnchors(20),
  });
  // Three names of equal rank close enough to contend for the same room.
  const names = [
    name('beni-boikene', [200, 200]),
    name('beni', [204, 214]),
    name('benia', [196, 228]),
  ];

  test.each([
    { name: 'as given', order: [0, 1, 2] },
    { name: 'reversed', order: [2, 1, 0] },
    { name: 'shuffled', order: [1, 2, 0] },
  ])('ties in rank go by id whatever the input order: $name', ({ order }) => {
    const out = layoutNames(
      order.map((i) => names[i]!),
      [],
      11,
    );
    expect(out).toEqual(layoutNames(names, [], 11));
    expect(out.map((n) => n.id)).toEqual(['beni', 'beni-boikene', 'benia']);
  });

  test.each([
    { a: 'beni', b: 'beni-boikene', expected: -1 },
    { a: 'beni-boikene', b: 'benia', expected: -1 },
    { a: 'Goma', b: 'goma', expected: -1 },
    { a: 'goma', b: 'goma', expected: 0 },
    { a: 'kavumu', b: 'bukavu', expected: 1 },
  ])('byCodeUnits($a, $b) is $expected, in every language', ({ a, b, expected }) => {
    expect(byCodeUnits(a, b)).toBe(expected);
  });
});
