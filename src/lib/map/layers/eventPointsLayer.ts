/**
 * Dated point events as a deck.gl layer that scales with the window, not with the data.
 *
 * The events are sorted by day once (eventPoints.ts) and uploaded to the GPU once. A date step
 * only finds the window's slice with two binary searches and points the draw at it (a first
 * vertex and a count, dotLayer.ts): no array is rebuilt or re-uploaded, and events outside the
 * window cost neither vertices nor fragments. A GPU data filter would still run the vertex
 * shader for every event on every frame, which under a software renderer costs ~0.7 s per
 * frame at 100k events.
 */
import { CompositeLayer, type DefaultProps, type UpdateParameters } from '@deck.gl/core';
import type { Buffer } from '@luma.gl/core';
import { windowSlice, type EventPoints } from './eventPoints.ts';
import { DotLayer } from './dotLayer.ts';
import { idOf } from './contentKey.ts';

export type { EventPoints } from './eventPoints.ts';

/** Days of events shown up to the date: the month a timeline step moves over. */
export const EVENT_WINDOW_DAYS = 30;

interface Props {
  /** Sorted by day (sortByDay). */
  points: EventPoints;
  /** The window's slice of them: [start, end) (windowSlice). */
  slice: [number, number];
  /** Read by MapboxOverlay (interleaved): the map layer it is drawn under. */
  beforeId?: string;
  /** Read by the frame cache (contentKey.ts). */
  contentKey?: string;
}

class EventWindowLayer extends CompositeLayer<Props> {
  static override layerName = 'EventWindowLayer';
  static override defaultProps: DefaultProps<Props> = {
    slice: { type: 'array', value: [0, 0], compare: true },
  };
  declare state: { positions: Buffer | null };

  override initializeState(): void {
    this.setState({ positions: null });
  }

  override updateState({ props, oldProps }: UpdateParameters<this>): void {
    if (props.points === oldProps.points && this.state.positions) return;
    this.state.positions?.destroy();
    this.setState({
      positions: this.context.device.createBuffer({ data: props.points.positions }),
    });
  }

  override finalizeState(context: Parameters<CompositeLayer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.positions?.destroy();
  }

  override renderLayers() {
    const [start, end] = this.props.slice;
    return new DotLayer(
      this.getSubLayerProps({
        id: 'points',
        positions: this.state.positions!,
        first: start,
        count: end - start,
        radiusPixels: 2.5,
        color: [120, 40, 20, 160],
      }),
    );
  }
}

/** Events from `windowDays` days up to and including the day, under the rivers and labels. */
export function eventPointsLayer(points: EventPoints, day: number, windowDays = EVENT_WINDOW_DAYS) {
  const slice = windowSlice(points.days, day - windowDays + 1, day);
  return new EventWindowLayer({
    id: 'event-points',
    points,
    slice,
    // What it draws (contentKey.ts): the points and the window's slice of them.
    contentKey: `${idOf(points)}: ${slice[0]}-${slice[1]}`,
    beforeId: 'rivers',
  });
}
