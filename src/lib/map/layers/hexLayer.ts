/**
 * Imported events aggregated into hexagons (hexbin.ts), drawn by a MapLibre custom layer: one
 * hexagon shape, instanced at each non-empty bin's centre with the bin's colour. A date step
 * uploads the window's bins (twelve bytes a bin, a few thousand bins) and nothing else.
 *
 * Every bin has the same corners in degrees (the bins are regular on hexbin.ts's
 * equirectangular plane), so the shape is uploaded once and placed by its centre.
 */
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { sharedLink, type ProgramLink } from '../glProgram.ts';

/** The bins to draw: centre lon, lat pairs and RGBA colours (0–255), one a bin. */
export interface HexBins {
  count: number;
  centres: Float32Array;
  colors: Uint8Array;
}

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
in vec2 a_corner;
in vec2 a_centre;
in vec4 a_color;
out vec4 v_color;
const float PI = 3.141592653589793;
void main() {
  vec2 ll = a_centre + a_corner;
  float s = sin(radians(clamp(ll.y, -85.0511, 85.0511)));
  vec2 mercator = vec2((ll.x + 180.0) / 360.0, 0.5 - log((1.0 + s) / (1.0 - s)) / (4.0 * PI));
  gl_Position = u_matrix * vec4(mercator, 0.0, 1.0);
  v_color = a_color;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
in vec4 v_color;
out vec4 colour;
void main() {
  // Premultiplied, as the map's canvas is.
  colour = vec4(v_color.rgb * v_color.a, v_color.a);
}`;

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  shape: WebGLBuffer;
  centres: WebGLBuffer;
  colors: WebGLBuffer;
  matrix: WebGLUniformLocation | null;
  holds: HexBins | null;
}

/** Links the hexagons' program early (see eventDots.ts warmDots). */
export function warmHexagons(gl: WebGL2RenderingContext): void {
  sharedLink(gl, VERTEX, FRAGMENT, { a_corner: 0, a_centre: 1, a_color: 2 }).status();
}

/** The buffers and uniforms of a linked program. */
function setup(gl: WebGL2RenderingContext, program: WebGLProgram, corners: Float32Array): Gpu {
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const shape = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, shape);
  gl.bufferData(gl.ARRAY_BUFFER, corners, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  const centres = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, centres);
  gl.enableVertexAttribArray(1);
  gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 0, 0);
  gl.vertexAttribDivisor(1, 1);
  const colors = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, colors);
  gl.enableVertexAttribArray(2);
  gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 0, 0);
  gl.vertexAttribDivisor(2, 1);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return {
    program,
    vao,
    shape,
    centres,
    colors,
    matrix: gl.getUniformLocation(program, 'u_matrix'),
    holds: null,
  };
}

export interface HexLayer extends CustomLayerInterface {
  /** Shows these bins (null: none). */
  show(bins: HexBins | null): void;
}

/**
 * A layer of hexagons whose corners, relative to the centre, are `corners` (lon, lat pairs of
 * a closed ring, hexbin.ts's binPolygon less binCenter).
 */
export function hexLayer(id: string, ring: [number, number][]): HexLayer {
  // A triangle fan: the centre, then the ring (closed).
  const corners = new Float32Array([0, 0, ...ring.flat()]);
  let map: MapLibreMap | null = null;
  let gpu: Gpu | null = null;
  let link: ProgramLink | null = null;
  let bins: HexBins | null = null;
  const matrix = new Float32Array(16);
  return {
    id,
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, gl) {
      map = m;
      link =
        gl instanceof WebGL2RenderingContext
          ? sharedLink(gl, VERTEX, FRAGMENT, { a_corner: 0, a_centre: 1, a_color: 2 })
          : null;
    },
    onRemove(_m, gl) {
      if (gpu && gl instanceof WebGL2RenderingContext) {
        // The program is shared (sharedLink): it stays with the context.
        gl.deleteVertexArray(gpu.vao);
        for (const b of [gpu.shape, gpu.centres, gpu.colors]) gl.deleteBuffer(b);
      }
      gpu = null;
      link = null;
      map = null;
    },
    show(next) {
      if (next === bins) return;
      bins = next;
      map?.triggerRepaint();
    },
    render(gl, options: CustomRenderMethodInput) {
      if (!bins || bins.count === 0 || !(gl instanceof WebGL2RenderingContext)) return;
      if (!gpu) {
        const status = link?.status();
        // Still linking: nothing yet, and another frame to ask again.
        if (status === 'pending') return void map?.triggerRepaint();
        if (status !== 'linked') return;
        gpu = setup(gl, link!.program, corners);
      }
      if (gpu.holds !== bins) {
        gl.bindBuffer(gl.ARRAY_BUFFER, gpu.centres);
        gl.bufferData(gl.ARRAY_BUFFER, bins.centres, gl.DYNAMIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, gpu.colors);
        gl.bufferData(gl.ARRAY_BUFFER, bins.colors, gl.DYNAMIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, null);
        gpu.holds = bins;
      }
      matrix.set(options.defaultProjectionData.mainMatrix);
      gl.useProgram(gpu.program);
      gl.uniformMatrix4fv(gpu.matrix, false, matrix);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.bindVertexArray(gpu.vao);
      gl.drawArraysInstanced(gl.TRIANGLE_FAN, 0, corners.length / 2, bins.count);
      gl.bindVertexArray(null);
    },
  };
}
