/**
 * What a deck.gl layer draws, stated by the layer as a string prop, `contentKey`. The frame
 * cache keeps a deck.gl group as a picture while its layers' keys stay the same (overlay.ts,
 * keepGroups), so a key must change whenever the layer's pixels would, for the same camera:
 * its data, its other props, and what the GPU filter shows at the day. A layer without a key
 * is drawn on every frame.
 */

const ids = new WeakMap<object, number>();
let last = 0;

/** A number for an object (a layer's data array), the same for as long as it lives. */
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++last));
  return id;
}

/** The key a layer's props state, or null if none. */
export const contentKeyOf = (props: object): string | null => {
  const key = (props as { contentKey?: unknown }).contentKey;
  return typeof key === 'string' ? key : null;
};

/** Whether a day lies in [first, last]: the GPU filter's test (DataFilterExtension). */
export const inSpan = (span: readonly [number, number], day: number) =>
  span[0] <= day && day <= span[1];

/**
 * The entries shown, by index: `at(i)` is false if entry i is hidden, true if shown as it is,
 * or a string for how it shows otherwise (a fading site: how far into its fade).
 */
export function shownKey(count: number, at: (i: number) => boolean | string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = at(i);
    if (s === true) out.push(String(i));
    else if (s !== false) out.push(`${i}~${s}`);
  }
  return out.join(',');
}

/** A layer as far as keeping it goes: its id and props. */
interface Keyed {
  id: string;
  props: object;
}

/**
 * The layers to give deck.gl: each new one, or the one already given if it has the same id and
 * states the same key. A key says everything a layer draws (see the top of this file), so such
 * a layer draws what the new one would; kept, deck.gl has nothing to update, and a step that
 * changes no layer's key (a quiet month) leaves the layers as they are. Returns `previous`
 * itself when every layer is kept, in the same order.
 */
export function keepUnchanged<T extends Keyed>(previous: readonly T[], next: T[]): readonly T[] {
  const before = new Map(previous.map((l) => [l.id, l]));
  const out = next.map((l) => {
    const old = before.get(l.id);
    const key = contentKeyOf(l.props);
    return old && key !== null && contentKeyOf(old.props) === key ? old : l;
  });
  return out.length === previous.length && out.every((l, i) => l === previous[i]) ? previous : out;
}
