/**
 * PDF and SVG exports: the map rendered at 300 dpi for the page (snapshot.ts renderMap), the
 * frame around it built as one SVG document (svgFrame.ts), and for a PDF that document drawn
 * into jsPDF by svg2pdf.js with Noto Sans registered, so the PDF embeds the font and keeps the
 * words as text (https://github.com/yWorks/svg2pdf.js#usage). This module and both libraries
 * load only when a vector export is asked for (ExportDialog imports it dynamically).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import ext400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import ext700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import { m } from '../../paraglide/messages.js';
import { frameLayout, pageSize, type Page } from '../domain/frame.ts';
import { base64Of, woffToSfnt } from './fontFile.ts';
import { renderMap, type FrameText, type LegendItem } from './snapshot.ts';
import { shownCallouts } from './shownCallouts.ts';
import { placeCallout } from '../domain/callouts.ts';
import type { Callout as SlideCallout } from '../domain/slideDeck.ts';
import {
  FAMILY,
  FAMILY_EXT,
  frameTexts,
  legendWidth,
  needsExt,
  svgFrame,
  type Callout,
  type Measure,
} from './svgFrame.ts';

export type VectorFormat = 'pdf' | 'svg';

/** The map image's JPEG quality: sharp labels at 300 dpi, a third of a PNG's bytes. */
const JPEG_QUALITY = 0.9;

const bytesOf = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/** Text widths as the browser sets Noto Sans, for wrapping and fitting the frame's lines. */
function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, px, bold) => {
    ctx.font = `${bold ? 700 : 400} ${px}px "${FAMILY}", sans-serif`;
    return ctx.measureText(text).width;
  };
}

/** One cell of the icon atlas as its own PNG data URL (svg2pdf draws whole images only). */
function iconCells(atlas: { image: CanvasImageSource; cell: number } | null) {
  const cache = new Map<number, string>();
  return (x: number) => {
    if (!atlas) return '';
    let url = cache.get(x);
    if (!url) {
      const c = document.createElement('canvas');
      c.width = c.height = atlas.cell;
      c.getContext('2d')!.drawImage(
        atlas.image,
        x,
        0,
        atlas.cell,
        atlas.cell,
        0,
        0,
        atlas.cell,
        atlas.cell,
      );
      url = c.toDataURL('image/png');
      cache.set(x, url);
    }
    return url;
  };
}

export interface VectorExport {
  blob: Blob;
  /** The page in millimetres, and the layout's pixels (300 dpi). */
  mm: [number, number];
  width: number;
  height: number;
  /** Milliseconds from the call to the file's bytes. */
  ms: number;
}

/** A PDF or SVG page of the map and its frame. `callouts` are in the map image's pixels. */
export async function exportVector(
  map: MapLibreMap,
  format: VectorFormat,
  page: Page,
  text: FrameText,
  legend: LegendItem[],
  atlas: { image: CanvasImageSource; cell: number } | null,
  slideCallouts: readonly SlideCallout[] = shownCallouts(),
): Promise<VectorExport> {
  const t0 = performance.now();
  const size = pageSize(page);
  const ext = needsExt(frameTexts(text, legend, slideCallouts));
  const urls = ext ? [latin400, latin700, ext400, ext700] : [latin400, latin700];
  const [fonts] = await Promise.all([
    Promise.all(urls.map(bytesOf)),
    ...['400', '700'].map((w) => document.fonts.load(`${w} 20px "${FAMILY}"`).catch(() => [])),
  ]);
  const measure = canvasMeasure();
  const banner = text.banner.trim() !== '';
  const f = frameLayout(size.width, size.height, banner);
  const clear = {
    w: legendWidth(legend, size.width, size.height, banner, measure),
    margin: f.margin,
  };
  const rendered = await renderMap(
    map,
    f.map.w,
    f.map.h,
    clear,
    slideCallouts.map((c) => c.at),
    { readable: true },
  );
  // Each callout's box where the screen and the PNG put it (callouts.ts), in the map image's
  // pixels: the frame draws the box centred there, in its own type.
  const pr = rendered.pr;
  const callouts = slideCallouts.map((c, i): Callout => {
    const [x, y] = rendered.points[i]!;
    const anchor: [number, number] = [x * pr, y * pr];
    const { box } = placeCallout(c, anchor, pr, (t, px) => measure(t, px, true), [
      0,
      0,
      f.map.w - (clear.w > 0 ? clear.w + 2 * clear.margin : 0),
      f.map.h,
    ]);
    return { text: c.text, anchor, label: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] };
  });
  // renderMap read the frame into a CPU-backed canvas (readable): encoded where it lies.
  const href = rendered.canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  const woffUrl = (b: Uint8Array) => `data:font/woff;base64,${base64Of(b)}`;
  const svg = svgFrame({
    width: size.width,
    height: size.height,
    mm: size.mm,
    text,
    legend,
    map: {
      href,
      zoom: rendered.zoom,
      lat: rendered.lat,
      pr: rendered.pr,
      bearing: map.getBearing(),
    },
    callouts,
    icon: iconCells(atlas),
    measure,
    // The SVG carries its faces; the PDF gets them from jsPDF, which embeds them itself.
    ...(format === 'svg'
      ? {
          fonts: {
            regular: woffUrl(fonts[0]!),
            bold: woffUrl(fonts[1]!),
            ...(ext ? { extRegular: woffUrl(fonts[2]!), extBold: woffUrl(fonts[3]!) } : {}),
          },
        }
      : {}),
  });
  const blob =
    format === 'svg'
      ? new Blob([svg], { type: 'image/svg+xml' })
      : await toPdf(svg, size.pt, text.title, fonts);
  return { blob, mm: size.mm, width: size.width, height: size.height, ms: performance.now() - t0 };
}

/** The page drawn into a new jsPDF document with the Noto Sans faces registered. */
async function toPdf(
  svg: string,
  pt: [number, number],
  title: string,
  fonts: Uint8Array[],
): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const doc = new jsPDF({
    unit: 'pt',
    format: pt,
    orientation: pt[0] > pt[1] ? 'landscape' : 'portrait',
    compress: true,
  });
  const faces: [string, string, 'normal' | 'bold'][] = [
    ['NotoSans-Regular.ttf', FAMILY, 'normal'],
    ['NotoSans-Bold.ttf', FAMILY, 'bold'],
    ['NotoSansExt-Regular.ttf', FAMILY_EXT, 'normal'],
    ['NotoSansExt-Bold.ttf', FAMILY_EXT, 'bold'],
  ];
  fonts.forEach((bytes, i) => {
    const [file, family, style] = faces[i]!;
    doc.addFileToVFS(file, base64Of(woffToSfnt(bytes)));
    doc.addFont(file, family, style);
  });
  doc.setProperties({ title, creator: m.app_name() });
  const element = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  await svg2pdf(element, doc, { x: 0, y: 0, width: pt[0], height: pt[1] });
  return doc.output('blob');
}
