/**
 * PNG snapshots composed for slides and reports. The map is re-rendered at the requested
 * pixel size (not upscaled): the map element is resized and its pixel ratio raised for one
 * frame, the frame is copied inside MapLibre's render event (the drawing buffer is not
 * preserved), and the view is restored. The frame (banner, title, date, legend, scale bar,
 * north arrow, sources, disclaimer) is drawn around it with the app's own fonts.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import { copyMapPixels } from './mapPixels.ts';
import { legendColumns } from './legend.ts';
import {
  frameLayout,
  legendFit,
  legendSize,
  scaleBar,
  type FrameLayout,
  type LegendRow,
  type Rect,
} from '../domain/frame.ts';
import {
  CALLOUT_DOT_PX,
  CALLOUT_FILL,
  CALLOUT_INK,
  CALLOUT_LINE_PX,
  placeCallout,
  type PlacedCallout,
} from '../domain/callouts.ts';
import type { Callout } from '../domain/slideDeck.ts';
import { shownCallouts } from './shownCallouts.ts';

export type Swatch =
  | { type: 'fill'; fill: string; stroke?: string }
  | { type: 'dot'; fill: string; stroke: string }
  | { type: 'ring'; stroke: string }
  | { type: 'hex'; fill: string }
  /** A troop-size key's circle: `share` of the largest symbol's diameter (legend.ts). */
  | { type: 'size'; share: number }
  | { type: 'icon'; x: number };

export interface LegendItem extends LegendRow {
  swatch?: Swatch;
}

export interface FrameText {
  title: string;
  subtitle: string;
  /** The date in words, drawn large. */
  date: string;
  /** Optional banner line ("DRAFT", a classification marking); empty for none. */
  banner: string;
  sources: string[];
  disclaimer: string;
  note: string;
  /** The language the frame's own words (the sources line, the scale) are written in. */
  locale: Locale;
}

const FONT_FAMILY = '"Noto Sans", sans-serif';
const INK = '#1d1b18';
const MUTED = '#5d5850';

/** Waits for MapLibre to finish loading and drawing what the current camera needs. */
function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

/**
 * Waits until every ResizeObserver watching the map's canvas has seen its current size.
 * deck.gl sizes its viewport from such an observer, which reports after the frame in which the
 * size changed: on maplibre-gl 5, a second export drawn before it had deck.gl's layers in a
 * corner of the picture. Observers report in the order they were made, so once this one (made
 * after deck.gl's) reports, deck.gl's has. A guard, one frame long: on maplibre-gl 6 the browser
 * test of two exports in a row passes without it too.
 */
function canvasSized(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(map.getCanvas());
  });
}

/** The legend an export draws at the map's top right, in output pixels: the fit keeps clear of it. */
export interface LegendClear {
  /** The legend box's width; 0 for no legend. */
  w: number;
  /** The frame's margin (frameLayout), between the box and the map's edge. */
  margin: number;
}

export interface RenderOptions {
  /**
   * A CPU-backed picture (willReadFrequently): the map's frame is read back once, straight
   * into it, for a caller that encodes it, rather than copied on the GPU and read back later.
   */
  readable?: boolean;
}

/**
 * The map drawn at exactly `w` × `h` device pixels, showing at least the current view, fitted
 * clear of the legend (legendFit). The PNG export keeps a GPU-backed picture: a CPU-backed
 * one rounds a few pixels differently from its reference images.
 */
