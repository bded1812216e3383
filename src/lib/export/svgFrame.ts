/**
 * The vector export's page as one SVG document: the map as a raster image, and the frame around
 * it (banner, title, date, legend, scale bar, north arrow, sources, disclaimer, callouts) as
 * text and paths in Noto Sans. The fonts go inside as @font-face data URLs, so the file looks
 * the same wherever it is opened; vector.ts hands the same document to svg2pdf.js for the PDF.
 * Pure string building, laid out by domain/frame.ts as the PNG is (snapshot.ts).
 */
import { m } from '../../paraglide/messages.js';
import { frameLayout, legendSize, scaleBar, type FrameLayout } from '../domain/frame.ts';
import { keepInside, type PxBox } from '../domain/callouts.ts';
import { legendColumns } from './legend.ts';
import type { FrameText, LegendItem, Swatch } from './snapshot.ts';

/** A note drawn on the map: a leader from `anchor` to a box holding `text` at `label`. */
export interface Callout {
  text: string;
  /** Map-image pixels: the place the note is about. */
  anchor: [number, number];
  /** Map-image pixels: the centre of the note's box. */
  label: [number, number];
}

/** The faces the page's text uses, as data URLs; `ext` only when some text needs latin-ext. */
export interface FrameFonts {
  regular: string;
  bold: string;
  extRegular?: string;
  extBold?: string;
}

/** Text width in the page's pixels at a font size and weight. */
export type Measure = (text: string, px: number, bold: boolean) => number;

export interface VectorFrame {
  /** The page's size in pixels (the layout's unit) and in millimetres. */
  width: number;
  height: number;
  mm: [number, number];
  text: FrameText;
  legend: LegendItem[];
  /** The map image, `f.map.w` × `f.map.h` pixels of frameLayout, and its view for the scale bar. */
  map: { href: string; zoom: number; lat: number; pr: number; bearing: number };
  callouts?: readonly Callout[];
  fonts?: FrameFonts;
  /** An atlas cell (its x) as an image URL, for the site symbols in the legend. */
  icon?: (x: number) => string;
  measure?: Measure;
}

/** The family of Noto Sans's latin subset, and of its latin-ext subset. */
export const FAMILY = 'Noto Sans';
export const FAMILY_EXT = 'Noto Sans Ext';

const INK = '#1d1b18';
const MUTED = '#5d5850';

/** Code points in @fontsource/noto-sans's latin subset (its CSS's unicode-range). */
const LATIN: [number, number][] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

const inLatin = (cp: number) => LATIN.some(([a, b]) => cp >= a && cp <= b);

/**
 * The text cut into runs by the subset that draws them: the PDF holds one font per run (jsPDF
 * does not fall back glyph by glyph as a browser does), so "Łódź" is drawn in the latin-ext face.
 */
export function fontRuns(text: string): { text: string; ext: boolean }[] {
  const runs: { text: string; ext: boolean }[] = [];
  for (const ch of text) {
    const ext = !inLatin(ch.codePointAt(0)!);
    const last = runs.at(-1);
    if (last && last.ext === ext) last.text += ch;
    else runs.push({ text: ch, ext });
  }
  return runs;
}

/** Whether any of the texts needs the latin-ext faces. */
export const needsExt = (texts: readonly string[]): boolean =>
  texts.some((t) => fontRuns(t).some((r) => r.ext));

/** Text made safe inside XML elements and attribute values. */
export const xml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Noto Sans's average advance, about 0.55 em (0.6 in bold): for tests and as a fallback. */
export const estimate: Measure = (text, px, bold) => text.length * px * (bold ? 0.6 : 0.55);

const n = (v: number) => String(Math.round(v * 100) / 100);

interface TextOptions {
  x: number;
  /** The top of the line: the baseline is placed about 0.9 em below. */
  y: number;
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /** Narrower than this, the type is made smaller rather than cut. */
  max?: number;
}

