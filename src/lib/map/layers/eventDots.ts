/**
 * Dated point events as round dots, drawn by a MapLibre custom layer of GL points: one vertex a
 * dot, a round edge from gl_PointCoord.
 *
 * It scales with the window, not with the data. The events are sorted by day once
 * (eventPoints.ts) and uploaded to the GPU once; a date step finds the window's slice with two
 * binary searches and draws that range of the buffer (a first vertex and a count). Events
 * outside the window cost neither vertices nor fragments: a GPU data filter would still run
 * the vertex shader for every event on every frame, ~0.7 s a frame at 100k events under a
 * software renderer.
 *
 * Why a MapLibre custom layer (public API: CustomLayerInterface), not a deck.gl layer: the
 * window's slice is a first vertex and a count, which deck.gl's data filter cannot express, and
 * the dots carry no text: a dozen WebGL calls a frame. Hover and click find the nearest event on
 * the CPU (eventPick.ts), over the same window.
 */
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { windowSlice, type EventPoints } from './eventPoints.ts';
import { sharedLink, type ProgramLink } from '../glProgram.ts';

/** Days of events shown up to the date: the month a timeline step moves over. */
export const EVENT_WINDOW_DAYS = 30;

export const EVENT_DOTS = 'event-dots';

/**
 * How each event is drawn: its colour, its radius, and whether it passes the filters. Worked
 * out on the CPU when the colouring or a filter changes (a linear pass, milliseconds for a
 * million events) and uploaded once; a date step changes none of it.
 */
export interface DotStyle {
  /** RGBA, 0–255, four bytes an event. */
  colors: Uint8Array;
  /** Radius in CSS pixels, one an event. */
  radii: Float32Array;
  /** 1 where the event passes the filters, 0 where it is hidden. */
  shown: Uint8Array;
}

/** One look for every event: the benchmark's synthetic points. */
export function uniformStyle(n: number, radius = 2.5, rgba = [120, 40, 20, 160]): DotStyle {
  const colors = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) colors.set(rgba, i * 4);
  return { colors, radii: new Float32Array(n).fill(radius), shown: new Uint8Array(n).fill(1) };
}

const VERTEX = `#version 300 es
// Mercator (0..1) to clip space: the map's matrix for custom layers.
uniform mat4 u_matrix;
uniform float u_ratio;
in vec2 a_lnglat;
in vec4 a_color;
in float a_radius;
in float a_shown;
out vec4 v_color;
out float v_radius;
const float PI = 3.141592653589793;
void main() {
  if (a_shown < 0.5) {
    // Filtered out: outside the clip volume, so no fragment runs.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float s = sin(radians(clamp(a_lnglat.y, -85.0511, 85.0511)));
  vec2 mercator = vec2((a_lnglat.x + 180.0) / 360.0, 0.5 - log((1.0 + s) / (1.0 - s)) / (4.0 * PI));
  gl_Position = u_matrix * vec4(mercator, 0.0, 1.0);
  v_color = a_color;
  v_radius = a_radius * u_ratio;
  // In device pixels, with one pixel of margin all round for the smooth edge.
  gl_PointSize = 2.0 * (v_radius + 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_ratio;
in vec4 v_color;
in float v_radius;
out vec4 colour;
void main() {
  // Distance from the centre in device pixels; the rim's last pixel is partly covered.
  float r = length(gl_PointCoord - 0.5) * 2.0 * (v_radius + 1.0);
  float coverage = clamp(v_radius + 0.5 - r, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  // A darker rim one CSS pixel wide, so dots stay apart where they crowd and show on any fill.
  vec3 rgb = r > v_radius - u_ratio && v_radius > 2.5 * u_ratio ? v_color.rgb * 0.55 : v_color.rgb;
  float a = v_color.a * coverage;
  // Premultiplied, as the map's canvas is.
  colour = vec4(rgb * a, a);
}`;

const ATTRIBUTES = { a_lnglat: 0, a_color: 1, a_radius: 2, a_shown: 3 };

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffers: WebGLBuffer[];
  matrix: WebGLUniformLocation | null;
  ratio: WebGLUniformLocation | null;
  /** The arrays each buffer holds, to upload only what changed. */
  holds: (ArrayBufferView | null)[];
}

