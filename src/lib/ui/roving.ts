/**
 * A row of buttons that is one Tab stop (the ARIA "roving tabindex"): Tab enters the row at one
 * button, ← → (and ↑ ↓, Home, End) move between its buttons, Tab leaves it. The timeline's rows
 * of 51 event ticks and 17 phase bars were otherwise about 95 Tab stops before the slider.
 *
 * Used as a Svelte action on the row's element: `use:roving={{ start, count }}`. The row's
 * buttons are its `button` descendants, in document order (render them in the order the arrows
 * should follow). Until the reader has moved within the row, the Tab stop is `start` (the
 * timeline passes the item nearest the date shown); after, it is the last one focused.
 */
import { listKey, ROW } from '../domain/listKeys.ts';
import { keyPress } from '../domain/keyboard.ts';

export interface RovingOptions {
  /** The button Tab enters on while the reader has not moved in the row. */
  start: number;
  /** The number of buttons, so a change of data re-applies the Tab stop. */
  count: number;
}

export function roving(node: HTMLElement, options: RovingOptions) {
  let current = options.start;
  let moved = false;
  const items = () => [...node.querySelectorAll<HTMLElement>('button')];

  function apply() {
    const all = items();
    current = Math.max(0, Math.min(current, all.length - 1));
    // Only what changes: the timeline re-applies this on every step of the date.
    all.forEach((el, i) => {
      const tabIndex = i === current ? 0 : -1;
      if (el.tabIndex !== tabIndex) el.tabIndex = tabIndex;
    });
  }

  function onKeydown(e: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const action = listKey(keyPress(e), at, all.length, ROW);
    // Escape is the row's owner's to handle (a grouped tick's list closes on it), left untaken.
    if (action?.kind !== 'move') return;
    const next = action.to;
    // Taken here, so the page's date keys (src/lib/ui/keys.ts) leave it alone.
    e.preventDefault();
    current = next;
    moved = true;
    apply();
    all[next]?.focus();
  }

  function onFocusin(e: FocusEvent) {
    const at = items().indexOf(e.target as HTMLElement);
    if (at < 0 || at === current) return;
    current = at;
    moved = true;
    apply();
  }

  node.addEventListener('keydown', onKeydown);
  node.addEventListener('focusin', onFocusin);
  apply();
  return {
    update(next: RovingOptions) {
      if (!moved) current = next.start;
      apply();
    },
    destroy() {
      node.removeEventListener('keydown', onKeydown);
      node.removeEventListener('focusin', onFocusin);
    },
  };
}
