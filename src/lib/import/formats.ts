/**
 * The formats an imported table can be in, recognised from its header: one registry entry per
 * FormatId with the columns that identify it, what the rows are, how dates are written, which
 * column holds which event field, and the terms its publisher asks users to keep.
 *
 * Where the column lists come from (each checked against a real export in the samples):
 * - ACLED: the codebook (https://acleddata.com/knowledge-base/codebook/) and ACLED's "Guide to
 *   2023 ACLED column changes" (https://acleddata.com/knowledge-base/guide-to-2023-acled-column-changes):
 *   on 20 March 2023 ACLED removed data_id, event_id_no_cnty and iso3 and added disorder_type,
 *   civilian_targeting and tags. Before that, 2019–2022 exports carry data_id, iso,
 *   sub_event_type and iso3; 2018 exports have no sub_event_type; the older all-Africa files
 *   are upper case with GWNO and ALLY_ACTOR_1 and write dates DD/MM/YYYY.
 * - UCDP GED: the GED codebook's variables (id, relid, … type_of_violence, side_a, side_b, …,
 *   date_prec, date_start, date_end, … best, high, low), https://ucdp.uu.se/downloads/.
 *   UCDP Candidate "includes the same variables as the UCDP GED dataset" (Candidate codebook,
 *   p. 2, quoted at https://cdc.univ-lille.fr/ucdp-candidate-events-dataset-ucdp-candidate-version-2x-01-2x-0x),
 *   so a header cannot tell them apart: a GED-shaped file is read as GED and the user may say
 *   it is Candidate (ALTERNATIVES). Nor can the cells, as far as we found: no value of a column
 *   (code_status is "Clear" in every row of the GED 23.1 samples we read), id or relid pattern,
 *   or way of writing dates is documented as one dataset's alone, so nothing here guesses.
 * - Geo-PKO v2.x: the variables the Geo-PKO team's own dashboard reads from Geo_PKO_v.2.0 and
 *   v.2.3 (github.com/geopko/Geo-PKO-Shiny-Dashboard, data_wrangling.R and
 *   data_wrangling_v.2.3.R): source, mission, year, month, location, country, latitude,
 *   longitude, no.troops, no.tcc, nameoftcc_1…, hq, unpol.dummy, unmo.dummy. v1.x writes the
 *   same names with capitals (Mission, No.troops, No.TCC); matching ignores case.
 * - Ours: docs/data-format.md and the specs in src/lib/data/scenario.ts.
 */
import type { ProblemCode, Said } from '../domain/problems.ts';
import type { ColumnMap, DatasetKind, DateStyle, Detected, EventField, FormatId } from './types.ts';

/** One format: how to recognise it and how to read it. */
export interface FormatSpec {
  id: FormatId;
  kind: DatasetKind;
  dateStyle: DateStyle;
  /** Header names (lower case) that identify the format; at least `need` of them present. */
  identify: readonly string[];
  need: number;
  /** Names whose presence rules the format out (a later or earlier version's own columns). */
  exclude: readonly string[];
  /** Header names the format cannot be read without. */
  required: readonly string[];
  /** Which header name (lower case) holds each event field. */
  fields: Readonly<Partial<Record<EventField, string>>>;
  /** The column naming the row's country, where a format has one (for the swap check). */
  country?: string;
  /** Geo-PKO dates a row by a year and a month column; this is the month. */
  month?: string;
  /** False for a format that cannot be told from another by its header (UCDP Candidate). */
  detect: boolean;
  /** The format's name, in the catalogues. */
  label: ProblemCode;
  /** What its publisher asks of users (citation, terms), in the catalogues; null for ours. */
  terms: ProblemCode | null;
}

