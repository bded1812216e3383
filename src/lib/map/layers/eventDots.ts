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
 * the dots are not picked and carry no text: a dozen WebGL calls a frame.
 */
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { windowSlice, type EventPoints } from './eventPoints.ts';
import { linkProgram } from '../glProgram.ts';

/** Days of events shown up to the date: the month a timeline step moves over. */
export const EVENT_WINDOW_DAYS = 30;

export const EVENT_DOTS = 'event-dots';

/** The dots' look: radius in CSS pixels and RGBA (0–255). */
const RADIUS_PX = 2.5;
const COLOR = [120, 40, 20, 160] as const;

const VERTEX = `#version 300 es
// Mercator (0..1) to clip space: the map's matrix for custom layers.
uniform mat4 u_matrix;
uniform float u_radius;
in vec2 a_lnglat;
const float PI = 3.141592653589793;
void main() {
  float s = sin(radians(clamp(a_lnglat.y, -85.0511, 85.0511)));
  vec2 mercator = vec2((a_lnglat.x + 180.0) / 360.0, 0.5 - log((1.0 + s) / (1.0 - s)) / (4.0 * PI));
  gl_Position = u_matrix * vec4(mercator, 0.0, 1.0);
  // In device pixels, with one pixel of margin all round for the smooth edge.
  gl_PointSize = 2.0 * (u_radius + 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_radius;
uniform vec4 u_color;
out vec4 colour;
void main() {
  // Distance from the centre in device pixels; the rim's last pixel is partly covered.
  float r = length(gl_PointCoord - 0.5) * 2.0 * (u_radius + 1.0);
  float coverage = clamp(u_radius + 0.5 - r, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  float a = u_color.a * coverage;
  // Premultiplied, as the map's canvas is.
  colour = vec4(u_color.rgb * a, a);
}`;

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  matrix: WebGLUniformLocation | null;
  radius: WebGLUniformLocation | null;
  color: WebGLUniformLocation | null;
  /** The points the buffer holds. */
  holds: EventPoints | null;
}

function compile(gl: WebGL2RenderingContext): Gpu | null {
  const program = linkProgram(gl, VERTEX, FRAGMENT, { a_lnglat: 0 });
  if (!program) return null;
  const buffer = gl.createBuffer();
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return {
    program,
    vao,
    buffer,
    matrix: gl.getUniformLocation(program, 'u_matrix'),
    radius: gl.getUniformLocation(program, 'u_radius'),
    color: gl.getUniformLocation(program, 'u_color'),
    holds: null,
  };
}

/** The custom layer, plus what it shows: the events of the window ending on a day. */
export interface EventDotsLayer extends CustomLayerInterface {
  /** Shows the events (sorted by day, sortByDay) from `windowDays` days up to the day. */
  show(points: EventPoints | null, day: number, windowDays?: number): void;
}

/** A layer of dated event dots; add it to the map under the hotspots (beforeId). */
export function eventDotsLayer(): EventDotsLayer {
  let map: MapLibreMap | null = null;
  let gpu: Gpu | null = null;
  let points: EventPoints | null = null;
  let slice: [number, number] = [0, 0];
  const matrix = new Float32Array(16);
  return {
    id: EVENT_DOTS,
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, gl) {
      map = m;
      gpu = gl instanceof WebGL2RenderingContext ? compile(gl) : null;
    },
    onRemove(_m, gl) {
      if (gpu && gl instanceof WebGL2RenderingContext) {
        gl.deleteProgram(gpu.program);
        gl.deleteVertexArray(gpu.vao);
        gl.deleteBuffer(gpu.buffer);
      }
      gpu = null;
      map = null;
    },
    show(next, day, windowDays = EVENT_WINDOW_DAYS) {
      const nextSlice: [number, number] = next
        ? windowSlice(next.days, day - windowDays + 1, day)
        : [0, 0];
      if (next === points && nextSlice[0] === slice[0] && nextSlice[1] === slice[1]) return;
      points = next;
      slice = nextSlice;
      map?.triggerRepaint();
    },
    render(gl, options: CustomRenderMethodInput) {
      const [first, end] = slice;
      if (!gpu || !points || end <= first || !(gl instanceof WebGL2RenderingContext)) return;
      if (gpu.holds !== points) {
        gl.bindBuffer(gl.ARRAY_BUFFER, gpu.buffer);
        gl.bufferData(gl.ARRAY_BUFFER, points.positions, gl.STATIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, null);
        gpu.holds = points;
      }
      matrix.set(options.defaultProjectionData.mainMatrix);
      const ratio = map?.getPixelRatio() ?? 1;
      gl.useProgram(gpu.program);
      gl.uniformMatrix4fv(gpu.matrix, false, matrix);
      gl.uniform1f(gpu.radius, RADIUS_PX * ratio);
      gl.uniform4f(gpu.color, COLOR[0] / 255, COLOR[1] / 255, COLOR[2] / 255, COLOR[3] / 255);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.bindVertexArray(gpu.vao);
      gl.drawArrays(gl.POINTS, first, end - first);
      gl.bindVertexArray(null);
    },
  };
}
