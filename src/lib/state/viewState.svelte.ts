/**
 * What the map shows besides the date: layers, the plan for province tints, the selection.
 * The layers' ids, order and first-visit set come from the layer registry (map/layerRegistry.ts),
 * handed in by App: state knows the choice, not what the layers are.
 */
import { createContext } from 'svelte';
import type { Plan } from '../domain/schema.ts';

export class ViewState {
  /** Every layer id, in the registry's order, and those shown at a first visit. */
  readonly ids: readonly string[];
  readonly initial: readonly string[];
  layers = $state<string[]>([]);
  plan = $state<Plan>('actual');
  /** Selected site or hotspot id. */
  selected = $state<string | null>(null);
  showTable = $state(false);
  /** [lon, lat, zoom] once the user has moved the map; null keeps the fitted view. */
  view = $state.raw<[number, number, number] | null>(null);

  constructor(ids: readonly string[], initial: readonly string[]) {
    this.ids = ids;
    this.initial = initial;
    this.layers = [...initial];
  }

  visible(id: string): boolean {
    return this.layers.includes(id);
  }

  toggle(id: string): void {
    this.layers = this.visible(id)
      ? this.layers.filter((l) => l !== id)
      : this.ids.filter((l) => l === id || this.layers.includes(l));
  }

  /** Shows exactly the known layers among `ids`, in the registry's order. */
  show(ids: readonly string[]): void {
    this.layers = this.ids.filter((l) => ids.includes(l));
  }
}

const [get, set] = createContext<ViewState>();

/** Creates the view state for this tree. Call once, in App. */
export function prepareViewState(ids: readonly string[], initial: readonly string[]): ViewState {
  return set(new ViewState(ids, initial));
}

/** The view state of the enclosing tree. */
export const getViewState = get;
