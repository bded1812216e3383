/**
 * The imported event under the pointer: the nearest shown event of the window within a radius.
 * A plain scan of the window's index range, not a spatial index: a 3-month window of a
 * million events spread over eight years is some 30,000 events, a tenth of a millisecond; the
 * whole million takes a few milliseconds, once a frame at most, and needs no index built on
 * the page's thread at import.
 */
import type { EventColumns } from './types.ts';

/**
 * The index of the nearest event in [lo, hi) whose `shown` flag is set, within `radius` degrees
 * of longitude of (lon, lat); -1 if none. `latScale` stretches latitude as the map does (Web
 * Mercator: 1/cos(latitude), 1.03 at the DRC's southern tip). Later events win ties, so the
 * most recent of a stack of events at one place is the one shown.
 */
export function nearestEvent(
  c: EventColumns,
  lo: number,
  hi: number,
  shown: Uint8Array | null,
  lon: number,
  lat: number,
  radius: number,
  latScale = 1,
): number {
  let best = -1;
  let bestD = radius * radius;
  const p = c.positions;
  for (let i = lo; i < hi; i++) {
    if (shown && !shown[i]) continue;
    const dx = p[i * 2]! - lon;
    const dy = (p[i * 2 + 1]! - lat) * latScale;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