/** One line of text as a <text> element, in runs of the face that draws each character. */
function text(s: string, o: TextOptions, measure: Measure): string {
  const wide = o.max ? measure(s, o.size, !!o.bold) : 0;
  const size = o.max && wide > o.max ? (o.size * o.max) / wide : o.size;
  const attrs = [
    `x="${n(o.x)}"`,
    `y="${n(o.y + size * 0.9)}"`,
    `font-family="${FAMILY}"`,
    `font-size="${n(size)}"`,
    o.bold ? 'font-weight="bold"' : '',
    `fill="${o.fill ?? INK}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
  ].filter(Boolean);
  const body = fontRuns(s)
    .map((r) => (r.ext ? `<tspan font-family="${FAMILY_EXT}">${xml(r.text)}</tspan>` : xml(r.text)))
    .join('');
  return `<text xml:space="preserve" ${attrs.join(' ')}>${body}</text>`;
}

/** Lines no wider than `max` at ordinary spaces (French no-break spaces hold). */
export function wrapText(
  s: string,
  max: number,
  size: number,
  measure: Measure = estimate,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/[ \t\n]+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, false) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function fontFaces(fonts: FrameFonts | undefined): string {
  if (!fonts) return '';
  const face = (family: string, weight: number, url: string | undefined) =>
    url
      ? `@font-face{font-family:"${family}";font-weight:${weight};font-style:normal;src:url(${url}) format("woff");}`
      : '';
  return [
    face(FAMILY, 400, fonts.regular),
    face(FAMILY, 700, fonts.bold),
    face(FAMILY_EXT, 400, fonts.extRegular),
    face(FAMILY_EXT, 700, fonts.extBold),
  ].join('');
}

function swatch(s: Swatch, x: number, y: number, size: number, icon?: (x: number) => string) {
  const cx = x + size / 2;
  const cy = y + size * 0.4;
  switch (s.type) {
    case 'fill':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(size)}" height="${n(size * 0.75)}" fill="${s.fill}"${
        s.stroke ? ` stroke="${s.stroke}" stroke-width="${n(Math.max(1, size / 12))}"` : ''
      }/>`;
    case 'hex': {
      const r = size * 0.42;
      const pts = Array.from({ length: 6 }, (_, k) => {
        const a = ((30 + 60 * k) * Math.PI) / 180;
        return `${n(cx + r * Math.cos(a))},${n(cy + r * Math.sin(a))}`;
      });
      return `<polygon points="${pts.join(' ')}" fill="${s.fill}"/>`;
    }
    case 'dot':
    case 'ring':
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(size * 0.38)}" fill="${
        s.type === 'dot' ? s.fill : 'none'
      }" stroke="${s.stroke}" stroke-width="${n(Math.max(1, size / (s.type === 'ring' ? 6 : 10)))}"/>`;
    case 'size': {
      // The largest symbol fills the row; the others keep their diameters' ratio to it.
      const r = (size * 1.25 * s.share) / 2;
      return `<circle cx="${n(x + size * 0.65)}" cy="${n(cy)}" r="${n(r)}" fill="#ffffff" stroke="${INK}" stroke-width="${n(Math.max(1, size / 14))}"/>`;
    }
    case 'icon':
      return icon
        ? `<image x="${n(x - size * 0.1)}" y="${n(y - size * 0.2)}" width="${n(size * 1.2)}" height="${n(size * 1.2)}" href="${icon(s.x)}"/>`
        : '';
  }
}

/** The legend's columns, each as wide as its longest measured line, as many rows as fit. */
function legendBlocks(legend: LegendItem[], f: FrameLayout, measure: Measure) {
  const size = f.font.legend;
  const pad = Math.round(size * 0.6);
  const rowH = legendSize([], size).rowH;
  const maxRows = (f.map.h - 2 * f.margin - legendSize([], size).h) / rowH;
  const columns = legendColumns(legend, maxRows).map((rows) => ({
    rows,
    w: Math.max(
      ...rows.map(
        (r) =>
          measure(r.text, size, r.kind === 'heading') +
          2 * pad +
          (r.kind === 'item' ? 1.6 * size : 0),
      ),
    ),
    h: legendSize(rows, size).h,
  }));
  return {
    size,
    pad,
    rowH,
    columns,
    w: columns.reduce((s, c) => s + c.w, 0),
    h: Math.max(0, ...columns.map((c) => c.h)),
  };
}

function legendBox(v: VectorFrame, f: FrameLayout, measure: Measure): string {
  if (!v.legend.length) return '';
  const { size, pad, rowH, columns, w, h } = legendBlocks(v.legend, f, measure);
  const x = f.map.x + f.map.w - w - f.margin;
  const y = f.map.y + f.margin;
  const out = [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#ffffff" fill-opacity="0.93" stroke="#bdb6aa" stroke-width="${n(Math.max(1, f.unit))}"/>`,
  ];
  let cx = x;
  for (const c of columns) {
    c.rows.forEach((r, i) => {
      const ry = y + pad + i * rowH;
      if (r.kind === 'heading')
        out.push(text(r.text, { x: cx + pad, y: ry, size, bold: true }, measure));
      else {
        if (r.swatch) out.push(swatch(r.swatch, cx + pad, ry + size * 0.05, size, v.icon));
        out.push(text(r.text, { x: cx + pad + size * 1.6, y: ry, size, fill: '#2d2a26' }, measure));
      }
    });
    cx += c.w;
  }
  return out.join('');
}

