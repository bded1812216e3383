/**
 * A date as the sources give it, read honestly in the reader's language: "30 Jun 2019",
 * "Feb 2020 (month)", "2019 (year)"; "30 juin 2019", "févr. 2020 (au mois près)". Apart from
 * format.ts because the precision's words come from the catalogues, which Node scripts that
 * only parse dates (the data pipeline) should not need compiled.
 */
import { m } from '../../paraglide/messages.js';
import type { FuzzyDate } from './dates.ts';
import { formatDayShort, formatMonthShort } from './format.ts';
import type { Locale } from './locales.ts';

/** The fuzzy date in `locale`, with its precision said when it is not a day. */
export function formatFuzzyDate(d: FuzzyDate, locale: Locale = 'en'): string {
  if (d.precision === 'day') return formatDayShort(d.first, locale);
  if (d.precision === 'month')
    return m.date_precision_month({ month: formatMonthShort(d.first, locale) }, { locale });
  return m.date_precision_year({ year: d.text }, { locale });
}

/**
 * The fuzzy date as tersely as it can be written without claiming more: "3 Oct 2019",
 * "Oct 2025", "2019". The form itself carries the precision (no day is given where none is
 * known); for tight places such as the chart's legend and the counters. Elsewhere, say it.
 */
export function formatFuzzyDateShort(d: FuzzyDate, locale: Locale = 'en'): string {
  if (d.precision === 'day') return formatDayShort(d.first, locale);
  if (d.precision === 'month') return formatMonthShort(d.first, locale);
  return d.text;
}