const ACLED_FIELDS = {
  id: 'event_id_cnty',
  date: 'event_date',
  datePrecision: 'time_precision',
  lat: 'latitude',
  lon: 'longitude',
  geoPrecision: 'geo_precision',
  eventType: 'event_type',
  subEventType: 'sub_event_type',
  actor1: 'actor1',
  actor2: 'actor2',
  inter1: 'inter1',
  fatalities: 'fatalities',
  admin1: 'admin1',
  location: 'location',
  source: 'source',
  notes: 'notes',
} as const;
const ACLED_REQUIRED = ['event_date', 'latitude', 'longitude'];

const UCDP_FIELDS = {
  id: 'id',
  date: 'date_start',
  dateEnd: 'date_end',
  datePrecision: 'date_prec',
  lat: 'latitude',
  lon: 'longitude',
  geoPrecision: 'where_prec',
  eventType: 'type_of_violence',
  actor1: 'side_a',
  actor2: 'side_b',
  fatalities: 'best',
  admin1: 'adm_1',
  location: 'where_coordinates',
  source: 'source_office',
  notes: 'source_headline',
} as const;
const UCDP_IDENTIFY = ['relid', 'type_of_violence', 'side_a', 'side_b', 'date_prec', 'date_start'];

/** Every format, in the order detection tries them (most specific first). */
export const FORMATS: Readonly<Record<FormatId, FormatSpec>> = {
  acled: {
    id: 'acled',
    kind: 'events',
    dateStyle: 'dmy-words',
    identify: ['disorder_type', 'civilian_targeting', 'tags'],
    need: 2,
    exclude: [],
    required: ACLED_REQUIRED,
    fields: ACLED_FIELDS,
    country: 'country',
    detect: true,
    label: 'import_format_acled',
    terms: 'import_terms_acled',
  },
  'acled-2019': {
    id: 'acled-2019',
    kind: 'events',
    dateStyle: 'dmy-words',
    identify: ['data_id', 'sub_event_type', 'iso3', 'event_id_no_cnty'],
    need: 3,
    exclude: ['disorder_type', 'civilian_targeting'],
    required: ACLED_REQUIRED,
    fields: ACLED_FIELDS,
    country: 'country',
    detect: true,
    label: 'import_format_acled_2019',
    terms: 'import_terms_acled',
  },
  'acled-2018': {
    id: 'acled-2018',
    kind: 'events',
    dateStyle: 'dmy-words',
    identify: ['data_id', 'event_id_cnty', 'event_id_no_cnty', 'assoc_actor_1'],
    need: 3,
    exclude: ['sub_event_type', 'disorder_type'],
    required: ACLED_REQUIRED,
    fields: ACLED_FIELDS,
    country: 'country',
    detect: true,
    label: 'import_format_acled_2018',
    terms: 'import_terms_acled',
  },
  'acled-legacy': {
    id: 'acled-legacy',
    kind: 'events',
    dateStyle: 'dmy-slash',
    identify: ['gwno', 'event_id_cnty', 'ally_actor_1'],
    need: 3,
    exclude: [],
    required: ACLED_REQUIRED,
    fields: ACLED_FIELDS,
    country: 'country',
    detect: true,
    label: 'import_format_acled_legacy',
    terms: 'import_terms_acled',
  },
  'ucdp-ged': {
    id: 'ucdp-ged',
    kind: 'events',
    dateStyle: 'iso',
    identify: UCDP_IDENTIFY,
    need: 4,
    exclude: [],
    required: ['date_start', 'latitude', 'longitude'],
    fields: UCDP_FIELDS,
    country: 'country',
    detect: true,
    label: 'import_format_ucdp_ged',
    terms: 'import_terms_ucdp',
  },
  'ucdp-candidate': {
    id: 'ucdp-candidate',
    kind: 'events',
    dateStyle: 'iso',
    identify: UCDP_IDENTIFY,
    need: 4,
    exclude: [],
    required: ['date_start', 'latitude', 'longitude'],
    fields: UCDP_FIELDS,
    country: 'country',
    detect: false,
    label: 'import_format_ucdp_candidate',
    terms: 'import_terms_ucdp_candidate',
  },
  geopko: {
    id: 'geopko',
    // A deployment at a place for a month: drawn on the time axis as an event would be.
    kind: 'events',
    dateStyle: 'iso',
    identify: ['mission', 'no.troops', 'no.tcc', 'nameoftcc_1', 'unpol.dummy', 'unmo.dummy', 'hq'],
    need: 3,
    exclude: [],
    required: ['mission', 'year', 'latitude', 'longitude'],
    fields: {
      date: 'year',
      lat: 'latitude',
      lon: 'longitude',
      actor1: 'mission',
      location: 'location',
      source: 'source',
      notes: 'comments',
    },
    country: 'country',
    month: 'month',
    detect: true,
    label: 'import_format_geopko',
    terms: 'import_terms_geopko',
  },
  'ours-sites': {
    id: 'ours-sites',
    kind: 'sites',
    dateStyle: 'iso',
    identify: ['kind', 'opened', 'opened_precision', 'closure', 'troops_estimate', 'contingent'],
    need: 4,
    exclude: [],
    // opened_basis may be left out (files written before it still load: data-format.md).
    required: [
      'id',
      'name',
      'kind',
      'province_iso',
      'lat',
      'lon',
      'opened',
      'opened_precision',
      'closed',
      'closed_precision',
      'closure',
      'troops_estimate',
      'contingent',
      'source',
      'confidence',
      'notes',
    ],
    fields: {
      id: 'id',
      date: 'opened',
      datePrecision: 'opened_precision',
      dateEnd: 'closed',
      lat: 'lat',
      lon: 'lon',
      eventType: 'kind',
      location: 'name',
      admin1: 'province_iso',
      source: 'source',
      notes: 'notes',
    },
    detect: true,
    label: 'import_format_ours_sites',
    terms: null,
  },
  'ours-hotspots': {
    id: 'ours-hotspots',
    kind: 'hotspots',
    dateStyle: 'iso',
    identify: ['group', 'label', 'radius_km', 'intensity', 'from_precision'],
    need: 4,
    exclude: [],
    // intensity_basis may be left out, as opened_basis for sites.
    required: [
      'id',
      'group',
      'label',
      'province_iso',
      'lat',
      'lon',
      'radius_km',
      'from',
      'from_precision',
      'to',
      'to_precision',
      'intensity',
      'source',
      'confidence',
      'notes',
    ],
    fields: {
      id: 'id',
      date: 'from',
      datePrecision: 'from_precision',
      dateEnd: 'to',
      lat: 'lat',
      lon: 'lon',
      actor1: 'group',
      location: 'label',
      admin1: 'province_iso',
      source: 'source',
      notes: 'notes',
    },
    detect: true,
    label: 'import_format_ours_hotspots',
    terms: null,
  },
  'ours-events': {
    id: 'ours-events',
    kind: 'milestones',
    dateStyle: 'iso',
    identify: ['title', 'date_precision', 'kind', 'provinces', 'description'],
    need: 4,
    exclude: [],
    required: ['date', 'date_precision', 'title', 'description', 'provinces', 'kind', 'source'],
    fields: {
      date: 'date',
      datePrecision: 'date_precision',
      eventType: 'kind',
      location: 'title',
      notes: 'description',
      source: 'source',
    },
    detect: true,
    label: 'import_format_ours_events',
    terms: null,
  },
  generic: {
    id: 'generic',
    kind: 'events',
    dateStyle: 'iso',
    identify: [],
    need: 1,
    exclude: [],
    required: [],
    fields: {},
    detect: false,
    label: 'import_format_generic',
    terms: null,
  },
};

