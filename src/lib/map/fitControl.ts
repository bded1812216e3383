/**
 * Fitting the country into the free part of the map: on load, from a "Whole country" button
 * beside the zoom buttons (after zooming into the Kivus, a briefer gets back to the whole
 * country in one click), and again whenever the map changes size while nobody has moved it
 * since (entering a presentation frees the timeline's room and brings the slide caption).
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { fitPadding, mercatorAspect, type Box, type Padding } from './fitPadding.ts';
import { FIT_BUTTON, nameButton } from './controlWords.ts';
import { m } from '../../paraglide/messages.js';

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

/**
 * Marks what floats over the map, for the fit to keep clear of: "column" (App.svelte's
 * columns: each child is a panel), "panel" (the element itself), "always" (the element,
 * cleared whatever it costs: see fitPadding.ts), or "edge" (a strip along the map's edge, the
 * credits: cleared whatever it costs, by EDGE_GAP rather than the margin).
 */
export const OVER_MAP = 'data-over-map';

/**
 * Room around the country: more at its sides, where the names of the sites nearest the border
 * run out past it (Kinshasa's to the west, the Kivus' to the east over the lakes), so that no
 * name is cut by a panel or the map's edge.
 */
const MARGIN = { top: 24, right: 48, bottom: 24, left: 40 };
const EDGE_GAP = 6;

interface Fitter {
  /** Fits the country now, clear of what floats over the map as laid out now. */
  fit(): void;
  /** Fits it anew if the view is untouched and what floats over the map has moved. */
  refit(): void;
  /** Whether the view is the fitted one: nobody has moved the map since. */
  untouched(): boolean;
}

/** Per map with the control. */
const fitters = new WeakMap<MapLibreMap, Fitter>();

/**
 * Shows the whole country, as on load, clear of what floats over the map now: for a slide
 * saved without a view of its own, clear of its caption.
 */
export function fitCountry(map: MapLibreMap | null | undefined): void {
  if (map) fitters.get(map)?.fit();
}

/**
 * A panel over the map opened, closed or changed size (refitWhenResized, or a presentation's
 * legend shown or hidden):
 * an untouched whole-country view is fitted anew clear of it, so opening the impact panel or
 * the sites table does not hide the west of the country. Nothing moves if the padding the fit
 * would use is the same (a table's rows changing with the date), nor once the map was moved.
 */
export function refitCountry(map: MapLibreMap | null | undefined): void {
  if (map) fitters.get(map)?.refit();
}

/**
 * A Svelte action for a column of panels over the map: whenever it changes size (a panel opens
 * or closes), the map `map()` gives is refitted if untouched (refitCountry).
 */
export function refitWhenResized(column: HTMLElement, map: () => MapLibreMap | null) {
  const observer = new ResizeObserver(() => refitCountry(map()));
  observer.observe(column);
  return { destroy: () => observer.disconnect() };
}

/**
 * Whether the map shows the fitted whole country, untouched: a slide saved then records no
 * view, so that presenting fits the country to the presentation's own layout (its centre and
 * zoom, taken beside the layer panel, would put the country off-centre and under the caption).
 */
export function showsWholeCountry(map: MapLibreMap | null | undefined): boolean {
  return (map && fitters.get(map)?.untouched()) ?? false;
}

/**
 * What floats over `container` (the map), as laid out now, in the map's own pixels: each
 * marked element, or each child of a marked column. Hidden ones measure 0 × 0.
 */
export function overMapBoxes(container: HTMLElement): Box[] {
  const at = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const marked of document.querySelectorAll(`[${OVER_MAP}]`)) {
    const how = marked.getAttribute(OVER_MAP);
    const panels = how === 'column' ? [...marked.children] : [marked];
    for (const panel of panels) {
      const r = panel.getBoundingClientRect();
      boxes.push({
        left: r.left - at.left,
        top: r.top - at.top,
        right: r.right - at.left,
        bottom: r.bottom - at.top,
        always: how === 'always' || how === 'edge',
        ...(how === 'edge' ? { gap: EDGE_GAP } : {}),
      });
    }
  }
  return boxes;
}

/**
 * The padding that fits the country's `bounds` clear of what floats over `container`, as it
 * is laid out now (fitPadding.ts).
 */
