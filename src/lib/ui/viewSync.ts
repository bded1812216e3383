/**
 * Reading and applying a saved view (domain/savedView.ts): the one way a link (HashSync), a
 * new slide (SlidesPanel) and the presenter (Presenter) take the app's state and set it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { isoOfDay, parseFuzzyDate, type FuzzyDate } from '../domain/dates.ts';
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

/**
 * Shows `v`: every part of it, so nothing of the view before stays behind. A scenario this
 * browser does not hold (a link from elsewhere) shows the baseline. Without a camera, the
 * whole country is fitted to this screen.
 */
export function applyView(t: ViewTargets, v: SavedView): void {
  const { planning, view, timeline, map } = t;
  planning.activeId = v.scn && planning.store.scenarios.some((s) => s.id === v.scn) ? v.scn : null;
  view.show(v.layers);
  view.plan = v.plan;
  view.selected = v.sel;
  view.view = v.view;
  if (v.view) map?.jumpTo({ center: [v.view[0], v.view[1]], zoom: v.view[2] });
  else if (map && !showsWholeCountry(map)) fitCountry(map);
  timeline.go((parseFuzzyDate(v.date, 'day') as FuzzyDate).first, false);
}
