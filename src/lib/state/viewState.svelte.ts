/** What the map shows besides the date: layers, the plan for province tints, the selection. */
import { createContext } from 'svelte';
import type { Plan } from '../domain/schema.ts';

export const LAYER_IDS = ['phases', 'coverage', 'hotspots', 'sites', 'ghosts', 'labels'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const LAYER_LABELS: Record<LayerId, string> = {
  phases: 'Province phases',
  hotspots: 'Armed-group hotspots',
  sites: 'Sites',
  ghosts: 'Closed sites',
  labels: 'Site labels',
  coverage: 'Reach of open sites',
};

/** Shown on a first visit: coverage is an analysis layer, opened from the impact panel. */
export const DEFAULT_LAYERS: LayerId[] = LAYER_IDS.filter((l) => l !== 'coverage');

export class ViewState {
  layers = $state<LayerId[]>([...DEFAULT_LAYERS]);
  plan = $state<Plan>('actual');
  /** Selected site or hotspot id. */
  selected = $state<string | null>(null);
  showTable = $state(false);
  /** [lon, lat, zoom] once the user has moved the map; null keeps the fitted view. */
  view = $state.raw<[number, number, number] | null>(null);

  visible(id: LayerId): boolean {
    return this.layers.includes(id);
  }

  toggle(id: LayerId): void {
    this.layers = this.visible(id)
      ? this.layers.filter((l) => l !== id)
      : LAYER_IDS.filter((l) => l === id || this.layers.includes(l));
  }
}

const [get, set] = createContext<ViewState>();

/** Creates the view state for this tree. Call once, in App. */
export function prepareViewState(): ViewState {
  return set(new ViewState());
}

/** The view state of the enclosing tree. */
export const getViewState = get;
