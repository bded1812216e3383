/**
 * Fitting the country into the free part of the map, on load and from a "Whole country"
 * button beside the zoom buttons: after zooming into the Kivus, a briefer gets back to the
 * whole country in one click.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { fitPadding, mercatorAspect, type Box, type Padding } from './fitPadding.ts';

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

/** Marks a column of panels floating over the map (App.svelte): each child is measured. */
export const OVER_MAP = 'data-over-map';

const MARGIN = 24;

/**
 * The padding that fits the country's `bounds` clear of the panels over `container`, as they
 * are laid out now (fitPadding.ts).
 */
export function panelPadding(container: HTMLElement, bounds: Bounds): Padding {
  const at = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const column of document.querySelectorAll(`[${OVER_MAP}]`))
    for (const panel of column.children) {
      const r = panel.getBoundingClientRect();
      boxes.push({
        left: r.left - at.left,
        top: r.top - at.top,
        right: r.right - at.left,
        bottom: r.bottom - at.top,
      });
    }
  return fitPadding(at.width, at.height, boxes, MARGIN, mercatorAspect(...bounds));
}

/** The button; `bounds` are the country's. */
export function fitControl(bounds: Bounds): IControl {
  let container: HTMLDivElement | null = null;
  return {
    onAdd(map: MapLibreMap) {
      container = document.createElement('div');
      container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'fit-country';
      button.setAttribute('aria-label', 'Whole country');
      button.title = 'Whole country';
      button.append(cornersIcon());
      button.addEventListener('click', () =>
        map.fitBounds(bounds, { padding: panelPadding(map.getContainer(), bounds), bearing: 0 }),
      );
      container.append(button);
      return container;
    },
    onRemove() {
      container?.remove();
      container = null;
    },
  };
}

/** Four corners around the centre: "fit", drawn like MapLibre's own icons, dark on white. */
function cornersIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#333');
  path.setAttribute('stroke-width', '2');
  svg.append(path);
  return svg;
}
