/**
 * WCAG 2.x contrast between two sRGB colours (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio):
 * the map's labels, drawn on a canvas where axe-core cannot measure them, are checked with it
 * (tests/unit/contrast.test.ts). AA asks 4.5:1 for text, 3:1 for large text and graphics.
 */

/** Relative luminance of `#rrggbb` (or `#rgb`). */
export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA's minimum for normal text. */
export const AA_TEXT = 4.5;
