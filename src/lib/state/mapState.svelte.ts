/**
 * The map and its single deck.gl overlay, shared by context (pattern: MIERUNE
 * svelte-maplibre-gl prepareMapContext/getMapContext). $state.raw: never proxy a Map.
 */
import { createContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Boundaries } from '../data/boundaries.ts';

export type MapStatus = 'loading' | 'ready' | 'error';

export class MapState {
  map = $state.raw<MapLibreMap | null>(null);
  overlay = $state.raw<MapboxOverlay | null>(null);
  status = $state<MapStatus>('loading');
  error = $state<string | null>(null);
  /** The decoded boundaries, shared with the scenario loader's location checks. */
  boundaries = $state.raw<Boundaries | null>(null);
}

const [get, set] = createContext<MapState>();

/** Creates the state for this component tree. Call once, in App. */
export function prepareMapState(): MapState {
  return set(new MapState());
}

/** The state of the enclosing tree; Svelte throws if prepareMapState was not called above. */
export const getMapState = get;
