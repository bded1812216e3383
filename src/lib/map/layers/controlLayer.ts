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

/** The flags' size in pixels: as large as a mid-sized base, readable at the whole country. */
export const TOWN_ICON_PX = 30;

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
    getSize: TOWN_ICON_PX,
    sizeUnits: 'pixels',
    pickable: true,
    getFilterValue: (d: TownDatum) => d.span,
    filterRange: [
      [NEVER_BEFORE, day],
      [day, NEVER_AFTER],
    ],
    extensions: [FILTER_2D],
  });
}

/** The easternmost vertex of a shape: where its name goes. */
function eastOf(shape: Polygon | MultiPolygon): [number, number] {
  const rings =
    shape.type === 'Polygon' ? [shape.coordinates[0]!] : shape.coordinates.map((p) => p[0]!);
  let best: [number, number] = [-Infinity, 0];
  for (const ring of rings) for (const [x, y] of ring) if (x! > best[0]) best = [x!, y!];
  return best;
}

/**
 * The source's data: each group's held area, and a point at its eastern edge with its name in
 * the reader's language (`label(group)`), set again on a switch of language.
 */
export function controlAreaData(
  areas: readonly HeldArea[],
  label: (group: string) => string,
): FeatureCollection<Polygon | MultiPolygon | Point, { group: string; label?: string }> {
  const shapes = heldAreaFeatures(areas).features;
  const names: Feature<Point, { group: string; label: string }>[] = shapes.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: eastOf(f.geometry) },
    properties: { group: f.properties.group, label: label(f.properties.group) },
  }));
  return { type: 'FeatureCollection', features: [...shapes, ...names] };
}
