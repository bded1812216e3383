/**
 * The keyboard rules, as pure functions over plain descriptions of a key and of the focused
 * element, so each rule is a row in a table test (tests/unit/keyboard.test.ts). The DOM wiring
 * is in src/lib/ui/keys.ts (the timeline's keys) and src/lib/map/mapKeys.ts (the map's own keys);
 * the keys within a list of buttons are in listKeys.ts.
 *
 * The rule a briefer relies on: ← → (Shift: a year), Home, End and Space move the date wherever
 * focus is (after a click on the map, a site, Pause, a checkbox or a menu), except where the
 * focused control needs the key itself to work:
 * - a text field, a text area or an editable region keeps every key (it edits text);
 * - a slider keeps its arrows, Home and End (the timeline's own slider steps the date anyway);
 * - a radio button keeps its arrows (they choose within the group);
 * - a menu (`<select>`) keeps ↑ ↓, Home, End and Space, which choose or open it; ← → still
 *   move the date, so a click on the plan menu does not take the date keys away;
 * - a button, a link, a checkbox or a disclosure keeps Space and Enter, which press it;
 * - an open dialog keeps every key: nothing moves behind it.
 * The map pans with Ctrl (or Alt/Option) and the arrows, only while it has keyboard focus, and
 * zooms with + and −; plain arrows never pan it, so a click on the map keeps them for the date.
 */

/** What the timeline does for a key, or null when the key is not one of its. */
export type TimelineAction =
  { kind: 'toggle' } | { kind: 'step'; months: number } | { kind: 'start' } | { kind: 'end' };

export interface KeyPress {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
}

/** The timeline's keys. A modifier other than Shift leaves the key to the browser or the map. */
export function timelineAction(k: KeyPress): TimelineAction | null {
  if (k.ctrl || k.alt || k.meta) return null;
  switch (k.key) {
    case ' ':
      return k.shift ? null : { kind: 'toggle' };
    case 'ArrowLeft':
      return { kind: 'step', months: k.shift ? -12 : -1 };
    case 'ArrowRight':
      return { kind: 'step', months: k.shift ? 12 : 1 };
    case 'Home':
      return { kind: 'start' };
    case 'End':
      return { kind: 'end' };
    default:
      return null;
  }
}

/** The focused element as the rules see it. */
export interface Focused {
  /** Upper-case tag name, as the DOM gives it. */
  tag: string;
  /** An input's type, lower case (`text` when absent). */
  type?: string;
  /** Its ARIA role, when it has one. */
  role?: string;
  editable?: boolean;
  /** Inside an open dialog. */
  inDialog?: boolean;
}

/** Input types that edit text, numbers or dates: every key is theirs. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
]);
const PRESSABLE_INPUTS = new Set([
  'checkbox',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'color',
]);
/** Roles whose widgets move with the arrows themselves (ARIA Authoring Practices). */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'radio',
  'tab',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'option',
  'treeitem',
  'gridcell',
  'textbox',
  'combobox',
  'listbox',
]);

/** Whether the focused element needs `key` itself, so the page must leave it alone. */
export function keepsKey(f: Focused, key: string): boolean {
  if (f.inDialog || f.editable || f.tag === 'TEXTAREA') return true;
  if (f.role && ARROW_ROLES.has(f.role)) return true;
  const arrowsOrEnds = key.startsWith('Arrow') || key === 'Home' || key === 'End';
  if (f.tag === 'INPUT') {
    const type = f.type || 'text';
    if (TEXT_INPUTS.has(type)) return true;
    if (type === 'range') return arrowsOrEnds || key === ' ';
    if (type === 'radio') return key.startsWith('Arrow') || key === ' ';
    if (PRESSABLE_INPUTS.has(type)) return key === ' ' || key === 'Enter';
    return true;
  }
  if (f.tag === 'SELECT') return key !== 'ArrowLeft' && key !== 'ArrowRight';
  if (f.tag === 'BUTTON' || f.tag === 'A' || f.tag === 'SUMMARY' || f.role === 'button')
    return key === ' ' || key === 'Enter';
  return false;
}

/** What the map does for a key while it has keyboard focus. */
export type MapAction = { kind: 'pan'; x: number; y: number } | { kind: 'zoom'; by: number };

/** Pixels a pan moves: a tenth of a 1280-px screen, as MapLibre's own keyboard handler does. */
export const PAN_STEP = 100;

/** The map's keys: Ctrl or Alt with an arrow pans (Shift: three times as far); + and − zoom. */
export function mapAction(k: KeyPress): MapAction | null {
  if (k.meta) return null;
  if (!k.ctrl && !k.alt) {
    if (k.key === '+' || k.key === '=') return { kind: 'zoom', by: 1 };
    if (k.key === '-' || k.key === '_') return { kind: 'zoom', by: -1 };
    return null;
  }
  const d = k.shift ? PAN_STEP * 3 : PAN_STEP;
  switch (k.key) {
    case 'ArrowLeft':
      return { kind: 'pan', x: -d, y: 0 };
    case 'ArrowRight':
      return { kind: 'pan', x: d, y: 0 };
    case 'ArrowUp':
      return { kind: 'pan', x: 0, y: -d };
    case 'ArrowDown':
      return { kind: 'pan', x: 0, y: d };
    default:
      return null;
  }
}

/** A keyboard event as the pure keyboard rules take it. */
export function keyPress(e: KeyboardEvent): KeyPress {
  return { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey };
}
