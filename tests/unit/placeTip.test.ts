import { describe, expect, test } from 'vitest';
import { placeTip, type TipRequest } from '../../src/lib/domain/placeTip.ts';

const viewport = { width: 1024, height: 768 };
const size = { width: 200, height: 80 };
/** The credits line's top at 1024 × 768: the map ends at 554, its two-line credits start at 515. */
const floor = 515;
const base = { viewport, size, floor, gap: 12, margin: 4 } satisfies Omit<TipRequest, 'anchor'>;

describe('placeTip', () => {
  test.each([
    {
      name: 'room below and right of the pointer: there',
      input: { ...base, anchor: { x: 100, y: 100 } },
      expected: { left: 112, top: 112 },
    },
    {
      name: 'at the right edge: left of the pointer',
      input: { ...base, anchor: { x: 1000, y: 100 } },
      expected: { left: 788, top: 112 },
    },
    {
      name: 'near the credits: above the pointer',
      input: { ...base, anchor: { x: 100, y: 480 } },
      expected: { left: 112, top: 388 },
    },
    {
      name: 'bottom-right corner: above and left',
      input: { ...base, anchor: { x: 1010, y: 500 } },
      expected: { left: 798, top: 408 },
    },
    {
      name: 'a pointer on the credits line: the box still ends above it',
      input: { ...base, anchor: { x: 300, y: 530 } },
      expected: { left: 312, top: 431 },
    },
    {
      name: 'above a mark: centred over it',
      input: { ...base, side: 'above' as const, anchor: { x: 500, y: 300 } },
      expected: { left: 400, top: 208 },
    },
    {
      name: 'above a mark at the right edge: slid left, inside the window',
      input: { ...base, side: 'above' as const, anchor: { x: 1015, y: 300 } },
      expected: { left: 820, top: 208 },
    },
    {
      name: 'above a mark at the left edge: slid right',
      input: { ...base, side: 'above' as const, anchor: { x: 10, y: 300 } },
      expected: { left: 4, top: 208 },
    },
    {
      name: 'a timeline tick under the credits: above the credits line, not over it',
      input: { ...base, side: 'above' as const, anchor: { x: 600, y: 620 } },
      expected: { left: 500, top: 431 },
    },
    {
      name: 'above a mark at the top: below it',
      input: { ...base, side: 'above' as const, anchor: { x: 500, y: 40 } },
      expected: { left: 400, top: 52 },
    },
    {
      name: 'a box larger than the room: its top-left corner in sight',
      input: { ...base, size: { width: 1100, height: 600 }, anchor: { x: 500, y: 300 } },
      expected: { left: 4, top: 4 },
    },
    {
      name: 'no floor above the window: the window bottom bounds it',
      input: { ...base, floor: 2000, anchor: { x: 100, y: 740 } },
      expected: { left: 112, top: 648 },
    },
    {
      name: 'a panel right of the pointer: left of the pointer instead',
      input: {
        ...base,
        anchor: { x: 700, y: 100 },
        avoid: [{ left: 738, top: 12, right: 1012, bottom: 440 }],
      },
      expected: { left: 488, top: 112 },
    },
    {
      name: 'panels on both sides below: above the pointer',
      input: {
        ...base,
        anchor: { x: 500, y: 300 },
        avoid: [
          { left: 0, top: 310, right: 1024, bottom: 500 },
          { left: 0, top: 0, right: 100, bottom: 100 },
        ],
      },
      expected: { left: 512, top: 208 },
    },
    {
      name: 'the corner under the layer panel: slid left of it',
      input: {
        ...base,
        size: { width: 270, height: 130 },
        anchor: { x: 1000, y: 494 },
        // The title, far left, then the layer panel: the slide goes to the nearer.
        avoid: [
          { left: 12, top: 12, right: 519, bottom: 76 },
          { left: 738, top: 12, right: 1012, bottom: 440 },
        ],
      },
      expected: { left: 464, top: 352 },
    },
    {
      name: 'no corner clear of the panels: the first, inside the window',
      input: {
        ...base,
        anchor: { x: 500, y: 300 },
        avoid: [{ left: 0, top: 0, right: 1024, bottom: 768 }],
      },
      expected: { left: 512, top: 312 },
    },
    {
      name: 'defaults: pointer side, 12 px gap, 4 px margin',
      input: { viewport, size, floor, anchor: { x: 0, y: 0 } },
      expected: { left: 12, top: 12 },
    },
  ])('$name', ({ input, expected }) => {
    const got = placeTip(input);
    expect(got).toEqual(expected);
    // And always inside the window and above the floor.
    expect(got.left).toBeGreaterThanOrEqual(0);
    if (input.size.width < viewport.width)
      expect(got.left + input.size.width).toBeLessThanOrEqual(viewport.width);
    if (input.size.height < input.floor)
      expect(got.top + input.size.height).toBeLessThanOrEqual(
        Math.min(input.floor, viewport.height),
      );
  });
});
