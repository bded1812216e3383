/**
 * The layout maths of an exported snapshot: output sizes, where the title, map, legend, scale
 * bar, north arrow and footer go, the scale bar's length, and the file name. Pure, so every
 * number is tested; the drawing itself is in export/snapshot.ts.
 */
import { m } from '../../paraglide/messages.js';
import { formatNumber } from './format.ts';
import type { Locale } from './locales.ts';

export const PRESETS = ['view-1x', 'view-2x', 'view-4x', 'hd', 'uhd', 'a4', 'a3'] as const;
export type Preset = (typeof PRESETS)[number];

/** The presets' names: messages, called where shown so they follow the interface's language. */
export const PRESET_LABELS: Record<Preset, () => string> = {
  'view-1x': m.frame_preset_view_1x,
  'view-2x': m.frame_preset_view_2x,
  'view-4x': m.frame_preset_view_4x,
  hd: m.frame_preset_hd,
  uhd: m.frame_preset_uhd,
  a4: m.frame_preset_a4,
  a3: m.frame_preset_a3,
};

/** Pixels of a paper side at 300 dpi, rounded as print drivers do. */
const at300dpi = (mm: number) => Math.round((mm / 25.4) * 300);

/** The output's exact pixel size for a preset, given the current map view's CSS size. */
export function presetSize(
  preset: Preset,
  viewW: number,
  viewH: number,
): { width: number; height: number } {
  const view = (k: number) => ({ width: Math.round(viewW * k), height: Math.round(viewH * k) });
  switch (preset) {
    case 'view-1x':
      return view(1);
    case 'view-2x':
      return view(2);
    case 'view-4x':
      return view(4);
    case 'hd':
      return { width: 1920, height: 1080 };
    case 'uhd':
      return { width: 3840, height: 2160 };
    case 'a4':
      return { width: at300dpi(297), height: at300dpi(210) };
    case 'a3':
      return { width: at300dpi(420), height: at300dpi(297) };
  }
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FrameLayout {
  /** Scale of type and margins against a 1080-pixel-high slide. */
  unit: number;
  banner: Rect | null;
  header: Rect;
  map: Rect;
  footer: Rect;
  /** Font sizes in pixels. */
  font: {
    banner: number;
    title: number;
    subtitle: number;
    date: number;
    legend: number;
    footer: number;
  };
  margin: number;
}

/**
 * Header above the map (title, subtitle, date), footer below (sources, disclaimer), an
 * optional banner line on top (a classification marking, "Draft"). Everything scales with the
 * output's shorter side, so a 4× export looks like the 1× one, only sharper.
 */
export function frameLayout(width: number, height: number, banner: boolean): FrameLayout {
  const unit = Math.min(width / 1920, height / 1080);
  const margin = Math.round(24 * unit);
  const font = {
    banner: Math.round(22 * unit),
    title: Math.round(40 * unit),
    subtitle: Math.round(22 * unit),
    date: Math.round(44 * unit),
    legend: Math.round(17 * unit),
    footer: Math.round(15 * unit),
  };
  const bannerH = banner ? Math.round(font.banner * 1.8) : 0;
  const headerH = Math.round(font.title * 1.3 + font.subtitle * 1.5 + margin * 1.2);
  const footerH = Math.round(font.footer * 1.45 * 3 + margin * 0.8);
  const mapY = bannerH + headerH;
  return {
    unit,
    banner: banner ? { x: 0, y: 0, w: width, h: bannerH } : null,
    header: { x: 0, y: bannerH, w: width, h: headerH },
    map: { x: 0, y: mapY, w: width, h: Math.max(1, height - mapY - footerH) },
    footer: { x: 0, y: height - footerH, w: width, h: footerH },
    font,
    margin,
  };
}

/** Ground metres per CSS pixel in Web Mercator (512-pixel tiles) at a zoom and latitude. */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The longest round distance (1, 2 or 5 × 10ⁿ, in m or km) whose bar fits in `maxPx` CSS
 * pixels, and that bar's length in pixels; the label's number is written as `locale` writes it
 * ("1,000 km", "1 000 km").
 */
export function scaleBar(
  zoom: number,
  lat: number,
  maxPx: number,
  locale: Locale = 'en',
): { px: number; metres: number; label: string } {
  const mpp = metresPerPixel(zoom, lat);
  const max = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  const label =
    metres >= 1000
      ? `${formatNumber(metres / 1000, locale)} km`
      : `${formatNumber(metres, locale)} m`;
  return { px: metres / mpp, metres, label };
}

export interface LegendRow {
  kind: 'heading' | 'item';
  text: string;
}

/** The legend box's size for its rows at a font size: width from the longest text estimate. */
export function legendSize(
  rows: LegendRow[],
  font: number,
): { w: number; h: number; rowH: number } {
  const rowH = Math.round(font * 1.45);
  // ~0.55 em per character in Noto Sans; the symbol column takes 1.6 em.
  const longest = Math.max(
    0,
    ...rows.map((r) => r.text.length * 0.55 + (r.kind === 'item' ? 1.6 : 0)),
  );
  return {
    w: Math.ceil(longest * font + font * 1.6),
    h: rows.length * rowH + Math.round(font * 1.2),
    rowH,
  };
}

/** Padding in CSS pixels for MapLibre's fitBounds. */
export interface FitPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How an exported map is fitted clear of its legend: the legend box (`legendW` output pixels
 * wide, `margin` in from the map's right edge) and a margin on its other side are kept free on
 * the right, so the legend hides nothing the reader saw on screen (imported events crowd the
 * east, where it sits). The picture has `pr` output pixels to a CSS pixel, and fitBounds counts
 * its padding in CSS pixels. The PNG and the vector exports both fit through here.
 */
export function legendFit(legendW: number, margin: number, pr: number): FitPadding {
  const right = legendW > 0 ? (legendW + 2 * margin) / pr : 0;
  return { top: 0, bottom: 0, left: 0, right };
}

/** Lower-case ASCII words joined by hyphens, at most 60 characters ("" if nothing is left). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * `drawdown-map_<date>_<title-slug>.png`; `untitled` (a word in the interface's language) when
 * the title leaves no slug.
 */
export function exportFilename(date: string, title: string, ext = 'png', untitled = 'map'): string {
  return `drawdown-map_${date}_${slugify(title) || slugify(untitled) || 'map'}.${ext}`;
}

/** The vector exports' pages: paper in landscape and portrait, and a 16:9 slide. */
export const PAGES = ['a4', 'a4-portrait', 'a3', 'a3-portrait', 'slide'] as const;
export type Page = (typeof PAGES)[number];

/**
 * Each page's size in millimetres. The slide is PowerPoint's and Keynote's widescreen page,
 * 13.333 × 7.5 inches.
 */
export const PAGE_MM: Record<Page, [number, number]> = {
  a4: [297, 210],
  'a4-portrait': [210, 297],
  a3: [420, 297],
  'a3-portrait': [297, 420],
  slide: [(40 / 3) * 25.4, 7.5 * 25.4],
};

/** A page's size in PDF points (1/72 inch) and in pixels at `dpi`: the frame is laid out in those. */
export function pageSize(
  page: Page,
  dpi = 300,
): { mm: [number, number]; pt: [number, number]; width: number; height: number } {
  const [w, h] = PAGE_MM[page];
  const pt = (mm: number) => Math.round((mm / 25.4) * 72 * 100) / 100;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  return { mm: [w, h], pt: [pt(w), pt(h)], width: px(w), height: px(h) };
}
