/**
 * A WebGL2 program from two shader sources, for the few raw WebGL drawings drawn beside
 * MapLibre's and deck.gl's own (the event dots' custom layer).
 */

/** Compiles and links; `attributes` fixes attribute locations before the link. Null if it fails. */
export function linkProgram(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
  attributes: Record<string, number> = {},
): WebGLProgram | null {
  const program = gl.createProgram();
  const shaders = [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ].map(([type, src]) => {
    const s = gl.createShader(type as number)!;
    gl.shaderSource(s, src as string);
    gl.compileShader(s);
    gl.attachShader(program, s);
    return s;
  });
  for (const [name, location] of Object.entries(attributes))
    gl.bindAttribLocation(program, location, name);
  gl.linkProgram(program);
  // Linked, the program keeps what it needs: the shaders can go.
  for (const s of shaders) {
    gl.detachShader(program, s);
    gl.deleteShader(s);
  }
  if (gl.getProgramParameter(program, gl.LINK_STATUS)) return program;
  gl.deleteProgram(program);
  return null;
}