export function panelPadding(container: HTMLElement, bounds: Bounds): Padding {
  const at = container.getBoundingClientRect();
  const boxes = overMapBoxes(container);
  return fitPadding(at.width, at.height, boxes, MARGIN, mercatorAspect(...bounds));
}

/**
 * The "Whole country" button, for a map just made with the fitted view of `bounds` (the
 * country's); while that view stays untouched, a change of the map's size fits it anew.
 */
export function countryFit(bounds: Bounds): IControl {
  let container: HTMLDivElement | null = null;
  let off = () => {};
  return {
    onAdd(map: MapLibreMap) {
      /** The camera of the last fit, to tell whether anyone has moved the map since. */
      let fitted = camera(map);
      /** The map's size then: an export resizes it to the same size and back. */
      const sizeOf = () => `${map.getContainer().clientWidth}x${map.getContainer().clientHeight}`;
      let fittedSize = sizeOf();
      /** The padding of the last fit: what floated over the map then. */
      let fittedPadding = '';
      /**
       * While a fit moves the camera: its own 'moveend' (at once without animation, at the end
       * of one with) comes before `fitted` can be updated, and must read as untouched, so the
       * URL records no view for it (HashSync.svelte).
       */
      let fitting = false;
      const untouched = () => fitting || same(camera(map), fitted);
      const fit = (animate: boolean) => {
        fittedSize = sizeOf();
        // Fitted at the map's present size: just after a layout change (a presentation
        // starting) MapLibre may not have noticed it yet.
        const canvas = map.getCanvas();
        if (
          canvas.clientWidth !== map.getContainer().clientWidth ||
          canvas.clientHeight !== map.getContainer().clientHeight
        )
          map.resize();
        const padding = panelPadding(map.getContainer(), bounds);
        fittedPadding = JSON.stringify(padding);
        fitting = true;
        if (!animate) {
          try {
            map.fitBounds(bounds, { padding, bearing: 0, animate });
          } finally {
            fitting = false;
          }
          fitted = camera(map);
          return;
        }
        map.once('moveend', () => {
          fitted = camera(map);
          fitting = false;
        });
        map.fitBounds(bounds, { padding, bearing: 0 });
      };
      // What floats over the map is laid out anew in the same frame as a resize, so the fit
      // waits for the next one.
      let pending = 0;
      const refit = () => {
        if (!untouched() || pending) return;
        pending = requestAnimationFrame(() => {
          pending = 0;
          if (untouched()) fit(false);
        });
      };
      // A resize of an untouched view fits it anew. Whether it was untouched is judged just
      // before: resizing, MapLibre may move the centre to keep the view within its pan limits,
      // and that is no one's doing. An export at twice the resolution keeps the size: a fit then
      // would draw the map once more, at that resolution (~200 ms under a software renderer).
      const resize = map.resize;
      map.resize = function (this: MapLibreMap, ...args: Parameters<typeof resize>) {
        const was = untouched();
        const out = resize.apply(this, args);
        if (was) {
          fitted = camera(map);
          if (sizeOf() !== fittedSize) refit();
        }
        return out;
      };
      const panelsMoved = () => {
        if (!untouched() || map.isMoving()) return;
        const padding = JSON.stringify(panelPadding(map.getContainer(), bounds));
        if (padding !== fittedPadding) fit(false);
      };
      fitters.set(map, { fit: () => fit(false), refit: panelsMoved, untouched });
      off = () => {
        map.resize = resize;
        fitters.delete(map);
        cancelAnimationFrame(pending);
      };

      container = document.createElement('div');
      container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = FIT_BUTTON;
      // Named again on a switch of language (controlWords.ts).
      nameButton(button, m.map_fit_country());
      button.append(cornersIcon());
      button.addEventListener('click', () => fit(true));
      container.append(button);
      return container;
    },
    onRemove() {
      off();
      container?.remove();
      container = null;
    },
  };
}

interface Camera {
  lng: number;
  lat: number;
  zoom: number;
  bearing: number;
}

function camera(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing() };
}

/** Equal up to float noise: a resize recomputes the centre from pixels. */
function same(a: Camera, b: Camera): boolean {
  const eps = 1e-6;
  return (
    Math.abs(a.lng - b.lng) < eps &&
    Math.abs(a.lat - b.lat) < eps &&
    Math.abs(a.zoom - b.zoom) < eps &&
    Math.abs(a.bearing - b.bearing) < eps
  );
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
