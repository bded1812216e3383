/**
 * The words of the map's controls (MapLibre's zoom, compass and credits buttons, the canvas's
 * name, and the "Whole country" button) in the interface's language. MapLibre takes its words
 * once, as the map's `locale` option (https://maplibre.org/maplibre-gl-js/docs/API/type-aliases/MapOptions/),
 * and writes them into each control as it is added; a switch of language keeps the map, so
 * `relabelControls` puts the new words in the buttons and on the canvas.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { m } from '../../paraglide/messages.js';

/** MapLibre's UI strings that the app shows, by MapLibre's ids. */
export function controlWords(): Record<string, string> {
  return {
    'Map.Title': m.map_title(),
    'NavigationControl.ZoomIn': m.map_zoom_in(),
    'NavigationControl.ZoomOut': m.map_zoom_out(),
    'NavigationControl.ResetBearing': m.map_reset_bearing(),
    'AttributionControl.ToggleAttribution': m.map_toggle_attribution(),
  };
}

/** Where MapLibre wrote each word, as title and accessible name. */
const WRITTEN: readonly [selector: string, id: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** The class of the "Whole country" button (fitControl.ts), named here with its words. */
export const FIT_BUTTON = 'fit-country';

/** Names a button: its tooltip and its accessible name are the same words. */
export function nameButton(el: Element, words: string): void {
  el.setAttribute('title', words);
  el.setAttribute('aria-label', words);
}

/**
 * Gives `map`'s controls the current language's words, in the DOM MapLibre wrote them to (its
 * public containers and canvas): MapLibre has no public way to change its `locale` after the
 * map is made, so a control added after a switch is relabelled by calling this again.
 */
export function relabelControls(map: MapLibreMap, words = controlWords()): void {
  const container = map.getContainer();
  for (const [selector, id] of WRITTEN)
    for (const el of container.querySelectorAll(selector)) nameButton(el, words[id]!);
  for (const el of container.querySelectorAll(`.${FIT_BUTTON}`))
    nameButton(el, m.map_fit_country());
  map.getCanvas().setAttribute('aria-label', words['Map.Title']!);
}
