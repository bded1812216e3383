/**
 * One row of an event table to an EventRow, or every problem that keeps it out. Runs once per
 * row of a million-row file, so the reading plan of a header (which column is what, which
 * codebook applies) is worked out once per Detected and kept; a row then costs its cells'
 * parsing and one object.
 *
 * Codes read here, and where they are defined:
 * - ACLED time_precision: 1 the source gives the day, 2 a week (or a similar span), 3 only the
 *   month (ACLED codebook, "Time precision codes", https://acleddata.com/knowledge-base/codebook/;
 *   paraphrased in mapme.biodiversity's calc_fatalities_acled.R).
 * - ACLED inter1: 1 State Forces, 2 Rebel Groups, 3 Political Militias, 4 Identity Militias,
 *   5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other Forces (codebook, "Actor Names,
 *   Types, and 'Inter' Codes"; the table in acledR's "Actors and Interactions" article). The
 *   current export writes the words instead ("State forces", "Rebel group", as our bench file
 *   gen-acled.mjs does; acledR's acled_transform_interaction writes "State Forces"), so words
 *   are matched without regard to case or a plural s.
 * - UCDP date_prec: 1 exact day; 2 a span of two to six days; 3 a week; 4 a month; 5 a year
 *   or more (UCDP GED codebook; quoted in mapme.biodiversity's calc_fatalities_ucdp.R). 2 and
 *   3 are read as "week", 4 as "month", 5 as "year".
 * - UCDP type_of_violence: 1 state-based conflict, 2 non-state conflict, 3 one-sided violence
 *   (GED codebook), written out in UCDP's English names.
 */
import type { Said } from '../domain/problems.ts';
import { dateFix, readCoordinatesInto, readDate, readNumber } from './cells.ts';
import { FORMATS, headerKey } from './formats.ts';
import type { ActorFamily, DateStyle, Detected, EventRow, RowProblem } from './types.ts';

type Precision = EventRow['datePrecision'];

// Maps, not objects: a cell reading "constructor" must not find Object.prototype's.
const ACLED_PRECISION = new Map<string, Precision>([
  ['1', 'day'],
  ['2', 'week'],
  ['3', 'month'],
]);
const UCDP_PRECISION = new Map<string, Precision>([
  ['1', 'day'],
  ['2', 'week'],
  ['3', 'week'],
  ['4', 'month'],
  ['5', 'year'],
]);
/** A precision column of our own files or a user's table: in words, English or French. */
const WORD_PRECISION = new Map<string, Precision>([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['year', 'year'],
  ['jour', 'day'],
  ['semaine', 'week'],
  ['mois', 'month'],
  ['année', 'year'],
  ['annee', 'year'],
]);

const UCDP_VIOLENCE = new Map([
  ['1', 'State-based conflict'],
  ['2', 'Non-state conflict'],
  ['3', 'One-sided violence'],
]);

const ACLED_INTER: readonly ActorFamily[] = [
  'unknown', // 0: no second actor; never a first actor's code
  'state',
  'rebel',
  'political_militia',
  'identity_militia',
  'rioters',
  'protesters',
  'civilians',
  'external',
];

/** ACLED's inter words, lower case and singular (a trailing s is dropped before lookup). */
const ACLED_INTER_WORDS = new Map<string, ActorFamily>([
  ['state force', 'state'],
  ['rebel group', 'rebel'],
  ['political militia', 'political_militia'],
  ['identity militia', 'identity_militia'],
  ['rioter', 'rioters'],
  ['protester', 'protesters'],
  ['protestor', 'protesters'],
  ['civilian', 'civilians'],
  ['external/other force', 'external'],
]);

/**
 * Country names meaning the DR Congo, lower case: ACLED's, UCDP's ("DR Congo (Zaire)"),
 * Geo-PKO's, and common spellings of a user's table. Rows of any other named country are
 * not checked for swapped coordinates (cells.ts readCoordinates).
 */
