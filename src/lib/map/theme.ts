/**
 * The one theme: base-map colours and fonts, shared by the MapLibre style and (later) the
 * deck.gl layers and exports. Muted, projector-safe neutrals so data colours carry meaning.
 */
export const THEME = {
  background: '#dfe5ea',
  neighbourFill: '#eceae6',
  neighbourLine: '#b8b4ad',
  neighbourLabel: '#8a857d',
  provinceFill: '#fbfaf7',
  provinceLine: '#8f8a82',
  provinceLabel: '#3b3833',
  provinceLabelHalo: '#fbfaf7',
  nationalBorder: '#4a4640',
  water: '#a9cbe6',
  waterLine: '#7fb0d8',
  waterLabel: '#2f6690',
} as const;

/**
 * Font stacks for MapLibre's local glyph rendering: with no `glyphs` URL, MapLibre ≥ 5.11 draws
 * each glyph with TinySDF in the CSS family named here, and sniffs weight/style from the first
 * name. "Noto Sans" is self-hosted (src/fonts.ts), so labels need no network.
 */
export const FONT = {
  regular: ['Noto Sans'],
  bold: ['Noto Sans Bold', 'Noto Sans'],
  italic: ['Noto Sans Italic', 'Noto Sans'],
} as const;
