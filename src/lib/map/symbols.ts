/**
 * The site symbols, drawn once on a canvas into one icon atlas for deck.gl's IconLayer
 * (https://deck.gl/docs/api-reference/layers/icon-layer), and as a data: URL (same-origin) for
 * the legend and exports.
 */
import type { Texture } from '@luma.gl/core';
import {
  CLOSURE_STYLE,
  CONTROL_STYLE,
  KIND_STYLE,
  type RGB,
  type RingLine,
  type SymbolShape,
} from './theme.ts';

export const ICON_PX = 64;

export interface IconMapping {
  [id: string]: {
    x: number;
    y: number;
    width: number;
    height: number;
    anchorY: number;
    mask: false;
  };
}

const rgb = (c: RGB, a = 1) => `rgba(${c[0]},${c[1]},${c[2]},${a})`;

function path(
  ctx: CanvasRenderingContext2D,
  shape: SymbolShape,
  cx: number,
  cy: number,
  r: number,
): void {
  ctx.beginPath();
  const poly = (n: number, rot: number, radii: number[]) => {
    for (let i = 0; i < n; i++) {
      const a = rot + (i * 2 * Math.PI) / n;
      const rr = radii[i % radii.length]!;
      ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    ctx.closePath();
  };
  switch (shape) {
    case 'circle':
      ctx.arc(cx, cy, r * 0.8, 0, 2 * Math.PI);
      break;
    case 'square':
      ctx.rect(cx - r * 0.75, cy - r * 0.75, r * 1.5, r * 1.5);
      break;
    case 'triangle':
      poly(3, -Math.PI / 2, [r]);
      break;
    case 'diamond':
      poly(4, -Math.PI / 2, [r]);
      break;
    case 'hexagon':
      poly(6, 0, [r * 0.9]);
      break;
    case 'star':
      poly(10, -Math.PI / 2, [r, r * 0.45]);
      break;
    case 'cross': {
      const t = r * 0.32;
      ctx.moveTo(cx - t, cy - r);
      for (const [x, y] of [
        [t, -r],
        [t, -t],
        [r, -t],
        [r, t],
        [t, t],
        [t, r],
        [-t, r],
        [-t, t],
        [-r, t],
        [-r, -t],
        [-t, -t],
      ] as const)
        ctx.lineTo(cx + x, cy + y);
      ctx.closePath();
      break;
    }
  }
}

/** Draws one symbol: filled with a white outline, or hollow with a dashed stroke. */
export function drawSymbol(
  ctx: CanvasRenderingContext2D,
  shape: SymbolShape,
  color: RGB,
  hollow: boolean,
  ox: number,
  oy: number,
): void {
  const c = ICON_PX / 2;
  const r = ICON_PX * 0.4;
  ctx.save();
  ctx.translate(ox, oy);
  path(ctx, shape, c, c, r);
  ctx.lineJoin = 'round';
  if (hollow) {
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fill();
    ctx.setLineDash([7, 4]);
    ctx.lineWidth = 6;
    ctx.strokeStyle = rgb(color);
    ctx.stroke();
  } else {
    ctx.lineWidth = 5;
    ctx.strokeStyle = 'white';
    ctx.stroke();
    ctx.fillStyle = rgb(color);
    ctx.fill();
  }
  ctx.restore();
}

/** Dots around a ghost's ring for `dotted`: few and round, so they never read as dashes. */
const GHOST_DOTS = 8;

/** A question mark drawn as strokes (no font to wait for), centred on (c, c). */
function drawQuery(ctx: CanvasRenderingContext2D, color: RGB, c: number): void {
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 5;
  ctx.strokeStyle = rgb(color, 0.9);
  ctx.beginPath();
  ctx.arc(c, c - 6, 6.5, Math.PI * 1.05, Math.PI * 2.4);
  ctx.lineTo(c, c + 4);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(c, c + 11, 3, 0, 2 * Math.PI);
  ctx.fillStyle = rgb(color, 0.9);
  ctx.fill();
}

/**
 * A ghost: a faint ring coloured by how the site ended, drawn whole, dashed or dotted, with a
 * cross if it was lost and a question mark if its end is not known (dotted: `last_seen`).
 */
export function drawGhost(
  ctx: CanvasRenderingContext2D,
  color: RGB,
  ring: RingLine,
  lost: boolean,
  ox: number,
  oy: number,
): void {
  const c = ICON_PX / 2;
  const r = ICON_PX * 0.3;
  ctx.save();
  ctx.translate(ox, oy);
  ctx.beginPath();
  ctx.arc(c, c, r, 0, 2 * Math.PI);
  ctx.fillStyle = 'rgba(255,255,255,0.5)';
  ctx.fill();
  // A zero-length dash with round caps is a dot as wide as the line.
  ctx.setLineDash(
    ring === 'dashed' ? [6, 5] : ring === 'dotted' ? [0, (2 * Math.PI * r) / GHOST_DOTS] : [],
  );
  ctx.lineCap = ring === 'dotted' ? 'round' : 'butt';
  ctx.lineWidth = ring === 'dotted' ? 8 : 6;
  ctx.strokeStyle = rgb(color, 0.9);
  ctx.stroke();
  if (ring === 'dotted') drawQuery(ctx, color, c);
  if (lost) {
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(c - 10, c - 10);
    ctx.lineTo(c + 10, c + 10);
    ctx.moveTo(c + 10, c - 10);
    ctx.lineTo(c - 10, c + 10);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * The closure mark shown in the month a site closes: a white disc, ringed, with a thick bar
 * across, as a no-entry sign. A lost site's ghost is a cross in the same colour: the bar keeps
 * the two apart by their mark, not only by size.
 */
function drawClosureMark(ctx: CanvasRenderingContext2D, ox: number, oy: number): void {
  const c = ICON_PX / 2;
  ctx.save();
  ctx.translate(ox, oy);
  ctx.beginPath();
  ctx.arc(c, c, ICON_PX * 0.42, 0, 2 * Math.PI);
  ctx.fillStyle = 'white';
  ctx.fill();
  ctx.lineWidth = 5;
  ctx.strokeStyle = 'rgb(213,94,0)';
  ctx.stroke();
  ctx.fillStyle = 'rgb(213,94,0)';
  ctx.fillRect(c - 15, c - 5, 30, 10);
  ctx.restore();
}

/** Where the held-town flag's pole stands on its town, from the top of its icon cell. */
export const HELD_ANCHOR_Y = 58;

/**
 * A held town: a pennant on a pole, in the control ink, outlined in white. No site has a flag,
 * and the pennant flies above and right of the town, so the base symbol drawn on the same town
 * (Goma's sector HQ) does not hide it: the icon's anchor is the pole's foot (HELD_ANCHOR_Y).
 */
function drawHeldMark(ctx: CanvasRenderingContext2D, ox: number, oy: number): void {
  // The pole on the cell's centre line, where deck.gl anchors an icon across.
  const x = ICON_PX / 2;
  ctx.save();
  ctx.translate(ox, oy);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const pennant = () => {
    ctx.beginPath();
    ctx.moveTo(x, 6);
    ctx.lineTo(x + 27, 17);
    ctx.lineTo(x, 29);
    ctx.closePath();
  };
  // White first, under both, so the flag stands out on any tint.
  ctx.strokeStyle = 'white';
  ctx.lineWidth = 11;
  ctx.beginPath();
  ctx.moveTo(x, 6);
  ctx.lineTo(x, HELD_ANCHOR_Y);
  ctx.stroke();
  pennant();
  ctx.lineWidth = 6;
  ctx.stroke();
  ctx.strokeStyle = rgb(CONTROL_STYLE.ink);
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.moveTo(x, 6);
  ctx.lineTo(x, HELD_ANCHOR_Y);
  ctx.stroke();
  pennant();
  ctx.fillStyle = rgb(CONTROL_STYLE.ink);
  ctx.fill();
  ctx.restore();
}

/**
 * The held area's key: a square of the map's hatch (controlStyle.ts) with its outline, so the
 * legends show the area as the map draws it.
 */
function drawHeldArea(ctx: CanvasRenderingContext2D, ox: number, oy: number): void {
  const [a, b] = [10, ICON_PX - 10];
  ctx.save();
  ctx.translate(ox, oy);
  ctx.beginPath();
  ctx.rect(a, a, b - a, b - a);
  ctx.fillStyle = rgb(CONTROL_STYLE.ink, CONTROL_STYLE.washAlpha / 255);
  ctx.fill();
  ctx.save();
  ctx.clip();
  ctx.strokeStyle = rgb(CONTROL_STYLE.ink, CONTROL_STYLE.hatchAlpha / 255);
  ctx.lineWidth = 4;
  for (let d = -ICON_PX; d < ICON_PX * 2; d += 12) {
    ctx.beginPath();
    ctx.moveTo(d, 0);
    ctx.lineTo(d - ICON_PX, ICON_PX);
    ctx.stroke();
  }
  ctx.restore();
  ctx.strokeStyle = rgb(CONTROL_STYLE.ink);
  ctx.lineWidth = 4;
  ctx.strokeRect(a, a, b - a, b - a);
  ctx.restore();
}

/**
 * The icon atlas: the canvas itself for the map layers, whose texture it becomes at once (a URL
 * would be loaded asynchronously, and deck.gl then needs a frame of its own to take it up: see
 * overlay.ts), and a PNG data URL for the legend and exports.
 */
export interface Atlas {
  canvas: HTMLCanvasElement;
  url: string;
  mapping: IconMapping;
}

/**
 * Icon ids: the kind ("cob"), "ghost-<closure>", "closing", "held" (a held town) and
 * "held-area" (the held area's key).
 */
export function buildAtlas(doc: Document = document): Atlas {
  const ids = [
    ...Object.keys(KIND_STYLE),
    ...Object.keys(CLOSURE_STYLE).map((c) => `ghost-${c}`),
    'closing',
    'held',
    'held-area',
  ];
  const canvas = doc.createElement('canvas');
  canvas.width = ICON_PX * ids.length;
  canvas.height = ICON_PX;
  // A CPU-backed canvas: encoding a GPU canvas to PNG waits on a GPU read-back, which took
  // ~0.5 s at start-up under a software renderer.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const mapping: IconMapping = {};
  ids.forEach((id, i) => {
    const x = i * ICON_PX;
    const anchorY = id === 'held' ? HELD_ANCHOR_Y : ICON_PX / 2;
    mapping[id] = { x, y: 0, width: ICON_PX, height: ICON_PX, anchorY, mask: false };
    if (id === 'held') drawHeldMark(ctx, x, 0);
    else if (id === 'held-area') drawHeldArea(ctx, x, 0);
    else if (id in KIND_STYLE) {
      const k = KIND_STYLE[id as keyof typeof KIND_STYLE];
      drawSymbol(ctx, k.shape, k.color, k.hollow, x, 0);
    } else if (id.startsWith('ghost-')) {
      const key = id.slice(6) as keyof typeof CLOSURE_STYLE;
      const c = CLOSURE_STYLE[key];
      drawGhost(ctx, c.color, c.ring, key === 'lost', x, 0);
    } else drawClosureMark(ctx, x, 0);
  });
  return { canvas, url: canvas.toDataURL('image/png'), mapping };
}

/**
 * The atlas as IconLayer's `iconAtlas`. deck.gl turns any image source (a canvas here) into a
 * texture itself (its 'image' prop type), though IconLayer's type names only a URL or a Texture.
 */
export const iconAtlasOf = (atlas: Pick<Atlas, 'canvas'>) => atlas.canvas as unknown as Texture;

let cached: Atlas | undefined;

/** The atlas, drawn on first use and shared by the map layers and the legend. */
export function getAtlas(): Atlas {
  return (cached ??= buildAtlas());
}
