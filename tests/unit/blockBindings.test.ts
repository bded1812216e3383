import { describe, expect, test } from 'vitest';
import { skipRedundantBlockBindings, type BlockCalls } from '../../src/lib/map/blockBindings.ts';

/** A context that records the calls that reach it; block indices count up per link. */
function fakeContext() {
  const calls: string[] = [];
  let links = 0;
  const gl: BlockCalls = {
    getUniformBlockIndex(program, name) {
      calls.push(`index ${String(program)} ${name}`);
      return name.length + links;
    },
    uniformBlockBinding(program, index, binding) {
      calls.push(`bind ${String(program)} ${index} ${binding}`);
    },
    linkProgram(program) {
      links++;
      calls.push(`link ${String(program)}`);
    },
  };
  return { gl, calls };
}

const program = (name: string) => ({ toString: () => name }) as unknown as WebGLProgram;
const A = program('A');
const B = program('B');

type Call =
  ['index', WebGLProgram, string] | ['bind', WebGLProgram, number, number] | ['link', WebGLProgram];

const run = (gl: BlockCalls, calls: Call[]) =>
  calls.map((c) =>
    c[0] === 'index'
      ? gl.getUniformBlockIndex(c[1], c[2])
      : c[0] === 'bind'
        ? gl.uniformBlockBinding(c[1], c[2], c[3])
        : gl.linkProgram(c[1]),
  );

describe('skipRedundantBlockBindings: what reaches WebGL', () => {
  test.each<{ what: string; calls: Call[]; reach: string[] }>([
    {
      what: 'the first binding of a block',
      calls: [['bind', A, 0, 1]],
      reach: ['bind A 0 1'],
    },
    {
      what: 'the same binding again: nothing',
      calls: [
        ['bind', A, 0, 1],
        ['bind', A, 0, 1],
      ],
      reach: ['bind A 0 1'],
    },
    {
      what: 'a new binding point for the block',
      calls: [
        ['bind', A, 0, 1],
        ['bind', A, 0, 2],
        ['bind', A, 0, 1],
      ],
      reach: ['bind A 0 1', 'bind A 0 2', 'bind A 0 1'],
    },
    {
      what: 'the same block and point in another program',
      calls: [
        ['bind', A, 0, 1],
        ['bind', B, 0, 1],
      ],
      reach: ['bind A 0 1', 'bind B 0 1'],
    },
    {
      what: 'a relink: the bindings are set again',
      calls: [
        ['bind', A, 0, 1],
        ['link', A],
        ['bind', A, 0, 1],
      ],
      reach: ['bind A 0 1', 'link A', 'bind A 0 1'],
    },
    {
      what: 'a block index: asked once per program and name',
      calls: [
        ['index', A, 'project'],
        ['index', A, 'project'],
        ['index', A, 'layer'],
        ['index', B, 'project'],
      ],
      reach: ['index A project', 'index A layer', 'index B project'],
    },
    {
      what: 'a block index after a relink: asked again',
      calls: [
        ['index', A, 'project'],
        ['link', A],
        ['index', A, 'project'],
      ],
      reach: ['index A project', 'link A', 'index A project'],
    },
  ])('$what', ({ calls, reach }) => {
    const { gl, calls: reached } = fakeContext();
    skipRedundantBlockBindings(gl);
    run(gl, calls);
    expect(reached).toEqual(reach);
  });

  test('indices are those WebGL gave, before and after a relink', () => {
    const { gl } = fakeContext();
    skipRedundantBlockBindings(gl);
    expect(gl.getUniformBlockIndex(A, 'project')).toBe(7);
    expect(gl.getUniformBlockIndex(A, 'project')).toBe(7);
    gl.linkProgram(A);
    expect(gl.getUniformBlockIndex(A, 'project')).toBe(8);
  });

  test('wrapping twice wraps once', () => {
    const { gl, calls } = fakeContext();
    skipRedundantBlockBindings(gl);
    const first = gl.uniformBlockBinding;
    skipRedundantBlockBindings(gl);
    expect(gl.uniformBlockBinding).toBe(first);
    gl.uniformBlockBinding(A, 0, 1);
    gl.uniformBlockBinding(A, 0, 1);
    expect(calls).toEqual(['bind A 0 1']);
  });
});
