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
 * MapLibre draws the layers above the first deck.gl group in its translucent pass only, with no
 * depth test, bottom to top (a 3D custom layer ends its opaque pass), so drawing a run into its
 * own texture and compositing it ("over", premultiplied) gives the same picture up to 8-bit
 * rounding; frames drawn while moving, or at a new size, are drawn directly, and exports switch
 * the cache off (frameCacheOf).
 *
 * This reaches into maplibre-gl's private map and painter (as sky.ts does). maplibre-gl is
 * pinned (5.24.1); if a part is missing, nothing is patched and every frame is drawn in full.
 * A browser test checks that frames drawn from the pictures equal the frames they replace.
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
  /** Frames drawn directly, captured and reused; custom layers laid from their own picture. */
  readonly stats: { direct: number; captured: number; reused: number; kept: number };
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
  ds: WebGLRenderbuffer;
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
  private picture(): Picture | null {
    const gl = this.gl;
    const tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, this.w, this.h);
    gl.bindTexture(gl.TEXTURE_2D, null);
    const ds = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, ds);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.DEPTH24_STENCIL8, this.w, this.h);
    const fbo = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, ds);
    const picture = { fbo, tex, ds };
    if (this.complete()) return picture;
    this.drop(picture);
    return null;
  }

  /** The picture kept for custom layer `id`. */
  ownFor(id: string): (Picture & { shows: string }) | null {
    return this.keptFor(this.own, id, () => this.picture(), { shows: '' });
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
    for (const p of [...this.above, ...this.own.values()]) this.drop(p);
    for (const c of this.copies.values()) this.dropCopy(c);
    this.bottom = null;
    this.above = [];
    this.own.clear();
    this.copies.clear();
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
    stats: { direct: 0, captured: 0, reused: 0, kept: 0 },
  };
  installed.set(map, cache);

  /** The pictures held: for which frame key and style. */
  let held: { key: string; style: StyleLike; generation: number } | null = null;
  /** Captures so far: which pictures of the base map a copy of the screen holds. */
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

  const compositeRun = (k: number) =>
    raw(() => {
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      composite(pictures.above[k - 1]!.tex);
    });

  /** Capture: ends the off-screen run, if any, laying its picture on the screen. */
  const closeRun = () => {
    if (!frame || frame.open < 0) return;
    compositeRun(frame.open);
    frame.open = -1;
  };

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
    frame = { mode, key, runs, runOf, open: -1 };
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

  /**
   * Lays custom layer `i` on the screen through its own picture: from the picture if it shows
   * `want` for frame key `key`, else drawn into it first (`draw`). 'screen' if it has no
   * picture (drawn on the screen); 'partial' if drawn in part (a shader still compiling).
   */
  const layOwn = (
    style: StyleLike,
    i: number,
    want: string | null,
    key: string,
    draw: () => void,
  ): 'kept' | 'drawn' | 'partial' | 'screen' => {
    const keeper = cache.keeper;
    const id = style._order[i]!;
    const layer = style._layers[id]!;
    const own = want === null ? null : pictures.ownFor(id);
    if (!keeper || !own) {
      draw();
      return 'screen';
    }
    const context = painter.context;
    const shows = `${key}\n${want}`;
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
    raw(() => {
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      composite(own.tex);
    });
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
    layOwn(style, i, wantOf(style, i), f.key, () =>
      renderLayer(painter_, tileManager, layer, coords, renderOptions),
    );
  };

  painter.render = (style, options) => {
    const f = frame;
    if (f?.mode !== 'reuse') {
      paint(style, options);
      if (f?.mode === 'capture') {
        closeRun();
        held = { key: f.key, style, generation: ++captures };
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
    const wants = customs.map((i) => wantOf(style, i));
    /**
     * What the screen shows once each custom layer is laid: the base map's pictures (their
     * capture) and every layer's key up to it. A copy of the screen at that point, taken on an
     * earlier frame that showed the same, stands in for everything below: one copy instead of
     * a composite per picture, on the main thread and the GPU.
     */
    let upTo: string | null = `${held!.generation}\n${f.key}`;
    const tags = wants.map((w) => (upTo = upTo === null || w === null ? null : `${upTo}\n${w}`));
    let from = -1;
    for (let j = customs.length - 1; j >= 0 && from < 0; j--)
      if (tags[j] !== null && pictures.copies.get(style._order[customs[j]!]!)?.tag === tags[j])
        from = j;

    /** Whether everything on the screen so far is what its tags say. */
    let whole = true;
    /** Lays custom layer `customs[j]`; whether from its kept picture. */
    const drawKept = (j: number): boolean => {
      const i = customs[j]!;
      const laid = layOwn(style, i, wants[j] ?? null, f.key, () => drawCustom('translucent', i));
      if (laid === 'partial') whole = false;
      return laid === 'kept';
    };
    // As the full painter does: off-screen work first, then the screen, bottom to top.
    for (const i of customs) drawCustom('offscreen', i);
    context.viewport.set([0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight]);
    context.bindFramebuffer.set(null);
    context.clear({ depth: 1 });
    if (from >= 0) {
      raw(() => blit(pictures.copies.get(style._order[customs[from]!]!)!.fbo, null));
      // The layers under the copy are not drawn: their state is brought up to date anyway.
      for (let j = 0; j <= from; j++) keeper?.skipped(style._layers[style._order[customs[j]!]!]!);
      cache.stats.kept += from + 1;
    } else raw(() => blit(pictures.bottom!.fbo, null));
    let j = 0;
    f.runs.forEach((r, k) => {
      if (k > 0 && j > from) compositeRun(k);
      for (const i of r.custom) {
        if (j > from && drawKept(j) && whole && tags[j] !== null) {
          // Laid from its picture, so likely the same next frame: keep the screen as it is.
          const copy = pictures.copyFor(style._order[i]!);
          if (copy) {
            raw(() => blit(null, copy.fbo));
            copy.tag = tags[j]!;
          }
        }
        j++;
      }
    });
    context.setDefault();
  };

  return cache;
}