const DRC_NAMES = new Set([
  'democratic republic of congo',
  'democratic republic of the congo',
  'dr congo (zaire)',
  'dr congo',
  'drc',
  'd.r. congo',
  'congo, dem. rep.',
  'congo (kinshasa)',
  'rdc',
  'république démocratique du congo',
  'republique democratique du congo',
  'cod',
  'zaire',
]);

/** How a header's rows are read: worked out once per Detected. */
interface Plan {
  date: number;
  dateEnd: number;
  precision: number;
  lat: number;
  lon: number;
  fatalities: number;
  eventType: number;
  actor1: number;
  actor2: number;
  inter1: number;
  admin1: number;
  location: number;
  country: number;
  /** Geo-PKO: the month column beside the year in `date` (-1 when the file has none). */
  month: number;
  yearMonth: boolean;
  style: DateStyle;
  precisions: ReadonlyMap<string, Precision>;
  precisionOptions: string;
  violence: boolean;
  family: 'acled' | 'ucdp' | 'peacekeepers' | 'none';
  /** Column names as written in the file, for problems. */
  names: string[];
}

const plans = new WeakMap<Detected, Plan>();

/** The plan of a Detected, made on its first row; a Detected is not changed once rows are read. */
function planOf(d: Detected, header: string[]): Plan {
  let p = plans.get(d);
  if (p) return p;
  const spec = FORMATS[d.format];
  const keyed = header.map(headerKey);
  const find = (name: string | undefined) => (name ? keyed.indexOf(name) : -1);
  const c = d.columns;
  const ucdp = d.format === 'ucdp-ged' || d.format === 'ucdp-candidate';
  const acled = d.format.startsWith('acled');
  const precisions = acled ? ACLED_PRECISION : ucdp ? UCDP_PRECISION : WORD_PRECISION;
  p = {
    date: c.date ?? -1,
    dateEnd: c.dateEnd ?? -1,
    precision: c.datePrecision ?? -1,
    lat: c.lat ?? -1,
    lon: c.lon ?? -1,
    fatalities: c.fatalities ?? -1,
    eventType: c.eventType ?? -1,
    actor1: c.actor1 ?? -1,
    actor2: c.actor2 ?? -1,
    inter1: c.inter1 ?? -1,
    admin1: c.admin1 ?? -1,
    location: c.location ?? -1,
    country: find(spec.country),
    month: find(spec.month),
    yearMonth: d.format === 'geopko',
    style: d.dateStyle,
    precisions,
    precisionOptions: [...precisions.keys()].join(', '),
    violence: ucdp,
    // UN peacekeepers are what ACLED's code 8 (External/Other Forces) includes as
    // "international organisations"; Geo-PKO rows are theirs.
    family: ucdp
      ? 'ucdp'
      : d.format === 'geopko'
        ? 'peacekeepers'
        : c.inter1 !== undefined
          ? 'acled'
          : 'none',
    names: header.map((h) => h.replace(/^\uFEFF/, '').trim()),
  };
  plans.set(d, p);
  return p;
}

const MAX_VALUE = 200;

/** A cell, or '' where the row is short of it. */
const cell = (cells: string[], i: number) => (i < 0 ? '' : (cells[i] ?? ''));

/** Trimmed, without a new string when there is nothing to trim (nearly always). */
function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && b > 32 && a !== 0xa0 && b !== 0xa0 ? s : s.trim();
}

/** The field name for problems: the header as written, or the field when the file has none. */
const nameOf = (p: Plan, i: number, field: string) => (i >= 0 ? (p.names[i] ?? field) : field);

/** Adds a problem to a row's list, made on its first problem (good rows make none). */
function problemAt(
  list: RowProblem[] | null,
  line: number,
  field: string,
  value: string,
  problem: Said,
  fix: Said,
): RowProblem[] {
  const out = list ?? [];
  out.push({
    line,
    field,
    value: value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value,
    problem,
    fix,
  });
  return out;
}

// The last country cell seen and whether it named the DRC: files come country by country.
let lastCountry = '';
let lastCountryIsDrc = true;

