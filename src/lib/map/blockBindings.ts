/**
 * luma.gl (deck.gl's WebGL layer) sets every uniform block's binding point before each draw:
 * it looks up the block's index by name and binds it, although a program keeps both from its
 * link until it is linked again. In Chromium each is a call through WebGL's validation and
 * command buffer; a timeline step draws ~10 blocks per deck.gl group (~0.1–0.2 ms of a step on
 * the benchmark machine, measured in-page with and without this).
 *
 * So the context remembers, per program, each block's index and binding, and passes on only a
 * binding that changes. Linking a program again forgets what it knew of it (a relink resets
 * the bindings to 0 and may renumber the blocks).
 */

/** The three calls involved, as on a WebGL2RenderingContext. */
export interface BlockCalls {
  getUniformBlockIndex(program: WebGLProgram, name: string): number;
  uniformBlockBinding(program: WebGLProgram, index: number, binding: number): void;
  linkProgram(program: WebGLProgram): void;
}

const patched = new WeakSet<object>();

/** Wraps the context's block calls (once per context); other calls are untouched. */
export function skipRedundantBlockBindings(gl: BlockCalls): void {
  if (patched.has(gl)) return;
  patched.add(gl);
  const indexOf = gl.getUniformBlockIndex.bind(gl);
  const bind = gl.uniformBlockBinding.bind(gl);
  const link = gl.linkProgram.bind(gl);
  const indices = new WeakMap<WebGLProgram, Map<string, number>>();
  const bindings = new WeakMap<WebGLProgram, Map<number, number>>();
  gl.linkProgram = (program) => {
    indices.delete(program);
    bindings.delete(program);
    link(program);
  };
  gl.getUniformBlockIndex = (program, name) => {
    let known = indices.get(program);
    if (!known) indices.set(program, (known = new Map()));
    let index = known.get(name);
    if (index === undefined) {
      index = indexOf(program, name);
      known.set(name, index);
    }
    return index;
  };
  gl.uniformBlockBinding = (program, index, binding) => {
    let known = bindings.get(program);
    if (!known) bindings.set(program, (known = new Map()));
    if (known.get(index) === binding) return;
    known.set(index, binding);
    bind(program, index, binding);
  };
}
