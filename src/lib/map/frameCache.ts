/**
 * Reuses the base map's pictures on frames where only deck.gl layers change.
 *
 * A timeline step changes the deck.gl layers' filter ranges, which makes MapLibre redraw the
 * whole frame: sea, provinces, rivers, borders, label placement and labels, with deck.gl's two
 * layer groups in between (hotspots under the rivers, sites on top). On most steps nothing of
 * MapLibre's own has changed: a province's tint or the site labels change a few times in seven
 * years. Under a software renderer (SwiftShader, the benchmark machine) that redraw is most of
 * a step's cost, on the main thread and on the GPU.
 *
 * The style's layers fall into runs: MapLibre layers between deck.gl groups. Once the camera
 * and canvas have held for a frame, a frame keeps each run's picture: the bottom run is copied
 * from the screen, each run above it is drawn into a transparent texture and composited over
 * what is below. On a later frame where MapLibre has nothing new to draw, the painter puts
 * those pictures back (one blit, one textured triangle a run) and draws only the deck.gl groups
 * between them, each from a picture of its own while what it draws stays the same (Keeper), on
 * those frames and on the frames that take the base map's pictures anew.
 * "Nothing new" is MapLibre's own test for whether a frame must update the style,
 * the sources or the label placement, plus an unchanged camera, canvas and layer order: any
 * setFeatureState, setFilter, setData, tile load, resize or move invalidates the pictures.
 *
 * Under SwiftShader every pass over the whole canvas (a blit or a composite) costs ~3–15 ms of
 * GPU time, and the GPU process then competes with the main thread for the machine's 2 cores.
 * So a frame starts from the highest kept copy of the screen that shows what it would draw up
 * to there: once a deck.gl group is laid, or just under one (the sites change on many steps and
 * nothing under them does); a changed group at the top, over such a copy, is drawn straight onto
 * the screen; and what holds above the highest group drawn anew (everything above the dated
 * events, which change on every step) is laid as one picture (a stack), not one per run and
 * group. A step that changes the sites only makes one pass over the canvas, not three.
 *
 * MapLibre draws the layers above the first deck.gl group in its translucent pass only, with no
 * depth test, bottom to top (a 3D custom layer ends its opaque pass), so drawing a run into its
 * own texture and compositing it ("over", premultiplied) gives the same picture up to 8-bit
 * rounding; frames drawn while moving, or at a new size, are drawn directly, and exports switch
 * the cache off (frameCacheOf).
 *
 * This reaches into maplibre-gl's private map and painter (as sky.ts does). maplibre-gl is
 * pinned (5.24.1); if a part is missing, nothing is patched and every frame is drawn in full.
 * Browser tests check that frames drawn from the pictures equal the frames they replace, after
 * a frame drawn in full and over consecutive steps.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { linkProgram } from './glProgram.ts';

export interface LayerLike {
  id: string;
  type: string;
  source?: string;
  implementation?: { prerender?: unknown };
  is3D(): boolean;
}
interface StyleLike {
  _order: string[];
  _layers: Record<string, LayerLike>;
  hasTransitions(): boolean;
  _updatePlacement(...args: unknown[]): boolean;
}
interface ContextLike {
  gl: WebGL2RenderingContext;
  viewport: { set(v: [number, number, number, number]): void };
  bindFramebuffer: { set(v: WebGLFramebuffer | null): void };
  clear(args: {
    color?: { r: number; g: number; b: number; a: number };
    depth?: number;
    stencil?: number;
  }): void;
  setDirty(): void;
  setDefault(): void;
}
interface PainterLike {
  context: ContextLike;
  renderPass: string;
  currentLayer: number;
  currentStencilSource: unknown;
  nextStencilID: number;
  style: StyleLike;
  options: unknown;
  render(style: StyleLike, options: unknown): void;
  renderLayer(
    painter: PainterLike,
    tileManager: unknown,
    layer: LayerLike,
    coords: unknown[],
    renderOptions: unknown,
  ): void;
  _renderTileClippingMasks(layer: LayerLike, tileIDs: unknown[], toTexture: boolean): void;
}
interface MapInternals {
  painter?: PainterLike;
  style?: StyleLike;
  transform?: { modelViewProjectionMatrix?: ArrayLike<number> };
  _render?: (t: number) => unknown;
  _styleDirty?: boolean;
  _sourcesDirty?: boolean;
  _placementDirty?: boolean;
}

/**
 * How a custom layer (a deck.gl group) can be kept as a picture of its own, like a run: it
 * tells what it would draw now as a key, and can draw into a picture instead of the screen.
 */
