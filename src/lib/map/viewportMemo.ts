/**
 * @deck.gl/mapbox asks deck.gl's view for a new viewport on every frame the map draws, and
 * making one is ~0.1 ms of matrix work on the benchmark machine, a tenth of a timeline step's
 * map frame, although a step never moves the camera. deck.gl's viewports are values, never
 * changed once made, so for the same size and camera the view can hand back the one it made
 * last (measured in-page: the step's map frame 1.42 → 1.30 ms).
 */

/** What a view makes a viewport from: a size and a camera (the map's view state). */
export interface ViewportInputs {
  width: number;
  height: number;
  viewState: Record<string, unknown>;
}

/** The same own keys, with values equal by `eq`. */
function sameEntries(a: object, b: object, eq: (x: unknown, y: unknown) => boolean): boolean {
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        eq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** Plain values equal, or plain objects (a padding) with equal values, key for key. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return Array.isArray(a) === Array.isArray(b) && sameEntries(a, b, (x, y) => x === y);
}

/**
 * Whether two requests would make the same viewport: the same size, and a view state with the
 * same keys and values (one level of nesting, such as the map's padding, compared by value).
 */
export function sameInputs(a: ViewportInputs, b: ViewportInputs): boolean {
  return (
    a.width === b.width && a.height === b.height && sameEntries(a.viewState, b.viewState, sameValue)
  );
}

// A mixin's base: TypeScript requires its constructor to take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ViewClass = abstract new (...args: any[]) => { makeViewport(o: ViewportInputs): unknown };

/**
 * A subclass of the view class `Base` whose views hand back their last viewport while the size
 * and camera stay the same. (deck.gl seals its views, so the method cannot be replaced on one;
 * a view's own props are fixed for its life: deck.gl makes a new view to change them.)
 */
export function reusingViewports<C extends ViewClass>(Base: C): C {
  const last = new WeakMap<object, { inputs: ViewportInputs; viewport: unknown }>();
  abstract class Reusing extends Base {
    override makeViewport(o: ViewportInputs): unknown {
      const kept = last.get(this);
      if (kept && sameInputs(kept.inputs, o)) return kept.viewport;
      const viewport = super.makeViewport(o);
      // A copy: the caller may change its object afterwards.
      last.set(this, {
        inputs: { width: o.width, height: o.height, viewState: { ...o.viewState } },
        viewport,
      });
      return viewport;
    }
  }
  return Reusing;
}
