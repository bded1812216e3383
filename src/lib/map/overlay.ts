/**
 * The app's one deck.gl overlay, interleaved so data layers draw between MapLibre layers.
 * Loaded on demand: deck.gl is not needed for the first paint of the base map.
 * Docs: https://deck.gl/docs/api-reference/mapbox/mapbox-overlay
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';

/** Adds the interleaved overlay to the map and resolves with it, ready for setProps({layers}). */
export async function attachOverlay(map: MapLibreMap): Promise<MapboxOverlay> {
  const { MapboxOverlay } = await import('@deck.gl/mapbox');
  const overlay = new MapboxOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  return overlay;
}
