/**
 * The app's one deck.gl overlay, interleaved so data layers draw between MapLibre layers.
 * Loaded on demand: deck.gl is not needed for the first paint of the base map.
 * Docs: https://deck.gl/docs/api-reference/maplibre/maplibre-overlay
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';

/** Adds the interleaved overlay to the map and resolves with it, ready for setProps({layers}). */
export async function attachOverlay(map: MapLibreMap): Promise<MapLibreOverlay> {
  const { MapLibreOverlay } = await import('@deck.gl/maplibre');
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    // deck.gl picks (hover, click) with its own copy of the camera, which follows the map's
    // 'move' events only once deck.gl has started. A jump made while it started (a shared
    // link's view, applied from the URL) left picking on the old view until the next pan, so
    // the map announces its camera once more, with a jump to where it already is.
    onLoad: () => queueMicrotask(() => map.jumpTo({ center: map.getCenter() })),
  });
  map.addControl(overlay);
  return overlay;
}
