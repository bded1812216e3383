/**
 * The keys of a short list of buttons over the page: the timeline's rows of ticks and a grouped
 * tick's list of events (ui/roving.ts), and the chooser of stacked symbols on the map
 * (map/StackChooser.svelte). Pure, so each rule is a row in tests/unit/listKeys.test.ts; the
 * DOM wiring (focus, preventDefault) stays with the callers.
 *
 * Enter and Space are not here: the focused item is a button, and the browser presses it.
 */
import type { KeyPress } from './keyboard.ts';

/** What a key does in a list: focus the item at `to`, or close the list. */
export type ListAction = { kind: 'move'; to: number } | { kind: 'close' };

/** How a list moves. */
export interface ListShape {
  /**
   * 'vertical': ↑ ↓ only, as in a menu, whose ← → belong to no one; 'both': ← ↑ back and
   * → ↓ on, for a row that may wrap over lines.
   */
  axis: 'vertical' | 'both';
  /** Past either end, round to the other (a menu), or stay at the end (a row). */
  wrap: boolean;
}

/** A row of buttons (a roving tabindex): every arrow moves, and the ends stop it. */
export const ROW: ListShape = { axis: 'both', wrap: false };
/** A menu: ↑ ↓ go round it. */
export const MENU: ListShape = { axis: 'vertical', wrap: true };

/**
 * The action for a key with focus on item `index` of `count` (-1: focus is in the list's frame
 * but on none of its items, as on the chooser's close button), or null when the key is not the
 * list's. Escape closes, modified or not. A modified arrow, Home or End is left to the page:
 * Shift+→ is the date's year step.
 */
export function listKey(
  k: KeyPress,
  index: number,
  count: number,
  shape: ListShape,
): ListAction | null {
  if (k.key === 'Escape') return { kind: 'close' };
  if (count === 0 || k.shift || k.ctrl || k.alt || k.meta) return null;
  const last = count - 1;
  const both = shape.axis === 'both';
  let to: number;
  switch (k.key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      if (k.key === 'ArrowLeft' && !both) return null;
      // From outside the items, back means the last one.
      to = index < 0 ? last : index - 1;
      if (to < 0) to = shape.wrap ? last : 0;
      break;
    case 'ArrowRight':
    case 'ArrowDown':
      if (k.key === 'ArrowRight' && !both) return null;
      to = index + 1;
      if (to > last) to = shape.wrap ? 0 : last;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = last;
      break;
    default:
      return null;
  }
  return { kind: 'move', to };
}