/**
 * Formats a user may switch a detected file to: the ones a header cannot tell apart. UCDP
 * Candidate shares GED's columns; ACLED's versions differ only in columns we do not read.
 */
export const ALTERNATIVES: Readonly<Partial<Record<FormatId, readonly FormatId[]>>> = {
  'ucdp-ged': ['ucdp-candidate'],
  'ucdp-candidate': ['ucdp-ged'],
};

/** A header name as matched: no byte-order mark, no surrounding spaces, lower case. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Where each name of `header` is, by its key; the first of repeated names wins. */
function positions(header: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!at.has(k)) at.set(k, i);
  });
  return at;
}

/** The column map of a format's fields in a header. */
function columnsOf(spec: FormatSpec, at: Map<string, number>): ColumnMap {
  const columns: ColumnMap = {};
  for (const [field, name] of Object.entries(spec.fields) as [EventField, string][]) {
    const i = at.get(name);
    if (i !== undefined) columns[field] = i;
  }
  return columns;
}

/** The header read as `format`: its column map and what it lacks. */
export function detectAs(header: readonly string[], format: FormatId): Detected {
  const spec = FORMATS[format];
  const at = positions(header);
  return {
    format,
    kind: spec.kind,
    columns: columnsOf(spec, at),
    dateStyle: spec.dateStyle,
    missing: spec.required.filter((n) => !at.has(n)),
  };
}

