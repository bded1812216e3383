import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { EventPoints } from '../lib/map/layers/eventPoints.ts';

declare global {
  interface Window {
    /** Handles for browser tests and the benchmark (pattern: MIERUNE's window.__map). */
    __drawdown?: {
      map: MapLibreMap;
      overlay: MapLibreOverlay | null;
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
