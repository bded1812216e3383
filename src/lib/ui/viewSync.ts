/**
 * Reading and applying a saved view (domain/savedView.ts): the one way a link (HashSync), a
 * new slide (SlidesPanel) and the presenter (Presenter) take the app's state and set it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { isoOfDay, parseFuzzyDate, type FuzzyDate } from '../domain/dates.ts';
import { reachableCamera, type CameraLimits } from '../domain/reachableCamera.ts';
import type { Camera, SavedView } from '../domain/savedView.ts';
import { fitCountry, showsWholeCountry } from '../map/fitControl.ts';
import type { PlanningState } from '../state/planningState.svelte.ts';
import type { TimelineState } from '../state/timelineState.svelte.ts';
import type { ViewState } from '../state/viewState.svelte.ts';

export interface ViewTargets {
  timeline: TimelineState;
  view: ViewState;
  planning: PlanningState;
  map: MapLibreMap | null;
}

/** The map's camera as a view keeps it: none while it shows the whole country as fitted. */
export function cameraOf(map: MapLibreMap | null): Camera | null {
  if (!map || showsWholeCountry(map)) return null;
  const c = map.getCenter();
  return [+c.lng.toFixed(4), +c.lat.toFixed(4), +map.getZoom().toFixed(2)];
}

/** The app's view now. */
export function currentView(t: ViewTargets): SavedView {
  return {
    date: isoOfDay(t.timeline.day),
    view: t.map ? cameraOf(t.map) : t.view.view,
    layers: [...t.view.layers],
    plan: t.view.plan,
    sel: t.view.selected,
    scn: t.planning.activeId,
  };
}

/** Where the map can go (https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/#getmaxbounds). */
function limitsOf(map: MapLibreMap): CameraLimits {
  const b = map.getMaxBounds();
  return {
    bounds: b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null,
    minZoom: map.getMinZoom(),
    maxZoom: map.getMaxZoom(),
  };
}

/**
 * Shows `v`: every part of it, so nothing of the view before stays behind. A scenario this
 * browser does not hold (a link from elsewhere) shows the baseline, and `planning.missing`
 * says so. A camera the map cannot show is brought within its limits (reachableCamera);
 * without one, the whole country is fitted to this screen. `view.view` is then the camera as
 * shown, so the URL written from it is one the map can show.
 */
export function applyView(t: ViewTargets, v: SavedView, from: 'link' | 'slide' = 'link'): void {
  const { planning, view, timeline, map } = t;
  // A link's scenario (planning.linked) is shown though not saved.
  const held = v.scn !== null && planning.holds(v.scn);
  planning.activeId = held ? v.scn : null;
  planning.missing = v.scn && !held ? { id: v.scn, from } : null;
  view.show(v.layers);
  view.plan = v.plan;
  view.selected = v.sel;
  const camera = v.view && map ? reachableCamera(v.view, limitsOf(map)) : v.view;
  if (camera) map?.jumpTo({ center: [camera[0], camera[1]], zoom: camera[2] });
  else if (map && !showsWholeCountry(map)) fitCountry(map);
  // MapLibre keeps the centre where the view stays within maxBounds: read back what it shows.
  view.view = map ? cameraOf(map) : camera;
  timeline.go((parseFuzzyDate(v.date, 'day') as FuzzyDate).first, false);
}