/**
 * The format a header is in, by its distinctive columns (not their count or order; extra
 * columns are fine), or null for any other table. A recognised format that lacks a column it
 * needs comes back with `missing` filled, so the user is told exactly what is absent.
 */
export function detectFormat(header: string[]): Detected | null {
  const at = positions(header);
  let best: FormatSpec | null = null;
  let bestScore = 0;
  for (const spec of Object.values(FORMATS)) {
    if (!spec.detect) continue;
    if (spec.exclude.some((n) => at.has(n))) continue;
    const score = spec.identify.filter((n) => at.has(n)).length;
    // Ties go to the earlier, more specific entry.
    if (score >= spec.need && score / spec.identify.length > bestScore) {
      best = spec;
      bestScore = score / spec.identify.length;
    }
  }
  return best ? detectAs(header, best.id) : null;
}

/**
 * Header names a table of any kind may use for each field, as keys: lower case, accents and
 * everything but letters and digits removed ("Lat." → "lat", "Date début" → "datedebut").
 * English, French, and the names ACLED and UCDP use; the first field to claim a column wins.
 */
const GUESSES: readonly [EventField, readonly string[]][] = [
  ['lat', ['latitude', 'lat', 'y', 'latitud', 'latdd', 'latdec', 'gpslatitude', 'coordy']],
  ['lon', ['longitude', 'lon', 'lng', 'long', 'x', 'longitud', 'londd', 'gpslongitude', 'coordx']],
  [
    'date',
    [
      'date',
      'eventdate',
      'datestart',
      'startdate',
      'datedebut',
      'datedudebut',
      'datedelevenement',
      'dateevenement',
      'dateincident',
      'jour',
      'day',
    ],
  ],
  ['dateEnd', ['dateend', 'enddate', 'datefin', 'datedefin']],
  ['datePrecision', ['dateprecision', 'timeprecision', 'dateprec', 'precision']],
  [
    'fatalities',
    [
      'fatalities',
      'deaths',
      'killed',
      'dead',
      'morts',
      'mort',
      'victimes',
      'tues',
      'deces',
      'nbmorts',
      'nombredemorts',
      'best',
    ],
  ],
  ['eventType', ['eventtype', 'type', 'typeevenement', 'typedevenement', 'categorie', 'category']],
  ['subEventType', ['subeventtype', 'soustype']],
  ['actor1', ['actor1', 'actor', 'acteur', 'acteur1', 'auteur', 'auteurs', 'perpetrator', 'sidea']],
  ['actor2', ['actor2', 'acteur2', 'target', 'cible', 'sideb']],
  ['inter1', ['inter1']],
  ['admin1', ['admin1', 'province', 'adm1', 'region']],
  [
    'location',
    ['location', 'lieu', 'localite', 'place', 'village', 'ville', 'town', 'site', 'name', 'nom'],
  ],
  ['source', ['source', 'sources']],
  ['notes', ['notes', 'note', 'description', 'commentaire', 'commentaires', 'comments', 'remarks']],
  ['id', ['id', 'eventid', 'eventidcnty', 'identifiant', 'code']],
];

