import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { EventPoints } from '../lib/map/layers/eventPoints.ts';
import type { FrameCache } from '../lib/map/frameCache.ts';

declare global {
  interface Window {
    /** Handles for browser tests and the benchmark (pattern: MIERUNE's window.__map). */
    __drawdown?: {
      map: MapLibreMap;
      overlay: MapboxOverlay | null;
      /** The base-picture cache (frameCache.ts); null if this maplibre-gl lacks its hooks. */
      frameCache: FrameCache | null;
      setEventPoints?: (p: EventPoints | null) => void;
      /** Renders a PNG export (no download) and reports its size. */
      exportPng?: (
        preset: string,
        title?: string,
      ) => Promise<{ width: number; height: number; bytes: number }>;
    };
  }
}
export {};