/** The buffers and uniforms of a linked program. */
function setup(gl: WebGL2RenderingContext, program: WebGLProgram): Gpu {
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  // [size, type, normalised] per attribute, in ATTRIBUTES' order.
  const layout: [number, number, boolean][] = [
    [2, gl.FLOAT, false],
    [4, gl.UNSIGNED_BYTE, true],
    [1, gl.FLOAT, false],
    [1, gl.UNSIGNED_BYTE, false],
  ];
  const buffers = layout.map(([size, type, normalised], location) => {
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, normalised, 0, 0);
    return buffer;
  });
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return {
    program,
    vao,
    buffers,
    matrix: gl.getUniformLocation(program, 'u_matrix'),
    ratio: gl.getUniformLocation(program, 'u_ratio'),
    holds: [null, null, null, null],
  };
}

/**
 * Links the dots' program now (once per context: sharedLink), while the user picks a file,
 * rather than when the first dataset draws: a software renderer without parallel linking
 * (SwiftShader) blocks the page on it, for seconds if an import's drawing is queued ahead.
 */
export function warmDots(gl: WebGL2RenderingContext): void {
  sharedLink(gl, VERTEX, FRAGMENT, ATTRIBUTES).status();
}

/** The custom layer, plus what it shows: the events of a window of days. */
export interface EventDotsLayer extends CustomLayerInterface {
  /** Shows the events (sorted by day) from day `from` to day `to`, both included. */
  show(points: EventPoints | null, style: DotStyle | null, from: number, to: number): void;
  /** The last frame's draw: how many events it covered, and when (the benchmark's finish line). */
  readonly drawn: { count: number; at: number };
}

/** A layer of dated event dots; add it to the map under the hotspots (beforeId). */
export function eventDotsLayer(id: string = EVENT_DOTS): EventDotsLayer {
  let map: MapLibreMap | null = null;
  let gpu: Gpu | null = null;
  let link: ProgramLink | null = null;
  let points: EventPoints | null = null;
  let style: DotStyle | null = null;
  let slice: [number, number] = [0, 0];
  const matrix = new Float32Array(16);
  const drawn = { count: 0, at: 0 };
  return {
    id,
    drawn,
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, gl) {
      map = m;
      link =
        gl instanceof WebGL2RenderingContext ? sharedLink(gl, VERTEX, FRAGMENT, ATTRIBUTES) : null;
    },
    onRemove(_m, gl) {
      if (gpu && gl instanceof WebGL2RenderingContext) {
        // The program is shared (sharedLink): it stays with the context.
        gl.deleteVertexArray(gpu.vao);
        for (const b of gpu.buffers) gl.deleteBuffer(b);
      }
      gpu = null;
      link = null;
      map = null;
    },
    show(next, nextStyle, from, to) {
      const nextSlice: [number, number] = next ? windowSlice(next.days, from, to) : [0, 0];
      if (
        next === points &&
        nextStyle === style &&
        nextSlice[0] === slice[0] &&
        nextSlice[1] === slice[1]
      )
        return;
      points = next;
      style = nextStyle;
      slice = nextSlice;
      map?.triggerRepaint();
    },
    render(gl, options: CustomRenderMethodInput) {
      const [first, end] = slice;
      if (!points || !style || end <= first || !(gl instanceof WebGL2RenderingContext)) {
        drawn.count = 0;
        return;
      }
      if (!gpu) {
        const status = link?.status();
        // Still linking: nothing yet, and another frame to ask again.
        if (status === 'pending') return void map?.triggerRepaint();
        if (status !== 'linked') return;
        gpu = setup(gl, link!.program);
      }
      const arrays = [points.positions, style.colors, style.radii, style.shown];
      arrays.forEach((a, k) => {
        if (gpu!.holds[k] === a) return;
        gl.bindBuffer(gl.ARRAY_BUFFER, gpu!.buffers[k]!);
        gl.bufferData(gl.ARRAY_BUFFER, a, gl.STATIC_DRAW);
        gpu!.holds[k] = a;
      });
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      matrix.set(options.defaultProjectionData.mainMatrix);
      gl.useProgram(gpu.program);
      gl.uniformMatrix4fv(gpu.matrix, false, matrix);
      gl.uniform1f(gpu.ratio, map?.getPixelRatio() ?? 1);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.bindVertexArray(gpu.vao);
      gl.drawArrays(gl.POINTS, first, end - first);
      gl.bindVertexArray(null);
      drawn.count = end - first;
      drawn.at = performance.now();
    },
  };
}
