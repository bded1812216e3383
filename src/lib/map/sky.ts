/**
 * MapLibre 5 draws its sky as a quad over the whole canvas on every frame, even when, as here,
 * the map can never be pitched and no sky can show. Under a software renderer (SwiftShader,
 * on the benchmark machine) that quad alone costs about 19 ms a frame, so it is skipped.
 *
 * This reaches into the painter, which is not public API: maplibre-gl is pinned (5.24.1), and
 * if a later version moves the painter this does nothing and the map still draws correctly.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface PainterLike {
  drawFunctions?: Record<string, unknown>;
}

/** Stops the map drawing its (never visible) sky. Returns whether it could. */
export function skipSky(map: MapLibreMap): boolean {
  if (map.getMaxPitch() > 0) return false;
  const painter = (map as unknown as { painter?: PainterLike }).painter;
  if (typeof painter?.drawFunctions?.['sky'] !== 'function') return false;
  // A copy: the table may be shared with other maps on the page.
  painter.drawFunctions = { ...painter.drawFunctions, sky: () => {} };
  return true;
}
