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
      /** Per imported dataset: events the last frame drew, and when (performance.now()). */
      importedDrawn?: () => { id: string; count: number; at: number }[];
      /** The leader lines drawn now, as [from, to] in longitude and latitude (siteNames.ts). */
      leaders?: () => [[number, number], [number, number]][];
      /** The answers drawn (issue 25): the selected site's ring, the losses and their lines. */
      answers?: () => {
        ring: { id: string; position: [number, number]; px: number } | null;
        hotspotRing: { id: string; position: [number, number] } | null;
        losses: { name: string; km: number | null; site: string | null }[];
        focus: string | null;
      };
      /** Renders a PNG export (no download) and reports its size. */
      exportPng?: (
        preset: string,
        title?: string,
      ) => Promise<{ width: number; height: number; bytes: number; blob: Blob }>;
      /** Renders a PDF or SVG page (no download) and reports its layout's pixel size. */
      exportVector?: (
        format: 'pdf' | 'svg',
        page: string,
        title?: string,
      ) => Promise<{ width: number; height: number; bytes: number; blob: Blob }>;
    };
  }
}
export {};