export async function renderMap(
  map: MapLibreMap,
  w: number,
  h: number,
  legend: LegendClear = { w: 0, margin: 0 },
  anchors: readonly [number, number][] = [],
  { readable = false }: RenderOptions = {},
): Promise<{
  canvas: HTMLCanvasElement;
  zoom: number;
  lat: number;
  pr: number;
  /** `anchors` ([lon, lat]) where the picture shows them, in its CSS pixels (× pr for its own). */
  points: [number, number][];
}> {
  const container = map.getContainer();
  const rect = container.getBoundingClientRect();
  const saved = { width: container.style.width, height: container.style.height };
  const ratio = map.getPixelRatio();
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing() };
  const bounds = map.getBounds();
  // Keep the CSS size within the on-screen one, so labels and symbols keep their proportions
  // to the map; the pixel ratio makes up the rest of the resolution. (Growing the element past
  // the window's height left the bottom rows of a tall export undrawn and shifted deck.gl.)
  const pr = Math.max(w / rect.width, h / rect.height);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  if (readable) out.getContext('2d', { willReadFrequently: true });
  let resized = true;
  try {
    resized = Math.abs(w / pr - rect.width) > 0.5 || Math.abs(h / pr - rect.height) > 0.5;
    container.style.width = `${w / pr}px`;
    container.style.height = `${h / pr}px`;
    map.setPixelRatio(pr);
    map.resize();
    // The same CSS size (a 2× picture of the view): the same camera, so nothing moves and the
    // site names keep their places. Another shape: the view as it was, fitted into it.
    const padding = legendFit(legend.w, legend.margin, pr);
    if (resized || padding.right > 0)
      map.fitBounds(bounds, { animate: false, padding, bearing: camera.bearing });
    await canvasSized(map);
    await idle(map);
    // deck.gl brings its layers up to date in its own animation frame: one more frame, then
    // whatever that asked of the map, before the picture is read.
    await nextFrame();
    await idle(map);
    const zoom = map.getZoom();
    const lat = map.getCenter().lat;
    const points = anchors.map((a): [number, number] => {
      const p = map.project(a);
      return [p.x, p.y];
    });
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        copyMapPixels(out.getContext('2d')!, map.getCanvas(), w, h);
        resolve();
      });
      map.triggerRepaint();
    });
    return { canvas: out, zoom, lat, pr, points };
  } finally {
    container.style.width = saved.width;
    container.style.height = saved.height;
    map.setPixelRatio(ratio);
    map.resize();
    if (resized) map.jumpTo(camera);
  }
}

