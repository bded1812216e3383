/**
 * The map, its single deck.gl overlay and the boundaries they draw, shared by context (pattern:
 * MIERUNE svelte-maplibre-gl prepareMapContext/getMapContext). $state.raw: never proxy a Map.
 * The boundaries load here, not with the map: the scenario's location checks, the tables and
 * the impact panel need them, with or without WebGL.
 */
import { createContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { loadBoundaries, type Boundaries } from '../data/boundaries.ts';
import provincesUrl from '../../../data/boundaries/provinces.topo.json?url';
import contextUrl from '../../../data/boundaries/context.topo.json?url';

/** `unavailable`: this browser gives the page no WebGL2, so there is no map to draw. */
export type MapStatus = 'loading' | 'ready' | 'unavailable' | 'error';

export class MapState {
  map = $state.raw<MapLibreMap | null>(null);
  overlay = $state.raw<MapLibreOverlay | null>(null);
  status = $state<MapStatus>('loading');
  error = $state<string | null>(null);
  /** The GPU context is lost: the map shows nothing until a new one is drawn. */
  contextLost = $state(false);
  /** Bumped to draw the map anew, on a new canvas (after a lost GPU context). */
  generation = $state(0);
  /** The decoded boundaries, shared with the scenario loader's location checks. */
  boundaries = $state.raw<Boundaries | null>(null);

  /** Loads the bundled boundaries; a failure is the map's load error. */
  async loadBoundaries(signal?: AbortSignal): Promise<void> {
    try {
      this.boundaries = await loadBoundaries(
        { provinces: provincesUrl, context: contextUrl },
        signal,
      );
    } catch (err) {
      if (signal?.aborted) return;
      this.status = 'error';
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}

/** Whether this browser gives a page a WebGL2 context (the map and deck.gl need one). */
export function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    // Give the probe's context back at once: browsers cap the live contexts a page may hold.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

const [get, set] = createContext<MapState>();

/** Creates the state for this component tree. Call once, in App. */
export function prepareMapState(): MapState {
  return set(new MapState());
}

/** The state of the enclosing tree; Svelte throws if prepareMapState was not called above. */
export const getMapState = get;
