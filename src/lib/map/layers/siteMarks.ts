/**
 * Everything drawn for a site, as entries of one icon layer: the site while it is open, its
 * closure mark around the day it closes (not for a site only last seen: nothing says it closed
 * then), and its ghost after that.
 *
 * Each entry is shown while the day lies in its own span, so one GPU filter with the same
 * range for all of them ("the day is inside the entry's span") times every entry, and the
 * three need one layer, not three.
 */
import type { FuzzyDate } from '../../domain/dates.ts';
import type { Closure } from '../../domain/schema.ts';
import { TIMELINE_START } from '../../domain/timeline.ts';
import { NEVER_AFTER, type SiteDatum } from './prepare.ts';

/** Days before its last open day that a closing site starts to fade. */
export const FADE_DAYS = 31;
/** Days either side of its last open day that a site's closure mark shows. */
export const CLOSING_DAYS = 31;

export type MarkRole = 'site' | 'ghost' | 'closing';

export interface SiteMark {
  datum: SiteDatum;
  role: MarkRole;
  /** The icon id in the atlas (symbols.ts). */
  icon: string;
  /** [first day shown, last day shown]. */
  span: [number, number];
  /** Whether it fades over its last month shown: a site about to close does, nothing else. */
  fades: boolean;
  size: number;
  /** Opacity, 0–255: ghosts are faint. */
  alpha: number;
  /** Pixels from the site's position: the closure mark sits at its upper right. */
  offset: [number, number];
}

const GHOST_PX = 16;
const CLOSING_PX = 18;
const GHOST_ALPHA = 191;
const CLOSING_OFFSET: [number, number] = [14, -14];
const NO_OFFSET: [number, number] = [0, 0];

/**
 * The days a site's closure mark ("Closing this month") shows, around `last` (its last day
 * open), or null for no mark. None for a site only last seen: nothing says it closed then. None
 * either for a closing wholly before the timeline's `start`, at any precision: such a site is
 * closed when the timeline begins, and shows as a ghost from the first screen. A closing known
 * only to the year 2018 ends on 31 December 2018 (dates.ts), and its mark would otherwise claim
 * on 1 January 2019 that the site was closing that month.
 */
export function closingSpan(
  closed: Pick<FuzzyDate, 'last'>,
  closure: Closure | null,
  last: number,
  start: number = TIMELINE_START,
): [number, number] | null {
  if (closure === 'last_seen' || closed.last < start) return null;
  return [last - CLOSING_DAYS, last + CLOSING_DAYS];
}

/**
 * The entries for the sites, in drawing order (ghosts, then closure marks, then the sites on
 * top), with sites and with closed sites (ghosts and closure marks) as the layer toggles say.
 */
export function siteMarks(
  sites: SiteDatum[],
  show: { sites: boolean; closed: boolean },
  start: number = TIMELINE_START,
): SiteMark[] {
  const closed = show.closed ? sites.filter((d) => d.site.closed !== null) : [];
  const ghosts = closed.map((d): SiteMark => ({
    datum: d,
    role: 'ghost',
    icon: `ghost-${d.site.closure ?? 'closed'}`,
    span: [d.span[1] + 1, NEVER_AFTER],
    fades: false,
    size: GHOST_PX,
    alpha: GHOST_ALPHA,
    offset: NO_OFFSET,
  }));
  const closing = closed.flatMap((d): SiteMark[] => {
    const span = closingSpan(d.site.closed!, d.site.closure, d.span[1], start);
    return span
      ? [
          {
            datum: d,
            role: 'closing',
            icon: 'closing',
            span,
            fades: false,
            size: CLOSING_PX,
            alpha: 255,
            offset: CLOSING_OFFSET,
          },
        ]
      : [];
  });
  const open = show.sites
    ? sites.map((d): SiteMark => ({
        datum: d,
        role: 'site',
        icon: d.site.kind,
        span: d.span,
        fades: true,
        size: d.size,
        alpha: 255,
        offset: NO_OFFSET,
      }))
    : [];
  return [...ghosts, ...closing, ...open];
}

/**
 * The marks shown on `day`, for the site names to keep clear of (siteNames.ts). `prev` is
 * handed back when the same marks are shown, so a step that shows or hides none lays out no
 * name. Only the day's marks: kept clear of every mark of every date, the names along the
 * Kivus' chain stood far from their symbols, beside another site's closure mark ("Goma" read
 * as "Goma closing").
 */
export function marksOn<M extends Pick<SiteMark, 'span'>>(
  marks: readonly M[],
  day: number,
  prev: readonly M[] = [],
): readonly M[] {
  const on = marks.filter((m) => m.span[0] <= day && day <= m.span[1]);
  return on.length === prev.length && on.every((m, i) => m === prev[i]) ? prev : on;
}
