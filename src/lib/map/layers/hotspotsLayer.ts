/** Armed-group hotspots as translucent areas: radius from the data, colour by group family. */
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { NEVER_AFTER, NEVER_BEFORE, type HotspotDatum } from './prepare.ts';

const FILTER_2D = new DataFilterExtension({ filterSize: 2 });

/** Hotspots active on the day; drawn under rivers and borders so the map stays readable. */
export function hotspotsLayer(data: HotspotDatum[], day: number) {
  return new ScatterplotLayer<
    HotspotDatum,
    DataFilterExtensionProps<HotspotDatum> & { beforeId: string }
  >({
    id: 'hotspots',
    beforeId: 'rivers',
    data,
    getPosition: (d) => d.position,
    getRadius: (d) => d.hotspot.radius_km * 1000,
    radiusUnits: 'meters',
    getFillColor: (d) => d.fill,
    getLineColor: (d) => d.line,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: true,
    getFilterValue: (d: HotspotDatum) => d.span,
    filterRange: [
      [NEVER_BEFORE, day],
      [day, NEVER_AFTER],
    ],
    extensions: [FILTER_2D],
  });
}
