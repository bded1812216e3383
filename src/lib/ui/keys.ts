/**
 * The timeline's keys on the whole page (the rules are in src/lib/domain/keyboard.ts): ← → step
 * a month (Shift: a year), Home and End jump to the ends, Space plays and pauses, wherever focus
 * is, unless the focused control needs the key itself or a dialog is open.
 */
import { keepsKey, keyPress, timelineAction, type Focused } from '../domain/keyboard.ts';
import type { TimelineState } from '../state/timelineState.svelte.ts';

/** The focused element as the keyboard rules describe it. */
export function describeFocused(el: Element | null): Focused {
  if (!(el instanceof HTMLElement)) return { tag: 'BODY' };
  return {
    tag: el.tagName,
    type: el instanceof HTMLInputElement ? el.type : undefined,
    role: el.getAttribute('role') ?? undefined,
    editable: el.isContentEditable,
    inDialog: !!el.closest('dialog[open]'),
  };
}

/** Handles a window keydown for the timeline; returns true if it did something. */
export function globalKey(e: KeyboardEvent, t: TimelineState): boolean {
  if (e.defaultPrevented) return false;
  const action = timelineAction(keyPress(e));
  if (!action) return false;
  // A modal dialog makes the page behind it inert: its keys are its own wherever focus is.
  if (document.querySelector('dialog[open]:modal')) return false;
  if (keepsKey(describeFocused(e.target as Element | null), e.key)) return false;
  e.preventDefault();
  if (action.kind === 'toggle') t.toggle();
  else if (action.kind === 'step') t.step(action.months);
  else t.go(action.kind === 'start' ? t.min : t.max);
  return true;
}
