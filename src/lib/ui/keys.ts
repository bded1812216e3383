/**
 * Keys that work anywhere on the page (not only on the slider): Space plays and pauses,
 * ←/→ step a month, Shift+←/→ a year, Home/End jump to the ends. Controls that use these keys
 * themselves (buttons, inputs, selects) keep them.
 */
import type { TimelineState } from '../state/timelineState.svelte.ts';

const OWN_KEYS = /^(INPUT|SELECT|TEXTAREA|BUTTON|A|SUMMARY)$/;

/** Handles a window keydown for the timeline; returns true if it did something. */
export function globalKey(e: KeyboardEvent, t: TimelineState): boolean {
  const target = e.target as HTMLElement | null;
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  if (
    target &&
    (OWN_KEYS.test(target.tagName) || target.isContentEditable || target.closest('dialog'))
  )
    return false;
  const step = e.shiftKey ? 12 : 1;
  const actions: Record<string, () => void> = {
    ' ': () => t.toggle(),
    ArrowLeft: () => t.step(-step),
    ArrowRight: () => t.step(step),
    Home: () => t.go(t.min),
    End: () => t.go(t.max),
  };
  const f = actions[e.key];
  if (!f) return false;
  e.preventDefault();
  f();
  return true;
}
