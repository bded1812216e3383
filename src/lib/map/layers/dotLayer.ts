/**
 * Many small round dots of one colour, drawn as GL points: one vertex a dot, a round edge from
 * gl_PointCoord, and a slice of a shared GPU buffer of lon/lat pairs (no attribute is built).
 *
 * deck.gl's ScatterplotLayer draws each instance as a 4-vertex quad through a long vertex
 * shader (radii, strokes, units, picking). Under a software renderer (SwiftShader) that vertex
 * work is the cost: about 10 µs a point, 12–15 ms a frame for 1,200 points, where this layer's
 * cost is (`npm run bench`, README). It is for dense, unpicked events; GL caps a point's size
 * (at least 1 px; 1,024 in Chromium), far above a dot's few pixels.
 */
import { Layer, project32, type DefaultProps, type LayerProps } from '@deck.gl/core';
import type { Buffer } from '@luma.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = /* glsl */ `\
layout(std140) uniform dotsUniforms {
  vec4 color;
  float radiusPixels;
} dots;
`;

interface DotUniforms {
  color: [number, number, number, number];
  radiusPixels: number;
}

const dotsModule = {
  name: 'dots',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { color: 'vec4<f32>', radiusPixels: 'f32' },
} as const satisfies ShaderModule<DotUniforms>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-vertex-shader
in vec2 positions;
out float vRadius;
void main(void) {
  gl_Position = project_position_to_clipspace(vec3(positions, 0.0), vec3(0.0), vec3(0.0));
  // In device pixels, with one pixel of margin all round for the smooth edge.
  vRadius = dots.radiusPixels * project.devicePixelRatio;
  gl_PointSize = 2.0 * (vRadius + 1.0);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-fragment-shader
precision highp float;
in float vRadius;
out vec4 fragColor;
void main(void) {
  // Distance from the centre in device pixels; the rim's last pixel is partly covered.
  float r = length(gl_PointCoord - 0.5) * 2.0 * (vRadius + 1.0);
  float coverage = clamp(vRadius + 0.5 - r, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  fragColor = vec4(dots.color.rgb, dots.color.a * coverage * layer.opacity);
}
`;

export interface DotLayerProps {
  /** lon, lat pairs as float32, on the GPU. */
  positions: Buffer;
  /** The first dot drawn, and how many. */
  first: number;
  count: number;
  radiusPixels: number;
  /** RGBA, 0–255. */
  color: [number, number, number, number];
}

export class DotLayer extends Layer<DotLayerProps & LayerProps> {
  static override layerName = 'DotLayer';
  static override defaultProps: DefaultProps<DotLayerProps> = {
    first: 0,
    count: 0,
    radiusPixels: 2.5,
    color: [0, 0, 0, 255],
  };
  declare state: { model: Model };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, dotsModule] });
  }

  override initializeState(): void {
    this.setState({
      model: new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        topology: 'point-list',
        bufferLayout: [{ name: 'positions', format: 'float32x2' }],
        vertexCount: 0,
      }),
    });
  }

  override draw(): void {
    const { positions, first, count, radiusPixels, color } = this.props;
    if (count <= 0) return;
    const model = this.state.model;
    model.setAttributes({ positions });
    model.setDrawOffsets({ firstVertex: first, firstIndex: 0 });
    model.setVertexCount(count);
    const [r, g, b, a] = color;
    model.shaderInputs.setProps({
      dots: { color: [r / 255, g / 255, b / 255, a / 255], radiusPixels },
    });
    model.draw(this.context.renderPass);
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.model?.destroy();
  }
}