/** The legend box's width as this page draws it (0 for none): the map is fitted clear of it. */
export function legendWidth(
  legend: LegendItem[],
  width: number,
  height: number,
  banner: boolean,
  measure: Measure = estimate,
): number {
  if (!legend.length) return 0;
  return legendBlocks(legend, frameLayout(width, height, banner), measure).w;
}

function scaleAndNorth(v: VectorFrame, f: FrameLayout): string {
  const u = f.unit;
  const maxPx = 220 * u;
  const bar = scaleBar(v.map.zoom, v.map.lat, maxPx / v.map.pr, v.text.locale);
  const px = bar.px * v.map.pr;
  const x = f.map.x + f.margin;
  const y = f.map.y + f.map.h - f.margin;
  const r = 22 * u;
  const cx = f.map.x + f.margin + r;
  const cy = f.map.y + f.margin + r + 10 * u;
  return [
    `<g id="scale-bar">`,
    `<rect x="${n(x - 8 * u)}" y="${n(y - 34 * u)}" width="${n(px + 16 * u)}" height="${n(42 * u)}" fill="#ffffff" fill-opacity="0.85"/>`,
    `<path d="M${n(x)} ${n(y - 10 * u)}V${n(y)}H${n(x + px)}V${n(y - 10 * u)}" fill="none" stroke="${INK}" stroke-width="${n(Math.max(1, 2.5 * u))}"/>`,
    text(
      bar.label,
      { x: x + 4 * u, y: y - 12 * u - 16 * u * 1.05, size: 16 * u, bold: true },
      estimate,
    ),
    `</g>`,
    `<g id="north-arrow" transform="translate(${n(cx)} ${n(cy)}) rotate(${n(-v.map.bearing)})">`,
    `<circle cx="0" cy="0" r="${n(r * 1.25)}" fill="#ffffff" fill-opacity="0.85"/>`,
    `<path d="M0 ${n(-r)}L${n(r * 0.45)} ${n(r * 0.6)}L0 ${n(r * 0.3)}L${n(-r * 0.45)} ${n(r * 0.6)}Z" fill="${INK}"/>`,
    text(
      'N',
      { x: 0, y: -r * 1.3 - 14 * u * 0.9, size: 14 * u, bold: true, anchor: 'middle' },
      estimate,
    ),
    `</g>`,
  ].join('');
}

function callouts(v: VectorFrame, f: FrameLayout, measure: Measure): string {
  const size = Math.round(f.font.legend * 1.05);
  const pad = size * 0.45;
  // The boxes stay on the map and left of the legend's column (drawn over them), as in the PNG.
  const legendW = v.legend.length ? legendBlocks(v.legend, f, measure).w + 2 * f.margin : 0;
  const within: PxBox = [f.map.x, f.map.y, f.map.x + f.map.w - legendW, f.map.y + f.map.h];
  return (v.callouts ?? [])
    .map((c) => {
      const lines = wrapText(c.text, size * 16, size, measure);
      const w = Math.max(...lines.map((l) => measure(l, size, true))) + 2 * pad;
      const h = lines.length * size * 1.3 + 2 * pad - size * 0.3;
      const ax = f.map.x + c.anchor[0];
      const ay = f.map.y + c.anchor[1];
      const cx = f.map.x + c.label[0];
      const cy = f.map.y + c.label[1];
      const [bx, by] = keepInside([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], within);
      // The leader stops at the box's edge: towards its centre, clipped to the box.
      const lx = Math.min(Math.max(ax, bx), bx + w);
      const ly = Math.min(Math.max(ay, by), by + h);
      return [
        `<g class="callout">`,
        `<path d="M${n(ax)} ${n(ay)}L${n(lx)} ${n(ly)}" stroke="#ffffff" stroke-width="${n(4 * f.unit)}" stroke-linecap="round"/>`,
        `<path d="M${n(ax)} ${n(ay)}L${n(lx)} ${n(ly)}" stroke="${INK}" stroke-width="${n(1.8 * f.unit)}"/>`,
        `<circle cx="${n(ax)}" cy="${n(ay)}" r="${n(4 * f.unit)}" fill="${INK}" stroke="#ffffff" stroke-width="${n(1.5 * f.unit)}"/>`,
        `<rect x="${n(bx)}" y="${n(by)}" width="${n(w)}" height="${n(h)}" rx="${n(3 * f.unit)}" fill="#ffffff" stroke="${INK}" stroke-width="${n(1.5 * f.unit)}"/>`,
        ...lines.map((l, i) =>
          text(l, { x: bx + pad, y: by + pad + i * size * 1.3, size, bold: true }, measure),
        ),
        `</g>`,
      ].join('');
    })
    .join('');
}

