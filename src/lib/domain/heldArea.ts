/**
 * The held areas' geometry (control.ts says what they mean): buffers, hulls, the clip to the
 * country and the merge per group. Apart from control.ts because polygon clipping (turf's
 * intersect and union, on polyclip-ts) weighs about 20 KB gzipped, and the first paint needs
 * none of it: the app loads this module when a town is first held at the date shown.
 */
import circle from '@turf/circle';
import intersect from '@turf/intersect';
import union from '@turf/union';
import { featureCollection, polygon } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { clusters, convexHull, TOWN_BUFFER_KM, TOWN_CORE_KM, type HeldArea } from './control.ts';
import type { ControlPeriod } from './schema.ts';

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
    const inside = clip ? intersect(featureCollection([hull, clip])) : hull;
    const shape = clip
      ? (union(
          featureCollection([
            ...(inside ? [inside] : []),
            ...towns.map((t) => disc(t, TOWN_CORE_KM)),
          ]),
        ) as Feature<Polygon | MultiPolygon> | null)
      : hull;
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
