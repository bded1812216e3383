/**
 * Dated point events (imported ACLED or UCDP rows, or the benchmark's synthetic ones) as
 * binary attributes. Only events in the window before the day are drawn; the rest are
 * discarded in the vertex shader by the data filter, so they cost no fragments.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';

export interface EventPoints {
  length: number;
  /** lon, lat pairs. */
  positions: Float32Array;
  /** Day numbers. */
  days: Float32Array;
}

const FILTER_1D = new DataFilterExtension({ filterSize: 1 });

/** Events from `windowDays` before the day up to the day. */
export function eventPointsLayer(points: EventPoints, day: number, windowDays = 90) {
  return new ScatterplotLayer<unknown, DataFilterExtensionProps & { beforeId: string }>({
    id: 'event-points',
    beforeId: 'rivers',
    data: {
      length: points.length,
      attributes: {
        getPosition: { value: points.positions, size: 2 },
        getFilterValue: { value: points.days, size: 1 },
      },
    },
    getRadius: 2.5,
    radiusUnits: 'pixels',
    getFillColor: [120, 40, 20, 160],
    filterRange: [day - windowDays, day],
    extensions: [FILTER_1D],
  });
}
