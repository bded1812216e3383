/**
 * The app's one deck.gl overlay, interleaved so data layers draw between MapLibre layers.
 * Loaded on demand: deck.gl is not needed for the first paint of the base map.
 * Docs: https://deck.gl/docs/api-reference/mapbox/mapbox-overlay
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { frameCacheOf, type LayerLike } from './frameCache.ts';
import { contentKeyOf } from './layers/contentKey.ts';
import { skipRedundantBlockBindings } from './blockBindings.ts';
import { reusingViewports } from './viewportMemo.ts';

/** Frames to wait for deck.gl to start (its WebGL set-up) before giving up: about 10 s. */
const START_FRAMES = 600;

/**
 * The parts of deck.gl's interleaved instance (`map.__deck`, where @deck.gl/mapbox keeps it)
 * used here. Internal: checked against the installed version by the browser tests.
 */
interface DeckInternals {
  isInitialized: boolean;
  props: { layers?: unknown; _framebuffer?: unknown };
  animationLoop: { stop(): unknown } | null;
  layerManager: {
    updateLayers(): void;
    needsUpdate(): string | false;
    getLayers(): DeckLayer[];
  } | null;
  width: number;
  height: number;
  _updateCanvasSize?: (ctx: object) => void;
  device: {
    canvasContext?: {
      setDrawingBufferSize(w: number, h: number): void;
      cssWidth: number;
      cssHeight: number;
    };
    submit(): void;
    createFramebuffer?(props: { handle: WebGLFramebuffer; width: number; height: number }): {
      destroy(): void;
    };
    commandEncoder?: { commandBuffer?: { commands?: unknown[] } };
  } | null;
  widgetManager: { _updateContainers(): void; containers: Record<string, HTMLElement> } | null;
  setProps(props: object): void;
  _onRenderFrame(): void;
  _drawLayers(...args: unknown[]): void;
}

/** A deck.gl layer as seen here: its props, its parent if a sublayer, its GPU models. */
interface DeckLayer {
  id: string;
  props: { beforeId?: string; slot?: string; visible?: boolean; [k: string]: unknown };
  parent: DeckLayer | null;
  isComposite: boolean;
  isLoaded: boolean;
  getModels(): { _needsRedraw?: unknown }[];
}

const deckOf = (map: MapLibreMap) =>
  (map as unknown as { __deck?: DeckInternals | null }).__deck ?? null;

/**
 * deck.gl drives itself with an animation loop of its own beside MapLibre's. Interleaved, it only
 * draws inside MapLibre's frames, yet its loop runs every frame: idle, it checks for work and
 * submits an empty command buffer (~0.25 ms a frame under a software renderer, for as long as
 * the page is open); on a timeline step it spends ~0.5 ms of a frame of its own on work the
 * map's frame then does anyway.
 *
 * So once deck.gl has started its loop is stopped, and what the loop did between the map's
 * frames is done here instead:
 * - new layers (setProps) ask the map for a frame at once, and are brought up to date as it
 *   draws them (the loop asked from its own next frame: the step landed a frame later);
 * - one deck.gl frame runs after pointer events over the map, for hover picking, the tooltip
 *   and the cursor, and after a map frame that left a layer update pending.
 * No layer prop loads asynchronously (the icon atlas is a canvas, symbols.ts): a load finishing
 * between frames would wait for the next one.
 */
