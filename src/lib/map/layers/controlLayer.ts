/**
 * Armed-group control (the `control` layer): each held town as a flag, drawn by deck.gl so it
 * can be hovered for its dates and sources, shown on the GPU while the day is in its period;
 * and the held area as MapLibre layers (a hatched fill, its outline, its name), whose source
 * is set only when the set of held towns changes (DataLayers.svelte), never on a quiet step.
 * Those layers are part of the base style (controlStyle.ts); this module fills their source.
 */
import { IconLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { controlSpan, type HeldArea } from '../../domain/control.ts';
import { heldAreaFeatures } from '../../domain/heldArea.ts';
import type { ControlPeriod } from '../../domain/schema.ts';
import { iconAtlasOf, type Atlas } from '../symbols.ts';
import { NEVER_AFTER, NEVER_BEFORE } from './prepare.ts';

/** A held town, ready to draw: its period, point and span as finite floats for the filter. */
export interface TownDatum {
  period: ControlPeriod;
  position: [number, number];
  span: [number, number];
}

/**
 * The flags' size: TOWN_ICON_M on the ground, between TOWN_ICON_MIN_PX and TOWN_ICON_MAX_PX on
 * screen. At the whole-country view the towns of a front lie a few pixels apart, and full-size
 * flags there hid the held area under them; zoomed in, they grow to a mid-sized base's size.
 */
export const TOWN_ICON_M = 12_000;
export const TOWN_ICON_MIN_PX = 22;
export const TOWN_ICON_MAX_PX = 30;

const FILTER_2D = new DataFilterExtension({ filterSize: 2 });

/** Every period of control.csv, once per scenario: a step moves the filter, not the data. */
export function prepareTowns(periods: readonly ControlPeriod[]): TownDatum[] {
  return periods.map((p) => {
    const [a, b] = controlSpan(p);
    return {
      period: p,
      position: [p.lon, p.lat],
      span: [Math.max(a, NEVER_BEFORE), Math.min(b, NEVER_AFTER)],
    };
  });
}

/** The held towns at a day: a flag on each town held then. Above the sites, so never hidden. */
export function controlTownsLayer(
  data: TownDatum[],
  day: number,
  atlas: Pick<Atlas, 'canvas' | 'mapping'>,
) {
  return new IconLayer<TownDatum, DataFilterExtensionProps<TownDatum>>({
    id: 'control-towns',
    data,
    iconAtlas: iconAtlasOf(atlas),
    iconMapping: atlas.mapping,
    getIcon: () => 'held',
    getPosition: (d) => d.position,
    getSize: TOWN_ICON_M,
    sizeUnits: 'meters',
    sizeMinPixels: TOWN_ICON_MIN_PX,
    sizeMaxPixels: TOWN_ICON_MAX_PX,
    pickable: true,
    getFilterValue: (d: TownDatum) => d.span,
    filterRange: [
      [NEVER_BEFORE, day],
      [day, NEVER_AFTER],
    ],
    extensions: [FILTER_2D],
  });
}

/**
 * Where a shape's name goes: level with the easternmost point of its outline in the middle
 * third of its height (beside the area's waist, not a far corner), and as far east as the
 * shape reaches, so the name starts clear of every flag and base inside it.
 */
function eastOf(shape: Polygon | MultiPolygon): [number, number] {
  const rings =
    shape.type === 'Polygon' ? [shape.coordinates[0]!] : shape.coordinates.map((p) => p[0]!);
  const points = rings.flat();
  const ys = points.map((p) => p[1]!);
  const [south, north] = [Math.min(...ys), Math.max(...ys)];
  const [lo, hi] = [south + (north - south) / 3, north - (north - south) / 3];
  let waist: [number, number] = [-Infinity, (south + north) / 2];
  for (const [x, y] of points) if (y! >= lo && y! <= hi && x! > waist[0]) waist = [x!, y!];
  return [Math.max(...points.map((p) => p[0]!)), waist[1]];
}

/** An area's name and where it stands: the middle of the area's eastern side. */
export interface AreaName {
  group: string;
  label: string;
  at: [number, number];
}

/** The areas as drawn, one feature per group (heldAreaFeatures). */
export type AreaShapes = FeatureCollection<Polygon | MultiPolygon, { group: string }>;

/** The areas to draw: worked out once per change of the held towns. */
export const controlAreaShapes = (areas: readonly HeldArea[]): AreaShapes =>
  heldAreaFeatures(areas);

/** Each group's area name, in the reader's language (`label(group)`). */
export function controlAreaNames(shapes: AreaShapes, label: (group: string) => string): AreaName[] {
  return shapes.features.map((f) => ({
    group: f.properties.group,
    label: label(f.properties.group),
    at: eastOf(f.geometry),
  }));
}

/** The source's data: each group's held area, and a point with its name (controlAreaNames). */
export function controlAreaData(
  shapes: AreaShapes,
  names: readonly AreaName[],
): FeatureCollection<Polygon | MultiPolygon | Point, { group: string; label?: string }> {
  const points: Feature<Point, { group: string; label: string }>[] = names.map((n) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: n.at },
    properties: { group: n.group, label: n.label },
  }));
  return { type: 'FeatureCollection', features: [...shapes.features, ...points] };
}
