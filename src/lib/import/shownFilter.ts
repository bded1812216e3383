/**
 * What is shown of imported events, besides the time window, as the user sets it: by names, so
 * one setting holds across datasets with their own codes. The map's dots and hexagons and the
 * impact panel read the same setting through `shownFilterOf`, and each dataset's codes through
 * `indexFilter`, so what is counted is what is drawn. (Moved here from map/eventStyle.ts, which
 * the state classes may not import.)
 */
import { ACTOR_FAMILIES, type EventColumns } from './types.ts';
import type { EventFilter } from './eventWindow.ts';

/** The user's filter over imported events, by names. */
export interface ShownFilter {
  /** Event type names hidden. */
  hiddenTypes: ReadonlySet<string>;
  /** Actor families hidden. */
  hiddenFamilies: ReadonlySet<string>;
  /** Shown: at least this many fatalities; 0 shows all, unknown included. */
  minFatalities: number;
  /** Shown: first actors containing this text (any case); '' shows all. */
  actorQuery: string;
}

/** The filter that shows everything. */
export const SHOW_ALL: ShownFilter = {
  hiddenTypes: new Set(),
  hiddenFamilies: new Set(),
  minFatalities: 0,
  actorQuery: '',
};

/** The filter as the import state holds it (an empty or cleared number field reads as 0). */
export function shownFilterOf(s: ShownFilter): ShownFilter {
  return {
    hiddenTypes: s.hiddenTypes,
    hiddenFamilies: s.hiddenFamilies,
    minFatalities: s.minFatalities || 0,
    actorQuery: s.actorQuery,
  };
}

/** The filter in a dataset's own codes (its event types, actors), for the hot loops. */
export function indexFilter(c: EventColumns, f: ShownFilter): EventFilter {
  const kept = (names: readonly string[], keep: (name: string) => boolean) => {
    const set = new Set<number>();
    names.forEach((n, i) => keep(n) && set.add(i));
    return set.size === names.length ? null : set;
  };
  const q = f.actorQuery.trim().toLowerCase();
  return {
    types: f.hiddenTypes.size ? kept(c.eventTypes, (t) => !f.hiddenTypes.has(t)) : null,
    families: f.hiddenFamilies.size
      ? kept(ACTOR_FAMILIES, (fam) => !f.hiddenFamilies.has(fam))
      : null,
    actors: q ? kept(c.actors, (a) => a.toLowerCase().includes(q)) : null,
    minFatalities: f.minFatalities,
  };
}
