/**
 * A site's opening, closing and troop figure in words, the same in the tooltip and the details
 * panel: "present by 2020" where a source only shows the site there, "last seen 2019" where one
 * only stops showing it, a year's estimate with its year, a figure carried past the last maps
 * said to be so. Never a bare date or number that hides its basis.
 */
import { m } from '../../paraglide/messages.js';
import { formatNumber } from './format.ts';
import { formatFuzzyDate } from './formatFuzzyDate.ts';
import type { Locale } from './locales.ts';
import type { Site } from './schema.ts';
import type { SiteTroopsAt } from './troops.ts';

/** The opening as a value (details): the date, and what it rests on. */
export function openedValue(s: Pick<Site, 'opened' | 'opened_basis'>, locale: Locale): string {
  const to = { locale };
  if (!s.opened) return m.details_opened_unknown({}, to);
  const date = formatFuzzyDate(s.opened, locale);
  if (s.opened_basis === 'opened') return date;
  if (s.opened_basis === 'present_by') return m.site_present_by({ date }, to);
  return m.site_opened_unstated({ date }, to);
}

/** The opening as a tooltip line: "Opened: 2004", "Present by: 2020", "From: 2020". */
export function openedLine(s: Pick<Site, 'opened' | 'opened_basis'>, locale: Locale): string {
  const to = { locale };
  if (!s.opened) return m.map_tooltip_opened_unknown({}, to);
  const date = formatFuzzyDate(s.opened, locale);
  if (s.opened_basis === 'opened') return m.map_tooltip_opened({ date }, to);
  if (s.opened_basis === 'present_by') return m.map_tooltip_present_by({ date }, to);
  return m.map_tooltip_from({ date }, to);
}

/**
 * The closing as a details row, [label, value]: "Closed", the date; or, for a site only last
 * seen, "Last seen", the date and that no source says it closed.
 */
export function closedRow(s: Pick<Site, 'closed' | 'closure'>, locale: Locale): [string, string] {
  const to = { locale };
  if (!s.closed) return [m.details_closed({}, to), m.details_still_open({}, to)];
  const date = formatFuzzyDate(s.closed, locale);
  if (s.closure === 'last_seen')
    return [m.details_last_seen({}, to), m.details_last_seen_value({ date }, to)];
  return [m.details_closed({}, to), date];
}

/** The closing as a tooltip line: "Closed: Jun 2021", "Last seen: 2019 …", "Closed: open". */
export function closedLine(s: Pick<Site, 'closed' | 'closure'>, locale: Locale): string {
  const to = { locale };
  if (!s.closed) return m.map_tooltip_still_open({}, to);
  const date = formatFuzzyDate(s.closed, locale);
  if (s.closure === 'last_seen') return m.map_tooltip_last_seen({ date }, to);
  return m.map_tooltip_closed({ date }, to);
}

/** A site's troop figure on a day as a value, or the year it has none for. */
export function troopsValue(t: SiteTroopsAt | null, year: number, locale: Locale): string {
  const to = { locale };
  const n = (x: number) => formatNumber(x, locale);
  if (!t) return m.details_troops_none_year({ year }, to);
  if (t.basis === 'register') return m.details_troops_register({ n: n(t.troops) }, to);
  if (t.basis === 'carried') return m.details_troops_carried({ n: n(t.troops), year: t.year! }, to);
  return m.details_troops_year(
    { n: n(t.troops), year: t.year!, min: n(t.min ?? t.troops), max: n(t.max ?? t.troops) },
    to,
  );
}

/** The tooltip's troop line, or '' where the site has no figure for the day. */
export function troopsLine(t: SiteTroopsAt | null, locale: Locale): string {
  const to = { locale };
  if (!t) return '';
  const n = formatNumber(t.troops, locale);
  if (t.basis === 'year') return m.map_tooltip_troops_year({ n, year: t.year! }, to);
  if (t.basis === 'carried') return m.map_tooltip_troops_carried({ n, year: t.year! }, to);
  return m.map_tooltip_troops({ n }, to);
}