function runOnDemand(map: MapLibreMap, deck: DeckInternals) {
  const layers = deck.layerManager;
  // Should a deck.gl update lack a part, its own loop is left running.
  if (
    !deck.animationLoop ||
    !layers ||
    typeof layers.needsUpdate !== 'function' ||
    !deck.device ||
    typeof deck.setProps !== 'function' ||
    typeof deck._onRenderFrame !== 'function' ||
    typeof deck._drawLayers !== 'function'
  )
    return;
  let frame = 0;
  const tick = () => {
    frame = 0;
    if (!deck.isInitialized) return;
    deck._onRenderFrame();
    deck.device?.submit();
  };
  const wake = () => {
    frame ||= requestAnimationFrame(tick);
  };
  const setProps = deck.setProps;
  deck.setProps = function (props: object) {
    setProps.call(this, props);
    if ('layers' in props) map.triggerRepaint();
  };
  const draw = deck._drawLayers;
  deck._drawLayers = function (...args: unknown[]) {
    layers.updateLayers();
    draw.apply(this, args);
  };
  map.on('render', () => {
    if (layers.needsUpdate()) wake();
    // Commands luma.gl defers to a submit (copies between buffers and textures), which its
    // loop made after every frame; none of the app's layers queues any today.
    if (deck.device?.commandEncoder?.commandBuffer?.commands?.length) deck.device.submit();
  });
  const canvas = map.getCanvas();
  // pointerleave does not bubble: listened to on the canvas, where deck.gl listens too.
  for (const type of ['pointermove', 'pointerleave', 'pointerdown', 'pointerup'])
    canvas.addEventListener(type, wake, { passive: true });
  deck.animationLoop.stop();
  wake();
}

/**
 * deck.gl's widget manager places its widget containers (the tooltip's) over the map on every
 * draw, reading the map container's size each time. On a timeline step the page has just
 * changed (the date), so that read forces a layout in the middle of the map's frame (~0.3 ms
 * on the benchmark machine). The size changes only when the map resizes (the window, an
 * export, presenting): the containers are placed then, and when one is added.
 */
function placeWidgetsOnResize(map: MapLibreMap, deck: DeckInternals) {
  const widgets = deck.widgetManager;
  if (typeof widgets?._updateContainers !== 'function') return;
  const place = widgets._updateContainers;
  let placed = -1;
  widgets._updateContainers = function () {
    const count = Object.keys(this.containers).length;
    if (count === placed) return;
    placed = count;
    place.call(this);
  };
  map.on('resize', () => {
    placed = -1;
  });
}

/**
 * deck.gl projects with the sizes its canvas context last saw: the drawing buffer's and the
 * canvas's CSS size, both updated by a ResizeObserver, which reports after the frame in which
 * the size changed. An export resizes the map and draws it at once; with two exports in a
 * row, the observer's report of the first one's restored size arrived amid the second, and
 * deck.gl drew its layers into a corner of the picture (at the on-screen buffer's size). So at
 * the start of each map frame its sizes are made the map's own: a few comparisons, no layout
 * (MapLibre's transform holds the CSS size).
 */
function keepSized(map: MapLibreMap, deck: DeckInternals) {
  const m = map as unknown as {
    _render?: (t: number) => unknown;
    transform?: { width: number; height: number };
  };
  const render = m._render;
  const ctx = deck.device?.canvasContext;
  if (typeof render !== 'function' || !ctx || typeof deck._updateCanvasSize !== 'function') return;
  const gl = map.getCanvas().getContext('webgl2');
  m._render = function (this: unknown, t: number) {
    const size = m.transform;
    if (gl && size && deck.isInitialized) {
      ctx.setDrawingBufferSize(gl.drawingBufferWidth, gl.drawingBufferHeight);
      if (deck.width !== size.width || deck.height !== size.height) {
        ctx.cssWidth = size.width;
        ctx.cssHeight = size.height;
        deck._updateCanvasSize!(ctx);
      }
    }
    return render.call(this, t);
  };
}

/** A group of @deck.gl/mapbox (a custom layer in the map): the deck.gl layers it draws. */
interface GroupLike {
  beforeId?: string;
  slot?: string;
}
const inGroup = (layer: DeckLayer, group: GroupLike) => {
  let root = layer;
  while (root.parent) root = root.parent;
  return root.props.beforeId === group.beforeId && root.props.slot === group.slot;
};
const flat = (layers: unknown): DeckLayer[] =>
  Array.isArray(layers) ? layers.flatMap(flat) : layers ? [layers as DeckLayer] : [];

