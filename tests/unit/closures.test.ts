import { describe, expect, test } from 'vitest';
import { anyClosedIn } from '../../src/lib/map/layers/closuresLayer.ts';
import type { SiteDatum } from '../../src/lib/map/layers/prepare.ts';

const closedOn = (last: number) => ({ span: [0, last] }) as unknown as SiteDatum;

describe('anyClosedIn: whether the closure layers have anything to show', () => {
  test.each([
    { what: 'no closed sites', lasts: [], lo: 0, hi: 100, expected: false },
    { what: 'one inside', lasts: [50], lo: 0, hi: 100, expected: true },
    { what: 'on the lower bound', lasts: [0], lo: 0, hi: 100, expected: true },
    { what: 'on the upper bound', lasts: [100], lo: 0, hi: 100, expected: true },
    { what: 'just before', lasts: [-1], lo: 0, hi: 100, expected: false },
    { what: 'just after', lasts: [101], lo: 0, hi: 100, expected: false },
    { what: 'one of several', lasts: [-5, 300, 60], lo: 0, hi: 100, expected: true },
  ])('$what: $expected', ({ lasts, lo, hi, expected }) => {
    expect(anyClosedIn(lasts.map(closedOn), lo, hi)).toBe(expected);
  });
});
