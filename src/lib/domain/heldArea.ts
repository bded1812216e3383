/**
 * The held areas' geometry (control.ts says what they mean): buffers, hulls, the clip to the
 * country and the merge per group. Apart from control.ts because polygon clipping (turf's
 * intersect and union, on polyclip-ts) weighs about 20 KB gzipped, and the first paint needs
 * none of it: the app loads this module when a town is first held at the date shown.
 */
import bbox from '@turf/bbox';
import bboxClip from '@turf/bbox-clip';
import circle from '@turf/circle';
import intersect from '@turf/intersect';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import union from '@turf/union';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { clusters, convexHull, TOWN_BUFFER_KM, TOWN_CORE_KM, type HeldArea } from './control.ts';
import type { ControlPeriod } from './schema.ts';

/** The margin round a hull's box when the country's outline is cut to it, in degrees. */
const CLIP_MARGIN_DEG = 0.1;

const padded = ([w, s, e, n]: number[], d: number): [number, number, number, number] => [
  w! - d,
  s! - d,
  e! + d,
  n! + d,
];

/**
 * The outline cut to a box, without the empty rings bboxClip leaves of the parts outside it
 * (polygon clipping refuses a ring of fewer than four points); null if nothing is left.
 */
function clippedTo(
  f: Feature<Polygon | MultiPolygon>,
  box: [number, number, number, number],
): Feature<MultiPolygon> | null {
  const g = bboxClip(f, box).geometry as Polygon | MultiPolygon;
  const all: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const polys = all
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return polys.length ? multiPolygon(polys) : null;
}

/** Circle vertices per town buffer: a smooth outline at the whole-country view, few vertices. */
const DISC_STEPS = 32;

/**
 * The held areas on a day from the towns held then: per group, each chain of nearby towns
 * (clusters) becomes the hull of their TOWN_BUFFER_KM discs, a lone town its disc. `clip` (the
 * country's outline) keeps the areas inside it, a group holding a border town holding nothing
 * across the border, but for each town's TOWN_CORE_KM core, which the outline is too coarse to
 * place on the right side.
 */
export function heldAreas(
  held: readonly ControlPeriod[],
  clip?: Feature<Polygon | MultiPolygon>,
): HeldArea[] {
  const disc = (t: ControlPeriod, km: number) =>
    circle([t.lon, t.lat], km, { steps: DISC_STEPS, units: 'kilometers' });
  const out: HeldArea[] = [];
  for (const towns of clusters(held)) {
    const vertices = towns.flatMap((t) => disc(t, TOWN_BUFFER_KM).geometry.coordinates[0]!);
    const hull: Feature<Polygon | MultiPolygon> = polygon([convexHull(vertices)]);
    // The country's outline cut first to the hull's box (and a margin): a handful of its
    // thousands of vertices, so the intersection costs a few milliseconds, not tens, each time
    // the held towns change during a replay.
    const near = clip ? clippedTo(clip, padded(bbox(hull), CLIP_MARGIN_DEG)) : null;
    const inside = near ? intersect(featureCollection([hull, near])) : hull;
    // A town's core is added back only where the coarse outline may have cut it: a town
    // within TOWN_CORE_KM of the border, or outside it. Elsewhere the core is inside already,
    // and a union per town would cost more than all the rest.
    const edge = near
      ? towns.filter(
          (t) =>
            pointToPolygonDistance([t.lon, t.lat], near, { units: 'kilometers' }) > -TOWN_CORE_KM,
        )
      : [];
    const shape = !clip
      ? hull
      : edge.length
        ? (union(
            featureCollection([
              ...(inside ? [inside] : []),
              ...edge.map((t) => disc(t, TOWN_CORE_KM)),
            ]),
          ) as Feature<Polygon | MultiPolygon> | null)
        : inside;
    if (shape) out.push({ group: towns[0]!.group, towns, shape });
  }
  return out;
}

/** The areas as the map draws them: one feature per group (its areas merged), with its name. */
export function heldAreaFeatures(
  areas: readonly HeldArea[],
): FeatureCollection<Polygon | MultiPolygon, { group: string }> {
  const groups = [...new Set(areas.map((a) => a.group))];
  return featureCollection(
    groups.flatMap((group) => {
      const shapes = areas.filter((a) => a.group === group).map((a) => a.shape);
      const merged =
        shapes.length > 1
          ? (union(featureCollection(shapes)) as Feature<Polygon | MultiPolygon> | null)
          : shapes[0]!;
      return merged ? [{ ...merged, properties: { group } }] : [];
    }),
  );
}
