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
