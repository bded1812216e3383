/**
 * A WebGL2 program from two shader sources, for the few raw WebGL drawings drawn beside
 * MapLibre's and deck.gl's own (the event dots' custom layer).
 */

/** A program being linked: its handle now, its outcome when the driver is done. */
export interface ProgramLink {
  program: WebGLProgram;
  /** 'pending' while the driver still links (never without the extension), then the result. */
  status(): 'pending' | 'linked' | 'failed';
}

/** KHR_parallel_shader_compile's query (https://registry.khronos.org/webgl/extensions/KHR_parallel_shader_compile/). */
const COMPLETION_STATUS_KHR = 0x91b1;

/**
 * Compiles and links without waiting: asking a program's LINK_STATUS blocks the page until the
 * driver has linked it, 0.7 s a program under SwiftShader (a long task in the middle of an
 * import). With KHR_parallel_shader_compile the layer asks first whether linking is done,
 * draws nothing until it is, and asks for another frame. `attributes` fixes attribute
 * locations before the link.
 */
export function startLink(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
  attributes: Record<string, number> = {},
): ProgramLink {
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
  const parallel = gl.getExtension('KHR_parallel_shader_compile') !== null;
  let outcome: 'linked' | 'failed' | null = null;
  return {
    program,
    status() {
      if (outcome) return outcome;
      if (parallel && !gl.getProgramParameter(program, COMPLETION_STATUS_KHR)) return 'pending';
      outcome = gl.getProgramParameter(program, gl.LINK_STATUS) ? 'linked' : 'failed';
      // Linked (or not), the program keeps what it needs: the shaders can go.
      for (const s of shaders) {
        gl.detachShader(program, s);
        gl.deleteShader(s);
      }
      if (outcome === 'failed') gl.deleteProgram(program);
      return outcome;
    },
  };
}

const shared = new WeakMap<WebGL2RenderingContext, Map<string, ProgramLink>>();

/**
 * One program per context and pair of sources, linked once and kept for the context's life:
 * every dataset's layer draws with it. Asking a program's status waits for the GPU process to
 * finish all the work queued before it (under SwiftShader, seconds while an import draws), so
 * it is asked once, early, when nothing is queued (warm), never again.
 */
export function sharedLink(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
  attributes: Record<string, number> = {},
): ProgramLink {
  let byContext = shared.get(gl);
  if (!byContext) shared.set(gl, (byContext = new Map()));
  const key = vertex + '\0' + fragment;
  let link = byContext.get(key);
  if (!link) byContext.set(key, (link = startLink(gl, vertex, fragment, attributes)));
  return link;
}