/**
 * Lets the frame cache (frameCache.ts) keep each deck.gl group as a picture while what it draws
 * stays the same. Each layer states what it draws as its `contentKey` prop (contentKey.ts): a
 * timeline step in a quiet month changes the GPU filter's range but no site or hotspot shown.
 * A group with a layer that states none is drawn on every frame, as before. A picture is kept
 * only if every layer of the group was drawn in full into it (shaders linked, data loaded).
 * Saves the step the drawing of a group (~0.5–0.9 ms on the benchmark machine) when unchanged.
 */
function keepGroups(map: MapLibreMap, deck: DeckInternals) {
  const cache = frameCacheOf(map);
  const device = deck.device;
  const layers = deck.layerManager;
  if (!cache || !device?.createFramebuffer || !layers || typeof layers.getLayers !== 'function')
    return;
  const framebuffers = new WeakMap<WebGLFramebuffer, unknown>();
  const groupOf = (layer: LayerLike) => (layer.implementation ?? {}) as GroupLike;
  cache.keeper = {
    key(layer) {
      // Only @deck.gl/mapbox's groups: another custom layer says nothing of what it draws.
      if (!layer.id.startsWith('deck-layer-group')) return null;
      const group = groupOf(layer);
      const parts: string[] = [];
      for (const l of flat(deck.props.layers)) {
        if (!inGroup(l, group)) continue;
        const key = contentKeyOf(l.props);
        if (key === null) return null;
        parts.push(`${l.id}${l.props.visible === false ? ' hidden' : ''}: ${key}`);
      }
      return parts.join('\n');
    },
    drawInto(fbo, width, height, draw) {
      let target = framebuffers.get(fbo);
      if (!target) {
        target = device.createFramebuffer!({ handle: fbo, width, height });
        framebuffers.set(fbo, target);
      }
      const before = deck.props._framebuffer;
      deck.props._framebuffer = target;
      try {
        draw();
      } finally {
        deck.props._framebuffer = before;
      }
    },
    complete(layer) {
      const group = groupOf(layer);
      return layers
        .getLayers()
        .filter((l) => !l.isComposite && inGroup(l, group))
        .every((l) => l.isLoaded && l.getModels().every((m) => m._needsRedraw === false));
    },
    skipped() {
      layers.updateLayers();
    },
  };
}

/**
 * deck.gl draws with MapLibre's camera, but picks (hover, click) with its own copy, which it
 * updates on the map's 'move' events once it has started. A jump made while it was starting,
 * such as the view of a shared link applied from the URL, left picking on the old view until
 * the next pan: hovering a site showed what lay under the pointer in the old view. So, once
 * deck.gl has started, the map announces its camera once more.
 */
async function whenStarted(map: MapLibreMap) {
  for (let i = 0; i < START_FRAMES && !deckOf(map)?.isInitialized; i++)
    await new Promise((r) => requestAnimationFrame(r));
  const deck = deckOf(map);
  if (!deck?.isInitialized) return;
  map.fire('move');
  runOnDemand(map, deck);
  placeWidgetsOnResize(map, deck);
  keepGroups(map, deck);
  keepSized(map, deck);
}

/** Adds the interleaved overlay to the map and resolves with it, ready for setProps({layers}). */
export async function attachOverlay(map: MapLibreMap): Promise<MapboxOverlay> {
  const [{ MapboxOverlay }, { MapView }] = await Promise.all([
    import('@deck.gl/mapbox'),
    import('@deck.gl/core'),
  ]);
  const overlay = new MapboxOverlay({
    interleaved: true,
    layers: [],
    // The view @deck.gl/mapbox would make (id 'mapbox', the map is flat Mercator), made once:
    // by default it makes a new one on every setProps, and deck.gl then rebuilds its viewports
    // on every timeline step (~0.15 ms). Its viewport is made anew only when the camera or the
    // size changes (viewportMemo.ts). (The props type leaves `views` at its default, null.)
    views: new (reusingViewports(MapView))({ id: 'mapbox' }) as unknown as null,
  });
  // deck.gl draws into the map's own context: see blockBindings.ts.
  const gl = map.getCanvas().getContext('webgl2');
  if (gl) skipRedundantBlockBindings(gl);
  map.addControl(overlay);
  void whenStarted(map);
  return overlay;
}
