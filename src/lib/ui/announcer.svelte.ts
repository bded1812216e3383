import { untrack } from 'svelte';

/**
 * One polite live region for the page's results (an import, an export, a change of scenario),
 * so a screen reader hears what a sighted reader sees change elsewhere: `announce(text)`. The
 * timeline's steps have their own region (TimelinePanel.svelte), silent while playing.
 */
export const announcer = $state({ text: '', serial: 0 });

/**
 * Says `text` once, even if it is the same as the last thing said. Untracked: called from an
 * effect, its read of `serial` would otherwise make that effect depend on what it writes.
 */
export function announce(text: string): void {
  untrack(() => {
    announcer.text = text;
    announcer.serial++;
  });
}
