/**
 * Which layer keys the legend folds to a single row of symbols so that it fits on screen.
 *
 * On a 1280 × 800 laptop or projector the legend with every key open is ~735 px tall with
 * ~490 px of room: the last toggles ("Closed sites", "Site labels") sat below a scroll, out of
 * a briefer's sight. So keys fold, in an order from the least needed to read the map, until
 * the legend fits; on a tall screen none do. A key the user opened or folded keeps that state.
 */

/** A visible layer's key, measured: its height open, and folded to one row. */
export interface KeySize<Id extends string = string> {
  id: Id;
  open: number;
  folded: number;
}

export interface FitInput<Id extends string> {
  /** The legend's room: its maximum height. */
  room: number;
  /** The height of everything but the keys (title, toggles, padding). */
  fixed: number;
  keys: readonly KeySize<Id>[];
  /** Which keys fold first: the first is the least needed. */
  order: readonly Id[];
  /** The user's own choices: true for a key they opened, false for one they folded. */
  chosen: ReadonlyMap<Id, boolean>;
}

/** The keys to show folded: those the user folded, then as few others as make the legend fit. */
export function keysToFold<Id extends string>({
  room,
  fixed,
  keys,
  order,
  chosen,
}: FitInput<Id>): Set<Id> {
  const folded = new Set(keys.filter((k) => chosen.get(k.id) === false).map((k) => k.id));
  let total = fixed + keys.reduce((s, k) => s + (folded.has(k.id) ? k.folded : k.open), 0);
  for (const id of order) {
    if (total <= room) break;
    const key = keys.find((k) => k.id === id);
    if (!key || chosen.has(id) || key.open <= key.folded) continue;
    folded.add(id);
    total -= key.open - key.folded;
  }
  // Folding a big key late may leave room for a small one folded before it: open those again,
  // the most needed first.
  for (const id of [...order].reverse()) {
    const key = keys.find((k) => k.id === id);
    if (!key || chosen.has(id) || !folded.has(id)) continue;
    if (total + key.open - key.folded > room) continue;
    folded.delete(id);
    total += key.open - key.folded;
  }
  return folded;
}
