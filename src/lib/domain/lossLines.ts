/**
 * What the map draws for targets that lose cover (a what-if closure, the lost-cover list): each
 * target, and a line from it to the nearest site that stays open, with that distance. The
 * nearest remaining site is looked up with the impact module's site grid (impact.ts), so the
 * map and the lists name the same site and the same kilometres.
 */
import { SiteGrid, type LatLon, type Loss, type Nearest, type Reacher } from './impact.ts';

/** One lost target as drawn: its point, and the line to the nearest remaining site if any. */
export interface LossLine {
  /** The target's key (impact.ts): "hotspot:<id>" or "place:<name>|<province>". */
  key: string;
  kind: 'hotspot' | 'place';
  name: string;
  /** [longitude, latitude] of the target. */
  target: [number, number];
  /** [longitude, latitude] of the nearest remaining site; null when none stays open. */
  site: [number, number] | null;
  siteName: string | null;
  /** Great-circle kilometres to that site, rounded to the kilometre; null with no site. */
  km: number | null;
  /** Where the distance is written: halfway along the line (in degrees, fine at this scale). */
  middle: [number, number] | null;
}

/**
 * The nearest site to `p` among `open` that is not `closing`: the site left to answer once the
 * closing ones have gone. Null when every open site closes.
 */
export function nearestRemaining(
  p: LatLon,
  open: readonly Reacher[],
  closing: ReadonlySet<string>,
): Nearest | null {
  return new SiteGrid([...open]).nearest(p, closing);
}

/** The drawn form of one loss (its `nearest` is already the nearest remaining site). */
export function lossLine(l: Loss): LossLine {
  const t = l.target;
  const target: [number, number] = [t.lon, t.lat];
  const n = l.nearest;
  const site: [number, number] | null = n ? [n.site.lon, n.site.lat] : null;
  return {
    key: t.key,
    kind: t.kind,
    name: t.name,
    target,
    site,
    siteName: n?.site.name ?? null,
    km: n ? Math.round(n.km) : null,
    middle: site ? [(target[0] + site[0]) / 2, (target[1] + site[1]) / 2] : null,
  };
}

/** The drawn form of every loss, in the list's order, each target once. */
export function lossLines(losses: readonly Loss[]): LossLine[] {
  const seen = new Set<string>();
  const out: LossLine[] = [];
  for (const l of losses) {
    if (seen.has(l.target.key)) continue;
    seen.add(l.target.key);
    out.push(lossLine(l));
  }
  return out;
}