/** Whether the swap check applies to a row: its country is empty or the DR Congo. */
function checkSwapFor(country: string): boolean {
  if (country === lastCountry) return lastCountryIsDrc;
  const t = trimmed(country).toLowerCase();
  lastCountry = country;
  lastCountryIsDrc = t === '' || DRC_NAMES.has(t);
  return lastCountryIsDrc;
}

// ACLED inter cells as written, and their family, so each spelling is lower-cased once.
const interSeen = new Map<string, ActorFamily>();

/** The family of ACLED's inter1 cell: a code 1–8 or the current export's words. */
function acledFamily(s: string): ActorFamily {
  if (s.length === 1) {
    const k = s.charCodeAt(0) - 48;
    return k >= 1 && k <= 8 ? ACLED_INTER[k]! : 'unknown';
  }
  const seen = interSeen.get(s);
  if (seen) return seen;
  let t = s.trim().toLowerCase();
  if (t.endsWith('s')) t = t.slice(0, -1);
  const k = Number(t);
  const family =
    t !== '' && Number.isInteger(k) && k >= 1 && k <= 8
      ? ACLED_INTER[k]!
      : (ACLED_INTER_WORDS.get(t) ?? 'unknown');
  if (interSeen.size < 1000) interSeen.set(s, family);
  return family;
}

/**
 * UCDP names no actor type in GED: side_a is a government ("Government of DR Congo (Zaire)")
 * or, in non-state conflict and one-sided violence, a group whose kind (rebels, militia) only
 * UCDP's separate actor list records. So a government is "state" and everything else unknown.
 */
const ucdpFamily = (sideA: string): ActorFamily =>
  sideA.startsWith('Government of') ? 'state' : 'unknown';

/** Geo-PKO's year and month (v2.x writes both as numbers) as a month's first and last days. */
function readYearMonth(
  p: Plan,
  cells: string[],
  line: number,
  problems: RowProblem[] | null,
  out: { day: number; dayEnd: number; precision: Precision },
): RowProblem[] | null {
  const yearText = cell(cells, p.date);
  const year = readNumber(yearText, false);
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) {
    const problem: Said =
      typeof year !== 'number'
        ? year
        : Number.isInteger(year)
          ? { code: 'date_year_outside', params: { year } }
          : { code: 'not_whole_number' };
    return problemAt(problems, line, nameOf(p, p.date, 'year'), yearText, problem, {
      code: 'fix_four_digit_year',
    });
  }
  if (p.month < 0) {
    out.day = readDateOrNaN(`${year}-01-01`);
    out.dayEnd = readDateOrNaN(`${year}-12-31`);
    out.precision = 'year';
    return problems;
  }
  const monthText = cell(cells, p.month);
  const month = readNumber(monthText, false);
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    const problem: Said =
      typeof month !== 'number' ? month : { code: 'date_no_month', params: { month } };
    return problemAt(problems, line, nameOf(p, p.month, 'month'), monthText, problem, {
      code: 'fix_month_number',
    });
  }
  const first = readDateOrNaN(`${year}-${month}-1`);
  const next = month === 12 ? `${year + 1}-1-1` : `${year}-${month + 1}-1`;
  out.day = first;
  out.dayEnd = readDateOrNaN(next) - 1;
  out.precision = 'month';
  return problems;
}

const readDateOrNaN = (iso: string) => {
  const d = readDate(iso, 'iso');
  return typeof d === 'number' ? d : NaN;
};

// Scratch for a row's coordinates and Geo-PKO's dates (a row is read to the end before the
// next starts).
const place = { lat: 0, lon: 0 };
const span: { day: number; dayEnd: number; precision: Precision } = {
  day: 0,
  dayEnd: 0,
  precision: 'day',
};

/**
 * One data row read with a detected (or mapped) header: the event, or every problem found in
 * it, each naming the column as the file writes it, the value (cut to 200 characters), what
 * is wrong and how to fix it. Required: a readable date and valid coordinates; fatalities may
 * be empty (null) but not text or below zero.
 */