const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT_FAMILY}`;

/**
 * Splits text into lines no wider than `max` pixels at the context's font, at ordinary spaces
 * only: French puts no-break spaces before ':' and inside « » (and `\s` would break there).
 */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > max && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function drawSwatch(
  ctx: CanvasRenderingContext2D,
  s: Swatch,
  x: number,
  y: number,
  size: number,
  atlas: CanvasImageSource | null,
  atlasCell: number,
) {
  ctx.save();
  if (s.type === 'fill') {
    ctx.fillStyle = s.fill;
    ctx.fillRect(x, y, size, size * 0.75);
    if (s.stroke) {
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = Math.max(1, size / 12);
      ctx.strokeRect(x, y, size, size * 0.75);
    }
  } else if (s.type === 'hex') {
    // Pointy-top, as the map's bins: corners at 30° + k·60° from the x axis.
    const r = size * 0.42;
    const cx = x + size / 2;
    const cy = y + size * 0.4;
    ctx.beginPath();
    for (let k = 0; k < 6; k++) {
      const a = ((30 + 60 * k) * Math.PI) / 180;
      ctx.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    ctx.closePath();
    ctx.fillStyle = s.fill;
    ctx.fill();
  } else if (s.type === 'dot' || s.type === 'ring') {
    ctx.beginPath();
    ctx.arc(x + size / 2, y + size * 0.4, size * 0.38, 0, 2 * Math.PI);
    if (s.type === 'dot') {
      ctx.fillStyle = s.fill;
      ctx.fill();
    }
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = Math.max(1, size / (s.type === 'ring' ? 6 : 10));
    ctx.stroke();
  } else if (s.type === 'size') {
    ctx.beginPath();
    ctx.arc(x + size * 0.65, y + size * 0.4, (size * 1.25 * s.share) / 2, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = INK;
    ctx.lineWidth = Math.max(1, size / 14);
    ctx.stroke();
  } else if (atlas) {
    ctx.drawImage(
      atlas,
      s.x,
      0,
      atlasCell,
      atlasCell,
      x - size * 0.1,
      y - size * 0.2,
      size * 1.2,
      size * 1.2,
    );
  }
  ctx.restore();
}

/** The legend's columns and box: as many rows to a column as the map's height takes. */
function legendLayout(rows: LegendItem[], f: FrameLayout) {
  const size = f.font.legend;
  const rowH = legendSize([], size).rowH;
  const maxRows = (f.map.h - 2 * f.margin - legendSize([], size).h) / rowH;
  const columns = legendColumns(rows, maxRows).map((c) => ({ rows: c, box: legendSize(c, size) }));
  const w = columns.reduce((sum, c) => sum + c.box.w, 0);
  const h = Math.max(0, ...columns.map((c) => c.box.h));
  return { rowH, columns, w, h };
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  rows: LegendItem[],
  f: FrameLayout,
  atlas: CanvasImageSource | null,
  atlasCell: number,
) {
  if (!rows.length) return;
  const size = f.font.legend;
  const pad = Math.round(size * 0.6);
  const { rowH, columns, w, h } = legendLayout(rows, f);
  const x = f.map.x + f.map.w - w - f.margin;
  const y = f.map.y + f.margin;
  ctx.fillStyle = 'rgba(255,255,255,0.93)';
  ctx.strokeStyle = '#bdb6aa';
  ctx.lineWidth = Math.max(1, f.unit);
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x, y, w, h);
  ctx.textBaseline = 'top';
  let cx = x;
  for (const column of columns) {
    column.rows.forEach((r, i) => {
      const ry = y + pad + i * rowH;
      ctx.fillStyle = r.kind === 'heading' ? INK : '#2d2a26';
      ctx.font = font(size, r.kind === 'heading' ? 700 : 400);
      if (r.kind === 'heading') ctx.fillText(r.text, cx + pad, ry);
      else {
        if (r.swatch) drawSwatch(ctx, r.swatch, cx + pad, ry + size * 0.05, size, atlas, atlasCell);
        ctx.fillText(r.text, cx + pad + size * 1.6, ry);
      }
    });
    cx += column.box.w;
  }
}

function drawScaleAndNorth(
  ctx: CanvasRenderingContext2D,
  map: MapLibreMap,
  f: FrameLayout,
  view: { zoom: number; lat: number; pr: number },
  locale: Locale,
) {
  const area = f.map;
  const u = f.unit;
  // The scale bar: at the map's centre latitude, in output pixels.
  const maxPx = 220 * u;
  // The exported map's own zoom, in its CSS pixels; pr of them make one output pixel.
  const bar = scaleBar(view.zoom, view.lat, maxPx / view.pr, locale);
  const px = bar.px * view.pr;
  const x = area.x + f.margin;
  const y = area.y + area.h - f.margin;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 8 * u, y - 34 * u, px + 16 * u, 42 * u);
  ctx.strokeStyle = INK;
  ctx.lineWidth = Math.max(1, 2.5 * u);
  ctx.beginPath();
  ctx.moveTo(x, y - 10 * u);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 10 * u);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(Math.round(16 * u), 600);
  ctx.textBaseline = 'bottom';
  ctx.fillText(bar.label, x + 4 * u, y - 12 * u);
  // The north arrow, turned against the map's bearing.
  const r = 22 * u;
  const cx = area.x + f.margin + r;
  const cy = area.y + f.margin + r + 10 * u;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, r * 1.25, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.45, r * 0.6);
  ctx.lineTo(0, r * 0.3);
  ctx.lineTo(-r * 0.45, r * 0.6);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(Math.round(14 * u), 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('N', 0, -r * 1.3 + 2 * u);
  ctx.restore();
}

/**
 * The whole snapshot: frame and map at exactly `width` × `height`; with the slide callouts the
 * map shows (shownCallouts.ts) unless others are given.
 */
export async function composeSnapshot(
  map: MapLibreMap,
  width: number,
  height: number,
  text: FrameText,
  legend: LegendItem[],
  atlas: { image: CanvasImageSource; cell: number } | null,
  callouts: readonly Callout[] = shownCallouts(),
): Promise<HTMLCanvasElement> {
  await Promise.all(
    ['400', '700'].map((w) => document.fonts.load(`${w} 20px "Noto Sans"`).catch(() => [])),
  );
  const f = frameLayout(width, height, text.banner.trim() !== '');
  const clear = { w: legend.length ? legendLayout(legend, f).w : 0, margin: f.margin };
  const rendered = await renderMap(
    map,
    f.map.w,
    f.map.h,
    clear,
    callouts.map((c) => c.at),
  );
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(rendered.canvas, f.map.x, f.map.y);
  drawCallouts(ctx, callouts, rendered, f.map, clear.w > 0 ? clear.w + 2 * clear.margin : 0);
  drawScaleAndNorth(ctx, map, f, rendered, text.locale);
  drawLegend(ctx, legend, f, atlas?.image ?? null, atlas?.cell ?? 0);
  drawHeader(ctx, f, text);
  drawFooter(ctx, f, text);
  return canvas;
}

function drawHeader(ctx: CanvasRenderingContext2D, f: FrameLayout, t: FrameText) {
  if (f.banner) {
    ctx.fillStyle = '#7a1e12';
    fillRect(ctx, f.banner);
    ctx.fillStyle = '#ffffff';
    ctx.font = font(f.font.banner, 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(
      t.banner.toUpperCase(),
      f.banner.w / 2,
      f.banner.y + f.banner.h / 2,
      f.banner.w - 2 * f.margin,
    );
    ctx.textAlign = 'left';
  }
  const h = f.header;
  ctx.fillStyle = '#faf8f4';
  fillRect(ctx, h);
  ctx.textBaseline = 'top';
  ctx.font = font(f.font.date, 700);
  const dateW = ctx.measureText(t.date).width;
  ctx.fillStyle = INK;
  ctx.textAlign = 'right';
  ctx.fillText(t.date, h.w - f.margin, h.y + f.margin * 0.6);
  ctx.textAlign = 'left';
  const maxTitle = h.w - dateW - 3 * f.margin;
  ctx.font = font(f.font.title, 700);
  ctx.fillText(t.title, f.margin, h.y + f.margin * 0.6, maxTitle);
  ctx.fillStyle = MUTED;
  ctx.font = font(f.font.subtitle);
  ctx.fillText(t.subtitle, f.margin, h.y + f.margin * 0.6 + f.font.title * 1.3, maxTitle);
}

function drawFooter(ctx: CanvasRenderingContext2D, f: FrameLayout, t: FrameText) {
  const r = f.footer;
  ctx.fillStyle = '#faf8f4';
  fillRect(ctx, r);
  ctx.strokeStyle = '#d8d2c8';
  ctx.lineWidth = Math.max(1, f.unit);
  ctx.beginPath();
  ctx.moveTo(0, r.y);
  ctx.lineTo(r.w, r.y);
  ctx.stroke();
  ctx.textBaseline = 'top';
  ctx.font = font(f.font.footer);
  const lh = f.font.footer * 1.45;
  // Sources on up to two lines; the disclaimer always gets the last line to itself, with the note.
  const line = m.export_sources({ list: t.sources.join(' · ') }, { locale: t.locale });
  const sources = wrap(ctx, line, r.w - 2 * f.margin);
  const shown = sources.length > 2 ? [sources[0]!, sources.slice(1).join(' ')] : sources;
  const lines = [...shown, [t.disclaimer, t.note].filter(Boolean).join(' · ')];
  lines.forEach((l, i) => {
    ctx.fillStyle = i === lines.length - 1 ? INK : MUTED;
    // maxWidth narrows the type rather than cut a source or the disclaimer off.
    ctx.fillText(l, f.margin, r.y + f.margin * 0.4 + i * lh, r.w - 2 * f.margin);
  });
}

/**
 * The slide's callouts over the map, placed as on screen (callouts.ts) at the picture's pixel
 * ratio, so a 2× export shows them as the screen did, twice as sharp; clipped to the map, and
 * each box kept off the legend's column, `legendW` pixels at the map's right.
 */
function drawCallouts(
  ctx: CanvasRenderingContext2D,
  callouts: readonly Callout[],
  rendered: { pr: number; points: [number, number][] },
  area: Rect,
  legendW: number,
) {
  if (!callouts.length) return;
  const pr = rendered.pr;
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.w, area.h);
  ctx.clip();
  const measure = (t: string, px: number) => {
    ctx.font = font(px, 700);
    return ctx.measureText(t).width;
  };
  callouts.forEach((c, i) => {
    const [x, y] = rendered.points[i]!;
    const p = placeCallout(c, [area.x + x * pr, area.y + y * pr], pr, measure, [
      area.x,
      area.y,
      area.x + area.w - legendW,
      area.y + area.h,
    ]);
    drawCallout(ctx, p, pr);
  });
  ctx.restore();
}

/** One placed callout: the leader and the anchor's dot, then the box and its text over them. */
export function drawCallout(ctx: CanvasRenderingContext2D, p: PlacedCallout, scale: number) {
  const [from, to] = p.line;
  ctx.strokeStyle = CALLOUT_INK;
  ctx.lineWidth = CALLOUT_LINE_PX * scale;
  ctx.beginPath();
  ctx.moveTo(from[0], from[1]);
  ctx.lineTo(to[0], to[1]);
  ctx.stroke();
  ctx.fillStyle = CALLOUT_INK;
  ctx.beginPath();
  ctx.arc(to[0], to[1], CALLOUT_DOT_PX * scale, 0, 2 * Math.PI);
  ctx.fill();
  const [l, t, r, b] = p.box;
  ctx.fillStyle = CALLOUT_FILL;
  ctx.fillRect(l, t, r - l, b - t);
  ctx.strokeRect(l, t, r - l, b - t);
  ctx.fillStyle = CALLOUT_INK;
  ctx.font = font(p.fontPx, 700);
  ctx.textBaseline = 'middle';
  for (const line of p.lines) ctx.fillText(line.text, line.at[0], line.at[1]);
}

function fillRect(ctx: CanvasRenderingContext2D, r: Rect) {
  ctx.fillRect(r.x, r.y, r.w, r.h);
}

/** PNG bytes of a canvas. */
export function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(m.export_error_png()))), 'image/png'),
  );
}