export interface Keeper {
  /** What the layer would draw now, as a key; null if it cannot tell (drawn every frame). */
  key(layer: LayerLike): string | null;
  /** Runs `draw`, the layer drawing into `fbo` (`w` × `h`) rather than the screen. */
  drawInto(fbo: WebGLFramebuffer, w: number, h: number, draw: () => void): void;
  /** Whether the layer's last draw was whole (nothing waiting to load or compile). */
  complete(layer: LayerLike): boolean;
  /** Its picture stands in for the layer on this frame: bring its state up to date anyway. */
  skipped(layer: LayerLike): void;
}

/** What the cache did, for tests and the benchmark; `enabled` off draws every frame directly. */
export interface FrameCache {
  enabled: boolean;
  /** Set by the custom layers' owner (overlay.ts); without it they are drawn on every frame. */
  keeper: Keeper | null;
  /**
   * Frames drawn directly, captured and reused; custom layers laid from their own picture (or
   * from a copy of the screen or a stack); reused frames that started from a copy of the screen
   * just under a custom layer, and that laid a stack kept from an earlier frame.
   */
  readonly stats: {
    direct: number;
    captured: number;
    reused: number;
    kept: number;
    under: number;
    stacked: number;
  };
}

/** The style's layers as runs: MapLibre layers, then the custom (deck.gl) layers above them. */
export interface Run {
  /** Indices in the style order of the run's MapLibre layers (may be empty at the bottom). */
  base: number[];
  /** Indices of the custom layers that follow. */
  custom: number[];
}

/** Splits a layer order into runs; `isCustom(i)` tells a custom layer. */
export function layerRuns(count: number, isCustom: (i: number) => boolean): Run[] {
  const runs: Run[] = [];
  let run: Run = { base: [], custom: [] };
  for (let i = 0; i < count; i++) {
    if (isCustom(i)) run.custom.push(i);
    else {
      if (run.custom.length) {
        runs.push(run);
        run = { base: [], custom: [] };
      }
      run.base.push(i);
    }
  }
  runs.push(run);
  return runs;
}

/** Largest picture kept (device pixels): a 4K screen; A3 exports at 300 dpi are drawn directly. */
const MAX_PIXELS = 3840 * 2400;
const TRANSPARENT = { r: 0, g: 0, b: 0, a: 0 };

