/**
 * Words for imported events in the reader's language: ACLED's and UCDP's kinds of event (kept
 * as the source writes them in the data, translated only where shown), actor families, windows,
 * and an event's date and place as the tooltip, the table and its buttons say them.
 */
import { m } from '../../../paraglide/messages.js';
import { formatDay, formatDayShort, formatMonth, formatMonthShort } from '../../domain/format.ts';
import type { Locale } from '../../domain/locales.ts';
import { DATE_PRECISIONS, type ActorFamily, type EventColumns } from '../../import/types.ts';
import type { WindowId } from '../../state/importState.svelte.ts';

const TYPES: Readonly<Record<string, () => string>> = {
  Battles: m.import_type_battles,
  'Violence against civilians': m.import_type_vac,
  'Explosions/Remote violence': m.import_type_explosions,
  Riots: m.import_type_riots,
  Protests: m.import_type_protests,
  'Strategic developments': m.import_type_strategic,
  'State-based violence': m.import_type_state_based,
  'Non-state violence': m.import_type_non_state,
  'One-sided violence': m.import_type_one_sided,
};

/** A known event type in the reader's language; any other as the file writes it. */
export const typeName = (t: string): string => TYPES[t]?.() ?? (t || m.import_type_none());

const FAMILIES: Record<ActorFamily, () => string> = {
  state: m.import_family_state,
  rebel: m.import_family_rebel,
  political_militia: m.import_family_political_militia,
  identity_militia: m.import_family_identity_militia,
  rioters: m.import_family_rioters,
  protesters: m.import_family_protesters,
  civilians: m.import_family_civilians,
  external: m.import_family_external,
  unknown: m.import_family_unknown,
};

export const familyName = (f: ActorFamily): string => FAMILIES[f]();

export const WINDOW_NAMES: Record<WindowId, () => string> = {
  '1m': m.import_window_1m,
  '3m': m.import_window_3m,
  '12m': m.import_window_12m,
  all: m.import_window_all,
};

/**
 * An imported event's date, no more precise than its source: "12 April 2024", "12 April 2024
 * (week)", "April 2024 (month)", "2024 (year)" (formatFuzzyDate's wording); `short` abbreviates
 * the month, for the table. An unknown precision (a dataset kept before it was recorded) shows
 * the day, as the page did then.
 */
export function eventDate(day: number, precision: number, locale: Locale, short = false): string {
  switch (DATE_PRECISIONS[precision]) {
    case 'week':
      return m.event_date_week(
        { date: short ? formatDayShort(day, locale) : formatDay(day, locale) },
        { locale },
      );
    case 'month':
      return m.date_precision_month(
        { month: short ? formatMonthShort(day, locale) : formatMonth(day, locale) },
        { locale },
      );
    case 'year':
      // The year as written, not as a number: no digit grouping ("2 024").
      return m.date_precision_year(
        { year: String(new Date(day * 86_400_000).getUTCFullYear()) },
        { locale },
      );
    default:
      return short ? formatDayShort(day, locale) : formatDay(day, locale);
  }
}

type Where = Pick<EventColumns, 'positions' | 'place' | 'places'>;

/** The place an event's file names ("Kiwanja, Nord-Kivu"), or "" when it names none. */
export const namedPlace = (c: Where, i: number): string => c.places[c.place[i]!] ?? '';

/** Decimal degrees to four places (about 10 m), with a point in both languages. */
const deg = (v: number) => String(Number(v.toFixed(4)));

/** Where an event happened: the place its file names, else its latitude and longitude. */
export const eventPlace = (c: Where, i: number): string =>
  namedPlace(c, i) || `${deg(c.positions[2 * i + 1]!)}, ${deg(c.positions[2 * i]!)}`;
