/**
 * What the About panel says of the scenario data beyond the per-layer sources: the documents
 * it was compiled from, how to cite it, and the assumptions a reader must know. The words are
 * messages in the reader's language; the documents' own titles and the citation stay as written.
 */
import { m } from '../../paraglide/messages.js';
import { dayNumber } from '../domain/dates.ts';
import { formatDayShort, formatMonthShort } from '../domain/format.ts';
import type { Locale } from '../domain/locales.ts';

export interface ScenarioSource {
  /** Stable, for keyed lists. */
  id: string;
  name: (locale: Locale) => string;
  detail: (locale: Locale) => string;
}

const day = (y: number, mo: number, d: number, locale: Locale) =>
  formatDayShort(dayNumber(y, mo, d), locale);
const month = (y: number, mo: number, locale: Locale) =>
  formatMonthShort(dayNumber(y, mo, 1), locale);

export const SCENARIO_SOURCES: ScenarioSource[] = [
  {
    id: 'strategy',
    name: (locale) => m.about_source_strategy({ date: day(2020, 10, 27, locale) }, { locale }),
    detail: (locale) => m.about_source_strategy_detail({}, { locale }),
  },
  {
    id: 'geo-pko',
    // A bibliographic reference: as published.
    name: () =>
      'Geo-PKO v2.3: Cil, Fjelde, Hultman and Nilsson (2020), "Mapping blue helmets", Journal of Peace Research',
    detail: (locale) => m.about_source_geopko_detail({}, { locale }),
  },
  {
    id: 'resolutions',
    name: (locale) => m.about_source_resolutions({}, { locale }),
    detail: (locale) => m.about_source_resolutions_detail({}, { locale }),
  },
  {
    id: 'studies',
    name: (locale) =>
      m.about_source_studies(
        { ipi: month(2020, 12, locale), iom: month(2021, 2, locale) },
        { locale },
      ),
    detail: (locale) => m.about_source_studies_detail({}, { locale }),
  },
  {
    id: 'news',
    name: (locale) => m.about_source_news({}, { locale }),
    detail: (locale) => m.about_source_news_detail({}, { locale }),
  },
  {
    id: 'places',
    name: (locale) => m.about_source_places({}, { locale }),
    detail: (locale) => m.about_source_places_detail({}, { locale }),
  },
];

/** How to cite the dataset: a reference, kept as written whatever the interface's language. */
export const CITATION =
  'Drawdown Map contributors (2026). MONUSCO drawdown dataset, 2019–2026, version 0.1. Compiled from UN documents, Geo-PKO v2.3 and public reporting; sources cited per record.';

/** What a reader must know to read the data right, in the reader's language. */
export const ASSUMPTIONS: ((locale: Locale) => string)[] = [
  m.about_assumption_troops,
  m.about_assumption_precision,
  m.about_assumption_no_opening,
  m.about_assumption_geopko,
  m.about_assumption_east,
  m.about_assumption_no_coordinate,
  m.about_assumption_boundaries,
  m.about_assumption_intensity,
  m.about_assumption_data_date,
].map((msg) => (locale: Locale) => msg({}, { locale }));
