/**
 * One saved look of the map, the same for a link, a slide and the presenter: the date, the
 * camera (none: the whole country, fitted to the screen that shows it), the layers shown, the
 * plan the provinces are tinted by, the selection and the what-if scenario.
 */
import type { Plan } from './schema.ts';

/** Longitude, latitude and zoom. */
export type Camera = [lon: number, lat: number, zoom: number];

export interface SavedView {
  /** YYYY-MM-DD. */
  date: string;
  view: Camera | null;
  layers: string[];
  plan: Plan;
  sel: string | null;
  scn: string | null;
}

/** The plan a view shows when none is named. */
export const DEFAULT_PLAN: Plan = 'actual';

/**
 * The whole view a partial one (a link names only what differs from the defaults) stands for:
 * what it leaves out is the default, not whatever the app showed before. Back to a link
 * without `layers=` shows the first-visit layers again.
 */
export function completeView(
  part: Partial<SavedView>,
  defaults: { date: string; layers: readonly string[] },
): SavedView {
  return {
    date: part.date ?? defaults.date,
    view: part.view ?? null,
    layers: [...(part.layers ?? defaults.layers)],
    plan: part.plan ?? DEFAULT_PLAN,
    sel: part.sel ?? null,
    scn: part.scn ?? null,
  };
}