function header(v: VectorFrame, f: FrameLayout, measure: Measure): string {
  const t = v.text;
  const out: string[] = [];
  if (f.banner) {
    out.push(
      `<rect x="0" y="0" width="${n(f.banner.w)}" height="${n(f.banner.h)}" fill="#7a1e12"/>`,
      text(
        t.banner.toUpperCase(),
        {
          x: f.banner.w / 2,
          y: f.banner.y + (f.banner.h - f.font.banner) / 2,
          size: f.font.banner,
          bold: true,
          fill: '#ffffff',
          anchor: 'middle',
          max: f.banner.w - 2 * f.margin,
        },
        measure,
      ),
    );
  }
  const h = f.header;
  const top = h.y + f.margin * 0.6;
  const dateW = measure(t.date, f.font.date, true);
  const maxTitle = h.w - dateW - 3 * f.margin;
  out.push(
    `<rect x="${n(h.x)}" y="${n(h.y)}" width="${n(h.w)}" height="${n(h.h)}" fill="#faf8f4"/>`,
    text(
      t.date,
      { x: h.w - f.margin, y: top, size: f.font.date, bold: true, anchor: 'end' },
      measure,
    ),
    text(t.title, { x: f.margin, y: top, size: f.font.title, bold: true, max: maxTitle }, measure),
    text(
      t.subtitle,
      {
        x: f.margin,
        y: top + f.font.title * 1.3,
        size: f.font.subtitle,
        fill: MUTED,
        max: maxTitle,
      },
      measure,
    ),
  );
  return out.join('');
}

/** The footer's lines: sources on at most two, then the disclaimer with the note. */
export function footerLines(t: FrameText, max: number, size: number, measure: Measure): string[] {
  const line = m.export_sources({ list: t.sources.join(' · ') }, { locale: t.locale });
  const sources = wrapText(line, max, size, measure);
  const shown = sources.length > 2 ? [sources[0]!, sources.slice(1).join(' ')] : sources;
  return [...shown, [t.disclaimer, t.note].filter(Boolean).join(' · ')];
}

function footer(v: VectorFrame, f: FrameLayout, measure: Measure): string {
  const r = f.footer;
  const size = f.font.footer;
  const lines = footerLines(v.text, r.w - 2 * f.margin, size, measure);
  return [
    `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="#faf8f4"/>`,
    `<path d="M0 ${n(r.y)}H${n(r.w)}" stroke="#d8d2c8" stroke-width="${n(Math.max(1, f.unit))}"/>`,
    ...lines.map((l, i) =>
      text(
        l,
        {
          x: f.margin,
          y: r.y + f.margin * 0.4 + i * size * 1.45,
          size,
          fill: i === lines.length - 1 ? INK : MUTED,
          max: r.w - 2 * f.margin,
        },
        measure,
      ),
    ),
  ].join('');
}

/** Every text the page draws: what decides whether the latin-ext faces must go in. */
export function frameTexts(
  t: FrameText,
  legend: LegendItem[],
  notes: readonly Pick<Callout, 'text'>[] = [],
) {
  return [
    t.title,
    t.subtitle,
    t.date,
    t.banner,
    t.disclaimer,
    t.note,
    ...t.sources,
    ...legend.map((r) => r.text),
    ...notes.map((c) => c.text),
  ];
}

/** The page as an SVG document (a string), `mm` wide and high, laid out in `width` × `height`. */
export function svgFrame(v: VectorFrame): string {
  const measure = v.measure ?? estimate;
  const f = frameLayout(v.width, v.height, v.text.banner.trim() !== '');
  const faces = fontFaces(v.fonts);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"`,
    ` width="${n(v.mm[0])}mm" height="${n(v.mm[1])}mm" viewBox="0 0 ${v.width} ${v.height}">`,
    `<title>${xml(v.text.title)}</title>`,
    faces ? `<defs><style>${faces}</style></defs>` : '',
    `<rect x="0" y="0" width="${v.width}" height="${v.height}" fill="#ffffff"/>`,
    `<image x="${n(f.map.x)}" y="${n(f.map.y)}" width="${n(f.map.w)}" height="${n(f.map.h)}" preserveAspectRatio="none" href="${v.map.href}"/>`,
    scaleAndNorth(v, f),
    callouts(v, f, measure),
    legendBox(v, f, measure),
    header(v, f, measure),
    footer(v, f, measure),
    `</svg>`,
  ].join('');
}