/** A header name as guessColumns compares it. */
function guessKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Which column holds which field in any other table, to pre-fill the column-mapping step:
 * exact names first ("latitude", "Lat.", "morts", "date_debut"), then for date, latitude and
 * longitude any name that contains the word ("Date de l'incident", "GPS latitude").
 */
export function guessColumns(header: string[]): ColumnMap {
  const keys = header.map(guessKey);
  const taken = new Set<number>();
  const columns: ColumnMap = {};
  for (const [field, names] of GUESSES) {
    for (const name of names) {
      const i = keys.findIndex((k, j) => k === name && !taken.has(j));
      if (i >= 0) {
        columns[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  const contains: [EventField, string, string[]][] = [
    ['lat', 'latitude', []],
    ['lon', 'longitude', []],
    // Not a precision or an end: "date_precision", "date fin".
    ['date', 'date', ['prec', 'fin', 'end']],
  ];
  for (const [field, word, unless] of contains) {
    if (columns[field] !== undefined) continue;
    const i = keys.findIndex(
      (k, j) => !taken.has(j) && k.includes(word) && !unless.some((u) => k.includes(u)),
    );
    if (i >= 0) {
      columns[field] = i;
      taken.add(i);
    }
  }
  return columns;
}

/** A generic table read through a column mapping: what it lacks of date, latitude, longitude. */
export function genericDetected(columns: ColumnMap, dateStyle: DateStyle): Detected {
  const missing = (['date', 'lat', 'lon'] as const).filter((f) => columns[f] === undefined);
  return { format: 'generic', kind: 'events', columns, dateStyle, missing: [...missing] };
}

/**
 * HDX's ACLED files carry a second header row of HXL hashtags (#date+occurred, #geo+lat…),
 * https://hxlstandard.org; it is a header, not a bad row. True when every non-empty cell is one.
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  let any = false;
  for (const c of cells) {
    const t = c.trim();
    if (t === '') continue;
    if (t.charCodeAt(0) !== 35) return false;
    any = true;
  }
  return any;
}

/** Why a file cannot be read as events. */
export type Unreadable = 'empty' | 'header-only' | 'no-date-or-coordinates' | 'binary' | 'lacks';

const LISTED = 12;

/** A header as a short list for a sentence: the first names, then how many more. */
function listed(header: readonly string[]): string {
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter(Boolean);
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown}, … (+${names.length - LISTED})` : shown;
}

/**
 * One sentence on why a file was not read: what it seemed to be and what we read. `lacks`
 * names the recognised format and the columns it is missing.
 */
export function describeUnreadable(
  header: string[] | null,
  fileName: string,
  reason: Unreadable,
): Said {
  switch (reason) {
    case 'empty':
      return { code: 'file_empty', params: { file: fileName } };
    case 'binary':
      return { code: 'file_binary', params: { file: fileName } };
    case 'header-only':
      return {
        code: 'file_header_only',
        params: { file: fileName, columns: listed(header ?? []) },
      };
    case 'lacks': {
      const d = header ? detectFormat(header) : null;
      if (d && d.missing.length > 0)
        return {
          code: 'file_format_lacks',
          params: {
            file: fileName,
            format: { code: FORMATS[d.format].label },
            columns: d.missing.join(', '),
          },
        };
      return {
        code: 'file_no_date_coordinates',
        params: { file: fileName, columns: listed(header ?? []) },
      };
    }
    case 'no-date-or-coordinates':
      return {
        code: 'file_no_date_coordinates',
        params: { file: fileName, columns: listed(header ?? []) },
      };
  }
}
