import { describe, expect, test } from 'vitest';
import {
  anchorAlign,
  leaderSegment,
  leadersKey,
  nameBox,
  NEAR_EM,
  type Box,
  type PlacedOffset,
} from '../../src/lib/map/leaders.ts';
import { labelTextPx, nameAnchors } from '../../src/lib/map/siteLabels.ts';
import { MAX_SYMBOL_PX, MIN_SYMBOL_PX } from '../../src/lib/map/layers/prepare.ts';

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

/** A name `w` × `h` px at `textPx` type, set at `anchor` with `em` offset, in MapLibre's units. */
const placed = (
  anchor: string,
  em: [number, number],
  w: number,
  h: number,
  textPx: number,
  textBoxScale = 3,
): PlacedOffset => ({
  anchor,
  textOffset: [em[0] * 24, em[1] * 24],
  width: ((w * 24) / textPx) * textBoxScale,
  height: ((h * 24) / textPx) * textBoxScale,
  textBoxScale,
});

describe('nameBox: where a placed name lies on screen', () => {
  test.each<{ anchor: string; em: [number, number]; box: Box }>([
    // 'left': the box's left edge is at the offset, centred vertically.
    { anchor: 'left', em: [2, 0], box: [122, 193, 182, 207] },
    { anchor: 'right', em: [-2, 0], box: [18, 193, 78, 207] },
    { anchor: 'top', em: [0, 1], box: [70, 211, 130, 225] },
    { anchor: 'bottom', em: [0, -1], box: [70, 175, 130, 189] },
    { anchor: 'bottom-left', em: [1, -1], box: [111, 175, 171, 189] },
    { anchor: 'center', em: [0, 0], box: [70, 193, 130, 207] },
  ])('$anchor, offset $em em, at 11 px type', ({ anchor, em, box }) => {
    const b = nameBox([100, 200], placed(anchor, em, 60, 14, 11), 11);
    b.forEach((v, i) => expect(v).toBeCloseTo(box[i]!, 6));
  });

  test('the box scales with the type: MapLibre lays text out at 24 px an em', () => {
    const o = placed('left', [2, 0], 60, 14, 11);
    const b = nameBox([0, 0], o, 22);
    expect(b[0]).toBeCloseTo(44);
    expect(b[2] - b[0]).toBeCloseTo(120);
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
    // A symbol under its own name (never placed so): nothing to lead to.
    { name: 'inside', at: [150, 200], size: 20, line: null },
  ])('$name', ({ at, size, line }) => {
    const seg = leaderSegment(at, size, box, 11);
    if (!line) return expect(seg).toBeNull();
    expect(seg).not.toBeNull();
    seg!.flat().forEach((v, i) => expect(v).toBeCloseTo(line.flat()[i]!, 6));
  });
});

describe('the names siteLabels.ts places and the leaders agree', () => {
  // Every symbol size the step expression groups, at the type of zoom 4 and of zoom 8 and past.
  const sizes = [MIN_SYMBOL_PX, 19.9, 20, 28.9, 29, MAX_SYMBOL_PX];
  const groupOf = (size: number) => (size < 20 ? 20 : size < 29 ? 29 : MAX_SYMBOL_PX);
  test.each([4, 6, 8, 10])(
    'zoom %s: the eight nearest anchors get none, the four farther do',
    (z) => {
      const t = labelTextPx(z);
      for (const size of sizes) {
        const list = nameAnchors(groupOf(size));
        for (let i = 0; i < list.length; i += 2) {
          const o = placed(list[i] as string, list[i + 1] as [number, number], 50, 14, t);
          const seg = leaderSegment([0, 0], size, nameBox([0, 0], o, t), NEAR_EM * t);
          if (i / 2 < 8) expect(seg, `${size} px, anchor ${i / 2}`).toBeNull();
          else expect(seg, `${size} px, anchor ${i / 2}`).not.toBeNull();
        }
      }
    },
  );
});

describe('labelTextPx: the names type by zoom, as the layer sets it', () => {
  test.each([
    [2, 11],
    [4, 11],
    [6, 12.5],
    [8, 14],
    [12, 14],
  ])('zoom %s: %s px', (z, px) => {
    expect(labelTextPx(z)).toBeCloseTo(px);
  });
});

describe('leadersKey', () => {
  test('equal lines give equal keys; a move of a few metres changes it', () => {
    const a: [[number, number], [number, number]] = [
      [29.1, -1.6],
      [29.4, -1.6],
    ];
    expect(leadersKey([a])).toBe(
      leadersKey([
        [
          [29.1, -1.6],
          [29.4, -1.6],
        ],
      ]),
    );
    expect(leadersKey([a])).not.toBe(
      leadersKey([
        [
          [29.1, -1.6],
          [29.40005, -1.6],
        ],
      ]),
    );
    expect(leadersKey([])).toBe('');
  });
});
