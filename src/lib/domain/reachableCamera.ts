/**
 * A link's camera as the map can show it. The map limits where it goes (MapView.svelte:
 * maxBounds, minZoom, maxZoom); the app only ever writes a camera within them, so one outside
 * comes from a hand-edited or mangled link, and is not shown as an empty corner of the world.
 */
import type { Camera } from './savedView.ts';

/** What the map can show: the box its centre stays in, [west, south, east, north], and zooms. */
export interface CameraLimits {
  bounds: [number, number, number, number] | null;
  minZoom: number;
  maxZoom: number;
}

/**
 * The camera within `limits`: the zoom clamped to the map's range; null (show the whole
 * country) if the centre lies where the map cannot go, since clamping it would only move it to
 * the nearest edge of the context map, far from anything the app shows.
 */
export function reachableCamera(camera: Camera, limits: CameraLimits): Camera | null {
  const [lon, lat, zoom] = camera;
  const b = limits.bounds;
  if (b && (lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3])) return null;
  return [lon, lat, Math.min(limits.maxZoom, Math.max(limits.minZoom, zoom))];
}