export function readEventRow(
  cells: string[],
  d: Detected,
  decimalComma: boolean,
  line: number,
  header: string[],
): EventRow | RowProblem[] {
  const p = planOf(d, header);
  let problems: RowProblem[] | null = null;

  // When.
  let day = NaN;
  let dayEnd = NaN;
  let precision: Precision = 'day';
  if (p.yearMonth) {
    problems = readYearMonth(p, cells, line, problems, span);
    day = span.day;
    dayEnd = span.dayEnd;
    precision = span.precision;
  } else {
    const dateText = cell(cells, p.date);
    const r = readDate(dateText, p.style);
    if (typeof r === 'number') day = dayEnd = r;
    else
      problems = problemAt(
        problems,
        line,
        nameOf(p, p.date, 'date'),
        dateText,
        r,
        dateFix(r, p.style),
      );
    if (p.dateEnd >= 0) {
      const endText = cell(cells, p.dateEnd);
      if (trimmed(endText) !== '') {
        const e = readDate(endText, p.style);
        const endName = nameOf(p, p.dateEnd, 'date_end');
        if (typeof e !== 'number')
          problems = problemAt(problems, line, endName, endText, e, dateFix(e, p.style));
        else if (e < day)
          problems = problemAt(
            problems,
            line,
            endName,
            endText,
            {
              code: 'date_before',
              params: { start: nameOf(p, p.date, 'date'), text: trimmed(dateText) },
            },
            { code: 'fix_check_dates' },
          );
        else dayEnd = e;
      }
    }
    if (p.precision >= 0) {
      const precText = cell(cells, p.precision);
      const t = trimmed(precText);
      if (t !== '') {
        const known = p.precisions.get(t) ?? p.precisions.get(t.toLowerCase());
        if (known) precision = known;
        else
          problems = problemAt(
            problems,
            line,
            nameOf(p, p.precision, 'precision'),
            precText,
            { code: 'not_allowed' },
            { code: 'fix_one_of', params: { options: p.precisionOptions } },
          );
      }
    }
  }

  // Where.
  const latText = cell(cells, p.lat);
  const lonText = cell(cells, p.lon);
  const checkSwap = p.country < 0 || checkSwapFor(cell(cells, p.country));
  const wrong = readCoordinatesInto(latText, lonText, decimalComma, checkSwap, place);
  if (wrong)
    for (const q of wrong) {
      const isLat = q.field === 'lat';
      problems = problemAt(
        problems,
        line,
        isLat ? nameOf(p, p.lat, 'latitude') : nameOf(p, p.lon, 'longitude'),
        isLat ? latText : lonText,
        q.problem,
        q.fix,
      );
    }

  // How many.
  let fatalities: number | null = null;
  if (p.fatalities >= 0) {
    const text = cell(cells, p.fatalities);
    const n = readNumber(text, decimalComma);
    if (typeof n === 'number') {
      if (n < 0)
        problems = problemAt(
          problems,
          line,
          nameOf(p, p.fatalities, 'fatalities'),
          text,
          { code: 'number_below_zero' },
          { code: 'fix_fatalities' },
        );
      else fatalities = n;
    } else if (n.code !== 'is_empty')
      problems = problemAt(problems, line, nameOf(p, p.fatalities, 'fatalities'), text, n, {
        code: 'fix_fatalities',
      });
  }

  if (problems) return problems;

  // Who and what.
  const actor1 = trimmed(cell(cells, p.actor1));
  let family: ActorFamily = 'unknown';
  if (p.family === 'acled') family = acledFamily(trimmed(cell(cells, p.inter1)));
  else if (p.family === 'ucdp') family = ucdpFamily(actor1);
  else if (p.family === 'peacekeepers') family = 'external';
  let eventType = trimmed(cell(cells, p.eventType));
  if (p.violence) eventType = UCDP_VIOLENCE.get(eventType) ?? eventType;

  return {
    day,
    dayEnd,
    datePrecision: precision,
    lat: place.lat,
    lon: place.lon,
    fatalities,
    eventType,
    actor1,
    actor2: trimmed(cell(cells, p.actor2)),
    family,
    admin1: trimmed(cell(cells, p.admin1)),
    location: trimmed(cell(cells, p.location)),
  };
}
