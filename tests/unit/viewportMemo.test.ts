import { describe, expect, test } from 'vitest';
import {
  reusingViewports,
  sameInputs,
  type ViewportInputs,
} from '../../src/lib/map/viewportMemo.ts';

const camera = { longitude: 23.6, latitude: -2.9, zoom: 4.6, bearing: 0, pitch: 0 };
const at = (viewState: Record<string, unknown>, width = 1280, height = 600): ViewportInputs => ({
  width,
  height,
  viewState,
});
const padding = { top: 0, bottom: 0, left: 0, right: 0 };

describe('sameInputs: would these make the same viewport?', () => {
  test.each([
    {
      what: 'the same camera, new objects',
      a: at({ ...camera }),
      b: at({ ...camera }),
      same: true,
    },
    {
      what: 'a padding equal by value (the map makes a new one per call)',
      a: at({ ...camera, padding: { ...padding } }),
      b: at({ ...camera, padding: { ...padding } }),
      same: true,
    },
    {
      what: 'a padding that differs',
      a: at({ ...camera, padding }),
      b: at({ ...camera, padding: { ...padding, left: 300 } }),
      same: false,
    },
    { what: 'another zoom', a: at(camera), b: at({ ...camera, zoom: 4.7 }), same: false },
    { what: 'another width', a: at(camera), b: at(camera, 2560), same: false },
    { what: 'another height', a: at(camera), b: at(camera, 1280, 1200), same: false },
    { what: 'a key more', a: at(camera), b: at({ ...camera, nearZ: 0.1 }), same: false },
    {
      what: 'the same number of keys, but others',
      a: at({ ...camera, nearZ: 0.1 }),
      b: at({ ...camera, farZ: 0.1 }),
      same: false,
    },
    {
      what: 'nested deeper than one level: compared by identity, so not the same',
      a: at({ ...camera, padding: { inner: { top: 0 } } }),
      b: at({ ...camera, padding: { inner: { top: 0 } } }),
      same: false,
    },
    {
      what: 'an object against a number',
      a: at({ ...camera, padding: 0 }),
      b: at({ ...camera, padding: {} }),
      same: false,
    },
  ])('$what', ({ a, b, same }) => {
    expect(sameInputs(a, b)).toBe(same);
    expect(sameInputs(b, a)).toBe(same);
  });
});

describe('reusingViewports', () => {
  /** A view class like deck.gl's: sealed, counting the viewports it makes. */
  class Counting {
    made = 0;
    constructor() {
      Object.seal(this);
    }
    makeViewport(o: ViewportInputs) {
      return { n: ++this.made, zoom: o.viewState['zoom'] };
    }
  }
  const Reusing = reusingViewports(Counting);

  test('the same size and camera hand back the last viewport; a change makes a new one', () => {
    const view = new Reusing();
    const first = view.makeViewport(at({ ...camera }));
    expect(view.makeViewport(at({ ...camera }))).toBe(first);
    const zoomed = view.makeViewport(at({ ...camera, zoom: 6 }));
    expect(zoomed).not.toBe(first);
    expect(zoomed).toEqual({ n: 2, zoom: 6 });
    // Only the last is kept: going back makes a new one.
    expect(view.makeViewport(at({ ...camera }))).toEqual({ n: 3, zoom: 4.6 });
    expect(view.made).toBe(3);
  });

  test('each view keeps its own', () => {
    const a = new Reusing();
    const b = new Reusing();
    a.makeViewport(at(camera));
    expect(b.makeViewport(at(camera))).toEqual({ n: 1, zoom: 4.6 });
    expect(a.makeViewport(at(camera))).toEqual({ n: 1, zoom: 4.6 });
    expect([a.made, b.made]).toEqual([1, 1]);
  });

  test('a caller changing its view state afterwards does not fool it', () => {
    const view = new Reusing();
    const state: Record<string, unknown> = { ...camera };
    view.makeViewport(at(state));
    state['zoom'] = 7;
    expect(view.makeViewport(at(state))).toEqual({ n: 2, zoom: 7 });
  });
});
