/**
 * The sites stacked under one click: every site with a symbol there (the site, its ghost or its
 * closure mark, as deck.gl's multiple picking finds them, top first), each once, with its state
 * at the day, for the chooser that lets a reader pick one of them.
 */
import type { Site } from '../domain/schema.ts';
import { siteOpenAt } from '../domain/timeline.ts';
import { CLOSING_DAYS, type SiteMark } from './layers/siteMarks.ts';

/** A site's state at the day, as the chooser names it. */
export type StackState = 'open' | 'closing' | 'closed' | 'last_seen';

export interface StackEntry {
  site: Site;
  state: StackState;
}

/** A site's state at the day: open, in its last month open, closed, or only last seen. */
export function stackState(site: Site, day: number): StackState {
  if (siteOpenAt(site, day))
    return site.closed && site.closure !== 'last_seen' && site.closed.last - day < CLOSING_DAYS
      ? 'closing'
      : 'open';
  return site.closure === 'last_seen' ? 'last_seen' : 'closed';
}

/** The distinct sites among the picked marks, in picking order (the top one first). */
export function stackEntries(picked: readonly SiteMark[], day: number): StackEntry[] {
  const seen = new Set<string>();
  const out: StackEntry[] = [];
  for (const mark of picked) {
    const site = mark.datum.site;
    if (seen.has(site.id)) continue;
    seen.add(site.id);
    out.push({ site, state: stackState(site, day) });
  }
  return out;
}
