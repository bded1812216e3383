/**
 * The map's own keys, in place of MapLibre's keyboard handler (turned off with the documented
 * `keyboard: false` option): that one pans with the plain arrows as soon as the map has focus,
 * and a click on the map gives it focus, so a briefer who clicked a site and pressed → to see
 * the next month moved the map instead. Here the plain arrows stay the date's (src/lib/ui/keys.ts)
 * and the map pans with Ctrl or Alt/Option and the arrows, zooms with + and −, only while the
 * map itself has keyboard focus. The rule is in src/lib/domain/keyboard.ts and in the
 * keyboard shortcuts panel.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mapAction } from '../domain/keyboard.ts';

/** Listens on the map's canvas; returns the function that stops listening. */
export function installMapKeys(map: MapLibreMap): () => void {
  const canvas = map.getCanvas();
  const reduce = matchMedia('(prefers-reduced-motion: reduce)');
  function onKeydown(e: KeyboardEvent) {
    const action = mapAction({
      key: e.key,
      shift: e.shiftKey,
      ctrl: e.ctrlKey,
      alt: e.altKey,
      meta: e.metaKey,
    });
    if (!action) return;
    // Alt+← is the browser's Back: taken only while the map has focus, where it pans.
    e.preventDefault();
    const animate = !reduce.matches;
    if (action.kind === 'pan') map.panBy([action.x, action.y], { animate });
    else map.easeTo({ zoom: map.getZoom() + action.by, animate });
  }
  canvas.addEventListener('keydown', onKeydown);
  return () => canvas.removeEventListener('keydown', onKeydown);
}