const VERTEX = `#version 300 es
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}`;
const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D picture;
out vec4 colour;
void main() { colour = texelFetch(picture, ivec2(gl_FragCoord.xy), 0); }`;

/** One full-canvas triangle that copies a texture's pixels over the screen, premultiplied. */
function compositor(gl: WebGL2RenderingContext): ((tex: WebGLTexture) => void) | null {
  const program = linkProgram(gl, VERTEX, FRAGMENT);
  if (!program) return null;
  const sampler = gl.getUniformLocation(program, 'picture');
  return (tex) => {
    gl.useProgram(program);
    gl.bindVertexArray(null);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.uniform1i(sampler, 0);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.disable(gl.CULL_FACE);
    gl.colorMask(true, true, true, true);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindTexture(gl.TEXTURE_2D, null);
  };
}

/** A transparent picture to draw into, with depth and stencil. */
interface Picture {
  fbo: WebGLFramebuffer;
  tex: WebGLTexture;
  /** Depth and stencil, for a picture drawn into (not one only composited into). */
  ds: WebGLRenderbuffer | null;
}

/** An opaque picture the screen is copied into. */
interface ScreenCopy {
  fbo: WebGLFramebuffer;
  rb: WebGLRenderbuffer;
}

/**
 * Off-screen pictures at the drawing buffer's size: the bottom run's, one per run above, and
 * one per kept custom layer, with what it shows (the frame key and the layer's own key).
 */
class Pictures {
  w = 0;
  h = 0;
  bottom: ScreenCopy | null = null;
  above: Picture[] = [];
  own = new Map<string, Picture & { shows: string }>();
  /** Copies of the screen once a custom layer is laid, by layer, with what they show. */
  copies = new Map<string, ScreenCopy & { tag: string }>();
  /**
   * Copies of the screen just before a custom layer is laid, for the first custom layer of each
   * run above the bottom one (under the bottom run's, the bottom picture is that copy).
   */
  unders = new Map<string, ScreenCopy & { tag: string }>();
  /**
   * Pictures of everything above a custom layer, composited into one, by that layer, with what
   * they show: a frame that draws that layer anew and nothing above it lays one picture, not a
   * composite per run and layer above (the dated events change on every step, and nothing
   * above them on most).
   */
  stacks = new Map<string, Picture & { tag: string }>();
  constructor(private gl: WebGL2RenderingContext) {}

  /**
   * The entry of `kept` for custom layer `id`, made at the current size (`make`, plus what it
   * shows: nothing yet) if need be; null if the canvas changed size or WebGL refused.
   */
  private keptFor<T extends object, S extends object>(
    kept: Map<string, T & S>,
    id: string,
    make: () => T | null,
    shows: S,
  ): (T & S) | null {
    const gl = this.gl;
    if (gl.drawingBufferWidth !== this.w || gl.drawingBufferHeight !== this.h) return null;
    let k = kept.get(id);
    if (!k) {
      const made = make();
      if (!made) return null;
      k = { ...made, ...shows };
      kept.set(id, k);
    }
    return k;
  }

  /** The copy of the screen kept once custom layer `id` is laid. */
  copyFor(id: string): (ScreenCopy & { tag: string }) | null {
    return this.keptFor(this.copies, id, () => this.screenCopy(), { tag: '' });
  }

  /** The copy of the screen kept just before custom layer `id` is laid. */
  underFor(id: string): (ScreenCopy & { tag: string }) | null {
    return this.keptFor(this.unders, id, () => this.screenCopy(), { tag: '' });
  }

  /** An opaque picture to copy the screen into; null if WebGL refused (all are freed then). */
  private screenCopy(): ScreenCopy | null {
    const gl = this.gl;
    const rb = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, rb);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, this.w, this.h);
    const fbo = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, rb);
    const copy = { fbo, rb };
    if (this.complete()) return copy;
    this.dropCopy(copy);
    return null;
  }

  private dropCopy(c: ScreenCopy): void {
    this.gl.deleteFramebuffer(c.fbo);
    this.gl.deleteRenderbuffer(c.rb);
  }

  /** A transparent picture with depth and stencil; null if WebGL refused. */
  private picture(depth = true): Picture | null {
    const gl = this.gl;
    const tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, this.w, this.h);
    gl.bindTexture(gl.TEXTURE_2D, null);
    const fbo = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    let ds: WebGLRenderbuffer | null = null;
    if (depth) {
      ds = gl.createRenderbuffer();
      gl.bindRenderbuffer(gl.RENDERBUFFER, ds);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.DEPTH24_STENCIL8, this.w, this.h);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, ds);
    }
    const picture = { fbo, tex, ds };
    if (this.complete()) return picture;
    this.drop(picture);
    return null;
  }

  /** The picture kept for custom layer `id`. */
  ownFor(id: string): (Picture & { shows: string }) | null {
    return this.keptFor(this.own, id, () => this.picture(), { shows: '' });
  }

  /** The picture of everything above custom layer `id` (colour only: composited into). */
  stackFor(id: string): (Picture & { tag: string }) | null {
    return this.keptFor(this.stacks, id, () => this.picture(false), { tag: '' });
  }

  private drop(p: Picture): void {
    this.gl.deleteFramebuffer(p.fbo);
    this.gl.deleteTexture(p.tex);
    this.gl.deleteRenderbuffer(p.ds);
  }

  /** Makes room for `runs` pictures above the bottom one; false if WebGL refused. */
  ensure(runs: number): boolean {
    const gl = this.gl;
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    if (w !== this.w || h !== this.h) this.free();
    this.w = w;
    this.h = h;
    if (!this.bottom) {
      this.bottom = this.screenCopy();
      if (!this.bottom) return false;
    }
    while (this.above.length < runs) {
      const p = this.picture();
      if (!p) {
        this.free();
        return false;
      }
      this.above.push(p);
    }
    return true;
  }

  private complete(): boolean {
    const gl = this.gl;
    const ok = gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.bindRenderbuffer(gl.RENDERBUFFER, null);
    if (!ok) this.free();
    return ok;
  }

  free(): void {
    if (this.bottom) this.dropCopy(this.bottom);
    for (const p of [...this.above, ...this.own.values(), ...this.stacks.values()]) this.drop(p);
    for (const c of [...this.copies.values(), ...this.unders.values()]) this.dropCopy(c);
    this.bottom = null;
    this.above = [];
    this.own.clear();
    this.copies.clear();
    this.unders.clear();
    this.stacks.clear();
  }
}

/** The camera, canvas and layer order (`order`, joined) a set of pictures was drawn for. */
function frameKey(map: MapInternals, gl: WebGL2RenderingContext, order: string): string {
  const m = map.transform?.modelViewProjectionMatrix;
  return [
    `${gl.drawingBufferWidth}x${gl.drawingBufferHeight}`,
    m ? Array.from(m).join(',') : '',
    order,
  ].join(';');
}

/**
 * Tags: what a copy of the screen shows. The base map's pictures (`generation`) for frame key
 * `key`; then, as custom layers are laid, each one's key; a layer that cannot say makes it null.
 */
const frameTag = (generation: number, key: string) => `${generation}\n${key}`;
const laidTag = (tag: string | null, want: string | null) =>
  tag === null || want === null ? null : `${tag}\n${want}`;
/** What a custom layer's own picture shows: its key `want`, drawn for frame key `key`. */
const showsOf = (key: string, want: string) => `${key}\n${want}`;
/** Just under custom layer `id`, its run laid over what `tag` shows. */
const underTag = (tag: string | null, id: string) => (tag === null ? null : `${tag}\nunder ${id}`);

/**
 * Whether the custom layer at `i` in the style order opens a run above the bottom one (the
 * layer under it is a MapLibre layer of such a run): a copy of the screen under it is kept.
 * Under the bottom run's first one, the bottom picture is that copy.
 */
const opensRun = (runOf: Map<number, number>, i: number) => (runOf.get(i - 1) ?? 0) > 0;

const installed = new WeakMap<MapLibreMap, FrameCache>();

/**
 * The cache installed on `map`, if any. An export switches it off for its frames: a picture
 * drawn in full is exact, where a composited one may differ by 8-bit rounding from export to
 * export of the same view.
 */
export const frameCacheOf = (map: MapLibreMap): FrameCache | null => installed.get(map) ?? null;

/** Installs the cache on a loaded map; null if this maplibre-gl lacks the expected internals. */
export function cacheBaseFrames(map: MapLibreMap): FrameCache | null {
  const m = map as unknown as MapInternals;
  const painter = m.painter;
  const render = m._render;
  const style0 = m.style;
  if (
    !painter ||
    !style0 ||
    typeof render !== 'function' ||
    typeof painter.render !== 'function' ||
    typeof painter.renderLayer !== 'function' ||
    typeof painter._renderTileClippingMasks !== 'function' ||
    typeof painter.nextStencilID !== 'number' ||
    typeof m._styleDirty !== 'boolean' ||
    typeof m._sourcesDirty !== 'boolean' ||
    typeof style0._updatePlacement !== 'function' ||
    !Array.isArray(style0._order) ||
    !m.transform?.modelViewProjectionMatrix ||
    typeof WebGL2RenderingContext === 'undefined' ||
    !(painter.context?.gl instanceof WebGL2RenderingContext)
  )
    return null;
  const gl = painter.context.gl;
  const composite = compositor(gl);
  if (!composite) return null;

  const paint = painter.render.bind(painter);
  const renderLayer = painter.renderLayer.bind(painter);
  const masks = painter._renderTileClippingMasks.bind(painter);
  const pictures = new Pictures(gl);
  const cache: FrameCache = {
    enabled: true,
    keeper: null,
    stats: { direct: 0, captured: 0, reused: 0, kept: 0, under: 0, stacked: 0 },
  };
  installed.set(map, cache);

  /** The pictures held: for which frame key and style. */
  let held: { key: string; style: StyleLike; generation: number } | null = null;
  /** Captures begun so far: which pictures of the base map a copy of the screen holds. */
  let captures = 0;
  /** The camera, canvas and layer order of the last frame drawn. */
  let lastKey = '';
  /** The runs of the last layer order seen: worked out again only when the order changes. */
  let layout: { order: string; runs: Run[]; runOf: Map<number, number> } | null = null;
  const layoutOf = (style: StyleLike) => {
    const order = style._order.join('|');
    if (layout?.order !== order) {
      const ids = style._order;
      const runs = layerRuns(ids.length, (i) => style._layers[ids[i]!]?.type === 'custom');
      const runOf = new Map<number, number>();
      runs.forEach((r, k) => r.base.forEach((i) => runOf.set(i, k)));
      layout = { order, runs, runOf };
    }
    return layout;
  };
  /** The frame being drawn. */
  let frame: {
    mode: 'direct' | 'capture' | 'reuse';
    key: string;
    runs: Run[];
    /** The run of each MapLibre layer, by index in the style order. */
    runOf: Map<number, number>;
    /** The run whose picture is being drawn off-screen (capture), or -1. */
    open: number;
    /** Capture: its pictures' number (held.generation once done). */
    generation: number;
    /** Capture: what the screen shows so far, as a tag (frameTag), or null if it cannot say. */
    tag: string | null;
  } | null = null;

  const blit = (from: WebGLFramebuffer | null, to: WebGLFramebuffer | null) => {
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, from);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, to);
    gl.blitFramebuffer(0, 0, w, h, 0, 0, w, h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
  };

  /** Raw WebGL below: leave the screen bound and tell MapLibre its state cache is stale. */
  const raw = (work: () => void) => {
    const scissor = gl.isEnabled(gl.SCISSOR_TEST);
    if (scissor) gl.disable(gl.SCISSOR_TEST);
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    work();
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    if (scissor) gl.enable(gl.SCISSOR_TEST);
    painter.context.setDirty();
    painter.currentStencilSource = undefined;
  };

  /** Composites `tex` over the screen, or over picture `onto`. */
  const lay = (tex: WebGLTexture, onto: WebGLFramebuffer | null = null) =>
    raw(() => {
      gl.bindFramebuffer(gl.FRAMEBUFFER, onto);
      composite(tex);
    });
  const compositeRun = (k: number, onto: WebGLFramebuffer | null = null) =>
    lay(pictures.above[k - 1]!.tex, onto);

  /** Capture: ends the off-screen run, if any, laying its picture on the screen. */
  const closeRun = () => {
    if (!frame || frame.open < 0) return;
    compositeRun(frame.open);
    frame.open = -1;
  };

  /**
   * Copies the screen as it is just under custom layer `id` (`tag`), unless a copy shows it;
   * whether a copy shows it now.
   */
  const keepUnder = (id: string, tag: string | null): boolean => {
    if (tag === null) return false;
    const copy = pictures.underFor(id);
    if (!copy) return false;
    if (copy.tag !== tag) {
      raw(() => blit(null, copy.fbo));
      copy.tag = tag;
    }
    return true;
  };

  /** Whether custom layer `id`'s own picture shows `want` for frame key `key`. */
  const ownShows = (id: string, want: string | null, key: string) =>
    want !== null && pictures.own.get(id)?.shows === showsOf(key, want);

  m._render = function (this: MapInternals, t: number) {
    const style = m.style;
    if (!style || !cache.enabled) {
      // What changes meanwhile is not tracked: draw anew when enabled again.
      held = null;
      return render.call(this, t);
    }
    const { order, runs, runOf } = layoutOf(style);
    const key = frameKey(m, gl, order);
    const firstCustom = runs[0]!.custom[0];
    // Above a 3D custom layer MapLibre has no opaque pass: see the top of this file.
    const layered = firstCustom !== undefined && style._layers[style._order[firstCustom]!]!.is3D();
    const still =
      !m._styleDirty && !m._sourcesDirty && !m._placementDirty && !style.hasTransitions();
    const small = gl.drawingBufferWidth * gl.drawingBufferHeight <= MAX_PIXELS;
    let mode: 'direct' | 'capture' | 'reuse' = 'direct';
    if (layered && still && held?.key === key && held.style === style) mode = 'reuse';
    // Only a view that held for a frame is worth keeping: not an export's one frame at its
    // size, nor a camera in motion.
    else if (layered && small && key === lastKey && !map.isMoving()) mode = 'capture';
    lastKey = key;
    if (mode !== 'reuse') held = null;
    const generation = mode === 'capture' ? ++captures : 0;
    frame = { mode, key, runs, runOf, open: -1, generation, tag: frameTag(generation, key) };
    try {
      return render.call(this, t);
    } finally {
      frame = null;
    }
  };

  // Nothing of MapLibre's is drawn on a reused frame, so its labels need no new placement.
  const place = style0._updatePlacement;
  style0._updatePlacement = function (this: StyleLike, ...args: unknown[]) {
    return frame?.mode === 'reuse' ? false : place.apply(this, args);
  };

  // The translucent pass calls this first for every layer, bottom to top: where runs start/end.
  painter._renderTileClippingMasks = (layer, tileIDs, toTexture) => {
    const f = frame;
    if (f?.mode === 'capture' && painter.renderPass === 'translucent') {
      const i = painter.currentLayer;
      const k = f.runOf.get(i);
      if (k === undefined) {
        // A custom layer: the bottom run is finished on the screen, a run above is composited.
        if (i === f.runs[0]!.custom[0]) {
          if (!pictures.ensure(f.runs.length - 1)) f.mode = 'direct';
          else raw(() => blit(null, pictures.bottom!.fbo));
        }
        closeRun();
      } else if (k > 0 && f.runs[k]!.base[0] === i) {
        // The first layer of a run above: draw the run into its own transparent picture.
        closeRun();
        f.open = k;
        painter.context.bindFramebuffer.set(pictures.above[k - 1]!.fbo);
        painter.context.clear({ color: TRANSPARENT, stencil: 0 });
        painter.currentStencilSource = undefined;
        painter.nextStencilID = 1;
      }
    }
    masks(layer, tileIDs, toTexture);
  };

  /**
   * What custom layer `i` would draw now (Keeper.key), or null if it cannot tell: it is then
   * drawn on the screen, on every frame. (Dated events change on every step: they are a custom
   * layer of their own that tells nothing, eventDots.ts, so no deck.gl group changes that often.
   * A group that changed is drawn into its picture at once: the next step may keep it.)
   */
  const wantOf = (style: StyleLike, i: number): string | null =>
    cache.keeper?.key(style._layers[style._order[i]!]!) ?? null;

  /** What each custom layer last put on the screen (its own picture's `shows`), by layer. */
  const lastLaid = new Map<string, string>();

  /**
   * Lays custom layer `i` on the screen through its own picture: from the picture if it shows
   * `want` for frame key `key`, else drawn into it first (`draw`). 'screen' if it has no
   * picture (drawn on the screen); 'partial' if drawn in part (a shader still compiling).
   * `overCopy`: the layer is the top one, and the screen is a kept copy of what is under it. If
   * it changed it is drawn straight onto the screen, not into its picture: it tends to change
   * again before anything under it does (the sites, in a busy year), and the copy stands in for
   * what is under it. Its picture is drawn when a frame needs it: when something under it
   * changed and it held.
   * `onto`: the picture it is laid on instead of the screen (see Pictures.stacks).
   */
  const layOwn = (
    style: StyleLike,
    i: number,
    want: string | null,
    key: string,
    draw: () => void,
    overCopy = false,
    onto: WebGLFramebuffer | null = null,
  ): 'kept' | 'drawn' | 'partial' | 'screen' => {
    const keeper = cache.keeper;
    const id = style._order[i]!;
    const layer = style._layers[id]!;
    const own = want === null ? null : pictures.ownFor(id);
    if (!keeper || !own || want === null) {
      draw();
      return 'screen';
    }
    const context = painter.context;
    const shows = showsOf(key, want);
    const changed = lastLaid.get(id) !== shows;
    lastLaid.set(id, shows);
    if (overCopy && changed && own.shows !== shows) {
      draw();
      return keeper.complete(layer) ? 'drawn' : 'partial';
    }
    let laid: 'kept' | 'drawn' | 'partial' = 'kept';
    if (own.shows === shows) {
      keeper.skipped(layer);
      cache.stats.kept++;
    } else {
      own.shows = '';
      context.bindFramebuffer.set(own.fbo);
      context.clear({ color: TRANSPARENT, depth: 1, stencil: 0 });
      keeper.drawInto(own.fbo, pictures.w, pictures.h, draw);
      laid = keeper.complete(layer) ? 'drawn' : 'partial';
      if (laid === 'drawn') own.shows = shows;
    }
    lay(own.tex, onto);
    context.bindFramebuffer.set(null);
    return laid;
  };

  /**
   * On a capture frame each custom layer is drawn through its own picture too (one clear and
   * one composite more), so the next frame can lay it from that picture if it stays the same:
   * a change of the base map (a province's tint, the site labels) comes with a month whose
   * sites or hotspots are often those of the month after.
   */
  painter.renderLayer = (painter_, tileManager, layer, coords, renderOptions) => {
    const f = frame;
    if (f?.mode !== 'capture' || painter.renderPass !== 'translucent' || layer.type !== 'custom')
      return renderLayer(painter_, tileManager, layer, coords, renderOptions);
    const style = painter.style;
    const i = painter.currentLayer;
    const want = wantOf(style, i);
    // The screen under it is kept too: the steps that follow, changing this layer only, start
    // from that copy.
    if (opensRun(f.runOf, i)) keepUnder(layer.id, underTag(f.tag, layer.id));
    const laid = layOwn(style, i, want, f.key, () =>
      renderLayer(painter_, tileManager, layer, coords, renderOptions),
    );
    f.tag = laid === 'kept' || laid === 'drawn' ? laidTag(f.tag, want) : null;
  };

  painter.render = (style, options) => {
    const f = frame;
    if (f?.mode !== 'reuse') {
      paint(style, options);
      if (f?.mode === 'capture') {
        closeRun();
        held = { key: f.key, style, generation: f.generation };
        cache.stats.captured++;
        painter.context.setDefault();
      } else cache.stats.direct++;
      return;
    }
    cache.stats.reused++;
    painter.style = style;
    painter.options = options;
    const context = painter.context;
    const renderOptions = { isRenderingToTexture: false, isRenderingGlobe: false };
    const drawCustom = (pass: string, i: number) => {
      const layer = style._layers[style._order[i]!]!;
      if (pass === 'offscreen' && !layer.implementation?.prerender) return;
      painter.renderPass = pass;
      painter.currentLayer = i;
      renderLayer(painter, undefined, layer, [], renderOptions);
    };
    /**
     * A custom layer that can say what it draws is laid from its own picture while that stays
     * the same (a timeline step in a quiet month changes no site or hotspot on screen), and is
     * drawn into that picture when it changes. The picture is for this frame key: the camera,
     * canvas and layer order it was drawn with.
     */
    const keeper = cache.keeper;
    const customs = f.runs.flatMap((r) => r.custom);
    const ids = customs.map((i) => style._order[i]!);
    const wants = customs.map((i) => wantOf(style, i));
    const layerOf = (j: number) => style._layers[ids[j]!]!;
    /**
     * What the screen shows just before and once each custom layer is laid: the base map's
     * pictures (their capture) and every layer's key up to there. A copy of the screen at such a
     * point, taken on an earlier frame that showed the same, stands in for everything below:
     * one copy instead of a composite per picture, on the main thread and the GPU. Copies are
     * kept once a layer is laid from its picture with more above it (likely the same next
     * frame), and just under a layer that opens a run, when it is drawn anew (it changed: a step
     * in a busy year changes the sites and nothing under them).
     */
    const base = frameTag(held!.generation, f.key);
    let upTo: string | null = base;
    const unders: (string | null)[] = [];
    const tags = wants.map((w, j) => {
      unders.push(opensRun(f.runOf, customs[j]!) ? underTag(upTo, ids[j]!) : null);
      return (upTo = laidTag(upTo, w));
    });
    /**
     * What is laid, bottom to top, each at a position: a run's picture at 2j, under the custom
     * layer j it comes before (the top run's under a layer past the last), custom layer j at
     * 2j + 1, once it is laid. The bottom picture is position 0.
     */
    const items: { run: number; pos: number }[] = [];
    let n = 0;
    f.runs.forEach((r, k) => {
      if (k > 0) items.push({ run: k, pos: 2 * n });
      for (let q = 0; q < r.custom.length; q++, n++) items.push({ run: -1, pos: 2 * n + 1 });
    });
    const last = items.at(-1)!.pos;
    /** Whether each custom layer's own picture shows what it would draw now. */
    const fresh = wants.map((w, j) => ownShows(ids[j]!, w, f.key));
    // Where the frame starts: the highest copy of the screen that shows the same.
    let start = 0;
    let from: ScreenCopy = pictures.bottom!;
    for (let j = customs.length - 1; j >= 0 && start === 0; j--) {
      const after = pictures.copies.get(ids[j]!);
      const under = pictures.unders.get(ids[j]!);
      if (after && tags[j] !== null && after.tag === tags[j]) [start, from] = [2 * j + 1, after];
      else if (under && unders[j] !== null && under.tag === unders[j])
        [start, from] = [2 * j, under];
    }
    // The highest custom layer above the start that is drawn anew (it changed, or cannot say
    // what it draws): everything above it holds, and is laid as one picture (Pictures.stacks)
    // if every layer there can say what it draws.
    let top = -1;
    for (let j = customs.length - 1; j >= 0 && top < 0 && 2 * j + 1 > start; j--)
      if (!fresh[j]) top = j;
    const aboveTop = wants.slice(top + 1);
    const stackTag =
      top >= 0 && last > 2 * top + 1 && !aboveTop.includes(null)
        ? `${base}\nabove ${ids[top]}\n${aboveTop.join('\n')}`
        : null;
    const stack = stackTag === null ? null : pictures.stackFor(ids[top]!);

    // As the full painter does: off-screen work first, then the screen, bottom to top.
    for (const i of customs) drawCustom('offscreen', i);
    context.viewport.set([0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight]);
    context.bindFramebuffer.set(null);
    context.clear({ depth: 1 });
    raw(() => blit(from.fbo, null));
    /** The layers under a copy or in a stack are not drawn: their state is brought up to date. */
    const skip = (from: number, to: number) => {
      for (let j = from; j < to; j++) keeper?.skipped(layerOf(j));
      cache.stats.kept += Math.max(0, to - from);
    };
    skip(0, Math.floor((start + 1) / 2));
    if (start > 0 && start % 2 === 0) cache.stats.under++;

    /** Whether everything laid so far is what its tags say. */
    let whole = true;
    /** Where items are laid: the screen, or the stack being drawn. */
    let onto: WebGLFramebuffer | null = null;
    for (const { run, pos } of items) {
      if (pos <= start) continue;
      if (stack && pos > 2 * top + 1 && onto === null) {
        if (stack.tag === stackTag) {
          lay(stack.tex);
          skip(top + 1, customs.length);
          cache.stats.stacked++;
          break;
        }
        // Drawn once here, then laid whole on the frames after, while it holds.
        stack.tag = '';
        onto = stack.fbo;
        context.bindFramebuffer.set(onto);
        context.clear({ color: TRANSPARENT });
      }
      if (run > 0) {
        compositeRun(run, onto);
        continue;
      }
      const j = (pos - 1) / 2;
      const i = customs[j]!;
      // About to be drawn anew, over what held: keep what is under it. The top layer, over
      // such a copy, is then drawn straight onto the screen if it changed (layOwn).
      const underKept =
        onto === null &&
        2 * j > start &&
        whole &&
        !fresh[j] &&
        keepUnder(ids[j]!, unders[j] ?? null);
      const overCopy = pos === last && onto === null && (2 * j === start || underKept);
      const draw = () => drawCustom('translucent', i);
      const laid = layOwn(style, i, wants[j] ?? null, f.key, draw, overCopy, onto);
      if (laid === 'partial' || (laid === 'screen' && onto !== null)) whole = false;
      if (laid === 'kept' && onto === null && whole && tags[j] !== null && pos < last) {
        // Laid from its picture, so likely the same next frame: keep the screen as it is.
        const copy = pictures.copyFor(ids[j]!);
        if (copy) {
          raw(() => blit(null, copy.fbo));
          copy.tag = tags[j]!;
        }
      }
    }
    if (stack && onto !== null) {
      if (whole) stack.tag = stackTag!;
      lay(stack.tex);
    }
    context.setDefault();
  };

  return cache;
}
