/**
 * The app's one deck.gl overlay, interleaved so data layers draw between MapLibre layers.
 * Loaded on demand: deck.gl is not needed for the first paint of the base map.
 * Docs: https://deck.gl/docs/api-reference/mapbox/mapbox-overlay
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';

/** Frames to wait for deck.gl to start (its WebGL set-up) before giving up: about 10 s. */
const START_FRAMES = 600;

/**
 * deck.gl draws with MapLibre's camera, but picks (hover, click) with its own copy, which it
 * updates on the map's 'move' events once it has started. A jump made while it was starting,
 * such as the view of a shared link applied from the URL, left picking on the old view until
 * the next pan: hovering a site showed what lay under the pointer in the old view. So, once
 * deck.gl has started, the map announces its camera once more. (`map.__deck` is where
 * @deck.gl/mapbox keeps the interleaved instance.)
 */
async function announceCameraOnceStarted(map: MapLibreMap) {
  const deck = () => (map as unknown as { __deck?: { isInitialized?: boolean } | null }).__deck;
  for (let i = 0; i < START_FRAMES && !deck()?.isInitialized; i++)
    await new Promise((r) => requestAnimationFrame(r));
  if (deck()?.isInitialized) map.fire('move');
}

/** Adds the interleaved overlay to the map and resolves with it, ready for setProps({layers}). */
export async function attachOverlay(map: MapLibreMap): Promise<MapboxOverlay> {
  const { MapboxOverlay } = await import('@deck.gl/mapbox');
  const overlay = new MapboxOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  void announceCameraOnceStarted(map);
  return overlay;
}
